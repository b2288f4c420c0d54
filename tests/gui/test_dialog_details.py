"""Details a tester noticed: inline errors follow the language and the user's edits, a
promise leaves out what open promises cover, a route sheet defaults to a route day,
and reversals read as reversals in the ledger."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot

from gui import dates
from gui.app import Launcher
from gui.ledger.table_model import KIND
from gui.mainwindow import MainWindow
from gui.promises.call_list import CUSTOMER, CallListDialog
from gui.promises.dialogs import PromiseDialog
from gui.welcome.view import WelcomeScreen
from models.ledger import people, posting, promises
from models.vocabulary.entry_records import EntryKind, PaymentMethod
from tests.gui.test_posting import _save, open_page


def test_welcome_error_is_cleared_on_language_switch(
    launcher: Launcher, data_dir: Path, qtbot: QtBot
) -> None:
    shown = launcher.start(None)
    assert isinstance(shown, WelcomeScreen)
    qtbot.mouseClick(shown.create_button, Qt.MouseButton.LeftButton)
    assert shown.new_error.isVisible() and "company" in shown.new_error.text()
    launcher.set_language("zh")
    qtbot.waitUntil(lambda: shown.create_button.text() == "创建账本(&L)")
    assert shown.title.text() == "欢迎使用清款"  # no space inside the Chinese
    assert not shown.new_error.isVisible()  # not left behind in English
    qtbot.mouseClick(shown.create_button, Qt.MouseButton.LeftButton)
    assert "公司" in shown.new_error.text()  # said again, now in Chinese


def test_posting_error_clears_when_a_field_is_edited(
    window: MainWindow, launcher: Launcher, qtbot: QtBot, shop: int
) -> None:
    posting.post_delivery(shop, dt.date(2026, 11, 1), 500_00)
    open_page(window, qtbot, shop)
    dialog = window.post(EntryKind.PAYMENT)
    dialog.method.setCurrentIndex(dialog.method.findData(PaymentMethod.CHEQUE.value))
    qtbot.keyClicks(dialog.amount, "500")
    _save(qtbot, dialog)
    assert dialog.error.isVisible() and "number" in dialog.error.text()
    qtbot.keyClicks(dialog.cheque_no, "00012345")
    assert not dialog.error.isVisible()
    _save(qtbot, dialog)
    assert not dialog.isVisible()

    # The language switch clears an error too (it was in the old language).
    void = window.void_entry(posting.post_delivery(shop, dt.date(2026, 11, 2), 1_00))
    _save(qtbot, void)  # no reason
    assert void.error.isVisible()
    launcher.set_language("zh")
    qtbot.waitUntil(lambda: void.windowTitle() == "作废单据")
    assert not void.error.isVisible()


def test_delivery_lines_editor_hidden_until_ticked(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    open_page(window, qtbot, shop)
    dialog = window.post(EntryKind.DELIVERY)
    assert not dialog.lines_box.isHidden() and dialog.lines.isHidden()
    dialog.lines_box.setChecked(True)
    assert not dialog.lines.isHidden()
    dialog.lines_box.setChecked(False)
    assert dialog.lines.isHidden()


def test_promise_leaves_out_what_open_promises_cover(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    posting.post_delivery(shop, dt.date(2026, 11, 1), 1_200_00)
    first = promises.make_promise(shop, 500_00, dt.datetime(2026, 11, 29, 16, 30))
    open_page(window, qtbot, shop)
    dialog = window.promise()
    assert isinstance(dialog, PromiseDialog)
    assert dialog.amount.value() == 700_00  # 1,200.00 less the 500.00 already promised
    assert not dialog.open_note.isHidden()
    assert dialog.open_note.text() == (
        f"Open promise {first.serial} already covers ¥500.00 due 11-29 16:30"
    )
    dialog.print_iou.setChecked(False)
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, dialog)  # saving stays possible
    assert promises.open_promised(shop) == 1_200_00


def test_promise_without_open_promises_has_no_note(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    posting.post_delivery(shop, dt.date(2026, 11, 1), 300_00)
    open_page(window, qtbot, shop)
    dialog = window.promise()
    assert dialog.amount.value() == 300_00 and dialog.open_note.isHidden()


def test_route_sheet_defaults_to_the_next_route_day(
    window: MainWindow, launcher: Launcher, qtbot: QtBot, shop: int
) -> None:
    people.add_route("城西线", (2, 5))  # Tue, Fri
    dialog = window.print_route_sheet()
    dialog.route.setCurrentIndex(dialog.route.findText("城东线"))  # Mon, Thu
    # Today is Thursday 2026-11-26: the next run is Monday.
    assert dates.picked_date(dialog.day) == dt.date(2026, 11, 30)
    assert dialog.off_day.isHidden()
    dialog.day.setDate(QDate(2026, 11, 27))  # a Friday
    assert not dialog.off_day.isHidden()
    assert dialog.off_day.text() == "城东线 runs on Mon, Thu"
    launcher.set_language("zh")
    qtbot.waitUntil(lambda: dialog.windowTitle() != "Print route sheet")
    assert dialog.off_day.text() == "城东线的出车日是周一、周四"
    dialog.route.setCurrentIndex(dialog.route.findText("城西线"))
    assert dates.picked_date(dialog.day) == dt.date(2026, 11, 27)  # Friday
    assert dialog.off_day.isHidden()
    dialog.route.setCurrentIndex(dialog.route.findText("城东线"))
    dialog.day.setDate(QDate(2026, 11, 28))
    assert not dialog.off_day.isHidden()
    dialog.make()  # the customer owes nothing: left out unless every stop is asked for
    assert dialog.printout is None and "所有客户" in dialog.error.text()
    dialog.every_stop.setChecked(True)
    dialog.make()  # printing another day stays possible
    assert dialog.printout is not None, dialog.error.text()


def test_ledger_marks_reversals_and_voided_entries(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    posting.post_delivery(shop, dt.date(2026, 11, 1), 500_00)
    payment = posting.post_payment(shop, dt.date(2026, 11, 3), 200_00, PaymentMethod.CASH)
    posting.void(payment.id, "typed the wrong customer")
    open_page(window, qtbot, shop)
    model = window.customer_page.ledger_model
    kinds = [model.index(r, KIND).data() for r in range(model.rowCount())]
    assert "Reversal: Payment" in kinds
    assert "Payment (voided)" in kinds
    assert "Delivery" in kinds
    row = kinds.index("Reversal: Payment")
    details = model.index(row, KIND + 2).data()
    assert "typed the wrong customer" in details


def test_call_list_stretches_the_customer_column(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    posting.post_delivery(shop, dt.date(2026, 11, 1), 500_00)
    promises.make_promise(shop, 500_00, dt.datetime(2026, 11, 27, 10, 0))
    dialog = window.show_call_list()
    assert isinstance(dialog, CallListDialog)
    header = dialog.table.horizontalHeader()
    assert header.sectionResizeMode(CUSTOMER) is QHeaderView.ResizeMode.Stretch
    assert not header.stretchLastSection()
    assert dialog.model.rowCount(QModelIndex()) == 1


def test_visit_reason_has_one_name(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    open_page(window, qtbot, shop)
    dialog = window.log_visit()
    label = dialog.form.labelForField(dialog.reason).text()
    column = window.customer_page.visit_model.headerData(2, Qt.Orientation.Horizontal)
    assert label.replace("&", "").rstrip(":") == column
