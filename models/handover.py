"""The evening hand-over (交款): what each rep collected on a day, by method — cash to
count, cheques and drafts with their numbers, transfers — read from the entries posted,
so the figures always match the ledger."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.customers import list_customers
from models.people import list_reps, list_routes
from models.records import EntryKind, Fen, PaymentMethod, RouteId
from models.tables import ChequeRow, EntryRow


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
class Handover:
    day: dt.date
    route_name: str  # "" for every route
    payments: tuple[Collected, ...]  # by rep, method, customer
    tail_cuts: tuple[Collected, ...]

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
    payments, cuts = [], []
    for row in rows:
        c = customers[row.customer_id]
        route = routes.get(c.route_id) if c.route_id else None
        rep_id = route.rep_id if route and route.rep_id else c.rep_id
        cheque = cheques.get(row.id)
        item = Collected(
            rep_name=reps.get(rep_id, "") if rep_id else "",
            customer=f"{c.code} {c.name}",
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
    return Handover(day, route_name, tuple(payments), tuple(cuts))
