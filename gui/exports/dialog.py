"""File → Export: the aging as of a date, the customer list as filtered, one customer's
ledger for a period, or all entries of a period — as XLSX or CSV, through the same
export functions as the command line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from gui import dates, file_dialogs, language
from gui.form import Button, FormDialog
from gui.operations import Operations
from models.storage.output_paths import OutputKind, check_output
from models.vocabulary import clock
from models.vocabulary.aging_records import CustomerSummary
from models.vocabulary.customer_records import Customer
from reports.spreadsheets.aging_sheet import export_aging
from reports.spreadsheets.exports import (
    export_customer_ledger,
    export_customer_list,
    export_entries,
)

AGING, CUSTOMERS, LEDGER, ENTRIES = "aging", "customers", "ledger", "entries"
_WHAT = {
    AGING: QT_TRANSLATE_NOOP("ExportDialog", "Aging as of a date"),
    CUSTOMERS: QT_TRANSLATE_NOOP("ExportDialog", "Customer list as shown"),
    LEDGER: QT_TRANSLATE_NOOP("ExportDialog", "This customer's ledger for a period"),
    ENTRIES: QT_TRANSLATE_NOOP("ExportDialog", "All entries of a period (for the accountant)"),
}
_NAMES = {AGING: "aging", CUSTOMERS: "customers", LEDGER: "ledger", ENTRIES: "entries"}


class ExportDialog(FormDialog):
    """Choose what to export and where; `written` is the path once a file is made."""

    def __init__(
        self,
        ops: Operations,
        shown: Callable[[], list[CustomerSummary]],
        customer: Customer | None = None,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        # It stays open to say what was written: Close, not Cancel.
        super().__init__(parent, ok=Button.Ok, cancel=Button.Close)
        self.ops, self.shown, self.customer = ops, shown, customer
        self.folder = folder or Path.home()
        self.written: Path | None = None
        self.what = QComboBox()
        for key in _WHAT:
            if key != LEDGER or customer is not None:
                self.what.addItem("", key)
        today = clock.today()
        self.as_of = dates.date_edit(day=today)
        self.date_from = dates.date_edit(day=today.replace(day=1))
        self.date_to = dates.date_edit(day=today)
        self.fmt = QComboBox()
        self.fmt.addItem("Excel (.xlsx)", ".xlsx")
        self.fmt.addItem("CSV (.csv)", ".csv")
        self.path = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(self.choose_file)
        self.where = where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse)
        for field in (self.what, self.as_of, self.date_from, self.date_to, self.fmt, where):
            self.row(field)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.body.addWidget(self.note)
        self.body.addWidget(self.done_label)
        self.what.currentIndexChanged.connect(self._what_changed)
        self.fmt.currentIndexChanged.connect(self._suggest_path)
        self.setMinimumWidth(560)
        self.ready(self.what)
        self._what_changed()

    def kind(self) -> str:
        return str(self.what.currentData())

    def _what_changed(self) -> None:
        kind = self.kind()
        for field, shown in (
            (self.as_of, kind == AGING),
            (self.date_from, kind in (LEDGER, ENTRIES)),
            (self.date_to, kind in (LEDGER, ENTRIES)),
        ):
            field.setVisible(shown)
            label = self.form.labelForField(field)
            if label is not None:
                label.setVisible(shown)
        self._suggest_path()
        self._describe()

    def _suggest_path(self) -> None:
        name = _NAMES[self.kind()]
        if self.kind() == LEDGER and self.customer is not None:
            name = f"{self.customer.code}-{name}"
        suffix = self.fmt.currentData()
        self.path.setText(str(self.folder / f"{name}-{clock.today().isoformat()}{suffix}"))

    def choose_file(self) -> None:
        path, _filter = file_dialogs.get_save_file_name(
            self, self.tr("Export to"), self.path.text(), self.tr("Excel or CSV (*.xlsx *.csv)")
        )
        if path:
            self.path.setText(path)

    def submit(self) -> None:
        kind, out = self.kind(), self.path.text().strip()
        self.error.clear_message()
        self.done_label.clear()
        lang = language.current()
        start, end = dates.picked_date(self.date_from), dates.picked_date(self.date_to)

        def run() -> tuple[Path, int]:
            check_output(out, OutputKind.SPREADSHEET)  # never over a ledger, .csv or .xlsx
            if kind == AGING:
                return export_aging(out, dates.picked_date(self.as_of))
            if kind == CUSTOMERS:
                return export_customer_list(out, self.shown(), lang=lang)
            if kind == LEDGER:
                assert self.customer is not None
                return export_customer_ledger(out, self.customer.id, start, end, lang=lang)
            return export_entries(out, start, end, lang=lang)

        result = self.ops.read(self, run, on_error=self.show_error)
        if result is not None:
            self.written, rows = result
            self.folder = self.written.parent
            self.done_label.setText(
                self.tr("{n} rows written to {path}.").format(n=f"{rows:,}", path=self.written)
            )

    def _describe(self) -> None:
        kind = self.kind()
        if kind == CUSTOMERS:
            n = len(self.shown())
            self.note.setText(self.tr("The {n} customers the list shows now.").format(n=n))
        elif kind == ENTRIES:
            self.note.setText(
                self.tr(
                    "In the import's own format; voided entries and their reversals are left out."
                )
            )
        else:
            self.note.setText("")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export"))
        for i in range(self.what.count()):
            key = self.what.itemData(i)
            self.what.setItemText(i, QCoreApplication.translate("ExportDialog", _WHAT[key]))
        self.set_labels(
            (
                (self.what, self.tr("&What:")),
                (self.as_of, self.tr("&As of:")),
                (self.date_from, self.tr("&From:")),
                (self.date_to, self.tr("&To:")),
                (self.fmt, self.tr("F&ormat:")),
                (self.where, self.tr("Fi&le:")),
            )
        )
        self.browse.setText(self.tr("&Browse…"))
        assert self.ok_button is not None
        self.ok_button.setText(self.tr("&Export"))
        self._describe()
