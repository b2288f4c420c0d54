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
import functools
import operator
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from peewee import fn

from models.ledger.settings import get_company
from models.storage.db import is_postgres, placeholders, read_snapshot
from models.storage.tables import BalanceRow, CustomerRow, RepRow, RouteRow, database
from models.storage.transactions import snapshot_memo
from models.vocabulary import clock
from models.vocabulary.aging_records import AgingReport, AgingRow, GroupAging, OpenItem
from models.vocabulary.customer_records import Customer, CustomerId, Terms, TermsKind, stored_terms
from models.vocabulary.entry_records import EntryKind
from models.vocabulary.errors import NotFound
from models.vocabulary.gc_pause import gc_paused
from models.vocabulary.i18n import _


@functools.lru_cache(maxsize=4096)
def _end_of_next_month(on: dt.date) -> dt.date:
    year, month = (on.year + 1, 1) if on.month == 12 else (on.year, on.month + 1)
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def due_date(
    on: dt.date, kind: EntryKind, terms: Terms, next_debit_on: dt.date | None
) -> dt.date | None:
    """When a debit falls due under `terms` (None: not due yet)."""
    if kind is EntryKind.OPENING or terms.kind is TermsKind.CASH:
        return on
    if terms.kind is TermsKind.DAYS:
        return on + dt.timedelta(days=terms.days)
    if terms.kind is TermsKind.MONTHLY:
        return _end_of_next_month(on)
    return next_debit_on  # TermsKind.NEXT


def age_debits(
    balance: int,
    debits_newest_first: Iterable[tuple[int, dt.date, int, EntryKind]],
    terms: Terms,
    as_of: dt.date,
    edges: tuple[int, ...],
) -> tuple[tuple[int, ...], int, int | None]:
    """Buckets, overdue and oldest open age in one pass over the debits, newest first.

    Stops as soon as the balance is covered; the oldest debit reached may be part
    paid. `age_all` runs this for every customer, so it builds no record per debit,
    and reckons "due before `as_of`" in whole days where the terms allow (a debit on
    N-day terms is overdue once its age passes N) rather than through `due_date`.
    """
    buckets = [0] * (len(edges) + 1)
    overdue, oldest, remaining = 0, None, balance
    newer_date: dt.date | None = None
    # Age past which a debit is overdue, when it depends on the age alone.
    late_after = 0 if terms.kind is TermsKind.CASH else terms.days
    by_age = terms.kind in (TermsKind.CASH, TermsKind.DAYS)
    for _id, on, delta, kind in debits_newest_first:
        if remaining <= 0:
            break
        part = delta if delta < remaining else remaining
        remaining -= part
        age = (as_of - on).days
        buckets[bisect_left(edges, age)] += part  # the number of edges the age is past
        if by_age:
            late = age > (0 if kind is EntryKind.OPENING else late_after)
        else:
            due = due_date(on, kind, terms, newer_date)
            late = due is not None and due < as_of
        if late:
            overdue += part
        oldest = age
        newer_date = on
    return tuple(buckets), overdue, oldest


# Hand-written: compiling the equivalent peewee queries cost more than running them,
# and a statement runs these once per customer.
_ONE_BALANCE_SQL = "SELECT customer_id, balance, last_date FROM balance_cache WHERE customer_id = ?"
_ONE_CUSTOMER_SQL = (
    "SELECT c.id, c.code, c.name, c.rep_id, c.route_id, c.terms_kind, c.terms_days, "
    "c.credit_limit, r.name, t.name FROM customer c "
    "LEFT JOIN rep r ON r.id = c.rep_id LEFT JOIN route t ON t.id = c.route_id WHERE c.id = ?"
)


def balances_as_of(as_of: dt.date, customer_id: CustomerId | None = None) -> dict[int, int]:
    """Balance per customer as of the end of `as_of` (customers with entries only).

    When no entry is dated after `as_of` (the usual case: today), the balances kept by
    the entry trigger are the answer; otherwise the entries are summed.
    """
    memo = snapshot_memo()
    if customer_id is not None and memo is not None:
        key = ("balance", as_of, customer_id)
        if key not in memo:
            memo[key] = _balances_as_of(as_of, customer_id)
        return memo[key]
    return _balances_as_of(as_of, customer_id)


