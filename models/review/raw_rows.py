"""Values in the raw rows the review's SQL returns: a date as SQLite (ISO text) or
PostgreSQL (a date) gives it, and an entry's kind by its stored value."""

from __future__ import annotations

import datetime as dt

from models.vocabulary.entry_records import EntryKind

KINDS = {k.value: k for k in EntryKind}


def as_date(value: object) -> dt.date:
    """A date column's value (or a timestamp's day) as a `datetime.date`."""
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
