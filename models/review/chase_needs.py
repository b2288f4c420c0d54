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


# Standing entries (not voided, not reversals) up to the period's end.
_STANDING = """
SELECT e.id, e.customer_id, e.date, e.delta, e.kind FROM entry e
WHERE e.date <= ? AND e.reverses_id IS NULL
  AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses_id = e.id)
"""
# Debits still open on the eve of the period (or dated in it), with what all the
# customer's debits up to each one add to: FIFO needs no older history than that.
_DEBITS_SQL = f"""
WITH standing AS ({_STANDING}),
debits AS (
  SELECT id, customer_id, date, delta, kind,
    SUM(delta) OVER (PARTITION BY customer_id ORDER BY date, id) AS through
  FROM standing WHERE delta > 0
),
paid AS (
  SELECT customer_id, -SUM(delta) AS before FROM standing
  WHERE delta < 0 AND date < ? GROUP BY customer_id
)
SELECT d.customer_id, d.date, d.delta, d.kind, d.through, COALESCE(p.before, 0)
FROM debits d LEFT JOIN paid p ON p.customer_id = d.customer_id
WHERE d.through > COALESCE(p.before, 0) OR d.date >= ?
ORDER BY d.customer_id, d.date, d.id
"""
# Credits (payments, returns, discounts, write-offs) from the period's start, by day.
_CREDITS_SQL = f"""
WITH standing AS ({_STANDING})
SELECT customer_id, date, -SUM(delta) FROM standing WHERE delta < 0 AND date >= ?
GROUP BY customer_id, date ORDER BY customer_id, date
"""
_CUSTOMERS_SQL = "SELECT id, code, name, terms_kind, terms_days FROM customer"


@dataclass
class _History:
    """One customer's debits from the oldest open at the period's start (date, amount,
    kind), credits by day from the start, and the running totals before them."""

    debits: list[tuple[dt.date, int, EntryKind]]
    owed_before: int  # all the customer's debits before the first in `debits`
    credited_before: int  # all credits dated before the period


def settled_debts(
    history: _History, credit_days: list[tuple[dt.date, int]]
) -> Iterator[tuple[dt.date, dt.date, EntryKind, dt.date | None]]:
    """(date, settling day, kind, next debit's date) of each debit of one customer that
    was the oldest open on the day it was settled, FIFO: the debit is settled on the
    first day by which the credits cover it and every older debit."""
    debits = history.debits
    owed, credited, c = history.owed_before, history.credited_before, 0
    last_day: dt.date | None = None
    previous: dt.date | None = None
    for i, (on, delta, kind) in enumerate(debits):
        owed += delta
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


def _histories(
    start: dt.date, end: dt.date
) -> tuple[dict[int, _History], dict[int, list[tuple[dt.date, int]]]]:
    histories: dict[int, _History] = {}
    for cid, on, delta, kind, through, before in database.execute_sql(
        placeholders(_DEBITS_SQL), (end, start, start)
    ):
        delta = int(delta)
        found = histories.get(cid)
        if found is None:
            found = histories[cid] = _History([], int(through) - delta, int(before))
        found.debits.append((as_date(on), delta, KINDS[kind]))
    credits: dict[int, list[tuple[dt.date, int]]] = {}
    for cid, on, amount in database.execute_sql(placeholders(_CREDITS_SQL), (end, start)):
        credits.setdefault(cid, []).append((as_date(on), int(amount)))
    return histories, credits


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
    histories, credits = _histories(start, end)
    spans = promise_spans(end)
    longest = max(len(s) for s in schedules.values())
    office = [0] * (longest + 1)
    found = []
    for cid, history in histories.items():
        code, name, terms = customers[cid]
        offsets = [s.offset for s in schedule_for(schedules, terms.kind.value)]
        counts = [0] * (longest + 1)
        mine: list[PromiseSpan] = spans.get(cid, [])
        for on, settled, kind, following in settled_debts(history, credits.get(cid, [])):
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
