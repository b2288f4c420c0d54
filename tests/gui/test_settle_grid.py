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

from gui.discard import Answer
from gui.mainwindow import MainWindow
from gui.settle.grid import COLUMN, SettleDialog
from models import people, posting
from tests.gui.conftest import OFFSCREEN_NOISE, DiscardQuestions, add_customer


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


def _esc_twice(dialog: SettleDialog) -> None:
    _key(Qt.Key.Key_Escape)  # closes the open cell editor
    if dialog.isVisible():
        QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)


def test_esc_asks_before_throwing_the_grid_away(
    window: MainWindow, qtbot: QtBot, shop: int, discard_questions: DiscardQuestions
) -> None:
    from models.ledger import balance

    ids = _route(shop)
    dialog = _open(window, qtbot)
    _type("1240")
    _key(Qt.Key.Key_Tab)
    _type("C")
    _key(Qt.Key.Key_Return)  # row 1 of 5 keyed
    discard_questions.answer = Answer.KEEP
    _esc_twice(dialog)
    assert [(w, save) for w, save in discard_questions.asked] == [(dialog, True)]
    assert dialog.isVisible() and dialog.table.item(0, COLUMN["amount"]).text() == "1240"
    discard_questions.answer = Answer.SAVE  # posts it, then closes
    dialog.close()  # the window's close button asks the same
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert len(discard_questions.asked) == 2
    assert balance(ids[0], dt.date(2026, 11, 26)) == 0
    window.last_handover.close()

    dialog = _open(window, qtbot)
    _type("100")
    _key(Qt.Key.Key_Tab)
    discard_questions.answer = Answer.DISCARD
    _esc_twice(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert len(discard_questions.asked) == 3
    assert balance(ids[1], dt.date(2026, 11, 26)) == 100_00  # nothing posted


def test_an_untouched_grid_closes_at_once(
    window: MainWindow, qtbot: QtBot, shop: int, discard_questions: DiscardQuestions
) -> None:
    _route(shop)
    dialog = _open(window, qtbot)
    _type("99")  # typed, then Esc in the cell: the cell goes back to empty
    _esc_twice(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert discard_questions.asked == []


def test_another_route_asks_before_replacing_the_grid(
    window: MainWindow, qtbot: QtBot, shop: int, discard_questions: DiscardQuestions
) -> None:
    west = people.add_route("城西线", (2,))
    add_customer("W0001", "西关一号", route_id=west.id)
    _route(shop)
    dialog = _open(window, qtbot)
    _type("1240")
    _key(Qt.Key.Key_Return)
    discard_questions.answer = Answer.KEEP
    dialog.route.setCurrentIndex(dialog.route.findData(west.id))
    assert discard_questions.asked == [(dialog, False)]  # no Save: it is not this route's
    assert dialog.route.currentText() == "城东线" and dialog.table.rowCount() == 5
    assert dialog.table.item(0, COLUMN["amount"]).text() == "1240"
    discard_questions.answer = Answer.DISCARD
    dialog.route.setCurrentIndex(dialog.route.findData(west.id))
    assert dialog.route.currentText() == "城西线"
    assert not dialog.has_unsaved_input()
    dialog.close()
    assert len(discard_questions.asked) == 2  # the empty grid closed without asking
