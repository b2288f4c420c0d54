"""The review's two charts drawn with reportlab's own graphics (vector, not pictures of
widgets): the open balance by age, and collections against deliveries per month.

Bar heights are whole yuan (fen // 100): a chart's geometry needs no fen, and the
amounts themselves are printed exactly in the tables beside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import Color

from models.vocabulary.money import Fen
from reports.typesetting.formatting import axis_label, axis_ticks

BAR = Color(0.28, 0.45, 0.66)
BAR_LATE = Color(0.75, 0.3, 0.25)
COLLECTED = Color(0.22, 0.56, 0.36)
DELIVERED = Color(0.6, 0.65, 0.72)


def _chart(
    width: float, height: float, font: str, data: Sequence[Sequence[int]], lang: str
) -> VerticalBarChart:
    """A bar chart of `data` (whole yuan) whose value axis is marked where the window's
    is (`axis_ticks`), in 万 in Chinese and with separators in English (`axis_label`)."""
    chart = VerticalBarChart()
    chart.x, chart.y = 52, 28
    chart.width, chart.height = width - 62, height - 48
    chart.data = [list(values) for values in data]
    ticks = axis_ticks(max((v for values in data for v in values), default=0))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = ticks[-1]
    chart.valueAxis.valueStep = ticks[1]
    chart.valueAxis.labelTextFormat = lambda v: axis_label(int(round(v)), ticks[-1], lang)
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7.5  # nothing on paper below 7 pt
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = Color(0.85, 0.85, 0.85)
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7.5  # nothing on paper below 7 pt
    chart.bars.strokeColor = None
    return chart


def aging_chart(
    labels: Sequence[str],
    buckets: Sequence[Fen],
    title: str,
    font: str,
    width: float,
    lang: str = "zh",
) -> Drawing:
    """Bars of what is open in each age bucket; the older half in red."""
    height = 150.0
    drawing = Drawing(width, height)
    chart = _chart(width, height, font, [[max(b, 0) // 100 for b in buckets]], lang)
    chart.categoryAxis.categoryNames = list(labels)
    chart.bars[0].fillColor = BAR
    for i in range(len(buckets)):
        if i >= (len(buckets) + 1) // 2:
            chart.bars[(0, i)].fillColor = BAR_LATE
    drawing.add(chart)
    drawing.add(String(4, height - 12, title, fontName=font, fontSize=8.5))
    return drawing


def months_chart(
    labels: Sequence[str],
    collected: Sequence[Fen],
    delivered: Sequence[Fen],
    names: tuple[str, str],
    title: str,
    font: str,
    width: float,
    lang: str = "zh",
) -> Drawing:
    """Collections and deliveries per month, side by side, with a legend."""
    height = 170.0
    drawing = Drawing(width, height)
    data = [[max(c, 0) // 100 for c in collected], [max(d, 0) // 100 for d in delivered]]
    chart = _chart(width, height, font, data, lang)
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.angle = 0
    chart.bars[0].fillColor = COLLECTED
    chart.bars[1].fillColor = DELIVERED
    chart.groupSpacing = 4
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 170, height - 6
    legend.fontName, legend.fontSize = font, 7.5
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 80
    legend.colorNamePairs = [(COLLECTED, names[0]), (DELIVERED, names[1])]
    drawing.add(legend)
    drawing.add(String(4, height - 12, title, fontName=font, fontSize=8.5))
    return drawing
