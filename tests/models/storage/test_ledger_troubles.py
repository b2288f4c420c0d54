"""What goes wrong with a ledger's storage, said in a sentence (issue 7.6): a full disk,
an empty file, a damaged version number, a PostgreSQL role without rights."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import peewee as pw
import pytest

from models.ledger import customers, ledger, posting
from models.storage import db
from models.storage.tables import database
from models.vocabulary.customer_records import CustomerDraft
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.errors import LedgerFileError, LedgerNotWritable
from tests.conftest import postgres_or_skip
from tests.models.helpers import make_customer
from tests.pg_roles import TEST_DB, make_role, superuser_sql, url_for

__all__ = ["make_role"]  # the fixture, used by name

DAY = dt.date(2026, 11, 20)


def _entries() -> int:
    return database.execute_sql("SELECT count(*) FROM entry").fetchone()[0]


# --- a full disk -------------------------------------------------------------------


def test_full_disk_says_so_and_nothing_is_written(sqlite_ledger: str) -> None:
    cid = make_customer().id
    posting.post_delivery(cid, DAY, 100_00, doc_no="D0")
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    # The file may not grow any more: SQLite answers SQLITE_FULL, as on a full disk.
    database.execute_sql(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(LedgerNotWritable) as caught:
        for n in range(1, 500):
            posting.post_delivery(cid, DAY, 1_00, doc_no=f"D{n}", memo="备注" * 140)
    message = str(caught.value)
    assert message.startswith("The disk is full: nothing was written"), message
    assert "cannot rollback" not in message
    posted = _entries()
    database.execute_sql("PRAGMA max_page_count = 1073741823")
    assert ledger.balance(cid) == 100_00 + (posted - 1) * 1_00  # the failed post left nothing
    posting.post_payment(cid, DAY, 10_00, PaymentMethod.CASH)  # and the ledger still works
    assert _entries() == posted + 1


def test_full_disk_on_postgresql_says_so(shared_ledger: str) -> None:
    """The server's own disk_full error (SQLSTATE 53100), raised inside a real post."""
    db.open_ledger(shared_ledger)
    try:
        database.execute_sql(
            "CREATE FUNCTION qk_test_full() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION 'could not extend file: No space left on device' "
            "USING ERRCODE = 'disk_full'; END; $$ LANGUAGE plpgsql"
        )
        database.execute_sql(
            "CREATE TRIGGER qk_test_full BEFORE INSERT ON entry "
            "FOR EACH ROW EXECUTE FUNCTION qk_test_full()"
        )
        cid = customers.customer_by_code("C1").id
        with pytest.raises(LedgerNotWritable, match="^The disk is full: nothing was written"):
            posting.post_payment(cid, DAY, 10_00, PaymentMethod.CASH)
        assert ledger.balance(cid) == 100_00
    finally:
        db.close_ledger()


def test_full_disk_on_a_new_ledger_is_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_db: object) -> None:
        raise pw.OperationalError("database or disk is full")  # as peewee wraps it

    monkeypatch.setattr(db, "_create_schema", full)
    with pytest.raises(LedgerFileError, match="The disk is full"):
        db.open_ledger(tmp_path / "new.qkledger")
    assert database.obj is None


# --- empty files -------------------------------------------------------------------


def test_empty_file_is_not_opened_as_a_ledger(tmp_path: Path) -> None:
    path = tmp_path / "empty.qkledger"
    path.touch()
    with pytest.raises(LedgerFileError, match="is empty: it is not a Qingkuan ledger"):
        db.open_ledger(path, create=False)
    assert path.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.qkledger"]


def test_empty_file_becomes_a_ledger_when_a_new_one_is_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "touched.qkledger"
    path.touch()
    db.open_ledger(path, create=True)
    try:
        assert customers.add_customer(CustomerDraft(code="C1", name="东城王记")).id
    finally:
        db.close_ledger()
    db.open_ledger(path, create=False)  # a ledger now
    db.close_ledger()


