"""Forward migrations: an older ledger is brought up to date when opened."""

from __future__ import annotations

from pathlib import Path

import peewee as pw
import pytest

from models.storage import db, schema
from models.storage.tables import Meta


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

    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    monkeypatch.setitem(schema.MIGRATIONS, schema.SCHEMA_VERSION - 1, add_a_column)
    _definition_with_column(monkeypatch, "customer", "wechat_id")  # the new version's model
    db.open_ledger(path)
    try:
        assert ran == [1]
        assert Meta.get(Meta.key == "schema_version").value == str(schema.SCHEMA_VERSION)
        columns = {c.name for c in db.database.get_columns("customer")}
        assert "wechat_id" in columns
    finally:
        db.close_ledger()
    db.open_ledger(path)  # opening again runs nothing more
    db.close_ledger()
    assert ran == [1]


def _definition_with_column(monkeypatch: pytest.MonkeyPatch, table: str, column: str) -> None:
    import dataclasses

    from models.storage import schema_audit

    own = schema_audit.definition()
    tables = {**own.tables, table: own.tables[table] | {column}}
    monkeypatch.setattr(schema_audit, "definition", lambda: dataclasses.replace(own, tables=tables))


def test_a_failed_migration_leaves_the_ledger_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.qkledger"
    db.open_ledger(path)
    db.close_ledger()

    def broken(database: pw.Database) -> None:
        database.execute_sql("ALTER TABLE customer ADD COLUMN half_done TEXT")
        raise RuntimeError("disk full")

    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    monkeypatch.setitem(schema.MIGRATIONS, schema.SCHEMA_VERSION - 1, broken)
    with pytest.raises(db.LedgerFileError, match="could not be upgraded"):
        db.open_ledger(path)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION - 1)
    db.open_ledger(path)
    try:
        assert "half_done" not in {c.name for c in db.database.get_columns("customer")}
        assert Meta.get(Meta.key == "schema_version").value == str(schema.SCHEMA_VERSION)
    finally:
        db.close_ledger()


def _make_v1_ledger(path: Path) -> None:
    """A version-1 ledger as the first release wrote it: no last payment in the cache,
    full unique indexes, the old balance trigger."""
    import sqlite3

    from models.ledger import customers, posting
    from models.vocabulary.customer_records import CustomerDraft
    from models.vocabulary.entry_records import PaymentMethod
    from tests.models.helpers import D

    db.open_ledger(path)
    c = customers.add_customer(CustomerDraft(code="C1", name="东城王记"))
    posting.post_delivery(c.id, D(2026, 10, 1), 500_00)
    posting.post_payment(c.id, D(2026, 11, 2), 100_00, PaymentMethod.CASH)
    bad = posting.post_payment(c.id, D(2026, 11, 9), 50_00, PaymentMethod.CASH)
    posting.void(bad.id, "typo")
    db.close_ledger()
    con = sqlite3.connect(path)
    con.executescript(
        """
        DROP TRIGGER entry_keeps_balance;
        CREATE TRIGGER entry_keeps_balance AFTER INSERT ON entry BEGIN
          INSERT INTO balance_cache (customer_id, balance, last_date)
          VALUES (NEW.customer_id, NEW.delta, NEW.date)
          ON CONFLICT (customer_id) DO UPDATE SET balance = balance + excluded.balance,
          last_date = max(last_date, excluded.last_date);
        END;
        ALTER TABLE balance_cache DROP COLUMN last_payment_on;
        UPDATE meta SET value = '1' WHERE key = 'schema_version';
        """
    )
    con.commit()
    con.close()


def test_version_1_ledgers_get_the_last_payment_cache(tmp_path: Path) -> None:
    from models.ledger import ledger, posting
    from models.ledger.check import check_ledger
    from models.vocabulary.entry_records import PaymentMethod
    from tests.models.helpers import D

    path = tmp_path / "v1.qkledger"
    _make_v1_ledger(path)
    db.open_ledger(path)
    try:
        assert Meta.get(Meta.key == "schema_version").value == str(schema.SCHEMA_VERSION)
        assert ledger.last_payment_dates() == {1: D(2026, 11, 2)}
        posting.post_payment(1, D(2026, 11, 20), 10_00, PaymentMethod.WECHAT)
        assert ledger.last_payment_dates() == {1: D(2026, 11, 20)}  # the new trigger runs
        assert check_ledger() == []
    finally:
        db.close_ledger()


def _downgrade_to_version_3() -> None:
    """Make the open ledger as version 3 left it: no live documents, no hash chain."""
    on_entry = " ON entry" if db.is_postgres() else ""
    for name in ("entry_keeps_live_documents", "entry_frees_live_documents"):
        db.database.execute_sql(f"DROP TRIGGER IF EXISTS {name}{on_entry}")
    db.database.execute_sql("DROP TABLE live_document")
    db.database.execute_sql("DROP TABLE entry_chain")  # its guards go with it
    Meta.delete().where(Meta.key == "entry_chain_tip").execute()
    Meta.update(value="3").where(Meta.key == "schema_version").execute()


