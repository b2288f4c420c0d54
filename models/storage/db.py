"""Opening, creating and migrating a ledger, on SQLite (a file) or PostgreSQL (a URL).

Opening never changes a file that is not a Qingkuan ledger, nor one written by a newer
version: both are refused with a message before any pragma or table touches it.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import sqlite3
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import peewee as pw

from models.storage import guards, live_files, shared_folders, storage_errors
from models.storage.tables import (
    ALL_TABLES,
    PARTIAL_INDEXES,
    BalanceRow,
    CallRow,
    ChequeStatusChangeRow,
    DailyTotalRow,
    EntryChainRow,
    EntryRow,
    ImportLayoutRow,
    LiveDocumentRow,
    Meta,
    PrintRow,
    PromiseRow,
    database,
)
from models.storage.targets import display_target, parse_postgres_url, remember_secret, scrub
from models.storage.targets import is_postgres_url as is_postgres_url
from models.vocabulary import clock
from models.vocabulary.errors import (
    ForeignSchema,
    LedgerError,
    LedgerFileError,
    LedgerNotWritable,
    PasswordNeeded,
)
from models.vocabulary.i18n import _
from models.vocabulary.program import program_name
from models.vocabulary.text_rules import code_key

if TYPE_CHECKING:
    from models.storage.schema_audit import Problem

APP_ID = "qingkuan"
SCHEMA_VERSION = 11
SQLITE_HEADER = b"SQLite format 3\x00"
LEDGER_ID_KEY = "ledger_id"  # a ledger's identity: copies and backups share it

# Indexes older versions made and a migration drops: not foreign in an older ledger.
RETIRED_INDEXES = (
    "entry_reverses_id",
    "entry_import_key",
    "promise_replaces_id",
    "entry_customer_id_date_delta_reverses_id",
)


# Forward migrations: MIGRATIONS[n] brings a ledger from version n to n + 1.
def _install_triggers(db: pw.Database) -> None:
    """(Re)create the triggers: immutability, no void of a reversal, the balance cache,
    live document numbers (models/storage/guards.py)."""
    guards.install(db)


def _v1_to_v2(db: pw.Database) -> None:
    """Version 2: the balance cache keeps each customer's latest payment, unique indexes
    on mostly-NULL columns are partial. Rebuilds the cache from the entries."""
    db.create_tables([BalanceRow], safe=True)
    if "last_payment_on" not in {c.name for c in db.get_columns("balance_cache")}:
        db.execute_sql("ALTER TABLE balance_cache ADD COLUMN last_payment_on DATE")
    for old in RETIRED_INDEXES[:3]:
        db.execute_sql(f"DROP INDEX IF EXISTS {old}")
    for sql in PARTIAL_INDEXES:
        db.execute_sql(sql)
    db.execute_sql("DELETE FROM balance_cache")
    db.execute_sql(
        "INSERT INTO balance_cache (customer_id, balance, last_date) "
        "SELECT customer_id, SUM(delta), MAX(date) FROM entry GROUP BY customer_id"
    )
    db.execute_sql(
        "UPDATE balance_cache SET last_payment_on = (SELECT MAX(p.date) FROM entry p "
        "WHERE p.customer_id = balance_cache.customer_id AND p.kind = 'payment' "
        "AND p.reverses_id IS NULL AND p.id NOT IN "
        "(SELECT reverses_id FROM entry WHERE reverses_id IS NOT NULL))"
    )
    _install_triggers(db)


def _v2_to_v3(db: pw.Database) -> None:
    """Version 3: a promise remembers the last entry before it, so money keyed earlier
    on the day it was made does not count toward it. Existing promises keep counting
    their whole first day, as before."""
    if "after_entry_id" not in {c.name for c in db.get_columns("promise")}:
        db.execute_sql("ALTER TABLE promise ADD COLUMN after_entry_id BIGINT NOT NULL DEFAULT 0")


def _add_customer_code_keys(db: pw.Database) -> None:
    """Customer codes get a unique normalised key (case and width folded), so that
    c0001 cannot be added beside C0001, not even by two clerks at once. A near-duplicate
    already in the ledger keeps a NULL key (it stays as it is; a new one is refused)."""
    if "code_key" not in {c.name for c in db.get_columns("customer")}:
        db.execute_sql("ALTER TABLE customer ADD COLUMN code_key TEXT")
    taken = {k for (k,) in db.execute_sql("SELECT code_key FROM customer") if k is not None}
    rows = db.execute_sql("SELECT id, code FROM customer WHERE code_key IS NULL ORDER BY id")
    for customer_id, code in list(rows):
        key = code_key(code)
        if key not in taken:
            taken.add(key)
            db.execute_sql(
                f"UPDATE customer SET code_key = {db.param} WHERE id = {db.param}",
                (key, customer_id),
            )
    db.execute_sql("CREATE UNIQUE INDEX IF NOT EXISTS customer_code_key ON customer (code_key)")


# Bounce reasons Qingkuan wrote before it stored their kind, in either language.
_OLD_BOUNCE = re.compile(
    r"^(?:支票 (?P<zh>.+?) 跳票(?:：(?P<zr>.*))?|Cheque (?P<en>.+?) bounced(?:: (?P<er>.*))?)$",
    re.S,
)


def store_reason_kinds(db: pw.Database) -> None:
    """Version 5 (before the hash chain, which covers void reasons): a void reason Qingkuan wrote keeps its kind, not a finished sentence in
    the screen's language, so each document prints it in its own language; what the
    user typed stays as typed. Old bounce sentences become kind "bounced" with the typed
    part as the reason. Also: statement numbers, issued by the database."""
    from models.storage.tables import StatementNoRow

    if "void_kind" not in {c.name for c in db.get_columns("entry")}:
        db.execute_sql("ALTER TABLE entry ADD COLUMN void_kind VARCHAR(20) NOT NULL DEFAULT ''")
    db.create_tables([StatementNoRow], safe=True)
    found = db.execute_sql(
        "SELECT id, void_reason FROM entry WHERE reverses_id IS NOT NULL AND void_kind = '' "
        "AND (void_reason LIKE ? OR void_reason LIKE ?)".replace("?", db.param),
        ("Cheque %", "支票 %"),
    ).fetchall()
    changes = []
    for entry_id, reason in found:
        match = _OLD_BOUNCE.match(reason)
        if match:
            changes.append(((match["zr"] or match["er"] or "").strip(), entry_id))
    if not changes:
        return
    # Entries are immutable to everyone else: the trigger steps aside for this one update.
    pg = isinstance(db, pw.PostgresqlDatabase)
    if pg:
        db.execute_sql("ALTER TABLE entry DISABLE TRIGGER entry_immutable")
    else:
        db.execute_sql("DROP TRIGGER IF EXISTS entry_no_update")
    for typed, entry_id in changes:
        db.execute_sql(
            "UPDATE entry SET void_kind = 'bounced', void_reason = ? WHERE id = ?".replace(
                "?", db.param
            ),
            (typed, entry_id),
        )
    if pg:
        db.execute_sql("ALTER TABLE entry ENABLE TRIGGER entry_immutable")
    else:
        _install_triggers(db)


def add_live_documents_and_chain(db: pw.Database) -> None:
    """Version 6: the database itself refuses a second live copy of a document number
    (table live_document, kept by a trigger), and every entry gets its link in the hash
    chain (models/storage/chain.py). Duplicates an older ledger already holds stay as they were
    (the first keeps the number) for `check` to report: refusing to open would help nobody.
    """
    from models.storage import chain

    db.create_tables([LiveDocumentRow, EntryChainRow], safe=True)
    ignore = "" if isinstance(db, pw.PostgresqlDatabase) else " OR IGNORE"
    conflict = " ON CONFLICT DO NOTHING" if isinstance(db, pw.PostgresqlDatabase) else ""
    db.execute_sql(
        f"INSERT{ignore} INTO live_document (customer_id, kind, doc_no, entry_id) "
        "SELECT e.customer_id, e.kind, e.doc_no, e.id FROM entry e "
        "WHERE e.doc_no <> '' AND e.kind IN ('delivery', 'return') AND e.reverses_id IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses_id = e.id) "
        f"ORDER BY e.id{conflict}"
    )
    chain.chain_existing(db)


def _add_daily_totals(db: pw.Database) -> None:
    """Version 7: the daily totals per kind (`DailyTotalRow`), built from the entries, and the
    trigger that keeps them. Safe to run again: the totals are rebuilt."""
    db.create_tables([DailyTotalRow], safe=True)
    db.execute_sql("DELETE FROM daily_total")
    db.execute_sql(
        "INSERT INTO daily_total (date, kind, total) "
        "SELECT date, kind, SUM(delta) FROM entry GROUP BY date, kind"
    )
    _install_triggers(db)


def _add_route_day_tables(db: pw.Database) -> None:
    """Version 8: route days: a route can be deactivated, calls about promises are answered,
    printed statements are remembered (the next one starts where the last ended), and
    the day's collections are read from an index on (kind, date)."""
    if "active" not in {c.name for c in db.get_columns("route")}:
        db.execute_sql("ALTER TABLE route ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE")
    db.create_tables([CallRow, PrintRow], safe=True)
    db.execute_sql("CREATE INDEX IF NOT EXISTS entry_kind_date_delta ON entry (kind, date, delta)")


