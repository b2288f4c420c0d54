"""The settle grid as a clerk keys it (issue 20): Enter moves one row down, a method
picked with ↓/Enter stays in its row, Esc asks before throwing input away, today's
route first, the promised amount, the short payment over the tail-cut limit, and
colours that read in a light and a dark palette."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.mainwindow import MainWindow
from gui.settle.grid import COLUMN, SettleDialog
from models import people, posting
from tests.gui.conftest import OFFSCREEN_NOISE, add_customer


def _route(shop: int, stops: int = 4) -> list[int]:
    """城东线 with `shop` and `stops` more customers, each owing something."""
    route = people.route_by_name("城东线")
    assert route is not None
    posting.post_delivery(shop, dt.date(2026, 10, 1), 1240_00)
    ids = [shop]
    for n in range(stops):
        cid = add_customer(f"C1{n:03d}", f"东城{n}号", route_id=route.id)
        posting.post_delivery(cid, dt.date(2026, 10, 1), 100_00 * (n + 1))
        ids.append(cid)
    return ids


def _open(window: MainWindow, qtbot: QtBot) -> SettleDialog:
    dialog = window.settle_route()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return dialog


def _type(text: str) -> None:
    """Key by key into whatever has the focus (the first key opens a cell's editor)."""
    for char in text:
        QTest.keyClicks(QApplication.focusWidget(), char)


def _key(key: Qt.Key) -> None:
    QTest.keyClick(QApplication.focusWidget(), key)


def _at(dialog: SettleDialog) -> tuple[int, int]:
    return dialog.table.currentRow(), dialog.table.currentColumn()


def test_enter_moves_one_row_down_and_the_method_stays(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    _route(shop)
    dialog = _open(window, qtbot)
    assert dialog.table.rowCount() == 5 and _at(dialog) == (0, 0)
    _type("1234.56")
    _key(Qt.Key.Key_Tab)  # to "How": its combo editor opens
    _key(Qt.Key.Key_Down)  # Cash
    _key(Qt.Key.Key_Return)  # picks it; one row down
    QTest.qWait(50)
    assert _at(dialog) == (1, COLUMN["method"])
    _key(Qt.Key.Key_Return)
    QTest.qWait(50)
    assert _at(dialog) == (2, COLUMN["method"])
    assert dialog.table.item(0, COLUMN["method"]).text() == "Cash"
    assert [dialog.table.item(r, COLUMN["method"]).text() for r in (1, 2)] == ["", ""]
    assert dialog.table.item(0, COLUMN["amount"]).text() == "1234.56"


# The offscreen platform cannot grab the keyboard for the open list; real ones can.
@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "^This plugin does not support grabbing the keyboard$")
def test_enter_from_the_method_list_and_the_number_pad(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    _route(shop)
    dialog = _open(window, qtbot)
    _type("100")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert _at(dialog) == (1, COLUMN["amount"])
    _type("200")  # lands on the second customer
    _key(Qt.Key.Key_Tab)
    box = QApplication.focusWidget()
    QTest.keyClick(box, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # the list opens
    qtbot.waitUntil(lambda: box.view().isVisible())
    _key(Qt.Key.Key_Down)
    _key(Qt.Key.Key_Down)
    _key(Qt.Key.Key_Return)  # picks, and the list closes: still on this row
    qtbot.waitUntil(lambda: not box.view().isVisible())
    assert _at(dialog) == (1, COLUMN["method"])
    _key(Qt.Key.Key_Return)
    assert _at(dialog) == (2, COLUMN["method"])
    table = dialog.table
    assert [table.item(r, COLUMN["amount"]).text() for r in range(3)] == ["100", "200", ""]
    assert table.item(1, COLUMN["method"]).text() == "Cheque"
    assert table.item(0, COLUMN["method"]).text() == table.item(2, COLUMN["method"]).text() == ""
    for _ in range(5):  # the last row: Enter stays there
        _key(Qt.Key.Key_Return)
    assert _at(dialog) == (4, COLUMN["method"])


def test_the_grid_opens_on_todays_route(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    from models import clock

    # By name: 一号线 (no weekdays: ad hoc), 三号线 Mon, 二号线 Thu, 城东线 Mon+Thu, 城西线 Tue.
    for name, days in (("一号线", ()), ("三号线", (1,)), ("二号线", (4,)), ("城西线", (2,))):
        people.add_route(name, days)
    for day, expected in (
        (dt.date(2026, 11, 26), "二号线"),  # Thursday: two run, the first of them
        (dt.date(2026, 11, 24), "城西线"),  # Tuesday: the only one
        (dt.date(2026, 11, 27), "一号线"),  # Friday: none runs, the first route
    ):
        clock.pin(day)
        dialog = window.settle_route()
        assert dialog.route.currentText() == expected, day
        assert dialog.chosen_route() is not None and dialog.chosen_route().name == expected
        dialog.close()
