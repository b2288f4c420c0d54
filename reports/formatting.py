"""How dates, times and amounts read on paper, in Chinese and English.

Locale-independent on purpose: ``strftime`` month names follow the operating system's
locale, and a Chinese Windows would print "12月" in an English document.
"""

from __future__ import annotations

import datetime as dt

from models.capitals import rmb_capitals
from models.money import Fen, format_money

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WEEKDAYS_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


def format_date(day: dt.date, lang: str) -> str:
    """``2026年12月14日`` in Chinese, ``14 Dec 2026`` in English."""
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def format_short_date(day: dt.date, lang: str) -> str:
    """A compact date for table columns: ``2026-12-14`` (same in both languages)."""
    return day.isoformat()


def format_datetime(moment: dt.datetime, lang: str) -> str:
    """``2026年12月14日 10:00`` / ``14 Dec 2026 10:00``."""
    return f"{format_date(moment.date(), lang)} {moment:%H:%M}"


def format_weekday(day: dt.date, lang: str) -> str:
    """``星期一`` / ``Mon``."""
    names = _WEEKDAYS_ZH if lang == "zh" else _WEEKDAYS_EN
    return names[day.weekday()]


def money(fen: Fen, symbol: str = "") -> str:
    """``1,234.50`` (``¥1,234.50`` with a symbol); negative amounts keep their minus sign."""
    return format_money(fen, symbol)


def capitals(fen: Fen) -> str:
    """The amount's size in Chinese capitals with the 人民币 prefix (sign dropped: the
    wording around it says who owes whom)."""
    return rmb_capitals(abs(fen), prefix=True)
