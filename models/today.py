"""Today (今日): what the office needs this morning, in one call.

Today's and tomorrow's routes with what their stops owe, the promises falling due
today and tomorrow (and whether money already covers them), broken promises still
without a new date, cheques maturing within a week and bounced ones not re-paid,
customers over their credit limit or breaking promises, and the day's totals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models import clock
from models.aging import age_customers
from models.calls import PromiseLine, latest_answers
from models.customers import list_customers
from models.db import placeholders
from models.people import get_rep, list_routes
from models.promises import broken_by, broken_counts, promises_between
from models.records import Customer, Fen, Promise, Route
from models.routesheets import is_route_day
from models.tables import database

CHEQUE_DAYS = 7  # cheques and drafts maturing within this many days are listed
BROKEN_WINDOW = 90  # two or more broken promises within this many days flag a customer


@dataclass(frozen=True)
class StopLine:
    customer: Customer
    balance: Fen
    overdue: Fen


@dataclass(frozen=True)
class RouteDay:
    route: Route
    day: dt.date
    rep_name: str
    stops: tuple[StopLine, ...]  # in visit order, every active customer on the route

    @property
    def owed(self) -> Fen:
        return sum(s.balance for s in self.stops if s.balance > 0)

    @property
    def overdue(self) -> Fen:
        return sum(s.overdue for s in self.stops)

    @property
    def owing_stops(self) -> int:
        return sum(1 for s in self.stops if s.balance > 0)


@dataclass(frozen=True)
class ChequeLine:
    entry_id: int
    customer: Customer
    number: str
    bank: str
    amount: Fen
    due_on: dt.date | None
    repaid: Fen = 0  # bounced ones: paid since the bounce


@dataclass(frozen=True)
class CustomerFlag:
    customer: Customer
    balance: Fen
    credit_limit: Fen | None = None
    broken: int = 0


@dataclass(frozen=True)
class TodayReport:
    day: dt.date
    owed: Fen
    overdue: Fen
    promised_this_week: Fen
    collected_today: Fen
    collected_this_month: Fen
    routes_today: tuple[RouteDay, ...]
    routes_tomorrow: tuple[RouteDay, ...]
    promises_today: tuple[PromiseLine, ...]
    promises_tomorrow: tuple[PromiseLine, ...]
    broken: tuple[PromiseLine, ...]  # broken, no new date yet
    cheques_maturing: tuple[ChequeLine, ...]
    cheques_bounced: tuple[ChequeLine, ...]  # not yet re-paid
    over_limit: tuple[CustomerFlag, ...]
    breaking_promises: tuple[CustomerFlag, ...]  # two or more broken within 90 days


def today(day: dt.date | None = None) -> TodayReport:
    """Everything on the Today screen (and `main.py today`) as of `day` (default today)."""
    day = day or clock.today()
    tomorrow = day + dt.timedelta(days=1)
    everyone = list_customers()
    by_id = {c.id: c for c in everyone}
    aging = {r.customer_id: r for r in age_customers(everyone, day).rows}
    balances = {cid: r.balance for cid, r in aging.items()}

    routes = [r for r in list_routes() if r.weekdays]  # a route without days is ad hoc
    rep_names: dict[int, str] = {}

    def route_day(route: Route, on: dt.date) -> RouteDay:
        if route.rep_id is not None and route.rep_id not in rep_names:
            rep_names[route.rep_id] = get_rep(route.rep_id).name
        members = sorted(
            (c for c in everyone if c.route_id == route.id),
            key=lambda c: (c.route_position, c.code),
        )
        # Tomorrow's stops too are shown as they stand this morning.
        stops = tuple(StopLine(c, aging[c.id].balance, aging[c.id].overdue) for c in members)
        return RouteDay(route, on, rep_names.get(route.rep_id or 0, ""), stops)

    monday = day - dt.timedelta(days=day.weekday())
    week = promises_between(monday, monday + dt.timedelta(days=6))
    due_today = [p for p in promises_between(day, tomorrow) if p.customer_id in by_id]
    broken = [p for p in broken_by(day) if p.customer_id in by_id]
    answers = latest_answers(p.id for p in due_today)

    def lines(promises: list[Promise]) -> tuple[PromiseLine, ...]:
        return tuple(PromiseLine(p, by_id[p.customer_id], answers.get(p.id)) for p in promises)

    maturing, bounced = _cheques(day, by_id)
    over = tuple(
        CustomerFlag(c, balances.get(c.id, 0), credit_limit=c.credit_limit)
        for c in everyone
        if c.credit_limit is not None and balances.get(c.id, 0) > c.credit_limit
    )
    counts = broken_counts(day - dt.timedelta(days=BROKEN_WINDOW))
    breaking = tuple(
        sorted(
            (
                CustomerFlag(by_id[cid], balances.get(cid, 0), broken=n)
                for cid, n in counts.items()
                if n >= 2 and cid in by_id
            ),
            key=lambda f: (-f.broken, f.customer.code),
        )
    )
    return TodayReport(
        day=day,
        owed=sum(b for b in balances.values() if b > 0),
        overdue=sum(r.overdue for r in aging.values()),
        promised_this_week=sum(p.amount for p in week if p.customer_id in by_id),
        collected_today=_collected(day, day),
        collected_this_month=_collected(day.replace(day=1), day),
        routes_today=tuple(route_day(r, day) for r in routes if is_route_day(r, day)),
        routes_tomorrow=tuple(route_day(r, tomorrow) for r in routes if is_route_day(r, tomorrow)),
        promises_today=lines([p for p in due_today if p.due_at.date() == day]),
        promises_tomorrow=lines([p for p in due_today if p.due_at.date() == tomorrow]),
        broken=lines(broken),
        cheques_maturing=maturing,
        cheques_bounced=bounced,
        over_limit=tuple(sorted(over, key=lambda f: f.customer.code)),
        breaking_promises=breaking,
    )


def _collected(first: dt.date, last: dt.date) -> Fen:
    """Money received from `first` to `last` (a voided payment and its reversal cancel)."""
    sql = "SELECT -SUM(delta) FROM entry WHERE kind = 'payment' AND date >= ? AND date <= ?"
    found = database.execute_sql(placeholders(sql), (first, last)).fetchone()
    return int(found[0] or 0)


_MATURING_SQL = """
SELECT c.entry_id, e.customer_id, c.number, c.bank, e.amount, c.due_on
FROM cheque c JOIN entry e ON e.id = c.entry_id
WHERE c.status IN ('received', 'deposited') AND c.due_on >= ? AND c.due_on <= ?
  AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses_id = e.id)