def _add_cheque_status_history(db: pw.Database) -> None:
    """Version 9: a cheque keeps the history of its status (who, when, from → to), so a status set
    by mistake can be set back without losing what happened. The table only grows: the
    database refuses to change or delete its rows (guards in models/storage/guards.py), and refuses
    moves that are not allowed."""
    create_tables(db, [ChequeStatusChangeRow])
    db.execute_sql(
        "CREATE INDEX IF NOT EXISTS cheque_status_change_entry ON cheque_status_change (entry_id)"
    )
    _install_triggers(db)


def _add_reading_indexes(db: pw.Database) -> None:
    """Version 10: indexes that let the big readers stop early. The (customer, date, …)
    index on entries also holds id and kind, so aging reads a customer's debits newest
    first from the index alone and stops once the balance is covered (it sorted and
    looked up every row before); promises get (customer, created_at), so "did the
    customer promise again since?" is one seek. Safe to run again."""
    db.execute_sql(f"DROP INDEX IF EXISTS {RETIRED_INDEXES[3]}")
    db.create_tables([EntryRow, PromiseRow], safe=True)  # the indexes they declare, if missing
    # Statistics for the new indexes now: without them the planner chose worse plans
    # until the next close, and the first review after the upgrade took 2.7 s, not 0.8.
    if isinstance(db, pw.SqliteDatabase):
        db.execute_sql("PRAGMA analysis_limit = 400")
    db.execute_sql("ANALYZE entry")
    db.execute_sql("ANALYZE promise")


