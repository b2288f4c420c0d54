"""The trend of collections against deliveries: payments and deliveries per day, from the
daily totals the entry trigger keeps, summed over a month or the same days of an earlier
month (`Flow`), and the month arithmetic behind those periods."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from models.review.raw_rows import KINDS, as_date
from models.storage.db import placeholders
from models.storage.tables import database
from models.vocabulary.entry_records import EntryKind
from models.vocabulary.money import Fen


@dataclass(frozen=True)
class Flow:
    """Payments collected and goods delivered over the days `start`..`end`."""

    start: dt.date
    end: dt.date
    collected: Fen
    delivered: Fen


def first_of_month(day: dt.date, months_back: int = 0) -> dt.date:
    """The first day of `day`'s month, `months_back` months earlier."""
    index = day.year * 12 + day.month - 1 - months_back
    return dt.date(index // 12, index % 12 + 1, 1)


def same_day_in(month_start: dt.date, day: int) -> dt.date:
    """Day `day` of the month starting `month_start`, or its last day when shorter."""
    last = calendar.monthrange(month_start.year, month_start.month)[1]
    return month_start.replace(day=min(day, last))


def month_end(month_start: dt.date, as_of: dt.date) -> dt.date:
    """The last day of the month starting `month_start`, or `as_of` when earlier."""
    last = same_day_in(month_start, 31)
    return min(last, as_of)


def daily_flows(start: dt.date, end: dt.date) -> dict[tuple[dt.date, EntryKind], Fen]:
    """Payments and deliveries summed per day (voided pairs cancel), from the daily
    totals the entry trigger keeps."""
    sql = (
        "SELECT date, kind, total FROM daily_total WHERE date >= ? AND date <= ? AND kind IN (?, ?)"
    )
    params = (start, end, EntryKind.PAYMENT.value, EntryKind.DELIVERY.value)
    return {
        (as_date(on), KINDS[kind]): int(total)
        for on, kind, total in database.execute_sql(placeholders(sql), params)
    }


def flow_between(
    daily: Mapping[tuple[dt.date, EntryKind], Fen], start: dt.date, end: dt.date
) -> Flow:
    """What was collected and delivered over the days `start`..`end`, from `daily`."""
    collected = delivered = 0
    day = start
    while day <= end:
        collected -= daily.get((day, EntryKind.PAYMENT), 0)
        delivered += daily.get((day, EntryKind.DELIVERY), 0)
        day += dt.timedelta(days=1)
    return Flow(start, end, collected, delivered)
