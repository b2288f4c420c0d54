"""Aging (账龄): what is open, how old it is, and what is overdue, as of any date.

FIFO: payments, returns, discounts and write-offs settle the oldest open debits first.
So when a customer owes B, what stays open is exactly their *newest* debits adding up to
B; walking debits newest-first and stopping once B is covered finds them without reading
a customer's whole history. Voided entries and their reversals are left out (a reversal
has the same date and the opposite delta, so the pair also nets to zero in balances).

A debit's due date follows the customer's terms: cash on delivery → its own date;
N days → date + N; monthly (月结) → the last day of the month after delivery; pay the
previous batch on the next delivery (压批) → the date of the next delivery (not due while
it is the latest). Opening balances are due on their date. Overdue counts what is open
and past due (due date before the as-of date).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from models import clock
from models.records import (
    AgingReport,
    AgingRow,
    CustomerId,
    EntryKind,
    GroupAging,
    Terms,
    TermsKind,
)
from models.settings import get_company
from models.tables import CustomerRow, RepRow, RouteRow, database


@dataclass(frozen=True)
class OpenDebit:
    entry_id: int
    date: dt.date
    kind: EntryKind
    open_amount: int  # the part still unpaid (the oldest open debit may be part paid)
    due_on: dt.date | None


def due_date(
    on: dt.date, kind: EntryKind, terms: Terms, next_debit_on: dt.date | None
) -> dt.date | None:
    """When a debit falls due under `terms` (None: not due yet)."""
    if kind is EntryKind.OPENING or terms.kind is TermsKind.CASH:
        return on
    if terms.kind is TermsKind.DAYS:
        return on + dt.timedelta(days=terms.days)
    if terms.kind is TermsKind.MONTHLY:
        year, month = (on.year + 1, 1) if on.month == 12 else (on.year, on.month + 1)
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return next_debit_on  # TermsKind.NEXT


def open_debits(
    balance: int,
    debits_newest_first: Iterable[tuple[int, dt.date, int, EntryKind]],
    terms: Terms,
) -> list[OpenDebit]:
    """The debits left open by a FIFO balance, newest first.

    `debits_newest_first` yields (entry id, date, delta, kind) of non-voided debits; it
    is consumed only as far as needed to cover `balance`.
    """
    result: list[OpenDebit] = []
    remaining = balance
    newer_date: dt.date | None = None
    for entry_id, on, delta, kind in debits_newest_first:
        if remaining <= 0:
            break
        part = min(delta, remaining)
        result.append(OpenDebit(entry_id, on, kind, part, due_date(on, kind, terms, newer_date)))
        remaining -= part
        newer_date = on
    return result


def bucket_index(age_days: int, edges: tuple[int, ...]) -> int:
    for i, edge in enumerate(edges):
        if age_days <= edge:
            return i
    return len(edges)


def summarise(
    debits: list[OpenDebit], as_of: dt.date, edges: tuple[int, ...]
) -> tuple[tuple[int, ...], int, int | None]:
    """Buckets, overdue amount and age of the oldest open debit."""
    buckets = [0] * (len(edges) + 1)
    overdue = 0
    oldest: int | None = None
    for d in debits:
        age = (as_of - d.date).days
        buckets[bucket_index(age, edges)] += d.open_amount
        if d.due_on is not None and d.due_on < as_of:
            overdue += d.open_amount
        oldest = age if oldest is None else max(oldest, age)
    return tuple(buckets), overdue, oldest


def _sql(text: str) -> str:
    return text.replace("?", database.obj.param)


def balances_as_of(as_of: dt.date, customer_id: CustomerId | None = None) -> dict[int, int]:
    """Balance per customer as of the end of `as_of` (customers with entries only)."""
    sql = "SELECT customer_id, SUM(delta) FROM entry WHERE date <= ?"
    params: list[object] = [as_of]
    if customer_id is not None:
        sql += " AND customer_id = ?"
        params.append(customer_id)
    sql += " GROUP BY customer_id"
    return {cid: int(total) for cid, total in database.execute_sql(_sql(sql), params)}


def voided_ids(customer_id: CustomerId | None = None) -> set[int]:
    """Ids of entries that have been voided (their reversals point at them)."""
    sql = "SELECT reverses_id FROM entry WHERE reverses_id IS NOT NULL"
    params: list[object] = []
    if customer_id is not None:
        sql += " AND customer_id = ?"
        params.append(customer_id)
    return {r[0] for r in database.execute_sql(_sql(sql), params)}


_DEBITS_SQL = (
    "SELECT id, date, delta, kind FROM entry WHERE customer_id = ? AND date <= ? "
    "AND delta > 0 AND reverses_id IS NULL ORDER BY date DESC, id DESC"
)


def _debits(
    customer_id: int, as_of: dt.date, voided: set[int]
) -> Iterator[tuple[int, dt.date, int, EntryKind]]:
    cursor = database.execute_sql(_sql(_DEBITS_SQL), (customer_id, as_of))
    for entry_id, on, delta, kind in cursor:
        if entry_id in voided:
            continue
        if isinstance(on, str):
            on = dt.date.fromisoformat(on)
        yield entry_id, on, int(delta), EntryKind(kind)


def customer_open_debits(customer_id: CustomerId, as_of: dt.date | None = None) -> list[OpenDebit]:
    """One customer's open debits as of a date, newest first."""
    as_of = as_of or clock.today()
    row = CustomerRow.get_by_id(customer_id)
    balance = balances_as_of(as_of, customer_id).get(customer_id, 0)
    terms = Terms(row.terms_kind, row.terms_days)
    return open_debits(balance, _debits(customer_id, as_of, voided_ids(customer_id)), terms)


