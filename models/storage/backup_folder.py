"""The backup folder: the backups' names, listing them, automatic backups and which
of them are kept.

Automatic backups are named ``<ledger stem>-YYYYMMDD-HHMMSS.qkledger`` (``-2``, ``-3`` …
for more in the same second) and kept by `prune`: the last 10, plus the newest of each
of the last 30 days, plus the newest of each month of the last year. Files with other
names are never touched; nor are the copies a restore keeps of the ledger it replaced,
``<stem>-before-restore-….qkledger`` (or ``<stem>-damaged-…`` when it was damaged).

Making one backup and checking a file is `backup`; restoring is `restoring`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from models.storage.backup import BackupError, back_up
from models.vocabulary import clock
from models.vocabulary.i18n import _

BACKUP_SUFFIX = ".qkledger"
FOLDER_NAME = "backups"
KEEP_LAST = 10
KEEP_DAYS = 30
KEEP_MONTHS = 12
STALE_PART_SECONDS = 3600  # a .part older than this belongs to a backup that died
WARN_AFTER = dt.timedelta(days=7)
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.qkledger$")
AUTOMATIC, BEFORE_RESTORE, DAMAGED = "automatic", "before-restore", "damaged"


@dataclass(frozen=True)
class BackupFile:
    """A backup in a backup folder: where, when it was taken, how large (bytes), the
    2, 3 … of backups taken in the same second (1 for the first), and what kind it is:
    `AUTOMATIC` (also Back up now), `BEFORE_RESTORE` (the ledger a restore replaced) or
    `DAMAGED` (a damaged ledger a restore replaced, kept as it was for inspection)."""

    path: Path
    taken_at: dt.datetime
    size: int
    n: int = 1
    kind: str = AUTOMATIC

    def label(self) -> str:
        """The time, told apart from others of the same second and kind, e.g.
        "2026-11-26 09:00:00 (2), before a restore"."""
        text = self.taken_at.strftime("%Y-%m-%d %H:%M:%S")
        if self.n > 1:
            text += f" ({self.n})"
        if self.kind == BEFORE_RESTORE:
            text = _("{time}, before a restore").format(time=text)
        elif self.kind == DAMAGED:
            text = _("{time}, damaged ledger replaced by a restore").format(time=text)
        return text


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


def list_backups(folder: str | Path, ledger: str | Path | None = None) -> list[BackupFile]:
    """The backups in `folder` (of `ledger` only, when given), newest first; the copies
    restores kept of the ledgers they replaced are among them."""
    folder = Path(folder).expanduser()
    stem = Path(ledger).stem if ledger is not None else None
    found: list[tuple[tuple[dt.datetime, int, int], BackupFile]] = []
    try:
        candidates = list(folder.iterdir())
    except OSError:
        return []
    for path in candidates:
        match = _NAME.match(path.name)
        if not match:
            continue
        of, kind = _kind(match["stem"])
        if stem is not None and of != stem:
            continue
        try:
            taken = dt.datetime.strptime(match["stamp"], _STAMP)
            stat = path.stat()
        except (ValueError, OSError):
            continue
        b = BackupFile(path, taken, stat.st_size, int(match["n"] or 1), kind)
        # Within one second: the order the files were written (a copy a restore kept
        # among automatic backups), then the -2, -3 ….
        found.append(((taken, b.n, stat.st_mtime_ns), b))
    found.sort(key=lambda pair: (pair[0][0], pair[0][2], pair[0][1]), reverse=True)
    return [b for _key, b in found]


def _kind(stem: str) -> tuple[str, str]:
    """The ledger's stem and the kind of backup, from the stem in a backup's name."""
    for kind in (BEFORE_RESTORE, DAMAGED):
        if stem.endswith(f"-{kind}"):
            return stem[: -len(kind) - 1], kind
    return stem, AUTOMATIC


def _newest_last(b: BackupFile) -> tuple[dt.datetime, int]:
    """Order of taking: the time, then the -2, -3 … of backups made in the same second."""
    return b.taken_at, b.n


def is_backup_file(path: str | Path, folder: str | Path | None = None) -> bool:
    """True for a backup's file: named like one, in a ``backups`` folder or in `folder`
    (where the window puts them). Such a file is opened as a read-only view: opened as
    the ledger, the next posts would go into an old copy and its own backups into
    ``backups/backups``."""
    path = Path(path).expanduser()
    if not _NAME.match(path.name):
        return False
    parent = path.resolve().parent
    return parent.name == FOLDER_NAME or (
        folder is not None and _same_file(parent, Path(folder).expanduser())
    )


def last_backup(folder: str | Path, ledger: str | Path) -> BackupFile | None:
    """The newest backup of `ledger` in `folder` (automatic or kept by a restore)."""
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
    out = free_name(folder, Path(ledger).stem, now)
    back_up(ledger, out)
    prune(folder, ledger, now)
    return out


def free_name(folder: Path, stem: str, at: dt.datetime) -> Path:
    """``<stem>-YYYYMMDD-HHMMSS.qkledger`` in `folder`, or with -2, -3 … when a backup of
    that second is there already (open, then Back up now)."""
    out = folder / f"{stem}-{at.strftime(_STAMP)}{BACKUP_SUFFIX}"
    n = 1
    while out.exists():
        n += 1
        out = folder / f"{stem}-{at.strftime(_STAMP)}-{n}{BACKUP_SUFFIX}"
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


def prune(
    folder: str | Path,
    ledger: str | Path,
    now: dt.datetime | None = None,
    spare: Path | None = None,
) -> list[Path]:
    """Delete the automatic backups of `ledger` in `folder` that the retention rule no
    longer keeps (never `spare`, nor a copy a restore kept), and ``.part`` files of
    backups that died long ago. Returns what was deleted."""
    folder = Path(folder)
    backups = [b for b in list_backups(folder, ledger) if b.kind == AUTOMATIC]
    keep = to_keep(backups, now or clock.now())
    removed: list[Path] = []
    for b in backups:
        if b.path not in keep and not (spare is not None and _same_file(b.path, spare)):
            with contextlib.suppress(FileNotFoundError):
                b.path.unlink()
            removed.append(b.path)
    for part in folder.glob(f".{Path(ledger).stem}-*.part*"):  # with its -journal
        with contextlib.suppress(OSError):
            if time.time() - part.stat().st_mtime > STALE_PART_SECONDS:
                part.unlink()
    return removed


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