def _add_import_layouts(db: pw.Database) -> None:
    """Version 11: named import layouts (models/exchange/import_layouts.py) live in the ledger, so
    every PC of the office imports the invoicing program's export the same way."""
    create_tables(db, [ImportLayoutRow])


MIGRATIONS: dict[int, Callable[[pw.Database], None]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _add_customer_code_keys,
    4: store_reason_kinds,
    5: add_live_documents_and_chain,
    6: _add_daily_totals,
    7: _add_route_day_tables,
    8: _add_cheque_status_history,
    9: _add_reading_indexes,
    10: _add_import_layouts,
}


class LedgerBusy(LedgerError):
    """Other processes kept the ledger locked longer than a write is willing to wait."""


def is_postgres() -> bool:
    return isinstance(database.obj, pw.PostgresqlDatabase)


def open_ledger(
    target: str | Path,
    *,
    create: bool = True,
    upgrade: bool = True,
    inspect: bool = False,
    backup_view: bool = False,
) -> None:
    """Open (and if needed create) the ledger at a file path or a ``postgresql://`` URL.
    `backup_view` opens a backup file read-only, as a view that nothing changes.

    Raises `LedgerFileError` when it is not a ledger, is newer than this program, is
    locked or damaged, or cannot be reached; `ForeignSchema` when it holds triggers,
    views, tables … Qingkuan did not make (models/storage/schema_audit.py). With `inspect`
    (``check``) such a ledger opens read-only instead, and a damaged schema opens for
    `check` to report. Any previously open ledger is closed.
    `upgrade=False` is for callers that only read (today, print, export, check): an
    empty PostgreSQL database is not set up as a ledger and an older ledger is not
    upgraded; both are refused, saying what to do, the database left as it was.
    """
    global _opened, _read_only, _inspect, _prepared
    close_ledger()
    _inspect = inspect
    read_only = False
    if is_postgres_url(target):
        remember_secret(str(target))
        db = _connect_postgres(str(target))
    else:
        db, read_only = _connect_sqlite(
            Path(target),
            create=create,
            writing=(create or upgrade) and not backup_view,
            read_only=backup_view,
        )
    database.initialize(db)
    _opened = str(target)
    _read_only = _BACKUP if backup_view else (_FILE if read_only else None)
    try:
        _check_and_prepare(db, create=create, upgrade=upgrade)
    except BaseException:
        close_ledger()
        raise
    _prepared = True
    _note_chain_anchor()


def _note_chain_anchor() -> None:
    """This computer remembers where the chain stood (models/storage/chain_anchors.py)."""
    from models.storage import chain_anchors

    chain_anchors.note_seen()


