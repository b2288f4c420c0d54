"""Small builders shared by the model tests."""

from __future__ import annotations

import datetime as dt

from models.ledger import customers, people
from models.vocabulary.customer_records import Customer, CustomerDraft, Terms, TermsKind

D = dt.date
THIRTY_DAYS = Terms(TermsKind.DAYS, 30)


def make_customer(
    code: str = "C001",
    name: str = "东城王记便利店",
    terms: Terms = THIRTY_DAYS,
    credit_limit: int | None = None,
    route: str | None = None,
    rep: str | None = None,
) -> Customer:
    route_id = people.ensure_route(route).id if route else None
    rep_id = people.ensure_rep(rep).id if rep else None
    return customers.add_customer(
        CustomerDraft(
            code=code,
            name=name,
            phones="13800138000",
            terms=terms,
            credit_limit=credit_limit,
            route_id=route_id,
            rep_id=rep_id,
        )
    )
