"""The customer page at a glance (next promise, broken promises, last visit) and a
"promised a date" visit going straight on to the promise."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from gui import language
from gui.mainwindow import MainWindow
from gui.promises.dialogs import PromiseDialog
from gui.visits.dialogs import VisitDialog
from models.collecting import visits
from models.ledger import customers, posting, promises
from models.vocabulary import clock
from models.vocabulary.collecting_records import LateReason, VisitOutcome
from tests.gui.test_posting import _save, open_page


def test_header_shows_next_promise_broken_and_last_visit(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    posting.post_delivery(shop, dt.date(2026, 10, 1), 2_000_00)
    clock.pin(dt.datetime(2026, 11, 20, 9, 0))
    promises.make_promise(shop, 300_00, dt.datetime(2026, 11, 22, 10, 0))  # will be broken
    clock.pin(dt.datetime(2026, 11, 26, 9, 0))
    promises.make_promise(shop, 1_200_00, dt.datetime(2026, 12, 2, 15, 0))
    promises.make_promise(shop, 500_00, dt.datetime(2026, 12, 9, 11, 0))
    visits.log_visit(
        shop, dt.datetime(2026, 11, 25, 16, 0), VisitOutcome.NOT_THERE, reason=LateReason.BOSS_AWAY
    )
    open_page(window, qtbot, shop)
    page = window.customer_page
    glance = page.glance.text()
    assert "Next promise <b>1,200.00</b> on 2026-12-02 at 15:00" in glance
    assert "last visit 2026-11-25: Not there (The boss is not in)" in glance
    assert "1 broken promise(s)" in page.status.text()


def test_header_is_quiet_without_promises_or_visits(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    open_page(window, qtbot, shop)
    assert window.customer_page.glance.isHidden()


def test_promised_visit_goes_on_to_the_promise(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    posting.post_delivery(shop, dt.date(2026, 10, 1), 800_00)
    open_page(window, qtbot, shop)
    dialog = window.log_visit()
    assert isinstance(dialog, VisitDialog)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(VisitOutcome.PROMISED.value))
    dialog.reason.setCurrentIndex(dialog.reason.findData(LateReason.TRANSFER_TONIGHT.value))
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, dialog)
    promise = window.findChild(PromiseDialog)
    assert promise is not None and promise.isVisible()
    assert promise.amount.value() == 800_00  # what is owed and not yet promised
    assert promise.due_at.dateTime().toPython() == dt.datetime(2026, 11, 28, 10, 0)
    assert "2026-11-26 09:00" in promise.note.text()
    promise.print_iou.setChecked(False)
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, promise)
    [saved] = promises.promises_for(shop)
    assert saved.amount == 800_00


def test_everyday_reasons_come_first_in_both_languages(window: MainWindow, shop: int) -> None:
    customer = customers.get_customer(shop)
    dialog = VisitDialog(window.ops, customer)
    first = [dialog.reason.itemData(i) for i in range(1, 6)]
    assert first == [r.value for r in list(LateReason)[:5]]
    assert dialog.reason.count() == 1 + 5 + 13  # the guide's 13 kept
    assert dialog.reason.itemText(1) == "The boss is not in"
    language.set_language("zh")
    dialog = VisitDialog(window.ops, customer)
    assert [dialog.reason.itemText(i) for i in range(1, 6)] == [
        "老板不在",
        "今天没现金",
        "晚上转账",
        "货还没卖完",
        "对金额有异议",
    ]
