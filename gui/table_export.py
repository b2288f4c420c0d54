"""Export what a table shows (its rows in the order and filter on screen) to XLSX or CSV,
through the one export function of `reports.spreadsheets.aging_sheet`.

Any table works: headers come from the model, values from its sort role (raw fen, dates,
counts), text as displayed. A column whose every cell reads as its fen formatted as
money (or blank for zero) is written as money; whole numbers shown as themselves are
counts; dates stay dates.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

from gui import file_dialogs
from gui.operations import show_error
from gui.record_model import SORT_ROLE
from models.storage.output_paths import OutputKind
from models.vocabulary.errors import LedgerError
from models.vocabulary.money import format_money

DISPLAY = Qt.ItemDataRole.DisplayRole


def _kind(raws: list[object], shown: list[str]) -> str:
    from reports.spreadsheets.aging_sheet import COUNT, DATE, MONEY, NUMBER, TEXT

    def is_int(v: object) -> bool:
        return isinstance(v, int) and not isinstance(v, bool)

    pairs = [(r, s) for r, s in zip(raws, shown, strict=True) if r is not None or s]
    if not pairs:
        return TEXT
    if all(is_int(r) and s in (format_money(r), "") for r, s in pairs):  # type: ignore[arg-type]
        return MONEY
    if all(is_int(r) and s == str(r) for r, s in pairs):
        return COUNT
    if all(isinstance(r, dt.date) for r, _s in pairs):
        return DATE
    if all(isinstance(r, Decimal) for r, _s in pairs):
        return NUMBER
    return TEXT


def table_contents(model: QAbstractItemModel) -> tuple[list, list[list[object]]]:
    """The model's columns (`SheetColumn`) and rows as they are shown, top to bottom."""
    from reports.spreadsheets.aging_sheet import MONEY, TEXT, SheetColumn

    while model.canFetchMore(QModelIndex()):  # a ledger read a page at a time: all of it
        model.fetchMore(QModelIndex())
    n_rows, n_cols = model.rowCount(), model.columnCount()
    columns, values = [], []
    for c in range(n_cols):
        header = str(model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) or "")
        raws = [model.data(model.index(r, c), SORT_ROLE) for r in range(n_rows)]
        shown = [str(model.data(model.index(r, c), DISPLAY) or "") for r in range(n_rows)]
        kind = _kind(raws, shown)
        if kind == TEXT:
            cells: list[object] = [s or None for s in shown]
        elif kind == MONEY:
            cells = [r if s else None for r, s in zip(raws, shown, strict=True)]  # blank: empty
        else:
            cells = raws
        columns.append(SheetColumn(header, kind))
        values.append(cells)
    rows = [[values[c][r] for c in range(n_cols)] for r in range(n_rows)]
    return columns, rows


def export_model(model: QAbstractItemModel, out: str | Path, sheet_name: str = "data") -> Path:
    """Write the model's rows as shown to `out` (.xlsx or .csv); `LedgerError` when the
    file cannot be written."""
    from reports.spreadsheets.aging_sheet import export_table

    columns, rows = table_contents(model)
    return export_table(out, columns, rows, sheet_name=sheet_name)


def ask_and_export(view: QTableView, name: str, parent: QWidget | None = None) -> Path | None:
    """Ask where to save, then export the view's rows; errors are shown, not raised."""
    path = file_dialogs.choose_output(
        parent or view,
        QCoreApplication.translate("TableExport", "Export table"),
        str(Path.home() / f"{name}.xlsx"),
        QCoreApplication.translate("TableExport", "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
        OutputKind.SPREADSHEET,
    )
    if not path:
        return None
    try:
        return export_model(view.model(), path, sheet_name=name)
    except LedgerError as err:
        show_error(parent or view, str(err), None)
        return None


class _ExportAction(QAction):
    """The action, retranslated when its table hears the language change."""

    def __init__(self, view: QTableView, name: str) -> None:
        super().__init__(view)
        self.setShortcut(QKeySequence("Ctrl+E"))
        self.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.triggered.connect(lambda: ask_and_export(view, name))
        self.retranslate()
        view.installEventFilter(self)

    def retranslate(self) -> None:
        self.setText(QCoreApplication.translate("TableExport", "Export to Excel or CSV…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False


def add_export_action(view: QTableView, name: str) -> QAction:
    """Give a table "Export to Excel or CSV…" in its context menu and on Ctrl+E."""
    action = _ExportAction(view, name)
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action


def read_only_table(table: QTableView, name: str) -> QAction:
    """Set up a table of records: whole-row selection, no editing, fixed row heights
    (the view never measures thousands of rows), and export on Ctrl+E as `name`.
    Returns the export action."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setStretchLastSection(True)
    return add_export_action(table, name)


def read_only_view(model: QAbstractItemModel, name: str) -> QTableView:
    """A new table showing `model`, set up by `read_only_table` (export as `name`)."""
    table = QTableView()
    table.setModel(model)
    read_only_table(table, name)
    return table
