"""Writing the demo business: the rows the simulation produced, waiting in memory
(`Rows`), written in bulk inserts (SQLite or PostgreSQL) every `CHUNK` entries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from models.storage import chain
from models.storage.db import is_postgres
from models.storage.tables import ChequeRow, EntryRow, PromiseRow, VisitRow, database

CHUNK = 20_000


@dataclass
class Rows:
    """What the simulation produced and is not written yet (rows as tuples in the
    tables' column order), and the next entry and promise ids to give."""

    entries: list[tuple] = field(default_factory=list)
    cheques: list[tuple] = field(default_factory=list)
    promises: list[tuple] = field(default_factory=list)
    visits: list[tuple] = field(default_factory=list)
    cheque_entries: dict[int, tuple] = field(default_factory=dict)
    next_entry: int = 1
    next_promise: int = 1


# Entries are built in the order their links cover (models/storage/chain.py), then the reason kind.
_ENTRY_COLUMNS = [*chain.COLUMNS, "void_kind"]
_PROMISE_COLUMNS = [
    "id",
    "customer_id",
    "amount",
    "due_at",
    "start_on",
    "due_on",
    "method",
    "payer",
    "rep_id",
    "note",
    "created_at",
    "replaces_id",
    "cancelled_at",
    "prints",
    "after_entry_id",
]


def flush(rows: Rows, final: bool = False) -> None:
    """Write what the simulation produced so far; cheques go last, after all entries."""
    insert_rows(EntryRow, _ENTRY_COLUMNS, rows.entries)
    chain.extend(row[: len(chain.COLUMNS)] for row in rows.entries)
    rows.entries.clear()
    insert_rows(PromiseRow, _PROMISE_COLUMNS, rows.promises)
    rows.promises.clear()
    insert_rows(
        VisitRow,
        ["customer_id", "at", "rep_id", "outcome", "reason", "note", "created_at"],
        rows.visits,
    )
    rows.visits.clear()
    if final:
        insert_rows(
            ChequeRow,
            ["entry_id", "number", "bank", "written_on", "due_on", "status", "status_at"],
            rows.cheques,
        )


def _adapt(value: object) -> object:
    """SQLite stores dates and times as ISO text (as peewee does); PostgreSQL takes them as is."""
    if is_postgres():
        return value
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def insert_rows(table: type, columns: list[str], rows: list[tuple]) -> None:
    """Insert `rows` (tuples of `columns`) into `table` in bulk, ids included."""
    if not rows:
        return
    name = table._meta.table_name
    cursor = database.cursor()
    if is_postgres():
        from psycopg2.extras import execute_values

        execute_values(
            cursor, f"INSERT INTO {name} ({', '.join(columns)}) VALUES %s", rows, page_size=5000
        )
        if "id" in columns:
            database.execute_sql(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), (SELECT MAX(id) FROM {name}))"
            )
    else:
        marks = ", ".join("?" * len(columns))
        cursor.executemany(
            f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})",
            [tuple(_adapt(v) for v in row) for row in rows],
        )
