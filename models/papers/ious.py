"""What an IOU note (欠条) prints: the customer, their promise(s) and the letterhead,
read in one snapshot so the paid-so-far figure and the status agree while others post.

Every figure a note states comes from `notes_for`, the one way a note is made (the F4
window, `print iou` and the route-day packet all call it): a note never states more owed
than the ledger shows on its day. A promise larger than what is owed now (a return or a
payment came after it) is printed as what is owed now and says so; notes printed
together never promise more between them than is owed; a customer who owes nothing
gets no note at all (`NothingOwed`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from models.ledger.aging import open_items
from models.ledger.customers import get_customer
from models.ledger.ledger import balance
from models.ledger.promises import get_promise, promises_for
from models.ledger.settings import get_company
from models.papers.statement_numbers import last_statement_number
from models.storage.db import read_snapshot
from models.vocabulary import clock
from models.vocabulary.collecting_records import Promise, PromiseId, PromiseStatus
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.customer_records import Customer, CustomerId
from models.vocabulary.entry_records import EntryKind
from models.vocabulary.errors import LedgerError
from models.vocabulary.i18n import _
from models.vocabulary.money import Fen
from models.vocabulary.paper_records import IouNote

__all__ = [
    "IouNote", "IouPapers", "NothingOwed", "iou_of", "notes_for", "notes_today", "open_ious"
]  # fmt: skip


class NothingOwed(LedgerError):
    """The customer owes nothing (or nothing the promises could still cover): an IOU
    note would state a debt the ledger does not show, so none is made."""


def notes_for(
    promises: Iterable[Promise],
    owed: Fen,
    on: dt.date,
    statement_no: str = "",
    delivery_notes: tuple[str, ...] = (),
) -> tuple[IouNote, ...]:
    """The notes of `promises` printed together for a customer owing `owed` on `on`, by
    due time: each asks for the rest of its promise while what is owed lasts, so no
    note, and no set of notes, asks for more than is owed. A promise with nothing left
    to ask for gets no note. `statement_no` and `delivery_notes` are what the debt
    refers to, printed on each note."""
    left = owed
    notes = []
    for p in sorted(promises, key=lambda p: (p.due_at, p.id)):
        amount = min(p.amount - p.paid, left)
        if amount <= 0:
            continue
        notes.append(IouNote(p, owed, on, amount, statement_no, delivery_notes))
        left -= amount
    return tuple(notes)


def notes_today(customer_id: CustomerId, promises: Iterable[Promise]) -> tuple[IouNote, ...]:
    """The notes of `promises` as of today, the day they are printed (none when the
    customer owes nothing): what every caller prints, whatever day the route runs."""
    today = clock.today()
    return notes_for(promises, balance(customer_id, today), today, *_references(customer_id, today))


def _references(customer_id: CustomerId, on: dt.date) -> tuple[str, tuple[str, ...]]:
    """The number of the customer's last printed statement ("" when none) and the
    numbers of the delivery notes still open on `on` (FIFO, as the statement lists them)."""
    number = last_statement_number(customer_id)
    terms = get_customer(customer_id).terms
    items = open_items(customer_id, on, terms)
    deliveries = tuple(
        i.doc_no for i in reversed(items) if i.kind is EntryKind.DELIVERY and i.doc_no
    )
    return number, deliveries


@dataclass(frozen=True)
class IouPapers:
    """One customer's IOU notes to print: one page per promise, oldest due first."""

    customer: Customer
    notes: tuple[IouNote, ...]
    company: CompanySettings

    @property
    def promises(self) -> tuple[Promise, ...]:
        return tuple(n.promise for n in self.notes)


def _papers(customer: Customer, promises: list[Promise], company: CompanySettings) -> IouPapers:
    """The notes of `promises`, as of today; `NothingOwed` when there is none to make."""
    today = clock.today()
    if balance(customer.id, today) <= 0:
        raise NothingOwed(
            _(
                "‘{name}’ owes nothing on {date}: there is no IOU note to print. Check the "
                "customer's ledger, or cancel the promise."
            ).format(name=customer.name, date=today.isoformat())
        )
    notes = notes_today(customer.id, promises)
    if not notes and promises:
        raise NothingOwed(
            _("‘{name}’ has already paid what was promised: there is no IOU note to print.").format(
                name=customer.name
            )
        )
    return IouPapers(customer, notes, company)


def open_ious(customer_id: CustomerId) -> IouPapers:
    """The IOU notes of the customer's open promises, by due time (none when the
    customer has no open promise; `NothingOwed` when they owe nothing)."""
    with read_snapshot():
        customer = get_customer(customer_id)
        promises = [p for p in promises_for(customer_id) if p.status is PromiseStatus.OPEN]
        company = get_company()
        return _papers(customer, promises, company)


def iou_of(promise_id: PromiseId) -> IouPapers:
    """The IOU note of one promise (whatever its status: a reprint is allowed), or
    `NothingOwed` when the customer owes nothing or the promise has been paid."""
    with read_snapshot():
        promise = get_promise(promise_id)
        customer = get_customer(promise.customer_id)
        company = get_company()
        return _papers(customer, [promise], company)
