"""A customer's ledger, newest first, read a page at a time (canFetchMore/fetchMore):
a customer with 100,000 entries opens as fast as one with ten."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from gui import colours, formatting
from models.ledger import cheque_status, ledger
from models.vocabulary.entry_records import DeliveryLine, Entry, LedgerRow

SORT_ROLE = Qt.ItemDataRole.UserRole
PAGE_SIZE = 200
Index = QModelIndex | QPersistentModelIndex

_HEADERS = (
    QT_TRANSLATE_NOOP("LedgerModel", "Date"),
    QT_TRANSLATE_NOOP("LedgerModel", "Kind"),
    QT_TRANSLATE_NOOP("LedgerModel", "Doc no."),
    QT_TRANSLATE_NOOP("LedgerModel", "Details"),
    QT_TRANSLATE_NOOP("LedgerModel", "Cheque"),
    QT_TRANSLATE_NOOP("LedgerModel", "Debit"),
    QT_TRANSLATE_NOOP("LedgerModel", "Credit"),
    QT_TRANSLATE_NOOP("LedgerModel", "Balance"),
    QT_TRANSLATE_NOOP("LedgerModel", "Entered by"),
)
DATE, KIND, DOC, DETAILS, CHEQUE, DEBIT, CREDIT, BALANCE, ENTERED_BY = range(len(_HEADERS))
_RIGHT = {DEBIT, CREDIT, BALANCE}
# Columns are sized to their content up to these widths (pixels); the rest shows in
# the tooltip. Document numbers are never cut: their tail tells notes apart.
WIDTH_CAPS = {DATE: 130, KIND: 260, DOC: 320, DETAILS: 420, CHEQUE: 140}
DEFAULT_CAP = 170


def _tr(text: str) -> str:
    return QCoreApplication.translate("LedgerModel", text)


LINES_SHOWN = 3  # delivery lines named in the details column; the rest are counted


def _chinese_colons(text: str) -> str:
    """In Chinese, a colon right after a Chinese character is the full-width one (the
    model joins a bounce's own words and the clerk's reason with ': ')."""
    if QCoreApplication.translate("LedgerModel", ": ") != "：":
        return text
    return re.sub(r"(?<=[\u3400-\u9fff]):\s*", "：", text)


def lines_summary(lines: tuple[DeliveryLine, ...]) -> str:
    """'青岛啤酒×10，可乐×2' — at most three lines named, then '+2 more'."""
    if not lines:
        return ""
    named = lines if len(lines) <= LINES_SHOWN else lines[: LINES_SHOWN - 1]
    text = QCoreApplication.translate("LedgerModel", ", ").join(
        f"{ln.product}×{ln.qty}" for ln in named
    )
    if len(named) < len(lines):
        text += " " + QCoreApplication.translate("LedgerModel", "+{count} more").format(
            count=len(lines) - len(named)
        )
    return text


def details(entry: Entry) -> str:
    """Method, cheque, delivery lines, memo and void state in one line. A reversal says
    only why (its kind column already says 'Reversal: Payment')."""
    parts: list[str] = []
    if entry.is_reversal:
        if entry.memo:
            parts.append(entry.memo)
        if entry.void_text:
            parts.append(
                QCoreApplication.translate("LedgerModel", "Reversal: {reason}").format(
                    reason=entry.void_text
                )
            )
        return _chinese_colons(" · ".join(parts))
    if entry.method is not None:
        parts.append(entry.method.label)
    if entry.cheque is not None:
        c = entry.cheque
        cheque = f"{c.number} {c.bank}".strip()
        if c.due_on:
            cheque += " " + QCoreApplication.translate("LedgerModel", "due {date}").format(
                date=formatting.date(c.due_on)
            )
        parts.append(cheque)  # its status has a column of its own
    if entry.lines:
        parts.append(lines_summary(entry.lines))
    if entry.memo:
        parts.append(entry.memo)
    if entry.is_voided:
        parts.append(
            QCoreApplication.translate("LedgerModel", "VOIDED: {reason}").format(
                reason=entry.void_text
            )
        )
    return _chinese_colons(" · ".join(parts))


def cheque_history_text(entry_id: int) -> str:
    """The cheque's status moves, one a line: '2026-11-20 14:05 小李: Received → Deposited'."""
    moves = cheque_status.cheque_history(entry_id)
    if not moves:
        return QCoreApplication.translate("LedgerModel", "No status changes recorded yet.")
    lines = [
        QCoreApplication.translate("LedgerModel", "{when} {who}: {old} → {new}").format(
            when=formatting.datetime(m.changed_at),
            who=m.changed_by or "—",
            old=m.from_status.label,
            new=m.to_status.label,
        )
        for m in moves
    ]
    return QCoreApplication.translate("LedgerModel", "Status history:") + "\n" + "\n".join(lines)


