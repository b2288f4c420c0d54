"""Opening, creating and closing a ledger, on SQLite (a file) or PostgreSQL (a URL).

Opening never changes a file that is not a Qingkuan ledger, nor one written by a newer
version: both are refused with a message before any pragma or table touches it.

What it uses, lowest first (none of them imports this module): dialect.py (SQLite's SQL
or PostgreSQL's), current_ledger.py (which ledger is open, whether it may be written,
its meta rows), transactions.py (writes and read snapshots), schema.py (a new ledger's
schema, the migrations), connections.py (reaching the file or the server) and
version_check.py (may the ledger be used as it is; upgrading an older one).

The rest of the app reaches the open ledger through this module: the names imported
``as`` themselves below are re-exported from their homes (a facade), so
``db.transaction``, ``db.is_postgres``, ``db.current_target`` … work as they always did.
"""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass
from pathlib import Path

import peewee as pw

from models.storage import (
    chain,
    chain_anchors,
    file_people,
    guards,
    pg_failures,
    pg_people,
    pg_role_guards,
    schema,
    schema_audit,
    session,
    storage_errors,
)
from models.storage.connections import (
    TrackedSqliteDatabase,
    connect_postgres,
    connect_sqlite,
    empty_file,
)
from models.storage.current_ledger import (
    APP_ID,
    BACKUP,
    FILE,
    LEDGER_ID_KEY,
    ROLE,
    forget_meta,
    known_meta,
    no_permission_to_open,
    opened,
    read_meta,
    read_meta_once,
)
from models.storage.current_ledger import current_target as current_target
from models.storage.current_ledger import is_read_only as is_read_only
from models.storage.current_ledger import read_only_refusal as read_only_refusal
from models.storage.current_ledger import schema_version as schema_version
from models.storage.dialect import is_postgres as is_postgres
from models.storage.dialect import placeholders as placeholders
from models.storage.schema_audit import Problem
from models.storage.tables import ALL_TABLES, Meta, database
from models.storage.targets import display_target, remember_secret
from models.storage.targets import is_postgres_url as is_postgres_url
from models.storage.transactions import read_snapshot as read_snapshot
from models.storage.transactions import transaction as transaction
from models.storage.version_check import check_version
from models.vocabulary import clock
from models.vocabulary.errors import LedgerFileError
from models.vocabulary.i18n import _
from models.vocabulary.people_records import Role


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
    global _inspect, _prepared
    close_ledger()
    _inspect = inspect
    read_only = False
    if is_postgres_url(target):
        remember_secret(str(target))
        db = connect_postgres(str(target))
    else:
        db, read_only = connect_sqlite(
            Path(target),
            create=create,
            writing=(create or upgrade) and not backup_view,
            read_only=backup_view,
        )
    database.initialize(db)
    opened.target = str(target)
    opened.read_only = BACKUP if backup_view else (FILE if read_only else None)
    try:
        with read_meta_once():  # one round trip for the meta rows, not one each
            catalog = _check_and_prepare(db, create=create, upgrade=upgrade)
            _prepared = True
            _note_signed_in(db, catalog)
            _note_chain_anchor()
    except BaseException:
        close_ledger()
        raise


def _note_signed_in(db: pw.Database, catalog: _PgCatalog | None = None) -> None:
    """Who the ledger signs in (models/storage/session.py): on PostgreSQL the login and
    its role as the database's guards see them; on a ledger file that asks for sign-in,
    nobody until `models.ledger.users.sign_in`."""
    if isinstance(db, pw.PostgresqlDatabase):
        if catalog is not None and catalog.role is not None and not _restored:
            # Asked with the catalog, of the functions as opening found them (asked
            # again below when opening had to put a guard back).
            session.set_signed_in(
                session.SignedIn(catalog.user, pg_people.role_named(catalog.role))
            )
            return
        if catalog is not None:  # the functions as opening found them
            has_roles = "qk_role" in catalog.functions
        else:  # made or upgraded since
            has_roles = db.execute_sql(
                "SELECT to_regprocedure('qk_role()') IS NOT NULL"
            ).fetchone()[0]
        if has_roles:
            name, role = pg_people.role_of_session(db)
        else:  # an older ledger, only read: no roles yet, every right as before
            name = str(db.execute_sql("SELECT session_user").fetchone()[0])
            role = Role.BOSS
        session.set_signed_in(session.SignedIn(name, role))
    elif file_people.sign_in_required():
        session.set_signed_in(session.SignedIn("", None))


def _note_chain_anchor() -> None:
    """This computer remembers where the chain stood (models/storage/chain_anchors.py)."""
    chain_anchors.note_seen()


_prepared = False  # opened and checked: where its chain stands is worth remembering
_inspect = False  # opened by `check`: foreign or damaged schemas open, read-only


