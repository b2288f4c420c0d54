"""Route → Settle… (回单录入): one grid, a row per stop on the day's route sheet, keyed
in when the rep is back. Keyboard first: Tab moves across, Enter moves down, every
cell opens for typing as it is reached; amounts are checked as they are typed.

Saving posts the whole grid in one transaction (`models.collecting.settling.settle`); when any
row is wrong nothing is posted and each wrong cell turns red with its sentence (also
shown below the grid when the cell is current). A collection a little under what was
due first gets its tail cut (抹零) filled in, to post with Save again or clear.
"""

from __future__ import annotations

import uuid
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from gui import dates, discard, formatting
from gui.form import FormDialog
from gui.operations import Operations
from gui.settle.cells import (
    AMOUNTS,
    COLUMN,
    DEFAULT_ROLE,
    ENUMS,
    FIELDS,
    AmountDelegate,
    ComboDelegate,
    SettleTable,
    set_tint,
    tint_of,
)
from gui.settle.marks import CellMarks
from gui.tints import Tint
from models.collecting import settling
from models.collecting.routesheets import route_for_day
from models.collecting.settling import Settled, SettleRejected, SettleRow, Shortfall
from models.ledger import people, settings
from models.vocabulary import clock
from models.vocabulary.collecting_records import RouteStop
from models.vocabulary.customer_records import Route
from models.vocabulary.errors import InputError
from models.vocabulary.money import Fen, format_money, parse_money
from models.vocabulary.parsing import parse_date, parse_datetime

__all__ = ["COLUMN", "SettleDialog"]
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
BOSS_ROLE = Qt.ItemDataRole.UserRole  # on a tail-cut cell: the boss allowed it over the limit


