"""Which SQL the open ledger's database speaks: SQLite's or PostgreSQL's.

The lowest of the modules that read the open ledger: hand-written SQL everywhere (the
hash chain included) asks here, and this module knows nothing of opening or checking.
"""

from __future__ import annotations

import datetime as dt
import io
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


# COPY's text format: a backslash, tab, newline or carriage return in a value is escaped.
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def rows_after(query: str, after_id: int, page: int) -> Iterator[tuple]:
    """The rows of `query` (``… WHERE id > ? ORDER BY id``, its first column the id)
    from `after_id` on, `page` at a time, so a million rows never sit in memory at once."""
    paged = placeholders(f"{query} LIMIT {page}")
    while True:
        rows = database.execute_sql(paged, (after_id,)).fetchall()
        yield from rows
        if len(rows) < page:
            return
        after_id = rows[-1][0]


def _copy_text(value: object) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, str):
        return value.translate(_COPY_ESCAPES)
    if isinstance(value, dt.date):  # datetimes too: ISO text PostgreSQL reads back exactly
        return value.isoformat()
    return str(value)


def insert_rows(table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Insert many rows at once. PostgreSQL: one COPY (no SQL text per row to build on
    this side and parse on the server: an import of 100,000 entries spent a third of
    its time there), which fires the same triggers; SQLite: one prepared INSERT."""
    if not rows:
        return
    names = ", ".join(columns)
    cursor = database.cursor()
    if is_postgres():
        text = "".join("\t".join(map(_copy_text, row)) + "\n" for row in rows)
        cursor.copy_expert(f"COPY {table} ({names}) FROM STDIN", io.StringIO(text))
    else:
        marks = ", ".join("?" for _c in columns)
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
