"""The clerk's session that damaged a ledger (issue 17, item 2), in the window's own
process (offscreen) with another program reading the ledger.

The cause: Qt's own file dialog told each file's type by opening and closing it when the
name does not tell (``.qkledger``), on the window's thread. The window started in the
ledger's folder, so the import wizard's Browse… (and Settings' picture and font choosers,
which start there too) opened and closed the live ledger: POSIX dropped every lock the
window's process held on it. Another program reading the ledger then took itself for the
last user when it closed: it checkpointed and deleted the -wal and -shm files. The
window's long-lived connection went on with the deleted -wal file while the import's
worker thread wrote a new one, both indexed by one stale wal-index; the window then read
(and at closing checkpointed) the import's page 1 from its own old -wal file, where a
page of the `setting` table lay: "file is not a database", page 1 overwritten.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QMessageBox
from pytestqt.qtbot import QtBot
from reportlab.pdfgen.canvas import Canvas

from gui import file_dialogs, table_export
from gui.app import Launcher
from gui.background import BackgroundReader
from gui.exports.dialog import AGING, CUSTOMERS, ENTRIES
from gui.importing.steps import CHECK, COLUMNS_PAGE, DONE
from gui.mainwindow import MainWindow
from gui.printing.documents import Printout
from gui.printing.preview import PreviewDialog
from models.ledger import customers, settings
from models.storage import backup, db
from models.vocabulary.customer_records import CustomerDraft


def _another_program_reads(path: Path) -> int:
    code = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "print(c.execute('SELECT count(*) FROM entry').fetchone()[0]); c.close()"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], check=True, capture_output=True)
    return int(done.stdout)


def _look_and_cancel(ledger: Path, looked: list[str]) -> None:
    """Once the open file dialog has listed the ledger's folder (its type column filled
    in for the ledger), cancel it, as a clerk who picked nothing."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QFileDialog):
        QTimer.singleShot(20, lambda: _look_and_cancel(ledger, looked))
        return
    model = dialog.findChild(QFileSystemModel)
    index = model.index(str(ledger), 2) if model is not None else None
    kind = str(index.data()) if index is not None and index.isValid() else ""
    if not kind:
        QTimer.singleShot(20, lambda: _look_and_cancel(ledger, looked))
        return
    looked.append(kind)
    dialog.reject()


def _integrity(path: Path) -> tuple[bytes, str]:
    header = path.read_bytes()[:16]
    try:
        conn = sqlite3.connect(path)
        try:
            return header, conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        return header, str(err)


