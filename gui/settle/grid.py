"""Route → Settle… (回单录入): one grid, a row per stop on the day's route sheet, keyed
in when the rep is back. Keyboard first: Tab moves across, Enter moves down, every
cell opens for typing as it is reached; amounts are checked as they are typed.

Saving posts the whole grid in one transaction (`models.settling.settle`); when any
row is wrong nothing is posted and each wrong cell turns red with its sentence (also
shown below the grid when the cell is current). A collection a little under what was
due first gets its tail cut (抹零) filled in, to post with Save again or clear.
"""

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
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from gui import dates, discard, formatting
from gui.discard import AsksBeforeDiscarding
from gui.form import FormDialog
from gui.operations import Operations
from gui.widgets import AmountEdit
from models import clock, people, settling
from models.errors import InputError
from models.money import format_money, parse_money
from models.parsing import parse_date, parse_datetime
from models.records import LateReason, PaymentMethod, Route, RouteStop, VisitOutcome
from models.routesheets import route_for_day
from models.settling import Settled, SettleRejected, SettleRow

Index = QModelIndex | QPersistentModelIndex
WRONG = QColor(255, 215, 215)
OFFERED = QColor(255, 243, 190)

# The grid's columns, by the `SettleRow` field each one fills.
FIELDS = (
    "amount",
    "method",
    "cheque_no",
    "bank",
    "cheque_due",
    "tail_cut",
    "promise_at",
    "outcome",
    "reason",
    "note",
)
COLUMN = {name: i for i, name in enumerate(FIELDS)}
ENUMS: dict[str, type[StrEnum]] = {
    "method": PaymentMethod,
    "outcome": VisitOutcome,
    "reason": LateReason,
}


def is_enter(event: QEvent) -> bool:
    """Enter or Return, on the main keys or the number pad, with no other modifier."""
    if event.type() != QEvent.Type.KeyPress:
        return False
    assert isinstance(event, QKeyEvent)
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods


class GridDelegate(QStyledItemDelegate):
    """Every cell's editor: Enter keeps what was typed or picked in this cell, closes
    the editor and moves one row down, in one step. (Qt's own handling commits later,
    from the event queue, while the key also reaches the grid: the grid moved down,
    the new cell's editor opened, and the late commit closed it and moved again, so
    a method picked with ↓ and Enter ended on the last row.)"""

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802
        if is_enter(event) and isinstance(editor, QWidget):
            table = self.parent()
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            if isinstance(table, SettleTable):
                table.down()
            return True
        return super().eventFilter(editor, event)


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
    """An `AmountEdit`: turns red with the parser's sentence while the text is wrong."""

    problem = Signal(str)

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        edit = AmountEdit(parent, allow_zero=True)

        def check(fen: object) -> None:
            bad = fen is None and bool(edit.text().strip())
            edit.setStyleSheet("background: #ffd7d7;" if bad else "")
            edit.setToolTip(edit.problem if bad else "")
            self.problem.emit(edit.problem if bad else "")

        edit.amount_changed.connect(check)
        return edit


class SettleTable(QTableWidget):
    """Enter moves exactly one row down, in the same column (from a cell's editor:
    `GridDelegate`); Tab moves across. On the last row Enter stays."""

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


