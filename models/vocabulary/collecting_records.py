"""The collecting records: promises to clear an amount by an agreed date (约定清款), visits
and why no money came, the office's calls the day before, and the route sheet a rep
carries. Money is integer fen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from models.vocabulary.customer_records import Customer, CustomerId, RepId, Route
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.i18n import _
from models.vocabulary.money import Fen

PromiseId = int


class PromiseStatus(StrEnum):
    OPEN = "open"
    KEPT = "kept"
    BROKEN = "broken"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return _(self.value.capitalize())


@dataclass(frozen=True)
class Promise:
    """A customer's promise to clear an amount by an agreed date and time (约定清款)."""

    id: PromiseId
    customer_id: CustomerId
    amount: Fen
    due_at: dt.datetime
    method: PaymentMethod | None
    payer: str
    rep_id: RepId | None
    created_at: dt.datetime
    status: PromiseStatus
    paid: Fen  # payments and tail cuts counted toward it so far
    serial: str  # IOU serial number, e.g. "QK-000123"
    note: str = ""
    replaces_id: PromiseId | None = None
    replaced_by_id: PromiseId | None = None
    cancelled_at: dt.datetime | None = None
    prints: int = 0  # how often its IOU note was printed; >0 means the next is a reprint
    rep_name: str = ""


class VisitOutcome(StrEnum):
    PAID = "paid"
    PART_PAID = "part_paid"
    PROMISED = "promised"
    REFUSED = "refused"
    NOT_THERE = "not_there"

    @property
    def label(self) -> str:
        return _(_OUTCOME_LABELS[self])


_OUTCOME_LABELS = {
    VisitOutcome.PAID: "Paid",
    VisitOutcome.PART_PAID: "Part paid",
    VisitOutcome.PROMISED: "Promised a date",
    VisitOutcome.REFUSED: "Refused",
    VisitOutcome.NOT_THERE: "Not there",
}


class LateReason(StrEnum):
    """Why no money came: first the everyday answers a rep hears at the counter, then the
    field guide's 13 reasons for late payment (§4). Stored values never change."""

    BOSS_AWAY = "boss_away"
    NO_CASH_TODAY = "no_cash_today"
    TRANSFER_TONIGHT = "transfer_tonight"
    NOT_SOLD_YET = "not_sold_yet"
    DISPUTES_AMOUNT = "disputes_amount"
    ABILITY_WORSENED = "ability_worsened"
    OUR_MISTAKE = "our_mistake"
    CHANGED_BUSINESS = "changed_business"
    TERMS_NOT_AGREED = "terms_not_agreed"
    WE_WERE_LATE = "we_were_late"
    CONSIGNMENT = "consignment"
    QUALITY = "quality"
    PRICE_DIFFERENCES = "price_differences"
    TERMS_UNWANTED = "terms_unwanted"
    POOR_COMMUNICATION = "poor_communication"
    MEANT_TO_DELAY = "meant_to_delay"
    COMPETITOR_TERMS = "competitor_terms"
    NOT_SELLING = "not_selling"

    @property
    def label(self) -> str:
        return _(_REASON_LABELS[self])


_REASON_LABELS = {
    LateReason.BOSS_AWAY: "The boss is not in",
    LateReason.NO_CASH_TODAY: "No cash today",
    LateReason.TRANSFER_TONIGHT: "Will transfer tonight",
    LateReason.NOT_SOLD_YET: "Goods not sold yet",
    LateReason.DISPUTES_AMOUNT: "Disputes the amount",
    LateReason.ABILITY_WORSENED: "Customer's ability to pay worsened",
    LateReason.OUR_MISTAKE: "Our own mistake",
    LateReason.CHANGED_BUSINESS: "Customer changed business",
    LateReason.TERMS_NOT_AGREED: "Terms were never agreed",
    LateReason.WE_WERE_LATE: "We were late collecting",
    LateReason.CONSIGNMENT: "Goods pushed on consignment",
    LateReason.QUALITY: "Quality problems",
    LateReason.PRICE_DIFFERENCES: "Different prices to different shops",
    LateReason.TERMS_UNWANTED: "Terms not as the customer wanted",
    LateReason.POOR_COMMUNICATION: "Poor communication",
    LateReason.MEANT_TO_DELAY: "Customer meant to delay from the start",
    LateReason.COMPETITOR_TERMS: "A competitor offered better terms",
    LateReason.NOT_SELLING: "Goods not selling",
}


@dataclass(frozen=True)
class Visit:
    id: int
    customer_id: CustomerId
    at: dt.datetime
    rep_id: RepId | None
    outcome: VisitOutcome
    reason: LateReason | None
    note: str = ""
    rep_name: str = ""


class CallOutcome(StrEnum):
    """What the customer said when the office phoned the day before (§二9)."""

    CONFIRMED = "confirmed"
    NEW_DATE = "new_date"
    UNREACHABLE = "unreachable"

    @property
    def label(self) -> str:
        return _(_CALL_LABELS[self])


_CALL_LABELS = {
    CallOutcome.CONFIRMED: "Confirmed",
    CallOutcome.NEW_DATE: "Wants a new date",
    CallOutcome.UNREACHABLE: "Unreachable",
}


@dataclass(frozen=True)
class CallAnswer:
    """The latest answer to a call about one promise."""

    promise_id: PromiseId
    outcome: CallOutcome
    at: dt.datetime
    note: str = ""


@dataclass(frozen=True)
class RouteStop:
    position: int
    customer: Customer
    balance: Fen
    overdue: Fen
    promises_due: tuple[Promise, ...]  # promises falling due on the route day
    broken_promises: tuple[Promise, ...] = ()  # fell due earlier, broken, no new date yet
    answers: tuple[CallAnswer, ...] = ()  # the office's calls about the day's promises


@dataclass(frozen=True)
class RouteSheet:
    route: Route
    day: dt.date
    rep_name: str
    stops: tuple[RouteStop, ...] = field(default_factory=tuple)

    @property
    def total_balance(self) -> Fen:
        return sum(s.balance for s in self.stops)

    @property
    def total_overdue(self) -> Fen:
        return sum(s.overdue for s in self.stops)

    @property
    def total_promised(self) -> Fen:
        return sum(p.amount - p.paid for s in self.stops for p in s.promises_due)
