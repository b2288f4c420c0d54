"""What the exports read: every standing entry of a period, and customers in the form
the import takes, so an export imported into a new ledger gives the same balances.

A voided entry and its reversal are left out together: they carry the same date and
cancel out, so balances and aging at every date are the same without them, and
importing them back would post the reversal as a second entry of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import NamedTuple

from peewee import JOIN

from models.ledger.customers import list_customers
from models.storage.tables import ChequeRow, CustomerRow, EntryRow
from models.vocabulary.customer_records import Customer, Terms, TermsKind
from models.vocabulary.entry_records import EntryKind, PaymentMethod
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _
from models.vocabulary.money import Fen

EARLIEST = dt.date(1, 1, 1)
LATEST = dt.date(9999, 12, 31)


class ExportedEntry(NamedTuple):
    """One standing entry in the columns of an entries import."""

    customer_code: str
    date: dt.date
    kind: EntryKind
    amount: Fen
    doc_no: str
    memo: str
    method: PaymentMethod | None
    cheque_no: str
    cheque_due: dt.date | None
    bank: str


def check_period(date_from: dt.date | None, date_to: dt.date | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise InputError(_("The period starts after it ends: swap the dates."))


def standing_entries(
    date_from: dt.date | None = None, date_to: dt.date | None = None
) -> Iterator[ExportedEntry]:
    """Every entry dated in [date_from, date_to] that is neither voided nor a reversal,
    oldest first; streamed, so a million entries never sit in memory at once."""
    check_period(date_from, date_to)
    reversal = EntryRow.alias()
    voided = reversal.select(reversal.reverses).where(reversal.reverses.is_null(False))
    query = (
        EntryRow.select(
            CustomerRow.code,
            EntryRow.date,
            EntryRow.kind,
            EntryRow.amount,
            EntryRow.doc_no,
            EntryRow.memo,
            EntryRow.method,
            ChequeRow.number,
            ChequeRow.due_on,
            ChequeRow.bank,
        )
        .join(CustomerRow, on=(EntryRow.customer == CustomerRow.id))
        .join(ChequeRow, JOIN.LEFT_OUTER, on=(ChequeRow.entry == EntryRow.id))
        .where(
            EntryRow.reverses.is_null()
            & EntryRow.id.not_in(voided)
            & (EntryRow.date >= (date_from or EARLIEST))
            & (EntryRow.date <= (date_to or LATEST))
        )
        .order_by(EntryRow.date, EntryRow.id)
        .tuples()
    )
    for code, on, kind, amount, doc_no, memo, method, number, due, bank in query.iterator():
        yield ExportedEntry(
            code, on, kind, amount, doc_no, memo, method, number or "", due, bank or ""
        )


def terms_text(terms: Terms) -> str:
    """Credit terms as the import reads them back (`customers.parse_terms`)."""
    if terms.kind is TermsKind.DAYS:
        return str(terms.days)
    return {TermsKind.CASH: "0", TermsKind.MONTHLY: "monthly", TermsKind.NEXT: "next"}[terms.kind]


def all_customers() -> list[Customer]:
    """Every customer, archived ones too (their entries name them), by code."""
    return sorted(list_customers(include_archived=True), key=lambda c: c.code)
