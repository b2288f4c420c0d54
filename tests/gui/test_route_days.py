"""Route days in the window: the call list as a tool, Today, settling, the packet."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gui.mainwindow import MainWindow
from models import calls, posting, promises
from models.records import CallOutcome


def ctrl(qtbot: QtBot, window: QWidget, key: Qt.Key) -> None:
    """Press Ctrl+`key` in `window` as a user would (it must be the active window)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(QApplication.focusWidget() or window, key, Qt.KeyboardModifier.ControlModifier)


def test_call_list_answers_by_keyboard_and_copies_a_reminder(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    posting.post_delivery(shop, dt.date(2026, 11, 1), 800_00)
    promise = promises.make_promise(shop, 500_00, dt.datetime(2026, 11, 27, 16, 30))
    dialog = window.show_call_list()
    qtbot.waitExposed(dialog)
    dialog.table.setFocus()
    dialog.table.selectRow(0)
    ctrl(qtbot, dialog, Qt.Key.Key_1)
    [line] = calls.call_list(dt.date(2026, 11, 27))
    assert line.answer is not None and line.answer.outcome is CallOutcome.CONFIRMED
    assert dialog.model.data(dialog.model.index(0, 6)) == "Confirmed"
    reminder = dialog.reminder()
    assert reminder is not None
    assert "¥500.00" in reminder.text.toPlainText() and "16:30" in reminder.text.toPlainText()
    reminder.activateWindow()
    qtbot.waitUntil(reminder.isActiveWindow)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert QGuiApplication.clipboard().text() == reminder.text.toPlainText()
    reminder.close()
    # Wants a new date: the answer is kept and the promise dialog opens to replace it.
    ctrl(qtbot, dialog, Qt.Key.Key_2)
    assert calls.latest_answers([promise.id])[promise.id].outcome is CallOutcome.NEW_DATE
    assert window.customer_page.customer is not None and window.customer_page.customer.id == shop
    dialog.close()
