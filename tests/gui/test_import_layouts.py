"""File → Import deliveries with a saved layout (issue 20, 15): the clerk maps the
invoicing program's export once and saves it as "开单软件导出"; from then on the day's
export is two steps (the file, then the preview's Import), a second import posts
nothing twice and says how many were new and how many already there."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from gui import file_dialogs
from gui.importing.layouts import NONE
from gui.importing.steps import CHECK, COLUMNS_PAGE, DONE, FILE, PREVIEW
from gui.importing.wizard import ImportWizard
from gui.mainwindow import MainWindow
from models.exchange import import_layouts
from models.exchange.importing.columns import ImportKind
from models.ledger.ledger import balance
from models.storage import db
from models.storage.tables import EntryRow
from tests.gui.conftest import add_customer
from tests.models.exchange.test_import_layouts import EXPORT, NAME


def _click(qtbot: QtBot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _choose(wizard: ImportWizard, key: str, data: object) -> None:
    for row in range(wizard.mapping_table.rowCount()):
        if wizard._columns()[row].key == key:
            box = wizard.mapping_table.cellWidget(row, 1)
            assert isinstance(box, QComboBox)
            index = box.findData(data)
            assert index >= 0, (key, data)
            box.setCurrentIndex(index)
            return
    raise AssertionError(key)


def _deliveries(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, path: Path
) -> ImportWizard:
    """File → Import deliveries, Browse… picks `path`, Next."""
    window.import_deliveries_action.trigger()
    wizard = next(w for w in window.findChildren(ImportWizard) if w.isVisible())
    assert wizard.current() == FILE and wizard.chosen_kind() is ImportKind.ENTRIES
    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *a, **k: (str(path), ""))
    _click(qtbot, wizard.browse)
    _click(qtbot, wizard.next)
    qtbot.waitUntil(lambda: wizard.current() in (COLUMNS_PAGE, PREVIEW))
    return wizard


def _finish(qtbot: QtBot, wizard: ImportWizard) -> str:
    qtbot.waitUntil(lambda: wizard.current() == DONE, timeout=10_000)
    text = wizard.summary.text()
    wizard.reject()
    return text


def _save_the_layout_once(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, path: Path
) -> str:
    wizard = _deliveries(window, qtbot, monkeypatch, path)
    assert wizard.current() == COLUMNS_PAGE  # no layout yet: map the columns
    for key, index in (("doc_no", 0), ("date", 1), ("customer_code", 2), ("amount", 4)):
        _choose(wizard, key, index)
    _choose(wizard, "memo", 6)
    _choose(wizard, "kind", "=delivery")  # the export has no kind: every row a delivery
    wizard.layout_name.insert(NAME)  # as an input method commits it (keyClicks types Latin)
    _click(qtbot, wizard.next)
    assert wizard.current() == PREVIEW, wizard.error.text()
    assert wizard.status.text() == "Layout ‘开单软件导出’ saved."
    assert "Every row: Delivery." in wizard.preview_note.text()
    _click(qtbot, wizard.next)  # the dry run
    qtbot.waitUntil(lambda: wizard.current() == CHECK and wizard.next.isEnabled())
    _click(qtbot, wizard.next)
    return _finish(qtbot, wizard)


def test_the_daily_export_in_two_steps(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    first = add_customer("C001", "东城王记便利店")
    add_customer("C002", "西关李记超市")
    export = tmp_path / "开单导出.csv"
    export.write_text(EXPORT, encoding="gb18030")
    summary = _save_the_layout_once(window, qtbot, monkeypatch, export)
    assert summary.startswith("开单导出.csv: 2 new, 0 already imported.")
    assert [x.name for x in import_layouts.list_layouts(ImportKind.ENTRIES)] == [NAME]

    # The next day: the file, then the preview, which recognised the layout.
    export.write_text(EXPORT + "XS-1203,2026-11-26,C001,东城王记便利店,99.00,张伟,\n", "gb18030")
    wizard = _deliveries(window, qtbot, monkeypatch, export)
    assert wizard.current() == PREVIEW
    assert wizard.step.text() == "Step 2 of 2: preview (layout ‘开单软件导出’)"
    assert wizard.next.text() == "&Import"
    assert wizard.preview.rowCount() == 3
    assert wizard.preview.item(2, 0).text() == "XS-1203"
    _click(qtbot, wizard.next)
    summary = _finish(qtbot, wizard)
    assert summary.splitlines()[0].startswith("开单导出.csv: 1 new, 2 already imported.")
    assert "row 2: already imported (C001 2026-11-25 Delivery 1280.00 XS-1201)" in summary
    assert balance(first) == 1379_00
    assert EntryRow.select().count() == 3

    # The same file once more: nothing is posted twice.
    wizard = _deliveries(window, qtbot, monkeypatch, export)
    _click(qtbot, wizard.next)
    assert _finish(qtbot, wizard).startswith("开单导出.csv: 0 new, 3 already imported.")
    assert EntryRow.select().count() == 3


def test_a_bad_row_in_two_steps_lists_the_problem_and_writes_nothing(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    add_customer("C001", "东城王记便利店")
    add_customer("C002", "西关李记超市")
    export = tmp_path / "a.csv"
    export.write_text(EXPORT, encoding="utf-8")
    _save_the_layout_once(window, qtbot, monkeypatch, export)
    export.write_text(EXPORT + "XS-9,2026-11-26,C999,无此客户,5.00,张伟,\n", encoding="utf-8")
    wizard = _deliveries(window, qtbot, monkeypatch, export)
    assert wizard.current() == PREVIEW
    _click(qtbot, wizard.next)
    qtbot.waitUntil(lambda: wizard.problems.count() > 0, timeout=10_000)
    assert wizard.current() == CHECK and not wizard.next.isEnabled()
    assert wizard.problems.item(0).text().startswith("row 4, column 客户代码:")
    assert EntryRow.select().count() == 2  # the first import only
    wizard.reject()


def test_a_chosen_layout_reads_a_reordered_file_and_none_maps_by_hand(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    add_customer("C001", "东城王记便利店")
    add_customer("C002", "西关李记超市")
    export = tmp_path / "a.csv"
    export.write_text(EXPORT, encoding="utf-8")
    _save_the_layout_once(window, qtbot, monkeypatch, export)
    moved = tmp_path / "moved.csv"
    moved.write_text(
        "备注,客户代码,单据编号,开单日期,合计金额（元）\n,C001,XS-7,2026-11-27,10.00\n", "utf-8"
    )
    # Its header row differs: not recognised, the columns step opens.
    wizard = _deliveries(window, qtbot, monkeypatch, moved)
    assert wizard.current() == COLUMNS_PAGE
    wizard.reject()
    # Chosen by name, the layout finds each column by its header.
    window.import_deliveries_action.trigger()
    wizard = next(w for w in window.findChildren(ImportWizard) if w.isVisible())
    wizard.layout_box.setCurrentIndex(wizard.layout_box.findText(NAME))
    wizard.path.setText(str(moved))
    _click(qtbot, wizard.next)
    qtbot.waitUntil(lambda: wizard.current() == PREVIEW)
    _click(qtbot, wizard.next)
    assert _finish(qtbot, wizard).startswith("moved.csv: 1 new, 0 already imported.")
    # "None" maps by hand even for a file the layout would recognise.
    window.import_deliveries_action.trigger()
    wizard = next(w for w in window.findChildren(ImportWizard) if w.isVisible())
    wizard.layout_box.setCurrentIndex(wizard.layout_box.findData(NONE))
    wizard.path.setText(str(export))
    _click(qtbot, wizard.next)
    qtbot.waitUntil(lambda: wizard.current() == COLUMNS_PAGE)
    wizard.reject()


def test_a_taken_name_is_refused_inline(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    add_customer("C001", "东城王记便利店")
    import_layouts.save_layout(
        NAME, "entries", ("a", "b", "c", "d"), {0: "customer_code", 1: "date", 2: "amount"},
        fixed={"kind": "delivery"},
    )  # fmt: skip
    export = tmp_path / "a.csv"
    export.write_text(EXPORT, encoding="utf-8")
    wizard = _deliveries(window, qtbot, monkeypatch, export)
    assert wizard.current() == COLUMNS_PAGE  # another header row: not this layout
    for key, index in (("doc_no", 0), ("date", 1), ("customer_code", 2), ("amount", 4)):
        _choose(wizard, key, index)
    _choose(wizard, "kind", "=delivery")
    wizard.layout_name.insert(NAME)  # as an input method commits it (keyClicks types Latin)
    _click(qtbot, wizard.next)
    assert wizard.current() == COLUMNS_PAGE
    assert (
        wizard.error.text()
        == "There is already a layout called ‘开单软件导出’: choose another name."
    )
    wizard.reject()


def test_a_layout_is_deleted_after_asking(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gui.importing import layouts

    kept = import_layouts.save_layout(
        "月底对账", "entries", ("a", "b", "c", "d"), {0: "customer_code", 1: "date", 2: "amount"},
        fixed={"kind": "delivery"},
    )  # fmt: skip
    import_layouts.save_layout(
        NAME, "entries", ("a", "b", "c"), {0: "customer_code", 1: "date", 2: "amount"},
        fixed={"kind": "delivery"},
    )  # fmt: skip
    wizard = window.import_deliveries()
    assert not wizard.delete_layout_button.isEnabled()  # "recognise" is chosen
    wizard.layout_box.setCurrentIndex(wizard.layout_box.findText(NAME))
    assert wizard.delete_layout_button.isEnabled()
    asked: list[str] = []
    monkeypatch.setattr(layouts, "confirm_delete", lambda _parent, name: asked.append(name))
    _click(qtbot, wizard.delete_layout_button)  # "No"
    assert asked == [NAME] and len(import_layouts.list_layouts()) == 2
    monkeypatch.setattr(layouts, "confirm_delete", lambda _parent, _name: True)
    _click(qtbot, wizard.delete_layout_button)
    assert import_layouts.list_layouts() == [kept]
    assert wizard.layout_box.findText(NAME) == -1
    assert wizard.status.text() == "Layout ‘开单软件导出’ deleted."
    wizard.reject()


def test_a_read_only_ledger_offers_no_saving(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "is_read_only", lambda: True)
    wizard = window.import_deliveries()
    assert not wizard.layout_name.isEnabled()
    assert wizard.layout_note.text() == "The ledger is read-only: layouts cannot be saved in it."
    wizard.reject()


def test_a_workbook_opens_on_the_layouts_sheet(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The export is a workbook whose deliveries are on its second sheet: the layout
    remembers the sheet, so the next day needs no sheet step either."""
    import csv

    import openpyxl

    from gui.importing.steps import SHEET

    add_customer("C001", "东城王记便利店")
    add_customer("C002", "西关李记超市")
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["开单软件 导出"])
    sheet = book.create_sheet("送货单")
    for row in csv.reader(EXPORT.splitlines()):
        sheet.append(row)
    path = tmp_path / "export.xlsx"
    book.save(path)
    window.import_deliveries_action.trigger()
    wizard = next(w for w in window.findChildren(ImportWizard) if w.isVisible())
    wizard.path.setText(str(path))
    _click(qtbot, wizard.next)
    assert wizard.current() == SHEET
    wizard.sheets.setCurrentText("送货单")
    _click(qtbot, wizard.next)
    qtbot.waitUntil(lambda: wizard.current() == COLUMNS_PAGE)
    for key, index in (("doc_no", 0), ("date", 1), ("customer_code", 2), ("amount", 4)):
        _choose(wizard, key, index)
    _choose(wizard, "kind", "=delivery")
    wizard.layout_name.insert(NAME)
    _click(qtbot, wizard.next)
    assert wizard.current() == PREVIEW, wizard.error.text()
    assert import_layouts.layout_named(NAME).sheet == "送货单"
    wizard.reject()
    wizard = _deliveries(window, qtbot, monkeypatch, path)
    assert wizard.current() == PREVIEW
    _click(qtbot, wizard.next)
    assert _finish(qtbot, wizard).startswith("export.xlsx: 2 new, 0 already imported.")
