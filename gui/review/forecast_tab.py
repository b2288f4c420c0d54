"""The review's cash forecast: the money expected in each of the next 13 weeks, as a bar
chart (from promises, from the customers' habits) over a table of the weeks, with what
is expected later, what is doubtful and what is owed. Computed on a worker thread, as
of the review's date (`models.review.forecast`)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui import formatting
from gui.background import BackgroundReader
from gui.operations import show_error
from gui.record_model import Column, RecordTableModel
from gui.review.charts import COLLECTED, BarChart
from gui.review.tables import SortedTable
from models.review.forecast import Forecast, ForecastWeek, forecast

PROMISED = QColor(230, 160, 50)


def _money(header: str, fen_of) -> Column:  # type: ignore[no-untyped-def]
    return Column(header, lambda r: formatting.money(fen_of(r)), fen_of, right=True)


class WeekModel(RecordTableModel[ForecastWeek]):
    context = "WeekModel"
    columns = (
        Column(
            QT_TRANSLATE_NOOP("WeekModel", "From"),
            lambda w: formatting.date(w.start),
            lambda w: w.start,
        ),
        Column(
            QT_TRANSLATE_NOOP("WeekModel", "To"), lambda w: formatting.date(w.end), lambda w: w.end
        ),
        _money(QT_TRANSLATE_NOOP("WeekModel", "Promised (weighted)"), lambda w: w.promised),
        _money(QT_TRANSLATE_NOOP("WeekModel", "By paying habit"), lambda w: w.usual),
        _money(QT_TRANSLATE_NOOP("WeekModel", "Expected"), lambda w: w.total),
    )


class ForecastTab(QWidget):
    """Chart, summary line and table of the forecast; `loaded` once shown."""

    loaded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: Forecast | None = None
        self.reader = BackgroundReader(self)
        self.reader.loaded.connect(self._loaded)
        self.reader.failed.connect(lambda message: show_error(self, message, None))
        self.chart = BarChart()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = WeekModel(self)
        self.table = SortedTable(self.model, "forecast", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart, 3)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 2)

    def reload(self, as_of: dt.date) -> None:
        self.summary.setText(self.tr("Computing…"))
        self.reader.start(lambda: forecast(as_of))

    def _loaded(self, data: Forecast) -> None:
        self.data = data
        self.chart.show_bars(
            self.tr("Money expected per week, 13 weeks (yuan)"),
            [f"{w.start:%m-%d}" for w in data.weeks],
            [
                (self.tr("Promised (weighted)"), [w.promised for w in data.weeks], PROMISED),
                (self.tr("By paying habit"), [w.usual for w in data.weeks], COLLECTED),
            ],
        )
        self.summary.setText(
            self.tr(
                "Expected in the {n} weeks: {total}; later: {later}; doubtful (older than "
                "the customer ever paid): {doubtful}; owed now: {owed}. Promises count at "
                "the customer's and the rep's keep rate; the rest of each debt at the "
                "customer's usual days to pay."
            ).format(
                n=len(data.weeks),
                total=formatting.money(data.total),
                later=formatting.money(data.later),
                doubtful=formatting.money(data.doubtful),
                owed=formatting.money(data.receivable),
            )
        )
        self.model.set_rows(data.weeks)
        self.table.fit_columns()
        self.loaded.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.model.retranslate()
            if self.data is not None:
                self._loaded(self.data)
        super().changeEvent(event)
