"""The evening hand-over (交款): what each rep collected on a day, by method — cash to
count, cheques and drafts with their numbers, transfers — read from the entries posted,
so the figures always match the ledger; and what else the day brought back: the
promises made that day (not cancelled) and the visits recorded for it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.ledger.customers import list_customers
from models.ledger.people import list_reps, list_routes
from models.storage.tables import ChequeRow, EntryRow, PromiseRow, VisitRow
from models.vocabulary.collecting_records import LateReason, VisitOutcome
from models.vocabulary.customer_records import RouteId
from models.vocabulary.entry_records import EntryKind, PaymentMethod
from models.vocabulary.money import Fen


@dataclass(frozen=True)
class Collected:
    """One payment (or tail cut) of the day."""

    rep_name: str
    customer: str  # "code name"
    method: PaymentMethod | None  # None: a tail cut
    amount: Fen
    cheque_no: str = ""
    bank: str = ""
    due_on: dt.date | None = None


@dataclass(frozen=True)
class PromiseMade:
    """A promise made on the day: who will pay how much by when."""

    rep_name: str
    customer: str  # "code name"
    amount: Fen
    due_at: dt.datetime
    method: PaymentMethod | None  # the form of payment expected, if agreed
    payer: str  # who pays if the boss is out


@dataclass(frozen=True)
class VisitMade:
    """A visit recorded for the day, with what came of it and why no money came."""

    rep_name: str
    customer: str  # "code name"
    at: dt.datetime
    outcome: VisitOutcome
    reason: LateReason | None
    note: str


@dataclass(frozen=True)
class Handover:
    day: dt.date
    route_name: str  # "" for every route
    payments: tuple[Collected, ...]  # by rep, method, customer
    tail_cuts: tuple[Collected, ...]
    promises: tuple[PromiseMade, ...] = ()  # by rep, customer
    visits: tuple[VisitMade, ...] = ()  # by rep, time, customer

    @property
    def total(self) -> Fen:
        return sum(p.amount for p in self.payments)

    def by_method(self, method: PaymentMethod) -> Fen:
        return sum(p.amount for p in self.payments if p.method is method)

    def per_rep_and_method(self) -> list[tuple[str, PaymentMethod, int, Fen]]:
        """(rep, method, how many, amount), in the order of `payments`."""
        sums: dict[tuple[str, PaymentMethod], list[int]] = {}
        for p in self.payments:
            assert p.method is not None
            entry = sums.setdefault((p.rep_name, p.method), [0, 0])
            entry[0] += 1
            entry[1] += p.amount
        return [(rep, method, n, amount) for (rep, method), (n, amount) in sums.items()]


def handover(day: dt.date, route_id: RouteId | None = None) -> Handover:
    """The day's standing payments and tail cuts (voided ones and their reversals left
    out), for one route's customers or for all. A payment counts for the rep of the
    customer's route, else the customer's own rep."""
    reps = {r.id: r.name for r in list_reps(include_inactive=True)}
    routes = {r.id: r for r in list_routes(include_inactive=True)}
    customers = {c.id: c for c in list_customers(include_archived=True)}
    voided = EntryRow.select(EntryRow.reverses).where(EntryRow.reverses.is_null(False))
    query = (
        EntryRow.select()
        .where(
            (EntryRow.date == day)
            & EntryRow.kind.in_((EntryKind.PAYMENT, EntryKind.DISCOUNT))
            & EntryRow.reverses.is_null()
            & EntryRow.id.not_in(voided)
        )
        .order_by(EntryRow.id)
    )
    if route_id is not None:
        on_route = [cid for cid, c in customers.items() if c.route_id == route_id]
        query = query.where(EntryRow.customer.in_(on_route))
    rows = list(query)
    cheques = {
        c.entry_id: c for c in ChequeRow.select().where(ChequeRow.entry.in_([r.id for r in rows]))
    }

    def rep_of(customer_id: int, own: int | None = None) -> str:
        """The rep who went: the one recorded, else the route's, else the customer's."""
        c = customers[customer_id]
        route = routes.get(c.route_id) if c.route_id else None
        rep_id = own or (route.rep_id if route and route.rep_id else c.rep_id)
        return reps.get(rep_id, "") if rep_id else ""

    def name_of(customer_id: int) -> str:
        c = customers[customer_id]
        return f"{c.code} {c.name}"

    payments, cuts = [], []
    for row in rows:
        cheque = cheques.get(row.id)
        item = Collected(
            rep_name=rep_of(row.customer_id),
            customer=name_of(row.customer_id),
            method=row.method if row.kind is EntryKind.PAYMENT else None,
            amount=row.amount,
            cheque_no=cheque.number if cheque else "",
            bank=cheque.bank if cheque else "",
            due_on=cheque.due_on if cheque else None,
        )
        (payments if row.kind is EntryKind.PAYMENT else cuts).append(item)
    order = list(PaymentMethod)
    payments.sort(key=lambda p: (p.rep_name, order.index(p.method), p.customer))  # type: ignore[arg-type]
    route_name = routes[route_id].name if route_id is not None and route_id in routes else ""
    made = PromiseRow.select().where(
        (PromiseRow.start_on == day) & PromiseRow.cancelled_at.is_null()
    )
    start = dt.datetime.combine(day, dt.time())
    seen = VisitRow.select().where(
        (VisitRow.at >= start) & (VisitRow.at < start + dt.timedelta(days=1))
    )
    if route_id is not None:
        made = made.where(PromiseRow.customer.in_(on_route))
        seen = seen.where(VisitRow.customer.in_(on_route))
    promises = sorted(
        (
            PromiseMade(
                rep_name=rep_of(p.customer_id, p.rep_id),
                customer=name_of(p.customer_id),
                amount=p.amount,
                due_at=p.due_at,
                method=p.method,
                payer=p.payer,
            )
            for p in made.order_by(PromiseRow.id)
        ),
        key=lambda p: (p.rep_name, p.customer),
    )
    visits = sorted(
        (
            VisitMade(
                rep_name=rep_of(v.customer_id, v.rep_id),
                customer=name_of(v.customer_id),
                at=v.at,
                outcome=v.outcome,
                reason=v.reason,
                note=v.note,
            )
            for v in seen.order_by(VisitRow.id)
        ),
        key=lambda v: (v.rep_name, v.at, v.customer),
    )
    return Handover(day, route_name, tuple(payments), tuple(cuts), tuple(promises), tuple(visits))
