"""The aging records: what each customer owes and how old it is as of a date (`AgingRow`,
`AgingReport`), summed over a rep or a route (`GroupAging`), the debits still open
(`OpenItem`), a row of the customer list (`CustomerSummary`) and the warnings a balance
raises (`CreditWarning`). Money is integer fen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from models.vocabulary.collecting_records import Promise
from models.vocabulary.customer_records import Customer, CustomerId, RepId, RouteId
from models.vocabulary.entry_records import EntryId, EntryKind
from models.vocabulary.i18n import _
from models.vocabulary.money import Fen


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
class CreditApproval:
    """The boss's approval of one delivery the credit stop refuses (models/ledger/
    credit_stop.py): for `customer_id`, covering one delivery of at most `amount` fen,
    made on the day of `approved_at`. `reasons` are the stop's sentences as the boss read
    them; `approved_by` the boss (PostgreSQL: the login that wrote it). `entry_id` and
    `used_at` name the delivery it let through (None until used)."""

    id: int
    customer_id: int
    amount: Fen
    reasons: str
    note: str
    approved_by: str
    approved_at: dt.datetime
    entry_id: int | None = None
    used_at: dt.datetime | None = None
