"""Every shortcut of every screen works: no key is bound twice where Qt would find it
ambiguous and do nothing (issue 20, item 4: Ctrl+F and Ctrl+E on the customer list),
and typing on the customer list searches (names and pinyin initials, not only codes)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gui.exports.dialog import ExportDialog
from gui.mainwindow import MainWindow
from models.ledger import ledger, posting, promises
from models.vocabulary.entry_records import EntryKind
from tests.gui.conftest import add_customer
from tests.gui.shortcuts import bindings, clashes


def settle(qtbot: QtBot) -> None:
    qtbot.wait(10)
    QApplication.processEvents()


def test_no_key_is_bound_twice_on_any_screen_or_dialog(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    posting.post_opening(shop, dt.date(2026, 11, 26), 1_000_00)
    promises.make_promise(shop, 100_00, dt.datetime(2026, 12, 20, 10, 0))
    seen: dict[str, list[str]] = {}

    def check(name: str, widget: QWidget) -> None:
        settle(qtbot)
        seen[name] = sorted({b.keys for b in bindings(widget)})
        assert clashes(widget) == [], name

    # The screens of the main window, one at a time (the others are hidden).
    window.show_list()
    check("customer list", window)
    window.open_customer(shop)
    qtbot.waitUntil(lambda: window.customer_page.customer is not None)
    check("customer page", window)
    window.show_today()
    check("today", window)
    window.show_review()
    check("review", window)
    window.open_customer(shop)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.customer_page)

    # Every dialog the window opens.
    entry = ledger.ledger_rows(shop, dt.date(1990, 1, 1), dt.date(2100, 1, 1))[1][-1].entry
    openers = {
        **{f"post {kind.value}": lambda kind=kind: window.post(kind) for kind in EntryKind},
        "void": lambda: window.void_entry(entry),
        "promise": window.promise,
        "visit": window.log_visit,
        "statement": window.print_statement,
        "new customer": window.new_customer,
        "edit customer": lambda: window.edit_customer(shop),
        "move to route": lambda: window.move_to_route([shop]),
        "route sheet": window.print_route_sheet,
        "packet": window.print_packet,
        "settle": window.settle_route,
        "hand-over": window.show_handover,
        "call list": window.show_call_list,
        "settings": window.open_settings,
        "reps and routes": window.open_people,
        "import": window.import_wizard,
        "export": window.export,
        "IOU preview": lambda: window.print_iou(promises.open_promises(shop)[0]),
    }
    for name, opener in openers.items():
        dialog = opener()
        assert dialog is not None, name
        qtbot.waitExposed(dialog)
        check(name, dialog)
        dialog.close()
        settle(qtbot)
    # The walk saw the keys a clerk uses.
    assert {"Ctrl+F", "Ctrl+E", "Ctrl+N", "F9"} <= set(seen["customer list"])
    assert {"F2", "F3", "F4", "F6", "F8", "Esc"} <= set(seen["customer page"])
    assert "F9" in seen["post payment"]


def test_ctrl_f_and_ctrl_e_work_on_the_customer_list(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    window.show_list()
    with qtbot.waitSignal(window.customer_list.loaded, timeout=10_000):
        window.customer_list.reload()
    table = window.customer_list.table
    window.activateWindow()
    table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    QTest.keyClick(table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.customer_list.search
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    exports = [d for d in window.findChildren(ExportDialog) if d.isVisible()]
    assert len(exports) == 1
    exports[0].close()


def test_typing_on_the_list_after_a_customer_page_searches(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    add_customer("C0002", "西关李记")
    listing = window.customer_list
    with qtbot.waitSignal(listing.loaded, timeout=10_000):
        listing.reload()
    window.open_customer(shop)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.customer_page)
    window.activateWindow()
    QTest.keyClick(window.customer_page.ledger_table, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is listing
    assert QApplication.focusWidget() is listing.table
    listing.search.setText("dcwj")  # the search that found the last customer
    for char in "xglj":  # pinyin initials of 西关李记, typed where the focus is
        QTest.keyClick(QApplication.focusWidget(), char)
    assert listing.search.text() == "xglj"
    assert QApplication.focusWidget() is listing.search
    qtbot.waitUntil(lambda: listing.model.rowCount() == 1)
    assert listing.model.summary_at(0).customer.code == "C0002"
    # Arrows, Space and shortcuts stay the table's.
    QTest.keyClick(listing.search, Qt.Key.Key_Down)
    QTest.keyClick(listing.table, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is listing.table
    assert listing.search.text() == "xglj"
