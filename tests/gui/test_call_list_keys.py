"""The call list opens with the keys in the list, not in the date (↓ turned 2026 into
2025 and the list emptied), and its "choose a promise first" goes once one is chosen
(issue 20, item 8)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui import dates
from gui.mainwindow import MainWindow
from models.ledger import posting, promises
from models.vocabulary import clock
from tests.gui.conftest import add_customer


def test_keys_go_to_the_list_and_the_message_clears(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    other = add_customer("C0002", "西关李记")
    tomorrow = clock.today() + dt.timedelta(days=1)
    for customer in (shop, other):
        posting.post_delivery(customer, dt.date(2026, 11, 1), 500_00)
        promises.make_promise(customer, 500_00, dt.datetime.combine(tomorrow, dt.time(10)))
    dialog = window.show_call_list()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.table
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert dates.picked_date(dialog.day) == tomorrow
    assert dialog.model.rowCount() == 2 and dialog.table.currentIndex().row() == 1

    dialog.table.setCurrentIndex(QModelIndex())  # nothing chosen
    QTest.keyClick(dialog.table, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert dialog.error.isVisible() and dialog.error.text()
    QTest.keyClick(dialog.table, Qt.Key.Key_Down)  # the clerk picks a row
    assert dialog.table.currentIndex().isValid()
    assert not dialog.error.isVisible()
    dialog.close()
