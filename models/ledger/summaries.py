"""The customer list: every customer's balance, aging, next promise and last payment."""

from __future__ import annotations

import datetime as dt

from models.ledger.aging import age_customers
from models.ledger.customers import list_customers
from models.ledger.ledger import last_payment_dates
from models.ledger.promises import broken_counts, next_open_promises
from models.vocabulary import clock
from models.vocabulary.aging_records import CustomerSummary


def customer_summaries(
    as_of: dt.date | None = None, *, include_archived: bool = False
) -> list[CustomerSummary]:
    """One summary per customer, ordered by code."""
    as_of = as_of or clock.today()
    customers = list_customers(include_archived)
    aging = {r.customer_id: r for r in age_customers(customers, as_of).rows}
    promises = next_open_promises()
    paid = last_payment_dates()
    broken = broken_counts(as_of - dt.timedelta(days=90))
    return [
        CustomerSummary(
            customer=c,
            aging=aging[c.id],
            next_promise=promises.get(c.id),
            last_payment_on=paid.get(c.id),
            broken_promises_90d=broken.get(c.id, 0),
        )
        for c in customers
    ]
