"""The credit stop in the delivery dialog: the reasons and one button. The boss approves
and delivers in one click; a clerk's button opens the boss's name-and-password dialog,
which stays open on a refusal and posts once the boss's password is right. One broken
promise only warns: Save again delivers, as before."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.mainwindow import MainWindow
from gui.posting.dialogs import PostingDialog
from models.ledger import credit_stop, posting, promises, users
from models.ledger.ledger import balance, entry_count
from models.vocabulary import clock
from models.vocabulary.entry_records import EntryKind
from models.vocabulary.people_records import Role
from tests.gui.conftest import add_customer

BOSS_PW, CLERK_PW = "Boss-secret-1", "Clerk-secret-2"


def _stopped_delivery(window: MainWindow, qtbot: QtBot) -> tuple[int, PostingDialog]:
    """A customer at its limit of 1,000.00; a delivery dialog of 300.00, Save pressed."""
    shop = add_customer("C0009", "西关李记", credit_limit=1_000_00)
    posting.post_opening(shop, clock.today() - dt.timedelta(days=3), 1_000_00)
    window.open_customer(shop)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.customer_page)
    dialog = window.post(EntryKind.DELIVERY)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    QTest.keyClicks(dialog.amount, "300")
    QTest.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.isVisible() and "needs the boss's approval" in dialog.warnings.text()
    assert "credit limit" in dialog.warnings.text()
    assert entry_count(shop) == 1
    return shop, dialog


def test_the_boss_approves_and_delivers_in_one_click(window: MainWindow, qtbot: QtBot) -> None:
    shop, dialog = _stopped_delivery(window, qtbot)
    assert dialog.approve_button.isVisible()
    alt_r = (Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # its keyboard path
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(window.ops.changed):
        QTest.keyClick(QApplication.focusWidget(), *alt_r)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert balance(shop) == 1_300_00
    [approval] = credit_stop.approvals(shop)
    assert approval.amount == 300_00 and approval.entry_id == dialog.posted.id


@pytest.mark.only_on("sqlite")  # a file's sign-in (the server's logins: test_credit_stop_roles)
def test_a_clerk_asks_the_boss_who_types_their_password(
    ledger: str, window: MainWindow, qtbot: QtBot
) -> None:
    users.turn_on_sign_in("老王", BOSS_PW)
    users.add_person("xiaoli", Role.CLERK, CLERK_PW)
    users.sign_in("xiaoli", CLERK_PW)
    shop, dialog = _stopped_delivery(window, qtbot)
    assert dialog.approve_button.text() == "Boss app&roves…"
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    boss = dialog.boss_dialog
    assert boss is not None
    qtbot.waitExposed(boss)
    assert boss.password.echoMode() is boss.password.EchoMode.Password
    assert boss.width() <= 1280 and boss.height() <= 720
    boss.name.setText("老王")  # typed by an input method: QTest sends no Chinese keys
    QTest.keyClicks(boss.password, CLERK_PW)
    QTest.keyClick(boss.password, Qt.Key.Key_Return)
    assert boss.isVisible() and "cannot approve" in boss.error.text()
    assert boss.password.text() == "" and credit_stop.approvals(shop) == []
    QTest.keyClicks(boss.password, BOSS_PW)
    QTest.keyClick(boss.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not boss.isVisible() and balance(shop) == 1_300_00
    [approval] = credit_stop.approvals(shop)
    assert approval.approved_by == "老王" and approval.entry_id == dialog.posted.id
    assert dialog.posted.entered_by == "xiaoli"


@pytest.mark.only_on("sqlite")  # a ledger file's sign-in
def test_esc_leaves_the_boss_dialog_and_nothing_is_posted(
    ledger: str, window: MainWindow, qtbot: QtBot
) -> None:
    users.turn_on_sign_in("老王", BOSS_PW)
    users.add_person("xiaoli", Role.CLERK, CLERK_PW)
    users.sign_in("xiaoli", CLERK_PW)
    shop, dialog = _stopped_delivery(window, qtbot)
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    boss = dialog.boss_dialog
    assert boss is not None
    qtbot.waitExposed(boss)
    QTest.keyClick(boss, Qt.Key.Key_Escape)
    assert not boss.isVisible() and dialog.isVisible()
    assert balance(shop) == 1_000_00


def test_one_broken_promise_still_only_warns(window: MainWindow, qtbot: QtBot) -> None:
    shop = add_customer("C0010", "北街赵记")
    posting.post_opening(shop, clock.today() - dt.timedelta(days=30), 500_00)
    now = clock.now()
    clock.pin(now - dt.timedelta(days=3))
    promises.make_promise(shop, 100_00, now - dt.timedelta(days=2))
    clock.pin(now)
    window.open_customer(shop)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.customer_page)
    dialog = window.post(EntryKind.DELIVERY)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    QTest.keyClicks(dialog.amount, "50")
    QTest.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert "broke 1 promise" in dialog.warnings.text()
    assert "Save again" in dialog.warnings.text() and not dialog.approve_button.isVisible()
    with qtbot.waitSignal(window.ops.changed):
        QTest.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert balance(shop) == 550_00
