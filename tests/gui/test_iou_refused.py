"""F4's IOU note for a customer who owes nothing: the window says why, and prints none."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from gui import operations
from gui.mainwindow import MainWindow
from models.ledger import posting, promises


def test_window_refuses_an_iou_for_a_customer_in_credit(
    window: MainWindow, shop: int, qtbot: QtBot, monkeypatch
) -> None:
    posting.post_delivery(shop, dt.date(2026, 11, 1), 1_000_00)
    promise = promises.make_promise(shop, 1_000_00, dt.datetime(2026, 12, 10, 10, 0))
    posting.post_return(shop, dt.date(2026, 11, 20), 1_500_00)  # now in credit by 500.00
    shown: list[str] = []
    monkeypatch.setattr(
        operations.QMessageBox, "warning", lambda _parent, _title, text: shown.append(text)
    )
    assert window.print_iou(promise) is None  # no preview, no file
    assert len(shown) == 1 and "owes nothing" in shown[0] and "no IOU note" in shown[0]
    assert promises.get_promise(promise.id).prints == 0
