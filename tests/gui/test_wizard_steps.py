"""The import wizard numbers the steps the clerk sees: a CSV (one sheet) skips the sheet
step, so its steps read 1, 2, 3…, never 1 → 3; and its last page's link is translated."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.importing.steps import COLUMNS_PAGE, DONE, PREVIEW, SHEET
from gui.mainwindow import MainWindow
from models.exchange.importing.columns import ImportKind


def _start(window: MainWindow, qtbot: QtBot, path: Path):  # type: ignore[no-untyped-def]
    wizard = window.import_wizard()
    wizard.kind.setCurrentIndex(wizard.kind.findData(ImportKind.CUSTOMERS.value))
    assert wizard.step.text() == "Step 1: the file"
    wizard.path.setText(str(path))
    qtbot.keyClick(wizard.path, Qt.Key.Key_Return)  # Enter goes on, as the clerk does
    return wizard


def test_a_csv_goes_from_step_1_to_step_2(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    path.write_text("code,name\nC1,东城王记\n", encoding="utf-8")
    wizard = _start(window, qtbot, path)
    qtbot.waitUntil(lambda: wizard.current() == COLUMNS_PAGE)
    assert wizard.step.text() == "Step 2: the columns"
    qtbot.keyClick(wizard.mapping_table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.current() == PREVIEW)
    assert wizard.step.text() == "Step 3: preview"
    wizard.reject()


def test_a_workbook_of_two_sheets_shows_the_sheet_step(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "customers.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.create_sheet("客户").append(["code", "name"])
    book.save(path)
    wizard = _start(window, qtbot, path)
    qtbot.waitUntil(lambda: wizard.current() == SHEET)
    assert wizard.step.text() == "Step 2: the sheet"
    wizard.sheets.setCurrentIndex(1)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.current() == COLUMNS_PAGE)
    assert wizard.step.text() == "Step 3: the columns"
    wizard.reject()


def test_the_link_to_the_customers_is_translated(
    window: MainWindow, launcher: object, qtbot: QtBot, tmp_path: Path
) -> None:
    launcher.set_language("zh")  # type: ignore[attr-defined]
    path = tmp_path / "customers.csv"
    path.write_text("code,name\nC1,东城王记\n", encoding="utf-8")
    wizard = window.import_wizard()
    assert wizard.step.text() == "第 1 步：选择文件"
    wizard._show(DONE)
    assert "Show the customers" not in wizard.link.text()
    assert "查看这些客户" in wizard.link.text()
    wizard.reject()
