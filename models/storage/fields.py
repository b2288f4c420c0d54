"""Custom peewee fields: money in fen, enums stored as their text value."""

from __future__ import annotations

import datetime as dt
import functools
from enum import StrEnum
from typing import Any

import peewee as pw


class MoneyField(pw.BigIntegerField):
    """Integer fen. Refuses anything that is not an int (a float would lose fen)."""

    def db_value(self, value: Any) -> Any:
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise TypeError(f"money must be integer fen, got {type(value).__name__}")
        return value


class EnumField(pw.CharField):
    def __init__(self, enum: type[StrEnum], *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 20)
        super().__init__(*args, **kwargs)
        self.enum = enum
        self._members = {m.value: m for m in enum}

    def db_value(self, value: Any) -> Any:
        return None if value is None else self.enum(value).value

    def python_value(self, value: Any) -> Any:
        return None if value is None else self._members[value]


@functools.lru_cache(maxsize=8192)
def parse_iso_date(text: str) -> dt.date:
    return dt.date.fromisoformat(text[:10])


class DateField(pw.DateField):
    """A date; SQLite's ISO text is parsed with `fromisoformat` (peewee's generic
    parser tries several formats per value, which dominated reading a ledger page)."""

    def python_value(self, value: Any) -> Any:
        if isinstance(value, str):
            return parse_iso_date(value)
        return super().python_value(value)


class DateTimeField(pw.DateTimeField):
    """A local date and time, parsed like `DateField`."""

    def python_value(self, value: Any) -> Any:
        if isinstance(value, str):
            try:
                return dt.datetime.fromisoformat(value)
            except ValueError:
                pass  # not ISO: let peewee try its other formats
        return super().python_value(value)