ORDER BY c.due_on, c.entry_id
"""
# A bounced cheque is re-paid once standing payments keyed after its bounce (the
# reversal entry) cover its amount.
_BOUNCED_SQL = """
SELECT c.entry_id, e.customer_id, c.number, c.bank, e.amount, c.due_on,
  (SELECT COALESCE(-SUM(p.delta), 0) FROM entry p WHERE p.customer_id = e.customer_id
     AND p.kind = 'payment' AND p.reverses_id IS NULL
     AND p.id > (SELECT MAX(b.id) FROM entry b WHERE b.reverses_id = e.id)
     AND NOT EXISTS (SELECT 1 FROM entry v WHERE v.reverses_id = p.id))
FROM cheque c JOIN entry e ON e.id = c.entry_id
WHERE c.status = 'bounced'
ORDER BY c.status_at, c.entry_id
"""


def _cheques(
    day: dt.date, by_id: dict[int, Customer]
) -> tuple[tuple[ChequeLine, ...], tuple[ChequeLine, ...]]:
    last = day + dt.timedelta(days=CHEQUE_DAYS)
    maturing = tuple(
        ChequeLine(eid, by_id[cid], number, bank, int(amount), _date(due))
        for eid, cid, number, bank, amount, due in database.execute_sql(
            placeholders(_MATURING_SQL), (day, last)
        )
        if cid in by_id
    )
    bounced = tuple(
        ChequeLine(eid, by_id[cid], number, bank, int(amount), _date(due), int(repaid))
        for eid, cid, number, bank, amount, due, repaid in database.execute_sql(_BOUNCED_SQL)
        if cid in by_id and int(repaid) < int(amount)
    )
    return maturing, bounced


def _date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value  # type: ignore[return-value]
    return dt.date.fromisoformat(str(value))


def has_customers() -> bool:
    """Whether the ledger has any customer yet (the window then opens on Today)."""
    from models.tables import CustomerRow

    return CustomerRow.select().exists()