def _row(
    c: CustomerRow,
    balance: int,
    as_of: dt.date,
    edges: tuple[int, ...],
    voided: set[int],
    reps: dict[int, str],
    routes: dict[int, str],
) -> AgingRow:
    if balance > 0:
        terms = Terms(c.terms_kind, c.terms_days)
        debits = open_debits(balance, _debits(c.id, as_of, voided), terms)
        buckets, overdue, oldest = summarise(debits, as_of, edges)
    else:
        buckets, overdue, oldest = (0,) * (len(edges) + 1), 0, None
    return AgingRow(
        customer_id=c.id,
        code=c.code,
        name=c.name,
        rep_name=reps.get(c.rep_id, ""),
        route_name=routes.get(c.route_id, ""),
        balance=balance,
        buckets=buckets,
        overdue=overdue,
        oldest_open_days=oldest,
        rep_id=c.rep_id,
        route_id=c.route_id,
        credit_limit=c.credit_limit,
    )


def age_customer(customer_id: CustomerId, as_of: dt.date | None = None) -> AgingRow:
    """One customer's aging row as of a date (default today)."""
    as_of = as_of or clock.today()
    c = CustomerRow.get_by_id(customer_id)
    edges = get_company().aging_edges
    reps = {c.rep_id: c.rep.name} if c.rep_id else {}
    routes = {c.route_id: c.route.name} if c.route_id else {}
    balance = balances_as_of(as_of, customer_id).get(customer_id, 0)
    return _row(c, balance, as_of, edges, voided_ids(customer_id), reps, routes)


def age_all(as_of: dt.date | None = None, *, include_archived: bool = False) -> AgingReport:
    """Every customer's aging row as of a date (default today), ordered by code."""
    as_of = as_of or clock.today()
    edges = get_company().aging_edges
    balances = balances_as_of(as_of)
    voided = voided_ids()
    reps = dict(RepRow.select(RepRow.id, RepRow.name).tuples())
    routes = dict(RouteRow.select(RouteRow.id, RouteRow.name).tuples())
    query = CustomerRow.select(
        CustomerRow.id,
        CustomerRow.code,
        CustomerRow.name,
        CustomerRow.rep,
        CustomerRow.route,
        CustomerRow.terms_kind,
        CustomerRow.terms_days,
        CustomerRow.credit_limit,
    ).order_by(CustomerRow.code)
    if not include_archived:
        query = query.where(CustomerRow.archived == False)  # noqa: E712
    rows = tuple(_row(c, balances.get(c.id, 0), as_of, edges, voided, reps, routes) for c in query)
    return AgingReport(as_of=as_of, edges=edges, rows=rows)


def _group(report: AgingReport, key_of, name_of) -> list[GroupAging]:  # type: ignore[no-untyped-def]
    groups: dict[int | None, list[AgingRow]] = {}
    for row in report.rows:
        groups.setdefault(key_of(row), []).append(row)
    n = len(report.edges) + 1
    result = [
        GroupAging(
            key=key,
            name=name_of(rows[0]),
            customers=len(rows),
            balance=sum(r.balance for r in rows),
            buckets=tuple(sum(r.buckets[i] for r in rows) for i in range(n)),
            overdue=sum(r.overdue for r in rows),
        )
        for key, rows in groups.items()
    ]
    return sorted(result, key=lambda g: (-g.balance, g.name))


def aging_by_rep(report: AgingReport) -> list[GroupAging]:
    """The report's rows summed per rep, largest balance first."""
    return _group(report, lambda r: r.rep_id, lambda r: r.rep_name)


def aging_by_route(report: AgingReport) -> list[GroupAging]:
    """The report's rows summed per route, largest balance first."""
    return _group(report, lambda r: r.route_id, lambda r: r.route_name)