def kind_text(entry: Entry) -> str:
    """The kind, saying when the entry is a reversal or was voided: a reversal of a
    payment sits in the debit column, which would read as a delivery otherwise."""
    if entry.is_reversal:
        return QCoreApplication.translate("LedgerModel", "Reversal: {kind}").format(
            kind=entry.kind.label
        )
    if entry.is_voided:
        return QCoreApplication.translate("LedgerModel", "{kind} (voided)").format(
            kind=entry.kind.label
        )
    return entry.kind.label


class LedgerModel(QAbstractTableModel):
    """Rows are `LedgerRow`s of one customer, newest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.customer_id: int | None = None
        self._rows: list[LedgerRow] = []
        self._total = 0
        self.view: Any = None  # the table showing this model, to measure clipped details

    def load(self, customer_id: int | None) -> None:
        """Show a customer's newest page (None: empty)."""
        self.beginResetModel()
        self.customer_id = customer_id
        self._rows, self._total = [], 0
        if customer_id is not None:
            page = ledger.ledger_page(customer_id, 0, PAGE_SIZE)
            self._rows, self._total = list(page.rows), page.total
        self.endResetModel()

    def reload(self) -> None:
        """Re-read after a change, keeping as many rows loaded as before."""
        if self.customer_id is None:
            return
        wanted = max(len(self._rows), PAGE_SIZE)
        self.beginResetModel()
        page = ledger.ledger_page(self.customer_id, 0, wanted)
        self._rows, self._total = list(page.rows), page.total
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def entry_at(self, row: int) -> Entry:
        return self._rows[row].entry

    def row_of(self, entry_id: int) -> int | None:
        """The row showing an entry, if loaded."""
        for i, row in enumerate(self._rows):
            if row.entry.id == entry_id:
                return i
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, ENTERED_BY))

    # --- lazy loading --------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self.customer_id is None:
            return
        page = ledger.ledger_page(self.customer_id, len(self._rows), PAGE_SIZE)
        if not page.rows:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self._total = page.total
        self.endInsertRows()

    # --- Qt model API --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(_HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        e, column = row.entry, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return (
                e.date,
                e.kind.value,
                e.doc_no,
                e.memo,
                e.cheque.status.value if e.cheque else "",
                e.debit,
                e.credit,
                row.balance,
                e.entered_by,
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if column in _RIGHT else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and e.is_voided:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and (e.is_voided or e.is_reversal):
            return QBrush(colours.muted())
        if role == Qt.ItemDataRole.ToolTipRole and column == CHEQUE and e.cheque is not None:
            return cheque_history_text(e.id)
        if role == Qt.ItemDataRole.ToolTipRole and (
            e.is_voided or e.is_reversal or (column == DETAILS and self._clipped(index))
        ):
            return details(e)
        return None

    def _clipped(self, index: Index) -> bool:
        """Whether the details text is wider than its column (then the tooltip shows it
        whole). Without a view to ask, long texts count as clipped."""
        text = details(self._rows[index.row()].entry)
        if not text:
            return False
        view = self.view
        if view is None:
            return len(text) > 40
        width = view.columnWidth(DETAILS) - 8
        return view.fontMetrics().horizontalAdvance(text) > width

    def _display(self, row: LedgerRow, column: int) -> str:
        e = row.entry
        if column == DATE:
            return formatting.date(e.date)
        if column == KIND:
            return kind_text(e)
        if column == DOC:
            return e.doc_no
        if column == DETAILS:
            return details(e)
        if column == CHEQUE:
            return e.cheque.status.label if e.cheque is not None else ""
        if column == DEBIT:
            return formatting.money_or_blank(e.debit)
        if column == CREDIT:
            return formatting.money_or_blank(e.credit)
        if column == BALANCE:
            return formatting.balance(row.balance)
        return e.entered_by

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(_HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return _tr(_HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole and section in _RIGHT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
