"""The boss's review (the dashboard, the weekly review PDF, the per-rep and per-route
exports): every figure, as of any date, gathered here (`review`) into one `Review`, and
what is behind a figure (`customers_behind`, `entries_behind`). The figures come from
`trends` (collections against deliveries), `groups` (per rep and per route),
`promise_keeping` (promises and visits) and `measures` (DSO, CEI, ADD).

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

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from models.ledger.aging import age_all, voided_ids
from models.ledger.settings import get_company
from models.review.groups import (
    Activity,
    GroupReview,
    activity_by_customer,
    group_reviews,
    sums_by_customer,
)
from models.review.measures import (
    average_days_delinquent,
    collection_effectiveness,
    countback_days,
)
from models.review.promise_keeping import (
    BrokenRecord,
    ReasonCount,
    broken_records,
    promise_states,
    promises_made,
    reasons_given,
    visits_per_customer,
)
from models.review.raw_rows import KINDS, as_date
from models.review.trends import (
    Flow,
    daily_flows,
    first_of_month,
    flow_between,
    month_end,
    same_day_in,
)
from models.storage.db import placeholders, read_snapshot
from models.storage.tables import CustomerRow, database
from models.vocabulary import clock
from models.vocabulary.aging_records import AgingReport, AgingRow
from models.vocabulary.entry_records import EntryKind
from models.vocabulary.money import Fen

WINDOW_DAYS = 90
MONTHS = 13
TOP = 10
LATE_AFTER_DAYS = 60  # "share over 60 days" in the per-rep table


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


def review(as_of: dt.date | None = None) -> Review:
    """The review as of `as_of` (default today)."""
    as_of = as_of or clock.today()
    month_start = first_of_month(as_of)
    window_start = as_of - dt.timedelta(days=WINDOW_DAYS - 1)
    with read_snapshot():  # one snapshot: the figures agree while others post
        aging, over_60 = _aging(as_of)
        daily = daily_flows(first_of_month(as_of, MONTHS - 1), as_of)
        month_sums = sums_by_customer(month_start, as_of)
        promises = promise_states(min(window_start, month_start), as_of)
        made = promises_made(month_start, as_of)
        visits = visits_per_customer(month_start, as_of)
        reasons = reasons_given(window_start, as_of)
        archived = {
            cid
            for (cid,) in CustomerRow.select(CustomerRow.id)
            .where(CustomerRow.archived == True)  # noqa: E712
            .tuples()
        }
    activity = activity_by_customer(month_sums, promises, made, visits, month_start)
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
        flow_between(daily, first_of_month(as_of, k), month_end(first_of_month(as_of, k), as_of))
        for k in range(MONTHS - 1, -1, -1)
    )
    last_month_start = first_of_month(as_of, 1)
    last_year_start = first_of_month(as_of, 12)
    broken = broken_records(promises, rows_by_id, window_start)[:TOP]
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
        last_month=flow_between(daily, last_month_start, same_day_in(last_month_start, as_of.day)),
        last_year=flow_between(daily, last_year_start, same_day_in(last_year_start, as_of.day)),
        reps=group_reviews(aging, over_60, activity, lambda r: (r.rep_id, r.rep_name)),
        routes=group_reviews(aging, over_60, activity, lambda r: (r.route_id, r.route_name)),
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
        EntryLine(eid, as_date(on), cid, code, name, KINDS[kind], int(amount), doc_no)
        for eid, on, cid, code, name, kind, amount, doc_no in database.execute_sql(
            placeholders(sql), (start, end, *kinds)
        )
        if eid not in voided and (wanted is None or cid in wanted)
    ]
