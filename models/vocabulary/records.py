"""Plain frozen records: what the GUI, the documents, import and the CLI read.

The screen and the PDF consume the same records, so they can never disagree about a
balance. Money is integer fen; "delta" is an entry's effect on what the customer owes
(positive: they owe more; negative: they owe less).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from enum import StrEnum

from models.vocabulary.i18n import _

Fen = int
CustomerId = int
EntryId = int
PromiseId = int
RepId = int
RouteId = int


class EntryKind(StrEnum):
    DELIVERY = "delivery"  # 送货/赊销: debit
    PAYMENT = "payment"  # 收款: credit
    RETURN = "return"  # 退货: credit
    DISCOUNT = "discount"  # 折让/抹零: credit
    WRITEOFF = "writeoff"  # 坏账核销: credit, boss only
    OPENING = "opening"  # 期初: debit, or credit when the customer was in credit

    @property
    def label(self) -> str:
        return _(_ENTRY_LABELS[self])


_ENTRY_LABELS = {
    EntryKind.DELIVERY: "Delivery",
    EntryKind.PAYMENT: "Payment",
    EntryKind.RETURN: "Return",
    EntryKind.DISCOUNT: "Discount / tail cut",
    EntryKind.WRITEOFF: "Write-off",
    EntryKind.OPENING: "Opening balance",
}
CREDIT_KINDS = frozenset(
    {EntryKind.PAYMENT, EntryKind.RETURN, EntryKind.DISCOUNT, EntryKind.WRITEOFF}
)


class PaymentMethod(StrEnum):
    CASH = "cash"
    CHEQUE = "cheque"
    DRAFT = "draft"  # 汇票/银行承兑汇票
    TRANSFER = "transfer"
    WECHAT = "wechat"
    ALIPAY = "alipay"

    @property
    def label(self) -> str:
        return _(_METHOD_LABELS[self])

    @property
    def is_instrument(self) -> bool:
        """Cheques and drafts carry a number, a bank and a due date, and can bounce."""
        return self in (PaymentMethod.CHEQUE, PaymentMethod.DRAFT)


_METHOD_LABELS = {
    PaymentMethod.CASH: "Cash",
    PaymentMethod.CHEQUE: "Cheque",
    PaymentMethod.DRAFT: "Bank draft",
    PaymentMethod.TRANSFER: "Bank transfer",
    PaymentMethod.WECHAT: "WeChat Pay",
    PaymentMethod.ALIPAY: "Alipay",
}


class ChequeStatus(StrEnum):
    RECEIVED = "received"
    DEPOSITED = "deposited"
    CLEARED = "cleared"
    BOUNCED = "bounced"

    @property
    def label(self) -> str:
        return _(self.value.capitalize())


# A cheque's status moves on, or back one step when set by mistake. Bounced is reached
# only through `cheque_status.bounce_cheque` (it also voids the payment) and is final.
CHEQUE_MOVES: dict[ChequeStatus, frozenset[ChequeStatus]] = {
    ChequeStatus.RECEIVED: frozenset({ChequeStatus.DEPOSITED, ChequeStatus.CLEARED}),
    ChequeStatus.DEPOSITED: frozenset({ChequeStatus.RECEIVED, ChequeStatus.CLEARED}),
    ChequeStatus.CLEARED: frozenset({ChequeStatus.DEPOSITED, ChequeStatus.RECEIVED}),
    ChequeStatus.BOUNCED: frozenset(),
}


class TermsKind(StrEnum):
    CASH = "cash"  # 现款: due on delivery
    NEXT = "next"  # 压批结算: due when the next batch is delivered
    DAYS = "days"  # N days after delivery
    MONTHLY = "monthly"  # 月结: due at the end of the month after delivery


@dataclass(frozen=True)
class Terms:
    """Credit terms agreed before supply. `days` matters only for `TermsKind.DAYS`."""

    kind: TermsKind = TermsKind.CASH
    days: int = 0

    @property
    def label(self) -> str:
        if self.kind is TermsKind.DAYS:
            return _("{n} days").format(n=self.days)
        return _(_TERMS_LABELS[self.kind])


@functools.cache
def stored_terms(kind: str, days: int) -> Terms:
    """The terms stored as (kind, days) columns; one shared record per pair, since the
    customer list and aging read 10,000 customers at a time."""
    return Terms(TermsKind(kind), days)


_TERMS_LABELS = {
    TermsKind.CASH: "Cash on delivery",
    TermsKind.NEXT: "Pay previous batch on next delivery",
    TermsKind.MONTHLY: "Monthly settlement",
}


class PromiseStatus(StrEnum):
    OPEN = "open"
    KEPT = "kept"
    BROKEN = "broken"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return _(self.value.capitalize())


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
class Rep:
    id: RepId
    name: str
    phone: str = ""
    active: bool = True


@dataclass(frozen=True)
class Route:
    """A sales route; `weekdays` are ISO numbers (1 = Monday … 7 = Sunday)."""

    id: RouteId
    name: str
    weekdays: tuple[int, ...] = ()
    rep_id: RepId | None = None
    active: bool = True


@dataclass(frozen=True)
class Customer:
    id: CustomerId
    code: str
    name: str
    contact: str = ""
    phones: str = ""  # as typed; several separated by commas or spaces
    address: str = ""
    payer: str = ""  # who can pay when the boss is out (§3(6))
    route_id: RouteId | None = None
    route_position: int = 0
    rep_id: RepId | None = None
    terms: Terms = Terms()
    credit_limit: Fen | None = None  # None: no limit agreed
    notes: str = ""
    archived: bool = False
    route_name: str = ""
    rep_name: str = ""
    search_key: str = ""  # see models.ledger.search: lower-case name, code, phones, pinyin


@dataclass(frozen=True)
class CustomerDraft:
    """What a clerk types to add or change a customer (no id, no derived names)."""

    code: str
    name: str
    contact: str = ""
    phones: str = ""
    address: str = ""
    payer: str = ""
    route_id: RouteId | None = None
    route_position: int | None = None  # None: append at the end of the route
    rep_id: RepId | None = None
    terms: Terms = Terms()
    credit_limit: Fen | None = None
    notes: str = ""


@dataclass(frozen=True)
class DeliveryLine:
    product: str
    qty: str  # decimal text as typed, e.g. "12" or "2.5"
    unit_price: Fen
    amount: Fen


@dataclass(frozen=True)
class Cheque:
    """A cheque or bank draft received as payment; only its status changes over time."""

    entry_id: EntryId
    number: str
    bank: str
    written_on: dt.date | None
    due_on: dt.date | None
    status: ChequeStatus


VOID_BOUNCED = "bounced"  # Entry.void_kind of a payment voided because its cheque bounced


@dataclass(frozen=True)
class ChequeStatusChange:
    """One step in a cheque's life: who moved it, when, from what to what."""

    entry_id: EntryId
    from_status: ChequeStatus
    to_status: ChequeStatus
    changed_by: str
    changed_at: dt.datetime


