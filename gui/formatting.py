"""How values look on screen. The same formatter as the documents for money."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from models.vocabulary.money import Fen, format_money


def money(fen: Fen | None) -> str:
    return "" if fen is None else format_money(fen)


def balance(fen: Fen | None) -> str:
    """A balance: a negative one is money the customer paid ahead, so it reads
    "¥200.00 in credit" (预收 ¥200.00), never a bare minus sign."""
    if fen is None:
        return ""
    if fen < 0:
        return QCoreApplication.translate("formatting", "{amount} in credit").format(
            amount=format_money(-fen)
        )
    return format_money(fen)


def money_or_blank(fen: Fen) -> str:
    """Zero shows as blank in debit/credit columns so the eye finds the amounts."""
    return format_money(fen) if fen else ""


def date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def datetime(moment: dt.datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""