def _balances_as_of(as_of: dt.date, customer_id: CustomerId | None) -> dict[int, int]:
    cache = BalanceRow.select(BalanceRow.customer, BalanceRow.balance, BalanceRow.last_date)
    if customer_id is not None:
        found = _cached_balance(customer_id)
        if not found:
            return {}
        _cid, total, last = found[0]
        if (last if isinstance(last, dt.date) else dt.date.fromisoformat(last)) <= as_of:
            return {customer_id: int(total)}
        # Entries after `as_of`: then the ledger's latest is too, and the sum is needed.
        return _summed(as_of, customer_id)
    latest = cache.select(fn.MAX(BalanceRow.last_date)).scalar()
    if latest is None:
        return {}
    if isinstance(latest, str):
        latest = dt.date.fromisoformat(latest)
    if latest <= as_of:
        cursor = database.execute_sql(*cache.select(BalanceRow.customer, BalanceRow.balance).sql())
        return {cid: int(total) for cid, total in cursor}
    return _summed(as_of, None)


def _cached_balance(customer_id: CustomerId) -> list[tuple]:
    """The customer's balance cache row (none: no entries yet), read once per read
    snapshot: a statement asks for the balances at two dates."""
    memo = snapshot_memo()
    key = ("balance row", customer_id)
    if memo is not None and key in memo:
        return memo[key]
    found = list(database.execute_sql(placeholders(_ONE_BALANCE_SQL), (customer_id,)))
    if memo is not None:
        memo[key] = found
    return found


def _summed(as_of: dt.date, customer_id: CustomerId | None) -> dict[int, int]:
    """Balances summed from the entries dated up to `as_of` (one customer's, or all)."""
    sql = "SELECT customer_id, SUM(delta) FROM entry WHERE date <= ?"
    params: list[object] = [as_of]
    if customer_id is not None:
        sql += " AND customer_id = ?"
        params.append(customer_id)
    sql += " GROUP BY customer_id"
    return {cid: int(total) for cid, total in database.execute_sql(placeholders(sql), params)}


def voided_ids(customer_id: CustomerId | None = None) -> set[int]:
    """Ids of entries that have been voided (their reversals point at them)."""
    memo = snapshot_memo()
    if customer_id is not None and memo is not None:
        key = ("voided", customer_id)
        if key not in memo:
            memo[key] = _voided_ids(customer_id)
        return memo[key]
    return _voided_ids(customer_id)


def _voided_ids(customer_id: CustomerId | None) -> set[int]:
    sql = "SELECT reverses_id FROM entry WHERE reverses_id IS NOT NULL"
    params: list[object] = []
    if customer_id is not None:
        sql += " AND customer_id = ?"
        params.append(customer_id)
    return {r[0] for r in database.execute_sql(placeholders(sql), params)}


_DEBITS_SQL = (
    "SELECT id, date, delta, kind FROM entry WHERE customer_id = ? AND date <= ? "
    "AND delta > 0 AND reverses_id IS NULL ORDER BY date DESC, id DESC"
)
_KINDS = {k.value: k for k in EntryKind}


@functools.lru_cache(maxsize=4096)
def _parse_date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _covering_debits(
    customer_id: int, as_of: dt.date, balance: int, voided: set[int]
) -> list[tuple[int, dt.date, int, EntryKind]]:
    """The standing debits newest first until `balance` is covered, for `open_debits` on
    SQLite (once per read snapshot). `voided` is read once for all customers: asking
    the reversals' index for each debit instead (as `_one_customers_debits` does for a
    single customer) cost Today's chasing 150 ms more at 10,000 customers."""
    memo = snapshot_memo()
    key = ("debits", customer_id, as_of, balance)
    if memo is not None and key in memo:
        return memo[key]
    found, remaining = [], balance
    for debit in _debits(customer_id, as_of, voided):
        if remaining <= 0:
            break
        found.append(debit)
        remaining -= debit[2]
    if memo is not None:
        memo[key] = found
    return found


def _debits(
    customer_id: int, as_of: dt.date, voided: set[int]
) -> Iterator[tuple[int, dt.date, int, EntryKind]]:
    """Standing debits newest first, read lazily (the caller stops once covered)."""
    if is_postgres():
        cursor = database.execute_sql(placeholders(_DEBITS_SQL), (customer_id, as_of))
    else:  # the raw cursor skips peewee's per-call overhead: this runs once per customer
        cursor = database.connection().execute(_DEBITS_SQL, (customer_id, as_of.isoformat()))
    for entry_id, on, delta, kind in cursor:
        if entry_id in voided:
            continue
        yield entry_id, (on if isinstance(on, dt.date) else _parse_date(on)), delta, _KINDS[kind]


@dataclass(frozen=True)
class _Names:
    reps: dict[int, str]
    routes: dict[int, str]


