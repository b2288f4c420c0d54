"""How many chasing steps each customer needed before paying: for every debt paid in a
period, the step its schedule had reached when the money came (models/ledger/chase_state.py).

A debt is paid on the day FIFO settles it: when what the customer paid and was credited
covers it and everything older. Only the oldest debt settled on a day counts (it was the
one being chased; newer ones paid with it were never at the front). The steps needed
are those the schedule had reached by the day before the money came, less the steps
that fell before the debt was delivered (cash on delivery: no note three days before).
With the guide's schedule (note −3, call 0, visit +7): paid on the note's day or before,
none; on the due day, 1 (the note); the day after, 2; on the eighth day late, 3. While
a promise was live, what counts is the step reached when it was made (the steps of a
pause are never shown).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from models.ledger.aging import due_date
from models.ledger.chase_schedule import get_schedules, schedule_for
from models.ledger.chase_state import PromiseSpan, position, promise_spans
from models.review.raw_rows import KINDS, as_date
from models.storage.db import placeholders
from models.storage.tables import database
from models.vocabulary.customer_records import CustomerId, stored_terms
from models.vocabulary.entry_records import EntryKind


@dataclass(frozen=True)
class CustomerNeeds:
    """One customer's debts paid in the period, counted by the steps they needed
    (`counts[k]`: paid after k steps)."""

    customer_id: CustomerId
    code: str
    name: str
    counts: tuple[int, ...]

    @property
    def paid(self) -> int:
        return sum(self.counts)

    @property
    def most(self) -> int:
        return max((k for k, n in enumerate(self.counts) if n), default=0)

    @property
    def average(self) -> Decimal:
        """Steps per debt paid, to one decimal (HALF_UP)."""
        total = sum(k * n for k, n in enumerate(self.counts))
        return (Decimal(total) / Decimal(self.paid or 1)).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class ChaseNeeds:
    """Debts paid from `start` to `end`, by steps needed: per customer and office-wide
    (`office[k]`: debts paid after k steps)."""

    start: dt.date
    end: dt.date
    customers: tuple[CustomerNeeds, ...]  # most steps first, then by code
    office: tuple[int, ...]


_ENTRIES_SQL = """
SELECT e.customer_id, e.date, e.delta, e.kind FROM entry e
WHERE e.date <= ? AND e.reverses_id IS NULL
  AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses_id = e.id)
ORDER BY e.customer_id, e.date, e.id
"""
_CUSTOMERS_SQL = "SELECT id, code, name, terms_kind, terms_days FROM customer"


def settled_debts(
    entries: list[tuple[dt.date, int, EntryKind]],
) -> Iterator[tuple[dt.date, dt.date, EntryKind, dt.date | None]]:
    """(date, settling day, kind, next debit's date) of each debit of one customer that
    was the oldest open on the day it was settled, FIFO, from their standing entries in
    date order."""
    debits = [(on, delta, kind) for on, delta, kind in entries if delta > 0]
    days: dict[dt.date, int] = {}
    for on, delta, _kind in entries:
        if delta < 0:
            days[on] = days.get(on, 0) - delta
    credit_days = sorted(days.items())
    owed, credited, c = 0, 0, 0
    last_day: dt.date | None = None
    previous: dt.date | None = None
    for i, (on, delta, kind) in enumerate(debits):
        owed += delta
        # The first day by which the credits cover this debit and all older ones.
        while credited < owed and c < len(credit_days):
            credited += credit_days[c][1]
            last_day = credit_days[c][0]
            c += 1
        if credited < owed:
            return
        settled = max(on, last_day) if last_day is not None else on
        following = debits[i + 1][0] if i + 1 < len(debits) else None
        if settled != previous:
            yield on, settled, kind, following
        previous = settled


def _needed(
    offsets: list[int], on: dt.date, due: dt.date, spans: list[PromiseSpan], settled: dt.date
) -> int:
    """Steps reached by the day before `settled`, less those before the debt's date `on`."""
    eve = settled - dt.timedelta(days=1)
    reached = position(offsets, due, spans, eve).index
    before = sum(1 for o in offsets if due + dt.timedelta(days=o) < on)
    return max(reached - before, 0)


def chase_needs(start: dt.date, end: dt.date) -> ChaseNeeds:
    """Steps needed for every debt paid from `start` to `end` (see the module's rule)."""
    schedules = get_schedules()
    customers = {
        cid: (code, name, stored_terms(kind, days))
        for cid, code, name, kind, days in database.execute_sql(_CUSTOMERS_SQL)
    }
    by_customer: dict[int, list[tuple[dt.date, int, EntryKind]]] = {}
    for cid, on, delta, kind in database.execute_sql(placeholders(_ENTRIES_SQL), (end,)):
        by_customer.setdefault(cid, []).append((as_date(on), int(delta), KINDS[kind]))
    spans = promise_spans(end)
    longest = max(len(s) for s in schedules.values())
    office = [0] * (longest + 1)
    found = []
    for cid, entries in by_customer.items():
        code, name, terms = customers[cid]
        offsets = [s.offset for s in schedule_for(schedules, terms.kind.value)]
        counts = [0] * (longest + 1)
        mine: list[PromiseSpan] = spans.get(cid, [])
        for on, settled, kind, following in settled_debts(entries):
            due = due_date(on, kind, terms, following)
            if due is None or not start <= settled <= end:
                continue
            needed = _needed(offsets, on, due, mine, settled)
            counts[needed] += 1
            office[needed] += 1
        if any(counts):
            found.append(CustomerNeeds(cid, code, name, tuple(counts)))
    found.sort(key=lambda n: (-n.most, -n.paid, n.code))
    return ChaseNeeds(start, end, tuple(found), tuple(office))
