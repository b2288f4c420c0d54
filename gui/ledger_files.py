"""Opening ledgers for the GUI: the model opens, this adds what a desktop user needs
(a choice for a ledger in a shared folder, the demo ledger built as a copy)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from models import db, demo
from models.shared_folders import SharedFolderError, local_copy_path

log = logging.getLogger(__name__)


def open_ledger(target: str, *, reading: bool = False) -> None:
    """Open an existing ledger file or a PostgreSQL URL; raises the model's
    `LedgerFileError` (`PasswordNeeded` when a shared ledger wants a password,
    `SharedFolderError` for a file in a shared folder unless only `reading`). Only
    the welcome screen's "new ledger" and the demo create a ledger file."""
    db.open_ledger(target, create=False, upgrade=not reading)


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


def ask_about_shared_folder(parent: QWidget | None, err: SharedFolderError) -> str:
    """The ledger is in a shared folder (a network drive, a sync folder), where it is
    never written: "copy" (work on a copy on this computer), "view" (look at it
    read-only) or "" (cancel)."""
    box = QMessageBox(parent)
    box.setObjectName("shared_folder_dialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("LedgerFiles", "Ledger in a shared folder"))
    box.setText(
        QCoreApplication.translate(
            "LedgerFiles",
            "‘{path}’ is in {place}. A ledger file there can lose entries or be damaged "
            "when two computers write it, so Qingkuan does not write it there.\n\n"
            "Work on a copy on this computer (it is made in {folder} and opened), or only "
            "look at the ledger there (read-only: printing and exporting work).\n\n"
            "To share one ledger between the computers of an office, use a PostgreSQL "
            "server (a postgresql:// address).",
        ).format(
            path=err.path,
            place=err.place.describe(),
            folder=local_copy_path(err.path).parent,
        )
    )
    copy = box.addButton(
        QCoreApplication.translate("LedgerFiles", "Work on a local copy"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    copy.setObjectName("local_copy_button")
    view = box.addButton(
        QCoreApplication.translate("LedgerFiles", "Look at it read-only"),
        QMessageBox.ButtonRole.ActionRole,
    )
    view.setObjectName("read_only_button")
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(copy)
    box.exec()
    clicked = box.clickedButton()
    return "copy" if clicked is copy else "view" if clicked is view else ""


def build_demo(path: Path, progress: Callable[[int, int], None] | None = None) -> None:
    """Build the demo ledger at `path` (a copy to play with: the real ledger stays clean)."""
    demo.build_demo_file(path, progress)
