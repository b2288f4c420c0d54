"""Opening ledgers for the GUI: the model opens, this adds what a desktop user needs
(a choice for a ledger in a shared folder, the demo ledger built as a copy)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from models.exchange import demo
from models.storage import db, schema_audit
from models.storage.shared_folders import SharedFolderError, local_copy_path

log = logging.getLogger(__name__)


def open_ledger(target: str, *, reading: bool = False, backup_view: bool = False) -> None:
    """Open an existing ledger file or a PostgreSQL URL (a backup's file read-only, as a
    view); raises the model's `LedgerFileError` (`PasswordNeeded` when a shared ledger
    wants a password, `SharedFolderError` for a file in a shared folder unless only
    `reading`). Only the welcome screen's "new ledger" and the demo create a ledger file."""
    db.open_ledger(
        target, create=False, upgrade=not (reading or backup_view), backup_view=backup_view
    )


def ask_to_remove_foreign(parent: QWidget | None, names: list[str]) -> bool:
    """Ask whether to remove what Qingkuan did not make (tests replace this function)."""
    text = QCoreApplication.translate(
        "LedgerFiles",
        "This ledger holds things Qingkuan did not make:\n\n{names}\n\nThey could change "
        "your figures whenever you post (a ledger received from elsewhere can carry them). "
        "Remove them and open the ledger?\n\nIf you added them yourself on purpose, "
        "answer No: the ledger then stays closed.",
    ).format(names="\n".join(f"• {name}" for name in names))
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("LedgerFiles", "Foreign triggers in the ledger"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def remove_foreign(parent: QWidget | None, target: str, names: list[str]) -> bool:
    """Opening refused a ledger file holding `names`: ask, and remove them if the user
    agrees (the model removes them, in one transaction). True when removed."""
    if db.is_postgres_url(target) or not ask_to_remove_foreign(parent, names):
        return False
    removed = schema_audit.remove_foreign(target)
    log.warning("removed from %s: %s", target, ", ".join(p.thing for p in removed))
    return True


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
