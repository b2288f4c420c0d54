"""The review's cash forecast tab and the collection commission dialog, driven from the
keyboard; the commission's rules in Settings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui import file_dialogs
from gui.mainwindow import MainWindow
from gui.review.commission_dialog import CommissionDialog
from models.ledger.commission_rules import get_commission_rules
from models.review.forecast import forecast
from tests.gui.test_posting import _save
from tests.review_data import AS_OF, build_review_ledger


def _review(window: MainWindow, qtbot: QtBot, keys: str) -> None:
    build_review_ledger()
    qtbot.keyClick(window, keys[-1], Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    view = window.review_view
    assert view is not None and window.stack.currentWidget() is view
    qtbot.waitUntil(lambda: view.data is not None and not view.reader.busy, timeout=10_000)
    tab = view.forecast_tab
    qtbot.waitUntil(lambda: tab.data is not None and not tab.reader.busy, timeout=10_000)


def test_ctrl_shift_f_shows_the_forecast_of_the_review_date(
    window: MainWindow, qtbot: QtBot
) -> None:
    _review(window, qtbot, "F")
    view = window.review_view
    assert view is not None and view.tabs.currentWidget() is view.forecast_tab
    tab = view.forecast_tab
    expected = forecast(AS_OF)
    assert tab.data == expected
    table = tab.table
    assert table.model().rowCount() == 13
    shown = [table.record_at(r).total for r in range(13)]
    assert shown == [w.total for w in expected.weeks]
    assert len(tab.chart.sets) == 2 and tab.chart.sets[0].count() == 13
    assert "owed now: 1,999.50" in tab.summary.text()  # what the customers owe, in credit aside


def test_ctrl_shift_k_opens_the_months_commission_and_prints_and_exports(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _review(window, qtbot, "K")
    view = window.review_view
    assert view is not None
    dialog = view.last_commission
    qtbot.waitUntil(dialog.isVisible)
    assert isinstance(dialog, CommissionDialog)
    assert dialog.chosen_month() == dt.date(2026, 11, 1)
    report = dialog.report
    assert report is not None
    # November's collections to the 26th, as the review counts them.
    assert report.collected == view.data.this_month.collected == 580_00
    assert "collected 580.00" in dialog.total.text()
    names = [dialog.table.record_at(r).name for r in range(dialog.table.model().rowCount())]
    assert sorted(names) == sorted(r.name for r in report.reps)
    out = tmp_path / "commission.xlsx"
    monkeypatch.setattr(file_dialogs, "choose_output", lambda *a, **k: str(out))
    dialog.export_button.setFocus()
    qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    book = openpyxl.load_workbook(out)
    total = [row for row in book["summary"].iter_rows(values_only=True) if row[0] == "total"]
    assert total and float(total[0][1]) == 580.0
    dialog.preview_button.setFocus()
    qtbot.keyClick(dialog.preview_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.last_preview is not None and window.last_preview.isVisible())
    assert window.last_preview.printout.path.name == "commission-2026-11.pdf"
    window.last_preview.close()
    dialog.month.setDate(dialog.month.date().addMonths(-1))  # October
    assert dialog.report is not None and dialog.report.start == dt.date(2026, 10, 1)
    dialog.close()


def test_commission_rules_in_settings(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.open_settings()
    box = dialog.commission_box
    assert box.rates.text() == "1.0, 0.5, 0.2" and box.edges.text() == "30, 90"
    box.rates.setText("1.0, 0.5")
    _save(qtbot, dialog)
    assert dialog.isVisible() and dialog.tabs.currentWidget() is box
    assert "3 rates for 2 edges" in dialog.error.text()
    assert get_commission_rules().rates_bp == (100, 50, 20)  # nothing saved
    box.rates.setText("1.5，0.75, 0")
    box.writeoffs.setChecked(True)
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, dialog)
    rules = get_commission_rules()
    assert rules.rates_bp == (150, 75, 0) and rules.deduct_writeoffs
