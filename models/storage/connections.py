"""Connecting to a ledger: a SQLite file, checked before SQLite touches it (not some
other kind of file, not empty, not in a shared folder for writing, read-only when it
cannot be written), or a PostgreSQL server; each failure as a sentence the user can act
on. What the connection then finds inside is models/storage/db.py's to check.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from pathlib import Path

import peewee as pw

from models.storage import audit_trail, keychain, live_files, pg_failures, shared_folders
from models.storage.current_ledger import SQLITE_HEADER
from models.storage.targets import parse_postgres_url
from models.vocabulary.errors import LedgerFileError
from models.vocabulary.i18n import _


class TrackedSqliteDatabase(pw.SqliteDatabase):
    """peewee's SQLite database, knowing every thread's connection, so that closing the
    ledger closes the connections worker threads left open too."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        # Closed from the thread that closes the ledger, not only from their own.
        kwargs.setdefault("check_same_thread", False)
        super().__init__(*args, **kwargs)
        self._connections: dict[int, sqlite3.Connection] = {}
        self._connections_lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        conn = super()._connect()
        audit_trail.register_functions(conn)  # the audit triggers call them
        with self._connections_lock:
            self._connections[id(conn)] = conn
        return conn

    def _close(self, conn: sqlite3.Connection) -> None:
        with self._connections_lock:
            self._connections.pop(id(conn), None)
        conn.close()

    def open_connections(self) -> int:
        """How many connections (of any thread) are open."""
        with self._connections_lock:
            return len(self._connections)

    def close_idle_connections(self) -> int:
        """Close the connections outside a transaction (a worker that read and did not
        close); returns how many stay open because a transaction is under way."""
        with self._connections_lock:
            conns = list(self._connections.items())
        busy = 0
        for key, conn in conns:
            if conn.in_transaction:
                busy += 1
                continue
            with self._connections_lock:
                self._connections.pop(key, None)
            with contextlib.suppress(sqlite3.Error):
                conn.close()
        return busy


# A read-only connection: a trigger or view in the file may not call functions that are
# unsafe in a schema (models/storage/schema_audit.py compares the schema with the app's
# own). A writing connection trusts the schema: the audit triggers call the functions
# `audit_trail.register_functions` adds (Python's sqlite3 cannot mark them innocuous),
# none of which has a side effect, and a ledger holding a trigger Qingkuan did not make
# is opened read-only (models/storage/version_check.py) before any write could fire one.
_UNTRUSTED = {"trusted_schema": "off"}
_WRITING = {"trusted_schema": "on"}


def connect_sqlite(
    path: Path, *, create: bool, writing: bool = True, read_only: bool = False
) -> tuple[pw.SqliteDatabase, bool]:
    """The connection, and whether it is read-only (asked for, or the file or its folder
    cannot be written: a WAL ledger needs its folder for the -wal and -shm files). A
    ledger in a shared folder (models/storage/shared_folders.py) is refused for `writing`, else
    read-only."""
    shared = shared_folders.shared_place(path)
    if shared is not None and writing:
        raise shared_folders.refusal(path, shared)
    if read_only and not path.exists():
        raise LedgerFileError(_("There is no ledger at ‘{path}’.").format(path=path))
    if path.exists():
        if path.is_dir():
            raise LedgerFileError(_("‘{path}’ is a folder, not a ledger file.").format(path=path))
        _check_sqlite_header(path)
        if _is_empty(path) and not create:
            raise empty_file(path)
        writable = _writable(path) and _writable(path.parent)
        read_only = read_only or shared is not None or not writable
    elif not create:
        raise LedgerFileError(_("There is no ledger at ‘{path}’.").format(path=path))
    elif not path.parent.exists():
        raise LedgerFileError(
            _("The folder ‘{folder}’ does not exist: choose another place for the ledger.").format(
                folder=path.parent
            )
        )
    if read_only:
        if _is_empty(path):
            raise empty_file(path)
        if _wal_pending(path) and not _writable(path.parent):
            # SQLite needs a -shm file beside the ledger to read the -wal file.
            raise LedgerFileError(
                _(
                    "The last changes to ‘{path}’ are still in its -wal file, which cannot "
                    "be read in a read-only folder: copy both files to a folder you can "
                    "write to and open the copy."
                ).format(path=path)
            )
        db = TrackedSqliteDatabase(
            _read_only_uri(path), uri=True, timeout=5, autoconnect=True, pragmas=_UNTRUSTED
        )
    else:
        db = TrackedSqliteDatabase(
            str(path), lock_type="IMMEDIATE", timeout=5, autoconnect=True, pragmas=_WRITING
        )
    live_files.remember(path)  # from now on nothing else in this process opens it
    try:
        db.connect()
        live_files.remember(path)  # a file SQLite has just created
        # Probe before any pragma: a damaged or foreign file must stay as it is.
        db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except (pw.DatabaseError, sqlite3.DatabaseError) as err:
        db.close()
        raise _sqlite_open_error(path, err) from err
    return db, read_only


