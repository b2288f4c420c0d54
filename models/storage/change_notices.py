"""Telling an open window that another program changed the ledger, without a restart.

PostgreSQL: a statement-level trigger on each table a window shows runs
``pg_notify('qingkuan_<ledger id>', '<table>')``; a `ChangeWatcher` LISTENs on a
connection of its own, and its socket (`fileno`) says when to `poll`. Notices from this
process's own connection are left out (the window already knows what it wrote).
SQLite: ``PRAGMA data_version`` changes when another connection committed; polling it
on a timer costs a few microseconds.

No Qt here: gui/live_updates.py watches the socket or runs the timer and emits a signal.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Protocol

import peewee as pw

from models.storage.current_ledger import LEDGER_ID_KEY, opened
from models.storage.notify_triggers import CHANNEL_PREFIX
from models.storage.tables import database

log = logging.getLogger(__name__)

EVERYTHING = "*"  # a notice that does not say what changed (SQLite; after a reconnect)


class ChangeWatcher(Protocol):
    """Says what other programs changed in the open ledger since it was last asked."""

    def fileno(self) -> int | None:
        """A socket that becomes readable when a notice came (None: poll on a timer)."""

    def poll(self) -> frozenset[str]:
        """The tables others changed since the last poll (`EVERYTHING` when unknown);
        empty when nothing changed. Never raises for a lost connection."""

    def close(self) -> None: ...


def watch() -> ChangeWatcher:
    """A watcher for the ledger open now."""
    if isinstance(database.obj, pw.PostgresqlDatabase):
        return PostgresWatcher(opened.target)
    return SqliteWatcher()


class SqliteWatcher:
    """Polls ``PRAGMA data_version`` on the calling thread's connection: it changes only
    when another connection committed, so the window's own writes do not count."""

    def __init__(self) -> None:
        self._conn: object | None = None
        self._version = 0
        self.poll()

    def fileno(self) -> int | None:
        return None

    def poll(self) -> frozenset[str]:
        db = database.obj
        if db is None or db.is_closed():  # never reopen a ledger that was closed
            return frozenset()
        try:
            conn = db.connection()
            version = conn.execute("PRAGMA data_version").fetchone()[0]
        except Exception as err:  # noqa: BLE001 - a closed or vanished ledger: ask again later
            log.info("cannot read data_version: %s", err)
            return frozenset()
        seen_before = conn is self._conn
        changed = seen_before and version != self._version
        self._conn, self._version = conn, version
        return frozenset({EVERYTHING}) if changed else frozenset()

    def close(self) -> None:
        self._conn = None


class PostgresWatcher:
    """LISTENs on a connection of its own (autocommit: a notice arrives only between
    transactions); reconnects after the server went away, and then says EVERYTHING,
    since notices sent meanwhile are lost."""

    def __init__(self, target: str) -> None:
        self._target = target
        self._db: pw.PostgresqlDatabase | None = None
        self._channel = ""
        self._connect()

    def _connect(self) -> bool:
        from models.storage.connections import connect_postgres

        try:
            db = connect_postgres(self._target)
            conn = db.connection()
            conn.autocommit = True
            with conn.cursor() as cursor:
                cursor.execute("SELECT value FROM meta WHERE key = %s", (LEDGER_ID_KEY,))
                row = cursor.fetchone()
                self._channel = CHANNEL_PREFIX + (row[0] if row else "ledger")
                cursor.execute(f'LISTEN "{self._channel}"')
        except Exception as err:  # noqa: BLE001 - the window goes on; it retries on poll
            log.info("cannot listen for changes: %s", err)
            self._db = None
            return False
        self._db = db
        return True

    @property
    def channel(self) -> str:
        return self._channel

    def fileno(self) -> int | None:
        return self._db.connection().fileno() if self._db is not None else None

    def poll(self) -> frozenset[str]:
        if self._db is None:
            return frozenset({EVERYTHING}) if self._connect() else frozenset()
        conn = self._db.connection()
        try:
            conn.poll()
        except Exception as err:  # noqa: BLE001 - the server went away: reconnect later
            log.info("lost the connection that listens for changes: %s", err)
            self._drop()
            return frozenset()
        own = _own_backend_pid() if conn.notifies else None  # a round trip: only then
        found = {n.payload for n in conn.notifies if n.pid != own}
        conn.notifies.clear()
        return frozenset(found)

    def _drop(self) -> None:
        if self._db is not None:
            with contextlib.suppress(Exception):  # already broken
                self._db.close()
        self._db = None

    def close(self) -> None:
        self._drop()


def _own_backend_pid() -> int | None:
    """The server process of this thread's ledger connection (whose notices are ours).
    Asked of the server, not of libpq: through a connection pooler (PgBouncer, README)
    libpq knows the pooler's made-up process id, and notices carry the server's."""
    db = database.obj
    if not isinstance(db, pw.PostgresqlDatabase) or db.is_closed():
        return None
    try:
        return int(db.execute_sql("SELECT pg_backend_pid()").fetchone()[0])
    except Exception:  # noqa: BLE001
        return None