def test_version_3_ledgers_get_the_chain_and_keep_their_duplicates(ledger: str) -> None:
    from models.ledger import posting
    from models.ledger.check import check_ledger
    from models.vocabulary.entry_records import PaymentMethod
    from models.vocabulary.errors import InputError
    from tests.models.helpers import D, make_customer

    c = make_customer()
    first = posting.post_delivery(c.id, D(2026, 10, 1), 500_00, doc_no="SH-1")
    posting.post_payment(c.id, D(2026, 10, 2), 100_00, PaymentMethod.CASH)
    posting.void(posting.post_delivery(c.id, D(2026, 10, 3), 9_00, doc_no="SH-2").id, "typo")
    second = posting.post_delivery(c.id, D(2026, 10, 4), 500_00, doc_no="SH-9")
    _downgrade_to_version_3()
    # Version 3 let a race post the same note twice.
    db.database.execute_sql(
        db.placeholders(
            "INSERT INTO entry (customer_id, date, kind, amount, delta, doc_no, memo, "
            "void_reason, entered_by, created_at) "
            "SELECT customer_id, date, kind, amount, delta, 'SH-1', memo, void_reason, "
            "entered_by, created_at FROM entry WHERE id = ?"
        ),
        (second.id,),
    )
    twin = second.id + 1
    db.close_ledger()
    db.open_ledger(ledger)
    assert Meta.get(Meta.key == "schema_version").value == str(schema.SCHEMA_VERSION)
    assert db.guards_warning() == ""
    assert check_ledger() == [
        f"Document SH-1 is posted 2 times for customer C001 (entries {first.id}, {twin}): "
        "void the extra ones."
    ]
    posting.post_delivery(c.id, D(2026, 10, 5), 9_00, doc_no="SH-2")  # voided: free again
    with pytest.raises(InputError, match="SH-9 is already posted"):
        posting.post_delivery(c.id, D(2026, 10, 5), 500_00, doc_no="SH-9")
    posting.void(first.id, "posted twice")  # the twin keeps the number live
    with pytest.raises(InputError, match="SH-1 is already posted"):
        posting.post_delivery(c.id, D(2026, 10, 5), 500_00, doc_no="SH-1")
    assert check_ledger() == []


def _reading_indexes() -> set[str]:
    return {i.name for table in ("entry", "promise") for i in db.database.get_indexes(table)}


def _downgrade_to_version_9() -> None:
    db.database.execute_sql("DROP INDEX entry_customer_id_date_id_delta_reverses_id_kind")
    db.database.execute_sql("DROP INDEX promise_customer_id_created_at")
    db.database.execute_sql(
        "CREATE INDEX entry_customer_id_date_delta_reverses_id "
        "ON entry (customer_id, date, delta, reverses_id)"
    )
    Meta.update(value="9").where(Meta.key == "schema_version").execute()


def test_version_9_ledgers_get_the_reading_indexes(ledger: str) -> None:
    """Aging walks each customer's debits newest first; from version 10 the index holds
    everything that walk reads, on a migrated ledger as on a new one."""
    from models.ledger import aging, posting
    from tests.models.helpers import D, make_customer

    fresh = _reading_indexes()
    c = make_customer()
    posting.post_delivery(c.id, D(2026, 10, 1), 500_00, doc_no="SH-1")
    posting.post_delivery(c.id, D(2026, 10, 20), 200_00, doc_no="SH-2")
    _downgrade_to_version_9()
    db.close_ledger()
    db.open_ledger(ledger)
    assert Meta.get(Meta.key == "schema_version").value == str(schema.SCHEMA_VERSION)
    assert _reading_indexes() == fresh
    assert aging.age_customer(c.id, D(2026, 11, 30)).buckets[-1] == 0  # still ages
    if not db.is_postgres():
        plan = db.database.execute_sql(
            "EXPLAIN QUERY PLAN " + aging._DEBITS_SQL, (c.id, "2026-11-30")
        ).fetchall()
        assert "COVERING INDEX" in str(plan) and "TEMP B-TREE" not in str(plan)


def test_programs_opening_an_old_ledger_at_once_upgrade_it_once(
    ledger: str, tmp_path: Path
) -> None:
    """Two clerks start the new version on the shared ledger at the same moment: one
    upgrades it, the other waits and finds it current; neither gets an error."""
    from tests.models import racers

    fresh = _reading_indexes()
    _downgrade_to_version_9()
    db.close_ledger()
    log = tmp_path / "upgrades.log"
    outcomes = racers.run_racers(racers.open_old_ledger, 2, ledger, str(log))
    assert outcomes == [[str(schema.SCHEMA_VERSION)]] * 2
    assert len(log.read_text(encoding="utf-8").split()) == 1  # the step ran once
    db.open_ledger(ledger)
    assert _reading_indexes() == fresh
