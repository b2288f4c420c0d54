"""承诺数 (promises made) in the review counts the promises made in the month, by the day
they were made, whenever they fall due; kept and broken stay counted by their due day.
Tested at the month boundary: made on the last day of a month, and on the first of the
next."""

from __future__ import annotations

import datetime as dt

import pytest

from models.ledger import promises
from models.review.review import review
from models.vocabulary import clock
from tests.models.helpers import D, make_customer


@pytest.fixture
def two_promises(ledger_target: None) -> None:
    """张伟's customer promises on 30 Nov (due 10 Dec) and on 1 Dec (due 20 Dec)."""
    shop = make_customer("A001", rep="张伟", route="城东线")
    clock.pin(dt.datetime(2026, 11, 30, 23, 50))
    promises.make_promise(shop.id, 500_00, dt.datetime(2026, 12, 10, 10, 0))
    clock.pin(dt.datetime(2026, 12, 1, 0, 5))
    promises.make_promise(shop.id, 300_00, dt.datetime(2026, 12, 20, 10, 0))
    clock.pin(dt.datetime(2026, 12, 2, 9, 0))


def made(as_of: dt.date) -> int:
    (zhang,) = (g for g in review(as_of).reps if g.name == "张伟")
    return zhang.activity.promises_made


def test_a_promise_made_on_the_last_day_counts_in_that_month(two_promises: None) -> None:
    # Due next month, but made in November: the old rule (due in the month) said 0.
    assert made(D(2026, 11, 30)) == 1


def test_a_promise_made_on_the_first_counts_in_the_new_month_only(two_promises: None) -> None:
    # 1 Dec: only the one made that day; the one of 30 Nov belongs to November.
    assert made(D(2026, 12, 1)) == 1
    assert made(D(2026, 12, 2)) == 1


def test_a_promise_given_a_new_date_counts_once(two_promises: None) -> None:
    (zhang,) = (g for g in review(D(2026, 12, 2)).reps if g.name == "张伟")
    shop_id = zhang.customer_ids[0]
    (open_one,) = [p for p in promises.open_promises(shop_id) if p.due_at.date() == D(2026, 12, 20)]
    promises.reschedule(open_one.id, dt.datetime(2026, 12, 22, 10, 0))
    assert made(D(2026, 12, 2)) == 1  # cancelled by its replacement, which counts
