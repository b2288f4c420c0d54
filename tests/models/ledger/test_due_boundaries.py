"""The days and fen where a rule flips, one example on each side.

A debt due on the as-of date is not overdue yet; due the day before, it is — under
every kind of terms. A promise paid one fen short is not kept; paid exactly, it is.
The random state machine (test_stateful.py) finds these only by luck; these examples
catch an off-by-one in every run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from models.ledger import aging, credit, posting, promises
from models.vocabulary import clock
from models.vocabulary.aging_records import WarningKind
from models.vocabulary.collecting_records import PromiseStatus
from models.vocabulary.customer_records import CustomerId, Terms, TermsKind
from models.vocabulary.entry_records import PaymentMethod
from tests.models.helpers import D, make_customer

FIRST = 100_00  # the debt whose due date is the boundary
LATER = 20_00  # the next batch (压批 only)

# Each case posts debts so that FIRST falls due on `due`, and nothing else is due by
# the day after `due`.
Setup = Callable[[CustomerId, dt.date], None]


def _delivered_on_due(cid: CustomerId, due: dt.date) -> None:
    posting.post_delivery(cid, due, FIRST, doc_no="SH1")


def _delivered_30_days_before(cid: CustomerId, due: dt.date) -> None:
    posting.post_delivery(cid, due - dt.timedelta(days=30), FIRST, doc_no="SH1")


def _delivered_the_month_before(cid: CustomerId, due: dt.date) -> None:
    # `due` is a month end: a delivery in the month before falls due then (月结).
    posting.post_delivery(cid, due.replace(day=1) - dt.timedelta(days=20), FIRST, doc_no="SH1")


def _next_batch_on_due(cid: CustomerId, due: dt.date) -> None:
    # 压批: the first batch is due when the next one is delivered; the latest never is.
    posting.post_delivery(cid, due - dt.timedelta(days=40), FIRST, doc_no="SH1")
    posting.post_delivery(cid, due, LATER, doc_no="SH2")


def _opening_on_due(cid: CustomerId, due: dt.date) -> None:
    posting.post_opening(cid, due, FIRST, memo="from the paper book")


CASES = [
    pytest.param(Terms(TermsKind.CASH), _delivered_on_due, D(2026, 11, 10), id="cash"),
    pytest.param(Terms(TermsKind.DAYS, 30), _delivered_30_days_before, D(2026, 11, 10), id="days"),
    pytest.param(
        Terms(TermsKind.MONTHLY), _delivered_the_month_before, D(2026, 11, 30), id="monthly"
    ),
    pytest.param(
        Terms(TermsKind.MONTHLY), _delivered_the_month_before, D(2027, 2, 28), id="monthly-feb"
    ),
    pytest.param(
        Terms(TermsKind.MONTHLY), _delivered_the_month_before, D(2026, 12, 31), id="monthly-31"
    ),
    pytest.param(Terms(TermsKind.NEXT), _next_batch_on_due, D(2026, 11, 10), id="next-batch"),
    pytest.param(Terms(TermsKind.DAYS, 60), _opening_on_due, D(2026, 11, 10), id="opening"),
]


def _overdue(cid: CustomerId, as_of: dt.date) -> int:
    one = aging.age_customer(cid, as_of).overdue
    everyone = {r.customer_id: r.overdue for r in aging.age_all(as_of).rows}[cid]
    assert one == everyone, "the all-customers report disagrees with the customer's row"
    return one


def _warns_overdue(cid: CustomerId, on: dt.date) -> bool:
    return WarningKind.OVERDUE in [w.kind for w in credit.check_delivery(cid, 1_00, on)]


@pytest.mark.parametrize(("terms", "post", "due"), CASES)
def test_overdue_from_the_day_after_the_due_date(
    ledger_target: None, terms: Terms, post: Setup, due: dt.date
) -> None:
    """Due on the as-of date: not overdue yet. Due the day before: overdue."""
    c = make_customer(terms=terms)
    post(c.id, due)
    day_after = due + dt.timedelta(days=1)
    assert (_overdue(c.id, due), _warns_overdue(c.id, due)) == (0, False)
    assert (_overdue(c.id, day_after), _warns_overdue(c.id, day_after)) == (FIRST, True)


# --- promises -------------------------------------------------------------------------

PROMISED = 400_00
DUE_AT = dt.datetime(2026, 11, 28, 10, 0)
DUE_DAY = DUE_AT.date()


def _promise(paid: int, on: dt.date = DUE_DAY, code: str = "C001") -> tuple[CustomerId, int]:
    """A promise of PROMISED by DUE_AT, made today (Nov 26), and `paid` toward it on `on`."""
    c = make_customer(code=code)
    posting.post_delivery(c.id, D(2026, 11, 1), 1000_00, doc_no="SH1")
    p = promises.make_promise(c.id, PROMISED, DUE_AT)
    posting.post_payment(c.id, on, paid - 1_00, PaymentMethod.CASH)
    posting.post_discount(c.id, on, 1_00, memo="抹零")  # a tail cut counts too
    return c.id, p.id


def _broken_warning(cid: CustomerId) -> bool:
    return WarningKind.BROKEN_PROMISES in [w.kind for w in credit.check_delivery(cid, 1_00)]


def test_promise_paid_one_fen_short_is_not_kept(ledger_target: None) -> None:
    cid, pid = _promise(PROMISED - 1)
    p = promises.get_promise(pid)
    assert (p.status, p.paid) == (PromiseStatus.OPEN, PROMISED - 1)
    clock.pin(DUE_AT + dt.timedelta(minutes=1))
    assert promises.get_promise(pid).status is PromiseStatus.BROKEN
    assert promises.broken_counts(D(2026, 11, 1)) == {cid: 1}
    assert _broken_warning(cid)


def test_promise_paid_exactly_is_kept(ledger_target: None) -> None:
    cid, pid = _promise(PROMISED)
    p = promises.get_promise(pid)
    assert (p.status, p.paid) == (PromiseStatus.KEPT, PROMISED)
    clock.pin(DUE_AT + dt.timedelta(minutes=1))
    assert promises.get_promise(pid).status is PromiseStatus.KEPT
    assert promises.broken_counts(D(2026, 11, 1)) == {}
    assert not _broken_warning(cid)


def test_money_on_the_promised_day_counts_and_the_day_after_does_not(
    ledger_target: None,
) -> None:
    _cid, on_the_day = _promise(PROMISED, on=DUE_DAY, code="C001")
    _cid, day_after = _promise(PROMISED, on=DUE_DAY + dt.timedelta(days=1), code="C002")
    clock.pin(dt.datetime(2026, 11, 30, 9, 0))
    assert promises.get_promise(on_the_day).status is PromiseStatus.KEPT
    assert promises.get_promise(day_after).status is PromiseStatus.BROKEN


def test_promise_is_open_until_the_agreed_minute_has_passed(ledger_target: None) -> None:
    _cid, pid = _promise(PROMISED - 1)
    clock.pin(DUE_AT)
    assert promises.get_promise(pid).status is PromiseStatus.OPEN
    clock.pin(DUE_AT + dt.timedelta(minutes=1))
    assert promises.get_promise(pid).status is PromiseStatus.BROKEN
