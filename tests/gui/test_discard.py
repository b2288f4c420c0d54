"""Esc, Cancel and the close button ask before discarding what the clerk typed, in every
dialog that holds input (posting, promise, customer, settings, visit, void); a dialog
nobody typed in closes at once (issue 20, item 2)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from gui import discard
from gui.form import FormDialog
from gui.mainwindow import MainWindow
from models.ledger import customers, ledger, posting
from models.vocabulary.entry_records import EntryKind

Choice = discard.Choice


def answering(monkeypatch: pytest.MonkeyPatch, choice: Choice) -> list[bool]:
    """Patch the question to answer `choice`; the list records can_save of each ask."""
    asked: list[bool] = []

    def ask(parent: object, *, can_save: bool = True) -> Choice:
        asked.append(can_save)
        return choice

    monkeypatch.setattr(discard, "ask_discard", ask)
    return asked


def open_page(window: MainWindow, qtbot: QtBot, customer_id: int) -> None:
    posting.post_opening(customer_id, dt.date(2026, 11, 26), 1_000_00)
    window.open_customer(customer_id)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.customer_page)


def esc(dialog: FormDialog) -> None:
    focus = dialog.focusWidget() or dialog
    QTest.keyClick(focus, Qt.Key.Key_Escape)


def test_an_untouched_posting_dialog_closes_at_once(
    window: MainWindow, qtbot: QtBot, shop: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_page(window, qtbot, shop)
    asked = answering(monkeypatch, Choice.KEEP_EDITING)
    d = window.post(EntryKind.PAYMENT)
    assert d is not None
    qtbot.waitExposed(d)
    esc(d)
    assert not d.isVisible()
    assert asked == []


def test_esc_on_typed_payment_asks_and_keep_editing_keeps_it(
    window: MainWindow, qtbot: QtBot, shop: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_page(window, qtbot, shop)
    asked = answering(monkeypatch, Choice.KEEP_EDITING)
    d = window.post(EntryKind.PAYMENT)
    assert d is not None
    qtbot.waitExposed(d)
    QTest.keyClicks(d.amount, "300")
    esc(d)
    assert asked == [True]
    assert d.isVisible() and d.amount.text() == "300"
    # The Cancel button and the window's close button ask the same.
    d.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    d.close()
    assert asked == [True, True, True]
    assert d.isVisible()


def test_discard_closes_without_posting(
    window: MainWindow, qtbot: QtBot, shop: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_page(window, qtbot, shop)
    answering(monkeypatch, Choice.DISCARD)
    d = window.post(EntryKind.DELIVERY)
    assert d is not None
    qtbot.waitExposed(d)
    QTest.keyClicks(d.amount, "88")
    esc(d)
    assert not d.isVisible()
    assert ledger.entry_count(shop) == 1  # the opening balance only


def test_save_from_the_question_posts(
    window: MainWindow, qtbot: QtBot, shop: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_page(window, qtbot, shop)
    answering(monkeypatch, Choice.SAVE)
    d = window.post(EntryKind.DELIVERY)
    assert d is not None
    qtbot.waitExposed(d)
    QTest.keyClicks(d.amount, "88")
    esc(d)
    assert not d.isVisible()
    assert ledger.balance(shop) == 1_088_00


def test_typing_then_deleting_is_no_input(
    window: MainWindow, qtbot: QtBot, shop: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_page(window, qtbot, shop)
    asked = answering(monkeypatch, Choice.KEEP_EDITING)
    d = window.post(EntryKind.PAYMENT)
    assert d is not None
    qtbot.waitExposed(d)
    QTest.keyClicks(d.amount, "3")
    QTest.keyClick(d.amount, Qt.Key.Key_Backspace)
    esc(d)
    assert asked == [] and not d.isVisible()


def test_promise_customer_and_settings_dialogs_ask(
    window: MainWindow, qtbot: QtBot, shop: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_page(window, qtbot, shop)
    asked = answering(monkeypatch, Choice.KEEP_EDITING)
    promise = window.promise()
    assert promise is not None
    qtbot.waitExposed(promise)
    QTest.keyClicks(promise.payer, "Mrs Wang")
    esc(promise)
    assert asked == [True] and promise.isVisible()
    promise.done(0)

    customer = window.edit_customer(shop)
    assert customer is not None
    qtbot.waitExposed(customer)
    esc(customer)
    assert asked == [True] and not customer.isVisible()  # untouched: closes at once
    customer = window.new_customer()
    qtbot.waitExposed(customer)
    QTest.keyClicks(customer.name, "Li Ji")
    esc(customer)
    assert asked == [True, True] and customer.isVisible()
    customer.done(0)

    settings = window.open_settings()
    qtbot.waitExposed(settings)
    esc(settings)
    assert not settings.isVisible()
    settings = window.open_settings()
    qtbot.waitExposed(settings)
    QTest.keyClicks(settings.name, "X")
    esc(settings)
    assert asked == [True, True, True] and settings.isVisible()
    settings.done(0)
    assert customers.get_customer(shop).name == "东城王记"


def test_every_guarded_dialog_closes_at_once_when_untouched(
    window: MainWindow, qtbot: QtBot, shop: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_page(window, qtbot, shop)
    asked = answering(monkeypatch, Choice.KEEP_EDITING)
    entry = ledger.ledger_rows(shop, dt.date(1990, 1, 1), dt.date(2100, 1, 1))[1][-1].entry
    openers = [
        *(lambda kind=kind: window.post(kind) for kind in EntryKind),
        lambda: window.void_entry(entry),
        window.promise,
        window.log_visit,
        window.new_customer,
        lambda: window.edit_customer(shop),
        window.open_settings,
        window.open_people,
    ]
    for opener in openers:
        dialog = opener()
        assert dialog is not None
        qtbot.waitExposed(dialog)
        qtbot.wait(50)  # anything the dialog reads after showing has come in
        esc(dialog)
        assert not dialog.isVisible(), type(dialog).__name__
    assert asked == []
