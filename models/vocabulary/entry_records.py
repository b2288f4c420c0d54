"""The entry records: immutable ledger entries and what they carry (their kind, the
payment method, a cheque and the steps of its life, delivery lines), a customer's ledger
page with the running balance, and what a customer owes now (`Owed`).

Money is integer fen; "delta" is an entry's effect on what the customer owes (positive:
they owe more; negative: they owe less).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from models.vocabulary.customer_records import CustomerId
from models.vocabulary.i18n import _
from models.vocabulary.money import Fen

EntryId = int


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
# only through `models.ledger.cheque_status.bounce_cheque` (it also voids the payment) and is final.
CHEQUE_MOVES: dict[ChequeStatus, frozenset[ChequeStatus]] = {
    ChequeStatus.RECEIVED: frozenset({ChequeStatus.DEPOSITED, ChequeStatus.CLEARED}),
    ChequeStatus.DEPOSITED: frozenset({ChequeStatus.RECEIVED, ChequeStatus.CLEARED}),
    ChequeStatus.CLEARED: frozenset({ChequeStatus.DEPOSITED, ChequeStatus.RECEIVED}),
    ChequeStatus.BOUNCED: frozenset(),
}


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
class Owed:
    """What a customer owes now, for the payment dialog: the balance (negative: in credit)
    and what their open promises still cover."""

    balance: Fen
    promised: Fen
