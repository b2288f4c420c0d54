"""The customer records: who the office sells to and on what credit terms (`Customer`,
`Terms`), what a clerk types to add one (`CustomerDraft`), and the reps and routes that
serve them (`Rep`, `Route`).

Ids are plain ints with a name, so a signature says which one it takes. Money is integer
fen.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import StrEnum

from models.vocabulary.i18n import _
from models.vocabulary.money import Fen

CustomerId = int
RepId = int
RouteId = int


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
    # Bumped by the database on every change: a save names the version it was read at,
    # so an edit made meanwhile by someone else is never silently overwritten.
    version: int = 0


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
