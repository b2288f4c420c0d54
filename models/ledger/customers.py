"""Customers: add, change, archive, look up."""

from __future__ import annotations

import peewee as pw

from models.ledger import users
from models.ledger.search import search_key
from models.storage import edit_versions, session
from models.storage.db import placeholders, transaction
from models.storage.tables import CustomerRow, RepRow, RouteRow, database
from models.vocabulary import clock
from models.vocabulary.customer_records import (
    Customer,
    CustomerDraft,
    CustomerId,
    Terms,
    TermsKind,
    stored_terms,
)
from models.vocabulary.errors import InputError, NotFound
from models.vocabulary.gc_pause import gc_paused
from models.vocabulary.i18n import _
from models.vocabulary.people_records import Action
from models.vocabulary.text_rules import check_text, code_key

MAX_TERMS_DAYS = 365


def to_record(row: CustomerRow, route_name: str = "", rep_name: str = "") -> Customer:
    return _record(row.__data__, route_name, rep_name)


def _record(d: dict, route_name: str, rep_name: str) -> Customer:
    """A record from a row's column values (keyed by field name, FKs as ids)."""
    return Customer(
        id=d["id"],
        code=d["code"],
        name=d["name"],
        contact=d["contact"],
        phones=d["phones"],
        address=d["address"],
        payer=d["payer"],
        route_id=d["route"],
        route_position=d["route_position"],
        rep_id=d["rep"],
        terms=Terms(TermsKind(d["terms_kind"]), d["terms_days"]),
        credit_limit=d["credit_limit"],
        notes=d["notes"],
        archived=bool(d["archived"]),
        route_name=route_name,
        rep_name=rep_name,
        search_key=d["search_key"],
        version=d.get("version", 0),
    )


def _names() -> tuple[dict[int, str], dict[int, str]]:
    routes = {r.id: r.name for r in RouteRow.select(RouteRow.id, RouteRow.name)}
    reps = {r.id: r.name for r in RepRow.select(RepRow.id, RepRow.name)}
    return routes, reps


def validate_draft(draft: CustomerDraft, customer_id: CustomerId | None = None) -> None:
    """Raise `InputError` for the first problem with what was typed."""
    code, name = draft.code.strip(), draft.name.strip()
    if not code:
        raise InputError(_("The customer needs a code, such as C0001."))
    if len(code) > 40:
        raise InputError(_("The code is too long: use at most 40 characters."))
    if not name:
        raise InputError(_("The customer needs a name."))
    if len(name) > 200:
        raise InputError(_("The name is too long: use at most 200 characters."))
    for value, limit, label in (
        (draft.contact, 100, _("The contact")),
        (draft.phones, 200, _("The phone numbers")),
        (draft.address, 300, _("The address")),
        (draft.payer, 100, _("Who can pay")),
    ):
        if len(value.strip()) > limit:
            raise InputError(
                _("{what} is too long: use at most {n} characters.").format(what=label, n=limit)
            )
    for value, label, multiline in (
        (draft.code, _("The code"), False),
        (draft.name, _("The name"), False),
        (draft.contact, _("The contact"), False),
        (draft.phones, _("The phone numbers"), False),
        (draft.address, _("The address"), False),
        (draft.payer, _("Who can pay"), False),
        (draft.notes, _("The note"), True),
    ):
        check_text(value.strip(), label, multiline=multiline)
    check_code_free(code, customer_id)
    if draft.terms.kind is TermsKind.DAYS and not 1 <= draft.terms.days <= MAX_TERMS_DAYS:
        raise InputError(_("Credit days must be between 1 and 365."))
    if draft.credit_limit is not None and draft.credit_limit < 0:
        raise InputError(_("The credit limit cannot be negative."))
    if draft.route_id is not None and not RouteRow.get_or_none(RouteRow.id == draft.route_id):
        raise NotFound(_("There is no route number {id}.").format(id=draft.route_id))
    if draft.rep_id is not None and not RepRow.get_or_none(RepRow.id == draft.rep_id):
        raise NotFound(_("There is no rep number {id}.").format(id=draft.rep_id))


def check_code_free(code: str, customer_id: CustomerId | None = None) -> None:
    """`InputError` when another customer has `code`, or a code that differs from it
    only in case or width (c0001 beside C0001 or Ｃ０００１): the message names it."""
    others = CustomerRow.select(CustomerRow.code).where(
        (CustomerRow.code == code) | (CustomerRow.code_key == code_key(code))
    )
    if customer_id is not None:
        others = others.where(CustomerRow.id != customer_id)
    found = [row.code for row in others]
    if code in found:
        raise InputError(
            _("The code {code} is already used by another customer.").format(code=code)
        )
    if found and (customer_id is None or _row(customer_id).code != code):
        raise InputError(near_duplicate_message(code, found[0]))


