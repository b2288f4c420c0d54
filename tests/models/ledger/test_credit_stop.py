"""The credit stop: over the limit, or 2+ broken promises in 90 days, a delivery is
refused unless the boss approved it; an approval covers one delivery of at most its
amount, for its customer, on its day, and names the boss and the entry it let through."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import peewee as pw
import pytest

from models.exchange.importing.run import import_file
from models.ledger import audit, credit_stop, ledger, posting, promises
from models.ledger.credit_stop import CreditStopped
from models.storage.db import transaction
from models.storage.tables import database
from models.vocabulary import clock
from models.vocabulary.aging_records import WarningKind
from models.vocabulary.audit_records import AuditFilter
from models.vocabulary.customer_records import CustomerId
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.errors import InputError, NotAllowed
from tests.models.helpers import make_customer

LIMIT = 1000_00
OWED = 800_00


def _limited(code: str = "C001") -> CustomerId:
    """A customer with a limit of 1,000.00 who owes 800.00 (200.00 of room left)."""
    c = make_customer(code=code, credit_limit=LIMIT)
    posting.post_delivery(c.id, clock.today() - dt.timedelta(days=5), OWED, doc_no=f"{code}-1")
    return c.id


def _state(cid: CustomerId) -> tuple[int, int]:
    return ledger.entry_count(cid), ledger.balance(cid)


def _broken(cid: CustomerId, days_ago: int) -> None:
    """A promise of 10.00 due `days_ago` days before today at 10:00, never paid."""
    now = clock.now()
    due = dt.datetime.combine(now.date() - dt.timedelta(days=days_ago), dt.time(10, 0))
    clock.pin(due - dt.timedelta(days=1))
    promises.make_promise(cid, 10_00, due)
    clock.pin(now)


def _owing(code: str = "C001") -> CustomerId:
    c = make_customer(code=code)
    posting.post_delivery(c.id, clock.today() - dt.timedelta(days=200), 500_00, doc_no="old")
    return c.id


def test_at_the_limit_passes_one_fen_over_stops(ledger_target: None) -> None:
    cid = _limited()
    assert credit_stop.stop_reasons(cid, 200_00, clock.today()) == []
    reasons = credit_stop.stop_reasons(cid, 200_01, clock.today())
    assert [r.kind for r in reasons] == [WarningKind.OVER_LIMIT]
    before = _state(cid)
    with pytest.raises(CreditStopped, match="Ask the boss to approve") as stopped:
        posting.post_delivery(cid, clock.today(), 200_01, doc_no="D2")
    assert "0.01 over the credit limit" in str(stopped.value)
    assert [r.kind for r in stopped.value.reasons] == [WarningKind.OVER_LIMIT]
    assert _state(cid) == before  # refused: the ledger unchanged
    posting.post_delivery(cid, clock.today(), 200_00, doc_no="D2")
    assert ledger.balance(cid) == LIMIT


def test_no_limit_never_stops_for_the_balance(ledger_target: None) -> None:
    c = make_customer()
    posting.post_delivery(c.id, clock.today(), 9_999_999_00)


def test_one_broken_promise_passes_two_stop(ledger_target: None) -> None:
    cid = _owing()
    _broken(cid, 10)
    assert credit_stop.stop_reasons(cid, 1_00, clock.today()) == []
    posting.post_delivery(cid, clock.today(), 1_00, doc_no="one broken")
    _broken(cid, 20)
    reasons = credit_stop.stop_reasons(cid, 1_00, clock.today())
    assert [r.kind for r in reasons] == [WarningKind.BROKEN_PROMISES]
    assert "broke 2 promise(s)" in reasons[0].message
    with pytest.raises(CreditStopped):
        posting.post_delivery(cid, clock.today(), 1_00)


def test_a_promise_broken_91_days_ago_does_not_count_90_does(ledger_target: None) -> None:
    cid = _owing()
    _broken(cid, 10)
    _broken(cid, 91)
    assert credit_stop.stop_reasons(cid, 1_00, clock.today()) == []
    _broken(cid, 90)
    assert credit_stop.stop_reasons(cid, 1_00, clock.today()) != []


def test_an_approval_covers_one_delivery_of_at_most_its_amount(ledger_target: None) -> None:
    cid = _limited()
    approval = credit_stop.approve(cid, 500_00, note="老客户，年底结清")
    before = _state(cid)
    with pytest.raises(NotAllowed, match="covers at most"):
        posting.post_delivery(cid, clock.today(), 500_01, approval=approval.id)
    assert _state(cid) == before
    entry = posting.post_delivery(cid, clock.today(), 500_00, doc_no="D2", approval=approval.id)
    used = credit_stop.get_approval(approval.id)
    assert (used.entry_id, used.used_at) == (entry.id, clock.now())
    assert used.approved_by and used.note == "老客户，年底结清"
    assert "over the credit limit" in used.reasons
    # Used once: the next delivery is refused with it, and stopped without it.
    before = _state(cid)
    with pytest.raises(NotAllowed, match="used already"):
        posting.post_delivery(cid, clock.today(), 1_00, approval=approval.id)
    with pytest.raises(CreditStopped):
        posting.post_delivery(cid, clock.today(), 1_00)
    assert _state(cid) == before


def test_an_approval_for_another_customer_or_yesterday_is_refused(ledger_target: None) -> None:
    cid, other = _limited("C001"), _limited("C002")
    theirs = credit_stop.approve(other, 300_00)
    before = _state(cid)
    with pytest.raises(NotAllowed, match="another customer"):
        posting.post_delivery(cid, clock.today(), 300_00, approval=theirs.id)
    now = clock.now()
    clock.pin(now - dt.timedelta(days=1))
    yesterdays = credit_stop.approve(cid, 300_00)
    clock.pin(now)
    with pytest.raises(NotAllowed, match="on its own day only"):
        posting.post_delivery(cid, clock.today(), 300_00, approval=yesterdays.id)
    assert _state(cid) == before
    assert credit_stop.get_approval(yesterdays.id).entry_id is None


def test_an_approval_is_not_claimed_when_nothing_stops(ledger_target: None) -> None:
    cid = _limited()
    approval = credit_stop.approve(cid, 300_00)
    posting.post_payment(cid, clock.today(), 800_00, PaymentMethod.CASH)
    posting.post_delivery(cid, clock.today(), 300_00, approval=approval.id)
    assert credit_stop.get_approval(approval.id).entry_id is None


def test_nothing_to_approve_and_bad_amounts_are_refused(ledger_target: None) -> None:
    cid = _limited()
    with pytest.raises(InputError, match="not stopped"):
        credit_stop.approve(cid, 200_00)
    for amount in (0, -1, True):
        with pytest.raises(InputError):
            credit_stop.approve(cid, amount)
    assert credit_stop.approvals(cid) == []


def test_the_approval_is_in_the_audit_trail(ledger_target: None) -> None:
    cid = _limited()
    credit_stop.approve(cid, 250_00, note="ok")
    rows = [r for r in audit.audit_log(AuditFilter()) if r.kind == "credit.approve"]
    assert len(rows) == 1
    assert rows[0].subject == "C001" and rows[0].after["amount"] == 250_00
    assert "over the credit limit" in rows[0].after["reason"] and rows[0].after["note"] == "ok"


def test_imports_are_history_and_never_stopped(ledger_target: None, tmp_path: Path) -> None:
    cid = _limited()
    path = tmp_path / "entries.csv"
    path.write_text(
        "customer_code,date,kind,amount,doc_no\nC001,2026-11-20,delivery,5000.00,IMP1\n",
        encoding="utf-8",
    )
    assert import_file("entries", path).added == 1
    assert ledger.balance(cid) == OWED + 5000_00  # far over the limit: imported all the same
    with pytest.raises(CreditStopped):  # while a delivery keyed now is stopped
        posting.post_delivery(cid, clock.today(), 1_00)


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM credit_approval",
        "UPDATE credit_approval SET amount = amount + 1",
        "UPDATE credit_approval SET entry_id = NULL, used_at = NULL",  # used again
        "UPDATE credit_approval SET approved_by = 'someone'",
    ],
    ids=["delete", "amount", "unuse", "approver"],
)
def test_the_database_keeps_an_approval_as_it_was_used(ledger_target: None, sql: str) -> None:
    """The record of the boss's word: written once, used once, never changed or deleted
    by anyone, raw SQL included (the guards of both backends)."""
    cid = _limited()
    approval = credit_stop.approve(cid, 500_00)
    posting.post_delivery(cid, clock.today(), 500_00, doc_no="D2", approval=approval.id)
    used = credit_stop.get_approval(approval.id)
    with pytest.raises(pw.DatabaseError, match="used once and never changed"), transaction():
        database.execute_sql(sql)
    assert credit_stop.get_approval(approval.id) == used


def test_an_unused_approval_is_kept_too(ledger_target: None) -> None:
    cid = _limited()
    approval = credit_stop.approve(cid, 500_00)
    for sql in ("DELETE FROM credit_approval", "UPDATE credit_approval SET amount = 1"):
        refused = pytest.raises(pw.DatabaseError, match="used once and never changed")
        with refused, transaction():
            database.execute_sql(sql)
    assert credit_stop.get_approval(approval.id) == approval
