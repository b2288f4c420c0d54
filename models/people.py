"""Sales reps (业务员) and routes (线路)."""

from __future__ import annotations

from models.db import transaction
from models.errors import InputError, NotFound
from models.i18n import _
from models.records import Rep, RepId, Route, RouteId
from models.tables import RepRow, RouteRow
from models.text_rules import check_text


def _rep(row: RepRow) -> Rep:
    return Rep(id=row.id, name=row.name, phone=row.phone, active=row.active)


def _route(row: RouteRow) -> Route:
    days = tuple(int(d) for d in row.weekdays.split(",") if d)
    return Route(id=row.id, name=row.name, weekdays=days, rep_id=row.rep_id)


def add_rep(name: str, phone: str = "") -> Rep:
    """Add a sales rep; names are unique."""
    name = name.strip()
    if not name:
        raise InputError(_("The rep needs a name."))
    check_text(name, _("The name"))
    check_text(phone.strip(), _("The phone number"))
    if RepRow.get_or_none(RepRow.name == name):
        raise InputError(_("There is already a rep called ‘{name}’.").format(name=name))
    with transaction():
        row = RepRow.create(name=name, phone=phone.strip())
    return _rep(row)


def list_reps(include_inactive: bool = False) -> list[Rep]:
    query = RepRow.select().order_by(RepRow.name)
    if not include_inactive:
        query = query.where(RepRow.active == True)  # noqa: E712
    return [_rep(r) for r in query]


def get_rep(rep_id: RepId) -> Rep:
    row = RepRow.get_or_none(RepRow.id == rep_id)
    if row is None:
        raise NotFound(_("There is no rep number {id}.").format(id=rep_id))
    return _rep(row)


def rep_by_name(name: str) -> Rep | None:
    row = RepRow.get_or_none(RepRow.name == name.strip())
    return _rep(row) if row else None


def ensure_rep(name: str) -> Rep:
    """The rep called `name`, created if new (used by import)."""
    return rep_by_name(name) or add_rep(name)


def _check_weekdays(weekdays: tuple[int, ...]) -> tuple[int, ...]:
    if any(d not in range(1, 8) for d in weekdays):
        raise InputError(_("Weekdays are numbered 1 (Monday) to 7 (Sunday)."))
    return tuple(sorted(set(weekdays)))


def add_route(name: str, weekdays: tuple[int, ...] = (), rep_id: RepId | None = None) -> Route:
    """Add a route; names are unique, weekdays ISO (1 = Monday)."""
    name = name.strip()
    if not name:
        raise InputError(_("The route needs a name."))
    check_text(name, _("The name"))
    if RouteRow.get_or_none(RouteRow.name == name):
        raise InputError(_("There is already a route called ‘{name}’.").format(name=name))
    days = _check_weekdays(weekdays)
    with transaction():
        row = RouteRow.create(name=name, weekdays=",".join(map(str, days)), rep=rep_id)
    return _route(row)


def list_routes() -> list[Route]:
    return [_route(r) for r in RouteRow.select().order_by(RouteRow.name)]


def get_route(route_id: RouteId) -> Route:
    row = RouteRow.get_or_none(RouteRow.id == route_id)
    if row is None:
        raise NotFound(_("There is no route number {id}.").format(id=route_id))
    return _route(row)


def route_by_name(name: str) -> Route | None:
    row = RouteRow.get_or_none(RouteRow.name == name.strip())
    return _route(row) if row else None


def ensure_route(name: str) -> Route:
    return route_by_name(name) or add_route(name)