class SettleDialog(CellMarks, FormDialog):
    """`settled` holds what was posted once the dialog is accepted. Closing it, or
    choosing another route or day, while the grid holds input asks first."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        # Enter moves down the grid: Save is Ctrl+S (or the button), never the default.
        super().__init__(parent, enter_submits=False)
        self.ops = ops
        self.settled: Settled | None = None
        self.post_key = str(uuid.uuid4())  # saving again after a lost reply: posted once
        self._marking = False  # cells filled or coloured from code: not the clerk editing
        self.stops: list[RouteStop] = []
        self.offered = False
        company = ops.read(self, settings.get_company)
        self.limit: Fen = company.tail_cut_limit if company else 0
        self.symbol = company.currency_symbol if company else "¥"
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
        self.table.setWordWrap(True)
        for field, width in (("amount", 90), ("method", 76), ("cheque_no", 80), ("bank", 70),
                             ("cheque_due", 90), ("tail_cut", 64), ("left", 176),
                             ("promise_at", 124), ("promise_amount", 90), ("outcome", 96),
                             ("reason", 130)):  # fmt: skip
            self.table.setColumnWidth(COLUMN[field], width)
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.amounts = AmountDelegate(self.table)
        self.amounts.problem.connect(self._show_problem)
        for name in AMOUNTS:
            self.table.setItemDelegateForColumn(COLUMN[name], self.amounts)
        for name, enum in ENUMS.items():
            self.table.setItemDelegateForColumn(COLUMN[name], ComboDelegate(enum, self.table))
        self.table.currentCellChanged.connect(lambda r, c, _r, _c: self._show_cell(r, c))
        self.table.itemChanged.connect(self._edited)
        self.boss_button = QPushButton()
        self.boss_button.setAutoDefault(False)
        self.boss_button.clicked.connect(self.boss_allows_cut)
        self.footer.insertWidget(0, self.boss_button)
        self.footer.insertStretch(1)
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
            self._text(r, field)
            for r in range(self.table.rowCount())
            for field in FIELDS
            if field != "left"
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
        self._marking = True
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
            for field in AMOUNTS:  # amounts line up on the right, as everywhere
                self.table.item(r, COLUMN[field]).setTextAlignment(RIGHT)
            left = self.table.item(r, COLUMN["left"])
            left.setFlags(left.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self._marking = False
        for r in range(len(self.stops)):
            self._refresh_row(r)
        self.table.setVerticalHeaderLabels(labels)
        total = sum(settling.expected(s) for s in self.stops)
        self.summary.setText(
            self.tr("{n} stops · {amount} to collect").format(
                n=len(self.stops), amount=formatting.money(total)
            )
        )
        if self.stops:
            self.table.setCurrentCell(0, 0)
        self._show_boss_button()

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

    def _read_row(self, r: int) -> tuple[SettleRow | None, dict[str, str]]:
        """One row as typed, or the sentences of the cells that cannot be read."""
        bad: dict[str, str] = {}
        values: dict[str, object] = {}
        for field, parse in (
            ("amount", lambda t: parse_money(t, allow_zero=True)),
            ("tail_cut", lambda t: parse_money(t, allow_zero=True)),
            ("promise_amount", lambda t: parse_money(t, allow_zero=True)),
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
            return None, bad
        cut = self.table.item(r, COLUMN["tail_cut"])
        row = SettleRow(
            customer_id=self.stops[r].customer.id,
            amount=values.get("amount", 0),  # type: ignore[arg-type]
            method=self._value(r, "method"),  # type: ignore[arg-type]
            cheque_no=self._text(r, "cheque_no"),
            bank=self._text(r, "bank"),
            cheque_due=values.get("cheque_due"),  # type: ignore[arg-type]
            tail_cut=values.get("tail_cut", 0),  # type: ignore[arg-type]
            boss_allows_cut=bool(cut and cut.data(BOSS_ROLE)),
            promise_at=values.get("promise_at"),  # type: ignore[arg-type]
            promise_amount=values.get("promise_amount"),  # type: ignore[arg-type]
            outcome=self._value(r, "outcome"),  # type: ignore[arg-type]
            reason=self._value(r, "reason"),  # type: ignore[arg-type]
            note=self._text(r, "note"),
        )
        return row, {}

    def read_rows(self) -> tuple[list[SettleRow], dict[int, dict[str, str]]]:
        """The grid as rows, and the cells that cannot even be read (per row, field)."""
        rows, wrong = [], {}
        for r in range(len(self.stops)):
            row, bad = self._read_row(r)
            if row is None:
                wrong[r] = bad
            else:
                rows.append(row)
        return rows, wrong

    # --- what a row leaves owing ---------------------------------------------------------
    def shortfall(self, r: int) -> Shortfall | None:
        """What row `r` leaves owing as typed (None: no money in it, or unreadable)."""
        row, _bad = self._read_row(r)
        return settling.shortfall(self.stops[r], row, self.limit) if row else None

    def _refresh_row(self, r: int) -> None:
        """The row's note on what it leaves owing, and the promise's default amount."""
        row, _bad = self._read_row(r)
        short = settling.shortfall(self.stops[r], row, self.limit) if row else None
        self._marking = True
        note = self.table.item(r, COLUMN["left"])
        note.setText(short.note(self.symbol) if short else "")
        note.setToolTip(note.text())
        set_tint(note, Tint.NOTICE if short and short.over_limit else None, self.palette())
        promise = self.table.item(r, COLUMN["promise_amount"])
        owed = self.stops[r].balance - (row.amount + row.tail_cut if row else 0)
        shows = row is not None and row.promise_at is not None and owed > 0
        promise.setData(DEFAULT_ROLE, format_money(owed) if shows else None)
        self._marking = False
        self.table.resizeRowToContents(r)

    def _show_boss_button(self) -> None:
        r = self.table.currentRow()
        short = self.shortfall(r) if 0 <= r < len(self.stops) else None
        self.boss_button.setEnabled(bool(short and short.boss_may_allow))

    def boss_allows_cut(self) -> None:
        """The boss's override: the current row's shortfall over the tail-cut limit is
        filled in as a tail cut the boss allowed (the model checks it again on Save)."""
        self._finish_editing()
        r = self.table.currentRow()
        short = self.shortfall(r) if 0 <= r < len(self.stops) else None
        if short is None or not short.boss_may_allow:
            return
        self._marking = True
        cut = self.table.item(r, COLUMN["tail_cut"])
        cut.setText(format_money(short.boss_may_allow))
        cut.setData(BOSS_ROLE, True)
        set_tint(cut, Tint.OFFERED, self.palette())
        self._marking = False
        self._refresh_row(r)
        self._show_boss_button()

    def _edited(self, item: QTableWidgetItem) -> None:
        """The clerk changed a cell: a sentence about what was there before goes (Save
        checks again), like an edited field in any other form; a tail cut typed over
        is no longer the boss's; the row's note follows."""
        if self._marking:
            return
        self._marking = True
        if tint_of(item) is Tint.WRONG:
            set_tint(item, None, self.palette())
            item.setToolTip("")
            self.error.clear_message()
        if item.column() == COLUMN["tail_cut"] and item.data(BOSS_ROLE):
            item.setData(BOSS_ROLE, None)
            set_tint(item, None, self.palette())
        self._marking = False
        if item.column() in (COLUMN[f] for f in ("amount", "tail_cut", "promise_at")):
            self._refresh_row(item.row())
            self._show_boss_button()

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
            over = [r for r in range(len(stops)) if (s := self.shortfall(r)) and s.over_limit]
            if offers or over:
                self._offer(rows, offers, over)
                return
        rid, day, key = route.id, dates.picked_date(self.day), self.post_key

        def post() -> Settled | SettleRejected:
            try:
                return settling.settle(rid, day, rows, post_key=key)
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

    def _offer(self, rows: list[SettleRow], offers: dict[int, Fen], over: list[int]) -> None:
        """Fill in the tail cuts offered and point at the rows left owing over the
        limit; Save again posts the grid as it then stands."""
        index = {s.customer.id: r for r, s in enumerate(self.stops)}
        for i, amount in offers.items():
            r = index[rows[i].customer_id]
            self._marking = True
            cut = self.table.item(r, COLUMN["tail_cut"])
            cut.setText(format_money(amount))
            set_tint(cut, Tint.OFFERED, self.palette())
            self._marking = False
            self._refresh_row(r)
        sentences = []
        if offers:
            sentences.append(
                self.tr(
                    "{n} stop(s) paid a little less than was due: the difference is filled in "
                    "as a tail cut (抹零). Press Save again to post it, or clear the cell first."
                ).format(n=len(offers))
            )
        if over:
            sentences.append(
                self.tr(
                    "{n} stop(s) paid less than was due by more than the tail-cut limit: what "
                    "stays owing is noted in the row. Press Save again to post it so, or let "
                    "the boss allow the tail cut (Alt+B)."
                ).format(n=len(over))
            )
        self.error.show_message(" ".join(sentences))
        self._show_boss_button()

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
                self.tr("Left owing"),
                self.tr("New promise"),
                self.tr("Promised"),
                self.tr("Visit outcome"),
                self.tr("Reason"),
                self.tr("Note"),
            ]
        )
        assert self.ok_button is not None
        self.ok_button.setText(self.tr("Save (Ctrl+S)"))
        self.boss_button.setText(self.tr("&Boss allows the tail cut"))
        self.boss_button.setToolTip(
            self.tr(
                "The current row paid less than was due by more than the tail-cut limit: "
                "record the difference as a tail cut the boss allowed."
            )
        )
        header = self.table.horizontalHeaderItem(COLUMN["promise_at"])
        if header is not None:
            header.setToolTip(self.tr("Date and time, such as 2026-12-04 10:00"))
        header = self.table.horizontalHeaderItem(COLUMN["promise_amount"])
        if header is not None:
            header.setToolTip(
                self.tr("Empty: what is still owed after today's payment (shown in grey).")
            )
        for r in range(len(self.stops)):  # the notes come from the model, in its language
            self._refresh_row(r)
