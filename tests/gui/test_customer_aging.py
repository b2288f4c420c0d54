"""The customer page shows the open balance by age, in the buckets set in Settings:
changing the aging edges visibly changes the page."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from gui.mainwindow import MainWindow
from models.ledger import posting
from models.vocabulary.entry_records import PaymentMethod
from tests.gui.test_posting import _save, open_page


def test_aging_buckets_follow_the_settings(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    posting.post_delivery(shop, dt.date(2026, 11, 16), 300_00)  # 10 days old
    posting.post_delivery(shop, dt.date(2026, 9, 27), 500_00)  # 60 days old
    posting.post_delivery(shop, dt.date(2026, 6, 29), 200_00)  # 150 days old
    open_page(window, qtbot, shop)
    line = window.customer_page.aging_line
    assert line.isVisibleTo(window.customer_page)
    text = line.text()
    assert text.startswith("By age (days): ")
    assert "0–30 <b>300.00</b>" in text and "31–60 <b>500.00</b>" in text
    assert "61–90 —" in text and ">90 <b>200.00</b>" in text

    dialog = window.open_settings()
    dialog.edges.setText("15, 45")
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, dialog)
    qtbot.waitUntil(lambda: "16–45" in line.text())  # the page re-reads on `changed`
    text = line.text()
    assert "0–15 <b>300.00</b>" in text and "16–45 —" in text and ">45 <b>700.00</b>" in text
    assert "61–90" not in text


def test_no_open_balance_no_aging_line(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    posting.post_delivery(shop, dt.date(2026, 11, 16), 300_00)
    posting.post_payment(shop, dt.date(2026, 11, 20), 300_00, PaymentMethod.CASH)
    open_page(window, qtbot, shop)
    assert not window.customer_page.aging_line.isVisibleTo(window.customer_page)