_CUSTOMER_COLUMNS = (
    CustomerRow.id,
    CustomerRow.code,
    CustomerRow.name,
    CustomerRow.rep,
    CustomerRow.route,
    CustomerRow.terms_kind,
    CustomerRow.terms_days,
    CustomerRow.credit_limit,
)


def _row(
    c: tuple,
    balance: int,
    as_of: dt.date,
    edges: tuple[int, ...],
    voided: set[int],
    names: _Names,
    prefetched: dict[int, list[tuple[int, dt.date, int, EntryKind]]] | None = None,
) -> AgingRow:
    """Aging row for one customer given as a tuple of `_CUSTOMER_COLUMNS`."""
    cid, code, name, rep_id, route_id, terms_kind, terms_days, credit_limit = c
    if credit_limit is not None:
        credit_limit = int(credit_limit)
    if balance > 0:
        terms = stored_terms(terms_kind, terms_days)
        debits = (
            prefetched.get(cid, [])
            if prefetched is not None
            else _debits(cid, as_of, voided)  # read lazily: age_debits stops once covered
        )
        buckets, overdue, oldest = age_debits(balance, debits, terms, as_of, edges)
    else:
        buckets, overdue, oldest = (0,) * (len(edges) + 1), 0, None
    return AgingRow(
        customer_id=cid,
        code=code,
        name=name,
        rep_name=names.reps.get(rep_id, ""),
        route_name=names.routes.get(route_id, ""),
        balance=balance,
        buckets=buckets,
        overdue=overdue,
        oldest_open_days=oldest,
        rep_id=rep_id,
        route_id=route_id,
        credit_limit=credit_limit,
        in_credit=min(balance, 0),
    )


def _names() -> _Names:
    return _Names(
        reps=dict(RepRow.select(RepRow.id, RepRow.name).tuples()),
        routes=dict(RouteRow.select(RouteRow.id, RouteRow.name).tuples()),
    )


def age_customer(
    customer_id: CustomerId,
    as_of: dt.date | None = None,
    edges: tuple[int, ...] | None = None,
    *,
    customer: Customer | None = None,
) -> AgingRow:
    """One customer's aging row as of a date (default today), with the company's bucket
    edges unless `edges` are given. `customer`: the customer, when already read."""
    as_of = as_of or clock.today()
    if customer is not None:
        c = _columns(customer)
        names = _Names(
            reps={customer.rep_id: customer.rep_name},
            routes={customer.route_id: customer.route_name},
        )
    else:
        found = list(database.execute_sql(placeholders(_ONE_CUSTOMER_SQL), (customer_id,)))
        if not found:
            raise NotFound(_("There is no customer number {id}.").format(id=customer_id))
        *columns, rep_name, route_name = found[0]
        c = tuple(columns)
        names = _Names(reps={c[3]: rep_name or ""}, routes={c[4]: route_name or ""})
    balance = balances_as_of(as_of, customer_id).get(customer_id, 0)
    edges = edges or get_company().aging_edges
    # Through the read snapshot's memo: a statement reads the same debits for its open items.
    debits = {customer_id: [d for d, _doc in _one_customers_debits(customer_id, as_of, balance)]}
    return _row(c, balance, as_of, edges, set(), names, debits)


# One customer's standing debits newest first, with their document numbers: a voided
# debit is left out by the reversals' index (no list of every voided id to read first).
_STANDING_DEBITS_SQL = (
    "SELECT e.id, e.date, e.delta, e.kind, e.doc_no FROM entry e "
    "WHERE e.customer_id = ? AND e.date <= ? AND e.delta > 0 AND e.reverses_id IS NULL "
    "AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses_id = e.id) "
    "ORDER BY e.date DESC, e.id DESC"
)


def _one_customers_debits(
    customer_id: int, as_of: dt.date, balance: int
) -> list[tuple[_Debit, str]]:
    """The customer's standing debits newest first until `balance` is covered, each with
    its document number: the aging row and a statement's open items both read them
    (once per read snapshot)."""
    memo = snapshot_memo()
    key = ("one customer's debits", customer_id, as_of, balance)
    if memo is not None and key in memo:
        return memo[key]
    found: list[tuple[_Debit, str]] = []
    remaining = balance
    if remaining > 0:
        if is_postgres():
            cursor = database.execute_sql(placeholders(_STANDING_DEBITS_SQL), (customer_id, as_of))
        else:  # read lazily: the walk stops once covered
            cursor = database.connection().execute(
                _STANDING_DEBITS_SQL, (customer_id, as_of.isoformat())
            )
        for entry_id, on, delta, kind, doc_no in cursor:
            if remaining <= 0:
                break
            on = on if isinstance(on, dt.date) else _parse_date(on)
            found.append(((entry_id, on, delta, _KINDS[kind]), doc_no or ""))
            remaining -= delta
    if memo is not None:
        memo[key] = found
    return found


