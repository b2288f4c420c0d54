"""Restoring a SQLite ledger from a backup, and finding the backup to restore.

A restore must lose nothing another program committed, and must work on a damaged
ledger too. So, on one connection of its own:

1. The ledger is switched from WAL to a rollback journal. SQLite refuses that while any
   other connection has the ledger open: the restore then waits a few seconds for
   short-lived writers (a command posting) and otherwise refuses, saying so.
2. It takes the exclusive lock (``locking_mode = EXCLUSIVE``) and holds it to the end:
   other programs wait (their busy timeout) or are told the ledger is busy.
3. Through that connection the ledger as it is now is copied with the backup API into
   ``<stem>-before-restore-<time>.qkledger``; when the copy does not check out, the
   ledger was damaged and the copy (its pages as they are) is kept as
   ``<stem>-damaged-<time>.qkledger`` for inspection.
4. The backup's pages are written into the ledger through the same connection, in one
   transaction (a crash rolls it back from the journal), which also takes a backup with
   another page size. Then the ledger goes back to WAL and the lock is released.

Every post committed before step 2 is in the kept copy; every post after it waits and
lands in the restored ledger. Only a ledger SQLite cannot open at all ("file is not a
database": nobody can read or write it) is copied byte for byte and replaced as a file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from models.storage import audit_trail, backup, backup_folder, chain_anchors
from models.storage.backup import BackupError, LedgerTotals, read_totals
from models.storage.backup_folder import BackupFile
from models.vocabulary import clock
from models.vocabulary.errors import LedgerFileError
from models.vocabulary.i18n import _

LOCK_TIMEOUT = 5.0  # seconds SQLite waits for another program's write to end


@dataclass(frozen=True)
class Restored:
    """What a restore did: the ledger now holds `totals` (those of the backup restored
    from `source`); the ledger as it was is kept at `kept` (None: there was no ledger
    file), `damaged` when it could not be read and was kept as it was."""

    ledger: Path
    source: Path
    totals: LedgerTotals
    kept: Path | None
    damaged: bool = False

    def lines(self) -> list[str]:
        """What to tell the user, in sentences."""
        last = self.totals.last_entry_on.isoformat() if self.totals.last_entry_on else "—"
        lines = [
            _(
                "{ledger} restored from {path} (taken {time}): {customers} customers, "
                "{entries} entries, last entry {last}."
            ).format(
                ledger=self.ledger,
                path=self.source,
                time=taken_label(self.source),
                customers=self.totals.customers,
                entries=self.totals.entries,
                last=last,
            )
        ]
        if self.kept is not None and self.damaged:
            lines.append(
                _(
                    "The ledger it replaced was damaged: it is kept as it was, for "
                    "inspection, as {path}."
                ).format(path=self.kept)
            )
        elif self.kept is not None:
            lines.append(_("The ledger as it was is kept as {path}.").format(path=self.kept))
        return lines


def taken_label(path: Path) -> str:
    """When the backup at `path` was taken (its name tells), else its file's time."""
    for b in backup_folder.list_backups(path.parent):
        if b.path.name == path.name:
            return b.label()
    try:
        moment = dt.datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return path.name
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def restore(ledger: str | Path, source: str | Path, folder: str | Path | None = None) -> Restored:
    """Replace the ledger file's content by the backup's, after checking the backup in
    full and keeping the ledger as it was in `folder` (default: ``backups`` beside it),
    holding the ledger's lock throughout (see the module's docstring).

    The ledger must not be open in this process. Raises `LedgerFileError` (a
    `BackupError` among them) when the backup cannot be restored, the ledger is in use
    by another program, or the copy of the ledger cannot be kept: nothing was changed.
    After a restore, old automatic backups are pruned (never `source`).
    """
    ledger, source = Path(ledger).expanduser(), Path(source).expanduser()
    totals = read_totals(source)  # refuses a damaged file, a non-ledger or a newer version
    if ledger.exists() and ledger.resolve() == source.resolve():
        raise BackupError(_("A ledger cannot be restored from itself: choose a backup."))
    if ledger.is_dir():
        raise LedgerFileError(_("‘{path}’ is a folder, not a ledger file.").format(path=ledger))
    _not_open_here(ledger)
    folder = Path(folder).expanduser() if folder else backup_folder.default_folder(ledger)
    if not ledger.exists():
        _write_new(source, ledger)
        chain_anchors.reset_after_restore(ledger)
        audit_trail.note_in_file(ledger, **_restore_note(source, totals, None))
        return Restored(ledger, source, totals, None)
    warning = backup_folder.folder_warning(folder, ledger)
    if warning:
        raise BackupError(warning)
    now = clock.now()
    try:
        with _exclusive(ledger) as conn:
            kept, damaged = _keep_as_it_is(conn, ledger, folder, now)
            # The anchors move back before the pages do: a restore killed after writing
            # them must not leave `check` reporting a chain that "went backwards".
            chain_anchors.reset_after_restore(source)
            _write_pages(source, conn, ledger)
            # Still under the same lock: nobody writes between the pages and the note.
            audit_trail.note_in_file(conn, **_restore_note(source, totals, kept))
    except _NotADatabase:
        kept, damaged = _raw_copy(ledger, folder, now), True
        _replace_file(source, ledger)
        audit_trail.note_in_file(ledger, **_restore_note(source, totals, kept))
    chain_anchors.reset_after_restore(ledger)  # the chain moved back on purpose
    backup_folder.prune(folder, ledger, now, spare=source)
    return Restored(ledger, source, totals, kept, damaged)


