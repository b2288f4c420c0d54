"""The dashboard's charts with Qt's own chart module: the open balance by age, and
collections against deliveries for 13 months. A click on a bar says which one.

Bar heights are whole yuan (fen // 100): a chart needs no fen, and the exact amounts are
in the figures and tables around it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from models.money import Fen

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
        y = QValueAxis()
        y.setLabelFormat("%.0f")
        y.setRange(0, max(top, 1))
        y.applyNiceNumbers()
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(x)
        bars.attachAxis(y)
        chart.legend().setVisible(len(series) > 1)
