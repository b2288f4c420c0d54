"""The one place that says what 'today' and 'now' are, so tests can pin them."""

from __future__ import annotations

import datetime as dt

_pinned: dt.datetime | None = None


def now() -> dt.datetime:
    """Local time now, without microseconds, naive (the ledger stores local time)."""
    if _pinned is not None:
        return _pinned
    return dt.datetime.now().replace(microsecond=0)


def today() -> dt.date:
    return now().date()


def pin(moment: dt.datetime | dt.date | None) -> None:
    """Freeze the clock at `moment` (a date pins to 09:00 that day); None unpins."""
    global _pinned
    if isinstance(moment, dt.date) and not isinstance(moment, dt.datetime):
        moment = dt.datetime.combine(moment, dt.time(9, 0))
    _pinned = moment