def _restore_note(source: Path, totals: LedgerTotals, kept: Path | None) -> dict:
    """The restore as the restored ledger's audit trail records it (no trigger sees pages
    being replaced): models/storage/audit_trail.py's `note_in_file` arguments."""
    after = {"backup": source.name, "customers": totals.customers, "entries": totals.entries}
    return {
        "kind": "ledger.restore",
        "subject": source.name,
        "before": json.dumps({"kept": kept.name if kept else ""}),
        "after": json.dumps({**after, "balance": totals.balance}),
    }


def _not_open_here(ledger: Path) -> None:
    """The restore's own connection must be the only one in this process: another one
    would keep the lock from being taken, and a copy made outside SQLite would drop its
    locks (POSIX drops a process's locks on a file when any handle to it is closed)."""
    from models.storage.current_ledger import current_target
    from models.storage.targets import is_postgres_url

    current = current_target()
    if current and not is_postgres_url(current):
        with contextlib.suppress(OSError):
            if Path(current).resolve() == ledger.resolve():
                raise BackupError(
                    _("Close the ledger ‘{path}’ before restoring it.").format(path=ledger)
                )


class _NotADatabase(Exception):
    """SQLite cannot open the ledger at all: no program can read or write it."""


@contextlib.contextmanager
def _exclusive(ledger: Path) -> Iterator[sqlite3.Connection]:
    """A connection holding the ledger's exclusive lock, in rollback-journal mode."""
    conn = sqlite3.connect(ledger, timeout=LOCK_TIMEOUT, isolation_level=None)
    try:
        was = _take_lock(conn, ledger)
        yield conn
        if was == "wal":
            # Back to WAL while still holding the lock; each open sets WAL again anyway.
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
    finally:
        conn.close()


def _take_lock(conn: sqlite3.Connection, ledger: Path) -> str:
    """Leave WAL (refused while others have the ledger open: retried for a few seconds,
    a command posting closes it soon), then lock. Returns the journal mode it had."""
    deadline = time.monotonic() + backup.LOCK_WAIT_SECONDS
    while True:
        try:
            # Exclusive locking mode first: leaving WAL then keeps the lock it takes,
            # so no other program opens the ledger between the two steps.
            conn.execute("PRAGMA locking_mode = EXCLUSIVE").fetchone()
            was = conn.execute("PRAGMA journal_mode").fetchone()[0]
            if conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete":
                conn.execute("BEGIN EXCLUSIVE")
                conn.execute("COMMIT")  # the lock stays: exclusive locking mode keeps it
                return str(was)
            err = sqlite3.OperationalError("database is locked")
        except sqlite3.DatabaseError as error:
            err = error
        if _error_name(err) == "SQLITE_NOTADB":
            raise _NotADatabase from err
        if _error_name(err) != "SQLITE_BUSY":
            raise LedgerFileError(
                _("‘{path}’ could not be locked for the restore: {reason}").format(
                    path=ledger, reason=err
                )
            ) from err
        if time.monotonic() > deadline:
            raise LedgerFileError(
                _(
                    "‘{path}’ is open in another program (another Qingkuan window, or a "
                    "command): close it there, then restore again. Nothing was changed."
                ).format(path=ledger)
            ) from err
        time.sleep(0.05)


