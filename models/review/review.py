"""The boss's review (the dashboard, the weekly review PDF, the per-rep and per-route
exports): every figure computed here, as of any date.

Periods, all ending with the as-of date A:
- *the month*: from the first of A's month to A. Collections, discounts and tail cuts,
  returns, write-offs, visits and promises per rep and route: promises *made* are
  counted by the day they were made, *kept* and *broken* by the day they fell due.
- *the window*: the 90 days up to A. DSO's countback, the reasons customers gave and
  the customers with the most broken promises.
- *13 months*: A's month and the twelve before it, for the trend of collections
  against deliveries; this month, last month and the same month last year are compared
  over the same days of the month (1 to A's day), so a half month is not set against a
  whole one.

Everything is grouped by the customer's rep and route *now* (entries carry no rep), so
the per-rep rows always add up to the ledger's totals. Archived customers are included
while they have a balance or activity in the month: what they owe is still owed. Amounts are fen; voided entries cancel against their
reversals (same date, same kind, opposite delta), so sums need no special case.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from models.ledger.aging import age_all, voided_ids
from models.ledger.promises import PAID_SQL
from models.ledger.settings import get_company
from models.review.measures import (
    average_days_delinquent,
    collection_effectiveness,
    countback_days,
    percent,
)
from models.storage.db import placeholders, read_snapshot
from models.storage.tables import CustomerRow, database
from models.vocabulary import clock
from models.vocabulary.aging_records import AgingReport, AgingRow
from models.vocabulary.collecting_records import LateReason
from models.vocabulary.entry_records import EntryKind
from models.vocabulary.money import Fen

WINDOW_DAYS = 90
MONTHS = 13
TOP = 10
LATE_AFTER_DAYS = 60  # "share over 60 days" in the per-rep table


@dataclass(frozen=True)
class Flow:
    """Payments collected and goods delivered over the days `start`..`end`."""

    start: dt.date
    end: dt.date
    collected: Fen
    delivered: Fen


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
class Review:
    """Every figure of the boss's review as of `as_of`."""

    as_of: dt.date
    month_start: dt.date
    window_start: dt.date
    aging: AgingReport  # every customer, archived ones too, in the company's edges
    over_60: Mapping[int, Fen]  # customer id → open amount older than 60 days
    activity: Mapping[int, Activity]  # customer id → the month's activity
    dso: Decimal | None
    best_dso: Decimal | None
    add: Decimal | None
    cei: Decimal | None
    months: tuple[Flow, ...]  # oldest first, A's month last (to A)
    this_month: Flow
    last_month: Flow  # to the same day of the month
    last_year: Flow  # the same month a year ago, to the same day
    reps: tuple[GroupReview, ...]
    routes: tuple[GroupReview, ...]
    top_debtors: tuple[AgingRow, ...]
    broken_promises: tuple[BrokenRecord, ...]
    over_limit: tuple[AgingRow, ...]
    reasons: tuple[ReasonCount, ...]
    rows_by_id: Mapping[int, AgingRow] = field(default_factory=dict)

    @property
    def total(self) -> Fen:
        """The ledger's total: every customer's balance, those in credit included."""
        return sum(r.balance for r in self.aging.rows)

    @property
    def overdue(self) -> Fen:
        return sum(r.overdue for r in self.aging.rows)

    @property
    def buckets(self) -> tuple[Fen, ...]:
        return self.aging.total().buckets

    @property
    def edges(self) -> tuple[int, ...]:
        return self.aging.edges

    def rows(self, ids: Iterable[int]) -> list[AgingRow]:
        """The aging rows of customers `ids` (those behind a figure), largest first."""
        found = [self.rows_by_id[i] for i in ids if i in self.rows_by_id]
        return sorted(found, key=lambda r: (-r.balance, r.code))

    def customers_where(self, keep: Callable[[AgingRow], bool]) -> list[AgingRow]:
        return self.rows(r.customer_id for r in self.aging.rows if keep(r))


