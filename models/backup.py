"""Backups of a SQLite ledger, and restoring one.

A backup is made with SQLite's online backup API from a connection of its own (never a
file copy: a copy of a live database can catch it between two writes), into a temporary
``.part`` file in the backup folder. The copy is then checked (``integrity_check``, and
it must open as a Qingkuan ledger this program can read), flushed to disk and only then
renamed to its final name. A crash at any moment therefore leaves either no new backup
or a complete one; a stray ``.part`` file is never taken for a backup.

Automatic backups are named ``<ledger stem>-YYYYMMDD-HHMMSS.qkledger`` and kept by
`prune`: the last 10, plus the newest of each of the last 30 days, plus the newest of
each month of the last year. Files with other names are never touched.

Restoring writes the backup's pages into the ledger through the same backup API, in one
step (atomic for every other connection), after keeping the ledger as it was as a
backup of its own.
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

from models import chain_anchors, clock, live_files
from models.db import APP_ID, SCHEMA_VERSION, SQLITE_HEADER
from models.errors import LedgerError, LedgerFileError
from models.i18n import _

BACKUP_SUFFIX = ".qkledger"
FOLDER_NAME = "backups"
KEEP_LAST = 10
KEEP_DAYS = 30
KEEP_MONTHS = 12
STALE_PART_SECONDS = 3600  # a .part older than this belongs to a backup that died
WARN_AFTER = dt.timedelta(days=7)
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.qkledger$")


class BackupError(LedgerError):
    """A backup could not be made or a file cannot be restored; the message says why."""


@dataclass(frozen=True)
class BackupFile:
    """A backup in a backup folder: where, when it was taken, how large (bytes)."""

    path: Path
    taken_at: dt.datetime
    size: int


@dataclass(frozen=True)
class LedgerTotals:
    """What a ledger file holds, to tell backups apart before restoring one."""

    schema_version: int
    customers: int
    entries: int
    balance: int  # fen: what all customers owe together
    last_entry_on: dt.date | None


def default_folder(ledger: str | Path) -> Path:
    """The ``backups`` folder beside the ledger file."""
    return Path(ledger).expanduser().resolve().parent / FOLDER_NAME


def backup_name(ledger: str | Path, at: dt.datetime) -> str:
    return f"{Path(ledger).stem}-{at.strftime(_STAMP)}{BACKUP_SUFFIX}"


def folder_warning(folder: Path, ledger: str | Path) -> str:
    """Why automatic backups cannot go to `folder`, or "" when they can. The default
    folder beside the ledger is created when missing; another folder (a USB stick, a
    synced folder) must exist: a missing one is a warning, not a failure."""
    if folder == default_folder(ledger):
        try:
            folder.mkdir(exist_ok=True)
        except OSError as err:
            return _("Backups cannot be written to ‘{folder}’: {reason}.").format(
                folder=folder, reason=err.strerror or err
            )
        return ""
    if not folder.is_dir():
        return _(
            "The backup folder ‘{folder}’ is not there (is the USB stick plugged in?): no "
            "backup was made. Plug it in or choose another folder in Settings."
        ).format(folder=folder)
    if not os.access(folder, os.W_OK):
        return _("You have no permission to write in ‘{folder}’: choose another folder.").format(
            folder=folder
        )
    return ""


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
    try:
        fd, part_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=folder)
    except OSError as err:
        raise _os_error(out, err) from err
    os.close(fd)
    part = Path(part_name)
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
        with contextlib.suppress(FileNotFoundError):
            part.unlink()
    return out


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
    if not path.is_file():
        raise LedgerFileError(_("There is no ledger at ‘{path}’.").format(path=path))
    # Never opened outside SQLite when open through SQLite here (models/live_files.py).
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
        raise LedgerFileError(
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
    from models import schema_audit

    found = schema_audit.file_problems(conn, version)
    if found:
        raise LedgerFileError(
            _(
                "‘{path}’ cannot be restored: {found}. Choose another backup (a file that "
                "holds what Qingkuan did not make can have it removed with ‘main.py check "
                "--db FILE --remove-foreign’ first)."
            ).format(path=path, found=schema_audit.refusal_text(found))
        )


def _damaged(path: Path) -> LedgerFileError:
    return LedgerFileError(
        _("‘{path}’ is damaged and cannot be read: open your latest backup instead.").format(
            path=path
        )
    )


def list_backups(folder: str | Path, ledger: str | Path | None = None) -> list[BackupFile]:
    """The backups in `folder` (of `ledger` only, when given), newest first."""
    folder = Path(folder).expanduser()
    stem = Path(ledger).stem if ledger is not None else None
    found: list[BackupFile] = []
    try:
        candidates = list(folder.iterdir())
    except OSError:
        return []
    for path in candidates:
        match = _NAME.match(path.name)
        if not match or (stem is not None and match["stem"] != stem):
            continue
        try:
            taken = dt.datetime.strptime(match["stamp"], _STAMP)
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(BackupFile(path, taken, size))
    found.sort(key=_newest_last, reverse=True)
    return found


def _newest_last(b: BackupFile) -> tuple[dt.datetime, int]:
    """Order of taking: the time, then the -2, -3 … of backups made in the same second."""
    match = _NAME.match(b.path.name)
    return b.taken_at, int(match["n"]) if match and match["n"] else 1


def last_backup(folder: str | Path, ledger: str | Path) -> BackupFile | None:
    backups = list_backups(folder, ledger)
    return backups[0] if backups else None


def backup_overdue(folder: str | Path, ledger: str | Path, now: dt.datetime | None = None) -> bool:
    """True when the ledger has had no backup for 7 days (or never one)."""
    newest = last_backup(folder, ledger)
    moment = now or clock.now()
    return newest is None or moment - newest.taken_at > WARN_AFTER


def auto_backup(ledger: str | Path, folder: str | Path | None = None) -> Path:
    """Make a timestamped backup of `ledger` in `folder` (default: ``backups`` beside
    it), then prune old ones. Raises `BackupError` with the folder warning when the
    folder cannot be used."""
    folder = Path(folder).expanduser() if folder else default_folder(ledger)
    warning = folder_warning(folder, ledger)
    if warning:
        raise BackupError(warning)
    now = clock.now()
    out = folder / backup_name(ledger, now)
    n = 1
    while out.exists():  # two backups in one second (open, then Back up now)
        n += 1
        out = folder / f"{Path(ledger).stem}-{now.strftime(_STAMP)}-{n}{BACKUP_SUFFIX}"
    back_up(ledger, out)
    prune(folder, ledger, now)
    return out


def to_keep(backups: list[BackupFile], now: dt.datetime) -> set[Path]:
    """Which backups the retention rule keeps: the last 10, the newest of each of the
    last 30 days, the newest of each month of the last year."""
    newest_first = sorted(backups, key=_newest_last, reverse=True)
    keep = {b.path for b in newest_first[:KEEP_LAST]}
    days: set[dt.date] = set()
    months: set[tuple[int, int]] = set()
    for b in newest_first:
        day = b.taken_at.date()
        if (now.date() - day).days < KEEP_DAYS and day not in days:
            days.add(day)
            keep.add(b.path)
        month = (day.year, day.month)
        if (now.date() - day).days < 366 and month not in months:
            months.add(month)
            keep.add(b.path)
    return keep


def prune(folder: str | Path, ledger: str | Path, now: dt.datetime | None = None) -> list[Path]:
    """Delete the backups of `ledger` in `folder` that the retention rule no longer keeps,
    and ``.part`` files of backups that died long ago. Returns what was deleted."""
    folder = Path(folder)
    backups = list_backups(folder, ledger)
    keep = to_keep(backups, now or clock.now())
    removed: list[Path] = []
    for b in backups:
        if b.path not in keep:
            with contextlib.suppress(FileNotFoundError):
                b.path.unlink()
            removed.append(b.path)
    for part in folder.glob(f".{Path(ledger).stem}-*.part*"):  # with its -journal
        with contextlib.suppress(OSError):
            if time.time() - part.stat().st_mtime > STALE_PART_SECONDS:
                part.unlink()
    return removed


def restore(
    ledger: str | Path, backup: str | Path, folder: str | Path | None = None
) -> Path | None:
    """Replace the ledger file's content by the backup's, after checking the backup and
    keeping the ledger as it was as a backup in `folder` (default: beside it).

    The ledger must not be open in this process. Returns the backup kept of the
    replaced ledger (None when there was no ledger file yet). Raises `LedgerFileError`
    when the backup cannot be restored; nothing was changed then.
    """
    ledger, backup = Path(ledger).expanduser(), Path(backup).expanduser()
    read_totals(backup)  # refuses a damaged file, a non-ledger or a newer version
    if ledger.exists() and ledger.resolve() == backup.resolve():
        raise BackupError(_("A ledger cannot be restored from itself: choose a backup."))
    kept = None
    if ledger.exists():
        kept = auto_backup(ledger, folder)
    src = sqlite3.connect(_read_only(backup), uri=True)
    try:
        dst = sqlite3.connect(ledger, timeout=30)
        try:
            # One step: every other connection sees the old ledger or the restored one.
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as err:
        raise BackupError(
            _("The backup could not be restored into ‘{path}’: {reason}").format(
                path=ledger, reason=err
            )
        ) from err
    finally:
        src.close()
    chain_anchors.reset_after_restore(ledger)  # the chain moved back on purpose
    return kept


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
