"""The customer list at a glance: money columns sort largest first on the first click,
red is explained, the sort arrow keeps off the header text, and a filter's totals."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyleOptionHeader
from pytestqt.qtbot import QtBot

from gui.customers.table_model import BALANCE_COLUMN, OVERDUE_COLUMN
from gui.header import header_rects
from gui.mainwindow import MainWindow
from models.ledger import posting
from models.vocabulary.customer_records import Terms, TermsKind
from tests.gui.conftest import add_customer


def _click_header(qtbot: QtBot, window: MainWindow, column: int) -> None:
    hh = window.customer_list.table.horizontalHeader()
    x = hh.sectionViewportPosition(column) + hh.sectionSize(column) // 2
    qtbot.mouseClick(hh.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, hh.height() // 2))


def _names(window: MainWindow) -> list[str]:
    return [s.customer.name for s in window.customer_list.model.visible_summaries()]


def _three_shops(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    small = add_customer("C0002", "西关小店", terms=Terms(TermsKind.DAYS, 30))
    big = add_customer("C0003", "南门大店", terms=Terms(TermsKind.DAYS, 30))
    posting.post_delivery(shop, dt.date(2026, 9, 1), 800_00)  # 30-day terms: overdue
    posting.post_delivery(small, dt.date(2026, 11, 20), 100_00)
    posting.post_delivery(big, dt.date(2026, 11, 20), 5_000_00)
    with qtbot.waitSignal(window.customer_list.loaded):
        window.ops.changed.emit()


def test_first_click_on_money_sorts_largest_first(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    _three_shops(window, qtbot, shop)
    _click_header(qtbot, window, BALANCE_COLUMN)
    assert _names(window) == ["南门大店", "东城王记", "西关小店"]
    _click_header(qtbot, window, BALANCE_COLUMN)  # the second click: smallest first
    assert _names(window) == ["西关小店", "东城王记", "南门大店"]
    _click_header(qtbot, window, OVERDUE_COLUMN)
    assert _names(window)[0] == "东城王记"
    _click_header(qtbot, window, 1)  # names still start at A
    assert window.customer_list.table.horizontalHeader().sortIndicatorOrder() == (
        Qt.SortOrder.AscendingOrder
    )


def test_red_is_explained(window: MainWindow) -> None:
    view = window.customer_list
    assert "red" in view.legend.text() and "overdue" in view.legend.text()
    tip = view.model.headerData(
        BALANCE_COLUMN, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert "red" in tip and "credit limit" in tip


def test_sort_arrow_keeps_off_the_header_text(window: MainWindow, qtbot: QtBot) -> None:
    hh = window.customer_list.table.horizontalHeader()
    for column in range(hh.count() - 1):
        text = window.customer_list.model.headerData(column, Qt.Orientation.Horizontal)
        option = QStyleOptionHeader()
        option.rect = hh.rect().adjusted(0, 0, 0, 0)
        option.rect.setWidth(hh.sectionSize(column))
        label, arrow = header_rects(option.rect)
        assert not label.intersects(arrow), text
        assert hh.fontMetrics().horizontalAdvance(text) <= label.width(), text


def test_filtered_totals(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    _three_shops(window, qtbot, shop)
    view = window.customer_list
    assert "balance 5,900.00 · overdue 800.00" in view.count_label.text()
    view.overdue_check.setChecked(True)
    assert "1 of 3" in view.count_label.text()
    assert "balance 800.00 · overdue 800.00" in view.count_label.text()
    view.overdue_check.setChecked(False)
    qtbot.keyClicks(view.search, "xg")
    assert "balance 100.00 · overdue 0.00" in view.count_label.text()
