"""Create a customer, post every kind of entry, see the balance move; bad input saves
nothing; void; bounce; the delivery credit check."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from gui.customers.dialogs import CustomerDialog
from gui.mainwindow import MainWindow
from gui.posting.dialogs import PostingDialog, VoidDialog
from models.ledger import aging, customers, entries, ledger, posting
from models.vocabulary.entry_records import EntryKind, PaymentMethod


def _save(qtbot: QtBot, dialog: PostingDialog | VoidDialog | CustomerDialog) -> None:
    button = dialog.buttons.buttons()[0]  # Save / OK comes first
    assert dialog.buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_page(window: MainWindow, qtbot: QtBot, customer_id: int) -> None:
    window.open_customer(customer_id)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.customer_page)


def test_create_customer_with_inline_validation(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.new_customer()
    assert isinstance(dialog, CustomerDialog)
    qtbot.keyClicks(dialog.code, "C0100")
    assert "name" in dialog.error.text()  # inline: the name is still missing
    dialog.name.setText("东城王记")
    assert not dialog.error.isVisible()
    qtbot.keyClicks(dialog.credit_limit, "5,000")
    dialog.terms.setCurrentIndex(1)  # N days
    dialog.days.setValue(15)
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, dialog)
    saved = customers.customer_by_code("C0100")
    assert saved.credit_limit == 5_000_00 and saved.terms.days == 15
    # The new customer's page opens, and the list knows them.
    assert window.customer_page.customer is not None
    assert window.customer_page.customer.id == saved.id
    with qtbot.waitSignal(window.customer_list.loaded):
        window.show_list()  # the list re-reads in the background
    assert window.customer_list.model.row_of(saved.id) is not None
    assert window.customer_list.current_customer_id() == saved.id


def test_duplicate_code_is_refused_inline(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    dialog = window.new_customer()
    dialog.code.setText("C0001")
    dialog.name.setText("又一个")
    _save(qtbot, dialog)
    assert dialog.isVisible() and "already used" in dialog.error.text()
    assert len(customers.list_customers()) == 1


@pytest.mark.parametrize(
    ("kind", "amount", "delta"),
    [
        (EntryKind.DELIVERY, "1,234.50", 1_234_50),
        (EntryKind.PAYMENT, "200", -200_00),
        (EntryKind.RETURN, "34.5", -34_50),
        (EntryKind.DISCOUNT, "0.50", -50),
        (EntryKind.WRITEOFF, "100", -100_00),
        (EntryKind.OPENING, "-20", -20_00),
    ],
)
def test_post_each_kind_moves_the_balance(
    window: MainWindow, qtbot: QtBot, shop: int, kind: EntryKind, amount: str, delta: int
) -> None:
    posting.post_opening(shop, dt.date(2026, 11, 26), 1_000_00)  # not yet overdue
    open_page(window, qtbot, shop)
    before = window.customer_page.balance
    dialog = window.post(kind)
    assert isinstance(dialog, PostingDialog)
    qtbot.waitUntil(dialog.amount.hasFocus)  # keyboard-first: type the amount at once
    qtbot.keyClicks(dialog.amount, amount)
    assert dialog.capitals.text().startswith("人民币")
    if kind is EntryKind.WRITEOFF:
        dialog.memo.setText("店已关门，老板失联")
    dialog.doc_no.setText(f"D-{kind.value}")
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert window.customer_page.balance == before + delta
    assert ledger.balance(shop) == before + delta
    assert window.customer_page.ledger_model.rowCount() == 2
    assert window.customer_page.ledger_model.entry_at(0).kind is kind


def test_bad_amount_shows_error_and_saves_nothing(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    open_page(window, qtbot, shop)
    dialog = window.post(EntryKind.DELIVERY)
    qtbot.keyClicks(dialog.amount, "12.345")
    assert dialog.error.isVisible() and "two decimals" in dialog.error.text()
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert ledger.entry_count(shop) == 0
    # A write-off without a reason: the model refuses, the dialog says so, nothing saved.
    writeoff = window.post(EntryKind.WRITEOFF)
    qtbot.keyClicks(writeoff.amount, "10")
    _save(qtbot, writeoff)
    assert "owes nothing" in writeoff.warnings.text()  # more than is owed: asked first
    _save(qtbot, writeoff)
    assert writeoff.isVisible() and "written off" in writeoff.error.text()
    assert ledger.entry_count(shop) == 0


def test_payment_by_cheque_shows_capitals_and_can_bounce(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    posting.post_delivery(shop, dt.date(2026, 11, 1), 10_005_07)
    open_page(window, qtbot, shop)
    dialog = window.post(EntryKind.PAYMENT)
    dialog.method.setCurrentIndex(dialog.method.findData(PaymentMethod.CHEQUE.value))
    assert not dialog.cheque_box.isHidden()
    qtbot.keyClicks(dialog.amount, "10005.07")
    assert dialog.cheque_capitals.text() == "人民币壹万零伍元零柒分"
    dialog.cheque_no.setText("00012345")
    dialog.bank.setText("工商银行")
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, dialog)
    assert window.customer_page.balance == 0
    page = window.customer_page
    page.ledger_table.selectRow(0)
    assert page.bounce_button.isEnabled()
    qtbot.mouseClick(page.bounce_button, Qt.MouseButton.LeftButton)
    bounce = window.findChild(VoidDialog)
    assert bounce is not None and bounce.bounce
    bounce.reason.setText("存款不足")
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, bounce)
    assert page.balance == 10_005_07  # the debt is back


def test_void_entry(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    posting.post_delivery(shop, dt.date(2026, 11, 20), 500_00, doc_no="S-1")
    open_page(window, qtbot, shop)
    page = window.customer_page
    page.ledger_table.selectRow(0)
    qtbot.mouseClick(page.void_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(VoidDialog)
    assert dialog is not None
    _save(qtbot, dialog)  # no reason: refused inline
    assert dialog.isVisible() and dialog.error.text()
    dialog.reason.setText("typed the wrong amount")
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, dialog)
    assert page.balance == 0
    assert page.ledger_model.rowCount() == 2  # the entry and its reversal stay listed
    voided = [
        page.ledger_model.entry_at(r) for r in range(2) if page.ledger_model.entry_at(r).is_voided
    ]
    assert len(voided) == 1
    index = page.ledger_model.index(page.ledger_model.rowCount() - 1, 0)
    assert page.ledger_model.data(index, Qt.ItemDataRole.FontRole).strikeOut()


def test_delivery_over_limit_is_stopped_until_the_boss_approves(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    c = customers.get_customer(shop)
    from dataclasses import replace

    from models.vocabulary.customer_records import CustomerDraft

    draft = CustomerDraft(code=c.code, name=c.name, terms=c.terms, credit_limit=1_000_00)
    customers.update_customer(shop, replace(draft, route_id=c.route_id, rep_id=c.rep_id))
    open_page(window, qtbot, shop)
    dialog = window.post(EntryKind.DELIVERY)
    qtbot.keyClicks(dialog.amount, "1500")
    _save(qtbot, dialog)
    assert dialog.isVisible() and not dialog.warnings.isHidden()
    assert "credit limit" in dialog.warnings.text()
    assert ledger.entry_count(shop) == 0
    _save(qtbot, dialog)  # Save again does not get past the stop
    assert dialog.isVisible() and ledger.entry_count(shop) == 0
    # Nobody signs in to this ledger: every right, so the boss's one button.
    assert dialog.approve_button.isVisible()
    assert dialog.approve_button.text() == "App&rove as boss and deliver"
    with qtbot.waitSignal(window.ops.changed):
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert aging.age_customer(shop).balance == 1_500_00


def test_delivery_with_lines(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    open_page(window, qtbot, shop)
    dialog = window.post(EntryKind.DELIVERY)
    dialog.lines_box.setChecked(True)
    assert dialog.amount.isReadOnly()
    lines = dialog.lines
    lines.table.item(0, 0).setText("青岛啤酒 500ml×12")
    lines.table.item(0, 1).setText("2.5")
    lines.table.item(0, 2).setText("48.30")
    assert lines.table.item(0, 3).text() == "120.75"  # 2.5 × 48.30, the model's rounding
    lines.add_line("可乐", "x", "10")
    assert dialog.error.isVisible() and "quantity" in dialog.error.text()
    lines.table.item(1, 1).setText("10")
    assert dialog.amount.value() == 120_75 + 100_00
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, dialog)
    entry = window.customer_page.ledger_model.entry_at(0)
    assert entry.amount == 220_75 and len(entry.lines) == 2


def test_cheque_deposited_then_cleared(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    posting.post_delivery(shop, dt.date(2026, 11, 1), 500_00)
    posting.post_payment(
        shop, dt.date(2026, 11, 20), 500_00, PaymentMethod.CHEQUE, cheque_no="778899"
    )
    open_page(window, qtbot, shop)
    page = window.customer_page
    page.ledger_table.selectRow(0)
    assert page.deposited_button.isEnabled()
    with qtbot.waitSignal(window.ops.changed):
        qtbot.mouseClick(page.deposited_button, Qt.MouseButton.LeftButton)
    page.ledger_table.selectRow(0)
    assert not page.deposited_button.isEnabled() and page.cleared_button.isEnabled()
    with qtbot.waitSignal(window.ops.changed):
        qtbot.mouseClick(page.cleared_button, Qt.MouseButton.LeftButton)
    assert entries.get_entry(page.ledger_model.entry_at(0).id).cheque.status.value == "cleared"


def test_keyboard_only_payment(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    """F3 on the customer page, type the amount, Enter saves; Esc cancels the next."""
    posting.post_delivery(shop, dt.date(2026, 11, 25), 300_00)
    open_page(window, qtbot, shop)
    qtbot.keyClick(window.customer_page.ledger_table, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: window.findChild(PostingDialog) is not None)
    dialog = window.findChild(PostingDialog)
    assert dialog.kind is EntryKind.PAYMENT
    qtbot.waitUntil(dialog.amount.hasFocus)
    qtbot.keyClicks(dialog.amount, "120")
    with qtbot.waitSignal(window.ops.changed):
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert window.customer_page.balance == 180_00
    qtbot.waitUntil(lambda: window.findChild(PostingDialog) is None)
    qtbot.keyClick(window.customer_page.ledger_table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.findChild(PostingDialog) is not None)
    delivery = window.findChild(PostingDialog)
    assert delivery.kind is EntryKind.DELIVERY
    qtbot.waitUntil(delivery.amount.hasFocus)
    qtbot.keyClick(delivery.amount, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(PostingDialog) is None)
    assert ledger.entry_count(shop) == 2
