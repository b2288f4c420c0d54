"""The ledger tab's details column: a bounced cheque's reversal reads cleanly in both
languages, itemised deliveries name their lines, and long details have a tooltip."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui import language
from gui.ledger.table_model import DETAILS, LedgerModel
from gui.mainwindow import MainWindow
from models.ledger import cheque_status, posting
from models.vocabulary.entry_records import DeliveryLine, PaymentMethod

DAY = dt.date(2026, 11, 20)


def details_column(model: LedgerModel) -> list[str]:
    return [model.index(r, DETAILS).data() for r in range(model.rowCount())]


def bounced_cheque(shop: int) -> None:
    posting.post_delivery(shop, DAY, 500_00)
    payment = posting.post_payment(
        shop, DAY, 500_00, PaymentMethod.CHEQUE, cheque_no="12345678", bank="工行", due_on=DAY
    )
    cheque_status.bounce_cheque(payment.id, "no funds")


def test_bounced_cheque_reversal_reads_cleanly(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    language.set_language("zh")
    bounced_cheque(shop)  # the kind is stored; the words follow the language shown
    model = LedgerModel()
    model.load(shop)
    reversal = details_column(model)[0]
    assert reversal == "冲销：支票 12345678 跳票：no funds"
    assert reversal.count("支票") == 1 and ":" not in reversal
    voided = details_column(model)[1]
    assert (
        voided.startswith("支票 · 12345678 工行")
        and "已作废：支票 12345678 跳票：no funds" in voided
    )

    language.set_language("en")
    # Stored as a kind: the same entry reads in English once the screen is in English;
    # what the user typed ("no funds") stays as typed.
    assert details_column(model)[0] == "Reversal: Cheque 12345678 bounced: no funds"


def test_bounced_cheque_reversal_in_english(window: MainWindow, shop: int) -> None:
    bounced_cheque(shop)
    model = LedgerModel()
    model.load(shop)
    assert details_column(model)[0] == "Reversal: Cheque 12345678 bounced: no funds"


def _lines(*products: tuple[str, str, int]) -> tuple[DeliveryLine, ...]:
    return tuple(DeliveryLine(p, q, price, price * int(q)) for p, q, price in products)


def test_itemised_delivery_names_its_lines(window: MainWindow, shop: int) -> None:
    two = _lines(("青岛啤酒", "10", 3_50), ("可乐", "2", 2_50))
    four = two + _lines(("雪碧", "1", 2_50), ("矿泉水", "24", 1_00))
    posting.post_delivery(shop, DAY, sum(ln.amount for ln in two), lines=two)
    posting.post_delivery(shop, DAY, sum(ln.amount for ln in four), lines=four, memo="月底")
    model = LedgerModel()
    model.load(shop)
    assert details_column(model) == ["青岛啤酒×10, 可乐×2 +2 more · 月底", "青岛啤酒×10, 可乐×2"]
    language.set_language("zh")
    assert details_column(model) == ["青岛啤酒×10，可乐×2 另2项 · 月底", "青岛啤酒×10，可乐×2"]


def test_long_details_have_a_tooltip(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    lines = _lines(*((f"产品{i}号特级精装礼盒", "1", 10_00) for i in range(3)))
    posting.post_delivery(shop, DAY, 30_00, lines=lines)
    posting.post_delivery(shop, DAY, 10_00, memo="短")
    window.open_customer(shop)
    qtbot.waitUntil(lambda: window.customer_page.ledger_model.rowCount() == 2)
    model = window.customer_page.ledger_model
    short, long = model.index(0, DETAILS), model.index(1, DETAILS)
    assert short.data(Qt.ItemDataRole.ToolTipRole) is None
    full = long.data()
    assert full.startswith("产品0号特级精装礼盒×1") and "产品2号特级精装礼盒×1" in full
    assert long.data(Qt.ItemDataRole.ToolTipRole) == full
