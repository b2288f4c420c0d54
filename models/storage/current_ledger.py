"""The ledger open now: which one it is, whether it may be written (and the sentence a
write gets when it may not), and what its meta rows say (its identity and version).

models/storage/db.py opens and closes ledgers and sets `opened`; everything else reads
it here. This module imports none of the modules that open or chain a ledger, so the
chain's anchors, backups and restores can ask about the open ledger without a circle.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field

import peewee as pw

from models.storage import storage_errors
from models.storage.schema_audit import Problem, refusal_text
from models.storage.tables import Meta, database
from models.storage.targets import display_target
from models.vocabulary.errors import ForeignSchema, LedgerError, LedgerFileError, LedgerNotWritable
from models.vocabulary.i18n import _
from models.vocabulary.program import program_name

APP_ID = "qingkuan"
SQLITE_HEADER = b"SQLite format 3\x00"
LEDGER_ID_KEY = "ledger_id"  # a ledger's identity: copies and backups share it

# Why the open ledger cannot be written, if it cannot.
FILE, ROLE, FOREIGN, BACKUP = "file", "role", "foreign", "backup"


@dataclass
class OpenLedger:
    """What is open: the target as given (a URL may hold a password: shown only through
    `display_target`), and why it cannot be written, if it cannot."""

    target: str = ""
    read_only: str | None = None  # FILE, ROLE, FOREIGN or BACKUP
    # What the open ledger holds that Qingkuan did not make (found when it was opened).
    foreign: list[Problem] = field(default_factory=list)


opened = OpenLedger()  # set by models/storage/db.py as it opens and closes ledgers


def is_read_only() -> bool:
    """True when the open ledger can be read but not written (a read-only file or
    medium, or a PostgreSQL role allowed only to read)."""
    return opened.read_only is not None


def read_only_refusal() -> LedgerError:
    """The sentence a write gets on a read-only ledger (also the window's banner)."""
    if opened.read_only == ROLE:
        return storage_errors.no_permission_to_change(display_target(opened.target), pg_user())
    if opened.read_only == FOREIGN:
        return LedgerNotWritable(str(foreign_refusal(opened.foreign)))
    if opened.read_only == BACKUP:
        return storage_errors.backup_view(display_target(opened.target))
    return storage_errors.read_only(display_target(opened.target))


def foreign_refusal(found: list[Problem]) -> ForeignSchema:
    """The refusal of a ledger holding what Qingkuan did not make (`found`)."""
    return ForeignSchema(
        _(
            "‘{target}’ holds things Qingkuan did not make: {found}. They could change your "
            "figures whenever you post, so the ledger is not opened for writing. If you did "
            "not add them yourself, remove them (run ‘{program} check --remove-foreign’, or "
            "answer Yes when the window asks), then open it again."
        ).format(
            target=display_target(opened.target),
            found=refusal_text(found),
            program=program_name(),
        ),
        [p.thing for p in found],
    )


def pg_user() -> str:
    """The PostgreSQL role the open ledger connects as ('' on SQLite or when unknown)."""
    db = database.obj
    params = getattr(db, "connect_params", {}) if db is not None else {}
    return str(params.get("user") or os.environ.get("PGUSER") or "")


def no_permission_to_open(target: str = "", user: str = "") -> LedgerFileError:
    """The refusal of a role that may not read the ledger (the open one by default)."""
    return LedgerFileError(
        _(
            "You have no permission to open the ledger {target}: ask the database "
            "administrator to give the role ‘{user}’ access to its tables."
        ).format(target=display_target(target or opened.target), user=user or pg_user())
    )


def current_target() -> str:
    """The open ledger's path or URL, as given (may hold a password: never show it;
    `models.storage.targets.display_target` makes it presentable)."""
    return opened.target if database.obj is not None else ""


def read_meta(key: str) -> str | None:
    """The open ledger's meta row `key` (None when it has none, or when "meta" is
    another program's table). While the ledger is being opened (`read_meta_once`),
    from the rows read once."""
    if _meta_rows is not None:
        if not _meta_rows:
            _meta_rows.update(_all_meta())
        return _meta_rows.get(key)
    try:
        row = Meta.get_or_none(Meta.key == key)
    except (pw.OperationalError, pw.ProgrammingError) as err:
        if storage_errors.is_permission_denied(err):
            raise no_permission_to_open() from err
        return None  # another program's "meta" table
    return row.value if row else None


def read_metas(*keys: str) -> dict[str, str | None]:
    """The meta rows `keys` in one statement (None for each missing one)."""
    if _meta_rows is not None:
        return {key: read_meta(key) for key in keys}
    try:
        rows = dict(Meta.select(Meta.key, Meta.value).where(Meta.key.in_(keys)).tuples())
    except (pw.OperationalError, pw.ProgrammingError) as err:
        if storage_errors.is_permission_denied(err):
            raise no_permission_to_open() from err
        rows = {}
    return {key: rows.get(key) for key in keys}


def _all_meta() -> dict[str, str | None]:
    """Every meta row; {"": None} when there are none or "meta" is another program's
    table (so the rows are not read again)."""
    try:
        rows = dict(Meta.select(Meta.key, Meta.value).tuples())
    except (pw.OperationalError, pw.ProgrammingError) as err:
        if storage_errors.is_permission_denied(err):
            raise no_permission_to_open() from err
        rows = {}
    return rows or {"": None}


# Opening reads the version, the app's name, the identity and the chain's tip: on a
# server each is a round trip, so they are read in one (models/storage/db.py).
_meta_rows: dict[str, str | None] | None = None


@contextlib.contextmanager
def read_meta_once() -> Iterator[None]:
    """Within: `read_meta` answers from every meta row, read at the first call."""
    global _meta_rows
    _meta_rows = {}
    try:
        yield
    finally:
        _meta_rows = None


def known_meta(rows: dict[str, str | None]) -> None:
    """While opening: the meta rows, read along with something else."""
    if _meta_rows is not None and not _meta_rows:
        _meta_rows.update(rows or {"": None})


def forget_meta() -> None:
    """The meta rows were written (an upgrade, a new identity): read them again."""
    if _meta_rows is not None:
        _meta_rows.clear()


def ledger_id() -> str:
    """The open ledger's identity ('' when it has none yet: opened read-only)."""
    return read_meta(LEDGER_ID_KEY) or ""


def schema_version() -> int:
    """The open ledger's schema version (shown in Help → About)."""
    value = read_meta("schema_version")
    return int(value) if value and value.isdigit() else 0
