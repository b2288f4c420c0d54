"""Small builders shared by the model tests."""

from __future__ import annotations

import datetime as dt

from models.ledger import credit_stop, customers, people, posting
from models.storage import session
from models.vocabulary.customer_records import Customer, CustomerDraft, Terms, TermsKind
from models.vocabulary.entry_records import Entry

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


def approved_delivery(customer_id: int, on: dt.date, amount: int, **kwargs: object) -> Entry:
    """A delivery the credit stop refuses, posted with the boss's approval (the boss
    approves, then it is posted): test data over a limit or after broken promises."""
    approval = credit_stop.approve(customer_id, amount, "test data", on=on)
    return posting.post_delivery(customer_id, on, amount, approval=approval.id, **kwargs)  # type: ignore[arg-type]


_login: list[session.SignedIn | None] = []


def act_as(name: str) -> None:
    """Act as the person `name` in this process, to play two clerks in one test; ""
    goes back to who opened the ledger. A ledger file stamps the name `set_user` gives;
    a shared ledger signs in its login (models/storage/session.py), so that person is
    renamed here, with the same role (the tests' logins may write as any name: no
    groups are set up; tests/office.py tests real logins)."""
    session.set_user(name)
    if not _login:
        _login.append(session.signed_in())
    original = _login[0]
    if not name:
        _login.clear()
    if original is not None:
        session.set_signed_in(session.SignedIn(name, original.role) if name else original)
