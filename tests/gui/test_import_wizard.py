"""The import wizard: file → sheet → columns → preview → dry run → import → summary."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from gui.importing.steps import CHECK, COLUMNS_PAGE, DONE, FILE, PREVIEW, SHEET
from gui.importing.wizard import ImportWizard
from gui.mainwindow import MainWindow
from models.exchange.importing.columns import ImportKind
from models.ledger import customers
from models.ledger.ledger import balance


def _click(qtbot: QtBot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _customers_book(path: Path, rows: list[list[str]]) -> None:
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["客户清单见下一张表"])
    sheet = book.create_sheet("客户")
    sheet.append(["店号", "名称", "期初余额", "期初日期", "备注"])
    for row in rows:
        sheet.append(row)
    book.save(path)


def _start(window: MainWindow, qtbot: QtBot, path: Path, kind: ImportKind) -> ImportWizard:
    wizard = window.import_wizard()
    wizard.kind.setCurrentIndex(wizard.kind.findData(kind.value))
    wizard.path.setText(str(path))
    _click(qtbot, wizard.next)
    return wizard


def _map(wizard: ImportWizard, key: str, header_index: int) -> None:
    for row in range(wizard.mapping_table.rowCount()):
        name = wizard.mapping_table.item(row, 0).text().rstrip(" *")
        if name in (key,):
            box = wizard.mapping_table.cellWidget(row, 1)
            assert isinstance(box, QComboBox)
            box.setCurrentIndex(box.findData(header_index))
            return
    raise AssertionError(key)


def test_customers_from_the_second_sheet(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "客户.xlsx"
    _customers_book(
        path,
        [["C1", "东城王记", "1200.50", "2026-11-01", ""], ["C2", "西关李记", "", "", "老客户"]],
    )
    wizard = _start(window, qtbot, path, ImportKind.CUSTOMERS)
    assert wizard.current() == SHEET
    wizard.sheets.setCurrentIndex(1)
    _click(qtbot, wizard.next)
    qtbot.waitUntil(lambda: wizard.current() == COLUMNS_PAGE)
    _click(qtbot, wizard.next)  # 店号 is not a known header: the code is not mapped
    assert "code" in wizard.error.text() and wizard.current() == COLUMNS_PAGE
    _map(wizard, "code", 0)
    _click(qtbot, wizard.next)
    assert wizard.current() == PREVIEW
    assert wizard.preview.item(0, 1).text() == "东城王记"
    assert wizard.preview.verticalHeaderItem(0).text() == "2"  # the row number in Excel
    _click(qtbot, wizard.next)
    qtbot.waitUntil(lambda: wizard.next.isEnabled())
    assert wizard.current() == CHECK and "Every row is fine" in wizard.check_note.text()
    assert customers.list_customers() == []  # the dry run wrote nothing
    _click(qtbot, wizard.next)
    qtbot.waitUntil(lambda: wizard.current() == DONE)
    assert "2 new customers" in wizard.summary.text()
    c1 = customers.customer_by_code("C1")
    assert balance(c1.id) == 1200_50
    with qtbot.waitSignal(wizard.customers_requested):
        wizard.link.linkActivated.emit("customers")
    # The mapping is remembered for the next file laid out the same way.
    again = _start(window, qtbot, path, ImportKind.CUSTOMERS)
    again.sheets.setCurrentIndex(1)
    _click(qtbot, again.next)
    qtbot.waitUntil(lambda: again.current() == COLUMNS_PAGE)
    assert again.mapping()[0] == "code"
    again.reject()


def test_problems_are_listed_and_clickable(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        "编号,名称,期初余额,期初日期\nC1,东城王记,12x,2026-11-01\nC2,东城 王记,,\n",
        encoding="gb18030",
    )
    wizard = _start(window, qtbot, path, ImportKind.CUSTOMERS)
    qtbot.waitUntil(lambda: wizard.current() == COLUMNS_PAGE)
    _click(qtbot, wizard.next)
    _click(qtbot, wizard.next)
    qtbot.waitUntil(lambda: wizard.problems.count() > 0)
    texts = [wizard.problems.item(i).text() for i in range(wizard.problems.count())]
    assert texts[0].startswith("row 2, column 期初余额:")
    assert texts[-1].startswith("row 3, column 名称: ‘东城 王记’ is also the name on row 2")
    assert not wizard.next.isEnabled()
    wizard.problems.setCurrentRow(0)
    assert wizard.problem_row.currentRow() == 2  # the 期初余额 cell of row 2
    assert wizard.problem_row.item(2, 1).text() == "12x"
    assert customers.list_customers() == []


def test_cancel_writes_nothing(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("code,name\n" + "".join(f"C{i},店{i}\n" for i in range(1200)))
    wizard = _start(window, qtbot, path, ImportKind.CUSTOMERS)
    qtbot.waitUntil(lambda: wizard.current() == COLUMNS_PAGE)
    _click(qtbot, wizard.next)
    _click(qtbot, wizard.next)
    qtbot.waitUntil(lambda: wizard.next.isEnabled(), timeout=120000)
    _click(qtbot, wizard.next)
    _click(qtbot, wizard.cancel)  # while it runs: Cancel stops it, it does not close
    assert wizard.isVisible()
    qtbot.waitUntil(lambda: "cancelled" in wizard.run_note.text(), timeout=120000)
    assert customers.list_customers() == []


def test_save_a_template(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gui.importing import file_step as module

    out = tmp_path / "entries-template.xlsx"
    monkeypatch.setattr(module.file_dialogs, "get_save_file_name", lambda *a, **k: (str(out), ""))
    wizard = window.import_wizard()
    assert wizard.current() == FILE
    wizard.kind.setCurrentIndex(wizard.kind.findData("entries"))
    assert wizard.save_template() == out
    assert openpyxl.load_workbook(out).worksheets[0]["A1"].value == "customer_code"