# What is open: the target as given (a URL may hold a password: shown only through
# `display_target`), and why it cannot be written, if it cannot.
_opened = ""
_FILE, _ROLE, _FOREIGN, _BACKUP = "file", "role", "foreign", "backup"
_read_only: str | None = None
_prepared = False  # opened and checked: where its chain stands is worth remembering
_inspect = False  # opened by `check`: foreign or damaged schemas open, read-only


def is_read_only() -> bool:
    """True when the open ledger can be read but not written (a read-only file or
    medium, or a PostgreSQL role allowed only to read)."""
    return _read_only is not None


def read_only_refusal() -> LedgerError:
    """The sentence a write gets on a read-only ledger (also the window's banner)."""
    if _read_only == _ROLE:
        return storage_errors.no_permission_to_change(display_target(_opened), _pg_user())
    if _read_only == _FOREIGN:
        return LedgerNotWritable(str(_foreign_refusal(_foreign)))
    if _read_only == _BACKUP:
        return storage_errors.backup_view(display_target(_opened))
    return storage_errors.read_only(display_target(_opened))


def _pg_user() -> str:
    db = database.obj
    params = getattr(db, "connect_params", {}) if db is not None else {}
    return str(params.get("user") or os.environ.get("PGUSER") or "")


def close_ledger() -> None:
    """Close the ledger: the calling thread's connection, and every connection other
    threads left open outside a transaction (peewee keeps one per thread; a worker
    still inside a transaction closes its own when it ends)."""
    global _opened, _read_only, _prepared
    db = database.obj
    if db is not None and not db.is_closed():
        if _prepared and db.transaction_depth() == 0:  # never what may yet roll back
            _note_chain_anchor()
        if isinstance(db, pw.SqliteDatabase) and _read_only is None:
            # Keeps the planner's statistics fresh as the ledger grows; a read-only or
            # damaged file has nothing to optimise. The analysis limit samples instead
            # of reading whole tables: without it, closing a 1,000,000-entry ledger
            # spent half a second re-reading `entry` on every command (SQLite's advice
            # for PRAGMA optimize on close).
            with contextlib.suppress(pw.DatabaseError):
                db.execute_sql("PRAGMA analysis_limit = 400")
                db.execute_sql("PRAGMA optimize")
        db.close()
    if isinstance(db, TrackedSqliteDatabase) and db.close_idle_connections():
        _retired.append(db)  # its workers close their connections when done
    database.initialize(None)
    _opened, _read_only, _prepared = "", None, False


def close_thread_connection() -> None:
    """Close the calling thread's own connection (a worker thread's, when it is done),
    also one to a ledger closed or opened again while the worker was reading."""
    db = database.obj
    if db is not None and not db.is_closed():
        db.close()
    for old in list(_retired):
        if not old.is_closed() and not old.in_transaction():
            old.close()
        if old.open_connections() == 0:
            with contextlib.suppress(ValueError):
                _retired.remove(old)


# Ledgers closed while a worker thread was inside a transaction on them.
_retired: list[TrackedSqliteDatabase] = []


def placeholders(sql: str) -> str:
    """Hand-written SQL is written with ``?``; PostgreSQL's driver wants ``%s``."""
    return sql.replace("?", database.obj.param)


def current_target() -> str:
    """The open ledger's path or URL, as given (may hold a password: never show it;
    `models.storage.targets.display_target` makes it presentable)."""
    return _opened if database.obj is not None else ""


def schema_version() -> int:
    """The open ledger's schema version (shown in Help → About)."""
    value = _meta("schema_version")
    return int(value) if value and value.isdigit() else 0


# How long a write waits in all for a ledger another process is writing, beyond
# SQLite's own busy timeout, before the clerk is told; the waits double each time.
BUSY_RETRY_SECONDS = 30.0
_FIRST_WAIT = 0.02


@contextmanager
def transaction() -> Iterator[None]:
    """One write = one transaction (BEGIN IMMEDIATE on SQLite, set on the connection).

    Starting the outermost one waits for a ledger that other processes are writing,
    retrying with backoff (bounded), so "database is locked" never reaches a caller.
    A write the ledger cannot take (read-only, no permission, disk full) raises
    `LedgerNotWritable` with a sentence; nothing was written.
    """
    if _read_only is not None:
        raise read_only_refusal()
    try:
        if database.transaction_depth():
            with database.atomic():  # a savepoint inside the caller's transaction
                yield
            return
        ctx = _begin_waiting()
        try:
            yield
        except BaseException:
            if not ctx.__exit__(*sys.exc_info()):
                raise
        else:
            ctx.__exit__(None, None, None)
    except pw.DatabaseError as err:
        refusal = storage_errors.write_refusal(err, display_target(_opened), _pg_user())
        if refusal is None:
            raise
        raise refusal from err


