"""The quick overdue of Today agrees with aging, customer by customer, on a demo ledger
(every kind of terms, part payments, voids, bounced cheques, openings)."""

from __future__ import annotations

import datetime as dt

from models.collecting.overdue import owed_and_overdue
from models.exchange.demo import make_demo
from models.ledger import customers, posting
from models.ledger.aging import age_customers
from models.vocabulary import clock
from models.vocabulary.customer_records import Terms, TermsKind
from models.vocabulary.entry_records import PaymentMethod
from tests.models.helpers import D, make_customer


def _both(day: dt.date) -> tuple[dict, dict]:
    everyone = customers.list_customers()
    fast = owed_and_overdue(everyone, day)
    slow = {r.customer_id: (r.balance, r.overdue) for r in age_customers(everyone, day).rows}
    return fast, slow


def test_agrees_with_aging_on_a_demo_ledger(ledger_target: None) -> None:
    make_demo(customers=40, days=150, seed=5)
    for day in (clock.today(), clock.today() - dt.timedelta(days=45)):
        fast, slow = _both(day)
        assert fast == slow
        assert sum(o for _b, o in fast.values()) > 0


def test_agrees_on_the_edges(ledger_target: None) -> None:
    """Due on the day is not overdue; a recent opening balance is due on its date;
    'next delivery' terms keep only the newest delivery not due."""
    due_today = make_customer("A", terms=Terms(TermsKind.DAYS, 30))
    posting.post_delivery(due_today.id, D(2026, 10, 27), 100_00)  # due 11-26: not overdue
    posting.post_delivery(due_today.id, D(2026, 10, 26), 50_00)  # due 11-25: overdue
    opening = make_customer("B", terms=Terms(TermsKind.DAYS, 60))
    posting.post_delivery(opening.id, D(2026, 10, 20), 70_00)
    posting.post_opening(opening.id, D(2026, 11, 1), 30_00)
    nxt = make_customer("C", terms=Terms(TermsKind.NEXT))
    for day, amount in (
        (D(2026, 11, 1), 10_00),
        (D(2026, 11, 10), 20_00),
        (D(2026, 11, 20), 40_00),
    ):
        posting.post_delivery(nxt.id, day, amount)
    posting.post_payment(nxt.id, D(2026, 11, 21), 5_00, PaymentMethod.CASH)
    monthly = make_customer("D", terms=Terms(TermsKind.MONTHLY))
    posting.post_delivery(monthly.id, D(2026, 9, 30), 11_00)
    posting.post_delivery(monthly.id, D(2026, 10, 1), 22_00)
    fast, slow = _both(D(2026, 11, 26))
    assert fast == slow
    assert fast[due_today.id] == (150_00, 50_00)
    assert fast[nxt.id] == (65_00, 25_00)
    assert fast[monthly.id] == (33_00, 11_00)
