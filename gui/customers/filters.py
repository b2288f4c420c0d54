"""What the clerk narrowed the customer list to. Pure Python so 10,000 rows filter in
a few milliseconds per keystroke; matching itself is `models.ledger.search`."""

from __future__ import annotations

from dataclasses import dataclass

from models.ledger.search import matches, normalise_query
from models.vocabulary.aging_records import AgingRow, CustomerSummary
from models.vocabulary.customer_records import Customer


@dataclass(frozen=True)
class PendingSummary:
    """A customer whose balance is still being read: listed and searchable at once
    (the names come back in a fraction of the time the balances take)."""

    customer: Customer
    aging: AgingRow | None = None
    next_promise: None = None
    last_payment_on: None = None
    broken_promises_90d: int = 0
    over_limit: bool = False


Row = CustomerSummary | PendingSummary


@dataclass(frozen=True)
class CustomerFilter:
    query: str = ""  # as typed; normalised on use
    route_id: int | None = None
    rep_id: int | None = None
    overdue_only: bool = False
    over_limit: bool = False
    broken_promises: bool = False

    @property
    def normalised_query(self) -> str:
        return normalise_query(self.query)

    def narrows(self, other: CustomerFilter) -> bool:
        """True when every row this filter accepts is also accepted by `other`
        (typing one more letter): then only `other`'s rows need testing."""
        return (
            self.normalised_query.find(other.normalised_query) != -1
            and (other.route_id is None or self.route_id == other.route_id)
            and (other.rep_id is None or self.rep_id == other.rep_id)
            and (self.overdue_only or not other.overdue_only)
            and (self.over_limit or not other.over_limit)
            and (self.broken_promises or not other.broken_promises)
        )

    def accepts(self, s: Row, query: str | None = None) -> bool:
        """`query` is the normalised query, passed in so it is computed once per pass."""
        q = self.normalised_query if query is None else query
        if self.route_id is not None and s.customer.route_id != self.route_id:
            return False
        if self.rep_id is not None and s.customer.rep_id != self.rep_id:
            return False
        if s.aging is None and (self.overdue_only or self.over_limit or self.broken_promises):
            return False  # not known yet: shown once the balances are read
        if self.overdue_only and s.aging is not None and s.aging.overdue <= 0:
            return False
        if self.over_limit and not s.over_limit:
            return False
        if self.broken_promises and s.broken_promises_90d == 0:
            return False
        return matches(s.customer.search_key, q)
