"""Reading a customer's ledger: balances and pages of entries with running balance.

A customer may have 100,000 entries, so the ledger is read a page at a time; the
running balance of a page starts from one SUM over what comes before it. Voided
entries and their reversals are listed (the GUI strikes them out) but do not move the
running balance.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from peewee import fn

from models.ledger.aging import balances_as_of
from models.ledger.entries import to_entry
from models.storage.db import is_postgres, placeholders
from models.storage.dialect import in_batches
from models.storage.fields import parse_iso_date
from models.storage.tables import BalanceRow, ChequeRow, EntryLineRow, EntryRow, database
from models.vocabulary import clock
from models.vocabulary.customer_records import CustomerId
from models.vocabulary.entry_records import Entry, EntryKind, LedgerPage, LedgerRow, PaymentMethod


def balance(customer_id: CustomerId, as_of: dt.date | None = None) -> int:
    """What the customer owes at the end of `as_of` (default today); negative: in credit."""
    return balances_as_of(as_of or clock.today(), customer_id).get(customer_id, 0)


def entry_count(customer_id: CustomerId) -> int:
    return EntryRow.select().where(EntryRow.customer == customer_id).count()


class _Raw(NamedTuple):
    """An entry row read without the ORM (reading a page is per-row cost bound)."""

    id: int
    customer_id: int
    date: dt.date
    kind: EntryKind
    amount: int
    delta: int
    doc_no: str
    memo: str
    method: PaymentMethod | None
    reverses_id: int | None
    void_reason: str
    entered_by: str
    created_at: dt.datetime
    void_kind: str
    has_lines: bool  # the entry has product lines (entry_line rows)


# Whether an entry has product lines comes with it (an index look-up each): most
# ledgers have none, and a statement no longer asks for lines that are not there.
_COLUMNS = (
    "id, customer_id, date, kind, amount, delta, doc_no, memo, method, reverses_id, "
    "void_reason, entered_by, created_at, void_kind, "
    "EXISTS (SELECT 1 FROM entry_line l WHERE l.entry_id = entry.id)"
)
_KINDS = {k.value: k for k in EntryKind}
_METHODS = {m.value: m for m in PaymentMethod}


def _read(where: str, params: tuple, order: str) -> list[_Raw]:
    """Entries matching a SQL condition (``?`` placeholders), decoded into `_Raw`."""
    sql = f"SELECT {_COLUMNS} FROM entry WHERE {where} ORDER BY {order}"
    sqlite = not is_postgres()
    if sqlite:
        cursor = database.connection().execute(sql, tuple(_iso(p) for p in params))
    else:
        cursor = database.execute_sql(placeholders(sql), params)
    rows = []
    for r in cursor:
        on, created = r[2], r[12]
        if sqlite:
            on, created = parse_iso_date(on), dt.datetime.fromisoformat(created)
        rows.append(
            _Raw(
                r[0],
                r[1],
                on,
                _KINDS[r[3]],
                r[4],
                r[5],
                r[6],
                r[7],
                _METHODS.get(r[8]) if r[8] else None,
                r[9],
                r[10],
                r[11],
                created,
                r[13],
                bool(r[14]),
            )
        )
    return rows


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def _standing(rows: list[_Raw], voided: set[int]) -> list[bool]:
    return [r.reverses_id is None and r.id not in voided for r in rows]


def _entries(rows: list[_Raw], voided_rows: dict[int, EntryRow]) -> list[Entry]:
    instruments = [
        i
        for r in rows
        if r.method in (PaymentMethod.CHEQUE, PaymentMethod.DRAFT)
        for i in (r.id, r.reverses_id)  # a reversal names the cheque it voided
        if i is not None
    ]
    deliveries = [r.id for r in rows if r.kind is EntryKind.DELIVERY and r.has_lines]
    cheques = {c.entry_id: c for c in _cheques(instruments)} if instruments else {}
    lines: dict[int, list[EntryLineRow]] = {}
    if deliveries:
        query = EntryLineRow.select().where(EntryLineRow.entry.in_(deliveries))
        for ln in query.order_by(EntryLineRow.id):
            lines.setdefault(ln.entry_id, []).append(ln)
    return [
        to_entry(
            r,
            voided_rows.get(r.id),
            cheques.get(r.id),
            lines.get(r.id, ()),
            cheques.get(r.reverses_id) if r.reverses_id else None,
        )
        for r in rows
    ]


def _cheques(entry_ids: list[int]) -> list[ChequeRow]:
    """The cheques and drafts of these entries, by hand-written SQL (a statement reads
    them every time; peewee's compiling cost more than the read), in batches (SQLite
    takes a bounded number of variables)."""
    found: list[ChequeRow] = []
    for batch in in_batches(entry_ids):
        sql = f"SELECT * FROM cheque WHERE entry_id IN ({', '.join('?' * len(batch))})"
        found.extend(ChequeRow.raw(placeholders(sql), *batch))
    return found


def _reversals_of(ids: list[int]) -> dict[int, EntryRow]:
    return {r.reverses_id: r for r in EntryRow.select().where(EntryRow.reverses.in_(ids))}


def ledger_rows(
    customer_id: CustomerId, date_from: dt.date, date_to: dt.date
) -> tuple[int, list[LedgerRow]]:
    """(Opening balance, rows) for entries dated in [date_from, date_to], oldest first."""
    rows = _read(
        "customer_id = ? AND date >= ? AND date <= ?",
        (customer_id, date_from, date_to),
        "date, id",
    )
    # What was owed before the period is what is owed at its end less what its entries
    # (voids and reversals among them, which cancel) changed: the closing balance comes
    # from the balance cache when nothing is dated later, where the opening one needed
    # the customer's entries summed.
    opening = balance(customer_id, date_to) - sum(r.delta for r in rows)
    # A reversal carries its original's date, so both lie in the same period.
    reversals = {r.reverses_id: r for r in rows if r.reverses_id is not None}
    return opening, _with_running(rows, opening, reversals)


def _with_running(
    rows: list[_Raw], start: int, reversals: dict[int, EntryRow] | None = None
) -> list[LedgerRow]:
    if reversals is None:
        reversals = _reversals_of([r.id for r in rows])
    standing = _standing(rows, set(reversals))
    result, running = [], start
    for entry, counts in zip(_entries(rows, reversals), standing, strict=True):
        if counts:
            running += entry.delta
        result.append(LedgerRow(entry, running))
    return result


def ledger_page(
    customer_id: CustomerId, offset: int = 0, limit: int = 200, *, newest_first: bool = True
) -> LedgerPage:
    """A page of the customer's ledger with running balances.

    With `newest_first`, offset 0 is the newest entry. Rows within the page come in the
    same order as the offset counts.
    """
    total = entry_count(customer_id)
    order = "date DESC, id DESC" if newest_first else "date, id"
    rows = _read(
        "customer_id = ?",
        (customer_id,),
        f"{order} LIMIT {int(limit)} OFFSET {int(offset)}",
    )
    if not rows:
        return LedgerPage((), total, offset)
    ascending = list(reversed(rows)) if newest_first else rows
    first = ascending[0]
    start = _standing_sum_before(customer_id, first.date, first.id)
    page = _with_running(ascending, start)
    if newest_first:
        page.reverse()
    return LedgerPage(tuple(page), total, offset)


def _not_voided():  # type: ignore[no-untyped-def]
    """Condition: a standing entry (neither a reversal nor voided)."""
    voided = EntryRow.select(EntryRow.reverses).where(EntryRow.reverses.is_null(False))
    return EntryRow.reverses.is_null() & EntryRow.id.not_in(voided)


def _standing_sum_before(customer_id: CustomerId, on: dt.date, entry_id: int) -> int:
    """Sum of standing deltas ordered before (on, entry_id)."""
    total = (
        EntryRow.select(fn.COALESCE(fn.SUM(EntryRow.delta), 0))
        .where(
            (EntryRow.customer == customer_id)
            & ((EntryRow.date < on) | ((EntryRow.date == on) & (EntryRow.id < entry_id)))
            & _not_voided()
        )
        .scalar()
    )
    return int(total or 0)


def last_payment_dates() -> dict[int, dt.date]:
    """Each customer's latest standing payment date (kept by the entry trigger)."""
    query = BalanceRow.select(BalanceRow.customer, BalanceRow.last_payment_on).where(
        BalanceRow.last_payment_on.is_null(False)
    )
    return {
        cid: on if isinstance(on, dt.date) else parse_iso_date(on)
        for cid, on in database.execute_sql(*query.sql())
    }


def last_payment_dates_from_entries() -> dict[int, dt.date]:
    """The same, summed from the entries themselves (for the integrity check)."""
    query = (
        EntryRow.select(EntryRow.customer, fn.MAX(EntryRow.date))
        .where((EntryRow.kind == EntryKind.PAYMENT) & _not_voided())
        .group_by(EntryRow.customer)
    )
    return {
        cid: on if isinstance(on, dt.date) else parse_iso_date(on)
        for cid, on in database.execute_sql(*query.sql())
    }
