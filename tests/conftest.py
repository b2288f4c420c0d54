"""Shared fixtures. `ledger` runs each storage test on SQLite and on PostgreSQL.

PostgreSQL tests use the server named by QK_TEST_PG (default
postgresql://qingkuan:qingkuan@localhost/qingkuan_test) and skip with a reason when it
cannot be reached, unless QK_REQUIRE_PG=1 (set by .ci/run), when they fail instead.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import peewee as pw
import pytest

from models import clock, db
from models.i18n import set_language

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_URL = os.environ.get("QK_TEST_PG", "postgresql://qingkuan:qingkuan@localhost/qingkuan_test")
PINNED = dt.datetime(2026, 11, 26, 9, 0)
_pg_problem: str | None = None


def _reset_postgres() -> None:
    """Empty the test database (drop and recreate its public schema)."""
    global _pg_problem
    target = db._connect_postgres(PG_URL)
    try:
        target.execute_sql("DROP SCHEMA public CASCADE")
        target.execute_sql("CREATE SCHEMA public")
    finally:
        target.close()


def postgres_or_skip() -> str:
    try:
        _reset_postgres()
    except (db.LedgerFileError, pw.OperationalError) as err:
        reason = f"PostgreSQL not reachable at {PG_URL}: {err}"
        if os.environ.get("QK_REQUIRE_PG") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return PG_URL


def open_fresh(kind: str, tmp_path: Path) -> str:
    target = postgres_or_skip() if kind == "postgres" else str(tmp_path / "test.qkledger")
    db.open_ledger(target)
    return target


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def ledger(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty, open ledger on SQLite or PostgreSQL; yields its path or URL."""
    target = open_fresh(request.param, tmp_path)
    try:
        yield target
    finally:
        db.close_ledger()


@pytest.fixture
def sqlite_ledger(tmp_path: Path) -> Iterator[str]:
    """An empty SQLite ledger, for tests about the file itself."""
    target = open_fresh("sqlite", tmp_path)
    try:
        yield target
    finally:
        db.close_ledger()


@pytest.fixture(autouse=True)
def _pinned_clock_and_language() -> Iterator[None]:
    clock.pin(PINNED)
    set_language("en")
    yield
    clock.pin(None)
    set_language("en")


@pytest.fixture
def ledger_target(ledger: str) -> None:
    """Same as `ledger`, for tests that only need it open."""
    return None
