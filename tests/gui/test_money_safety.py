"""Money safety in the posting dialogs: more than is owed asks first; the payment dialog
shows what is owed and fills it in; itemising keeps the typed amount."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from gui.mainwindow import MainWindow
from gui.posting.dialogs import PostingDialog
from models.ledger import credit, ledger, posting, promises
from models.vocabulary.entry_records import EntryKind

DAY = dt.date(2026, 11, 20)


def _save(qtbot: QtBot, dialog: PostingDialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def _dialog(window: MainWindow, qtbot: QtBot, shop: int, kind: EntryKind) -> PostingDialog:
    window.open_customer(shop)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.customer_page)
    dialog = window.post(kind)
    assert isinstance(dialog, PostingDialog)
    return dialog


def test_exactly_the_balance_posts_without_a_question(window, qtbot, shop) -> None:
    posting.post_delivery(shop, DAY, 7_500_50)
    dialog = _dialog(window, qtbot, shop, EntryKind.PAYMENT)
    qtbot.keyClicks(dialog.amount, "7500.50")
    _save(qtbot, dialog)
    assert dialog.posted is not None and ledger.balance(shop) == 0


def test_one_fen_over_the_balance_asks_first(window, qtbot, shop) -> None:
    posting.post_delivery(shop, DAY, 7_500_50)
    dialog = _dialog(window, qtbot, shop, EntryKind.PAYMENT)
    qtbot.keyClicks(dialog.amount, "7500.51")
    _save(qtbot, dialog)
    assert dialog.posted is None and dialog.isVisible()
    assert "0.01 more than the ¥7,500.50 owed" in dialog.warnings.text()
    assert "credit" in dialog.warnings.text()
    assert ledger.balance(shop) == 7_500_50  # nothing posted yet
    _save(qtbot, dialog)  # a second Save confirms
    assert dialog.posted is not None and ledger.balance(shop) == -1


@pytest.mark.parametrize("kind", [EntryKind.RETURN, EntryKind.DISCOUNT, EntryKind.WRITEOFF])
def test_other_credits_over_the_balance_ask_too(window, qtbot, shop, kind) -> None:
    posting.post_delivery(shop, DAY, 100_00)
    dialog = _dialog(window, qtbot, shop, kind)
    qtbot.keyClicks(dialog.amount, "150")
    if kind is EntryKind.WRITEOFF:
        dialog.memo.setText("shop closed")
    _save(qtbot, dialog)
    assert dialog.posted is None and "50.00 more than" in dialog.warnings.text()


def test_changing_the_amount_asks_again(window, qtbot, shop) -> None:
    posting.post_delivery(shop, DAY, 100_00)
    dialog = _dialog(window, qtbot, shop, EntryKind.PAYMENT)
    qtbot.keyClicks(dialog.amount, "150")
    _save(qtbot, dialog)
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, "160")
    _save(qtbot, dialog)
    assert dialog.posted is None  # 160 was never confirmed


def test_nothing_owed_says_all_of_it_becomes_credit(ledger_target, shop) -> None:
    warning = credit.check_credit_note(shop, 10_00)
    assert warning is not None and "owes nothing" in warning.message


def test_pay_in_full_and_pay_the_promise(window, qtbot, shop) -> None:
    posting.post_delivery(shop, DAY, 7_500_50)
    promises.make_promise(shop, 3_000_00, dt.datetime(2026, 11, 28, 10))
    dialog = _dialog(window, qtbot, shop, EntryKind.PAYMENT)
    assert "7,500.50" in dialog.owed_label.text() and "3,000.00" in dialog.owed_label.text()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.amount, Qt.Key.Key_F9)  # one key
    assert dialog.amount.value() == 7_500_50
    dialog.promise_button.click()
    assert dialog.amount.value() == 3_000_00


def test_a_customer_in_credit_reads_in_credit(window, qtbot, shop) -> None:
    posting.post_opening(shop, DAY, -200_00)
    dialog = _dialog(window, qtbot, shop, EntryKind.PAYMENT)
    assert "200.00 in credit" in dialog.owed_label.text()
    assert not dialog.full_button.isEnabled()


def test_itemising_keeps_the_typed_amount(window, qtbot, shop) -> None:
    dialog = _dialog(window, qtbot, shop, EntryKind.DELIVERY)
    qtbot.keyClicks(dialog.amount, "1,234.50")
    dialog.lines_box.setChecked(True)
    assert dialog.amount.value() == 1_234_50  # kept, as the first line's total
    assert dialog.lines.table.item(0, 1).text() == "1"
    dialog.lines_box.setChecked(False)
    assert dialog.amount.value() == 1_234_50  # and back when unticked
