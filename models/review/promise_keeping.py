"""How customers keep their promises and what they say on visits, as the review counts
them: each promise's state (kept, broken), promises made, visits per customer, the
reasons given for not paying (`ReasonCount`) and the customers who broke the most
promises (`BrokenRecord`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from models.ledger.promises import PAID_SQL
from models.review.raw_rows import as_date
from models.storage.db import placeholders
from models.storage.tables import database
from models.vocabulary import clock
from models.vocabulary.aging_records import AgingRow
from models.vocabulary.collecting_records import LateReason


@dataclass(frozen=True)
class BrokenRecord:
    """A customer who broke promises in the window."""

    row: AgingRow
    broken: int
    made: int  # promises due in the window (not cancelled)


@dataclass(frozen=True)
class ReasonCount:
    """How often a reason for not paying was given on visits in the window."""

    reason: LateReason
    visits: int
    customer_ids: tuple[int, ...]


@dataclass(frozen=True)
class PromiseState:
    """A promise due in the period: whose, when, and whether it was kept or broken."""

    customer_id: int
    due_on: dt.date
    kept: bool
    broken: bool


def promise_states(start: dt.date, as_of: dt.date) -> list[PromiseState]:
    """Promises made by `as_of`, due `start`..`as_of`, not cancelled, with their state
    at the end of `as_of` (or now, when that is earlier: a promise due this afternoon
    is not broken this morning)."""
    cutoff = min(clock.now(), dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time()))
    # Raw rows: peewee's per-value conversion of 15,000 promises was most of the time.
    sql = (
        f"SELECT p.id, p.customer_id, p.amount, p.due_at, p.due_on, {PAID_SQL} FROM promise p "
        "WHERE p.due_on >= ? AND p.due_on <= ? AND p.start_on <= ? AND p.cancelled_at IS NULL"
    )
    states = []
    for _pid, cid, amount, due_at, due_on, paid in database.execute_sql(
        placeholders(sql), (start, as_of, as_of)
    ):
        if isinstance(due_at, str):
            due_at = dt.datetime.fromisoformat(due_at)
        kept = paid >= amount
        states.append(PromiseState(cid, as_date(due_on), kept, not kept and due_at < cutoff))
    return states


def promises_made(start: dt.date, end: dt.date) -> dict[int, int]:
    """How many promises each customer made from `start` to `end` (by the day they were
    made, whenever they fall due), not cancelled: an open promise given a new date is
    cancelled and replaced, and counts once, as its replacement."""
    sql = (
        "SELECT customer_id, COUNT(*) FROM promise WHERE start_on >= ? AND start_on <= ? "
        "AND cancelled_at IS NULL GROUP BY customer_id"
    )
    return dict(database.execute_sql(placeholders(sql), (start, end)))


def _day_bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """From the start of `start` to the end of `end`, for timestamps."""
    return dt.datetime.combine(start, dt.time()), dt.datetime.combine(
        end + dt.timedelta(days=1), dt.time()
    )


def visits_per_customer(start: dt.date, end: dt.date) -> dict[int, int]:
    """How many visits were logged on each customer from `start` to `end`."""
    sql = "SELECT customer_id, COUNT(*) FROM visit WHERE at >= ? AND at < ? GROUP BY customer_id"
    return dict(database.execute_sql(placeholders(sql), _day_bounds(start, end)))


def reasons_given(start: dt.date, end: dt.date) -> tuple[ReasonCount, ...]:
    """The reasons given on visits from `start` to `end`, most often given first."""
    sql = (
        "SELECT reason, customer_id, COUNT(*) FROM visit WHERE at >= ? AND at < ? "
        "AND reason IS NOT NULL GROUP BY reason, customer_id"
    )
    given: dict[str, tuple[int, list[int]]] = {}
    for reason, cid, n in database.execute_sql(placeholders(sql), _day_bounds(start, end)):
        count, ids = given.get(reason, (0, []))
        ids.append(cid)
        given[reason] = (count + n, ids)
    counts = [
        ReasonCount(LateReason(reason), count, tuple(sorted(ids)))
        for reason, (count, ids) in given.items()
    ]
    order = list(LateReason)
    return tuple(sorted(counts, key=lambda c: (-c.visits, order.index(c.reason))))


def broken_records(
    promises: list[PromiseState], rows: Mapping[int, AgingRow], window_start: dt.date
) -> tuple[BrokenRecord, ...]:
    """The customers who broke promises due from `window_start` on, those who broke the
    most first (then the largest balance)."""
    counts: dict[int, list[int]] = {}
    for p in promises:
        if p.due_on >= window_start:
            c = counts.setdefault(p.customer_id, [0, 0])
            c[0] += p.broken
            c[1] += 1
    found = [
        BrokenRecord(rows[cid], broken, made)
        for cid, (broken, made) in counts.items()
        if broken and cid in rows
    ]
    found.sort(key=lambda b: (-b.broken, -b.row.balance, b.row.code))
    return tuple(found)
