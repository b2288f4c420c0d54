"""The cash forecast: the money expected in each of the next 13 weeks, in whole fen.

Made at the end of the as-of day A, from what the ledger knew then (entries dated up to
A, promises made by A): week 1 is A+1..A+7, week 2 A+8..A+14, and so on.

Every fen a customer owes at the end of A is forecast exactly once, in a week, later
(after the 13th week) or as doubtful:

- **Promises.** A live promise (made by A, due on A or later, not cancelled, not yet
  covered by the payments and tail cuts counted toward it, as `models.ledger.promises`
  counts them) is expected on its date (a promise due on A itself: on A+1). What is
  still promised, capped at what the customer owes, is weighted by the keep rate: the
  customer's promises kept of those judged in the past year (`promise_states`), each
  customer's record joined by `PRIOR` promises kept at the rate of the customer's rep,
  whose own record is joined by `PRIOR` at the office's rate (so a customer without
  history takes the rep's rate, a rep without history the office's, and an office with
  none 100 %). The expected part is rounded half up to the fen.
- **Open items.** The rest of the balance: the promised money expected settles the
  oldest open debits first (FIFO); what is left of each debit is expected when the
  customer's habit says (`paying_habits`: the median days to pay of the customer's
  debts that were still unpaid at this one's age; the office's habit for customers
  with little history). The part of a promise not expected (1 − keep rate) is
  therefore forecast by the customer's habit, never twice.
- **Doubtful.** An open debit older than anything the customer (or the office, for
  customers without history) ever paid.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from models.ledger.promises import PAID_SQL
from models.ledger.settlement import OpenDebit, settle
from models.review.paying_habits import Habits, history_start, paying_habits
from models.review.promise_keeping import promise_states
from models.review.raw_rows import as_date
from models.storage.db import placeholders, read_snapshot
from models.storage.tables import CustomerRow, RepRow, database
from models.vocabulary import clock
from models.vocabulary.money import Fen, fen_share

WEEKS = 13
KEEP_HISTORY_DAYS = 365
PRIOR = 2  # promises' worth of the wider rate each record is joined by


@dataclass(frozen=True)
class ForecastLine:
    """Money expected from one customer on one day, from a promise or an open debit.
    `expected_on` is None for doubtful money."""

    customer_id: int
    code: str
    name: str
    rep_name: str
    from_promise: bool
    expected_on: dt.date | None
    amount: Fen


@dataclass(frozen=True)
class ForecastWeek:
    start: dt.date
    end: dt.date
    promised: Fen  # from promises, weighted
    usual: Fen  # from open items, by the customers' habits

    @property
    def total(self) -> Fen:
        return self.promised + self.usual


@dataclass(frozen=True)
class Forecast:
    as_of: dt.date
    weeks: tuple[ForecastWeek, ...]
    later: Fen  # expected after the last week
    doubtful: Fen
    receivable: Fen  # every balance owed at the end of the as-of day
    lines: tuple[ForecastLine, ...]

    @property
    def total(self) -> Fen:
        """What the weeks add up to."""
        return sum(w.total for w in self.weeks)


@dataclass(frozen=True)
class LivePromise:
    customer_id: int
    due_on: dt.date
    outstanding: Fen  # amount less what was paid toward it by the as-of date


# PAID_SQL counts up to a promise's due date; a forecast knows only up to its as-of date.
_PAID_BY_AS_OF = PAID_SQL.replace("e.date <= p.due_on", "e.date <= ?")
if _PAID_BY_AS_OF == PAID_SQL:  # PAID_SQL was reworded: this must follow it
    raise RuntimeError("models.ledger.promises.PAID_SQL no longer bounds payments by due_on")
_LIVE_SQL = (
    f"SELECT p.customer_id, p.due_on, p.amount, {_PAID_BY_AS_OF} FROM promise p "
    "WHERE p.start_on <= ? AND p.due_on >= ? AND (p.cancelled_at IS NULL OR p.cancelled_at >= ?) "
    "ORDER BY p.due_on, p.id"
)


def live_promises(as_of: dt.date) -> list[LivePromise]:
    """Promises live at the end of `as_of`, earliest due first, with what is outstanding."""
    next_day = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time())
    found = database.execute_sql(placeholders(_LIVE_SQL), (as_of, as_of, as_of, next_day))
    result = []
    for cid, due_on, amount, paid in found:
        if int(paid) < int(amount):
            result.append(LivePromise(cid, as_date(due_on), int(amount) - int(paid)))
    return result


def keep_rates(as_of: dt.date, rep_of: dict[int, int | None]) -> dict[int, Fraction]:
    """Each customer's keep rate (see the module's docstring); customers absent from
    the result take `office_rate`, under key -1."""
    states = promise_states(as_of - dt.timedelta(days=KEEP_HISTORY_DAYS - 1), as_of)
    kept: dict[int, list[int]] = {}
    for s in states:
        if s.kept or s.broken:
            counts = kept.setdefault(s.customer_id, [0, 0])
            counts[0] += s.kept
            counts[1] += 1
    total_kept = sum(k for k, _n in kept.values())
    total = sum(n for _k, n in kept.values())
    office = Fraction(total_kept, total) if total else Fraction(1)
    by_rep: dict[int | None, list[int]] = {}
    for cid, (k, n) in kept.items():
        counts = by_rep.setdefault(rep_of.get(cid), [0, 0])
        counts[0] += k
        counts[1] += n
    rep_rate = {
        rep: (k + PRIOR * office) / (n + PRIOR) for rep, (k, n) in by_rep.items() if rep is not None
    }
    rates = {-1: office}
    for cid, rep in rep_of.items():
        wider = rep_rate.get(rep, office) if rep is not None else office
        k, n = kept.get(cid, [0, 0])
        rates[cid] = (k + PRIOR * wider) / (n + PRIOR)
    return rates


def forecast(as_of: dt.date | None = None, weeks: int = WEEKS) -> Forecast:
    """The money expected in each of `weeks` weeks after `as_of` (default today)."""
    as_of = as_of or clock.today()
    with read_snapshot():
        settlement = settle(as_of, parts_from=history_start(as_of))
        promises = live_promises(as_of)
        customers = {
            cid: (code, name, rep_id)
            for cid, code, name, rep_id in CustomerRow.select(
                CustomerRow.id, CustomerRow.code, CustomerRow.name, CustomerRow.rep
            ).tuples()
        }
        reps = dict(RepRow.select(RepRow.id, RepRow.name).tuples())
        rates = keep_rates(as_of, {cid: c[2] for cid, c in customers.items()})
    habits = paying_habits(settlement, as_of)
    open_by: dict[int, list[OpenDebit]] = {}
    for debit in settlement.open:
        open_by.setdefault(debit.customer_id, []).append(debit)
    promised_by: dict[int, list[LivePromise]] = {}
    for p in promises:
        promised_by.setdefault(p.customer_id, []).append(p)
    lines: list[ForecastLine] = []
    for cid, debits in open_by.items():
        code, name, rep_id = customers[cid]
        who = (cid, code, name, reps.get(rep_id, "") if rep_id is not None else "")
        lines += _customer_lines(who, as_of, debits, promised_by.get(cid, []),
                                 rates.get(cid, rates[-1]), habits)  # fmt: skip
    return _in_weeks(as_of, weeks, lines, sum(d.open for d in settlement.open))


def _customer_lines(
    who: tuple[int, str, str, str],
    as_of: dt.date,
    debits: list[OpenDebit],
    promises: list[LivePromise],
    rate: Fraction,
    habits: Habits,
) -> list[ForecastLine]:
    """One customer's expected money: promises weighted, then the rest of each open
    debit (oldest first) by the customer's habit."""
    lines = []
    left = sum(d.open for d in debits)
    expected_total = 0
    for p in promises:
        outstanding = min(p.outstanding, left)
        left -= outstanding
        expected = fen_share(outstanding, rate.numerator, rate.denominator)
        if expected > 0:
            due = max(p.due_on, as_of + dt.timedelta(days=1))
            lines.append(ForecastLine(*who, True, due, expected))
            expected_total += expected
    habit = habits.of(who[0])
    for debit in sorted(debits, key=lambda d: (d.debit_on, d.debit_id)):
        taken = min(debit.open, expected_total)  # what the promises are expected to settle
        expected_total -= taken
        rest = debit.open - taken
        if rest <= 0:
            continue
        days = habit.expected_days((as_of - debit.debit_on).days)
        on = debit.debit_on + dt.timedelta(days=days) if days is not None else None
        lines.append(ForecastLine(*who, False, on, rest))
    return lines


def _in_weeks(as_of: dt.date, weeks: int, lines: list[ForecastLine], receivable: Fen) -> Forecast:
    promised = [0] * weeks
    usual = [0] * weeks
    later = doubtful = 0
    for line in lines:
        if line.expected_on is None:
            doubtful += line.amount
            continue
        week = (line.expected_on - as_of).days - 1
        week //= 7
        if week >= weeks:
            later += line.amount
        elif line.from_promise:
            promised[week] += line.amount
        else:
            usual[week] += line.amount
    first = as_of + dt.timedelta(days=1)
    table = tuple(
        ForecastWeek(
            first + dt.timedelta(days=7 * k),
            first + dt.timedelta(days=7 * k + 6),
            promised[k],
            usual[k],
        )
        for k in range(weeks)
    )
    lines.sort(key=lambda x: (x.expected_on or dt.date.max, x.code))
    return Forecast(as_of, table, later, doubtful, receivable, tuple(lines))
