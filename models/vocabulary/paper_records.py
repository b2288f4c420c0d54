"""The paper records: everything a statement (对账单) prints (`Statement`) and the figures
of one IOU note (欠条) or of a promise a statement lists (`IouNote`). Money is integer
fen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.vocabulary.aging_records import AgingRow, OpenItem
from models.vocabulary.collecting_records import Promise
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.customer_records import Customer
from models.vocabulary.entry_records import LedgerRow
from models.vocabulary.money import Fen


@dataclass(frozen=True)
class IouNote:
    """The figures of one IOU note (or of a promise a statement lists), all as of `on`.

    `owed` is what the customer owes in all that day (fen, > 0); `amount` is what this
    note promises to pay: the rest of the promise (`promise.amount - promise.paid`), cut
    down to what is owed and not yet promised by a note printed with it."""

    promise: Promise
    owed: Fen
    on: dt.date
    amount: Fen
    # What the debt refers to, printed on the note when known (issue 18): the number of
    # the customer's last statement and the delivery notes still open on `on`.
    statement_no: str = ""
    delivery_notes: tuple[str, ...] = ()

    @property
    def rest(self) -> Fen:
        """What the promise itself still asks for (before any reduction)."""
        return self.promise.amount - self.promise.paid

    @property
    def reduced(self) -> bool:
        """True when the note asks for less than the promise does (less is owed now)."""
        return self.amount < self.rest


@dataclass(frozen=True)
class Statement:
    """Everything a statement (对账单) prints, aged as of its own date."""

    company: CompanySettings
    customer: Customer
    period_from: dt.date
    period_to: dt.date
    as_of: dt.date
    opening_balance: Fen
    rows: tuple[LedgerRow, ...]  # entries dated within the period, voided pairs included
    closing_balance: Fen
    aging: AgingRow
    edges: tuple[int, ...]
    # Open promises as `models.papers.ious.notes_for` states them: never more than is owed.
    open_promises: tuple[IouNote, ...]
    total_debit: Fen = 0
    total_credit: Fen = 0
    number: str = ""  # the statement number (printed on the slip too); "" = a preview
    open_items: tuple[OpenItem, ...] = ()  # open debits as of `as_of`, oldest first
    # The date the slip asks for a reply by (set with the number); None: a preview,
    # whose slip reckons it from today.
    reply_by: dt.date | None = None