def near_duplicate_message(code: str, existing: str) -> str:
    return _(
        "The code {code} differs from the existing code {existing} only in upper/lower case "
        "or full-width characters: use {existing} for that customer, or choose another code."
    ).format(code=code, existing=existing)


def _fields(draft: CustomerDraft) -> dict[str, object]:
    terms = draft.terms
    days = terms.days if terms.kind is TermsKind.DAYS else 0
    return {
        "code": draft.code.strip(),
        "code_key": code_key(draft.code),
        "name": draft.name.strip(),
        "contact": draft.contact.strip(),
        "phones": draft.phones.strip(),
        "address": draft.address.strip(),
        "payer": draft.payer.strip(),
        "route": draft.route_id,
        "rep": draft.rep_id,
        "terms_kind": terms.kind,
        "terms_days": days,
        "credit_limit": draft.credit_limit,
        "notes": draft.notes.strip(),
        "search_key": search_key(
            draft.code.strip(), draft.name.strip(), draft.phones, draft.contact
        ),
    }


def _next_position(route_id: int | None) -> int:
    if route_id is None:
        return 0
    top = (
        CustomerRow.select(pw.fn.MAX(CustomerRow.route_position))
        .where(CustomerRow.route == route_id)
        .scalar()
    )
    return (top or 0) + 1


def add_customer(draft: CustomerDraft) -> Customer:
    """Add a customer; codes are unique. Returns the stored record."""
    users.require(Action.EDIT_CUSTOMERS)
    validate_draft(draft)
    fields = _fields(draft)
    position = draft.route_position
    try:
        with transaction():
            if position is None:
                position = _next_position(draft.route_id)
            row = CustomerRow.create(**fields, route_position=position, created_at=clock.now())
    except pw.IntegrityError:
        check_code_free(draft.code.strip())  # another clerk added the code meanwhile
        raise
    return get_customer(row.id)


def update_customer(
    customer_id: CustomerId,
    draft: CustomerDraft,
    *,
    version: int | None = None,
    archived: bool | None = None,
) -> Customer:
    """Change a customer's details (the ledger itself is never changed this way), and
    archive or restore it when `archived` is given.

    `version` is the customer's version when the clerk started editing (`Customer.version`):
    if someone saved the customer since, nothing is written and `ChangedMeanwhile` names
    them and when. Without it the customer as it is now is changed.
    """
    users.require(Action.EDIT_CUSTOMERS)
    row = _row(customer_id)
    if (row.credit_limit, row.terms_kind, row.terms_days) != (
        draft.credit_limit,
        draft.terms.kind,
        draft.terms.days if draft.terms.kind is TermsKind.DAYS else 0,
    ):
        users.require(Action.CREDIT_TERMS)
    validate_draft(draft, customer_id)
    fields = _fields(draft)
    if fields["code"] == row.code:
        del fields["code_key"]  # an old near-duplicate keeps its (NULL) key
    if archived is not None:
        fields["archived"] = archived
    fields["route_id"], fields["rep_id"] = fields.pop("route"), fields.pop("rep")
    try:
        with transaction():
            if draft.route_position is not None:
                fields["route_position"] = draft.route_position
            elif draft.route_id != row.route_id:
                fields["route_position"] = _next_position(draft.route_id)
            _save_if_unchanged(customer_id, row.version if version is None else version, fields)
    except pw.IntegrityError:
        check_code_free(draft.code.strip(), customer_id)  # taken meanwhile by another clerk
        raise
    return get_customer(customer_id)


def _save_if_unchanged(customer_id: CustomerId, version: int, fields: dict) -> None:
    """One compare-and-set UPDATE (models/storage/edit_versions.py)."""
    fields = {k: v.value if isinstance(v, TermsKind) else v for k, v in fields.items()}
    code = fields.get("code") or _row(customer_id).code
    edit_versions.save_if_unchanged(
        database.obj,
        "customer",
        customer_id,
        version,
        fields,
        session.current_user(),
        _("Customer {code}").format(code=code),
    )


def set_archived(
    customer_id: CustomerId, archived: bool = True, *, version: int | None = None
) -> Customer:
    """Archive (hide from daily lists) or restore a customer. Their ledger stays.
    `version` as for `update_customer`."""
    row = _row(customer_id)
    users.require(Action.EDIT_CUSTOMERS)
    with transaction():
        _save_if_unchanged(
            customer_id, row.version if version is None else version, {"archived": archived}
        )
    return get_customer(customer_id)


def set_route_order(route_id: int, customer_ids: list[CustomerId]) -> None:
    """Put a route's customers in visit order (first in the list is visited first)."""
    users.require(Action.EDIT_CUSTOMERS)
    stamp = edit_versions.stamp(session.current_user())
    with transaction():
        for position, cid in enumerate(customer_ids, start=1):
            CustomerRow.update(route=route_id, route_position=position, **stamp).where(
                CustomerRow.id == cid
            ).execute()


