"""The credit warning of a delivery names the excess and the limit, each with its word
(issue 20, item 9: "超出信用额度 ¥10,000.00" read as "over by ¥10,000")."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui import language
from gui.mainwindow import MainWindow
from models.ledger import posting
from models.vocabulary.entry_records import EntryKind
from tests.gui.conftest import add_customer


def test_over_limit_warning_says_excess_and_limit(window: MainWindow, qtbot: QtBot) -> None:
    shop = add_customer("C0002", "西关李记", credit_limit=10_000_00)
    posting.post_opening(shop, dt.date(2026, 11, 26), 60_000_00)
    language.set_language("zh")
    window.open_customer(shop)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.customer_page)
    d = window.post(EntryKind.DELIVERY)
    assert d is not None
    qtbot.waitExposed(d)
    QTest.keyClicks(d.amount, "4743.84")
    QTest.keyClick(d.amount, Qt.Key.Key_Return)
    assert "超出 ¥54,743.84，额度 ¥10,000.00" in d.warnings.text()
    assert d.isVisible()  # shown once; Save again delivers


def test_the_customer_lists_tooltip_says_excess_and_limit(window: MainWindow, qtbot: QtBot) -> None:
    from gui.customers.table_model import BALANCE_COLUMN

    shop = add_customer("C0002", "西关李记", credit_limit=10_000_00)
    posting.post_opening(shop, dt.date(2026, 11, 26), 54_743_84 + 10_000_00)
    language.set_language("zh")
    listing = window.customer_list
    with qtbot.waitSignal(listing.loaded, timeout=10_000):
        listing.reload()
    tip = listing.model.index(0, BALANCE_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "超出 54,743.84，额度 10,000.00"
