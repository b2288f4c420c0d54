"""The review per rep and per route: each customer's month (money in by kind, promises,
visits: `Activity`) and a rep's or route's customers summed (`GroupReview`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from models.review.measures import percent
from models.review.promise_keeping import PromiseState
from models.review.raw_rows import KINDS
from models.storage.db import placeholders
from models.storage.tables import database
from models.vocabulary.aging_records import AgingReport, AgingRow
from models.vocabulary.entry_records import EntryKind
from models.vocabulary.money import Fen


@dataclass(frozen=True)
class Activity:
    """One customer's month: money in by kind (positive fen), promises, visits."""

    collected: Fen = 0
    discounts: Fen = 0  # discounts and tail cuts (抹零) given
    returns: Fen = 0
    writeoffs: Fen = 0
    promises_made: int = 0  # made in the month (not cancelled), whenever they fall due
    promises_kept: int = 0  # due in the month and paid by then
    promises_broken: int = 0  # due in the month and not paid by their time
    visits: int = 0


@dataclass(frozen=True)
class GroupReview:
    """A rep's (or route's) customers summed: aging as of A and the month's activity.
    `key` is the rep or route id; None for customers without one (`name` is "")."""

    key: int | None
    name: str
    customer_ids: tuple[int, ...]
    balance: Fen
    overdue: Fen
    buckets: tuple[Fen, ...]
    over_60: Fen  # open amounts older than 60 days
    activity: Activity

    @property
    def customers(self) -> int:
        return len(self.customer_ids)

    @property
    def share_over_60(self) -> Decimal | None:
        """What is open for more than 60 days, in percent of what is open."""
        return percent(self.over_60, sum(self.buckets))

    @property
    def keep_rate(self) -> Decimal | None:
        """Promises kept, in percent of those kept or broken (open ones wait)."""
        a = self.activity
        return percent(a.promises_kept, a.promises_kept + a.promises_broken)


def sums_by_customer(start: dt.date, end: dt.date) -> dict[int, dict[EntryKind, Fen]]:
    """Each customer's entries dated `start`..`end` summed by kind (deltas)."""
    sql = (
        "SELECT customer_id, kind, SUM(delta) FROM entry WHERE date >= ? AND date <= ? "
        "GROUP BY customer_id, kind"
    )
    result: dict[int, dict[EntryKind, Fen]] = {}
    for cid, kind, total in database.execute_sql(placeholders(sql), (start, end)):
        result.setdefault(cid, {})[KINDS[kind]] = int(total)
    return result


def activity_by_customer(
    sums: Mapping[int, Mapping[EntryKind, Fen]],
    promises: list[PromiseState],
    made: Mapping[int, int],
    visited: Mapping[int, int],
    month_start: dt.date,
) -> dict[int, Activity]:
    """Each customer's `Activity` in the month starting `month_start`, from their entries
    summed by kind, the promises' states, promises made and visits."""
    due: dict[int, list[int]] = {}
    for p in promises:
        if p.due_on >= month_start:
            counts = due.setdefault(p.customer_id, [0, 0])
            counts[0] += p.kept
            counts[1] += p.broken
    result = {}
    for cid in set(sums) | set(due) | set(made) | set(visited):
        kinds = sums.get(cid, {})
        m = due.get(cid, [0, 0])
        result[cid] = Activity(
            collected=-kinds.get(EntryKind.PAYMENT, 0),
            discounts=-kinds.get(EntryKind.DISCOUNT, 0),
            returns=-kinds.get(EntryKind.RETURN, 0),
            writeoffs=-kinds.get(EntryKind.WRITEOFF, 0),
            promises_made=made.get(cid, 0),
            promises_kept=m[0],
            promises_broken=m[1],
            visits=visited.get(cid, 0),
        )
    return result


_ACTIVITY_FIELDS = tuple(Activity.__dataclass_fields__)


def _sum_activity(items: Iterable[Activity]) -> Activity:
    totals = [0] * len(_ACTIVITY_FIELDS)
    for a in items:
        # A dataclass's __dict__ holds its fields in declaration order.
        for i, value in enumerate(a.__dict__.values()):
            totals[i] += value
    return Activity(*totals)


def group_reviews(
    aging: AgingReport,
    over_60: Mapping[int, Fen],
    activity: Mapping[int, Activity],
    key_of: Callable[[AgingRow], tuple[int | None, str]],
) -> tuple[GroupReview, ...]:
    """The customers of `aging` grouped by `key_of` (a rep or a route: id and name) and
    summed."""
    members: dict[int | None, list[AgingRow]] = {}
    names: dict[int | None, str] = {}
    for r in aging.rows:
        key, name = key_of(r)
        members.setdefault(key, []).append(r)
        names[key] = name if key is not None else ""
    n = len(aging.edges) + 1
    groups = []
    for key, rows in members.items():
        total = _sum_activity(activity[r.customer_id] for r in rows if r.customer_id in activity)
        groups.append(
            GroupReview(
                key=key,
                name=names[key],
                customer_ids=tuple(r.customer_id for r in rows),
                balance=sum(r.balance for r in rows),
                overdue=sum(r.overdue for r in rows),
                buckets=tuple(sum(r.buckets[i] for r in rows) for i in range(n)),
                over_60=sum(over_60.get(r.customer_id, 0) for r in rows),
                activity=total,
            )
        )
    # Largest balance first; customers without a rep (route) last.
    groups.sort(key=lambda g: (g.key is None, -g.balance, g.name))
    return tuple(groups)