def _row(customer_id: CustomerId) -> CustomerRow:
    row = CustomerRow.get_or_none(CustomerRow.id == customer_id)
    if row is None:
        raise NotFound(_("There is no customer number {id}.").format(id=customer_id))
    return row


_GET_SQL = (
    "SELECT c.id, c.code, c.name, c.contact, c.phones, c.address, c.payer, c.route_id, "
    "c.route_position, c.rep_id, c.terms_kind, c.terms_days, c.credit_limit, c.notes, "
    "c.archived, c.search_key, c.version, t.name, r.name FROM customer c "
    "LEFT JOIN route t ON t.id = c.route_id LEFT JOIN rep r ON r.id = c.rep_id WHERE c.id = ?"
)


def get_customer(customer_id: CustomerId) -> Customer:
    """One customer with route and rep names (hand-written SQL: read on every page)."""
    found = list(database.execute_sql(placeholders(_GET_SQL), (customer_id,)))
    if not found:
        raise NotFound(_("There is no customer number {id}.").format(id=customer_id))
    return _from_columns(found[0][:17], found[0][17] or "", found[0][18] or "")


def _from_columns(row: tuple, route_name: str, rep_name: str) -> Customer:
    """A record from the 17 columns of `_LIST_COLUMNS` / `_GET_SQL`, in that order.
    Positional, with shared `Terms`: the list builds 10,000 of these at a time."""
    (cid, code, name, contact, phones, address, payer, route_id, position, rep_id,
     kind, days, limit, notes, archived, key, version) = row  # fmt: skip
    return Customer(
        cid, code, name, contact, phones, address, payer, route_id, position, rep_id,
        stored_terms(kind, days),
        None if limit is None else int(limit), notes, bool(archived), route_name, rep_name, key,
        version,
    )  # fmt: skip


def customer_by_code(code: str) -> Customer:
    """The customer with this code; `NotFound` says so when there is none."""
    row = CustomerRow.get_or_none(CustomerRow.code == code.strip())
    if row is None:
        raise NotFound(_("There is no customer with code ‘{code}’.").format(code=code))
    return get_customer(row.id)


def list_customers(include_archived: bool = False) -> list[Customer]:
    """All customers ordered by code, with route and rep names filled in."""
    routes, reps = _names()
    query = CustomerRow.select(*_LIST_COLUMNS).order_by(CustomerRow.code)
    if not include_archived:
        query = query.where(CustomerRow.archived == False)  # noqa: E712
    # Rows straight from the cursor: the list is read whole, often, for 10,000 customers.
    with gc_paused():
        return [
            _from_columns(row, routes.get(row[7], ""), reps.get(row[9], ""))
            for row in database.execute_sql(*query.sql())
        ]


_LIST_COLUMNS = (
    CustomerRow.id,
    CustomerRow.code,
    CustomerRow.name,
    CustomerRow.contact,
    CustomerRow.phones,
    CustomerRow.address,
    CustomerRow.payer,
    CustomerRow.route,
    CustomerRow.route_position,
    CustomerRow.rep,
    CustomerRow.terms_kind,
    CustomerRow.terms_days,
    CustomerRow.credit_limit,
    CustomerRow.notes,
    CustomerRow.archived,
    CustomerRow.search_key,
    CustomerRow.version,
)


def route_customers(route_id: int) -> list[Customer]:
    """A route's active customers in visit order."""
    routes, reps = _names()
    query = (
        CustomerRow.select()
        .where((CustomerRow.route == route_id) & (CustomerRow.archived == False))  # noqa: E712
        .order_by(CustomerRow.route_position, CustomerRow.code)
    )
    return [to_record(r, routes.get(r.route_id, ""), reps.get(r.rep_id, "")) for r in query]


def parse_terms(text: str) -> Terms:
    """Terms as typed in an import or a form: a number of days (0 = cash on delivery),
    ``monthly``/``月结`` or ``next``/``压批``."""
    value = text.strip().lower()
    if value in ("", "0", "cash", "现款", "现结"):
        return Terms(TermsKind.CASH)
    if value in ("monthly", "月结"):
        return Terms(TermsKind.MONTHLY)
    if value in ("next", "压批", "压批结算"):
        return Terms(TermsKind.NEXT)
    digits = value.removesuffix("days").removesuffix("天").strip()
    if digits.isdigit() and 1 <= int(digits) <= MAX_TERMS_DAYS:
        return Terms(TermsKind.DAYS, int(digits))
    raise InputError(
        _(
            "‘{text}’ is not a credit term: type a number of days (0 for cash), "
            "monthly (月结) or next (压批)."
        ).format(text=text)
    )
