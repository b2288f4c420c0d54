"""Custom peewee fields: money in fen, enums stored as their text value."""

from __future__ import annotations

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

    def db_value(self, value: Any) -> Any:
        return None if value is None else self.enum(value).value

    def python_value(self, value: Any) -> Any:
        return None if value is None else self.enum(value)
