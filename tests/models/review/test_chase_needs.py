"""How many chasing steps customers needed before paying (both backends). The guide's
schedule: note 3 days before the due date, call on it, visit 7 days late. A customer on
30-day terms gets ¥1,000.00 on 1 Oct 2026 (due 31 Oct: note 28 Oct, call 31 Oct, visit
7 Nov); the steps needed are worked out by hand from the day the money came."""

from __future__ import annotations

import datetime as dt

import pytest

from models.ledger import posting, promises
from models.review.chase_needs import chase_needs
from models.vocabulary import clock
from models.vocabulary.customer_records import Terms, TermsKind
from models.vocabulary.entry_records import PaymentMethod
from tests.models.helpers import D, make_customer

CASH = PaymentMethod.CASH
PERIOD = (D(2026, 10, 1), D(2026, 12, 31))


@pytest.fixture
def owing(ledger_target: None):  # type: ignore[no-untyped-def]
    clock.pin(dt.datetime(2026, 10, 1, 9, 0))
    c = make_customer("C1", "东城王记便利店")
    posting.post_delivery(c.id, D(2026, 10, 1), 1000_00)
    return c


def _pay(customer_id: int, day: dt.date, amount: int) -> None:
    clock.pin(dt.datetime.combine(day, dt.time(16, 0)))
    posting.post_payment(customer_id, day, amount, CASH)


@pytest.mark.parametrize(
    ("paid_on", "steps"),
    [
        (D(2026, 10, 28), 0),  # on the note's day: the money came before it was needed
        (D(2026, 10, 29), 1),
        (D(2026, 10, 31), 1),  # due on the day: the note was needed, the call not yet
        (D(2026, 11, 1), 2),
        (D(2026, 11, 7), 2),  # on the visit's day
        (D(2026, 11, 8), 3),
    ],
)
def test_steps_needed_count_what_came_before_the_paying_day(owing, paid_on, steps) -> None:  # type: ignore[no-untyped-def]
    _pay(owing.id, paid_on, 1000_00)
    needs = chase_needs(*PERIOD)
    [one] = needs.customers
    assert one.code == "C1" and one.paid == 1 and one.most == steps
    expected = [0, 0, 0, 0]
    expected[steps] = 1
    assert list(needs.office) == expected


def test_one_fen_short_is_not_paid_until_the_fen_comes(owing) -> None:  # type: ignore[no-untyped-def]
    _pay(owing.id, D(2026, 11, 1), 999_99)
    assert chase_needs(*PERIOD).customers == ()
    _pay(owing.id, D(2026, 11, 9), 1)
    assert chase_needs(*PERIOD).customers[0].most == 3


def test_a_live_promise_counts_the_step_reached_when_it_was_made(owing) -> None:  # type: ignore[no-untyped-def]
    clock.pin(dt.datetime(2026, 10, 31, 10, 0))
    promises.make_promise(owing.id, 1000_00, dt.datetime(2026, 11, 10, 17, 0))
    _pay(owing.id, D(2026, 11, 10), 1000_00)  # kept on its date: the visit was never shown
    assert chase_needs(*PERIOD).customers[0].counts == (0, 0, 1, 0)


def test_cash_on_delivery_has_no_note_before_the_delivery(ledger_target) -> None:  # type: ignore[no-untyped-def]
    clock.pin(dt.datetime(2026, 11, 2, 9, 0))
    cod = make_customer("K1", "南门小卖部", terms=Terms(TermsKind.CASH))
    posting.post_delivery(cod.id, D(2026, 11, 2), 100_00)
    posting.post_delivery(cod.id, D(2026, 11, 20), 100_00)
    _pay(cod.id, D(2026, 11, 2), 100_00)  # paid on delivery: nothing needed
    _pay(cod.id, D(2026, 11, 21), 100_00)  # the call on the 20th was needed
    assert chase_needs(*PERIOD).customers[0].counts == (1, 1, 0, 0)


def test_debts_paid_together_count_once_and_the_office_adds_up(owing) -> None:  # type: ignore[no-untyped-def]
    other = make_customer("C2", "西城超市")
    posting.post_delivery(owing.id, D(2026, 10, 5), 200_00)
    posting.post_delivery(other.id, D(2026, 10, 1), 50_00)
    _pay(owing.id, D(2026, 11, 1), 1200_00)  # both of C1's debts: the oldest was chased
    _pay(other.id, D(2026, 10, 20), 50_00)
    needs = chase_needs(*PERIOD)
    assert [(n.code, n.counts) for n in needs.customers] == [
        ("C1", (0, 0, 1, 0)),
        ("C2", (1, 0, 0, 0)),
    ]
    assert needs.office == (1, 0, 1, 0)
    assert needs.customers[0].average == 2
