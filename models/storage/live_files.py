"""The files this process has open through SQLite, and reading a file's first bytes
without ever opening one of them.

POSIX file locks belong to a process and a file, not to a file descriptor: when any code
in a process closes any descriptor of a file, every lock the process holds on that file
is gone, the locks SQLite's own connections took included (SQLite's "How To Corrupt An
SQLite Database File", §2.2). Another program closing the ledger then takes itself for
the last user: it checkpoints, deletes the -wal and -shm files, and this process goes on
writing into a deleted -wal file (committed posts vanish) or reads and checkpoints
through a stale wal-index (a page of the ledger overwritten by another).

So no code here opens a file that a SQLite connection of this process has opened:
`remember` is called for every file SQLite opens (the ledger, a backup read, a restore's
target); `is_open_here` tells; `read_header` reads the first bytes of other files only.
Where the system lists a process's open files (Linux: /proc/self/fd), a remembered file
counts only while a descriptor of this process still refers to it, or for a minute after
it was remembered (SQLite opens it just after `remember`): once every connection is
closed no lock is held, and ext4 hands a deleted ledger's inode to the next new file, a
CSV the clerk imports among them. Elsewhere a file stays remembered for the life of the
process (macOS does not reuse inode numbers; Windows has no POSIX locks to lose).
"""

from __future__ import annotations

import errno
import os
import threading
import time
from pathlib import Path

_lock = threading.Lock()
_remembered: dict[tuple[int, int], float] = {}  # identity → when it was remembered
_FD_FOLDER = Path("/proc/self/fd")
CONNECTING_SECONDS = 60.0  # between `remember` and SQLite's own open of the file


def _identity(path: str | Path) -> tuple[int, int] | None:
    """(device, inode) of the file at `path` (symbolic links followed), or None."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def remember(path: str | Path) -> None:
    """Note that SQLite opens `path` in this process (call before connecting)."""
    found = _identity(path)
    if found is not None:
        with _lock:
            _remembered[found] = time.monotonic()


def is_open_here(path: str | Path) -> bool:
    """True when `path` is (or was) open through SQLite in this process: the same file
    under any name (a hard link, a symbolic link, a relative path)."""
    found = _identity(path)
    if found is None:
        return False
    with _lock:
        since = _remembered.get(found)
    if since is None:
        return False
    if time.monotonic() - since < CONNECTING_SECONDS or not _FD_FOLDER.is_dir():
        return True
    return found in _open_identities()


def _open_identities() -> set[tuple[int, int]]:
    """(device, inode) of every file a descriptor of this process refers to now."""
    found = set()
    try:
        names = os.listdir(_FD_FOLDER)
    except OSError:
        return found
    for name in names:
        identity = _identity(_FD_FOLDER / name)
        if identity is not None:
            found.add(identity)
    return found


class OpenHere(OSError):
    """The file is open through SQLite in this process: it is never opened otherwise."""

    def __init__(self, path: str) -> None:
        from models.vocabulary.i18n import _

        super().__init__(errno.EBUSY, _("it is the ledger this program has open"), path)


def read_header(path: str | Path, size: int = 16) -> bytes:
    """The first `size` bytes of the file at `path`. Raises `OpenHere` (instead of
    opening it) for a file SQLite has open in this process; `OSError` as `open` does."""
    if is_open_here(path):
        raise OpenHere(str(path))
    with open(path, "rb") as fh:
        return fh.read(size)


def read_bytes(path: str | Path) -> bytes:
    """The whole file at `path` (a picture the user chose), never one SQLite has open
    in this process: `OpenHere` instead."""
    if is_open_here(path):
        raise OpenHere(str(path))
    with open(path, "rb") as fh:
        return fh.read()