@pytest.mark.skipif(sys.platform.startswith("win"), reason="Windows keeps its native dialog")
def test_browsing_for_an_import_beside_the_ledger_damages_nothing(
    launcher: Launcher,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ledger = tmp_path / "l.qkledger"
    db.open_ledger(str(ledger))
    shop = customers.add_customer(CustomerDraft(code="C1", name="东城王记"))
    db.close_ledger()
    monkeypatch.chdir(tmp_path)  # started in the ledger's folder, as in the session's log
    assert launcher.open(ledger.name)
    window = launcher.window
    assert window is not None
    qtbot.waitUntil(lambda: not window.customer_list.reader.busy)
    company = settings.get_company()
    for n in range(300):  # the Settings dialog's saves: the -wal file full of `setting` pages
        saved = dataclasses.replace(company, name=f"鑫达食品 {n}")
        window.ops.write(window, lambda saved=saved: settings.save_company(saved))

    wizard = window.import_wizard()
    looked: list[str] = []
    QTimer.singleShot(0, lambda: _look_and_cancel(ledger, looked))
    wizard.choose_file()  # Browse…: the real dialog, in the working folder
    assert looked and wizard.path.text() == ""
    assert _another_program_reads(ledger) == 0

    rows = "\n".join(f"C1,2026-11-2{n % 5},delivery,{100 + n},IMP-{n}" for n in range(60))
    sheet = tmp_path / "entries.csv"
    sheet.write_text("customer_code,date,kind,amount,doc_no\n" + rows + "\n", encoding="utf-8")
    wizard.kind.setCurrentIndex(wizard.kind.findData("entries"))
    wizard.path.setText(str(sheet))
    wizard.go_next()
    qtbot.waitUntil(lambda: wizard.current() == COLUMNS_PAGE)
    wizard.go_next()
    wizard.go_next()  # the dry run, on the wizard's worker thread
    qtbot.waitUntil(lambda: wizard.current() == CHECK and wizard.next.isEnabled())
    wizard.go_next()  # the import, on the worker thread
    qtbot.waitUntil(lambda: wizard.current() == DONE, timeout=60000)
    wizard.accept()

    # The window reads on its own thread, as the customer page did after the import.
    assert customers.get_customer(shop.id).name == "东城王记"
    assert _another_program_reads(ledger) == 60
    launcher.shutdown()
    db.close_ledger()
    assert _integrity(ledger) == (b"SQLite format 3\x00", "ok")
    assert _another_program_reads(ledger) == 60


def _as_sqlite_reads_it(path: Path) -> list[str]:
    """The ledger's content through SQLite (the file itself is open in this process:
    reading its bytes here would drop the window's locks on it)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def sqlite_window(sqlite_ledger: str, launcher: Launcher, qtbot: QtBot) -> Iterator[MainWindow]:
    assert launcher.open(sqlite_ledger)
    window = launcher.window
    assert window is not None
    qtbot.waitUntil(lambda: not window.customer_list.reader.busy)
    yield window
    launcher.shutdown()


def test_the_windows_save_paths_never_write_over_a_ledger(
    sqlite_window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Save as… of a preview, File → Export, a table's Export, a call list's export and
    an import template, each answered with the open ledger (or a name ending in
    .qkledger, or the wrong ending): refused with the model's sentence, nothing written."""
    window, ledger = sqlite_window, Path(db.current_target())
    shown: list[str] = []
    monkeypatch.setattr(file_dialogs, "show_error", lambda _p, text, _sink: shown.append(text))
    boxes: list[str] = []  # any other message box would block: answered at once
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: boxes.append(text))
    answer = {"path": str(ledger)}
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (answer["path"], ""))
    pdf = tmp_path / "statement.pdf"
    canvas = Canvas(str(pdf))
    canvas.drawString(100, 100, "statement")
    canvas.save()
    preview = PreviewDialog(Printout(pdf, "statement", ""))
    qtbot.addWidget(preview)
    calls = window.show_call_list()
    wizard = window.import_wizard()
    other = tmp_path / "other.qkledger"

    def save_everywhere() -> None:
        preview.save_copy()
        assert table_export.ask_and_export(window.customer_list.table, "customers") is None
        calls.export()
        assert wizard.save_template() is None

    before = _as_sqlite_reads_it(ledger)
    for answer["path"], words in (
        (str(ledger), "is a ledger file"),
        (str(other), "is a ledger file"),
        (str(tmp_path / "statement.txt"), "does not end in"),
    ):
        shown.clear()
        save_everywhere()
        assert len(shown) == 4 and all(words in text for text in shown), shown
    assert _as_sqlite_reads_it(ledger) == before and boxes == []
    assert not other.exists() and not (tmp_path / "statement.txt").exists()

    dialog = window.export()  # File → Export: the path is typed in the dialog
    for kind in (AGING, ENTRIES, CUSTOMERS):
        dialog.what.setCurrentIndex(dialog.what.findData(kind))
        dialog.path.setText(str(ledger))
        dialog.submit()
        assert "is a ledger file" in dialog.error.text()
    assert _as_sqlite_reads_it(ledger) == before


def test_opening_a_ledger_again_waits_for_the_windows_workers(
    sqlite_window: MainWindow, launcher: Launcher, qtbot: QtBot
) -> None:
    """A second start hands over the ledger by another path while a dialog's worker
    reads: the ledger is not opened again under it, and a different ledger opens only
    once the worker is done, none of its connections left behind."""
    window, old = sqlite_window, db.database.obj
    current = db.current_target()
    launcher.open_requested(str(Path(current).resolve()))  # the same file: nothing to do
    assert db.database.obj is old
    reader = BackgroundReader(window)  # a dialog's worker, as the review's or an import's
    reads: list[str] = []
    first = threading.Event()

    def several_reads() -> None:  # not inside one transaction: read by read
        for _n in range(20):
            customers.list_customers()
            reads.append("ok")
            first.set()
            time.sleep(0.01)

    other = backup.back_up(current, Path(current).with_name("other.qkledger"))
    reader.failed.connect(reads.append)
    reader.start(several_reads)
    first.wait()
    launcher.open_requested(str(other))
    assert reads == ["ok"] * 20
    assert old.open_connections() == 0
    assert db.current_target() == str(other)