def _columns(customer: Customer) -> tuple:
    """A customer record as the `_CUSTOMER_COLUMNS` tuple `_row` takes."""
    return (
        customer.id,
        customer.code,
        customer.name,
        customer.rep_id,
        customer.route_id,
        customer.terms.kind.value,
        customer.terms.days,
        customer.credit_limit,
    )


def age_all(
    as_of: dt.date | None = None,
    *,
    include_archived: bool = False,
    edges: tuple[int, ...] | None = None,
) -> AgingReport:
    """Every customer's aging row as of a date (default today), ordered by code, in the
    company's bucket edges unless `edges` are given."""
    query = CustomerRow.select(*_CUSTOMER_COLUMNS).order_by(CustomerRow.code)
    if not include_archived:
        query = query.where(CustomerRow.archived == False)  # noqa: E712
    # The raw cursor: peewee's per-value conversion is a third of the time here. One
    # snapshot: the export's balances and buckets agree while others post.
    with read_snapshot(), gc_paused():
        return _age(list(database.execute_sql(*query.sql())), as_of or clock.today(), edges)


def age_customers(customers: Iterable[Customer], as_of: dt.date | None = None) -> AgingReport:
    """Aging rows for customers already read (the customer list reads them anyway)."""
    return _age([_columns(c) for c in customers], as_of or clock.today())


def _age(
    customers: list[tuple], as_of: dt.date, edges: tuple[int, ...] | None = None
) -> AgingReport:
    edges = edges or get_company().aging_edges
    balances = balances_as_of(as_of)
    voided = voided_ids()
    names = _names()
    # On PostgreSQL one windowed query beats ten thousand round trips; SQLite runs
    # in-process, where a cheap indexed query per customer reads the fewest rows.
    prefetched = None
    if is_postgres():
        owed = {c[0]: balances[c[0]] for c in customers if balances.get(c[0], 0) > 0}
        prefetched = _open_debits_pg(as_of, owed, voided)
    rows = tuple(
        _row(c, balances.get(c[0], 0), as_of, edges, voided, names, prefetched) for c in customers
    )
    return AgingReport(as_of=as_of, edges=edges, rows=rows)


# Each owing customer's standing debits, newest first, until what they owe is covered:
# the newest `_PAGE` of every owing customer in one query, each read from the
# (customer, date, id) index; the few customers a page does not cover get the next,
# longer page in the next query. It reads about as many rows as it keeps, where a
# running total over every debit of the ledger read them all (560,000 to keep 46,000
# on the big ledger); a recursive query walking them in the server took twice as long.
# A customer's page comes as one row of arrays (ids, days, amounts, kinds), newest
# first as the index gives them: nothing is grouped or sorted here (rows of debits
# grouped and sorted per customer took 300 ms of the big ledger's aging, these 230).
_PAGE = 8  # most owing customers' open debits fit in one (4.8 on average)
_OPEN_DEBITS_PG = """
SELECT o.customer_id, d.ids, d.days, d.deltas, d.kinds
FROM unnest(%(ids)s::bigint[], %(dates)s::date[], %(after)s::bigint[])
     AS o (customer_id, before_date, before_id)
CROSS JOIN LATERAL (
    SELECT array_agg(e.id) AS ids, array_agg(e.date - DATE '2000-01-01') AS days,
           array_agg(e.delta) AS deltas, array_agg(e.kind) AS kinds
    FROM (SELECT e.id, e.date, e.delta, e.kind FROM entry e
          WHERE e.customer_id = o.customer_id AND e.date <= %(as_of)s AND e.delta > 0
            AND e.reverses_id IS NULL
            AND (o.before_id IS NULL OR (e.date, e.id) < (o.before_date, o.before_id))
            AND e.id <> ALL(%(voided)s::bigint[])
          ORDER BY e.date DESC, e.id DESC LIMIT %(page)s) e) d
WHERE d.ids IS NOT NULL
"""

_Debit = tuple[int, dt.date, int, EntryKind]
_NEWEST_FIRST = operator.itemgetter(1, 0)  # (id, days, ...): by day, then id
# Dates come as days since this one: an int is read much faster than a date, and a
# ledger holds a few hundred distinct days (70,000 dates took 30-50 ms to read).
_EPOCH = dt.date(2000, 1, 1)


