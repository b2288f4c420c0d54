"""The month's collection commission from the review: pick a month, see each rep's
figures, preview the PDF or export it (XLSX or CSV). Figures from
`models.review.commission`; the files from `reports/`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import file_dialogs, formatting
from gui.operations import Operations
from gui.record_model import Column, RecordTableModel
from gui.review.tables import SortedTable
from models.review.commission import CommissionReport, RepCommission, commission
from models.storage.output_paths import OutputKind


def _money(header: str, fen_of) -> Column:  # type: ignore[no-untyped-def]
    return Column(header, lambda r: formatting.money(fen_of(r)), fen_of, right=True)


class RepCommissionModel(RecordTableModel[RepCommission]):
    context = "RepCommissionModel"
    columns = (
        Column(QT_TRANSLATE_NOOP("RepCommissionModel", "Rep"), lambda r: r.name, lambda r: r.name),
        _money(QT_TRANSLATE_NOOP("RepCommissionModel", "Collected"), lambda r: r.collected),
        _money(QT_TRANSLATE_NOOP("RepCommissionModel", "Earned"), lambda r: r.earned),
        _money(QT_TRANSLATE_NOOP("RepCommissionModel", "Deducted"), lambda r: r.deducted),
        _money(QT_TRANSLATE_NOOP("RepCommissionModel", "Commission"), lambda r: r.commission),
    )


def last_month(today: dt.date) -> dt.date:
    return (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


class CommissionDialog(QDialog):
    """Emits `printout_ready` with the PDF to preview."""

    printout_ready = Signal(object)

    def __init__(self, ops: Operations, month: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.report: CommissionReport | None = None
        self.month_label = QLabel()
        self.month = QDateEdit(QDate(month.year, month.month, 1))
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setMaximumDate(QDate.currentDate())
        self.month_label.setBuddy(self.month)
        self.month.dateChanged.connect(lambda _d: self.reload())
        self.total = QLabel()
        self.total.setWordWrap(True)
        self.model = RepCommissionModel(self)
        self.table = SortedTable(self.model, "commission", self)
        self.preview_button = QPushButton()
        self.preview_button.clicked.connect(self.preview)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.month_label)
        top.addWidget(self.month)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.preview_button, self.export_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.total)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(720, 420)
        self.retranslate()
        self.reload()

    def chosen_month(self) -> dt.date:
        picked = self.month.date()
        return dt.date(picked.year(), picked.month(), 1)

    def reload(self) -> None:
        month = self.chosen_month()
        self.report = self.ops.read(self, lambda: commission(month))
        self._show()

    def _show(self) -> None:
        report = self.report
        if report is None:
            return
        self.model.set_rows(report.reps)
        self.table.fit_columns()
        self.total.setText(
            self.tr(
                "{start} to {end}: collected {collected} (the month's collections), "
                "commission {commission}."
            ).format(
                start=formatting.date(report.start),
                end=formatting.date(report.end),
                collected=formatting.money(report.collected),
                commission=formatting.money(report.commission),
            )
        )

    def preview(self) -> None:
        from gui.review.printing import commission_pdf

        month = self.chosen_month()
        printout = self.ops.read(self, lambda: commission_pdf(month))
        if printout is not None:
            self.printout_ready.emit(printout)

    def export(self) -> Path | None:
        from reports.spreadsheets.commission_sheet import export_commission

        month = self.chosen_month()
        path = file_dialogs.choose_output(
            self,
            self.tr("Export the commission"),
            str(Path.home() / f"commission-{month:%Y-%m}.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
            OutputKind.SPREADSHEET,
        )
        if not path:
            return None
        written = self.ops.read(self, lambda: export_commission(path, month))
        return written[0] if written is not None else None

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Collection commission"))
        self.month_label.setText(self.tr("&Month"))
        self.preview_button.setText(self.tr("&Print…"))
        self.export_button.setText(self.tr("&Export…"))
        self.close_button.setText(self.tr("&Close"))
        self.model.retranslate()
        self._show()
