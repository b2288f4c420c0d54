from __future__ import annotations

import datetime as dt

import pytest

from models.ledger import cheque_status, posting, promises
from models.vocabulary import clock
from models.vocabulary.collecting_records import PromiseStatus
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.errors import InputError, LedgerError
from tests.models.helpers import D, make_customer

DUE = dt.datetime(2026, 11, 28, 10, 0)


def _customer_owing(amount: int = 1000_00):  # type: ignore[no-untyped-def]
    c = make_customer()
    posting.post_delivery(c.id, D(2026, 11, 1), amount)
    return c


def test_open_until_paid_or_due(ledger_target: None) -> None:
    c = _customer_owing()
    p = promises.make_promise(c.id, 1000_00, DUE, method=PaymentMethod.CASH, payer="老板娘")
    assert p.status is PromiseStatus.OPEN
    assert p.serial == f"QK-{p.id:06d}"
    clock.pin(DUE + dt.timedelta(minutes=1))
    assert promises.get_promise(p.id).status is PromiseStatus.BROKEN


def test_kept_when_payments_and_tail_cuts_cover_it_by_the_date(ledger_target: None) -> None:
    c = _customer_owing()
    p = promises.make_promise(c.id, 1000_00, DUE)
    posting.post_payment(c.id, D(2026, 11, 28), 995_00, PaymentMethod.CASH)
    assert promises.get_promise(p.id).status is PromiseStatus.OPEN
    posting.post_discount(c.id, D(2026, 11, 28), 5_00, memo="抹零")
    kept = promises.get_promise(p.id)
    assert kept.status is PromiseStatus.KEPT and kept.paid == 1000_00
    clock.pin(DUE + dt.timedelta(days=3))
    assert promises.get_promise(p.id).status is PromiseStatus.KEPT


def test_payment_after_the_date_does_not_keep_it(ledger_target: None) -> None:
    c = _customer_owing()
    p = promises.make_promise(c.id, 1000_00, DUE)
    clock.pin(dt.datetime(2026, 11, 30, 9, 0))
    posting.post_payment(c.id, D(2026, 11, 30), 1000_00, PaymentMethod.CASH)
    assert promises.get_promise(p.id).status is PromiseStatus.BROKEN


def test_bounced_cheque_breaks_a_kept_promise(ledger_target: None) -> None:
    c = _customer_owing()
    p = promises.make_promise(c.id, 1000_00, DUE, method=PaymentMethod.CHEQUE)
    pay = posting.post_payment(c.id, D(2026, 11, 27), 1000_00, PaymentMethod.CHEQUE, cheque_no="77")
    assert promises.get_promise(p.id).status is PromiseStatus.KEPT
    clock.pin(dt.datetime(2026, 12, 2, 9, 0))
    cheque_status.bounce_cheque(pay.id)
    assert promises.get_promise(p.id).status is PromiseStatus.BROKEN


def test_reschedule_a_broken_promise_links_and_keeps_the_break(ledger_target: None) -> None:
    c = _customer_owing()
    p = promises.make_promise(c.id, 1000_00, DUE)
    posting.post_payment(c.id, D(2026, 11, 27), 400_00, PaymentMethod.CASH)
    clock.pin(dt.datetime(2026, 11, 29, 9, 0))
    new = promises.reschedule(p.id, dt.datetime(2026, 12, 1, 10, 0))
    assert new.replaces_id == p.id and new.amount == 600_00
    old = promises.get_promise(p.id)
    assert old.status is PromiseStatus.BROKEN and old.replaced_by_id == new.id
    with pytest.raises(LedgerError, match="already"):
        promises.reschedule(p.id, dt.datetime(2026, 12, 3, 10, 0))
    assert promises.broken_counts(D(2026, 9, 1)) == {c.id: 1}


def test_rescheduling_an_open_promise_cancels_it(ledger_target: None) -> None:
    c = _customer_owing()
    p = promises.make_promise(c.id, 1000_00, DUE)
    new = promises.reschedule(p.id, dt.datetime(2026, 11, 30, 16, 0), amount=800_00)
    assert promises.get_promise(p.id).status is PromiseStatus.CANCELLED
    assert new.amount == 800_00
    assert [x.id for x in promises.promises_for(c.id)] == [new.id, p.id]


def test_kept_or_cancelled_cannot_be_rescheduled(ledger_target: None) -> None:
    c = _customer_owing()
    p = promises.make_promise(c.id, 100_00, DUE)
    promises.cancel_promise(p.id)
    with pytest.raises(LedgerError):
        promises.reschedule(p.id, DUE + dt.timedelta(days=1))
    with pytest.raises(LedgerError):
        promises.cancel_promise(p.id)


