"""Which SQL the open ledger's database speaks: SQLite's or PostgreSQL's.

The lowest of the modules that read the open ledger: hand-written SQL everywhere (the
hash chain included) asks here, and this module knows nothing of opening or checking.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

import peewee as pw

from models.storage.tables import database

T = TypeVar("T")

# Values per `IN (…)` list: SQLite refuses a statement with more variables than its
# limit (999 before 3.32, 32,766 after), and a list of ids can be longer than that (a
# shop with more open deliveries, every promise of a big route).
IN_LIST_SIZE = 500


def is_postgres() -> bool:
    """True when the open ledger is a PostgreSQL database (else a SQLite file)."""
    return isinstance(database.obj, pw.PostgresqlDatabase)


def placeholders(sql: str) -> str:
    """Hand-written SQL is written with ``?``; PostgreSQL's driver wants ``%s``."""
    return sql.replace("?", database.obj.param)


def in_batches(values: Sequence[T]) -> Iterator[Sequence[T]]:
    """`values` in slices of at most `IN_LIST_SIZE`, one `IN (…)` list each."""
    size = IN_LIST_SIZE  # read at call time: tests lower it
    for start in range(0, len(values), size):
        yield values[start : start + size]
