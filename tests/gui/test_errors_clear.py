"""Errors clear on edit in every form: posting, promise, visit, customer, settings,
people and route order."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.mainwindow import MainWindow
from gui.posting.dialogs import PostingDialog
from gui.promises.dialogs import PromiseDialog
from gui.settings.route_order import RouteOrderDialog
from gui.visits.dialogs import VisitDialog
from models.ledger import customers, people, posting
from models.vocabulary.collecting_records import VisitOutcome
from models.vocabulary.entry_records import EntryKind, PaymentMethod
from models.vocabulary.errors import LedgerError
from tests.gui.conftest import add_customer
from tests.gui.forms import assert_error_clears_on_edit
from tests.gui.test_posting import _save, open_page


def test_posting(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    posting.post_delivery(shop, dt.date(2026, 11, 1), 500_00)
    open_page(window, qtbot, shop)
    dialog = window.post(EntryKind.PAYMENT)
    assert isinstance(dialog, PostingDialog)
    dialog.amount.setText("100")
    dialog.method.setCurrentIndex(dialog.method.findData(PaymentMethod.CHEQUE.value))

    assert_error_clears_on_edit(
        dialog.error,
        bad=lambda: _save(qtbot, dialog),  # a cheque without its number
        edit=lambda: qtbot.keyClicks(dialog.cheque_no, "1"),
    )


def test_promise(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    posting.post_delivery(shop, dt.date(2026, 11, 1), 300_00)
    open_page(window, qtbot, shop)
    dialog = window.promise()
    assert isinstance(dialog, PromiseDialog)
    dialog.print_iou.setChecked(False)
    dialog.due_at.setDateTime(dt.datetime(2026, 11, 20, 10, 0))  # in the past

    assert_error_clears_on_edit(
        dialog.error,
        bad=lambda: _save(qtbot, dialog),
        edit=lambda: dialog.due_at.setDateTime(dt.datetime(2026, 11, 28, 10, 0)),
    )


def test_visit(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    open_page(window, qtbot, shop)
    dialog = window.log_visit()
    assert isinstance(dialog, VisitDialog)
    assert_error_clears_on_edit(
        dialog.error,
        bad=lambda: _save(qtbot, dialog),  # no outcome chosen
        edit=lambda: dialog.outcome.setCurrentIndex(
            dialog.outcome.findData(VisitOutcome.NOT_THERE.value)
        ),
    )


def test_customer(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    dialog = window.new_customer()

    def bad() -> None:
        dialog.name.setText("新店")
        qtbot.keyClicks(dialog.code, "C0001")  # taken by the shop
        _save(qtbot, dialog)

    assert_error_clears_on_edit(
        dialog.error, bad=bad, edit=lambda: qtbot.keyClicks(dialog.code, "9")
    )


def test_settings(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.open_settings()
    dialog.edges.setText("30, sixty")

    def edit() -> None:  # the aging edges corrected
        dialog.edges.selectAll()
        qtbot.keyClicks(dialog.edges, "30, 60")

    assert_error_clears_on_edit(dialog.error, bad=lambda: _save(qtbot, dialog), edit=edit)


def test_people(window: MainWindow, qtbot: QtBot) -> None:
    people.add_rep("张伟")
    dialog = window.open_people()
    qtbot.keyClicks(dialog.rep_name, "Zhang")
    dialog.rep_name.setText("张伟")  # already there

    assert_error_clears_on_edit(
        dialog.error,
        bad=lambda: qtbot.mouseClick(dialog.add_rep_button, Qt.MouseButton.LeftButton),
        edit=lambda: qtbot.keyClicks(dialog.rep_name, "2"),
    )


def test_route_order(
    window: MainWindow, qtbot: QtBot, shop: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_customer("C0002", "西关李记", route_id=customers.get_customer(shop).route_id)
    route = people.route_by_name("城东线")
    dialog = RouteOrderDialog(window.ops, route, window)
    dialog.show()

    def refused(_route_id: int, _ids: list[int]) -> None:
        raise LedgerError("This ledger is open read-only: the order cannot be saved.")

    monkeypatch.setattr(customers, "set_route_order", refused)
    assert_error_clears_on_edit(
        dialog.error,
        bad=lambda: _save(qtbot, dialog),
        edit=lambda: qtbot.mouseClick(dialog.down_button, Qt.MouseButton.LeftButton),
    )
