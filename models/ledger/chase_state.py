"""Where a debt stands on its chasing schedule on a day: date arithmetic (`position`),
and the one query it needs (`promise_spans`).

The rules, exactly:
- The schedule counts from the due date of the customer's oldest open debt (FIFO, as the
  aging has it). Step j falls on due date + its offset. Once that debt is paid, the next
  oldest one's due date is counted from, afresh.
- The *current* step on a day is the last step whose day has come (0 while none has).
  It stays current until the next step's day comes, done or not: a missed step is not
  carried over once the next one is due.
- A promise is *live* from the day it is made through its own date (the customer has
  until its time on that day): while any promise is live, the schedule is paused and no
  step is shown. Promises due before the schedule's first day belong to an older debt
  and are not counted; cancelled ones never count.
- A promise is kept when what was paid toward it covers it (one fen short is broken).
  A kept promise only paused the schedule: from the day after, its steps fall on their
  own days again.
- A broken promise moves the schedule one step further: if step k was current on the
  day it was made, step k + 1 falls on the day after the promise's date, and the steps
  after it keep their spacing. Past the last step, the last step comes again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from models.ledger.promises import PAID_SQL
from models.storage.db import placeholders
from models.storage.tables import database
from models.vocabulary.chase_records import ChasePosition
from models.vocabulary.customer_records import CustomerId

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class PromiseSpan:
    """What the schedule needs of a promise: the day it was made, its date, and whether
    what was paid toward it covered it."""

    made_on: dt.date
    due_on: dt.date
    kept: bool


class _Placement:
    """Step `first` falls on `on`, later steps keep their spacing; steps before `first`
    are behind: `floor` was the last reached, on `floor_day`."""

    def __init__(self, offsets: Sequence[int], due_on: dt.date) -> None:
        self.offsets = offsets
        self.first, self.on = 1, due_on + dt.timedelta(days=offsets[0])
        self.floor: int = 0
        self.floor_day: dt.date | None = None

    def day_of(self, step: int) -> dt.date:
        gap = self.offsets[step - 1] - self.offsets[self.first - 1]
        return self.on + dt.timedelta(days=gap)

    def current(self, day: dt.date) -> tuple[int, dt.date | None]:
        found = (self.floor, self.floor_day)
        for step in range(self.first, len(self.offsets) + 1):
            if self.day_of(step) > day:
                break
            found = (step, self.day_of(step))
        return found

    def one_further(self, made_on: dt.date, resume_on: dt.date) -> None:
        reached, reached_on = self.current(made_on)
        self.floor, self.floor_day = reached, reached_on
        self.first = min(reached + 1, len(self.offsets))
        self.on = resume_on


def start_day(offsets: Sequence[int], due_on: dt.date) -> dt.date:
    """The day a schedule's first step falls on."""
    return due_on + dt.timedelta(days=offsets[0])


def position(
    offsets: Sequence[int], due_on: dt.date, promises: Iterable[PromiseSpan], day: dt.date
) -> ChasePosition:
    """Where the schedule with these step `offsets` (days from the due date, increasing)
    stands on `day` for a debt due on `due_on`, given the customer's promises."""
    if not offsets:
        return ChasePosition(0, None)
    placement = _Placement(offsets, due_on)
    first_day = start_day(offsets, due_on)
    counted = sorted(
        (p for p in promises if p.due_on >= first_day and p.made_on <= day),
        key=lambda p: (p.due_on, p.made_on),
    )
    live = [p for p in counted if p.due_on >= day]
    for p in counted:
        if p.due_on < day and not p.kept:
            placement.one_further(p.made_on, p.due_on + ONE_DAY)
    if live:
        # What was reached before the pause began (the steps of the pause are not shown).
        reached, reached_on = placement.current(min(p.made_on for p in live))
        return ChasePosition(reached, reached_on, max(p.due_on for p in live))
    reached, reached_on = placement.current(day)
    return ChasePosition(reached, reached_on)


_PROMISES_SQL = f"""
SELECT p.customer_id, p.start_on, p.due_on, p.amount, {PAID_SQL} FROM promise p
WHERE p.cancelled_at IS NULL AND p.start_on <= ? AND p.due_on >= ? {{customer}}
"""


def _date(value: object) -> dt.date:  # SQLite gives text, PostgreSQL dates
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def promise_spans(
    day: dt.date, customer_id: CustomerId | None = None, since: dt.date = dt.date.min
) -> dict[CustomerId, list[PromiseSpan]]:
    """Each customer's promises made by `day` and due `since` or later (not cancelled),
    as the schedule needs them (one due before a schedule's first day never counts)."""
    sql = _PROMISES_SQL.format(customer="AND p.customer_id = ?" if customer_id else "")
    params: list[object] = [day, since] + ([customer_id] if customer_id else [])
    found: dict[CustomerId, list[PromiseSpan]] = {}
    for cid, made, due, amount, paid in database.execute_sql(placeholders(sql), params):
        span = PromiseSpan(_date(made), _date(due), int(paid) >= int(amount))
        found.setdefault(cid, []).append(span)
    return found
