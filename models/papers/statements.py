"""Statement data (对账单) for a period, aged as of the statement's own date."""

from __future__ import annotations

import dataclasses
import datetime as dt

from models.ledger.aging import age_customer, open_items
from models.ledger.customers import get_customer
from models.ledger.ledger import balance, ledger_rows
from models.ledger.promises import open_promises
from models.ledger.settings import get_company
from models.papers.ious import notes_for
from models.papers.statement_numbers import statement_number
from models.storage import session
from models.storage.db import is_read_only, read_snapshot, transaction
from models.storage.tables import StatementNoRow
from models.vocabulary import clock
from models.vocabulary.customer_records import CustomerId
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _
from models.vocabulary.paper_records import Statement


def default_period(as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The last 90 days up to `as_of`, the usual reconciliation window."""
    return as_of - dt.timedelta(days=89), as_of


def statement(
    customer_id: CustomerId,
    period_from: dt.date,
    period_to: dt.date,
    as_of: dt.date | None = None,
) -> Statement:
    """Everything a statement shows. `as_of` (default `period_to`) is the date the
    aging and the open promises are reckoned at — the route day, not the printing day."""
    if period_from > period_to:
        raise InputError(_("The period starts after it ends: swap the dates."))
    as_of = as_of or period_to
    with read_snapshot():  # rows and closing balance from one moment, whoever posts
        customer = get_customer(customer_id)
        opening, rows = ledger_rows(customer_id, period_from, period_to)
        company = get_company()
        aging = age_customer(customer_id, as_of, company.aging_edges, customer=customer)
        closing = balance(customer_id, period_to)
        promised = notes_for(open_promises(customer_id, as_of), balance(customer_id, as_of), as_of)
        items = tuple(open_items(customer_id, as_of, customer.terms))
    standing = [r.entry for r in rows if not r.entry.is_voided and not r.entry.is_reversal]
    return Statement(
        company=company,
        customer=customer,
        period_from=period_from,
        period_to=period_to,
        as_of=as_of,
        opening_balance=opening,
        rows=tuple(rows),
        closing_balance=closing,
        aging=aging,
        edges=company.aging_edges,
        open_promises=promised,
        total_debit=sum(e.debit for e in standing),
        total_credit=sum(e.credit for e in standing),
        open_items=items,
    )


def issue_number(st: Statement) -> Statement:
    """Give `st` a statement number, unique in the ledger (the database issues it), to
    print on the statement and its confirmation slip so a returned slip finds its
    statement. Previews go without: only a printed statement is numbered; so does a
    statement printed from a ledger open read-only (an archive cannot issue numbers)."""
    if is_read_only():
        return st
    # The reply-by date is kept as the slip prints it: a later change of the Settings'
    # reply days does not move the date a customer was given.
    reply_by = clock.today() + dt.timedelta(days=st.company.reply_days)
    with transaction():
        row = StatementNoRow.create(
            customer=st.customer.id,
            period_from=st.period_from,
            period_to=st.period_to,
            as_of=st.as_of,
            balance=st.closing_balance,
            created_at=clock.now(),
            entered_by=session.current_user(),
            reply_by=reply_by,
        )
    return dataclasses.replace(st, number=statement_number(row.id), reply_by=reply_by)
