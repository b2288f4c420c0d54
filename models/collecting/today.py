"""Today (今日): what the office needs this morning, in one call.

Today's and tomorrow's routes with what their stops owe, the promises falling due
today and tomorrow (and whether money already covers them), broken promises still
without a new date, cheques maturing within a week and bounced ones not re-paid,
customers over their credit limit or breaking promises, and the day's totals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.collecting.calls import PromiseLine, latest_answers
from models.collecting.chasing import chase_lines
from models.collecting.overdue import owed_and_overdue
from models.collecting.routesheets import is_route_day
from models.ledger.customers import list_customers
from models.ledger.people import list_reps, list_routes
from models.ledger.promises import frequent_breakers, promised_between, promises_for_day
from models.storage.db import placeholders, read_snapshot
from models.storage.tables import database
from models.vocabulary import clock
from models.vocabulary.chase_records import ChaseLine
from models.vocabulary.collecting_records import Promise
from models.vocabulary.customer_records import Customer, Route
from models.vocabulary.gc_pause import gc_paused
from models.vocabulary.money import Fen

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
    chasing: tuple[ChaseLine, ...] = ()  # chasing steps due and not yet done


def today(day: dt.date | None = None) -> TodayReport:
    """Everything on the Today screen (and `main.py today`) as of `day` (default today)."""
    with read_snapshot(), gc_paused():  # every figure from one moment, whoever posts
        return _today(day or clock.today())


def _today(day: dt.date) -> TodayReport:
    tomorrow = day + dt.timedelta(days=1)
    everyone = list_customers()
    by_id = {c.id: c for c in everyone}
    owed = owed_and_overdue(everyone, day)

    routes = [r for r in list_routes() if r.weekdays]  # a route without days is ad hoc
    reps = {r.id: r.name for r in list_reps(include_inactive=True)}
    members: dict[int, list[Customer]] = {}
    for c in everyone:
        if c.route_id is not None:
            members.setdefault(c.route_id, []).append(c)

    def route_day(route: Route, on: dt.date) -> RouteDay:
        stops = sorted(members.get(route.id, []), key=lambda c: (c.route_position, c.code))
        lines = tuple(StopLine(c, *owed.get(c.id, (0, 0))) for c in stops)
        return RouteDay(route, on, reps.get(route.rep_id or 0, ""), lines)

    monday = day - dt.timedelta(days=day.weekday())
    month_ago = day - dt.timedelta(days=30)
    found = [p for p in promises_for_day(day, tomorrow, month_ago, day) if p.customer_id in by_id]
    shown = [p for p in found if p.due_at.date() in (day, tomorrow)]
    answers = latest_answers(p.id for p in shown)

    def lines(promises: list[Promise]) -> tuple[PromiseLine, ...]:
        return tuple(PromiseLine(p, by_id[p.customer_id], answers.get(p.id)) for p in promises)

    # Broken by the day (not by the clock), with no new date yet.
    broken = [
        p for p in found if p.due_at.date() < day and p.paid < p.amount and p.replaced_by_id is None
    ]
    breaking = tuple(
        sorted(
            (
                CustomerFlag(by_id[cid], owed.get(cid, (0, 0))[0], broken=n)
                for cid, n in frequent_breakers(day - dt.timedelta(days=BROKEN_WINDOW)).items()
                if cid in by_id
            ),
            key=lambda f: (-f.broken, f.customer.code),
        )
    )
    over = tuple(
        CustomerFlag(c, owed[c.id][0], credit_limit=c.credit_limit)
        for c in everyone
        if c.credit_limit is not None and owed.get(c.id, (0, 0))[0] > c.credit_limit
    )
    maturing, bounced = _cheques(day, by_id)
    collected = _collected(day)
    return TodayReport(
        day=day,
        owed=sum(b for b, _o in owed.values() if b > 0),
        overdue=sum(o for _b, o in owed.values()),
        promised_this_week=promised_between(monday, monday + dt.timedelta(days=6)),
        collected_today=collected[0],
        collected_this_month=collected[1],
        routes_today=tuple(route_day(r, day) for r in routes if is_route_day(r, day)),
        routes_tomorrow=tuple(route_day(r, tomorrow) for r in routes if is_route_day(r, tomorrow)),
        promises_today=lines([p for p in shown if p.due_at.date() == day]),
        promises_tomorrow=lines([p for p in shown if p.due_at.date() == tomorrow]),
        broken=tuple(PromiseLine(p, by_id[p.customer_id]) for p in broken),
        cheques_maturing=maturing,
        cheques_bounced=bounced,
        over_limit=over,
        breaking_promises=breaking,
        chasing=tuple(
            ln
            for ln in chase_lines(day, everyone, {cid: b for cid, (b, _o) in owed.items()})
            if not ln.done
        ),
    )


def _collected(day: dt.date) -> tuple[Fen, Fen]:
    """Money received on `day` and in its month up to it (a voided payment and its
    reversal cancel out)."""
    sql = (
        "SELECT -SUM(CASE WHEN date = ? THEN delta ELSE 0 END), -SUM(delta) FROM entry "
        "WHERE kind = 'payment' AND date >= ? AND date <= ?"
    )
    found = database.execute_sql(placeholders(sql), (day, day.replace(day=1), day)).fetchone()
    return int(found[0] or 0), int(found[1] or 0)


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
    from models.storage.tables import CustomerRow

    return CustomerRow.select().exists()
