"""The settle grid's table and its cell editors: which column holds what, Enter that
moves exactly one row down, combo and amount editors, and cells tinted from the
palette (readable in a light and a dark one)."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from gui import tints
from gui.tints import Tint
from gui.widgets import AmountEdit
from models.vocabulary.collecting_records import LateReason, VisitOutcome
from models.vocabulary.entry_records import PaymentMethod

Index = QModelIndex | QPersistentModelIndex

# The grid's columns: the `SettleRow` field each one fills; "left" is read-only, the
# note on what the row leaves owing (Tab passes over it).
FIELDS = (
    "amount",
    "method",
    "cheque_no",
    "bank",
    "cheque_due",
    "tail_cut",
    "left",
    "promise_at",
    "promise_amount",
    "outcome",
    "reason",
    "note",
)
COLUMN = {name: i for i, name in enumerate(FIELDS)}
READ_ONLY = frozenset({COLUMN["left"]})
AMOUNTS = ("amount", "tail_cut", "promise_amount")
ENUMS: dict[str, type[StrEnum]] = {
    "method": PaymentMethod,
    "outcome": VisitOutcome,
    "reason": LateReason,
}
TINT_ROLE = Qt.ItemDataRole.UserRole + 1  # a cell's `Tint` name, or None
DEFAULT_ROLE = Qt.ItemDataRole.UserRole + 2  # the text an empty cell stands for


def is_enter(event: QEvent) -> bool:
    """Enter or Return, on the main keys or the number pad, with no other modifier."""
    if event.type() != QEvent.Type.KeyPress:
        return False
    assert isinstance(event, QKeyEvent)
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods


def set_tint(item: QTableWidgetItem, tint: Tint | None, palette: QPalette) -> None:
    """Tint a cell (None: plain), background and text both from `palette`."""
    item.setData(TINT_ROLE, tint.name if tint else None)
    item.setData(Qt.ItemDataRole.BackgroundRole, tints.background(palette, tint) if tint else None)
    item.setData(Qt.ItemDataRole.ForegroundRole, tints.foreground(palette) if tint else None)


def tint_of(item: QTableWidgetItem | None) -> Tint | None:
    name = item.data(TINT_ROLE) if item is not None else None
    return Tint[name] if name else None


class GridDelegate(QStyledItemDelegate):
    """Every cell's editor: Enter keeps what was typed or picked in this cell, closes
    the editor and moves one row down, in one step. (Qt's own handling commits later,
    from the event queue, while the key also reaches the grid: the grid moved down,
    the new cell's editor opened, and the late commit closed it and moved again, so
    a method picked with ↓ and Enter ended on the last row.)

    An empty cell with a default (DEFAULT_ROLE) shows it in the placeholder colour."""

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802
        if is_enter(event) and isinstance(editor, QWidget):
            table = self.parent()
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            if isinstance(table, SettleTable):
                table.down()
            return True
        return super().eventFilter(editor, event)

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        default = index.data(DEFAULT_ROLE)
        if not option.text and default:  # type: ignore[attr-defined]
            option.text = default  # type: ignore[attr-defined]
            colour = option.palette.color(QPalette.ColorRole.PlaceholderText)  # type: ignore[attr-defined]
            option.palette.setColor(QPalette.ColorRole.Text, colour)  # type: ignore[attr-defined]


class ComboDelegate(GridDelegate):
    """Choose from an enum's labels (first item: none); the value sits in UserRole."""

    def __init__(self, enum: type[StrEnum], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enum = enum

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        box = QComboBox(parent)
        box.addItem("", None)
        for member in self.enum:
            box.addItem(member.label, member.value)  # type: ignore[attr-defined]
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.UserRole)), 0))

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.UserRole)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class AmountDelegate(GridDelegate):
    """An `AmountEdit`: turns red with the parser's sentence while the text is wrong;
    an empty cell's default shows as the placeholder."""

    problem = Signal(str)

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        edit = AmountEdit(parent, allow_zero=True)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        edit.setPlaceholderText(index.data(DEFAULT_ROLE) or "")
        palette = edit.palette()

        def check(fen: object) -> None:
            bad = fen is None and bool(edit.text().strip())
            if bad:
                edit.setStyleSheet(
                    f"background: {tints.background(palette, Tint.WRONG).name()};"
                    f"color: {tints.foreground(palette).name()};"
                )
            else:
                edit.setStyleSheet("")
            edit.setToolTip(edit.problem if bad else "")
            self.problem.emit(edit.problem if bad else "")

        edit.amount_changed.connect(check)
        return edit


class SettleTable(QTableWidget):
    """Enter moves exactly one row down, in the same column (from a cell's editor:
    `GridDelegate`); Tab moves across, over the read-only columns. On the last row
    Enter stays."""

    def __init__(self, rows: int, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(rows, columns, parent)
        self.setItemDelegate(GridDelegate(self))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if is_enter(event):
            self.down()
            return
        super().keyPressEvent(event)

    def down(self) -> None:
        row, col = self.currentRow(), max(self.currentColumn(), 0)
        if row + 1 < self.rowCount():
            self.setCurrentCell(row + 1, col)

    def moveCursor(  # noqa: N802
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        index = super().moveCursor(action, modifiers)
        step = {
            QAbstractItemView.CursorAction.MoveNext: 1,
            QAbstractItemView.CursorAction.MovePrevious: -1,
        }.get(action)
        if step and index.isValid() and index.column() in READ_ONLY:
            # A read-only column is never first or last: step over it, the same way.
            index = self.model().index(index.row(), index.column() + step)
        return index
