"""The cash forecast: promises weighted by keep rate in their week (the week's last day
against the next), open debits by the customer's habit (the office's without history),
weeks that add up, and no fen forecast twice."""

from __future__ import annotations

import datetime as dt

from models.ledger import posting, promises
from models.review.forecast import forecast
from models.review.paying_habits import Habit
from models.vocabulary import clock
from models.vocabulary.entry_records import PaymentMethod
from tests.models.helpers import D, make_customer

CASH = PaymentMethod.CASH
A = D(2026, 11, 26)  # the pinned clock's day: week 1 is 11-27..12-03


HISTORY_START = D(2026, 3, 2)


def _history(customer_id: int, days_to_pay: list[int], start: dt.date = HISTORY_START) -> None:
    """Debts of 100.00, each paid in full after the given days, one after another."""
    on = start
    for days in days_to_pay:
        posting.post_delivery(customer_id, on, 100_00)
        posting.post_payment(customer_id, on + dt.timedelta(days=days), 100_00, CASH)
        on += dt.timedelta(days=days + 1)


def _promise(customer_id: int, amount: int, due: dt.datetime) -> None:
    promises.make_promise(customer_id, amount, due)


def _week_of(f, on: dt.date) -> int:  # type: ignore[no-untyped-def]
    (found,) = [i for i, w in enumerate(f.weeks) if w.start <= on <= w.end]
    return found


def test_weeks_start_the_day_after(ledger_target: None) -> None:
    f = forecast(A)
    assert len(f.weeks) == 13
    assert (f.weeks[0].start, f.weeks[0].end) == (D(2026, 11, 27), D(2026, 12, 3))
    assert f.weeks[12].end == A + dt.timedelta(days=91)


def test_a_promise_lands_in_its_week_last_day_against_the_next(ledger_target: None) -> None:
    c = make_customer("C1")
    d = make_customer("D1")
    posting.post_delivery(c.id, D(2026, 11, 20), 500_00)
    posting.post_delivery(d.id, D(2026, 11, 20), 500_00)
    _promise(c.id, 500_00, dt.datetime(2026, 12, 3, 17, 0))  # week 1's last day
    _promise(d.id, 500_00, dt.datetime(2026, 12, 4, 9, 0))  # week 2's first day
    f = forecast(A)
    assert (f.weeks[0].promised, f.weeks[1].promised) == (500_00, 500_00)  # no history: 100 %


def test_a_promise_due_today_is_expected_tomorrow(ledger_target: None) -> None:
    c = make_customer()
    posting.post_delivery(c.id, D(2026, 11, 20), 200_00)
    _promise(c.id, 200_00, dt.datetime(2026, 11, 26, 18, 0))
    f = forecast(A)
    assert f.weeks[0].promised == 200_00
    assert [line.expected_on for line in f.lines] == [D(2026, 11, 27)]


def test_a_promise_weighted_by_the_keep_rate_and_the_rest_by_habit(ledger_target: None) -> None:
    c = make_customer(rep="张伟")
    _history(c.id, [10, 10, 10])
    # One promise kept, one broken: 1 of 2. The rep's and the office's records are this
    # customer's alone: office ½, rep (1 + 2·½)/(2 + 2) = ½, customer (1 + 2·½)/4 = ½.
    clock.pin(dt.datetime(2026, 9, 1, 9, 0))
    posting.post_delivery(c.id, D(2026, 9, 1), 100_00)
    _promise(c.id, 100_00, dt.datetime(2026, 9, 10, 10, 0))
    posting.post_payment(c.id, D(2026, 9, 5), 100_00, CASH)
    clock.pin(dt.datetime(2026, 9, 20, 9, 0))
    posting.post_delivery(c.id, D(2026, 9, 20), 100_00)
    _promise(c.id, 100_00, dt.datetime(2026, 10, 10, 10, 0))
    posting.post_payment(c.id, D(2026, 10, 15), 100_00, CASH)  # late: broken
    clock.pin(dt.datetime(2026, 11, 26, 9, 0))
    posting.post_delivery(c.id, D(2026, 11, 16), 600_00)
    posting.post_delivery(c.id, D(2026, 11, 20), 400_00)
    _promise(c.id, 601_01, dt.datetime(2026, 12, 10, 10, 0))  # week 3
    f = forecast(A)
    assert f.weeks[1].promised == 300_51  # 601.01 (capped at 1,000.00) × ½ = 300.505, half up
    # The 300.51 expected settles the old debit first; the rest of each by the habit.
    # The customer's debts took 10, 10, 10, 4 and 25 days. The old one (10 days old):
    # only 25 took longer, so 11-16 + 25. The new one (6 days old): of 10, 10, 10, 25
    # the median is 10, so 11-20 + 10.
    usual = [(line.expected_on, line.amount) for line in f.lines if not line.from_promise]
    assert usual == [(D(2026, 11, 30), 400_00), (D(2026, 12, 11), 600_00 - 300_51)]
    assert f.weeks[0].usual == 400_00 and f.weeks[2].usual == 299_49
    assert f.total + f.later + f.doubtful == f.receivable == 1000_00


