"""Sortable, exportable tables for the review, and the window listing what is behind a
figure (customers or entries)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import formatting
from gui.record_model import SORT_ROLE, RecordTableModel
from gui.review.table_models import CustomerRowsModel, EntryLinesModel
from gui.table_export import ask_and_export, read_only_table
from models.review.review import EntryLine
from models.vocabulary.aging_records import AgingRow


class SortedTable(QTableView):
    """A table over a record model that sorts on any column by its raw values (click a
    header, or sort from the keyboard with the header's context) and exports (Ctrl+E)."""

    def __init__(self, model: RecordTableModel, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the model's order until asked
        self.export_action = read_only_table(self, name)

    def record_at(self, row: int) -> object:
        """The record shown in view row `row` (after sorting)."""
        return self.source.record_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())

    def current_record(self) -> object | None:
        index = self.currentIndex()
        return self.record_at(index.row()) if index.isValid() else None

    def fit_columns(self) -> None:
        self.resizeColumnsToContents()


class DrillDialog(QDialog):
    """The customers (or entries) behind a figure: sortable, exportable; Enter or a
    double-click on a customer opens their page."""

    customer_chosen = Signal(int)

    def __init__(
        self,
        title: str,
        customers: list[AgingRow] | None = None,
        entries: list[EntryLine] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(960, 560)
        if entries is not None:
            model: RecordTableModel = EntryLinesModel(self)
            model.set_rows(entries)
            total = sum(e.amount for e in entries)
        else:
            model = CustomerRowsModel(self)
            model.set_rows(customers or [])
            total = sum(r.balance for r in customers or [])
        self.overdue = None if entries is not None else sum(r.overdue for r in customers or [])
        self.count = model.rowCount()
        self.table = SortedTable(model, "details", self)
        self.table.fit_columns()
        self.table.activated.connect(self._chosen)
        self.table.doubleClicked.connect(self._chosen)
        self.total = total
        self.summary = QLabel()
        self.heading = QLabel(title)
        self.heading.setWordWrap(True)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(lambda: ask_and_export(self.table, "details", self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.retranslate()
        if self.count:
            self.table.selectRow(0)
        self.table.setFocus()

    def _chosen(self) -> None:
        record = self.table.current_record()
        customer_id = getattr(record, "customer_id", None)
        if customer_id is not None:
            self.customer_chosen.emit(customer_id)
            self.accept()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.export_button.setText(self.tr("&Export…"))
        total = formatting.money(self.total)
        if self.overdue is None:
            text = self.tr("{n} entries, {total} in all").format(n=self.count, total=total)
        else:
            text = self.tr("{n} customers, owing {total}, of which {overdue} overdue").format(
                n=self.count, total=total, overdue=formatting.money(self.overdue)
            )
        self.summary.setText(text)