def first_of_month(day: dt.date, months_back: int = 0) -> dt.date:
    """The first day of `day`'s month, `months_back` months earlier."""
    index = day.year * 12 + day.month - 1 - months_back
    return dt.date(index // 12, index % 12 + 1, 1)


def same_day_in(month_start: dt.date, day: int) -> dt.date:
    """Day `day` of the month starting `month_start`, or its last day when shorter."""
    last = calendar.monthrange(month_start.year, month_start.month)[1]
    return month_start.replace(day=min(day, last))


def review(as_of: dt.date | None = None) -> Review:
    """The review as of `as_of` (default today)."""
    as_of = as_of or clock.today()
    month_start = first_of_month(as_of)
    window_start = as_of - dt.timedelta(days=WINDOW_DAYS - 1)
    with read_snapshot():  # one snapshot: the figures agree while others post
        aging, over_60 = _aging(as_of)
        daily = _daily_flows(first_of_month(as_of, MONTHS - 1), as_of)
        month_sums = _sums_by_customer(month_start, as_of)
        promises = _promise_counts(min(window_start, month_start), as_of)
        made = _promises_made(month_start, as_of)
        visits = _visits_per_customer(month_start, as_of)
        reasons = _reasons(window_start, as_of)
        archived = {
            cid
            for (cid,) in CustomerRow.select(CustomerRow.id)
            .where(CustomerRow.archived == True)  # noqa: E712
            .tuples()
        }
    activity = _activity(month_sums, promises, made, visits, month_start)
    # An archived customer counts while they owe (or are owed) or did something this
    # month; one long settled and archived would only inflate a rep's customer count.
    kept = tuple(
        r
        for r in aging.rows
        if r.customer_id not in archived or r.balance != 0 or r.customer_id in activity
    )
    if len(kept) != len(aging.rows):
        aging = AgingReport(aging.as_of, aging.edges, kept)
    rows_by_id = {r.customer_id: r for r in aging.rows}

    total = sum(r.balance for r in aging.rows)
    overdue = sum(r.overdue for r in aging.rows)
    sales_window = [
        daily.get((as_of - dt.timedelta(days=k), EntryKind.DELIVERY), 0) for k in range(WINDOW_DAYS)
    ]
    dso = countback_days(total, sales_window)
    best = countback_days(total - overdue, sales_window)
    # CEI: what was owed on the 1st is today's total less the month's entries.
    month_net = sum(sum(kinds.values()) for kinds in month_sums.values())
    # Credit sales: deliveries, and opening balances (they add to receivables too).
    month_debits = sum(
        kinds.get(EntryKind.DELIVERY, 0) + max(kinds.get(EntryKind.OPENING, 0), 0)
        for kinds in month_sums.values()
    )
    cei = collection_effectiveness(total - month_net, month_debits, total, total - overdue)

    months = tuple(
        _flow(daily, first_of_month(as_of, k), _month_end(first_of_month(as_of, k), as_of))
        for k in range(MONTHS - 1, -1, -1)
    )
    last_month_start = first_of_month(as_of, 1)
    last_year_start = first_of_month(as_of, 12)
    broken = _broken_records(promises, rows_by_id, window_start)
    return Review(
        as_of=as_of,
        month_start=month_start,
        window_start=window_start,
        aging=aging,
        over_60=over_60,
        activity=activity,
        dso=dso,
        best_dso=best,
        add=average_days_delinquent(dso, best),
        cei=cei,
        months=months,
        this_month=months[-1],
        last_month=_flow(daily, last_month_start, same_day_in(last_month_start, as_of.day)),
        last_year=_flow(daily, last_year_start, same_day_in(last_year_start, as_of.day)),
        reps=_groups(aging, over_60, activity, lambda r: (r.rep_id, r.rep_name)),
        routes=_groups(aging, over_60, activity, lambda r: (r.route_id, r.route_name)),
        top_debtors=tuple(
            sorted((r for r in aging.rows if r.balance > 0), key=lambda r: (-r.balance, r.code))[
                :TOP
            ]
        ),
        broken_promises=broken,
        over_limit=tuple(
            sorted(
                (
                    r
                    for r in aging.rows
                    if r.credit_limit is not None and r.balance > r.credit_limit
                ),
                key=lambda r: (-(r.balance - (r.credit_limit or 0)), r.code),
            )
        ),
        reasons=reasons,
        rows_by_id=rows_by_id,
    )


def _month_end(month_start: dt.date, as_of: dt.date) -> dt.date:
    last = same_day_in(month_start, 31)
    return min(last, as_of)


# --- aging -----------------------------------------------------------------------------


def _aging(as_of: dt.date) -> tuple[AgingReport, dict[int, Fen]]:
    """Every customer's aging in the company's edges, and what is older than 60 days.

    Aged once in the company's edges with 60 added (when it is not one of them), then
    the finer buckets are folded back: one walk over the debits gives both.
    """
    edges = get_company().aging_edges
    fine_edges = tuple(sorted(set(edges) | {LATE_AFTER_DAYS}))
    fine = age_all(as_of, include_archived=True, edges=fine_edges)
    lows = [0, *(e + 1 for e in fine_edges)]  # youngest age in each fine bucket
    target = [sum(1 for e in edges if low > e) for low in lows]  # its company bucket
    late = [low > LATE_AFTER_DAYS for low in lows]
    over_60 = {
        r.customer_id: sum(a for a, is_late in zip(r.buckets, late, strict=True) if is_late)
        for r in fine.rows
    }
    if fine_edges == edges:  # 60 is one of the edges (the default): nothing to fold
        return fine, over_60
    rows = []
    for r in fine.rows:
        buckets = [0] * (len(edges) + 1)
        for i, amount in enumerate(r.buckets):
            buckets[target[i]] += amount
        rows.append(replace(r, buckets=tuple(buckets)))
    return AgingReport(as_of=as_of, edges=edges, rows=tuple(rows)), over_60


# --- entries ---------------------------------------------------------------------------

_KINDS = {k.value: k for k in EntryKind}


def _date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _daily_flows(start: dt.date, end: dt.date) -> dict[tuple[dt.date, EntryKind], Fen]:
    """Payments and deliveries summed per day (voided pairs cancel), from the daily
    totals the entry trigger keeps."""
    sql = (
        "SELECT date, kind, total FROM daily_total WHERE date >= ? AND date <= ? AND kind IN (?, ?)"
    )
    params = (start, end, EntryKind.PAYMENT.value, EntryKind.DELIVERY.value)
    return {
        (_date(on), _KINDS[kind]): int(total)
        for on, kind, total in database.execute_sql(placeholders(sql), params)
    }


def _flow(daily: Mapping[tuple[dt.date, EntryKind], Fen], start: dt.date, end: dt.date) -> Flow:
    collected = delivered = 0
    day = start
    while day <= end:
        collected -= daily.get((day, EntryKind.PAYMENT), 0)
        delivered += daily.get((day, EntryKind.DELIVERY), 0)
        day += dt.timedelta(days=1)
    return Flow(start, end, collected, delivered)


def _sums_by_customer(start: dt.date, end: dt.date) -> dict[int, dict[EntryKind, Fen]]:
    """Each customer's entries dated `start`..`end` summed by kind (deltas)."""
    sql = (
        "SELECT customer_id, kind, SUM(delta) FROM entry WHERE date >= ? AND date <= ? "
        "GROUP BY customer_id, kind"
    )
    result: dict[int, dict[EntryKind, Fen]] = {}
    for cid, kind, total in database.execute_sql(placeholders(sql), (start, end)):
        result.setdefault(cid, {})[_KINDS[kind]] = int(total)
    return result


@dataclass(frozen=True)
class EntryLine:
    """A standing entry behind a figure (a month's payments, a rep's returns …)."""

    entry_id: int
    date: dt.date
    customer_id: int
    code: str
    name: str
    kind: EntryKind
    amount: Fen  # as written on the document
    doc_no: str


def entries_behind(
    kinds: Iterable[EntryKind],
    start: dt.date,
    end: dt.date,
    customer_ids: Iterable[int] | None = None,
) -> list[EntryLine]:
    """The standing entries (neither voided nor reversals) of `kinds` dated
    `start`..`end`, of the given customers (default all), by date: they add up to the
    review's figure for that period."""
    kinds = [k.value for k in kinds]
    sql = (
        "SELECT e.id, e.date, e.customer_id, c.code, c.name, e.kind, e.amount, e.doc_no "
        "FROM entry e JOIN customer c ON c.id = e.customer_id "
        f"WHERE e.date >= ? AND e.date <= ? AND e.kind IN ({', '.join('?' * len(kinds))}) "
        "AND e.reverses_id IS NULL ORDER BY e.date, e.id"
    )
    wanted = set(customer_ids) if customer_ids is not None else None
    voided = voided_ids()
    return [
        EntryLine(eid, _date(on), cid, code, name, _KINDS[kind], int(amount), doc_no)
        for eid, on, cid, code, name, kind, amount, doc_no in database.execute_sql(
            placeholders(sql), (start, end, *kinds)
        )
        if eid not in voided and (wanted is None or cid in wanted)
    ]


# --- promises and visits ---------------------------------------------------------------


@dataclass(frozen=True)
class _PromiseState:
    customer_id: int
    due_on: dt.date
    kept: bool
    broken: bool


def _promise_counts(start: dt.date, as_of: dt.date) -> list[_PromiseState]:
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
        states.append(_PromiseState(cid, _date(due_on), kept, not kept and due_at < cutoff))
    return states


def _promises_made(start: dt.date, end: dt.date) -> dict[int, int]:
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


def _visits_per_customer(start: dt.date, end: dt.date) -> dict[int, int]:
    """How many visits were logged on each customer from `start` to `end`."""
    sql = "SELECT customer_id, COUNT(*) FROM visit WHERE at >= ? AND at < ? GROUP BY customer_id"
    return dict(database.execute_sql(placeholders(sql), _day_bounds(start, end)))


def _reasons(start: dt.date, end: dt.date) -> tuple[ReasonCount, ...]:
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


def _activity(
    sums: Mapping[int, Mapping[EntryKind, Fen]],
    promises: list[_PromiseState],
    made: Mapping[int, int],
    visited: Mapping[int, int],
    month_start: dt.date,
) -> dict[int, Activity]:
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


def _broken_records(
    promises: list[_PromiseState], rows: Mapping[int, AgingRow], window_start: dt.date
) -> tuple[BrokenRecord, ...]:
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
    return tuple(found[:TOP])


# --- groups ----------------------------------------------------------------------------


_ACTIVITY_FIELDS = tuple(Activity.__dataclass_fields__)


def _sum_activity(items: Iterable[Activity]) -> Activity:
    totals = [0] * len(_ACTIVITY_FIELDS)
    for a in items:
        # A dataclass's __dict__ holds its fields in declaration order.
        for i, value in enumerate(a.__dict__.values()):
            totals[i] += value
    return Activity(*totals)


def _groups(
    aging: AgingReport,
    over_60: Mapping[int, Fen],
    activity: Mapping[int, Activity],
    key_of: Callable[[AgingRow], tuple[int | None, str]],
) -> tuple[GroupReview, ...]:
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


# --- what is behind a figure -----------------------------------------------------------

FIGURES = ("total", "overdue", "bucket", "over_60", "over_limit")


def customers_behind(data: Review, figure: str, index: int = 0) -> list[AgingRow]:
    """The customers a figure of the review adds up: "total" (everyone with a balance),
    "overdue", "bucket" (`index`: the age bucket), "over_60" or "over_limit"; largest
    balance first."""
    if figure == "total":
        return data.customers_where(lambda r: r.balance != 0)
    if figure == "overdue":
        return data.customers_where(lambda r: r.overdue > 0)
    if figure == "bucket":
        return data.customers_where(lambda r: r.buckets[index] > 0)
    if figure == "over_60":
        return data.rows(cid for cid, fen in data.over_60.items() if fen > 0)
    if figure == "over_limit":
        return list(data.over_limit)
    raise ValueError(f"unknown figure {figure!r}")
