"""How values look on screen. The same formatter as the documents for money."""

from __future__ import annotations

import datetime as dt

from models.money import Fen, format_money


def money(fen: Fen | None) -> str:
    return "" if fen is None else format_money(fen)


def money_or_blank(fen: Fen) -> str:
    """Zero shows as blank in debit/credit columns so the eye finds the amounts."""
    return format_money(fen) if fen else ""


def date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def datetime(moment: dt.datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""
