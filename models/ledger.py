"""Reading a customer's ledger: balances and pages of entries with running balance.

A customer may have 100,000 entries, so the ledger is read a page at a time; the
running balance of a page starts from one SUM over what comes before it. Voided
entries and their reversals are listed (the GUI strikes them out) but do not move the
running balance.
"""

from __future__ import annotations

import datetime as dt

from peewee import fn

from models import clock
from models.aging import balances_as_of
from models.posting import to_entry
from models.records import CustomerId, Entry, EntryKind, LedgerPage, LedgerRow, PaymentMethod
from models.tables import ChequeRow, EntryLineRow, EntryRow


def balance(customer_id: CustomerId, as_of: dt.date | None = None) -> int:
    """What the customer owes at the end of `as_of` (default today); negative: in credit."""
    return balances_as_of(as_of or clock.today(), customer_id).get(customer_id, 0)


def entry_count(customer_id: CustomerId) -> int:
    return EntryRow.select().where(EntryRow.customer == customer_id).count()


def _standing(rows: list[EntryRow], voided: set[int]) -> list[bool]:
    return [r.reverses_id is None and r.id not in voided for r in rows]


def _entries(rows: list[EntryRow], voided_rows: dict[int, EntryRow]) -> list[Entry]:
    instruments = [r.id for r in rows if r.method in (PaymentMethod.CHEQUE, PaymentMethod.DRAFT)]
    deliveries = [r.id for r in rows if r.kind is EntryKind.DELIVERY]
    cheques: dict[int, ChequeRow] = {}
    if instruments:
        cheques = {
            c.entry_id: c for c in ChequeRow.select().where(ChequeRow.entry.in_(instruments))
        }
    lines: dict[int, list[EntryLineRow]] = {}
    if deliveries:
        query = EntryLineRow.select().where(EntryLineRow.entry.in_(deliveries))
        for ln in query.order_by(EntryLineRow.id):
            lines.setdefault(ln.entry_id, []).append(ln)
    return [
        to_entry(r, voided_rows.get(r.id), cheques.get(r.id), lines.get(r.id, ())) for r in rows
    ]


def _reversals_of(ids: list[int]) -> dict[int, EntryRow]:
    return {r.reverses_id: r for r in EntryRow.select().where(EntryRow.reverses.in_(ids))}


def ledger_rows(
    customer_id: CustomerId, date_from: dt.date, date_to: dt.date
) -> tuple[int, list[LedgerRow]]:
    """(Opening balance, rows) for entries dated in [date_from, date_to], oldest first."""
    opening = balance(customer_id, date_from - dt.timedelta(days=1))
    rows = list(
        EntryRow.select()
        .where(
            (EntryRow.customer == customer_id)
            & (EntryRow.date >= date_from)
            & (EntryRow.date <= date_to)
        )
        .order_by(EntryRow.date, EntryRow.id)
    )
    # A reversal carries its original's date, so both lie in the same period.
    reversals = {r.reverses_id: r for r in rows if r.reverses_id is not None}
    return opening, _with_running(rows, opening, reversals)


def _with_running(
    rows: list[EntryRow], start: int, reversals: dict[int, EntryRow] | None = None
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
    order = (
        (EntryRow.date.desc(), EntryRow.id.desc()) if newest_first else (EntryRow.date, EntryRow.id)
    )
    rows = list(
        EntryRow.select()
        .where(EntryRow.customer == customer_id)
        .order_by(*order)
        .offset(offset)
        .limit(limit)
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
    """Each customer's latest standing payment date."""
    query = (
        EntryRow.select(EntryRow.customer, fn.MAX(EntryRow.date))
        .where((EntryRow.kind == EntryKind.PAYMENT) & _not_voided())
        .group_by(EntryRow.customer)
        .tuples()
    )
    return {cid: on if isinstance(on, dt.date) else dt.date.fromisoformat(on) for cid, on in query}