@pytest.mark.parametrize(
    ("amount", "due", "match"),
    [
        (0, DUE, "more than zero"),
        (100, dt.datetime(2026, 11, 26, 8, 0), "later than now"),
        (100, dt.datetime(2028, 1, 1, 10, 0), "a year ahead"),
    ],
)
def test_bad_promises_are_refused(
    ledger_target: None, amount: int, due: dt.datetime, match: str
) -> None:
    c = _customer_owing()
    with pytest.raises(InputError, match=match):
        promises.make_promise(c.id, amount, due)
    assert promises.promises_for(c.id) == []


def test_call_list_and_open_promises(ledger_target: None) -> None:
    c = _customer_owing()
    other = make_customer("C002", "西关李家")
    p1 = promises.make_promise(c.id, 500_00, DUE)
    promises.make_promise(other.id, 300_00, DUE + dt.timedelta(days=1))
    assert [p.id for p in promises.promises_due_on(D(2026, 11, 28))] == [p1.id]
    assert [p.id for p in promises.open_promises(c.id, D(2026, 11, 27))] == [p1.id]
    assert promises.open_promises(c.id, D(2026, 11, 29)) == []
    assert promises.next_open_promises()[c.id].id == p1.id


def test_iou_reprints_are_counted(ledger_target: None) -> None:
    c = _customer_owing()
    p = promises.make_promise(c.id, 500_00, DUE)
    assert p.prints == 0
    assert promises.mark_printed(p.id).prints == 1
    assert promises.mark_printed(p.id).prints == 2


def test_open_promised_counts_what_open_promises_still_cover(ledger_target: None) -> None:
    c = _customer_owing()
    promises.make_promise(c.id, 600_00, DUE)
    kept = promises.make_promise(c.id, 100_00, DUE)
    posting.post_payment(c.id, D(2026, 11, 27), 100_00, PaymentMethod.CASH)
    assert promises.get_promise(kept.id).status is PromiseStatus.KEPT
    # 100 paid counts toward both promises (each is judged on its own window)
    assert promises.open_promised(c.id) == 500_00


def test_money_keyed_before_the_promise_the_same_day_does_not_count(ledger_target: None) -> None:
    """Part-paid today, promise for the rest: the morning's payment must not keep it."""
    c = _customer_owing(1000_00)
    posting.post_payment(c.id, D(2026, 11, 26), 600_00, PaymentMethod.CASH)
    clock.pin(dt.datetime(2026, 11, 26, 9, 5))
    p = promises.make_promise(c.id, 400_00, DUE)
    assert promises.get_promise(p.id).paid == 0
    assert promises.get_promise(p.id).status is PromiseStatus.OPEN
    posting.post_payment(c.id, D(2026, 11, 26), 150_00, PaymentMethod.WECHAT)  # later that day
    assert promises.get_promise(p.id).paid == 150_00
    clock.pin(DUE + dt.timedelta(minutes=1))
    assert promises.get_promise(p.id).status is PromiseStatus.BROKEN


def test_route_sheet_carries_broken_promises_without_a_new_date(ledger_target: None) -> None:
    from models.collecting import routesheets
    from models.ledger import customers, people

    c = _customer_owing()
    route = people.add_route("城东线", (1, 4))
    customers.set_route_order(route.id, [c.id])
    p = promises.make_promise(c.id, 500_00, DUE)  # due Sat 11-28
    clock.pin(dt.datetime(2026, 11, 29, 18, 0))
    stop = routesheets.route_sheet(route.id, D(2026, 11, 30)).stops[0]
    assert [x.id for x in stop.broken_promises] == [p.id]
    assert stop.promises_due == ()
    new = promises.reschedule(p.id, dt.datetime(2026, 11, 30, 10, 0))
    stop = routesheets.route_sheet(route.id, D(2026, 11, 30)).stops[0]
    assert stop.broken_promises == ()
    assert [x.id for x in stop.promises_due] == [new.id]


def test_a_later_promise_supersedes_an_old_broken_one_on_the_route_sheet(
    ledger_target: None,
) -> None:
    from models.collecting import routesheets
    from models.ledger import customers, people

    c = _customer_owing()
    route = people.add_route("城东线", (1, 4))
    customers.set_route_order(route.id, [c.id])
    promises.make_promise(c.id, 500_00, DUE)  # due Sat 11-28, will break
    clock.pin(dt.datetime(2026, 11, 29, 18, 0))
    promises.make_promise(c.id, 200_00, dt.datetime(2026, 12, 5, 10, 0))  # a new deal
    stop = routesheets.route_sheet(route.id, D(2026, 11, 30)).stops[0]
    assert stop.broken_promises == ()
