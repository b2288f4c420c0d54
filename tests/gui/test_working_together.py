"""Working together in the window: what another clerk posts shows in the open list,
customer page and Today without a restart (keeping the selection), and a customer or
the settings saved meanwhile by someone else is never overwritten: the form says who
and when, and reloads."""

from __future__ import annotations

import dataclasses
import multiprocessing as mp

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from gui.customers.dialogs import CustomerDialog
from gui.mainwindow import MainWindow
from gui.settings.dialog import SettingsDialog
from models.ledger import customers, posting, settings
from models.vocabulary.customer_records import CustomerDraft
from tests.conftest import PINNED
from tests.gui.conftest import add_customer
from tests.models import together_racers
from tests.models.helpers import act_as

WAIT_MS = 15_000  # a spawned process starts in a second or two on a busy machine


def _post_elsewhere(ledger: str, customer_id: int) -> None:
    """Another clerk's program posts a payment of 3.00 (a separate process)."""
    with mp.get_context("spawn").Pool(1) as pool:
        pool.apply(together_racers.post_one, (ledger, customer_id))


def _save(qtbot: QtBot, dialog: CustomerDialog | SettingsDialog) -> None:
    button = dialog.buttons.buttons()[0]
    assert dialog.buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_others_posts_show_in_the_list_the_page_and_today(
    window: MainWindow, ledger: str, qtbot: QtBot
) -> None:
    first = add_customer("C001", "东城王记")
    other = add_customer("C002", "西城李记")
    posting.post_delivery(first, PINNED.date(), 1000)
    posting.post_delivery(other, PINNED.date(), 2000)
    window.ops.changed.emit()  # as the window's own post would

    # The list, with C002 selected.
    window.show_list()
    view = window.customer_list
    qtbot.waitUntil(lambda: not view.reader.busy and not view.model.pending, timeout=WAIT_MS)
    view.select_customer(other)

    def balance(cid: int) -> int:
        return view.model.summary_at(view.model.row_of(cid)).aging.balance

    assert balance(first) == 1000
    _post_elsewhere(ledger, first)
    qtbot.waitUntil(lambda: balance(first) == 700, timeout=WAIT_MS)
    assert view.current_customer_id() == other  # the selection stayed

    # The customer page.
    window.open_customer(first)
    page = window.customer_page
    rows = page.ledger_model.rowCount()
    _post_elsewhere(ledger, first)
    qtbot.waitUntil(lambda: page.ledger_model.rowCount() == rows + 1, timeout=WAIT_MS)
    assert page.customer is not None and page.customer.id == first

    # Today.
    window.stack.setCurrentWidget(window.today)
    today = window.today
    qtbot.waitUntil(lambda: today.report is not None and not today.reader.busy)
    collected = today.report.collected_today
    _post_elsewhere(ledger, first)
    qtbot.waitUntil(
        lambda: today.report is not None and today.report.collected_today == collected + 300,
        timeout=WAIT_MS,
    )


def test_the_window_does_not_re_read_for_its_own_posts(window: MainWindow, qtbot: QtBot) -> None:
    add_customer("C001", "东城王记")
    heard: list[bool] = []
    window.ops.others_changed.connect(lambda: heard.append(True))
    assert window.live is not None
    posting.post_delivery(customers.customer_by_code("C001").id, PINNED.date(), 100)
    window.live.check()
    qtbot.wait(600)  # longer than the debounce
    assert heard == []


def test_a_customer_saved_meanwhile_is_not_overwritten_and_the_form_reloads(
    window: MainWindow, qtbot: QtBot
) -> None:
    cid = add_customer("C001", "东城王记")
    dialog = window.edit_customer(cid)
    assert isinstance(dialog, CustomerDialog)
    # Meanwhile another clerk changes the phone number.
    act_as("clerk2")
    try:
        customers.update_customer(
            cid, CustomerDraft(code="C001", name="东城王记", phones="13900000000")
        )
    finally:
        act_as("")
    dialog.address.setText("东城路 8 号")
    _save(qtbot, dialog)
    assert dialog.isVisible()  # not saved, not closed
    assert "changed by clerk2 at 09:00" in dialog.error.text()
    assert dialog.reload_button.isVisible()
    assert customers.get_customer(cid).address == ""  # nothing of ours was written
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    assert dialog.phones.text() == "13900000000" and not dialog.reload_button.isVisible()
    dialog.address.setText("东城路 8 号")
    _save(qtbot, dialog)
    saved = customers.get_customer(cid)
    assert (saved.phones, saved.address) == ("13900000000", "东城路 8 号")
    assert not dialog.isVisible()


def test_settings_saved_meanwhile_are_not_overwritten_and_reopen_fresh(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = window.open_settings()
    assert isinstance(dialog, SettingsDialog)
    act_as("boss")
    try:
        company = settings.get_company()
        settings.save_company(dataclasses.replace(company, bank_account="6222 0001"))
    finally:
        act_as("")
    dialog.name.setText("鑫达食品")
    _save(qtbot, dialog)
    assert "changed by boss at 09:00" in dialog.error.text()
    assert settings.get_company().name == ""  # the boss's save stands, ours did not go in
    assert dialog.reload_button.isVisible()
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    fresh = [d for d in window.findChildren(SettingsDialog) if d.isVisible()]
    assert len(fresh) == 1 and fresh[0] is not dialog
    assert fresh[0].bank_account.text() == "6222 0001"
