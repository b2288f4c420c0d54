"""The state machine's (tests/models/ledger/test_stateful.py) inputs and shadow: the
terms, amounts and days Hypothesis draws; what the office did, kept without any help
from models/; and the aging it implies, recomputed in plain Python."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from hypothesis import strategies as st

from models.vocabulary.customer_records import Terms, TermsKind
from models.vocabulary.entry_records import ChequeStatus, EntryKind

CREDITS = {EntryKind.PAYMENT, EntryKind.RETURN, EntryKind.DISCOUNT, EntryKind.WRITEOFF}
FAR_FUTURE = dt.date(2100, 1, 1)


terms_strategy = st.one_of(
    st.just(Terms(TermsKind.CASH)),
    st.just(Terms(TermsKind.NEXT)),
    st.just(Terms(TermsKind.MONTHLY)),
    st.integers(1, 90).map(lambda n: Terms(TermsKind.DAYS, n)),
)
amounts = st.integers(1, 5_000_00)
# Entry dates relative to today: today itself (what counts toward a fresh promise), the
# days either side of the aging edges, anything in the last months, or just ahead.
day_offsets = st.one_of(
    st.just(0),
    st.sampled_from([-7, -8, -15, -16, -30, -31, -45, -46, -60, -61, -90, -91, -180, -181]),
    st.integers(-200, 3),
)


@dataclass
class ShadowEntry:
    id: int
    customer_id: int
    date: dt.date
    kind: EntryKind
    amount: int  # as posted: positive, except an opening balance in the customer's favour
    delta: int  # effect on what the customer owes
    reverses_id: int | None = None
    voided_by: int | None = None

    @property
    def standing(self) -> bool:
        return self.reverses_id is None and self.voided_by is None


@dataclass
class ShadowPromise:
    id: int
    customer_id: int
    amount: int
    created: dt.datetime
    due_at: dt.datetime
    cancelled: bool = False
    replaces: int | None = None
    replaced_by: int | None = None
    after_entry: int = 0  # entries up to this id were posted before the promise


@dataclass
class Shadow:
    terms: dict[int, Terms] = field(default_factory=dict)
    entries: dict[int, ShadowEntry] = field(default_factory=dict)
    cheque_status: dict[int, ChequeStatus] = field(default_factory=dict)
    promises: dict[int, ShadowPromise] = field(default_factory=dict)


def end_of_next_month(on: dt.date) -> dt.date:
    year, month = (on.year + 1, 1) if on.month == 12 else (on.year, on.month + 1)
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def expected_aging(
    standing: list[ShadowEntry], terms: Terms, as_of: dt.date, edges: tuple[int, ...]
) -> tuple[int, list[int], int, int | None]:
    """(balance, buckets, overdue, oldest open age) by FIFO, written independently.

    Every credit goes into one pot that pays off debits oldest first; whatever is left
    of each debit is open, aged by days since its date and overdue once past its due
    date under the customer's terms.
    """
    dated = [e for e in standing if e.date <= as_of]
    balance = sum(e.delta for e in dated)
    debits = sorted((e for e in dated if e.delta > 0), key=lambda e: (e.date, e.id))
    pot = -sum(e.delta for e in dated if e.delta < 0)
    buckets = [0] * (len(edges) + 1)
    overdue, oldest = 0, None
    if balance <= 0:
        return balance, buckets, 0, None
    for i, d in enumerate(debits):
        settled = min(pot, d.delta)
        pot -= settled
        left = d.delta - settled
        if not left:
            continue
        age = (as_of - d.date).days
        buckets[sum(1 for edge in edges if age > edge)] += left
        if d.kind is EntryKind.OPENING or terms.kind is TermsKind.CASH:
            due: dt.date | None = d.date
        elif terms.kind is TermsKind.DAYS:
            due = d.date + dt.timedelta(days=terms.days)
        elif terms.kind is TermsKind.MONTHLY:
            due = end_of_next_month(d.date)
        else:  # pay the previous batch when the next one is delivered
            due = debits[i + 1].date if i + 1 < len(debits) else None
        if due is not None and due < as_of:
            overdue += left
        oldest = age if oldest is None else max(oldest, age)
    return balance, buckets, overdue, oldest
