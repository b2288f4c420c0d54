"""The customer list as a thin table model over `CustomerSummary` records.

Filtering and sorting run in plain Python over the loaded list (no proxy model): a
Python `lessThan` called a hundred thousand times would be the slow part at 10,000
customers, while `sorted()` with a key and a substring test per row take milliseconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush

from gui import colours, formatting
from gui.customers.filters import CustomerFilter, PendingSummary, Row
from models.ledger.search import matches
from models.vocabulary.aging_records import CustomerSummary
from models.vocabulary.customer_records import Customer

SORT_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("CustomerListModel", text)


def _next_promise_at(s: CustomerSummary) -> dt.datetime | None:
    return s.next_promise.due_at if s.next_promise else None


# Headers are marked for lupdate here and translated when shown.
_HEADERS = (
    QT_TRANSLATE_NOOP("CustomerListModel", "Code"),
    QT_TRANSLATE_NOOP("CustomerListModel", "Name"),
    QT_TRANSLATE_NOOP("CustomerListModel", "Route"),
    QT_TRANSLATE_NOOP("CustomerListModel", "Rep"),
    QT_TRANSLATE_NOOP("CustomerListModel", "Balance"),
    QT_TRANSLATE_NOOP("CustomerListModel", "Overdue"),
    QT_TRANSLATE_NOOP("CustomerListModel", "Oldest open (days)"),
    QT_TRANSLATE_NOOP("CustomerListModel", "Next promise"),
    QT_TRANSLATE_NOOP("CustomerListModel", "Last payment"),
)
# (display, raw sort value or None, right-aligned), one per header. Columns from the
# balance on read `s.aging`, which a `PendingSummary` does not have yet.
_COLUMNS: list[tuple[Callable[[Any], str], Callable[[Any], Any], bool]] = [
    (lambda s: s.customer.code, lambda s: s.customer.code, False),
    (lambda s: s.customer.name, lambda s: s.customer.name, False),
    (lambda s: s.customer.route_name, lambda s: s.customer.route_name, False),
    (lambda s: s.customer.rep_name, lambda s: s.customer.rep_name, False),
    (lambda s: formatting.balance(s.aging.balance), lambda s: s.aging.balance, True),
    (lambda s: formatting.money_or_blank(s.aging.overdue), lambda s: s.aging.overdue, True),
    (
        lambda s: "" if s.aging.oldest_open_days is None else str(s.aging.oldest_open_days),
        lambda s: s.aging.oldest_open_days,
        True,
    ),
    (lambda s: formatting.datetime(_next_promise_at(s)), _next_promise_at, False),
    (lambda s: formatting.date(s.last_payment_on), lambda s: s.last_payment_on, False),
]
BALANCE_COLUMN = 4
OVERDUE_COLUMN = 5
# Money and age columns: the first click shows the largest first, which is what a clerk
# sorts them for (who owes most, who is oldest).
LARGEST_FIRST = {BALANCE_COLUMN, OVERDUE_COLUMN, 6}
_HEADER_TIPS = {
    BALANCE_COLUMN: QT_TRANSLATE_NOOP(
        "CustomerListModel", "What the customer owes; red when over the credit limit"
    ),
    OVERDUE_COLUMN: QT_TRANSLATE_NOOP("CustomerListModel", "Owed past its due date (in red)"),
}


def _value(raw: Callable[[Any], Any], s: Row, column: int) -> Any:
    return None if s.aging is None and column >= BALANCE_COLUMN else raw(s)


class CustomerListModel(QAbstractTableModel):
    """All loaded summaries; `visible` holds the indices that pass the filter, in the
    current sort order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._order: list[int] = []  # all rows in sort order
        self._visible: list[int] = []
        self._filter = CustomerFilter()
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)

    # --- loading, filtering, sorting -------------------------------------------------
    def set_customers(self, customers: list[Customer]) -> None:
        """Show customers before their balances are known (names, codes, routes)."""
        self.set_summaries([PendingSummary(c) for c in customers])

    @property
    def pending(self) -> bool:
        return bool(self._rows) and isinstance(self._rows[0], PendingSummary)

    def set_summaries(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._order = self._sorted(range(len(rows)))
        self._visible = self._apply(self._order, self._filter)
        self.endResetModel()

    def set_filter(self, new: CustomerFilter) -> None:
        # Typing one more letter only has to test the rows still shown.
        candidates = self._visible if new.narrows(self._filter) else self._order
        self.beginResetModel()
        self._filter = new
        self._visible = self._apply(candidates, new)
        self.endResetModel()

    def _apply(self, candidates: list[int], flt: CustomerFilter) -> list[int]:
        rows, q = self._rows, flt.normalised_query
        if flt == CustomerFilter(query=flt.query):
            # Only a query: the hot path while typing.
            if " " in q:  # several words: each must match
                return [i for i in candidates if matches(rows[i].customer.search_key, q)]
            return [i for i in candidates if q in rows[i].customer.search_key]
        return [i for i in candidates if flt.accepts(rows[i], q)]

    def _sorted(self, indices: range | list[int]) -> list[int]:
        column, order = self._sort
        raw = _COLUMNS[column][1]
        rows = self._rows

        def key(i: int) -> tuple[bool, Any]:
            value = _value(raw, rows[i], column)
            return (value is None, 0 if value is None else value)  # blanks last

        return sorted(
            indices,
            key=key,
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(_COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._order = self._sorted(range(len(self._rows)))
        shown = set(self._visible)
        self._visible = [i for i in self._order if i in shown]
        self.layoutChanged.emit()

    # --- reading -------------------------------------------------------------------
    @property
    def total_count(self) -> int:
        return len(self._rows)

    def summary_at(self, row: int) -> Row:
        return self._rows[self._visible[row]]

    def row_of(self, customer_id: int) -> int | None:
        for row, i in enumerate(self._visible):
            if self._rows[i].customer.id == customer_id:
                return row
        return None

    def visible_summaries(self) -> list[Row]:
        return [self._rows[i] for i in self._visible]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_COLUMNS) - 1)

    # --- Qt model API --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._rows[self._visible[index.row()]]
        display, sort_value, right = _COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if s.aging is None and index.column() >= BALANCE_COLUMN:
                return "…"
            return display(s)
        if role == SORT_ROLE:
            return _value(sort_value, s, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if s.aging is None:
                return None
            if index.column() == OVERDUE_COLUMN and s.aging.overdue > 0:
                return QBrush(colours.error())
            if index.column() == BALANCE_COLUMN and s.over_limit:
                return QBrush(colours.error())
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and index.column() == BALANCE_COLUMN
            and s.over_limit
        ):
            # The excess and the limit, each named ("over the limit ¥10,000" read as
            # "over by ¥10,000").
            return QCoreApplication.translate(
                "CustomerListModel", "{excess} over the credit limit of {limit}"
            ).format(
                excess=formatting.money(s.over_limit_by),
                limit=formatting.money(s.customer.credit_limit),
            )
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(_COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return _tr(_HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole and _COLUMNS[section][2]:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if role == Qt.ItemDataRole.InitialSortOrderRole and section in LARGEST_FIRST:
                return Qt.SortOrder.DescendingOrder.value
            if role == Qt.ItemDataRole.ToolTipRole and section in _HEADER_TIPS:
                return _tr(_HEADER_TIPS[section])
        return None