def test_open_debits_by_the_customers_usual_days(ledger_target: None) -> None:
    c = make_customer("C1")
    _history(c.id, [10, 10, 10, 40])
    posting.post_delivery(c.id, D(2026, 11, 20), 100_00)  # 6 days old: median of >6 = 10
    posting.post_delivery(c.id, D(2026, 11, 6), 70_00)  # 20 days old: only 40 took longer
    posting.post_delivery(c.id, D(2026, 9, 1), 30_00)  # 86 days: nothing took so long
    f = forecast(A)
    expected = {D(2026, 11, 30): 100_00, D(2026, 12, 16): 70_00}
    got = {line.expected_on: line.amount for line in f.lines if line.expected_on is not None}
    assert got == expected
    assert f.doubtful == 30_00
    assert f.weeks[_week_of(f, D(2026, 11, 30))].usual == 100_00
    assert f.weeks[_week_of(f, D(2026, 12, 16))].usual == 70_00


def test_a_customer_without_history_takes_the_office_median(ledger_target: None) -> None:
    old_hand = make_customer("C1")
    _history(old_hand.id, [5, 5, 20, 20, 20])
    newcomer = make_customer("N1")
    _history(newcomer.id, [1, 1], start=D(2026, 6, 1))  # two debts: too few of its own
    posting.post_delivery(newcomer.id, D(2026, 11, 26), 100_00)
    f = forecast(A)
    # Office: 5, 5, 20, 20, 20, 1, 1 (100.00 each): more than 0 days → median 5.
    (line,) = [x for x in f.lines if x.code == "N1"]
    assert line.expected_on == D(2026, 12, 1)


def test_weeks_add_up_and_nothing_is_counted_twice(ledger_target: None) -> None:
    c = make_customer("C1")
    d = make_customer("D1")
    _history(c.id, [3, 8, 15])
    posting.post_delivery(c.id, D(2026, 11, 1), 250_00)
    posting.post_delivery(d.id, D(2026, 11, 25), 80_00)
    _promise(d.id, 500_00, dt.datetime(2026, 12, 1, 10, 0))  # more than owed: capped
    posting.post_payment(d.id, D(2026, 11, 26), 30_00, CASH)  # paid toward it already
    f = forecast(A)
    assert f.receivable == 250_00 + 50_00
    assert sum(x.amount for x in f.lines) == f.receivable
    assert f.total + f.later + f.doubtful == f.receivable
    assert sum(w.promised for w in f.weeks) == 50_00  # 500 − 30 paid, capped at 50 owed
    assert [x.amount for x in f.lines if x.code == "D1"] == [50_00]


def test_the_weighted_median_of_a_habit() -> None:
    habit = Habit.of([(10, 100), (20, 100), (30, 300)], 3)
    assert habit.usual == 30  # half of 500 is reached at 30 days
    assert habit.expected_days(10) == 30
    assert habit.expected_days(29) == 30
    assert habit.expected_days(30) is None
    assert Habit.of([(1, 50), (2, 50)], 2).usual == 1