@dataclass(frozen=True)
class Entry:
    """One immutable ledger entry.

    `amount` is the positive size of the entry as written on the document (an opening
    balance may be negative: the customer was in credit). `delta` is its effect on the
    balance. A reversal (`reverses_id` set) has the opposite delta of the entry it voids and
    the same date, so a voided pair vanishes from balances and aging at every date.
    """

    id: EntryId
    customer_id: CustomerId
    date: dt.date
    kind: EntryKind
    amount: Fen
    delta: Fen
    doc_no: str = ""
    memo: str = ""
    method: PaymentMethod | None = None
    reverses_id: EntryId | None = None
    voided_by_id: EntryId | None = None
    void_reason: str = ""  # as the user typed it
    entered_by: str = ""
    created_at: dt.datetime | None = None
    cheque: Cheque | None = None
    lines: tuple[DeliveryLine, ...] = ()
    void_kind: str = ""  # VOID_BOUNCED when Qingkuan voided it for a bounced cheque
    void_number: str = ""  # a reversal's: the number of the cheque it voided

    @property
    def void_text(self) -> str:
        """Why it was voided, in the current language: the sentence Qingkuan writes for
        its own kind of reason is made here, what the user typed is kept as typed."""
        if self.void_kind != VOID_BOUNCED:
            return self.void_reason
        typed = self.void_reason.strip()
        number = self.cheque.number if self.cheque is not None else self.void_number
        if number:
            if typed:
                return _("Cheque {number} bounced: {reason}").format(number=number, reason=typed)
            return _("Cheque {number} bounced").format(number=number)
        return _("Cheque bounced: {reason}").format(reason=typed) if typed else _("Cheque bounced")

    @property
    def is_reversal(self) -> bool:
        return self.reverses_id is not None

    @property
    def is_voided(self) -> bool:
        return self.voided_by_id is not None

    @property
    def debit(self) -> Fen:
        """What this entry adds to the balance (0 for credits)."""
        return self.delta if self.delta > 0 else 0

    @property
    def credit(self) -> Fen:
        """What this entry takes off the balance, as a positive number (0 for debits)."""
        return -self.delta if self.delta < 0 else 0


