"""Backups of a SQLite ledger: making one, and checking a ledger file before it is
restored.

A backup is made with SQLite's online backup API from a connection of its own (never a
file copy: a copy of a live database can catch it between two writes), into a temporary
``.part`` file in the backup folder. The copy is then checked (``integrity_check``, and
it must open as a Qingkuan ledger this program can read), flushed to disk and only then
renamed to its final name. A crash at any moment therefore leaves either no new backup
or a complete one; a stray ``.part`` file is never taken for a backup.

`read_totals` and `verify` check a file (a backup, a ledger received) without changing
it and say what it holds. The backup folder (names, listing, automatic backups, what is
kept) is `backup_folder`; restoring is `restoring`. A shared PostgreSQL ledger is backed
up by its server: `postgres_commands` says how.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

from models.storage import chain_anchors, live_files
from models.storage.current_ledger import APP_ID, SQLITE_HEADER
from models.storage.schema import SCHEMA_VERSION
from models.vocabulary import clock
from models.vocabulary.errors import LedgerError, LedgerFileError
from models.vocabulary.i18n import _
from models.vocabulary.program import program_name

LOCK_WAIT_SECONDS = 5.0  # how long a restore waits for other programs' short writes


class BackupError(LedgerError):
    """A backup could not be made or a file cannot be restored; the message says why."""


class NewerLedger(LedgerFileError):
    """A ledger written by a newer version of Qingkuan: sound, but not for this program."""


@dataclass(frozen=True)
class LedgerTotals:
    """What a ledger file holds, to tell backups apart before restoring one."""

    schema_version: int
    customers: int
    entries: int
    balance: int  # fen: what all customers owe together
    last_entry_on: dt.date | None


def back_up(ledger: str | Path, out: str | Path) -> Path:
    """Back up the SQLite ledger file `ledger` to `out` (replaced only by a complete,
    checked backup). Returns `out`. Safe while the ledger is open and being written.

    Raises `BackupError` when the copy fails or does not check out (nothing is left).
    """
    source, out = Path(ledger).expanduser(), Path(out).expanduser()
    if not source.is_file():
        raise BackupError(_("There is no ledger at ‘{path}’.").format(path=source))
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise BackupError(
            _("The folder ‘{folder}’ does not exist: choose another place for the file.").format(
                folder=folder
            )
        )
    clean_dead_parts(folder)
    try:
        fd, part_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=folder)
    except OSError as err:
        raise _os_error(out, err) from err
    os.close(fd)
    part = Path(part_name)
    # Held open until the backup's anchor is noted: a restore refuses a ledger another
    # connection has open, so none can slip in between the copy and its note (the note
    # would then hold a chain the restored ledger never had).
    guard = _hold_open(source)
    try:
        _copy_pages(source, part)
        problem = verify(part, thorough=False)
        if problem:
            raise BackupError(
                _("The backup of ‘{path}’ did not check out: {reason}").format(
                    path=source, reason=problem
                )
            )
        _fsync(part)
        os.replace(part, out)
        _fsync_folder(folder)
        chain_anchors.note_backup(out)  # where the chain stood: `check` sees a cut later
    except OSError as err:
        raise _os_error(out, err) from err
    finally:
        guard.close()
        with contextlib.suppress(FileNotFoundError):
            part.unlink()
    return out


def _hold_open(source: Path) -> sqlite3.Connection:
    """A read-only connection that has read the ledger (so it holds SQLite's shared lock
    on a WAL ledger's index until closed)."""
    conn = sqlite3.connect(_read_only(source), uri=True, timeout=30)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as err:
        conn.close()
        raise BackupError(
            _("The backup of ‘{path}’ failed: {reason}").format(path=source, reason=err)
        ) from err
    return conn


_PART = re.compile(r"^\..+\.[a-z0-9_]{8}\.part$")  # what `tempfile.mkstemp` named


def clean_dead_parts(folder: Path) -> list[Path]:
    """Delete the ``.part`` files (and their -journal) that backups killed half-way left
    in `folder`. One is dead when it is empty or a SQLite file and no connection holds a
    lock on it (a backup running now writes its part under SQLite's lock, in this or
    another process)."""
    removed: list[Path] = []
    try:
        candidates = [p for p in folder.iterdir() if _PART.match(p.name) and p.is_file()]
    except OSError:
        return removed
    for part in candidates:
        if _dead(part):
            for leftover in (part, Path(f"{part}-journal")):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            removed.append(part)
    return removed


# A part younger than this may belong to a backup running now in another program that
# has closed its own connection to it (between the copy and the rename no lock is held
# on it): a backup of a 370 MB ledger takes about 2 s.
DEAD_PART_AGE_SECONDS = 120


def _dead(part: Path) -> bool:
    try:
        if time.time() - part.stat().st_mtime < DEAD_PART_AGE_SECONDS:
            return False
        with part.open("rb") as fh:  # never a live ledger: a part is ours alone
            head = fh.read(16)
        if head not in (b"", SQLITE_HEADER):
            return False  # not ours: left alone
        conn = sqlite3.connect(part, timeout=0, isolation_level=None)
    except (OSError, sqlite3.Error):
        return False
    try:
        conn.execute("BEGIN EXCLUSIVE")  # refused while a backup writes it
        conn.execute("ROLLBACK")
        return True
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def _copy_pages(source: Path, target: Path) -> None:
    """The online backup API, all pages in one step from a read snapshot (WAL lets the
    ledger's writers go on meanwhile). The copy is switched to a rollback journal so
    it is one self-contained file."""
    src = sqlite3.connect(_read_only(source), uri=True, timeout=30)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    except sqlite3.Error as err:
        raise BackupError(
            _("The backup of ‘{path}’ failed: {reason}").format(path=source, reason=err)
        ) from err
    finally:
        src.close()


def verify(path: str | Path, *, thorough: bool = True) -> str:
    """Why the file at `path` cannot be restored (damaged, not a ledger, newer), or ""."""
    try:
        read_totals(path, thorough=thorough)
    except LedgerFileError as err:
        return str(err)
    return ""


def read_totals(path: str | Path, *, thorough: bool = True, check: bool = True) -> LedgerTotals:
    """Check a ledger file (integrity, that it is a ledger this program can read) and
    count what it holds, without changing it. Raises `LedgerFileError`.

    `thorough` runs ``integrity_check``; without it ``quick_check``, which checks every
    page and b-tree but not that indexes match their tables (a quarter of the time on a
    million entries: what a fresh copy made by the backup API needs, which cannot have
    torn pages). Restoring always checks thoroughly. Without `check` the pages are only
    read as far as counting needs (to list many backups quickly)."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise LedgerFileError(_("‘{path}’ is a folder, not a ledger file.").format(path=path))
    if not path.is_file():
        raise LedgerFileError(_("There is no ledger at ‘{path}’.").format(path=path))
    # Never opened outside SQLite when open through SQLite here (models/storage/live_files.py).
    with contextlib.suppress(live_files.OpenHere):
        if live_files.read_header(path) != SQLITE_HEADER:
            raise LedgerFileError(
                _("‘{path}’ is not a Qingkuan ledger: it is some other kind of file.").format(
                    path=path
                )
            )
    try:
        conn = sqlite3.connect(_read_only(path), uri=True)
    except sqlite3.Error as err:
        raise _damaged(path) from err
    try:
        pragma = ("integrity_check" if thorough else "quick_check") if check else ""
        return _totals(conn, path, pragma)
    except sqlite3.DatabaseError as err:
        raise _damaged(path) from err
    finally:
        conn.close()


def _totals(conn: sqlite3.Connection, path: Path, pragma: str) -> LedgerTotals:
    conn.execute("PRAGMA trusted_schema = OFF")  # its views and triggers are not ours yet
    if pragma and [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()] != ["ok"]:
        raise _damaged(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall()) if "meta" in tables else {}
    if meta.get("app") != APP_ID:
        raise LedgerFileError(
            _("‘{target}’ is a database, but not a Qingkuan ledger.").format(target=path)
        )
    version = _version(meta, path)
    if version > SCHEMA_VERSION:
        raise NewerLedger(
            _(
                "This ledger was written by a newer version of Qingkuan (schema {found}; this "
                "program knows {known}). Install the newer version to open it."
            ).format(found=version, known=SCHEMA_VERSION)
        )
    if pragma == "integrity_check":  # before restoring: all the app defines, nothing more
        # (a backup's own quick check leaves this out: the copy kept before a restore
        # must be made even of a ledger holding foreign triggers, for inspection)
        _refuse_schema_problems(conn, path, version)
    customers = conn.execute("SELECT count(*) FROM customer").fetchone()[0]
    entries, balance, last = conn.execute(
        "SELECT count(*), coalesce(sum(delta), 0), max(date) FROM entry"
    ).fetchone()
    return LedgerTotals(
        schema_version=version,
        customers=customers,
        entries=entries,
        balance=int(balance),
        last_entry_on=dt.date.fromisoformat(last) if last else None,
    )


def _version(meta: dict[str, str], path: Path) -> int:
    """The file's schema version; missing, 0 or garbled: not a ledger this program can
    restore (said so, never a ValueError)."""
    value = str(meta.get("schema_version") or "").strip()
    if not re.fullmatch(r"[0-9]{1,6}", value) or int(value) < 1:
        raise LedgerFileError(
            _(
                "‘{path}’ is not a Qingkuan ledger or is damaged: its version is missing or "
                "unreadable. Choose another backup."
            ).format(path=path)
        )
    return int(value)


def _refuse_schema_problems(conn: sqlite3.Connection, path: Path, version: int) -> None:
    from models.storage import schema_audit

    found = schema_audit.file_problems(conn, version)
    if found:
        raise LedgerFileError(
            _(
                "‘{path}’ cannot be restored: {found}. Choose another backup (a file that "
                "holds what Qingkuan did not make can have it removed with ‘{program} check "
                "--db FILE --remove-foreign’ first)."
            ).format(path=path, found=schema_audit.refusal_text(found), program=program_name())
        )


def _damaged(path: Path) -> LedgerFileError:
    return LedgerFileError(
        _("‘{path}’ is damaged and cannot be read: open your latest backup instead.").format(
            path=path
        )
    )


def _read_only(path: Path) -> str:
    """A read-only SQLite URI (the path quoted: a ``#`` or ``?`` in a name is data)."""
    return f"file:{quote(str(path.resolve()))}?mode=ro"


def _fsync(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _os_error(path: Path, err: OSError) -> BackupError:
    return BackupError(
        _("‘{path}’ could not be written: {reason}.").format(path=path, reason=err.strerror or err)
    )


def postgres_commands(url: str, on: dt.date | None = None) -> tuple[str, str]:
    """The ``pg_dump`` and ``pg_restore`` commands for a shared ledger at `url`, with
    the password left out (the tools ask for it, or read ~/.pgpass)."""
    parts = urlsplit(url)
    netloc = parts.hostname or "localhost"
    if parts.port:
        netloc += f":{parts.port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    safe = urlunsplit(("postgresql", netloc, parts.path, "", ""))
    dump = f"qingkuan-{(on or clock.today()).strftime('%Y%m%d')}.dump"
    return (
        f'pg_dump --format=custom --file={dump} "{safe}"',
        f'pg_restore --clean --if-exists --single-transaction --dbname="{safe}" {dump}',
    )


def postgres_advice(url: str) -> str:
    """One sentence for the command line: how a shared ledger is backed up and restored."""
    dump, restore_cmd = postgres_commands(url)
    return _(
        "A shared PostgreSQL ledger is backed up by its server: run {dump} to back it up "
        "and {restore} to restore it."
    ).format(dump=dump, restore=restore_cmd)