def _wal_pending(path: Path) -> bool:
    """Committed pages still in the -wal file (a copy taken while the ledger was open)."""
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0


def _is_empty(path: Path) -> bool:
    """A 0-byte file (a new ledger whose pages are all still in its -wal file is not)."""
    return path.stat().st_size == 0 and not _wal_pending(path)


def empty_file(path: Path) -> LedgerFileError:
    """The refusal of a 0-byte file: it is not a ledger (a new one is made only when asked)."""
    return LedgerFileError(
        _(
            "‘{path}’ is empty: it is not a Qingkuan ledger. Open your ledger file, or start "
            "a new ledger."
        ).format(path=path)
    )


def _read_only_uri(path: Path) -> str:
    """Read-only: `immutable` needs no -shm file (which a read-only folder or medium
    cannot hold) and leaves nothing behind; only a -wal file with committed pages still
    in it needs SQLite's ordinary read-only mode to be read."""
    pending = _wal_pending(path)
    return path.resolve().as_uri() + ("?mode=ro" if pending else "?mode=ro&immutable=1")


def _writable(path: Path) -> bool:
    if os.access in os.supports_effective_ids:
        return os.access(path, os.W_OK, effective_ids=True)
    return os.access(path, os.W_OK)


def _check_sqlite_header(path: Path) -> None:
    """Refuse a file that is not a SQLite database before SQLite touches it. A file
    this process has open through SQLite already is not opened again (that would drop
    the process's locks on it): SQLite's own probe judges it."""
    try:
        header = live_files.read_header(path)
    except live_files.OpenHere:
        return
    except PermissionError as err:
        raise LedgerFileError(
            _("You have no permission to read ‘{path}’.").format(path=path)
        ) from err
    if header and header != SQLITE_HEADER:
        raise LedgerFileError(
            _("‘{path}’ is not a Qingkuan ledger: it is some other kind of file.").format(path=path)
        )


def _sqlite_open_error(path: Path, err: Exception) -> LedgerFileError:
    text = str(err).lower()
    if "locked" in text or "busy" in text:
        msg = _("‘{path}’ is in use by another program: close it there and try again.")
    elif "readonly" in text or "read-only" in text or "unable to open" in text:
        msg = _("‘{path}’ cannot be opened for writing: check that the file is not read-only.")
    else:
        msg = _("‘{path}’ is damaged and cannot be read: open your latest backup instead.")
    return LedgerFileError(msg.format(path=path))


def connect_postgres(url: str) -> pw.PostgresqlDatabase:
    """Connect. The password: the URL's, else the one this computer's keychain keeps for
    that user, server and database (models/storage/keychain.py), else libpq's own
    PGPASSWORD, else ~/.pgpass (libpq's order). The keychain wins over PGPASSWORD: it
    was kept for exactly this ledger, while PGPASSWORD is one for every server.
    Every libpq option in the URL (``?sslmode=require&connect_timeout=5``...) goes to
    libpq as written: dropping them connected ``sslmode=require`` in plain text. Without
    a connect_timeout, 10 seconds (libpq's own default waits for ever).
    A failure raises `CannotConnect` (`PasswordNeeded` for the password) saying why and
    what to do (models/storage/pg_failures.py)."""
    parts = parse_postgres_url(url)
    password, source = parts.password, "address"
    if not password:
        password = keychain.saved_password(url)
        source = "keychain" if password else "libpq"
    options = dict(parts.options)
    options.setdefault("connect_timeout", str(pg_failures.DEFAULT_CONNECT_TIMEOUT))
    # No JIT compiling: the planner's guesses for the open-debits walk (a recursive
    # query) passed its threshold, and compiling took 380 ms of a 1 s aging; the
    # ledger's queries read thousands of rows, never the millions JIT pays off on.
    # Sent with the connection (no round trip); an address's own `options` come after.
    options["options"] = " ".join(("-c jit=off", options.get("options", ""))).strip()
    db = pw.PostgresqlDatabase(
        parts.dbname,
        user=parts.user,
        password=password or None,
        host=parts.host,
        port=parts.port,
        autoconnect=True,
        **options,
    )
    try:
        db.connect()
    except pw.OperationalError as err:
        db.close()
        raise pg_failures.connect_failure(err, url, password_source=source) from err
    return db
