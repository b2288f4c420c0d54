"""Keyboard: in every posting dialog Tab walks the form top to bottom, one Tab leaves a
date or date-time field, and focus still starts where the clerk types first."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from gui import dates
from gui.mainwindow import MainWindow
from models.collecting import visits
from models.ledger import posting
from models.vocabulary.collecting_records import VisitOutcome
from models.vocabulary.entry_records import EntryKind, PaymentMethod

Button = QDialogButtonBox.StandardButton


def open_page(window: MainWindow, qtbot: QtBot, customer_id: int) -> None:
    posting.post_opening(customer_id, dt.date(2026, 11, 26), 1_000_00)
    window.open_customer(customer_id)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.customer_page)


def tab_chain(dialog: QDialog, qtbot: QtBot, start: QWidget, count: int) -> list[QWidget]:
    """Focus `start`, then press Tab `count` times: the widgets focused, `start` first."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    start.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    seen = [start]
    for _ in range(count):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def buttons(box: QDialogButtonBox, *which: Button) -> list[QWidget]:
    return [box.button(b) for b in which]


@pytest.mark.parametrize(
    "kind",
    [EntryKind.RETURN, EntryKind.DISCOUNT, EntryKind.WRITEOFF, EntryKind.OPENING],
)
def test_simple_posting_tab_order(
    window: MainWindow, qtbot: QtBot, shop: int, kind: EntryKind
) -> None:
    open_page(window, qtbot, shop)
    d = window.post(kind)
    assert d is not None
    assert QApplication.focusWidget() is d.amount or d.focusWidget() is d.amount
    expected = [d.date, d.amount, d.doc_no, d.memo, *buttons(d.buttons, Button.Save, Button.Cancel)]
    assert tab_chain(d, qtbot, d.date, len(expected)) == [*expected, d.date]  # wraps round
    d.reject()


def test_delivery_tab_order_with_and_without_lines(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    open_page(window, qtbot, shop)
    d = window.post(EntryKind.DELIVERY)
    assert d is not None and d.focusWidget() is d.amount
    save_cancel = buttons(d.buttons, Button.Save, Button.Cancel)
    expected = [d.date, d.amount, d.doc_no, d.memo, d.lines_box, *save_cancel]
    assert tab_chain(d, qtbot, d.date, len(expected) - 1) == expected
    d.lines_box.setChecked(True)
    lines = d.lines
    lines.add_line("青岛啤酒", "10", "3.50")
    # Inside the lines Tab walks the cells like a spreadsheet, then leaves after the
    # last line's price instead of wrapping round.
    seen = tab_chain(d, qtbot, d.memo, 15)
    collapsed: list[QWidget] = []
    for w in seen:
        w = lines.table if lines.table.isAncestorOf(w) else w
        if not collapsed or collapsed[-1] is not w:
            collapsed.append(w)
    assert collapsed[:8] == [
        d.memo,
        d.lines_box,
        lines.table,
        lines.add_button,
        lines.remove_button,
        *save_cancel,
        d.date,
    ]
    lines.add_button.setFocus()
    QTest.keyClick(lines.add_button, Qt.Key.Key_Backtab)
    assert lines.table.isAncestorOf(QApplication.focusWidget()) or (
        QApplication.focusWidget() is lines.table
    )
    d.reject()


def test_cheque_payment_tab_order(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    open_page(window, qtbot, shop)
    d = window.post(EntryKind.PAYMENT)
    assert d is not None and d.focusWidget() is d.amount
    d.method.setCurrentIndex(d.method.findData(PaymentMethod.CHEQUE))
    expected = [
        d.date,
        d.amount,
        d.method,
        d.doc_no,
        d.memo,
        d.cheque_no,
        d.bank,
        d.written_on,
        d.due_on,
        *buttons(d.buttons, Button.Save, Button.Cancel),
    ]
    assert tab_chain(d, qtbot, d.date, len(expected) - 1) == expected
    # Shift+Tab walks back the same way, one press per date field too.
    d.due_on.setFocus()
    QTest.keyClick(d.due_on, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is d.written_on
    QTest.keyClick(d.written_on, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is d.bank
    d.reject()


def test_promise_and_visit_tab_order(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    open_page(window, qtbot, shop)
    p = window.promise()
    assert p is not None and p.focusWidget() is p.amount
    expected = [
        p.amount,
        p.due_at,
        p.method,
        p.payer,
        p.rep,
        p.note,
        p.print_iou,
        *buttons(p.buttons, Button.Save, Button.Cancel),
    ]
    assert tab_chain(p, qtbot, p.amount, len(expected) - 1) == expected
    p.reject()

    v = window.log_visit()
    assert v is not None and v.focusWidget() is v.outcome
    v.outcome.setCurrentIndex(v.outcome.findData(VisitOutcome.REFUSED))  # reason enabled
    expected = [
        v.at,
        v.outcome,
        v.reason,
        v.rep,
        v.note,
        *buttons(v.buttons, Button.Save, Button.Cancel),
    ]
    assert tab_chain(v, qtbot, v.at, len(expected) - 1) == expected
    v.reject()


def test_void_tab_order(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    posting.post_opening(shop, dt.date(2026, 11, 26), 1_000_00)
    entry = posting.post_payment(shop, dt.date(2026, 11, 26), 100_00, PaymentMethod.CASH)
    d = window.void_entry(entry)
    expected = [d.reason, *buttons(d.buttons, Button.Ok, Button.Cancel)]
    assert tab_chain(d, qtbot, d.reason, len(expected)) == [*expected, d.reason]
    d.reject()


def test_one_tab_leaves_a_date_field_and_arrows_still_move_sections(qtbot: QtBot) -> None:
    host = QDialog()
    qtbot.addWidget(host)
    day = dates.date_edit(host, dt.date(2026, 11, 26))
    when = dates.datetime_edit(host, dt.datetime(2026, 11, 26, 9, 0))
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    day.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is day)
    QTest.keyClick(day, Qt.Key.Key_Right)  # ← / → still step between sections
    assert QApplication.focusWidget() is day
    QTest.keyClick(day, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is when
    QTest.keyClick(when, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is day
    QTest.keyClick(day, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is when


def test_visit_starts_without_an_outcome(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    """F6 then Enter used to log a 'paid' visit with no payment: now Save asks first."""
    open_page(window, qtbot, shop)
    v = window.log_visit()
    assert v is not None and v.outcome.currentData() is None
    assert v.outcome.currentText() == "— choose —"
    v.activateWindow()
    qtbot.waitUntil(v.isActiveWindow)
    QTest.keyClick(v.outcome, Qt.Key.Key_Return)
    assert v.isVisible() and "outcome" in v.error.text()
    assert visits.visits_for(shop) == []
    assert QApplication.focusWidget() is v.outcome
    v.outcome.setCurrentIndex(v.outcome.findData(VisitOutcome.PAID))
    assert not v.error.isVisible()  # editing clears the sentence
    with qtbot.waitSignal(window.ops.changed):
        QTest.keyClick(v.outcome, Qt.Key.Key_Return)
    [visit] = visits.visits_for(shop)
    assert visit.outcome is VisitOutcome.PAID
