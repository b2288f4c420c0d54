"""The review window's chart axes read 500万 in Chinese and 5,000,000 in English (Qt's
own number format wrote 5000000), and each measure says its name and what it means."""

from __future__ import annotations

from PySide6.QtCharts import QCategoryAxis
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.mainwindow import MainWindow
from gui.review.charts import BarChart
from gui.review.view import ReviewView
from models.ledger import customers, posting
from tests.gui.test_review_view import open_review
from tests.models.helpers import D, approved_delivery


def marks(chart: BarChart) -> list[str]:
    (axis,) = chart.chart().axes(Qt.Orientation.Vertical)
    assert isinstance(axis, QCategoryAxis)
    return axis.categoriesLabels()


def big_month(view: ReviewView, qtbot: QtBot) -> None:
    """¥4,800,000.00 delivered this month, then F5 as the boss would press."""
    shop = customers.customer_by_code("A001")
    approved_delivery(shop.id, D(2026, 11, 20), 4_800_000_00)  # far over A001's limit
    view.data = None
    qtbot.keyClick(view, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: view.data is not None and not view.reader.busy, timeout=10_000)


def test_axes_in_english_have_separators(window: MainWindow, qtbot: QtBot) -> None:
    view = open_review(window, qtbot)
    # 1,400 yuan delivered this month at most: marks every 500 yuan.
    assert marks(view.months_chart) == ["0", "500", "1,000", "1,500"]
    big_month(view, qtbot)
    assert marks(view.months_chart) == [
        "0", "1,000,000", "2,000,000", "3,000,000", "4,000,000", "5,000,000"
    ]  # fmt: skip


def test_axes_in_chinese_count_in_wan(window: MainWindow, launcher: object, qtbot: QtBot) -> None:
    view = open_review(window, qtbot)
    big_month(view, qtbot)
    launcher.set_language("zh")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: view.tabs.tabText(0) == "总览")
    assert marks(view.months_chart) == ["0", "100万", "200万", "300万", "400万", "500万"]
    # The aging chart: 4,801,049.50 open 0–30 days.
    assert marks(view.aging_chart)[-1] == "500万"


def test_measures_have_chinese_names_and_a_line_on_hover(
    window: MainWindow, launcher: object, qtbot: QtBot
) -> None:
    view = open_review(window, qtbot)
    launcher.set_language("zh")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: view.tabs.tabText(0) == "总览")
    names = {"dso": "应收账款周转天数", "add": "平均逾期天数", "cei": "回款有效率"}
    for key, name in names.items():
        assert name in view.figure_labels[key].text()
        tip = view.figures[key].toolTip()
        assert tip == view.figure_labels[key].toolTip() and name in tip
        assert "\n" not in tip and len(tip) < 60  # one line


def test_promises_made_this_month_count_even_when_due_next_month(
    window: MainWindow, launcher: object, qtbot: QtBot
) -> None:
    import datetime as dt

    from models.ledger import promises

    view = open_review(window, qtbot)
    launcher.set_language("zh")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: view.tabs.tabText(0) == "总览")
    model = view.rep_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    made = headers.index("承诺数")

    def zhang() -> str:
        (row,) = [r for r in range(model.rowCount()) if model.record_at(r).name == "张伟"]
        return model.data(model.index(row, made))

    assert zhang() == "2"  # 1 Nov and 25 Nov
    # Made today (26 Nov), due 3 Dec: a promise of this month, though not due in it.
    shop = customers.customer_by_code("D004")
    posting.post_delivery(shop.id, D(2026, 11, 26), 500_00)
    promises.make_promise(shop.id, 500_00, dt.datetime(2026, 12, 3, 10, 0))
    view.data = None
    qtbot.keyClick(view, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: view.data is not None and not view.reader.busy, timeout=10_000)
    assert zhang() == "3"
