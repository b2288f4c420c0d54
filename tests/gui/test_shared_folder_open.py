"""Opening a ledger that sits in a sync folder from the window (issue 17.13): it is
never written there; the dialog offers a local copy (made through SQLite's backup API,
then opened as the ledger) or a read-only look, and points to PostgreSQL."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from gui.app import Launcher
from models.ledger import customers
from models.storage import db
from tests.models.helpers import make_customer


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def synced(tmp_path: Path) -> Path:
    """A ledger with one customer that a clerk moved into the Dropbox folder."""
    made = tmp_path / "shop.qkledger"
    db.open_ledger(made)
    make_customer()
    db.close_ledger()
    path = tmp_path / "Dropbox" / "shop.qkledger"
    path.parent.mkdir()
    made.rename(path)
    return path


def answer(button: str, texts: list[str]) -> None:
    """Click `button` (an object name, or "cancel") in the shared-folder dialog."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        texts.append(box.text())
        if button == "cancel":
            box.button(QMessageBox.StandardButton.Cancel).click()
        else:
            box.findChild(QPushButton, button).click()

    QTimer.singleShot(20, click)


def test_a_ledger_in_a_sync_folder_opens_as_a_local_copy(
    launcher: Launcher, synced: Path, data_dir: Path, qtbot: QtBot
) -> None:
    before, texts = _digest(synced), []
    answer("local_copy_button", texts)
    assert launcher.open(str(synced))
    assert "the Dropbox sync folder" in texts[0] and "PostgreSQL" in texts[0]
    copy = data_dir / "shop.qkledger"
    assert db.current_target() == str(copy) and not db.is_read_only()
    assert [c.code for c in customers.list_customers()] == ["C001"]
    assert launcher.window is not None and "shop.qkledger" in launcher.window.windowTitle()
    assert launcher.prefs.the_ledger() == str(copy)  # the copy is the ledger from now on
    launcher.shutdown()
    db.close_ledger()
    assert _digest(synced) == before
    assert sorted(p.name for p in synced.parent.iterdir()) == ["shop.qkledger"]


def test_a_ledger_in_a_sync_folder_can_be_looked_at_read_only(
    launcher: Launcher, synced: Path, qtbot: QtBot
) -> None:
    before, texts = _digest(synced), []
    answer("read_only_button", texts)
    assert launcher.open(str(synced))
    assert db.current_target() == str(synced) and db.is_read_only()
    assert launcher.keeper is not None and not launcher.keeper.enabled  # no backups there
    launcher.shutdown()
    db.close_ledger()
    assert _digest(synced) == before
    assert sorted(p.name for p in synced.parent.iterdir()) == ["shop.qkledger"]


def test_cancel_opens_nothing(launcher: Launcher, synced: Path, qtbot: QtBot) -> None:
    answer("cancel", [])
    assert not launcher.open(str(synced))
    assert db.current_target() == "" and launcher.window is None