def _begin_waiting() -> pw._atomic:
    """An entered outermost transaction, after waiting (bounded) for a busy ledger."""
    deadline = time.monotonic() + BUSY_RETRY_SECONDS
    wait = _FIRST_WAIT
    while True:
        ctx = database.atomic()  # a fresh one each time: a failed BEGIN leaves nothing
        try:
            ctx.__enter__()
            return ctx
        except pw.OperationalError as err:
            if not _is_busy(err) or time.monotonic() + wait > deadline:
                if _is_busy(err):
                    raise LedgerBusy(
                        _(
                            "The ledger is busy: another program has been writing to it for "
                            "too long. Try again in a moment."
                        )
                    ) from err
                raise
        time.sleep(wait * (0.5 + random.random()))  # jitter: writers do not retry in step
        wait = min(wait * 2, 1.0)


def _is_busy(err: Exception) -> bool:
    text = str(err).lower()
    return "locked" in text or "busy" in text


@contextmanager
def read_snapshot() -> Iterator[None]:
    """Read a whole document (statement, route sheet, IOU, aging export) as of one
    moment, so that its rows and its totals agree while other clerks post.

    SQLite: a deferred read transaction; in WAL mode it sees one snapshot from its first
    read on and blocks no writer. PostgreSQL: a REPEATABLE READ, READ ONLY transaction.
    Inside a transaction already (a write, an outer snapshot) it reads in that one.
    """
    db = database.obj
    if db.transaction_depth() > 0:
        yield
    elif isinstance(db, pw.PostgresqlDatabase):
        with db.atomic(isolation_level="REPEATABLE READ, READ ONLY"):
            yield
    else:
        with db.atomic(lock_type="DEFERRED"):
            yield


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


# Every connection: a trigger or view in the file may not call functions that are unsafe
# in a schema (models/storage/schema_audit.py compares the schema with the app's own).
_UNTRUSTED = {"trusted_schema": "off"}