# --- a damaged version number --------------------------------------------------------


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM meta WHERE key = 'schema_version'",
        "UPDATE meta SET value = '' WHERE key = 'schema_version'",
        "UPDATE meta SET value = 'three' WHERE key = 'schema_version'",
        "UPDATE meta SET value = '3.0' WHERE key = 'schema_version'",
        "UPDATE meta SET value = '0' WHERE key = 'schema_version'",
    ],
    ids=["missing", "empty", "words", "decimal", "zero"],
)
def test_damaged_schema_version_is_a_damaged_ledger(ledger: str, sql: str) -> None:
    database.execute_sql(sql)
    db.close_ledger()
    with pytest.raises(LedgerFileError) as caught:
        db.open_ledger(ledger)
    message = str(caught.value)
    assert "is not a Qingkuan ledger or is damaged" in message
    assert database.obj is None


# --- a PostgreSQL role without rights ---------------------------------------------------

RIGHTS = {
    "none": "",
    "read": "GRANT USAGE ON SCHEMA public TO {role}; "
    "GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}",
    # Every table, but not the id sequences: the INSERT itself is refused.
    "tables": "GRANT USAGE ON SCHEMA public TO {role}; "
    "GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO {role}",
}


@pytest.fixture
def shared_ledger() -> str:
    """A PostgreSQL ledger made by the test role, with one customer owing ¥100."""
    url = postgres_or_skip()
    db.open_ledger(url)
    try:
        cid = make_customer(code="C1").id
        posting.post_delivery(cid, DAY, 100_00, doc_no="D1")
    finally:
        db.close_ledger()
    return url


def test_role_without_any_rights_is_told_so(
    shared_ledger: str, make_role: Callable[..., tuple[str, str]]
) -> None:
    role, password = make_role("qk_norights", RIGHTS["none"])
    with pytest.raises(LedgerFileError) as caught:
        db.open_ledger(url_for(role, password))
    message = str(caught.value)
    assert message.startswith("You have no permission to open the ledger"), message
    assert role in message and "not a Qingkuan ledger" not in message


def test_role_that_may_not_connect_is_told_so(
    shared_ledger: str, make_role: Callable[..., tuple[str, str]]
) -> None:
    role, password = make_role("qk_noconnect")
    superuser_sql(f"REVOKE CONNECT ON DATABASE {TEST_DB} FROM PUBLIC")
    try:
        with pytest.raises(LedgerFileError) as caught:
            db.open_ledger(url_for(role, password))
    finally:
        superuser_sql(f"GRANT CONNECT ON DATABASE {TEST_DB} TO PUBLIC")
    assert str(caught.value).startswith("You have no permission to open the ledger")
    assert role in str(caught.value)


def test_role_that_may_only_read_opens_read_only(
    shared_ledger: str, make_role: Callable[..., tuple[str, str]]
) -> None:
    role, password = make_role("qk_reader", RIGHTS["read"])
    db.open_ledger(url_for(role, password))
    try:
        assert db.is_read_only()
        cid = customers.customer_by_code("C1").id
        assert ledger.balance(cid) == 100_00
        with pytest.raises(LedgerNotWritable, match="You have no permission to change"):
            posting.post_payment(cid, DAY, 10_00, PaymentMethod.CASH)
    finally:
        db.close_ledger()


def test_write_refused_by_the_server_says_no_permission(
    shared_ledger: str, make_role: Callable[..., tuple[str, str]]
) -> None:
    role, password = make_role("qk_nowrite", RIGHTS["tables"])
    db.open_ledger(url_for(role, password))
    try:
        assert not db.is_read_only()
        cid = customers.customer_by_code("C1").id
        with pytest.raises(LedgerNotWritable) as caught:
            posting.post_payment(cid, DAY, 10_00, PaymentMethod.CASH)
        assert str(caught.value).startswith("You have no permission to change the ledger")
        assert role in str(caught.value) and password not in str(caught.value)
        assert ledger.balance(cid) == 100_00
    finally:
        db.close_ledger()
