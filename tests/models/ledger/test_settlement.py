"""FIFO settlement walked forwards agrees with the aging's open items, on a small
ledger worked by hand and on the demo business at several dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from models.ledger import posting
from models.ledger.aging import age_all, open_items
from models.ledger.customers import get_customer
from models.ledger.settlement import settle
from models.vocabulary.entry_records import EntryKind, PaymentMethod
from tests.models.helpers import D, make_customer

CASH = PaymentMethod.CASH


def test_a_payment_settles_the_oldest_debits_first(ledger_target: None) -> None:
    c = make_customer()
    old = posting.post_delivery(c.id, D(2026, 8, 1), 100_00)
    new = posting.post_delivery(c.id, D(2026, 10, 1), 300_00)
    pay = posting.post_payment(c.id, D(2026, 10, 31), 150_00, CASH)
    result = settle(D(2026, 11, 26))
    parts = [(p.debit_id, p.amount, p.age) for p in result.parts if p.credit_id == pay.id]
    assert parts == [(old.id, 100_00, 91), (new.id, 50_00, 30)]
    assert [(o.debit_id, o.open) for o in result.open] == [(new.id, 250_00)]


def test_a_voided_payment_settles_nothing(ledger_target: None) -> None:
    c = make_customer()
    posting.post_delivery(c.id, D(2026, 8, 1), 100_00)
    pay = posting.post_payment(c.id, D(2026, 9, 1), 100_00, CASH)
    posting.void(pay.id, "typed twice")
    result = settle(D(2026, 11, 26))
    assert result.parts == ()
    assert sum(o.open for o in result.open) == 100_00


def test_money_paid_in_advance_settles_the_next_delivery_at_age_zero(ledger_target: None) -> None:
    c = make_customer()
    pay = posting.post_payment(c.id, D(2026, 9, 1), 80_00, CASH)
    later = posting.post_delivery(c.id, D(2026, 9, 20), 50_00)
    parts = settle(D(2026, 11, 26)).parts
    assert [(p.credit_id, p.debit_id, p.amount, p.age) for p in parts] == [
        (pay.id, later.id, 50_00, 0),
        (pay.id, None, 30_00, 0),
    ]


def test_the_open_remainders_are_the_aging_open_items(
    ledger: str, demo_ledger: Callable[..., str]
) -> None:
    demo_ledger(ledger, customers=40, days=200, seed=3)
    today = D(2026, 11, 26)
    for as_of in (today - dt.timedelta(days=d) for d in (0, 45, 120)):
        result = settle(as_of)
        mine: dict[int, list[tuple[int, int]]] = {}
        for o in result.open:
            mine.setdefault(o.customer_id, []).append((o.debit_id, o.open))
        for row in age_all(as_of, include_archived=True).rows:
            terms = get_customer(row.customer_id).terms
            theirs = [(i.entry_id, i.open) for i in open_items(row.customer_id, as_of, terms)]
            assert sorted(mine.get(row.customer_id, [])) == sorted(theirs), row.code
        credits = [p for p in result.parts if p.credit_kind is EntryKind.PAYMENT]
        assert all(p.amount > 0 for p in credits)
