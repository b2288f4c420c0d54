"""Sales reps (业务员) and routes (线路)."""

from __future__ import annotations

from models.ledger import users
from models.storage import edit_versions, session
from models.storage.db import transaction
from models.storage.tables import CustomerRow, RepRow, RouteRow
from models.vocabulary.customer_records import Rep, RepId, Route, RouteId
from models.vocabulary.errors import InputError, NotFound, refused_as
from models.vocabulary.i18n import _
from models.vocabulary.people_records import Action
from models.vocabulary.text_rules import check_text


def _rep(row: RepRow) -> Rep:
    return Rep(id=row.id, name=row.name, phone=row.phone, active=row.active)


def _route(row: RouteRow) -> Route:
    days = tuple(int(d) for d in row.weekdays.split(",") if d)
    return Route(id=row.id, name=row.name, weekdays=days, rep_id=row.rep_id, active=row.active)


def add_rep(name: str, phone: str = "") -> Rep:
    """Add a sales rep; names are unique (boss only)."""
    users.require(Action.REPS_ROUTES)
    name = name.strip()
    if not name:
        raise InputError(_("The rep needs a name."))
    check_text(name, _("The name"))
    check_text(phone.strip(), _("The phone number"))
    taken = InputError(_("There is already a rep called ‘{name}’.").format(name=name))
    if RepRow.get_or_none(RepRow.name == name):
        raise taken
    with transaction(), refused_as(taken):
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
    try:
        return rep_by_name(name) or add_rep(name)
    except InputError:  # another clerk added it meanwhile
        return rep_by_name(name) or add_rep(name)


def _check_weekdays(weekdays: tuple[int, ...]) -> tuple[int, ...]:
    if any(d not in range(1, 8) for d in weekdays):
        raise InputError(_("Weekdays are numbered 1 (Monday) to 7 (Sunday)."))
    return tuple(sorted(set(weekdays)))


def add_route(name: str, weekdays: tuple[int, ...] = (), rep_id: RepId | None = None) -> Route:
    """Add a route; names are unique, weekdays ISO (1 = Monday) (boss only)."""
    users.require(Action.REPS_ROUTES)
    name = name.strip()
    if not name:
        raise InputError(_("The route needs a name."))
    check_text(name, _("The name"))
    taken = InputError(_("There is already a route called ‘{name}’.").format(name=name))
    if RouteRow.get_or_none(RouteRow.name == name):
        raise taken
    days = _check_weekdays(weekdays)
    with transaction(), refused_as(taken):
        row = RouteRow.create(name=name, weekdays=",".join(map(str, days)), rep=rep_id)
    return _route(row)


def list_routes(include_inactive: bool = False) -> list[Route]:
    """Routes by name; a deactivated route only with `include_inactive`."""
    query = RouteRow.select().order_by(RouteRow.name)
    if not include_inactive:
        query = query.where(RouteRow.active == True)  # noqa: E712
    return [_route(r) for r in query]


def get_route(route_id: RouteId) -> Route:
    row = RouteRow.get_or_none(RouteRow.id == route_id)
    if row is None:
        raise NotFound(_("There is no route number {id}.").format(id=route_id))
    return _route(row)


def route_by_name(name: str) -> Route | None:
    row = RouteRow.get_or_none(RouteRow.name == name.strip())
    return _route(row) if row else None


def ensure_route(name: str) -> Route:
    try:
        return route_by_name(name) or add_route(name)
    except InputError:  # another clerk added it meanwhile
        return route_by_name(name) or add_route(name)


def _unique(rows: type[RepRow] | type[RouteRow], row_id: int, name: str, taken: str) -> str:
    name = name.strip()
    if not name:
        raise InputError(
            _("The rep needs a name.") if rows is RepRow else _("The route needs a name.")
        )
    if rows.select().where((rows.name == name) & (rows.id != row_id)).exists():
        raise InputError(taken.format(name=name))
    return name


def update_rep(rep_id: RepId, name: str, phone: str = "", active: bool = True) -> Rep:
    """Rename a rep, change the phone, or (de)activate: an inactive rep keeps its
    history but leaves the pick lists."""
    users.require(Action.REPS_ROUTES)
    get_rep(rep_id)
    name = _unique(RepRow, rep_id, name, _("There is already a rep called ‘{name}’."))
    check_text(name, _("The name"))
    check_text(phone.strip(), _("The phone number"))
    with transaction():
        RepRow.update(name=name, phone=phone.strip(), active=active).where(
            RepRow.id == rep_id
        ).execute()
    return get_rep(rep_id)


def update_route(
    route_id: RouteId,
    name: str,
    weekdays: tuple[int, ...] = (),
    rep_id: RepId | None = None,
    active: bool = True,
) -> Route:
    """Rename a route, change its weekdays or rep, or (de)activate it. Its customers
    and their history stay; an inactive route leaves the pick lists and Today."""
    users.require(Action.REPS_ROUTES)
    get_route(route_id)
    name = _unique(RouteRow, route_id, name, _("There is already a route called ‘{name}’."))
    check_text(name, _("The name"))
    days = _check_weekdays(weekdays)
    if rep_id is not None:
        get_rep(rep_id)
    with transaction():
        RouteRow.update(
            name=name, weekdays=",".join(map(str, days)), rep=rep_id, active=active
        ).where(RouteRow.id == route_id).execute()
    return get_route(route_id)


def move_to_route(customer_ids: list[int], route_id: RouteId | None) -> int:
    """Put customers on another route (None: on no route), after its last stop, in the
    order given. Returns how many moved; all move or none."""
    users.require(Action.EDIT_CUSTOMERS)
    if route_id is not None:
        get_route(route_id)
    ids = list(dict.fromkeys(customer_ids))
    with transaction():
        found = CustomerRow.select().where(CustomerRow.id.in_(ids)).count()
        if found != len(ids):
            raise NotFound(_("Some of these customers no longer exist: refresh the list."))
        last = 0
        if route_id is not None:
            last = (
                CustomerRow.select(CustomerRow.route_position)
                .where((CustomerRow.route == route_id) & CustomerRow.id.not_in(ids))
                .order_by(CustomerRow.route_position.desc())
                .scalar()
                or 0
            )
        stamp = edit_versions.stamp(session.current_user())  # who moved them, for the versions
        for n, cid in enumerate(ids, start=1):
            CustomerRow.update(
                route=route_id, route_position=last + n if route_id else 0, **stamp
            ).where(CustomerRow.id == cid).execute()
    return len(ids)
