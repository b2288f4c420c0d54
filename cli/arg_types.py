"""The values the command line accepts, checked as they are parsed: dates within the
ledger's dates, whole numbers and ranges, a packet's days, a paper size. A wrong one is
refused as a wrong argument (exit status 2) before any ledger is opened."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable

from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _
from models.vocabulary.parsing import parse_date


def date_arg(text: str) -> dt.date:
    """A date on the command line: strictly YYYY-MM-DD, within the dates an entry may
    have (1990-01-01 to a year after today): outside them a report has nothing to show,
    and the calendar's own ends (0001-01-01, 9999-12-31) overflowed the day arithmetic."""
    from models.ledger.posting import EARLIEST, FUTURE_DAYS
    from models.vocabulary import clock

    try:
        on = parse_date(text, strict=True)
    except InputError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    last = clock.today() + dt.timedelta(days=FUTURE_DAYS)
    if not EARLIEST <= on <= last:
        raise argparse.ArgumentTypeError(
            _("‘{text}’ is outside the ledger's dates: give a date from {first} to {last}.").format(
                text=text, first=EARLIEST.isoformat(), last=last.isoformat()
            )
        )
    return on


def month_arg(text: str) -> dt.date:
    """``--month``: strictly YYYY-MM, from 1990-01 to this month; the first day of it."""
    from models.ledger.posting import EARLIEST
    from models.vocabulary import clock

    try:
        year, month = text.strip().split("-")
        if len(year) != 4 or len(month) != 2:
            raise ValueError(text)
        first = dt.date(int(year), int(month), 1)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("‘{text}’ is not a month: write it as YYYY-MM, such as 2026-11.").format(text=text)
        ) from None
    today = clock.today()
    if not EARLIEST <= first <= today:
        raise argparse.ArgumentTypeError(
            _("‘{text}’ is outside the ledger's months: give one from {first} to {last}.").format(
                text=text, first=f"{EARLIEST:%Y-%m}", last=f"{today:%Y-%m}"
            )
        )
    return first


def weeks_arg(text: str) -> int:
    """``--weeks`` of a forecast: a whole number from 1 to 52."""
    return ranged_arg(1, 52)(text)


def count_arg(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("‘{text}’ is not a whole number.").format(text=text)
        ) from None


# A packet's statements cover at most ten years back (`--days`).
MAX_STATEMENT_DAYS = 3660


def days_arg(text: str) -> int:
    """``--days`` of a packet's statements: a whole number from 1 to `MAX_STATEMENT_DAYS`."""
    days = count_arg(text)
    if not 1 <= days <= MAX_STATEMENT_DAYS:
        raise argparse.ArgumentTypeError(
            _("‘{text}’ is not a number of days from 1 to {most:,}.").format(
                text=text, most=MAX_STATEMENT_DAYS
            )
        )
    return days


def ranged_arg(low: int, high: int) -> Callable[[str], int]:
    """A whole number from `low` to `high`, refused as a wrong argument before anything
    (a ledger file, say) is made."""

    def check(text: str) -> int:
        number = count_arg(text)
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(
                _("‘{text}’ is not a number from {low:,} to {high:,}.").format(
                    text=text, low=low, high=high
                )
            )
        return number

    return check


def paper_arg(text: str) -> str:
    """``--paper``: A4, A5 or Letter, in any case."""
    for name in ("A4", "A5", "Letter"):
        if text.strip().lower() == name.lower():
            return name
    raise argparse.ArgumentTypeError(
        _("‘{text}’ is not a paper size: use A4, A5 or Letter.").format(text=text)
    )
