"""How dates, times and amounts read on paper, in Chinese and English.

Locale-independent on purpose: ``strftime`` month names follow the operating system's
locale, and a Chinese Windows would print "12月" in an English document.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from models.vocabulary.capitals import rmb_capitals
from models.vocabulary.money import Fen, format_money

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


# Chinese counts large sums in 万 (10⁴) and 亿 (10⁸): "500万", not "5,000,000".
_ZH_UNITS = ((100_000_000, "亿"), (10_000, "万"))


def axis_ticks(top: int, most: int = 5) -> list[int]:
    """The values a chart's axis is marked at, 0 up to at least `top` (whole yuan), in at
    most `most` equal steps of 1, 2, 2.5 or 5 times a power of ten: ``[0, 2000, 4000,
    6000]`` for 5,300. The window and the paper mark the same values."""
    top = max(top, 1)
    power = 1
    while True:
        for mantissa in (10, 20, 25, 50):
            step = mantissa * power // 10
            if step and mantissa * power % 10 == 0 and -(-top // step) <= most:
                return [k * step for k in range(-(-top // step) + 1)]
        power *= 10


def axis_label(value: int, top: int, lang: str) -> str:
    """An axis mark in whole yuan. English: thousands separators, ``5,000,000``. Chinese:
    in 万 once the axis reaches 10万 (``500万``, ``2.5万``, ``0``; in 亿 from 10亿),
    otherwise ``8,000``: the same unit for every mark of one axis, chosen by its `top`."""
    if lang == "zh" and value:
        for unit, name in _ZH_UNITS:
            if top >= 10 * unit:
                if value % unit == 0:
                    return f"{value // unit:,}{name}"
                return f"{Decimal(value) / Decimal(unit):,f}{name}"
    return f"{value:,}"