@functools.lru_cache(maxsize=8192)
def _day(days: int) -> dt.date:
    return _EPOCH + dt.timedelta(days=days)


def _array(values: Iterable[object]) -> str:
    """Ids or dates as one array constant: psycopg2 sends a list as ARRAY[...] of
    thousands of expressions, which the server took 50 ms more to parse."""
    return "{" + ",".join(map(str, values)) + "}"


def _open_debits_pg(
    as_of: dt.date, owed: dict[int, int], voided: set[int]
) -> dict[int, list[_Debit]]:
    """The open debits (newest first) of every customer in `owed` (id → balance as of
    `as_of`, positive), for PostgreSQL: a query per page (usually one or two).
    `voided`: the voided entries' ids, already read (a hashed list beats looking each
    debit up in the reversals' index)."""
    result: dict[int, list[_Debit]] = {}
    remaining = dict(owed)
    # Read debits before (date, id): at first everything up to `as_of` (no bound: the
    # arrays of bounds are left out, NULL, and the unnest pads them with NULLs).
    ids: Iterable[int] = owed
    before: dict[int, tuple[dt.date, int]] | None = None
    page = _PAGE
    while ids:
        params = {
            "as_of": as_of,
            "ids": _array(ids),
            "dates": None if before is None else _array(b[0] for b in before.values()),
            "after": None if before is None else _array(b[1] for b in before.values()),
            "page": page,
            "voided": _array(sorted(voided)),
        }
        before = {}
        for cid, found, days, deltas, kinds in database.execute_sql(_OPEN_DEBITS_PG, params):
            kept, left = result.setdefault(cid, []), remaining[cid]
            page_rows = list(zip(found, days, deltas, kinds, strict=True))
            order = list(zip(days, found, strict=True))
            if order != sorted(order, reverse=True):  # as the index gives them, made sure
                page_rows.sort(key=_NEWEST_FIRST, reverse=True)
            for entry_id, day, delta, kind in page_rows:
                if left <= 0:
                    break
                kept.append((entry_id, _day(day), delta, _KINDS[kind]))
                left -= delta
            remaining[cid] = left
            if left > 0 and len(found) == page:  # not covered yet: there may be more
                oldest_id, oldest_day, *_rest = page_rows[-1]
                before[cid] = (_day(oldest_day), oldest_id)
        ids = before
        # Twice as long: of the 8,763 owing customers of the big ledger 1,267 owe more
        # than 8 debits, none more than 20; a page 8 times as long read 81,000 rows
        # to keep 13,000 (a second query of 40-60 ms instead of 15-20).
        page *= 2
    return {cid: kept for cid, kept in result.items() if kept}


def open_debits(as_of: dt.date, owed: dict[int, int], voided: set[int]) -> dict[int, list[_Debit]]:
    """The standing debits, newest first, that make up what each customer in `owed`
    (id -> balance as of `as_of`, positive) owes: on PostgreSQL in a query or two for
    all of them, on SQLite one indexed read per customer (in-process, cheap)."""
    if is_postgres():
        return _open_debits_pg(as_of, owed, voided)
    return {cid: _covering_debits(cid, as_of, owes, voided) for cid, owes in owed.items()}


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
            in_credit=sum(r.in_credit for r in rows),
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


def open_items(customer_id: CustomerId, as_of: dt.date, terms: Terms) -> list[OpenItem]:
    """The customer's open debits as of `as_of`, oldest first, with their due dates and
    days overdue (FIFO, as the aging reckons them): the list a statement prints."""
    balance = balances_as_of(as_of, customer_id).get(customer_id, 0)
    found: list[tuple[int, dt.date, int, int, EntryKind, dt.date | None, str]] = []
    remaining, newer = balance, None
    for (entry_id, on, delta, kind), doc_no in _one_customers_debits(customer_id, as_of, balance):
        if remaining <= 0:
            break
        part = min(delta, remaining)
        remaining -= part
        found.append((entry_id, on, delta, part, kind, due_date(on, kind, terms, newer), doc_no))
        newer = on
    return [
        OpenItem(
            entry_id=entry_id,
            date=on,
            kind=kind,
            doc_no=doc_no,
            amount=delta,
            open=part,
            due_on=due,
            days_overdue=(as_of - due).days if due is not None and due < as_of else 0,
        )
        for entry_id, on, delta, part, kind, due, doc_no in reversed(found)
    ]
