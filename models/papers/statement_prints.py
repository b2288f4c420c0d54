"""What was printed for whom and when: the next statement's period starts the day
after the last one printed for that customer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from peewee import fn

from models.papers.statements import default_period
from models.storage import session
from models.storage.db import is_read_only, transaction
from models.storage.dialect import in_batches
from models.storage.tables import PrintRow
from models.vocabulary import clock
from models.vocabulary.customer_records import CustomerId


def record_printed(printed: Iterable[tuple[CustomerId, dt.date, dt.date]]) -> None:
    """Remember statements printed: (customer, period from, period to) each. A
    read-only ledger prints but cannot remember: the statement is printed all the same."""
    if is_read_only():
        return
    by = session.current_user()
    rows = [
        {
            "customer": cid,
            "period_from": start,
            "period_to": end,
            "printed_at": clock.now(),
            "entered_by": by,
        }
        for cid, start, end in printed
    ]
    if rows:
        with transaction():
            for start in range(0, len(rows), 200):
                PrintRow.insert_many(rows[start : start + 200]).execute()


def last_printed(customer_ids: Iterable[CustomerId]) -> dict[CustomerId, dt.date]:
    """The end of the latest period printed for each customer that has one."""
    ids = list(set(customer_ids))
    found: dict[CustomerId, dt.date] = {}
    for batch in in_batches(ids):
        query = (
            PrintRow.select(PrintRow.customer, fn.MAX(PrintRow.period_to))
            .where(PrintRow.customer.in_(batch))
            .group_by(PrintRow.customer)
            .tuples()
        )
        for cid, end in query:
            found[cid] = end if isinstance(end, dt.date) else dt.date.fromisoformat(str(end))
    return found


def next_period(
    as_of: dt.date, last: dt.date | None, days: int | None = None
) -> tuple[dt.date, dt.date]:
    """The statement period ending `as_of`: the last `days` days when given, else from
    the day after the last statement printed (`last`), else the usual 90 days. A last
    statement ending on or after `as_of` gives the usual window rather than nothing."""
    if days is not None:
        return as_of - dt.timedelta(days=max(days, 1) - 1), as_of
    if last is not None and last < as_of:
        return last + dt.timedelta(days=1), as_of
    return default_period(as_of)