def close_ledger() -> None:
    """Close the ledger: the calling thread's connection, and every connection other
    threads left open outside a transaction (peewee keeps one per thread; a worker
    still inside a transaction closes its own when it ends)."""
    global _prepared
    db = database.obj
    if db is not None and not db.is_closed():
        if _prepared and db.transaction_depth() == 0:  # never what may yet roll back
            _note_chain_anchor()
        if isinstance(db, pw.SqliteDatabase) and opened.read_only is None:
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
    session.set_signed_in(None)
    opened.target, opened.read_only, _prepared = "", None, False


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


def _check_and_prepare(db: pw.Database, *, create: bool, upgrade: bool = True) -> _PgCatalog | None:
    """Check the ledger and make it ready; on PostgreSQL the catalog as opening read it,
    when still true (None once the schema was made or upgraded since)."""
    _restored.clear()
    _indexes_restored.clear()
    opened.foreign.clear()
    postgres = isinstance(db, pw.PostgresqlDatabase)
    catalog = _PgCatalog.read(db) if postgres else None
    tables = catalog.tables if catalog else set(db.get_tables())
    if not tables:
        # An empty SQLite file becomes a ledger only when asked for a new one; an empty
        # PostgreSQL database is how a shared ledger is set up.
        if not postgres and (opened.read_only or not create):
            raise empty_file(Path(opened.target))
        if not upgrade:
            raise _no_ledger_yet()
        _create_new_schema(db)
        catalog_now = None
    elif "meta" not in tables:
        if postgres:
            raise pg_failures.not_qingkuan(opened.target, empty=False)
        raise LedgerFileError(
            _("‘{target}’ is a database, but not a Qingkuan ledger.").format(
                target=display_target(opened.target)
            )
        )
    else:
        upgraded = check_version(db, upgrade=upgrade, inspect=_inspect)
        catalog_now = None if upgraded else catalog  # an upgrade outdates what was read
        _restore_guards(db, catalog_now)
        _restore_indexes(db)
        _ensure_ledger_id(db)
    if postgres:
        _check_privileges(db, catalog)
    else:
        _set_sqlite_pragmas(db)
    return catalog_now


def _no_ledger_yet() -> LedgerFileError:
    """An empty PostgreSQL database opened by a command that only reads: it says how a
    shared ledger is set up (the same sentence as the window's "Test connection")."""
    return pg_failures.not_qingkuan(opened.target, empty=True)


def _create_new_schema(db: pw.Database) -> None:
    try:
        _create_schema(db)
    except pw.DatabaseError as err:
        if storage_errors.is_disk_full(err):
            raise LedgerFileError(str(storage_errors.disk_full())) from err
        if storage_errors.is_permission_denied(err) or "no schema" in str(err):
            raise no_permission_to_open() from err
        raise


_TABLE_NAMES = [model._meta.table_name for model in ALL_TABLES]
# Opening a shared ledger asks the catalog once: its tables, its triggers (the guards)
# and whether this role may read and write the app's tables (those that exist yet).
# pg_class itself rather than the pg_tables view: a new connection's first look at
# the view's other catalogs took a millisecond.
_PG_CATALOG = rf"""
SELECT (SELECT json_agg(relname) FROM pg_catalog.pg_class
        WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p')),
       (SELECT json_agg(g) FROM ({guards.PG_TRIGGERS_FOUND_LEAN}) g),
       (SELECT json_build_array(count(*), bool_and(has_table_privilege(c.oid, 'SELECT')),
                                bool_or(has_table_privilege(c.oid, 'INSERT'))
                                  FILTER (WHERE c.relname IN ('entry', 'statement_no')))
        FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace
          AND c.relkind IN ('r', 'p') AND c.relname = ANY(%s)),
       (SELECT json_object_agg(proname, prosrc) FROM pg_proc
        WHERE pronamespace = current_schema()::regnamespace AND proname LIKE 'qk\_%%'),
       session_user
"""
# A ledger's meta rows and the signed-in person's role in the same round trip; refused
# where there is no "meta" table of ours (an empty database, another program's, no
# right to read it) or no `qk_role()` yet (a ledger older than version 12): then the
# catalog alone, the meta rows as `read_meta` reads them and the role asked after.
# The meta rows through their key's index: the chain's tip is rewritten by every post,
# and a table a big import left at 5 MB took a millisecond to read whole.
_PG_CATALOG_AND_META = _PG_CATALOG.rstrip() + (
    ",\n       (SELECT json_object_agg(key, value) FROM meta WHERE key >= ''), qk_role()\n"
)