def _connect_sqlite(
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
            raise _empty_file(path)
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
            raise _empty_file(path)
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
            str(path), lock_type="IMMEDIATE", timeout=5, autoconnect=True, pragmas=_UNTRUSTED
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


def _empty_file(path: Path) -> LedgerFileError:
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


# libpq's words when no password was given or a wrong one was.
_PASSWORD_REFUSED = ("no password supplied", "password authentication failed")


def _connect_postgres(url: str) -> pw.PostgresqlDatabase:
    """Connect; without a password in the URL, libpq's PGPASSWORD or ~/.pgpass apply.
    Every libpq option in the URL (``?sslmode=require&connect_timeout=5``...) goes to
    libpq as written: dropping them connected ``sslmode=require`` in plain text."""
    parts = parse_postgres_url(url)
    db = pw.PostgresqlDatabase(
        parts.dbname,
        user=parts.user,
        password=parts.password or None,
        host=parts.host,
        port=parts.port,
        autoconnect=True,
        **dict(parts.options),
    )
    try:
        db.connect()
    except pw.OperationalError as err:
        db.close()
        reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        if any(words in reason for words in _PASSWORD_REFUSED):  # the window asks for it
            raise PasswordNeeded(
                _(
                    "The shared ledger {target} did not accept the password, or none was "
                    "given: put it in the address, in PGPASSWORD or in ~/.pgpass."
                ).format(target=display_target(url))
            ) from err
        if "permission denied" in reason:  # no CONNECT right on the database
            raise _no_permission_to_open(url, parts.user or "") from err
        if "SSL was required" in reason or "does not support SSL" in reason:
            raise LedgerFileError(
                _(
                    "The shared ledger at {host} cannot be reached over an encrypted (TLS/SSL) "
                    "connection, which its address requires (sslmode): the server does not "
                    "offer one. Nothing was sent in plain text. Ask the administrator to turn "
                    "on SSL on the server."
                ).format(host=parts.host or "localhost")
            ) from err
        raise LedgerFileError(
            _("Cannot reach the shared ledger at {host}: {reason}").format(
                host=parts.host or "localhost", reason=scrub(reason)
            )
        ) from err
    return db


def _check_and_prepare(db: pw.Database, *, create: bool, upgrade: bool = True) -> None:
    _restored.clear()
    _indexes_restored.clear()
    _foreign.clear()
    tables = set(db.get_tables())
    postgres = isinstance(db, pw.PostgresqlDatabase)
    if not tables:
        # An empty SQLite file becomes a ledger only when asked for a new one; an empty
        # PostgreSQL database is how a shared ledger is set up.
        if not postgres and (_read_only or not create):
            raise _empty_file(Path(_opened))
        if not upgrade:
            raise _no_ledger_yet()
        _create_new_schema(db)
    elif "meta" not in tables:
        raise LedgerFileError(
            _("‘{target}’ is a database, but not a Qingkuan ledger.").format(
                target=display_target(_opened)
            )
        )
    else:
        _check_version(db, upgrade=upgrade)
        _restore_guards(db)
        _restore_indexes(db)
        _ensure_ledger_id(db)
    if postgres:
        _check_privileges(db)
    else:
        _set_sqlite_pragmas(db)


def _no_ledger_yet() -> LedgerFileError:
    return LedgerFileError(
        _(
            "The database {target} is empty: there is no ledger in it yet, and this command "
            "only reads. Nothing was changed. To set up the shared ledger there, open it in "
            "Qingkuan's window (or import customers into it with ‘import customers’)."
        ).format(target=display_target(_opened))
    )


def _create_new_schema(db: pw.Database) -> None:
    try:
        _create_schema(db)
    except pw.DatabaseError as err:
        if storage_errors.is_disk_full(err):
            raise LedgerFileError(str(storage_errors.disk_full())) from err
        if storage_errors.is_permission_denied(err) or "no schema" in str(err):
            raise _no_permission_to_open() from err
        raise


def _no_permission_to_open(target: str = "", user: str = "") -> LedgerFileError:
    return LedgerFileError(
        _(
            "You have no permission to open the ledger {target}: ask the database "
            "administrator to give the role ‘{user}’ access to its tables."
        ).format(target=display_target(target or _opened), user=user or _pg_user())
    )


def _check_privileges(db: pw.PostgresqlDatabase) -> None:
    """A role that may not read every table is refused; one that may read but not
    insert gets the ledger read-only."""
    global _read_only
    names = [model._meta.table_name for model in ALL_TABLES]
    may_read, may_write = db.execute_sql(
        "SELECT bool_and(has_table_privilege(t, 'SELECT')), "
        "bool_and(has_table_privilege(t, 'INSERT')) FROM unnest(%s::text[]) AS t",
        (names,),
    ).fetchone()
    if not may_read:
        raise _no_permission_to_open()
    if not may_write:
        _read_only = _ROLE


_restored: list[str] = []
_indexes_restored: list[str] = []
_foreign: list[Problem] = []  # what the open ledger holds that Qingkuan did not make


def guards_warning() -> str:
    """The warning to show after opening, or '' when every guard and index was in place."""
    said = []
    if _restored:
        said.append(
            _(
                "The ledger's safeguards against changing entries were missing or altered "
                "({names}) and have been put back. Someone may have changed entries outside "
                "Qingkuan: run ‘check’ to find out."
            ).format(names=", ".join(_restored))
        )
    if _indexes_restored:
        said.append(
            _(
                "The ledger's indexes {names} were missing (the file was changed outside "
                "Qingkuan) and have been put back."
            ).format(names=", ".join(_indexes_restored))
        )
    return " ".join(said)


def _restore_guards(db: pw.Database) -> None:
    broken = guards.missing(db)
    if not broken or _read_only:  # read-only: `check` reports them missing
        return
    try:
        with db.atomic():
            guards.install(db, replace=broken)
    except pw.DatabaseError:
        return  # e.g. no right to create triggers: `check` keeps reporting them missing
    _restored.extend(broken)


def _restore_indexes(db: pw.Database) -> None:
    """Put back the indexes Qingkuan makes that a SQLite ledger lacks (damage: `check`
    reports them put back, like the guards)."""
    if isinstance(db, pw.PostgresqlDatabase) or _read_only:
        return
    from models.storage import schema_audit

    missing = schema_audit.missing_index_sql(db.connection())
    if not missing:
        return
    try:
        with db.atomic():
            for sql in missing.values():
                db.execute_sql(sql)
    except pw.DatabaseError:
        return  # e.g. another program is writing: `check` keeps reporting them missing
    _indexes_restored.extend(missing)


def _ensure_ledger_id(db: pw.Database) -> None:
    """Give a ledger made before identities were kept its own (backups made from now on
    share it: models/storage/chain_anchors.py keys its anchors by it)."""
    if _read_only or _meta(LEDGER_ID_KEY):
        return
    ignore = " ON CONFLICT DO NOTHING" if isinstance(db, pw.PostgresqlDatabase) else ""
    insert = "INSERT" if ignore else "INSERT OR IGNORE"
    with contextlib.suppress(pw.DatabaseError), db.atomic():  # no right to write: no id yet
        db.execute_sql(
            placeholders(f"{insert} INTO meta (key, value) VALUES (?, ?){ignore}"),
            (LEDGER_ID_KEY, uuid.uuid4().hex),
        )


def ledger_id() -> str:
    """The open ledger's identity ('' when it has none yet: opened read-only)."""
    return _meta(LEDGER_ID_KEY) or ""


def foreign_found() -> list[Problem]:
    """What the open ledger holds that Qingkuan did not make (`schema_audit.Problem`s),
    found when it was opened; such a ledger is open read-only."""
    return list(_foreign)


def _foreign_refusal(found: list[Problem]) -> ForeignSchema:
    from models.storage import schema_audit

    return ForeignSchema(
        _(
            "‘{target}’ holds things Qingkuan did not make: {found}. They could change your "
            "figures whenever you post, so the ledger is not opened for writing. If you did "
            "not add them yourself, remove them (run ‘{program} check --remove-foreign’, or "
            "answer Yes when the window asks), then open it again."
        ).format(
            target=display_target(_opened),
            found=schema_audit.refusal_text(found),
            program=program_name(),
        ),
        [p.thing for p in found],
    )


def _audit_schema(db: pw.SqliteDatabase, version: int) -> None:
    """Before anything is written: refuse a ledger holding what Qingkuan did not make
    (read-only it may open: nothing can fire), and one missing tables or columns."""
    global _read_only
    from models.storage import schema_audit

    conn = db.connection()
    older = version < SCHEMA_VERSION
    found = schema_audit.schema_problems(conn, older=older)
    foreign = [p for p in found if p.must_be_removed]
    _foreign.extend(foreign)
    if foreign and not _read_only:
        if not _inspect:
            raise _foreign_refusal(foreign)
        _read_only = _FOREIGN
    damage = [p for p in found if schema_audit.is_damage(p)]
    if damage and not _inspect:
        raise _damaged_schema(damage)


def _damaged_schema(damage: list[Problem]) -> LedgerFileError:
    from models.storage import schema_audit

    return LedgerFileError(
        _("‘{target}’ is damaged: {found}. Restore your latest backup instead.").format(
            target=display_target(_opened), found=schema_audit.refusal_text(damage)
        )
    )


def _check_upgraded(db: pw.SqliteDatabase) -> None:
    """After an upgrade, inside its transaction: the ledger must now be what this version
    makes (else the upgrade is rolled back)."""
    from models.storage import schema_audit

    found = [
        p
        for p in schema_audit.schema_problems(db.connection())
        if p.must_be_removed or schema_audit.is_damage(p)
    ]
    if found:
        raise LedgerFileError(schema_audit.refusal_text(found))


def _set_sqlite_pragmas(db: pw.SqliteDatabase) -> None:
    if _read_only:
        db.execute_sql("PRAGMA foreign_keys = ON")
        return
    try:
        db.execute_sql("PRAGMA journal_mode = WAL")
    except pw.OperationalError as err:
        # WAL needs a writable folder; a read-only ledger is reported, not crashed on.
        raise LedgerFileError(
            _(
                "‘{path}’ cannot be opened for writing: check that the file is not read-only."
            ).format(path=db.database)
        ) from err
    for pragma in ("synchronous = FULL", "foreign_keys = ON", "busy_timeout = 5000"):
        db.execute_sql(f"PRAGMA {pragma}")


def _meta(key: str) -> str | None:
    try:
        row = Meta.get_or_none(Meta.key == key)
    except (pw.OperationalError, pw.ProgrammingError) as err:
        if storage_errors.is_permission_denied(err):
            raise _no_permission_to_open() from err
        return None  # another program's "meta" table
    return row.value if row else None


def _schema_version(db: pw.Database) -> int:
    """The ledger's schema version; a missing, empty or garbled one means damage."""
    value = (_meta("schema_version") or "").strip()
    if not re.fullmatch(r"[0-9]{1,6}", value) or int(value) < 1:
        raise LedgerFileError(
            _(
                "‘{target}’ is not a Qingkuan ledger or is damaged: its version is missing "
                "or unreadable. Open your latest backup instead."
            ).format(target=display_target(_opened))
        )
    return int(value)


def _version_for_upgrade(db: pw.Database) -> int:
    """The schema version read inside the upgrade's transaction, locked against a second
    upgrader (SQLite: the transaction is BEGIN IMMEDIATE already; PostgreSQL: the row)."""
    lock = " FOR UPDATE" if isinstance(db, pw.PostgresqlDatabase) else ""
    sql = placeholders(f"SELECT value FROM meta WHERE key = ?{lock}")
    return int(db.execute_sql(sql, ("schema_version",)).fetchone()[0])


def _check_version(db: pw.Database, *, upgrade: bool = True) -> None:
    if _meta("app") != APP_ID:
        raise LedgerFileError(
            _("‘{target}’ is a database, but not a Qingkuan ledger.").format(
                target=display_target(_opened)
            )
        )
    version = _schema_version(db)
    if version > SCHEMA_VERSION:
        raise LedgerFileError(
            _(
                "This ledger was written by a newer version of Qingkuan (schema {found}; this "
                "program knows {known}). Install the newer version to open it."
            ).format(found=version, known=SCHEMA_VERSION)
        )
    sqlite = isinstance(db, pw.SqliteDatabase)
    if sqlite:
        _audit_schema(db, version)
    if version == SCHEMA_VERSION:
        return
    if not upgrade:
        raise LedgerFileError(
            _(
                "{target} was written by an older version of Qingkuan (schema {found}; this "
                "program uses {known}) and must be upgraded before it can be read. Nothing was "
                "changed: back it up, then open it once in Qingkuan's window, which upgrades it."
            ).format(target=display_target(_opened), found=version, known=SCHEMA_VERSION)
        )
    if _read_only == _FOREIGN:  # an upgrade writes: not with their triggers in place
        raise _foreign_refusal(_foreign)
    if _read_only:
        raise LedgerFileError(
            _(
                "‘{target}’ was written by an older version of Qingkuan and must be upgraded, "
                "which needs write access: copy it to a folder you can write to and open the copy."
            ).format(target=display_target(_opened))
        )
    try:
        # All steps or none: a half-upgraded ledger is never left behind. Several
        # programs may open the old ledger at once: the first upgrades it, the others
        # wait for its transaction and then find the version already current.
        with transaction():
            version = _version_for_upgrade(db)
            if sqlite:
                from models.storage import schema_audit

                schema_audit.drop_altered_triggers(db.connection())
            run_migrations(db, version)
            if sqlite:
                _check_upgraded(db)
    except Exception as err:
        raise LedgerFileError(
            _(
                "This ledger could not be upgraded to the current version ({reason}); it was "
                "left as it was. Keep a copy and report the problem."
            ).format(reason=scrub(str(err)))
        ) from err


def create_tables(
    db: pw.Database, models: list[type[pw.Model]] | tuple[type[pw.Model], ...]
) -> None:
    """Create these tables (and the indexes they declare) on `db` itself, whatever
    ledger is open (peewee's own `create_tables` goes through the models' binding)."""
    for model in pw.sort_models(models):
        pw.SchemaManager(model, database=db).create_all(safe=True)


def create_schema_objects(db: pw.Database) -> None:
    """Every table, index and trigger of a new ledger, on `db`. models/storage/schema_audit.py
    builds the app's own definition with it in memory: one path, so it cannot drift."""
    create_tables(db, ALL_TABLES)
    for sql in PARTIAL_INDEXES:
        db.execute_sql(sql)
    _install_triggers(db)
    _add_cheque_status_history(db)


def run_migrations(db: pw.Database, version: int) -> None:
    """Run the migrations from `version` up to this program's; the caller holds the
    transaction (models/storage/schema_audit.py upgrades a schema-only copy in memory too)."""
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](db)
        version += 1
        Meta.update(value=str(version)).where(Meta.key == "schema_version").execute()


def _create_schema(db: pw.Database) -> None:
    from models.storage import chain

    with db.atomic():
        create_schema_objects(db)
        chain.start_tip(db)
        Meta.insert_many(
            [
                {"key": "app", "value": APP_ID},
                {"key": "schema_version", "value": str(SCHEMA_VERSION)},
                {"key": "created_at", "value": clock.now().isoformat(sep=" ")},
                {"key": LEDGER_ID_KEY, "value": uuid.uuid4().hex},
            ]
        ).execute()
