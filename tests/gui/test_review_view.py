"""The boss's review in the window: F9 opens it, the figures match the ledger, a click
on a figure, a bar or a table row shows what is behind it, every table sorts and exports."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.mainwindow import MainWindow
from gui.review.tables import DrillDialog
from gui.review.view import ReviewView
from gui.table_export import export_model
from tests.review_data import build_review_ledger


def open_review(window: MainWindow, qtbot: QtBot) -> ReviewView:
    build_review_ledger()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    view = window.review_view
    assert view is not None and window.stack.currentWidget() is view
    # Computed on a worker thread: the window keeps answering meanwhile.
    qtbot.waitUntil(lambda: view.data is not None and not view.reader.busy, timeout=10_000)
    return view


def drill(view: ReviewView, qtbot: QtBot) -> DrillDialog:
    qtbot.waitUntil(lambda: view.last_drill is not None and view.last_drill.isVisible())
    assert view.last_drill is not None
    return view.last_drill


def codes(dialog: DrillDialog) -> list[str]:
    return [dialog.table.record_at(r).code for r in range(dialog.table.model().rowCount())]


def test_figures_show_the_ledger(window: MainWindow, qtbot: QtBot) -> None:
    view = open_review(window, qtbot)
    assert view.figures["total"].text() == "1,969.50"
    assert view.figures["overdue"].text() == "1,479.50"
    assert view.figures["dso"].text() == "72.7 days"
    assert view.figures["cei"].text() == "30.5%"
    assert view.figures["over_limit"].text() == "1"
    assert "Days sales outstanding" in view.figure_labels["dso"].toolTip()
    assert view.flow_buttons["this_month:collected"].text() == "Collected 580.00"


def test_click_a_figure_to_see_its_customers_then_open_one(
    window: MainWindow, qtbot: QtBot
) -> None:
    view = open_review(window, qtbot)
    qtbot.mouseClick(view.figures["overdue"], Qt.MouseButton.LeftButton)
    dialog = drill(view, qtbot)
    assert codes(dialog) == ["A001", "B002", "C003"]  # largest balance first
    assert dialog.summary.text() == "3 customers, owing 1,999.50, of which 1,479.50 overdue"
    # Enter on a customer opens their page.
    dialog.table.selectRow(1)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.customer_page)
    assert window.customer_page.customer is not None
    assert window.customer_page.customer.code == "B002"


def test_click_a_bar_of_the_charts(window: MainWindow, qtbot: QtBot) -> None:
    view = open_review(window, qtbot)
    view.aging_chart.sets[0].clicked.emit(3)  # what a click on the ">90" bar sends
    assert codes(drill(view, qtbot)) == ["C003"]
    view.last_drill.close()
    view.last_drill = None
    view.months_chart.sets[0].clicked.emit(12)  # this month's collections
    dialog = drill(view, qtbot)
    assert dialog.total == 580_00 and dialog.count == 3


def test_rep_table_sorts_and_drills_into_customers_and_payments(
    window: MainWindow, qtbot: QtBot
) -> None:
    view = open_review(window, qtbot)
    view.tabs.setCurrentWidget(view.rep_table)
    table = view.rep_table
    names = lambda: [table.record_at(r).name for r in range(3)]  # noqa: E731
    assert names() == ["张伟", "李娜", ""]
    owed = 2
    header = table.horizontalHeader()
    at = QPoint(header.sectionViewportPosition(owed) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)  # sort by Owed
    assert [table.record_at(r).balance for r in range(3)] == [600_00, 649_50, 720_00]
    # Double-click 张伟's "Collected this month": the payments behind it.
    row = names().index("张伟")
    collected = next(
        i for i, c in enumerate(view.rep_model.columns) if c.header == "Collected this month"
    )
    index = table.model().index(row, collected)
    table.setCurrentIndex(index)
    table.doubleClicked.emit(index)
    dialog = drill(view, qtbot)
    assert dialog.total == 280_00 and codes(dialog) == ["D004", "A001"]
    dialog.close()
    view.last_drill = None
    # Anywhere else on the row: the rep's customers.
    index = table.model().index(row, 0)
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert sorted(codes(drill(view, qtbot))) == ["A001", "D004"]


def test_every_table_exports_numbers_as_numbers(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    view = open_review(window, qtbot)
    path = export_model(view.rep_table.model(), tmp_path / "reps.xlsx")
    sheet = openpyxl.load_workbook(path).active
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Rep", "Customers", "Owed", "Overdue"]
    assert sheet["A2"].value == "张伟" and sheet["B2"].value == 2
    assert sheet["C2"].value in (Decimal("720"), 720) and sheet["C2"].number_format == "0.00"
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    # The customer list, as filtered on screen, exports through the same path.
    window.show_list()
    listing = window.customer_list
    with qtbot.waitSignal(listing.loaded, timeout=10_000):  # posted behind its back
        listing.reload()
    qtbot.keyClicks(listing.search, "A001")
    qtbot.waitUntil(lambda: listing.table.model().rowCount() == 1)
    out = export_model(listing.table.model(), tmp_path / "list.csv")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and "A001" in lines[1] and "750.00" in lines[1]


def test_the_export_action_is_on_every_dashboard_table(window: MainWindow, qtbot: QtBot) -> None:
    view = open_review(window, qtbot)
    for table in (view.rep_table, view.route_table, view.reason_table):
        assert table.export_action in table.actions()
        # In the main window Ctrl+E is File → Export… (a key bound twice does nothing).
        assert table.export_action.shortcut().isEmpty()
    assert QApplication.instance() is not None


def test_esc_goes_back_and_another_date_recomputes(window: MainWindow, qtbot: QtBot) -> None:
    import datetime as dt

    from PySide6.QtCore import QDate

    view = open_review(window, qtbot)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.as_of.setDate(QDate(2026, 10, 31))
    assert view.data is not None and view.data.as_of == dt.date(2026, 10, 31)
    assert view.figures["total"].text() == "1,220.00"
    qtbot.keyClick(view.rep_table, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.customer_list


def test_a_long_ledger_exports_every_entry_not_just_the_page_read(
    window: MainWindow, qtbot: QtBot, shop: int, tmp_path: Path
) -> None:
    import datetime as dt

    from models.ledger import posting
    from tests.gui.test_posting import open_page

    for day in range(1, 301):  # more than one page of the lazily read ledger
        posting.post_delivery(shop, dt.date(2025, 12, 1) + dt.timedelta(days=day), 1_00 + day)
    open_page(window, qtbot, shop)
    table = window.customer_page.ledger_table
    out = export_model(table.model(), tmp_path / "ledger.xlsx")
    sheet = openpyxl.load_workbook(out).active
    assert sheet.max_row == 1 + 300
    dates = [sheet.cell(r, 1).value for r in range(2, 302)]
    assert all(isinstance(d, dt.datetime) for d in dates)  # dates as dates
    headers = [sheet.cell(1, c).value for c in range(1, sheet.max_column + 1)]
    credit = headers.index("Credit") + 1
    debits = [sheet.cell(r, credit - 1).value for r in range(2, 302)]
    credits = [sheet.cell(r, credit).value for r in range(2, 302)]
    assert all(isinstance(d, (int, float)) for d in debits)  # deliveries: numbers
    assert set(credits) == {None}  # no payments: blank cells, not zeros


def test_buckets_and_months_from_the_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    view = open_review(window, qtbot)
    assert [b.text() for b in view.bucket_buttons] == [
        "0–30 days: 1,049.50",
        "31–60 days: 420.00",
        "61–90 days: 50.00",
        ">90 days: 480.00",
    ]
    view.bucket_buttons[2].setFocus()
    qtbot.keyClick(view.bucket_buttons[2], Qt.Key.Key_Space)
    dialog = drill(view, qtbot)
    assert codes(dialog) == ["A001"]
    dialog.close()
    view.last_drill = None
    view.tabs.setCurrentWidget(view.month_table)
    table = view.month_table
    last = table.model().rowCount() - 1
    table.setCurrentIndex(table.model().index(last, 3))  # this month's deliveries
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = drill(view, qtbot)
    assert dialog.total == 1400_00 and codes(dialog) == ["B002", "A001"]


def test_print_buttons_open_the_pdfs_in_the_preview(window: MainWindow, qtbot: QtBot) -> None:
    from tests.reports.helpers import all_text, squash

    view = open_review(window, qtbot)
    with qtbot.waitSignal(view.printout_ready, timeout=20_000) as review_pdf:
        qtbot.mouseClick(view.print_review_button, Qt.MouseButton.LeftButton)
    assert "1,969.50" in squash(all_text(review_pdf.args[0].path))
    assert window.last_preview.isVisible()
    window.last_preview.close()
    with qtbot.waitSignal(view.printout_ready, timeout=20_000) as aging_pdf:
        qtbot.mouseClick(view.print_route_button, Qt.MouseButton.LeftButton)
    text = squash(all_text(aging_pdf.args[0].path))
    assert "城东线" in text and "1,969.50" in text
    window.last_preview.close()


def test_switching_language_relabels_the_review(
    window: MainWindow, launcher: object, qtbot: QtBot
) -> None:
    view = open_review(window, qtbot)
    launcher.set_language("zh")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: view.tabs.tabText(0) == "总览")
    assert view.figure_labels["dso"].text().startswith("DSO 应收账款周转天数")
    assert view.figures["dso"].text() == "72.7 天"
    assert view.aging_chart.chart().title() == "未清余额账龄（元）"
    assert view.rep_model.headerData(2, Qt.Orientation.Horizontal) == "欠款"
    assert view.bucket_buttons[0].text() == "0–30 天：1,049.50"
    launcher.set_language("en")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: view.tabs.tabText(0) == "Overview")
