"""Chasing in the window: the step due shows on Today with its reminder and is recorded
done with Ctrl+D; Settings' Chasing tab adds, moves and removes steps by keyboard and
refuses a schedule out of order with the model's sentence, the Chasing tab shown."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui.mainwindow import MainWindow
from models.ledger import chase_schedule, posting
from models.vocabulary import clock
from models.vocabulary.chase_records import ChaseAction, ChaseStep
from models.vocabulary.entry_records import PaymentMethod
from tests.gui.test_posting import _save


def _section(view, title: str):  # type: ignore[no-untyped-def]
    for i in range(view.tree.topLevelItemCount()):
        if view.tree.topLevelItem(i).text(0).startswith(title):
            return view.tree.topLevelItem(i)
    raise AssertionError(title)


def test_today_shows_the_step_and_ctrl_d_records_it(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    posting.post_delivery(shop, dt.date(2026, 10, 1), 800_00)  # 30 days: due 31 Oct
    clock.pin(dt.datetime(2026, 10, 31, 9, 0))  # the call's day
    window.show_today()
    view = window.today
    qtbot.waitUntil(lambda: view.report is not None and not view.reader.busy)
    section = _section(view, "Chasing steps due")
    assert section.text(0) == "Chasing steps due (1)"
    line = section.child(0)
    assert "C0001 东城王记" in line.text(0) and line.text(1) == "800.00"
    assert line.text(2) == "step 2/3: Phone call"
    view.tree.setFocus()
    view.tree.setCurrentItem(line)
    assert view.done_button.isEnabled()
    reminder = view.reminder()  # Ctrl+M on a step: what to say
    assert reminder is not None and "¥800.00" in reminder.text.toPlainText()
    assert "10月31日" in reminder.text.toPlainText()
    reminder.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.ops.changed):
        QTest.keyClick(view.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not view.reader.busy and view.report is not None)
    qtbot.waitUntil(lambda: _section(view, "Chasing steps due").text(0) == "Chasing steps due (0)")


def test_settings_edit_the_steps_by_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.open_settings()
    page = dialog.chasing
    dialog.tabs.setCurrentWidget(dialog.chasing_box)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # shortcuts reach the active window only
    assert page.table.rowCount() == 3  # the guide's three steps
    assert page.table.item(0, 0).text() == "3 days before"
    page.table.setFocus()
    page.table.setCurrentCell(2, 0)
    QTest.keyClick(
        page.table,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert page.table.rowCount() == 4 and page.table.currentRow() == 3
    assert page.table.item(3, 0).text() == "14 days late"  # a week after the last
    page.action.setCurrentIndex(page.action.findData("visit"))
    page.text.setPlainText("{customer}：货款{amount}请今天结清。")
    # Moved above the visit on day 7, it is out of order: the model refuses on Save.
    QTest.keyClick(page.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert page.table.currentRow() == 2
    dialog.tabs.setCurrentIndex(0)
    _save(qtbot, dialog)
    assert dialog.isVisible() and "step 4 falls on day 7, not after step 3" in dialog.error.text()
    assert dialog.tabs.currentWidget() is dialog.chasing_box
    assert chase_schedule.get_schedules() == {"": chase_schedule.DEFAULT_STEPS}  # unchanged
    QTest.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    # Monthly customers get a schedule of their own, started from the default: the last
    # step only, moved to a day after the due date.
    page.select_group("monthly")
    assert not page.table.isEnabled()  # the default, until "Own schedule" is ticked
    page.own_box.setChecked(True)
    for _ in range(3):
        page.table.setCurrentCell(0, 0)
        QTest.keyClick(page.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    page.offset.setValue(1)
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, dialog)
    saved = chase_schedule.get_schedules()
    mine = "{customer}：货款{amount}请今天结清。"
    assert saved[""][3] == ChaseStep(14, ChaseAction.VISIT, mine)
    assert saved["monthly"] == (ChaseStep(1, ChaseAction.VISIT, mine),)


def test_the_settings_dialog_with_chasing_fits_720(window: MainWindow) -> None:
    dialog = window.open_settings()
    dialog.tabs.setCurrentWidget(dialog.chasing_box)
    hint = dialog.sizeHint()
    assert hint.width() <= 1280 and hint.height() <= 720, hint
    dialog.close()


def test_the_review_shows_the_steps_needed(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    from gui.review.view import ReviewView

    posting.post_delivery(shop, dt.date(2026, 10, 1), 800_00)  # due 31 Oct
    clock.pin(dt.datetime(2026, 11, 1, 10, 0))
    posting.post_payment(shop, dt.date(2026, 11, 1), 800_00, PaymentMethod.CASH)  # after 2
    clock.pin(dt.datetime(2026, 11, 26, 9, 0))
    view = window.show_review()
    assert isinstance(view, ReviewView)
    qtbot.waitUntil(lambda: view.data is not None and not view.reader.busy)
    page = view.chase_page
    view.tabs.setCurrentWidget(page)  # read when shown, over the review's 90 days
    qtbot.waitUntil(lambda: page.needs is not None and not page.reader.busy)
    assert page.needs.start == dt.date(2026, 8, 29)
    assert page.model.rowCount() == 1
    row = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert row == ["C0001", "东城王记", "1", "2.0", "2"]
    assert "after 2 steps: 1" in page.spread.text() and "after 0 steps: 0" in page.spread.text()


def test_the_call_list_shows_the_days_steps_and_ctrl_d_ticks_one(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    posting.post_delivery(shop, dt.date(2026, 10, 1), 800_00)  # due 31 Oct
    clock.pin(dt.datetime(2026, 10, 27, 16, 0))  # the eve of the note
    dialog = window.show_call_list()  # opens on tomorrow: 28 Oct
    steps = dialog.steps_model
    assert steps.rowCount() == 1
    row = [steps.index(0, c).data() for c in range(steps.columnCount())]
    assert row[0] == "C0001 东城王记" and row[2] == "1/3 Send a note" and row[3] == "800.00"
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.steps_table.setFocus()
    dialog.steps_table.selectRow(0)
    reminder = dialog.reminder()  # Ctrl+M in the steps table: the step's wording
    assert reminder is not None and "10月31日" in reminder.text.toPlainText()
    reminder.close()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.steps_table.setFocus()
    with qtbot.waitSignal(window.ops.changed):
        QTest.keyClick(dialog.steps_table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: steps.rowCount() == 0)
    dialog.close()


def test_the_chasing_models_pass_the_model_tester(qtmodeltester, ledger: str, shop: int) -> None:  # type: ignore[no-untyped-def]
    from gui.promises.chase_steps import ChaseStepsModel
    from gui.review.chase_table import ChaseNeedsModel
    from models.collecting import chasing
    from models.review.chase_needs import chase_needs

    posting.post_delivery(shop, dt.date(2026, 10, 1), 800_00)
    steps = ChaseStepsModel()
    steps.set_rows(chasing.chase_lines(dt.date(2026, 10, 31)))
    assert steps.rowCount() == 1
    qtmodeltester.check(steps)
    clock.pin(dt.datetime(2026, 11, 1, 10, 0))
    posting.post_payment(shop, dt.date(2026, 11, 1), 800_00, PaymentMethod.CASH)
    needs = ChaseNeedsModel()
    needs.set_rows(chase_needs(dt.date(2026, 10, 1), dt.date(2026, 11, 30)).customers)
    assert needs.rowCount() == 1
    qtmodeltester.check(needs)
