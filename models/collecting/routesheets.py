"""The route sheet (收款路线单): a route's customers in visit order for a route day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from models.collecting.calls import latest_answers
from models.ledger.aging import age_customers
from models.ledger.customers import route_customers
from models.ledger.people import get_rep, get_route
from models.ledger.promises import promises_for_day
from models.storage.db import read_snapshot
from models.vocabulary.collecting_records import Promise, PromiseStatus, RouteSheet, RouteStop
from models.vocabulary.customer_records import Route, RouteId

BROKEN_DAYS = 30  # broken promises this recent are raised on the sheet


def is_route_day(route: Route, day: dt.date) -> bool:
    """True when the route runs on `day` (a route with no weekdays set runs any day)."""
    return not route.weekdays or day.isoweekday() in route.weekdays


def next_route_day(route: Route, after: dt.date) -> dt.date:
    """The first day after `after` on which the route runs (tomorrow when it has no
    weekdays set)."""
    day = after + dt.timedelta(days=1)
    while not is_route_day(route, day):
        day += dt.timedelta(days=1)
    return day


def route_for_day(routes: Sequence[Route], day: dt.date) -> Route | None:
    """The route to offer first for `day` (settling today, printing tomorrow's packet):
    the first of `routes` whose weekdays include that day, else the first route; None
    when there is none. A route with no weekdays set runs ad hoc: it is never "the"
    route of a day, though `is_route_day` lets it run on any."""
    return first_route_on(routes, day) or (routes[0] if routes else None)


def first_route_on(routes: Sequence[Route], day: dt.date) -> Route | None:
    """The first of `routes` (in their order) that runs on `day` by its weekdays; a
    route with no weekdays set runs on demand and is nobody's route of the day."""
    return next((r for r in routes if r.weekdays and is_route_day(r, day)), None)


def is_broken(promise: Promise) -> bool:
    """True when the sheet raises `promise` as broken: its due time has passed by the
    time the sheet is printed (a sheet printed the day before its route day must not
    call broken a promise falling due in between) and no new date was agreed."""
    return promise.status is PromiseStatus.BROKEN and promise.replaced_by_id is None


def route_sheet(route_id: RouteId, day: dt.date, *, every_stop: bool = False) -> RouteSheet:
    """Stops in visit order with balance and overdue as of `day`, the promises falling
    due that day with the office's call answers, and the promises broken (by the
    time of printing, `is_broken`) with no new date. Stops owing nothing are left out
    unless `every_stop`."""
    with read_snapshot():  # balances and promises from one moment, whoever posts
        route = get_route(route_id)
        customers = route_customers(route_id)
        ids = {c.id for c in customers}
        aging = {r.customer_id: r for r in age_customers(customers, day).rows}
        due: dict[int, list] = {}
        broken: dict[int, list] = {}
        for p in promises_for_day(day, day, day - dt.timedelta(days=BROKEN_DAYS), day):
            if p.customer_id not in ids or p.paid >= p.amount:
                continue
            if p.due_at.date() == day:
                due.setdefault(p.customer_id, []).append(p)
            elif is_broken(p):
                broken.setdefault(p.customer_id, []).append(p)
        answers = latest_answers(p.id for ps in due.values() for p in ps)
        rep_name = get_rep(route.rep_id).name if route.rep_id else ""
    if not every_stop:
        customers = [c for c in customers if aging[c.id].balance > 0]
    stops = tuple(
        RouteStop(
            position=i,
            customer=c,
            balance=aging[c.id].balance,
            overdue=aging[c.id].overdue,
            promises_due=tuple(due.get(c.id, ())),
            broken_promises=tuple(broken.get(c.id, ())),
            answers=tuple(answers[p.id] for p in due.get(c.id, ()) if p.id in answers),
        )
        for i, c in enumerate(customers, start=1)
    )
    return RouteSheet(route=route, day=day, rep_name=rep_name, stops=stops)