@dataclass(frozen=True)
class _PgCatalog:
    tables: set[str]
    triggers: list[tuple]
    privileges: tuple[bool, bool] | None  # (may read, may write) when every table exists
    functions: dict[str, str]  # the ledger's own (qk_…) stored functions: name -> body
    user: str  # the login signed in (session_user)
    role: str | None  # what `qk_role()` said of them; None when not asked (no such function)

    @classmethod
    def read(cls, db: pw.Database) -> _PgCatalog:
        try:
            found = db.execute_sql(_PG_CATALOG_AND_META, (_TABLE_NAMES,)).fetchone()
        except pw.DatabaseError:  # autocommit: the failed statement left nothing behind
            found = (*db.execute_sql(_PG_CATALOG, (_TABLE_NAMES,)).fetchone(), None, None)
        tables, triggers, (count, may_read, may_write), functions, user, meta, role = found
        if meta is not None:
            known_meta(meta)
        whole = count == len(_TABLE_NAMES)
        return cls(
            set(tables or ()),
            # json keeps the column order
            guards.with_bodies([tuple(t.values()) for t in triggers or ()], functions or {}),
            (bool(may_read), bool(may_write)) if whole else None,
            dict(functions or {}),
            str(user),
            None if role is None else str(role),
        )


def _check_privileges(db: pw.PostgresqlDatabase, catalog: _PgCatalog | None = None) -> None:
    """A role that may not read every table is refused; one that may read but not
    insert gets the ledger read-only. `catalog`: what opening read (tables made or
    upgraded since are asked about again). A person of a role writes some tables only
    (a viewer: statement numbers); the database refuses the rest (pg_people.py)."""
    if catalog is not None and catalog.privileges is not None:
        may_read, may_write = catalog.privileges
    else:
        may_read, may_write = db.execute_sql(
            "SELECT bool_and(has_table_privilege(t, 'SELECT')), "
            "bool_or(has_table_privilege(t, 'INSERT')) "
            "FILTER (WHERE t IN ('entry', 'statement_no')) FROM unnest(%s::text[]) AS t",
            (_TABLE_NAMES,),
        ).fetchone()
    if not may_read:
        raise no_permission_to_open()
    if not may_write:
        opened.read_only = ROLE


_restored: list[str] = []
_indexes_restored: list[str] = []


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


def _restore_guards(db: pw.Database, catalog: _PgCatalog | None = None) -> None:
    """Put back missing or altered guards; `catalog`: PostgreSQL's as opening read it."""
    if catalog is None:
        broken = guards.missing(db)
    else:
        broken = guards.missing(db, catalog.triggers, catalog.tables, catalog.functions)
    postgres = isinstance(db, pw.PostgresqlDatabase)
    # An older ledger gets them with its upgrade (version 12), not as a repair.
    role_guards = []
    if postgres and schema_version() >= 12:
        role_guards = pg_role_guards.missing(db, catalog.triggers if catalog else None)
    if not (broken or role_guards) or opened.read_only:  # read-only: `check` reports them
        return
    try:
        with db.atomic():
            guards.install(db, replace=broken)
            if role_guards:
                pg_role_guards.install(db)
    except pw.DatabaseError:
        return  # e.g. no right to create triggers: `check` keeps reporting them missing
    _restored.extend(broken + role_guards)


def _restore_indexes(db: pw.Database) -> None:
    """Put back the indexes Qingkuan makes that a SQLite ledger lacks (damage: `check`
    reports them put back, like the guards)."""
    if isinstance(db, pw.PostgresqlDatabase) or opened.read_only:
        return
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
    if opened.read_only or read_meta(LEDGER_ID_KEY):
        return
    ignore = " ON CONFLICT DO NOTHING" if isinstance(db, pw.PostgresqlDatabase) else ""
    insert = "INSERT" if ignore else "INSERT OR IGNORE"
    with contextlib.suppress(pw.DatabaseError), db.atomic():  # no right to write: no id yet
        db.execute_sql(
            placeholders(f"{insert} INTO meta (key, value) VALUES (?, ?){ignore}"),
            (LEDGER_ID_KEY, uuid.uuid4().hex),
        )
    forget_meta()


def foreign_found() -> list[Problem]:
    """What the open ledger holds that Qingkuan did not make (`schema_audit.Problem`s),
    found when it was opened; such a ledger is open read-only."""
    return list(opened.foreign)


def _set_sqlite_pragmas(db: pw.SqliteDatabase) -> None:
    if opened.read_only:
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


def _create_schema(db: pw.Database) -> None:
    with db.atomic():
        schema.create_schema_objects(db)
        chain.start_tip(db)
        Meta.insert_many(
            [
                {"key": "app", "value": APP_ID},
                {"key": "schema_version", "value": str(schema.SCHEMA_VERSION)},
                {"key": "created_at", "value": clock.now().isoformat(sep=" ")},
                {"key": LEDGER_ID_KEY, "value": uuid.uuid4().hex},
            ]
        ).execute()
