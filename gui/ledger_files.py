"""Opening ledgers for the GUI: the model opens, this adds what a desktop user needs
(a warning for SQLite on a network share, the demo ledger built as a copy)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStorageInfo

from models import db, demo

log = logging.getLogger(__name__)

NETWORK_FILESYSTEMS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smbfs",
    "smb3",
    "afpfs",
    "9p",
    "fuse.sshfs",
    "webdav",
    "davfs",
}


def open_ledger(target: str) -> None:
    """Open a ledger file or PostgreSQL URL; raises the model's `LedgerFileError`."""
    db.open_ledger(target)


def network_share_warning(target: str) -> str:
    """A warning when a SQLite ledger sits on a network share ('' otherwise)."""
    if db.is_postgres_url(target):
        return ""
    path = Path(target)
    on_share = str(path).startswith(("\\\\", "//"))
    if not on_share:
        kind = bytes(QStorageInfo(str(path.parent)).fileSystemType().data()).decode(
            errors="replace"
        )
        on_share = kind.lower() in NETWORK_FILESYSTEMS
    if not on_share:
        return ""
    return QCoreApplication.translate(
        "LedgerFiles",
        "This ledger is on a network share. A ledger file must not be shared between "
        "computers this way: it can be damaged when two people write at once. To share "
        "a ledger, use the PostgreSQL mode (a postgresql:// address).",
    )


def build_demo(path: Path, progress: Callable[[int, int], None] | None = None) -> None:
    """Build the demo ledger at `path` (a copy to play with: the real ledger stays clean)."""
    demo.build_demo_file(path, progress)
