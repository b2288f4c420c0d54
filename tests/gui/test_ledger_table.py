"""The ledger table at a glance: columns fit their content (document numbers whole), the
cheque status in its own column, status buttons that show what they did and can be
set back, and the status history on the cheque cell."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.ledger.table_model import CHEQUE, DETAILS, DOC, KIND
from gui.mainwindow import MainWindow
from models.ledger import entries, posting
from models.vocabulary.entry_records import ChequeStatus, PaymentMethod
from tests.gui.test_posting import open_page

DAY = dt.date(2026, 11, 15)


def _text_fits(window: MainWindow, column: int, text: str) -> bool:
    table = window.customer_page.ledger_table
    return table.fontMetrics().horizontalAdvance(text) + 6 <= table.columnWidth(column)


def test_columns_fit_their_content(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    posting.post_delivery(shop, DAY, 800_00, doc_no="SH20261115-C0001-0042")
    tail = posting.post_discount(shop, DAY, 3_50, memo="抹零")
    posting.void(tail.id, "typed twice")
    open_page(window, qtbot, shop)
    assert _text_fits(window, DOC, "SH20261115-C0001-0042")
    assert _text_fits(window, KIND, "Reversal: Discount / tail cut")
    assert _text_fits(window, KIND, "Discount / tail cut (voided)")
    table = window.customer_page.ledger_table
    assert table.columnWidth(DETAILS) <= 420  # capped: the tooltip shows the rest


def test_cheque_status_column_feedback_and_set_back(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    posting.post_delivery(shop, DAY, 500_00)
    posting.post_payment(
        shop, DAY, 500_00, PaymentMethod.CHEQUE, cheque_no="10203040", bank="工行", due_on=DAY
    )
    posting.post_payment(shop, DAY, 10_00, PaymentMethod.CASH)
    open_page(window, qtbot, shop)
    page = window.customer_page
    model, table = page.ledger_model, page.ledger_table
    assert model.index(0, CHEQUE).data() == ""  # cash has no cheque status
    table.selectRow(1)
    assert model.index(1, CHEQUE).data() == "Received"
    assert "Received" not in model.index(1, DETAILS).data()  # said once, in its column
    assert _text_fits(window, DETAILS, model.index(1, DETAILS).data())  # "due 2026-11-15"
    assert not page.set_back_button.isEnabled()

    qtbot.mouseClick(page.deposited_button, Qt.MouseButton.LeftButton)
    assert model.index(1, CHEQUE).data() == "Deposited"  # the row updates…
    assert table.currentIndex().row() == 1  # …and stays selected
    assert not page.deposited_button.isEnabled() and page.set_back_button.isEnabled()

    qtbot.mouseClick(page.set_back_button, Qt.MouseButton.LeftButton)  # deposited by mistake
    assert model.index(1, CHEQUE).data() == "Received"
    assert table.currentIndex().row() == 1
    assert page.deposited_button.isEnabled()
    history = model.index(1, CHEQUE).data(Qt.ItemDataRole.ToolTipRole)
    assert "Received → Deposited" in history and "Deposited → Received" in history
    entry_id = model.entry_at(1).id
    assert entries.get_entry(entry_id).cheque.status is ChequeStatus.RECEIVED
