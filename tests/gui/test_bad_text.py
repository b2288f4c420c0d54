"""Dialogs show the model's sentence for control characters and near-duplicate codes,
and save nothing (issue 7, point 5)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from gui.customers.dialogs import CustomerDialog
from gui.mainwindow import MainWindow
from gui.posting.dialogs import PostingDialog
from models.ledger import customers, ledger
from models.vocabulary.entry_records import EntryKind
from tests.gui.test_posting import _save, open_page


def test_customer_dialog_refuses_a_control_character(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.new_customer()
    assert isinstance(dialog, CustomerDialog)
    dialog.code.setText("C0100")
    dialog.name.setText("东城\x1b王记")  # pasted from a terminal
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.error.text() == (
        "The name contains an invisible control character (U+001B): retype it without it."
    )
    assert customers.list_customers() == []


def test_customer_dialog_refuses_a_near_duplicate_code(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    dialog = window.new_customer()
    dialog.code.setText("ｃ0001")
    dialog.name.setText("又一个")
    _save(qtbot, dialog)
    assert dialog.isVisible() and "existing code C0001" in dialog.error.text()
    assert len(customers.list_customers()) == 1


def test_posting_dialog_refuses_a_control_character_in_the_memo(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    open_page(window, qtbot, shop)
    dialog = window.post(EntryKind.DELIVERY)
    assert isinstance(dialog, PostingDialog)
    qtbot.keyClicks(dialog.amount, "10")
    dialog.memo.setText("铃\x07声")
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == (
        "The note contains an invisible control character (U+0007): retype it without it."
    )
    assert ledger.entry_count(shop) == 0
