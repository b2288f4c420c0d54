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


def _packet_route(shop: int, stops: int = 6) -> None:
    from models import people
    from tests.gui.conftest import add_customer

    route = people.route_by_name("城东线")
    assert route is not None
    posting.post_delivery(shop, dt.date(2026, 11, 1), 800_00)
    for n in range(stops):
        cid = add_customer(f"P{n:03d}", f"东城{n}号", route_id=route.id)
        for d in range(1, 25):
            posting.post_delivery(cid, dt.date(2026, 10, d), 100_00 + d)


def test_packet_progress_then_preview(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    _packet_route(shop)
    dialog = window.print_packet()
    assert dialog.chosen_route() is not None
    assert dialog.day.date().toPython() == dt.date(2026, 11, 30)  # 城东线 runs Mon and Thu
    seen: list[int] = []
    dialog.make()
    dialog.worker.progressed.connect(lambda done, total, _t: seen.append(total))
    qtbot.waitUntil(lambda: dialog.printout is not None, timeout=60_000)
    assert seen and seen[-1] == 8  # route sheet + 7 statements
    assert dialog.printout.path.exists()
    qtbot.waitUntil(lambda: getattr(window, "last_preview", None) is not None)
    window.last_preview.close()


def test_packet_cancel_leaves_no_file(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    _packet_route(shop, stops=30)
    dialog = window.print_packet()
    path_holder = []
    dialog.make()
    worker = dialog.worker
    assert worker is not None and dialog.progress.isVisible()
    path_holder.append(worker.path)
    qtbot.waitUntil(lambda: dialog.progress.value() >= 2, timeout=60_000)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # Esc cancels like the button
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=60_000)
    assert dialog.printout is None
    assert not path_holder[0].exists()
