"""How long customers take to pay, from their history: each settled debit's days to pay
(the day of the payment or tail cut that settled it, FIFO as the aging reckons, less the
debit's day), weighted by the amount settled.

A customer's *usual* days to pay is the amount-weighted median of their history. For a
debt still open at age A the expected day is the median over the history's debts that
were still unpaid at that age (took longer than A days): a debt 40 days old from a
customer who usually pays in 20 is not expected today, but as late as the customer's
late debts came in. When the history holds no debt that took longer, nothing says it
will come (`None`: doubtful). Customers with fewer than `MIN_DEBTS` settled debts in
the history have none of their own and take the office's (every customer's history
pooled): its median for a fresh debt.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from models.ledger.settlement import Settlement
from models.vocabulary.entry_records import EntryKind

HISTORY_DAYS = 365  # the history: debts settled in the year up to the as-of date
MIN_DEBTS = 3
PAYING_KINDS = (EntryKind.PAYMENT, EntryKind.DISCOUNT)


@dataclass(frozen=True)
class Habit:
    """Days to pay of settled debts, sorted, with the amounts settled after that many
    days summed (`cumulative[i]`: the amount settled in `days[i]` days or fewer)."""

    days: tuple[int, ...]
    cumulative: tuple[int, ...]
    debts: int  # how many debts the history settled

    @classmethod
    def of(cls, pairs: list[tuple[int, int]], debts: int) -> Habit:
        """From (days, amount) pairs."""
        merged: dict[int, int] = {}
        for days, amount in pairs:
            merged[days] = merged.get(days, 0) + amount
        days = tuple(sorted(merged))
        running, cumulative = 0, []
        for d in days:
            running += merged[d]
            cumulative.append(running)
        return cls(days, tuple(cumulative), debts)

    def expected_days(self, age: int) -> int | None:
        """The amount-weighted median days to pay of the debts that took longer than
        `age` days (None when none did)."""
        start = bisect_right(self.days, age)
        if start == len(self.days):
            return None
        before = self.cumulative[start - 1] if start else 0
        half = before + (self.cumulative[-1] - before + 1) // 2  # at least half the rest
        return self.days[bisect_left(self.cumulative, half, lo=start)]

    @property
    def usual(self) -> int | None:
        """The median days to pay over the whole history."""
        return self.expected_days(-1)


@dataclass(frozen=True)
class Habits:
    """Each customer's habit (only those with `MIN_DEBTS` or more) and the office's."""

    customers: dict[int, Habit]
    office: Habit

    def of(self, customer_id: int) -> Habit:
        return self.customers.get(customer_id, self.office)


def history_start(as_of: dt.date) -> dt.date:
    """The first day of the history the habits as of `as_of` are read from."""
    return as_of - dt.timedelta(days=HISTORY_DAYS - 1)


def paying_habits(settlement: Settlement, as_of: dt.date) -> Habits:
    """The habits shown by the debts paid in the `HISTORY_DAYS` up to `as_of` (from a
    settlement made through `as_of`: nothing later is known)."""
    since = history_start(as_of)
    pairs: dict[int, list[tuple[int, int]]] = {}
    debts: dict[int, set[int]] = {}
    for part in settlement.parts:
        if part.debit_id is None or part.credit_kind not in PAYING_KINDS:
            continue
        if not since <= part.credit_on <= as_of:
            continue
        pairs.setdefault(part.customer_id, []).append((part.age, part.amount))
        debts.setdefault(part.customer_id, set()).add(part.debit_id)
    pooled = [pair for found in pairs.values() for pair in found]
    office = Habit.of(pooled, sum(len(d) for d in debts.values()))
    own = {
        cid: Habit.of(found, len(debts[cid]))
        for cid, found in pairs.items()
        if len(debts[cid]) >= MIN_DEBTS
    }
    return Habits(own, office)