@dataclass(frozen=True)
class LedgerRow:
    """An entry with the customer's running balance after it."""

    entry: Entry
    balance: Fen


@dataclass(frozen=True)
class LedgerPage:
    rows: tuple[LedgerRow, ...]
    total: int  # number of entries of the customer in all
    offset: int


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
class Visit:
    id: int
    customer_id: CustomerId
    at: dt.datetime
    rep_id: RepId | None
    outcome: VisitOutcome
    reason: LateReason | None
    note: str = ""
    rep_name: str = ""


@dataclass(frozen=True)
class AgingRow:
    """One customer's open balance by age, as of a date.

    `buckets[i]` holds what is open and aged within the i-th bucket of
    `AgingReport.edges` (the last bucket is "older than the last edge"). The buckets sum
    to the balance when it is positive; a customer in credit has all buckets zero and
    the balance in `in_credit` (预收, ≤ 0), so that every row, and every sum of rows,
    adds across: ``sum(buckets) + in_credit == balance``.
    """

    customer_id: CustomerId
    code: str
    name: str
    rep_name: str
    route_name: str
    balance: Fen
    buckets: tuple[Fen, ...]
    overdue: Fen  # open amount past its due date under the customer's terms
    oldest_open_days: int | None  # age of the oldest open debit, None when nothing is open
    rep_id: RepId | None = None
    route_id: RouteId | None = None
    credit_limit: Fen | None = None
    in_credit: Fen = 0  # ≤ 0: paid in advance (预收); a sum of rows sums theirs


@dataclass(frozen=True)
class AgingReport:
    as_of: dt.date
    edges: tuple[int, ...]
    rows: tuple[AgingRow, ...]

    @property
    def bucket_names(self) -> tuple[str, ...]:
        """Column names such as ``age_0_30 … age_91_plus``, following the edges."""
        return bucket_names(self.edges)

    def total(self) -> AgingRow:
        n = len(self.edges) + 1
        return AgingRow(
            customer_id=0,
            code="",
            name=_("Total"),
            rep_name="",
            route_name="",
            balance=sum(r.balance for r in self.rows),
            buckets=tuple(sum(r.buckets[i] for r in self.rows) for i in range(n)),
            overdue=sum(r.overdue for r in self.rows),
            in_credit=sum(r.in_credit for r in self.rows),
            oldest_open_days=max(
                (r.oldest_open_days for r in self.rows if r.oldest_open_days is not None),
                default=None,
            ),
        )


