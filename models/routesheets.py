"""The route sheet (收款路线单): a route's customers in visit order for a route day."""

from __future__ import annotations

import datetime as dt

from models.aging import age_all
from models.customers import route_customers
from models.db import read_snapshot
from models.people import get_rep, get_route
from models.promises import broken_unresolved, promises_due_on
from models.records import Route, RouteId, RouteSheet, RouteStop


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


def route_sheet(route_id: RouteId, day: dt.date) -> RouteSheet:
    """Stops in visit order with balance and overdue as of `day`, and the promises
    falling due that day."""
    with read_snapshot():  # balances and promises from one moment, whoever posts
        route = get_route(route_id)
        customers = route_customers(route_id)
        ids = {c.id for c in customers}
        aging = {r.customer_id: r for r in age_all(day).rows if r.customer_id in ids}
        due: dict[int, list] = {}
        for p in promises_due_on(day):
            if p.customer_id in ids:
                due.setdefault(p.customer_id, []).append(p)
        broken: dict[int, list] = {}
        for p in broken_unresolved(day):
            if p.customer_id in ids:
                broken.setdefault(p.customer_id, []).append(p)
        rep_name = get_rep(route.rep_id).name if route.rep_id else ""
    stops = tuple(
        RouteStop(
            position=i,
            customer=c,
            balance=aging[c.id].balance,
            overdue=aging[c.id].overdue,
            promises_due=tuple(due.get(c.id, ())),
            broken_promises=tuple(broken.get(c.id, ())),
        )
        for i, c in enumerate(customers, start=1)
    )
    return RouteSheet(route=route, day=day, rep_name=rep_name, stops=stops)