def _error_name(err: sqlite3.Error) -> str:
    name = getattr(err, "sqlite_errorname", "")
    if name:
        return "_".join(str(name).split("_")[:2])  # the primary code: SQLITE_BUSY_… is busy
    text = str(err).lower()
    if "not a database" in text:
        return "SQLITE_NOTADB"
    return "SQLITE_BUSY" if "locked" in text or "busy" in text else "SQLITE_ERROR"


def _keep_as_it_is(
    conn: sqlite3.Connection, ledger: Path, folder: Path, now: dt.datetime
) -> tuple[Path, bool]:
    """Copy the locked ledger (pages as they are) into the backup folder; returns the
    copy and whether the ledger was damaged (the copy is named so)."""
    fd, name = tempfile.mkstemp(prefix=f".{ledger.stem}-restore.", suffix=".part", dir=folder)
    os.close(fd)
    part = Path(name)
    try:
        try:
            target = sqlite3.connect(part)
            try:
                conn.backup(target)
                target.execute("PRAGMA journal_mode = DELETE").fetchone()
            finally:
                target.close()
        except sqlite3.DatabaseError as err:
            raise BackupError(
                _(
                    "The ledger ‘{path}’ could not be copied before the restore ({reason}); "
                    "nothing was changed."
                ).format(path=ledger, reason=err)
            ) from err
        damaged = not _sound(part)
        kind = backup_folder.DAMAGED if damaged else backup_folder.BEFORE_RESTORE
        out = backup_folder.free_name(folder, f"{ledger.stem}-{kind}", now)
        backup._fsync(part)
        os.replace(part, out)
        backup._fsync_folder(folder)
    except OSError as err:
        raise backup._os_error(folder, err) from err
    finally:
        with contextlib.suppress(FileNotFoundError):
            part.unlink()
    return out, damaged


def _sound(path: Path) -> bool:
    """True when SQLite finds every page and b-tree of the file in order."""
    try:
        conn = sqlite3.connect(backup._read_only(path), uri=True)
        try:
            return [r[0] for r in conn.execute("PRAGMA quick_check")] == ["ok"]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def _write_pages(source: Path, conn: sqlite3.Connection, ledger: Path) -> None:
    """The backup's pages into the locked ledger, in one transaction."""
    src = sqlite3.connect(backup._read_only(source), uri=True)
    try:
        src.backup(conn)
    except sqlite3.Error as err:
        raise BackupError(
            _("The backup could not be restored into ‘{path}’: {reason}").format(
                path=ledger, reason=err
            )
        ) from err
    finally:
        src.close()


def _write_new(source: Path, ledger: Path) -> None:
    """No ledger file yet: the backup's pages into a new one."""
    src = sqlite3.connect(backup._read_only(source), uri=True)
    try:
        dst = sqlite3.connect(ledger)
        try:
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


_COMPANIONS = ("-wal", "-shm", "-journal")


def _raw_copy(ledger: Path, folder: Path, now: dt.datetime) -> Path:
    """A ledger SQLite cannot open, copied byte for byte (with its -wal file, if any)
    for inspection. Safe only because no SQLite connection of this process has it open
    (`_not_open_here`; the restore's own failed to read it and is closed)."""
    out = backup_folder.free_name(folder, f"{ledger.stem}-{backup_folder.DAMAGED}", now)
    try:
        shutil.copyfile(ledger, out)
        wal = Path(f"{ledger}-wal")
        if wal.is_file():
            shutil.copyfile(wal, Path(f"{out}-wal"))
        backup._fsync(out)
    except OSError as err:
        with contextlib.suppress(OSError):
            out.unlink()
        raise backup._os_error(out, err) from err
    return out


def _replace_file(source: Path, ledger: Path) -> None:
    """Put a copy of the backup in place of a ledger file SQLite cannot open."""
    fd, name = tempfile.mkstemp(prefix=f".{ledger.name}.", suffix=".part", dir=ledger.parent)
    os.close(fd)
    part = Path(name)
    try:
        backup._copy_pages(source, part)
        backup._fsync(part)
        # The -wal and -shm beside it belong to the damaged file (kept with its copy):
        # left there, SQLite would apply them to the restored one.
        for suffix in _COMPANIONS:
            Path(f"{ledger}{suffix}").unlink(missing_ok=True)
        os.replace(part, ledger)
        backup._fsync_folder(ledger.parent)
    except OSError as err:
        raise backup._os_error(ledger, err) from err
    finally:
        with contextlib.suppress(FileNotFoundError):
            part.unlink()