class SettleDialog(AsksBeforeDiscarding, FormDialog):
    """`settled` holds what was posted once the dialog is accepted. Closing it, or
    choosing another route or day, while the grid holds input asks first."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        # Enter moves down the grid: Save is Ctrl+S (or the button), never the default.
        super().__init__(parent, enter_submits=False)
        self.ops = ops
        self.settled: Settled | None = None
        self._marking = False  # mark() colours cells: not the clerk editing them
        self.stops: list[RouteStop] = []
        self.offered = False
        self.routes = {r.id: r for r in ops.read(self, people.list_routes) or []}
        self.route = QComboBox()
        for route in self.routes.values():
            self.route.addItem(route.name, route.id)
        today = route_for_day(list(self.routes.values()), clock.today())
        if today is not None:  # today's route first, not the first by name
            self.route.setCurrentIndex(self.route.findData(today.id))
        self.day = dates.date_edit(day=clock.today())
        self.route_label = QLabel()
        self.route_label.setBuddy(self.route)
        self.day_label = QLabel()
        self.day_label.setBuddy(self.day)
        self.summary = QLabel()
        self.table = SettleTable(0, len(FIELDS))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.CurrentChanged
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for field, width in (("amount", 96), ("method", 84), ("cheque_no", 90), ("bank", 90),
                             ("cheque_due", 96), ("tail_cut", 70), ("promise_at", 132),
                             ("outcome", 104), ("reason", 150)):  # fmt: skip
            self.table.setColumnWidth(COLUMN[field], width)
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.amounts = AmountDelegate(self.table)
        self.amounts.problem.connect(self._show_problem)
        for name in ("amount", "tail_cut"):
            self.table.setItemDelegateForColumn(COLUMN[name], self.amounts)
        for name, enum in ENUMS.items():
            self.table.setItemDelegateForColumn(COLUMN[name], ComboDelegate(enum, self.table))
        self.table.currentCellChanged.connect(lambda r, c, _r, _c: self._show_cell(r, c))
        self.table.itemChanged.connect(self._edited)
        top = QHBoxLayout()
        for widget in (self.route_label, self.route, self.day_label, self.day):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.summary)
        self.body.addLayout(top)
        self.body.addWidget(self.table, 1)
        self._shown: tuple[object, object] = (None, None)  # the route and day loaded
        self.route.currentIndexChanged.connect(self._choose)
        self.day.dateChanged.connect(self._choose)
        # The cells' editors come and go: `_edited` clears a sentence about a cell.
        self.ready(skip=(self.table,))
        self.load()
        self.resize(1240, 640)

    def chosen_route(self) -> Route | None:
        return self.routes.get(self.route.currentData())

    # --- filling the grid --------------------------------------------------------------
    def has_unsaved_input(self) -> bool:
        """True when any cell holds something typed (a cell still being edited counts
        once its editor is closed: Esc in a cell puts the cell back as it was)."""
        return any(
            self.table.item(r, c) is not None and self.table.item(r, c).text().strip()
            for r in range(self.table.rowCount())
            for c in range(self.table.columnCount())
        )

    def _choose(self) -> None:
        """Another route or day: its grid replaces this one, once the clerk agrees to
        throw away what this one holds."""
        self._finish_editing()
        if self.has_unsaved_input() and not discard.confirm_discard(self):
            route, day = self._shown
            for widget in (self.route, self.day):
                widget.blockSignals(True)
            self.route.setCurrentIndex(self.route.findData(route))
            self.day.setDate(day)  # type: ignore[arg-type]
            for widget in (self.route, self.day):
                widget.blockSignals(False)
            return
        self.load()

    def load(self) -> None:
        self._finish_editing()
        self._shown = (self.route.currentData(), self.day.date())
        route = self.chosen_route()
        day = dates.picked_date(self.day)
        self.stops = []
        if route is not None:
            rid = route.id
            self.stops = self.ops.read(self, lambda: settling.settle_stops(rid, day)) or []
        self.offered = False
        self.error.clear_message()
        self.table.clearContents()
        self.table.setRowCount(len(self.stops))
        labels = []
        for r, stop in enumerate(self.stops):
            due = settling.expected(stop)
            labels.append(
                f"{stop.position}. {stop.customer.code} {stop.customer.name}  "
                f"{formatting.money(due)}"
            )
            for c in range(len(FIELDS)):
                self.table.setItem(r, c, QTableWidgetItem(""))
        self.table.setVerticalHeaderLabels(labels)
        total = sum(settling.expected(s) for s in self.stops)
        self.summary.setText(
            self.tr("{n} stops · {amount} to collect").format(
                n=len(self.stops), amount=formatting.money(total)
            )
        )
        if self.stops:
            self.table.setCurrentCell(0, 0)

    def set_cell(self, row: int, field: str, text: str, value: object = None) -> None:
        """Fill a cell as the clerk would (tests and the tail-cut offer use it)."""
        item = self.table.item(row, COLUMN[field])
        item.setText(text)
        if field in ENUMS:
            member = ENUMS[field](value) if value is not None else None
            item.setData(Qt.ItemDataRole.UserRole, member.value if member else None)
            item.setText(member.label if member else "")  # type: ignore[attr-defined]

    # --- reading the grid --------------------------------------------------------------
    def _text(self, row: int, field: str) -> str:
        item = self.table.item(row, COLUMN[field])
        return item.text().strip() if item else ""

    def _value(self, row: int, field: str) -> StrEnum | None:
        item = self.table.item(row, COLUMN[field])
        data = item.data(Qt.ItemDataRole.UserRole) if item else None
        return ENUMS[field](data) if data else None

    def read_rows(self) -> tuple[list[SettleRow], dict[int, dict[str, str]]]:
        """The grid as rows, and the cells that cannot even be read (per row, field)."""
        rows, wrong = [], {}
        for r, stop in enumerate(self.stops):
            bad: dict[str, str] = {}
            values: dict[str, object] = {}
            for field, parse in (
                ("amount", lambda t: parse_money(t, allow_zero=True)),
                ("tail_cut", lambda t: parse_money(t, allow_zero=True)),
                ("cheque_due", parse_date),
                ("promise_at", parse_datetime),
            ):
                text = self._text(r, field)
                if text:
                    try:
                        values[field] = parse(text)
                    except InputError as err:
                        bad[field] = str(err)
            if bad:
                wrong[r] = bad
                continue
            rows.append(
                SettleRow(
                    customer_id=stop.customer.id,
                    amount=values.get("amount", 0),  # type: ignore[arg-type]
                    method=self._value(r, "method"),  # type: ignore[arg-type]
                    cheque_no=self._text(r, "cheque_no"),
                    bank=self._text(r, "bank"),
                    cheque_due=values.get("cheque_due"),  # type: ignore[arg-type]
                    tail_cut=values.get("tail_cut", 0),  # type: ignore[arg-type]
                    promise_at=values.get("promise_at"),  # type: ignore[arg-type]
                    outcome=self._value(r, "outcome"),  # type: ignore[arg-type]
                    reason=self._value(r, "reason"),  # type: ignore[arg-type]
                    note=self._text(r, "note"),
                )
            )
        return rows, wrong

    # --- marking cells -----------------------------------------------------------------
    def _clear_marks(self) -> None:
        for r in range(self.table.rowCount()):
            for c in range(self.table.columnCount()):
                item = self.table.item(r, c)
                if item.background().color() == WRONG:
                    item.setData(Qt.ItemDataRole.BackgroundRole, None)
                item.setToolTip("")

    def mark(self, errors: dict[int, dict[str, str]]) -> None:
        self._marking = True
        self._clear_marks()
        first = None
        for r, cells in sorted(errors.items()):
            for field, sentence in cells.items():
                c = COLUMN.get(field, 0)
                item = self.table.item(r, c)
                item.setBackground(WRONG)
                item.setToolTip(sentence)
                first = first or (r, c)
        self._marking = False
        if first is not None:
            self.table.setCurrentCell(*first)
            self._show_cell(*first)

    def wrong_cells(self) -> dict[tuple[int, int], str]:
        """Marked cells and their sentences (what the user sees in red)."""
        return {
            (r, c): self.table.item(r, c).toolTip()
            for r in range(self.table.rowCount())
            for c in range(self.table.columnCount())
            if self.table.item(r, c).background().color() == WRONG
        }

    def _show_cell(self, row: int, col: int) -> None:
        item = self.table.item(row, col) if row >= 0 and col >= 0 else None
        if item is not None and item.toolTip():
            self.error.show_message(item.toolTip())

    def _show_problem(self, sentence: str) -> None:
        self.error.show_message(sentence)

    def _edited(self, item: QTableWidgetItem) -> None:
        """The clerk changed a marked cell: its sentence was about what was there
        before (Save checks again), like an edited field in any other form."""
        if self._marking or item.background().color() != WRONG:
            return
        self._marking = True
        item.setData(Qt.ItemDataRole.BackgroundRole, None)
        item.setToolTip("")
        self._marking = False
        self.error.clear_message()

    # --- saving ------------------------------------------------------------------------
    def _finish_editing(self) -> None:
        """Take the text of a cell still being edited (Ctrl+S from inside a cell)."""
        if self.table.state() != QAbstractItemView.State.EditingState:
            return
        # Moving the focus out of the editor makes the delegate commit and close it.
        self.table.setFocus()
        QApplication.sendPostedEvents()

    def submit(self) -> None:
        self._finish_editing()
        route = self.chosen_route()
        if route is None or not self.stops:
            self.error.show_message(self.tr("There is nothing to settle for this route and day."))
            return
        rows, wrong = self.read_rows()
        if wrong:
            self.mark(wrong)
            return
        if not self.offered:
            self.offered = True
            stops = self.stops
            offers = self.ops.read(self, lambda: settling.tail_cut_offers(stops, rows)) or {}
            if offers:
                self._offer(rows, offers)
                return
        rid, day = route.id, dates.picked_date(self.day)

        def post() -> Settled | SettleRejected:
            try:
                return settling.settle(rid, day, rows)
            except SettleRejected as err:
                return err

        result = self.ops.read(self, post, on_error=self.error.show_message)
        if isinstance(result, SettleRejected):
            self.mark(result.errors)
            self.error.show_message(f"{result} {self.error.text()}".strip())
            return
        if result is not None:
            self.ops.changed.emit()
            self.settled = result
            self.accept()

    def _offer(self, rows: list[SettleRow], offers: dict[int, int]) -> None:
        """Fill in the tail cuts offered; Save again posts them (or clear the cells)."""
        index = {s.customer.id: r for r, s in enumerate(self.stops)}
        for i, amount in offers.items():
            r = index[rows[i].customer_id]
            self.set_cell(r, "tail_cut", format_money(amount))
            self.table.item(r, COLUMN["tail_cut"]).setBackground(OFFERED)
        self.error.show_message(
            self.tr(
                "{n} stop(s) paid a little less than was due: the difference is filled in as a "
                "tail cut (抹零). Press Save again to post it, or clear the cell first."
            ).format(n=len(offers))
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settle a route day"))
        self.route_label.setText(self.tr("&Route:"))
        self.day_label.setText(self.tr("Route &day:"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Collected"),
                self.tr("How"),
                self.tr("Cheque no."),
                self.tr("Bank"),
                self.tr("Cheque due"),
                self.tr("Tail cut"),
                self.tr("New promise"),
                self.tr("Visit outcome"),
                self.tr("Reason"),
                self.tr("Note"),
            ]
        )
        assert self.ok_button is not None
        self.ok_button.setText(self.tr("Save (Ctrl+S)"))
        header = self.table.horizontalHeaderItem(COLUMN["promise_at"])
        if header is not None:
            header.setToolTip(self.tr("Date and time, such as 2026-12-04 10:00"))