def bucket_names(edges: tuple[int, ...]) -> tuple[str, ...]:
    names, low = [], 0
    for edge in edges:
        names.append(f"age_{low}_{edge}")
        low = edge + 1
    names.append(f"age_{low}_plus")
    return tuple(names)


def bucket_labels(edges: tuple[int, ...]) -> tuple[str, ...]:
    """Human labels: ``0–30``, ``31–60`` … ``>90`` (days)."""
    labels, low = [], 0
    for edge in edges:
        labels.append(f"{low}–{edge}")
        low = edge + 1
    labels.append(f">{edges[-1]}" if edges else "0+")
    return tuple(labels)


@dataclass(frozen=True)
class GroupAging:
    """Aging summed over a group of customers (a rep or a route)."""

    key: int | None
    name: str
    customers: int
    balance: Fen
    buckets: tuple[Fen, ...]
    overdue: Fen
    in_credit: Fen = 0  # ≤ 0: what its customers in credit paid in advance (预收)


@dataclass(frozen=True)
class CustomerSummary:
    """A row of the customer list: the aging row plus what the office looks at next."""

    customer: Customer
    aging: AgingRow
    next_promise: Promise | None
    last_payment_on: dt.date | None
    broken_promises_90d: int

    @property
    def over_limit(self) -> bool:
        limit = self.customer.credit_limit
        return limit is not None and self.aging.balance > limit

    @property
    def over_limit_by(self) -> Fen:
        """How far the balance is above the credit limit, in fen (0 within it)."""
        limit = self.customer.credit_limit
        return max(self.aging.balance - limit, 0) if limit is not None else 0


class WarningKind(StrEnum):
    OVER_LIMIT = "over_limit"
    OVERDUE = "overdue"
    BROKEN_PROMISES = "broken_promises"
    ARCHIVED = "archived"
    OVERPAID = "overpaid"


@dataclass(frozen=True)
class CreditWarning:
    kind: WarningKind
    message: str


@dataclass(frozen=True)
class Owed:
    """What a customer owes now, for the payment dialog: the balance (negative: in credit)
    and what their open promises still cover."""

    balance: Fen
    promised: Fen


@dataclass(frozen=True)
class CompanySettings:
    name: str = ""
    address: str = ""
    phone: str = ""
    bank_account: str = ""
    currency_symbol: str = "¥"
    aging_edges: tuple[int, ...] = (30, 60, 90)
    doc_language: str = "zh"
    paper_size: str = "A4"
    pdf_font_path: str = ""
    tail_cut_limit: Fen = 500  # a settled payment this far under what was due: offer 抹零
    reminder_promise: str = ""  # reminder templates; "" is the built-in wording
    reminder_overdue: str = ""
    binding_margin: bool = True  # ≥ 20 mm on the binding side for hole punching
    account_holder: str = ""  # 户名, printed beside the bank account
    reply_days: int = 7  # the confirmation slip: reply within N days or it stands
    contact_name: str = ""  # who answers questions about a statement
    contact_phone: str = ""  # their phone (default: the company's)
    payment_qr: bytes = b""  # the company's own WeChat Pay / Alipay receiving QR image
    credit_code: str = ""  # 统一社会信用代码, printed on the IOU note as the creditor's
    # "No reply by the date counts as confirmed" on the slip: only for offices whose
    # customers agreed to it (Civil Code art. 140: silence binds only by law, agreement
    # or trading habit), so off by default.
    silence_confirms: bool = False
    iou_default_clause: bool = False  # the IOU's clause on late payment (违约责任)
    iou_clause_text: str = ""  # its wording; "" is the built-in wording


@dataclass(frozen=True)
class OpenItem:
    """A debit still (partly) open as of a date: what a follow-up letter lists."""

    entry_id: EntryId
    date: dt.date
    kind: EntryKind
    doc_no: str
    amount: Fen  # the whole debit
    open: Fen  # what is still unpaid of it
    due_on: dt.date | None  # None: not due yet (pay on next delivery)
    days_overdue: int  # 0 when not overdue


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