@dataclass(frozen=True)
class GoodBackup:
    """The newest backup of a ledger that checks out, with what it holds."""

    backup: BackupFile
    totals: LedgerTotals

    def sentence(self) -> str:
        last = self.totals.last_entry_on.isoformat() if self.totals.last_entry_on else "—"
        return _(
            "The latest good backup is {path}, taken {time}: {customers} customers, "
            "{entries} entries, last entry {last}."
        ).format(
            path=self.backup.path,
            time=self.backup.label(),
            customers=self.totals.customers,
            entries=self.totals.entries,
            last=last,
        )


def latest_good(ledger: str | Path, folder: str | Path | None = None) -> GoodBackup | None:
    """The newest backup of `ledger` in `folder` (default: beside it) that checks out
    (every page and b-tree; a Qingkuan ledger this program can read), or None. A
    damaged ledger kept by a restore is never offered."""
    folder = Path(folder).expanduser() if folder else backup_folder.default_folder(ledger)
    for b in backup_folder.list_backups(folder, ledger):
        if b.kind == backup_folder.DAMAGED:
            continue
        try:
            return GoodBackup(b, read_totals(b.path, thorough=False))
        except LedgerFileError:
            continue
    return None


def damaged_parts(path: str | Path) -> list[str]:
    """The tables of the SQLite file at `path` whose pages are damaged (indexes are
    named by their table), as far as SQLite can read its list of tables; ["?"] when
    it cannot even read that. Reads only."""
    try:
        conn = sqlite3.connect(backup._read_only(Path(path)), uri=True)
    except sqlite3.Error:
        return ["?"]
    try:
        try:
            names = [
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            ]
        except sqlite3.DatabaseError:
            return ["?"]
        damaged = []
        for name in names:
            quoted = name.replace('"', '""')
            try:
                rows = conn.execute(f'PRAGMA quick_check("{quoted}")').fetchall()
            except sqlite3.DatabaseError:
                rows = []
            if [r[0] for r in rows] != ["ok"]:
                damaged.append(name)
        return damaged
    finally:
        conn.close()


def is_damaged(path: str | Path) -> bool:
    """True when the SQLite file at `path` is missing or not a sound ledger: SQLite
    cannot read it, a page or b-tree is damaged, it is empty or not a Qingkuan ledger,
    or its version is unreadable. A ledger of a newer version is not damaged. Opens the
    file read-only: call it only while this process has no connection to it."""
    try:
        read_totals(path, thorough=False)
    except backup.NewerLedger:
        return False
    except LedgerFileError:
        return True
    return False


# What the tables hold, in the words of the user (the others are named as they are).
def _table_words() -> dict[str, str]:
    return {
        "customer": _("customers"),
        "entry": _("entries"),
        "promise": _("promises"),
        "cheque": _("cheques"),
        "meta": _("the ledger's own details"),
        "setting": _("settings"),
        "balance_cache": _("balances"),
        "entry_chain": _("the entries' hash chain"),
    }


def damage_lines(ledger: str | Path, folder: str | Path | None = None) -> list[str]:
    """What is damaged in the SQLite ledger at `ledger`, and the latest good backup to
    restore (when there is one), in sentences. Reads only; the ledger must not be open
    in this process."""
    parts = damaged_parts(ledger)
    words = _table_words()
    if parts == ["?"]:
        what = _("‘{path}’ is damaged: SQLite cannot read its list of tables.").format(path=ledger)
    elif parts:
        named = ", ".join(f"{p} ({words[p]})" if p in words else p for p in parts)
        what = _("‘{path}’ is damaged: SQLite cannot read the pages of {tables}.").format(
            path=ledger, tables=named
        )
    else:
        what = _("‘{path}’ is damaged: SQLite found an error in it.").format(path=ledger)
    return [what, *restore_advice(ledger, folder)]


def restore_advice(ledger: str | Path, folder: str | Path | None = None) -> list[str]:
    """The latest good backup of `ledger` and how to restore it, or that there is none."""
    good = latest_good(ledger, folder)
    if good is None:
        where = Path(folder) if folder else backup_folder.default_folder(ledger)
        return [_("There is no good backup of it in {folder}.").format(folder=where)]
    return [
        good.sentence(),
        _(
            "To restore it, run ‘restore --latest’ or use File → Restore in the window "
            "(the ledger as it is now is kept)."
        ),
    ]
