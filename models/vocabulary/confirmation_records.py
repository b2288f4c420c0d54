"""The confirmation records: what a customer answered to a printed statement (agreed 相符,
disputed 不符 with their own figure and why), a dispute's outcome, and the state of a
statement's confirmation. Money is integer fen; a difference is the customer's amount
less the balance our statement showed (negative: the customer says they owe less).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from models.vocabulary.customer_records import CustomerId
from models.vocabulary.i18n import _
from models.vocabulary.money import Fen

ReplyId = int


class ConfirmationState(StrEnum):
    """Where a statement's confirmation stands. Unanswered is derived, never stored:
    no reply, and the reply-by date printed on the slip has passed."""

    AGREED = "agreed"
    DISPUTED = "disputed"
    UNANSWERED = "unanswered"
    AWAITING = "awaiting"  # no reply yet, the reply-by date not passed

    @property
    def label(self) -> str:
        return _(_STATE_LABELS[self])


_STATE_LABELS = {
    ConfirmationState.AGREED: "Agreed",
    ConfirmationState.DISPUTED: "Disputed",
    ConfirmationState.UNANSWERED: "Unanswered",
    ConfirmationState.AWAITING: "Awaiting reply",
}


class DisputeOutcome(StrEnum):
    """How a dispute ended: a credit note posted (a return or discount entry, linked),
    the customer accepted our figure, or the difference written off."""

    CREDIT_NOTE = "credit_note"
    ACCEPTED = "accepted"
    WRITTEN_OFF = "written_off"

    @property
    def label(self) -> str:
        return _(_OUTCOME_LABELS[self])


_OUTCOME_LABELS = {
    DisputeOutcome.CREDIT_NOTE: "Credit note posted",
    DisputeOutcome.ACCEPTED: "Customer accepted our figure",
    DisputeOutcome.WRITTEN_OFF: "Written off",
}


@dataclass(frozen=True)
class StatementRef:
    """A printed statement as its number row holds it: the balance it showed
    (`balance`, fen, at `period_to`), when it was printed and the reply-by date."""

    number: str
    statement_id: int
    customer_id: CustomerId
    customer_code: str
    customer_name: str
    period_to: dt.date
    balance: Fen
    printed_on: dt.date
    reply_by: dt.date


@dataclass(frozen=True)
class StatementReply:
    """One recorded reply. `replaces` is the reply it took the place of (kept as
    history); a disputed reply carries the customer's amount, the reason and who
    handles it; the outcome fields are set once the dispute has one."""

    id: ReplyId
    statement: StatementRef
    agreed: bool
    customer_amount: Fen | None
    reason: str
    handler: str
    recorded_by: str
    recorded_at: dt.datetime
    replaces: ReplyId | None = None
    outcome: DisputeOutcome | None = None
    outcome_entry_id: int | None = None
    outcome_doc_no: str = ""
    outcome_note: str = ""
    outcome_by: str = ""
    outcome_at: dt.datetime | None = None

    @property
    def difference(self) -> Fen:
        """The customer's amount less our balance on the statement; 0 when agreed."""
        if self.agreed or self.customer_amount is None:
            return 0
        return self.customer_amount - self.statement.balance

    @property
    def is_open_dispute(self) -> bool:
        return not self.agreed and self.outcome is None


@dataclass(frozen=True)
class Confirmation:
    """A statement and where its confirmation stands as of a day: its current reply
    (None when there is none) and how many earlier replies it replaced."""

    statement: StatementRef
    state: ConfirmationState
    reply: StatementReply | None
    replaced: int = 0


@dataclass(frozen=True)
class ConfirmationSummary:
    """The review's evidence: customers whose standing statement the customer agreed
    (count and the balance they signed for), and the rest of those who owe, by why they
    are not confirmed. Amounts are the balances on the standing statements; customers
    never sent one count at their balance on the day."""

    as_of: dt.date
    confirmed: int = 0
    confirmed_amount: Fen = 0
    disputed: int = 0
    disputed_amount: Fen = 0
    unanswered: int = 0
    unanswered_amount: Fen = 0
    awaiting: int = 0
    awaiting_amount: Fen = 0
    never_sent: int = 0
    never_sent_amount: Fen = 0

    @property
    def unconfirmed(self) -> int:
        return self.disputed + self.unanswered + self.awaiting + self.never_sent

    @property
    def unconfirmed_amount(self) -> Fen:
        return (
            self.disputed_amount
            + self.unanswered_amount
            + self.awaiting_amount
            + self.never_sent_amount
        )
