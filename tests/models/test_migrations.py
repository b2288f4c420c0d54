"""Forward migrations: an older ledger is brought up to date when opened."""

from __future__ import annotations

from pathlib import Path

import peewee as pw
import pytest

from models import db
from models.tables import Meta


def test_an_older_ledger_is_migrated_forward(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.qkledger"
    db.open_ledger(path)
    db.close_ledger()
    ran: list[int] = []

    def add_a_column(database: pw.Database) -> None:
        ran.append(1)
        database.execute_sql("ALTER TABLE customer ADD COLUMN wechat_id TEXT DEFAULT ''")

    monkeypatch.setattr(db, "SCHEMA_VERSION", db.SCHEMA_VERSION + 1)
    monkeypatch.setitem(db.MIGRATIONS, db.SCHEMA_VERSION - 1, add_a_column)
    db.open_ledger(path)
    try:
        assert ran == [1]
        assert Meta.get(Meta.key == "schema_version").value == str(db.SCHEMA_VERSION)
        columns = {c.name for c in db.database.get_columns("customer")}
        assert "wechat_id" in columns
    finally:
        db.close_ledger()
    db.open_ledger(path)  # opening again runs nothing more
    db.close_ledger()
    assert ran == [1]


def test_a_failed_migration_leaves_the_ledger_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.qkledger"
    db.open_ledger(path)
    db.close_ledger()

    def broken(database: pw.Database) -> None:
        database.execute_sql("ALTER TABLE customer ADD COLUMN half_done TEXT")
        raise RuntimeError("disk full")

    monkeypatch.setattr(db, "SCHEMA_VERSION", db.SCHEMA_VERSION + 1)
    monkeypatch.setitem(db.MIGRATIONS, db.SCHEMA_VERSION - 1, broken)
    with pytest.raises(db.LedgerFileError, match="could not be upgraded"):
        db.open_ledger(path)
    monkeypatch.setattr(db, "SCHEMA_VERSION", db.SCHEMA_VERSION - 1)
    db.open_ledger(path)
    try:
        assert "half_done" not in {c.name for c in db.database.get_columns("customer")}
        assert Meta.get(Meta.key == "schema_version").value == str(db.SCHEMA_VERSION)
    finally:
        db.close_ledger()
