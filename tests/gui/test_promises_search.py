"""Promise + IOU note written, visits, pinyin search, filters."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from gui.mainwindow import MainWindow
from gui.printing.preview import PreviewDialog
from gui.promises.dialogs import PromiseDialog
from gui.visits.dialogs import VisitDialog
from models.collecting import visits
from models.ledger import people, posting, promises
from models.vocabulary.collecting_records import LateReason, PromiseStatus, VisitOutcome
from models.vocabulary.customer_records import Terms, TermsKind
from tests.gui.conftest import add_customer
from tests.gui.test_posting import _save, open_page


def test_promise_then_iou_note_is_written(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    posting.post_delivery(shop, dt.date(2026, 11, 1), 10_005_07)
    open_page(window, qtbot, shop)
    dialog = window.promise()
    assert isinstance(dialog, PromiseDialog)
    assert dialog.amount.value() == 10_005_07  # defaults to the balance
    assert dialog.capitals.text() == "人民币壹万零伍元零柒分"
    assert dialog.print_iou.isChecked()
    dialog.payer.setText("老板娘")
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, dialog)
    qtbot.waitUntil(lambda: window.findChild(PreviewDialog) is not None)
    preview = window.findChild(PreviewDialog)
    path = preview.printout.path
    assert path.exists() and path.read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: preview.document.pageCount() == 1)
    [promise] = promises.promises_for(shop)
    assert promise.payer == "老板娘" and promise.prints == 1
    assert promise.due_at == dt.datetime(2026, 11, 28, 10, 0)  # two days ahead, 10:00
    assert window.customer_page.promise_model.rowCount() == 1
    preview.close()


def test_reschedule_a_broken_promise(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    from models.vocabulary import clock

    posting.post_delivery(shop, dt.date(2026, 11, 1), 300_00)
    clock.pin(dt.datetime(2026, 11, 20, 9, 0))
    promises.make_promise(shop, 300_00, dt.datetime(2026, 11, 22, 10, 0))
    clock.pin(dt.datetime(2026, 11, 26, 9, 0))
    open_page(window, qtbot, shop)
    page = window.customer_page
    page.tabs.setCurrentIndex(1)
    page.promise_table.selectRow(0)
    assert page.promise_model.record_at(0).status is PromiseStatus.BROKEN
    assert page.reschedule_button.isEnabled() and not page.cancel_promise_button.isEnabled()
    qtbot.mouseClick(page.reschedule_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(PromiseDialog)
    dialog.print_iou.setChecked(False)
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, dialog)
    statuses = {p.status for p in promises.promises_for(shop)}
    assert statuses == {PromiseStatus.BROKEN, PromiseStatus.OPEN}
    assert page.promise_model.rowCount() == 2


def test_log_visit_with_reason(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    open_page(window, qtbot, shop)
    dialog = window.log_visit()
    assert isinstance(dialog, VisitDialog)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(VisitOutcome.REFUSED.value))
    _save(qtbot, dialog)  # no reason chosen: refused inline
    assert dialog.isVisible() and dialog.error.text()
    dialog.reason.setCurrentIndex(dialog.reason.findData(LateReason.QUALITY.value))
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, dialog)
    [visit] = visits.visits_for(shop)
    assert visit.reason is LateReason.QUALITY
    assert window.customer_page.visit_model.rowCount() == 1


def test_pinyin_search_and_filters(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    route = people.add_route("城西线")
    add_customer("C0002", "西关李记商行", phones="020-88886666", route_id=route.id)
    add_customer("C0003", "东城王老五", terms=Terms(TermsKind.CASH))
    posting.post_delivery(shop, dt.date(2026, 9, 1), 800_00)  # 30 days: overdue
    view = window.customer_list
    with qtbot.waitSignal(view.loaded):
        window.ops.changed.emit()  # the list reloads after writes made outside the GUI
    assert view.model.rowCount() == 3

    qtbot.keyClicks(view.search, "dcwj")
    assert [s.customer.name for s in view.model.visible_summaries()] == ["东城王记"]
    view.search.clear()
    qtbot.keyClicks(view.search, "dc")
    assert view.model.rowCount() == 2
    view.search.clear()
    qtbot.keyClicks(view.search, "8888")  # phone digits
    assert [s.customer.code for s in view.model.visible_summaries()] == ["C0002"]
    view.search.clear()
    qtbot.keyClicks(view.search, "c0003")  # code, any case
    assert view.model.rowCount() == 1
    view.search.clear()

    view.overdue_check.setChecked(True)
    assert [s.customer.id for s in view.model.visible_summaries()] == [shop]
    view.overdue_check.setChecked(False)
    view.route_box.setCurrentIndex(view.route_box.findData(route.id))
    assert [s.customer.code for s in view.model.visible_summaries()] == ["C0002"]
    view.route_box.setCurrentIndex(0)
    assert view.model.rowCount() == 3
    assert "3 of 3" in view.count_label.text()

    # Enter in the search box opens the first match.
    qtbot.keyClicks(view.search, "xglj")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.customer_page
    assert window.customer_page.customer.code == "C0002"


def test_names_are_searchable_before_balances(qtbot: QtBot, ledger: str, shop: int) -> None:
    """The first load lists customers at once, balances follow ("…" meanwhile)."""
    from gui.customers.view import CustomerListView
    from gui.operations import Operations

    posting.post_delivery(shop, dt.date(2026, 11, 20), 99_00)
    view = CustomerListView(Operations())
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.names_loaded):
        pass
    assert view.model.pending and view.model.rowCount() == 1
    assert view.model.data(view.model.index(0, 4)) == "…"
    with qtbot.waitSignal(view.loaded):
        pass
    assert not view.model.pending
    assert view.model.data(view.model.index(0, 4)) == "99.00"
    view.reader.cancel()


def test_call_list_of_tomorrow(
    window: MainWindow, qtbot: QtBot, shop: int, qtmodeltester: object
) -> None:
    from gui.promises.call_list import CallListDialog

    posting.post_delivery(shop, dt.date(2026, 11, 1), 800_00)
    promises.make_promise(shop, 500_00, dt.datetime(2026, 11, 27, 16, 30), payer="老板娘")
    promises.make_promise(shop, 300_00, dt.datetime(2026, 11, 29, 10, 0))
    dialog = window.show_call_list()
    assert isinstance(dialog, CallListDialog)
    assert dialog.model.rowCount() == 1  # due tomorrow only
    call = dialog.model.record_at(0)
    assert call.customer.phones == "13912345678" and call.outstanding == 500_00
    assert dialog.summary.text() == "1 promise · 500.00 to collect"  # not "1 promises"
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]
    dialog.table.doubleClicked.emit(dialog.model.index(0, 0))
    assert window.customer_page.customer.id == shop
    dialog.day.setDate(QDate(2026, 11, 28))
    assert dialog.summary.text().startswith("0 promises · ")
    promises.make_promise(shop, 100_00, dt.datetime(2026, 11, 29, 15, 0))
    dialog.day.setDate(QDate(2026, 11, 29))
    assert dialog.summary.text().startswith("2 promises · ")
    dialog.close()


def test_search_takes_several_words(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    """ "罗 饭" finds 罗记饭店 and not 罗记面馆: every word must match."""
    add_customer("C0010", "罗记饭店")
    add_customer("C0011", "罗记面馆")
    view = window.customer_list
    with qtbot.waitSignal(view.loaded):
        window.ops.changed.emit()
    view.search.insert("罗 饭")  # as an input method commits it (QTest types Latin-1 only)
    assert [s.customer.name for s in view.model.visible_summaries()] == ["罗记饭店"]
    view.search.clear()
    qtbot.keyClicks(view.search, "luo c0011")
    assert [s.customer.name for s in view.model.visible_summaries()] == ["罗记面馆"]
