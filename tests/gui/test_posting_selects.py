"""After posting, the ledger selects the new entry (it stayed on the row selected
before), wherever its date puts it: at the top, between older entries, or past the
first page of a long ledger."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from gui.mainwindow import MainWindow
from gui.posting.dialogs import PostingDialog
from models.ledger import posting
from models.vocabulary.entry_records import EntryKind


def selected_id(window: MainWindow) -> int:
    table = window.customer_page.ledger_table
    return window.customer_page.ledger_model.entry_at(table.currentIndex().row()).id


def pay(window: MainWindow, qtbot: QtBot, amount: str, on: dt.date) -> int:
    """Key a payment as the clerk does: amount, date, Enter."""
    dialog = window.post(EntryKind.PAYMENT)
    assert isinstance(dialog, PostingDialog)
    qtbot.waitUntil(dialog.amount.hasFocus)
    qtbot.keyClicks(dialog.amount, amount)
    dialog.date.setDate(on)
    button = dialog.buttons.buttons()[0]
    assert dialog.buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.posted is not None
    return dialog.posted.id


def test_the_new_entry_is_selected(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    for day in (1, 10, 20):
        posting.post_delivery(shop, dt.date(2026, 11, day), 100_00)
    window.open_customer(shop)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.customer_page)
    table = window.customer_page.ledger_table
    table.selectRow(2)  # the clerk looked at the delivery of 1 Nov
    new = pay(window, qtbot, "50", dt.date(2026, 11, 26))
    assert selected_id(window) == new and table.currentIndex().row() == 0
    # Back-dated: between the deliveries of 10 and 1 Nov.
    older = pay(window, qtbot, "20", dt.date(2026, 11, 5))
    assert selected_id(window) == older and table.currentIndex().row() == 3


def test_past_the_first_page_of_a_long_ledger(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    for n in range(205):
        posting.post_delivery(shop, dt.date(2026, 6, 1) + dt.timedelta(days=n % 150), 10_00)
    window.open_customer(shop)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.customer_page)
    oldest = pay(window, qtbot, "5", dt.date(2026, 5, 1))  # the last of 206 rows
    assert selected_id(window) == oldest
    assert window.customer_page.ledger_table.currentIndex().row() == 205
