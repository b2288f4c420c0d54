"""Commands that only read (today, print, export, check) never create nor upgrade a
ledger (issue 17.16): on an empty database or an older ledger they say so and what to
do, exit non-zero, and leave the database as it was. Real processes, both backends."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.storage import db
from models.storage.tables import Meta
from tests.cli.test_main import run
from tests.conftest import postgres_or_skip

READING_COMMANDS = [
    ["today"],
    ["print", "aging", "--out", "aging.pdf"],
    ["export", "customers", "--out", "customers.csv"],
    ["check"],
]


def _catalog(target: str) -> tuple[list[str], str | None]:
    """What is in the database, read without Qingkuan's open (which would change it)."""
    if db.is_postgres_url(target):
        import psycopg2

        conn = psycopg2.connect(target)
        try:
            with conn.cursor() as cur:
                cur.execute(
                    "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = 'public' ORDER BY relname"
                )
                names = [r[0] for r in cur.fetchall()]
                version = None
                if "meta" in names:
                    cur.execute("SELECT value FROM meta WHERE key = 'schema_version'")
                    version = cur.fetchone()[0]
        finally:
            conn.close()
        return names, version
    import sqlite3

    conn = sqlite3.connect(f"{Path(target).resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master ORDER BY name")]
        version = None
        if "meta" in names:
            version = conn.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'"
            ).fetchone()[0]
    finally:
        conn.close()
    return names, version


@pytest.mark.parametrize("command", READING_COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_reading_commands_never_set_up_an_empty_database(
    tmp_path: Path, kind: str, command: list[str]
) -> None:
    # An empty PostgreSQL database is how a shared ledger starts; a file: none yet.
    target = postgres_or_skip() if kind == "postgres" else str(tmp_path / "shop.qkledger")
    before = _catalog(target) if kind == "postgres" else None
    result = run(tmp_path, *command, "--db", target)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    if kind == "postgres":
        # It says what to do: the administrator sets the ledger up (issue 22).
        assert "empty" in result.stderr and "setup-server --boss" in result.stderr
        assert _catalog(target) == before == ([], None)
    else:
        assert "There is no ledger" in result.stderr
        assert not Path(target).exists()


def _downgrade_to_version_9() -> None:
    db.database.execute_sql("DROP INDEX entry_customer_id_date_id_delta_reverses_id_kind")
    Meta.update(value="9").where(Meta.key == "schema_version").execute()


@pytest.mark.parametrize("command", READING_COMMANDS, ids=lambda c: c[0])
def test_reading_commands_never_upgrade_an_older_ledger(
    ledger: str, tmp_path: Path, command: list[str]
) -> None:
    _downgrade_to_version_9()
    db.close_ledger()
    before = _catalog(ledger)
    result = run(tmp_path, *command, "--db", ledger)
    assert result.returncode == 1, result.stdout
    assert "older version" in result.stderr and "window" in result.stderr
    assert "Nothing was changed" in result.stderr and "Traceback" not in result.stderr
    assert _catalog(ledger) == before
    assert before[1] == "9"
