"""Optional delivery lines (product, quantity, unit price). Each line's amount comes
from the model's `line_amount` (its one rounding rule); the delivery total follows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import formatting
from models.ledger.posting import line_amount
from models.vocabulary.entry_records import DeliveryLine
from models.vocabulary.errors import InputError
from models.vocabulary.money import parse_money

PRODUCT, QTY, PRICE, AMOUNT = range(4)


class LinesTable(QTableWidget):
    """Tab walks the cells (product, quantity, price, next line…) like a spreadsheet, but
    leaves the table after the last line's price (Shift+Tab: before the first product)
    instead of wrapping round: no keyboard trap."""

    def _at_edge(self, forward: bool) -> bool:
        row, column = self.currentRow(), self.currentColumn()
        if row < 0:
            return True
        if forward:
            return row == self.rowCount() - 1 and column >= PRICE
        return row == 0 and column <= PRODUCT

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802
        if self._at_edge(next):
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)

    def closeEditor(  # noqa: N802
        self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint
    ) -> None:
        leave = {
            QAbstractItemDelegate.EndEditHint.EditNextItem: True,
            QAbstractItemDelegate.EndEditHint.EditPreviousItem: False,
        }.get(hint)
        if leave is None or not self._at_edge(leave):
            super().closeEditor(editor, hint)
            return
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        QWidget.focusNextPrevChild(self, leave)


class DeliveryLinesEditor(QWidget):
    """`total_changed` carries the lines' total in fen, None while a line is not
    valid, or 0 when there are no lines (the clerk types the total instead)."""

    total_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = ""
        self.table = LinesTable(0, 4)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(PRODUCT, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.itemChanged.connect(self.recompute)
        self.table.setMinimumHeight(self.fontMetrics().height() * 7)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_line)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_line)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.retranslate()

    def add_line(self, product: str = "", qty: str = "", price: str = "") -> None:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for column, text in ((PRODUCT, product), (QTY, qty), (PRICE, price)):
            self.table.setItem(row, column, QTableWidgetItem(text))
        amount = QTableWidgetItem("")
        amount.setFlags(amount.flags() & ~Qt.ItemFlag.ItemIsEditable)
        amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, AMOUNT, amount)
        self.table.blockSignals(False)
        self.recompute()
        if not product:
            # Typing starts editing the product (AnyKeyPressed is an edit trigger).
            self.table.setCurrentCell(row, PRODUCT)
            self.table.setFocus()

    def remove_line(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.recompute()

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def lines(self) -> tuple[DeliveryLine, ...]:
        """The lines typed; raises the model's `InputError` for the first bad one."""
        result = []
        for row in range(self.table.rowCount()):
            product, qty, price = (self._text(row, c) for c in (PRODUCT, QTY, PRICE))
            if not (product or qty or price):
                continue  # an empty line is ignored
            unit_price = parse_money(price, allow_zero=True)
            result.append(DeliveryLine(product, qty, unit_price, line_amount(qty, unit_price)))
        return tuple(result)

    def recompute(self, *_args: object) -> None:
        """Show each line's amount and announce the total (or None while one is bad)."""
        self.table.blockSignals(True)
        try:
            total, self.problem = 0, ""
            for row in range(self.table.rowCount()):
                qty, price = self._text(row, QTY), self._text(row, PRICE)
                shown = ""
                if qty and price:
                    try:
                        amount = line_amount(qty, parse_money(price, allow_zero=True))
                        shown, total = formatting.money(amount), total + amount
                    except InputError as err:
                        self.problem = self.problem or str(err)
                elif qty or price or self._text(row, PRODUCT):
                    self.problem = self.problem or self.tr(
                        "Each line needs a quantity and a unit price."
                    )
                self.table.item(row, AMOUNT).setText(shown)
        finally:
            self.table.blockSignals(False)
        self.total_changed.emit(None if self.problem else total)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Product"), self.tr("Qty"), self.tr("Unit price"), self.tr("Amount")]
        )
        self.add_button.setText(self.tr("Add &line"))
        self.remove_button.setText(self.tr("Remove line"))
