"""File → Export, Back up now, Restore, the backup folder and the status line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui import app as gui_app
from gui.app import Launcher
from gui.backups import dialogs as backup_dialogs
from gui.backups.dialogs import BackupNowDialog, RestoreDialog, SharedBackupDialog
from gui.exports.dialog import AGING, CUSTOMERS, ENTRIES, LEDGER, ExportDialog
from gui.mainwindow import MainWindow
from models.ledger import customers, posting
from models.storage import backup, backup_folder, db
from tests.gui.conftest import add_customer
from tests.gui.test_posting import _save, open_page


def _pick(dialog: ExportDialog, kind: str, out: Path) -> None:
    dialog.what.setCurrentIndex(dialog.what.findData(kind))
    dialog.path.setText(str(out))


def test_export_from_the_window(
    window: MainWindow, qtbot: QtBot, shop: int, tmp_path: Path
) -> None:
    posting.post_delivery(shop, dt.date(2026, 11, 2), 456_00, doc_no="S-9")
    add_customer("C0002", "西关李记")
    window.customer_list.reload()
    qtbot.waitUntil(lambda: not window.customer_list.reader.busy)
    dialog = window.export()
    assert dialog.what.findData(LEDGER) == -1  # no customer open: no ledger to export
    _pick(dialog, AGING, tmp_path / "aging.xlsx")
    assert dialog.as_of.isVisibleTo(dialog) and not dialog.date_from.isVisibleTo(dialog)
    _save(qtbot, dialog)
    assert openpyxl.load_workbook(tmp_path / "aging.xlsx").active["A2"].value == "C0001"
    assert "rows written" in dialog.done_label.text()
    _pick(dialog, ENTRIES, tmp_path / "entries.csv")
    _save(qtbot, dialog)
    lines = (tmp_path / "entries.csv").read_text(encoding="utf-8").splitlines()
    assert lines[1] == "C0001,2026-11-02,delivery,456.00,S-9,,,,,"
    dialog.close()
    # The list as filtered: only what the search shows.
    window.customer_list.search.setText("C0002")
    qtbot.waitUntil(lambda: window.customer_list.model.rowCount() == 1)
    dialog = window.export()
    _pick(dialog, CUSTOMERS, tmp_path / "list.csv")
    assert "The 1 customers" in dialog.note.text()
    _save(qtbot, dialog)
    lines = (tmp_path / "list.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and lines[1].startswith("C0002,西关李记,")
    dialog.close()
    open_page(window, qtbot, shop)
    dialog = window.export()
    _pick(dialog, LEDGER, tmp_path / "ledger.xlsx")
    dialog.date_from.setDate(dt.date(2026, 11, 1))
    _save(qtbot, dialog)
    sheet = openpyxl.load_workbook(tmp_path / "ledger.xlsx").active
    assert [c.value for c in sheet[3]][:3] == ["2026-11-02", "Delivery", "S-9"]


def test_a_bad_export_path_is_said_inline(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    dialog = window.export()
    dialog.path.setText(str(tmp_path / "aging.pdf"))
    _save(qtbot, dialog)
    assert ".csv or .xlsx" in dialog.error.text() and dialog.isVisible()


@pytest.fixture
def sqlite_window(sqlite_ledger: str, launcher: Launcher, qtbot: QtBot):  # type: ignore[no-untyped-def]
    assert launcher.open(sqlite_ledger)
    window = launcher.window
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.customer_list.reader.busy)
    qtbot.waitUntil(lambda: not launcher.keeper.runner.busy)
    yield window
    launcher.shutdown()


def test_backed_up_on_open_and_status_line(
    sqlite_window: MainWindow, sqlite_ledger: str, qtbot: QtBot
) -> None:
    folder = Path(sqlite_ledger).parent / "backups"
    assert len(backup_folder.list_backups(folder, sqlite_ledger)) == 1  # made when it opened
    assert sqlite_window.backup_label.text() == "Last backup 2026-11-26 09:00"
    keeper = sqlite_window.keeper
    text, warning = keeper.status(dt.datetime(2026, 12, 3, 9, 0, 1))
    assert warning and text.startswith("No backup for 7 days")
    # Hourly: only when something changed.
    keeper.hourly()
    assert not keeper.runner.busy
    add_customer("C1", "新店")
    keeper.dirty = True
    with qtbot.waitSignal(keeper.backed_up):
        keeper.hourly()


def test_back_up_now_and_restore(
    sqlite_window: MainWindow,
    sqlite_ledger: str,
    launcher: Launcher,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_customer("C1", "东城王记")
    dialog = sqlite_window.back_up_now()
    assert isinstance(dialog, BackupNowDialog)
    qtbot.waitUntil(lambda: dialog.written is not None)
    saved = dialog.written
    assert (
        backup.read_totals(saved).customers == 1 and "Backup written" in dialog.result_label.text()
    )
    dialog.close()
    add_customer("C2", "后来的")
    dialog = sqlite_window.restore()
    assert isinstance(dialog, RestoreDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    assert dialog.table.item(0, 2).text() == "1"  # customers in the newest backup
    asked: list[str] = []
    monkeypatch.setattr(backup_dialogs, "ask", lambda _p, _t, q: asked.append(q) or True)
    told: list[str] = []
    monkeypatch.setattr(gui_app, "inform_user", lambda _p, _t, text: told.append(text))
    rows = [dialog.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(2)]
    dialog.table.selectRow(rows.index(str(saved)))
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: launcher.window is not sqlite_window)
    assert "1 customers" in asked[0]
    assert len(told) == 1  # the window says what was restored
    assert [c.code for c in customers.list_customers()] == ["C1"]
    kept = backup_folder.list_backups(Path(sqlite_ledger).parent / "backups", sqlite_ledger)
    assert any(backup.read_totals(b.path).customers == 2 for b in kept)  # the replaced one
    qtbot.waitUntil(lambda: not launcher.keeper.runner.busy)


def test_restore_refuses_a_damaged_file(
    sqlite_window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    junk = tmp_path / "junk.qkledger"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    dialog = sqlite_window.restore()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    dialog.add_file(junk)
    dialog.table.selectRow(1)
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(dialog.error.text()))
    assert "damaged" in dialog.error.text() and dialog.isVisible()


def test_missing_backup_folder_is_a_warning(
    sqlite_window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    dialog = sqlite_window.choose_backup_folder()
    dialog.path.setText(str(tmp_path / "usb"))
    _save(qtbot, dialog)
    assert "is not there" in dialog.error.text()
    (tmp_path / "usb").mkdir()
    _save(qtbot, dialog)
    keeper = sqlite_window.keeper
    assert keeper.folder() == tmp_path / "usb"
    (tmp_path / "usb").rmdir()  # the stick is pulled out
    keeper.back_up()
    qtbot.waitUntil(lambda: "is not there" in sqlite_window.backup_label.text())


@pytest.mark.postgres
@pytest.mark.parametrize("ledger", ["postgres"], indirect=True)  # a shared ledger only
def test_shared_ledger_shows_the_server_commands(window: MainWindow, ledger: str) -> None:
    assert db.is_postgres()
    assert not window.restore_action.isVisible() and window.restore() is None
    assert window.backup_action.text() == "&Backups of the shared ledger…"
    dialog = window.back_up_now()
    assert isinstance(dialog, SharedBackupDialog)
    text = dialog.commands.toPlainText()
    assert text.startswith("pg_dump ") and "pg_restore" in text and "qingkuan:" not in text


def test_after_a_restore_the_window_says_what_was_restored_and_where_the_old_one_is(
    sqlite_window: MainWindow,
    sqlite_ledger: str,
    launcher: Launcher,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from gui import app

    qtbot.waitUntil(lambda: not sqlite_window.keeper.runner.busy)
    add_customer("C1", "东城王记")
    first = backup_folder.auto_backup(sqlite_ledger)
    second = backup_folder.auto_backup(sqlite_ledger)  # the same second as the first
    add_customer("C2", "后来的")
    dialog = sqlite_window.restore()
    qtbot.waitUntil(lambda: dialog.table.rowCount() >= 3)
    taken = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert len(set(taken)) == len(taken)  # same-second backups told apart
    told: list[str] = []
    monkeypatch.setattr(app, "inform_user", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(backup_dialogs, "ask", lambda _p, _t, _q: True)
    rows = [dialog.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(len(taken))]
    dialog.table.selectRow(rows.index(str(second)))
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(told))
    kept = next(
        b.path
        for b in backup_folder.list_backups(first.parent, sqlite_ledger)
        if b.kind == backup_folder.BEFORE_RESTORE
    )
    n = second.stem.rsplit("-", 1)[1]  # shop-20261126-090000-N: the N-th that second
    assert n.isdigit() and int(n) >= 2
    assert told[0] == (
        f"{sqlite_ledger} restored from {second} (taken 2026-11-26 09:00:00 ({n})): 1 customers, "
        f"0 entries, last entry —.\n\nThe ledger as it was is kept as {kept}."
    )
    assert kept.name == "test-before-restore-20261126-090000.qkledger"
    assert [c.code for c in customers.list_customers()] == ["C1"]
    qtbot.waitUntil(lambda: not launcher.keeper.runner.busy)
