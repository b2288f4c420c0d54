"""The hand-over screen right-aligns its amounts (they were left-aligned), so the
digits of 1,234.50 and 50.00 line up as on a cash sheet."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.mainwindow import MainWindow
from gui.settle.handover import AMOUNT
from models.ledger import posting
from models.vocabulary.entry_records import PaymentMethod

DAY = dt.date(2026, 11, 26)


def test_amounts_are_right_aligned(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    posting.post_delivery(shop, dt.date(2026, 11, 1), 2_000_00)
    posting.post_payment(shop, DAY, 1_234_50, PaymentMethod.CASH)
    posting.post_payment(shop, DAY, 50_00, PaymentMethod.WECHAT)
    dialog = window.show_handover(DAY)
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert table.horizontalHeaderItem(AMOUNT).text() == "Amount"
    amounts = [table.item(r, AMOUNT).text() for r in range(table.rowCount())]
    assert amounts[:2] == ["1,234.50", "50.00"]  # cash first, then WeChat; subtotals follow
    for r in range(table.rowCount()):
        assert table.item(r, AMOUNT).textAlignment() & Qt.AlignmentFlag.AlignRight
        assert not table.item(r, 0).textAlignment() & Qt.AlignmentFlag.AlignRight
    assert table.horizontalHeaderItem(AMOUNT).textAlignment() & Qt.AlignmentFlag.AlignRight
    dialog.close()
