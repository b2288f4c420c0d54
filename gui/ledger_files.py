"""Opening ledgers for the GUI: the model opens, this adds what a desktop user needs
(a warning for SQLite on a network share, the demo ledger built as a copy)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStorageInfo
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

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


def open_ledger(target: str, *, backup_view: bool = False) -> None:
    """Open an existing ledger file or a PostgreSQL URL (a backup's file read-only, as a
    view); raises the model's `LedgerFileError` (`PasswordNeeded` when a shared ledger
    wants a password). Only the welcome screen's "new ledger" and the demo create a
    ledger file."""
    db.open_ledger(target, create=False, backup_view=backup_view)


def ask_password(parent: QWidget | None, ledger: str, wrong: bool) -> str | None:
    """Ask for the password of the shared ledger `ledger` (shown as user@host/db);
    None when the user cancels. It is never stored: only the address is remembered."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("password_dialog")
    dialog.setWindowTitle(QCoreApplication.translate("LedgerFiles", "Password"))
    text = (
        QCoreApplication.translate(
            "LedgerFiles", "The password was not accepted. Password for {ledger}:"
        )
        if wrong
        else QCoreApplication.translate("LedgerFiles", "Password for {ledger}:")
    )
    dialog.setLabelText(text.format(ledger=ledger))
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    if dialog.exec() != QInputDialog.DialogCode.Accepted:
        return None
    return dialog.textValue()


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
