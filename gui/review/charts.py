"""The dashboard's charts with Qt's own chart module: the open balance by age, and
collections against deliveries for 13 months. A click on a bar says which one.

Bar heights are whole yuan (fen // 100): a chart needs no fen, and the exact amounts are
in the figures and tables around it. The value axis is marked where the paper's is, and
reads as the paper does: ``500万`` in Chinese, ``5,000,000`` in English, never
``5000000`` (a category axis placed on values: Qt's number format has no separators).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from gui import language
from models.vocabulary.money import Fen
from reports.typesetting.formatting import axis_label, axis_ticks

AGE = QColor(70, 115, 170)
AGE_LATE = QColor(190, 75, 60)
COLLECTED = QColor(55, 145, 90)
DELIVERED = QColor(150, 165, 185)


class BarChart(QChartView):
    """Bar sets over categories; `bar_clicked(category, set)` on a click."""

    bar_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setChart(chart)
        self.sets: list[QBarSet] = []

    def show_bars(
        self,
        title: str,
        categories: Sequence[str],
        series: Sequence[tuple[str, Sequence[Fen], QColor]],
        *,
        late_from: int | None = None,
    ) -> None:
        """Replace the bars: `series` are (name, fen per category, colour); with
        `late_from`, bars from that category on are drawn in red (old debts)."""
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(title)
        bars = QBarSeries()
        self.sets = []
        top = 0
        for index, (name, values, color) in enumerate(series):
            bar_set = QBarSet(name)
            bar_set.setColor(color)
            bar_set.setBorderColor(color)
            for value in values:
                bar_set.append(max(value, 0) // 100)
            top = max([top, *(max(v, 0) // 100 for v in values)])
            if late_from is not None:
                for i in range(late_from, len(values)):
                    bar_set.setBarSelected(i, True)
                bar_set.setSelectedColor(AGE_LATE)
            bar_set.clicked.connect(lambda i, k=index: self.bar_clicked.emit(i, k))
            bars.append(bar_set)
            self.sets.append(bar_set)
        chart.addSeries(bars)
        x = QBarCategoryAxis()
        x.append(list(categories))
        y = QCategoryAxis()
        y.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        ticks = axis_ticks(top)
        y.setStartValue(0)
        for tick in ticks:
            y.append(axis_label(tick, ticks[-1], language.current()), tick)
        y.setRange(0, ticks[-1])
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(x)
        bars.attachAxis(y)
        chart.legend().setVisible(len(series) > 1)
