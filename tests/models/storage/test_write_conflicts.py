"""A write that loses to another (PostgreSQL's serialization failure or deadlock,
SQLite's busy) is tried again a bounded number of times after a short jittered wait,
then refused with a sentence, the ledger unchanged. On PostgreSQL the failures are the
server's own, raised by a trigger the test installs; on SQLite the driver's error is
injected where the entry is written."""

from __future__ import annotations

import peewee as pw
import pytest

from models.ledger import ledger as ledger_pages
from models.ledger import posting
from models.ledger.check import check_ledger
from models.storage import chain, db, storage_errors, transactions
from models.storage.tables import EntryRow, PostKeyRow, database
from models.vocabulary.errors import LedgerError
from tests.conftest import PINNED
from tests.models.helpers import make_customer

DAY = PINNED.date()
TRIES = transactions.CONFLICT_TRIES


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The back-off waits, recorded instead of slept."""
    slept: list[float] = []
    monkeypatch.setattr(transactions.time, "sleep", slept.append)
    return slept


@pytest.fixture
def fail_next(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """`fail_next(n, code)`: the next n entry inserts fail as the database would."""
    installed: list[bool] = []

    def clear() -> None:
        """Take the test's trigger away (`check` would name it, rightly, as foreign)."""
        if installed:
            database.execute_sql("DROP TRIGGER IF EXISTS qk_test_fail ON entry")
            installed.clear()

    def arrange(times: int, code: str = "serialization_failure") -> None:
        if db.is_postgres():
            database.execute_sql("CREATE SEQUENCE IF NOT EXISTS qk_test_failures")
            database.execute_sql("SELECT setval('qk_test_failures', 1, false)")
            database.execute_sql(
                "CREATE OR REPLACE FUNCTION qk_test_fail() RETURNS trigger AS $$ BEGIN "
                f"IF nextval('qk_test_failures') <= {times} THEN "
                f"RAISE EXCEPTION 'injected' USING ERRCODE = '{code}'; END IF; "
                "RETURN NEW; END $$ LANGUAGE plpgsql"
            )
            database.execute_sql(
                "CREATE TRIGGER qk_test_fail BEFORE INSERT ON entry "
                "FOR EACH ROW EXECUTE FUNCTION qk_test_fail()"
            )
            installed.append(True)
            return
        left = [times]
        real = chain.add_entry

        def add_entry(**fields: object) -> EntryRow:
            if left[0] > 0:
                left[0] -= 1
                raise pw.OperationalError(
                    "database table is locked"
                    if code == "deadlock_detected"
                    else "database is locked"
                )
            return real(**fields)

        monkeypatch.setattr(chain, "add_entry", add_entry)

    arrange.clear = clear  # type: ignore[attr-defined]
    yield arrange
    clear()


def test_a_post_that_loses_a_few_times_is_retried_and_posted_once(
    ledger: str,
    fail_next,
    waits: list[float],  # type: ignore[no-untyped-def]
) -> None:
    c = make_customer()
    fail_next(TRIES - 1)  # the last try goes through
    entry = posting.post_delivery(c.id, DAY, 500, post_key="k-1")
    assert EntryRow.select().count() == 1 and ledger_pages.balance(c.id) == 500
    assert PostKeyRow.get_by_id("k-1").entry_id == entry.id
    assert len(waits) == TRIES - 1
    assert all(0 < w < 2.0 for w in waits) and sum(waits) < 5  # short, bounded
    fail_next.clear()
    assert check_ledger() == []


def test_a_post_that_keeps_losing_is_refused_with_a_sentence_and_nothing_posted(
    ledger: str,
    fail_next,
    waits: list[float],  # type: ignore[no-untyped-def]
) -> None:
    c = make_customer()
    fail_next(TRIES)
    with pytest.raises(transactions.WriteConflict) as refused:
        posting.post_payment(c.id, DAY, 500, "cash", post_key="k-2")
    assert str(refused.value) == (
        f"Other clerks were changing the same records at the same moment, and this change "
        f"could not be made after {TRIES} tries: nothing was written. Try again in a moment."
    )
    assert isinstance(refused.value, LedgerError)  # the window shows it like any refusal
    assert EntryRow.select().count() == 0 and PostKeyRow.select().count() == 0
    fail_next.clear()
    assert ledger_pages.balance(c.id) == 0 and check_ledger() == []
    assert len(waits) == TRIES - 1
    # The clerk presses Save again a moment later (same key): it is posted, once.
    posting.post_payment(c.id, DAY, 500, "cash", post_key="k-2")
    posting.post_payment(c.id, DAY, 500, "cash", post_key="k-2")
    assert EntryRow.select().count() == 1


def test_a_deadlock_is_retried_like_a_serialization_failure(
    ledger: str,
    fail_next,
    waits: list[float],  # type: ignore[no-untyped-def]
) -> None:
    c = make_customer()
    fail_next(2, "deadlock_detected")
    posting.post_discount(c.id, DAY, 100)
    assert EntryRow.select().count() == 1 and len(waits) == 2


def test_other_database_errors_are_not_retried(ledger: str, waits: list[float]) -> None:
    c = make_customer()
    calls = []

    @transactions.retried
    def write() -> None:
        calls.append(1)
        with transactions.transaction():
            database.execute_sql("INSERT INTO no_such_table VALUES (1)")

    with pytest.raises(Exception, match="no_such_table"):
        write()
    assert calls == [1] and waits == []
    assert ledger_pages.balance(c.id) == 0


def test_inside_a_callers_transaction_a_conflict_is_left_to_the_caller(
    ledger: str,
    fail_next,
    waits: list[float],  # type: ignore[no-untyped-def]
) -> None:
    c = make_customer()
    fail_next(1)
    with pytest.raises(pw.DatabaseError) as lost, transactions.transaction():
        posting.post_discount(c.id, DAY, 100)
    assert storage_errors.is_conflict(lost.value)  # the caller's own retry decides
    assert waits == [] and EntryRow.select().count() == 0
