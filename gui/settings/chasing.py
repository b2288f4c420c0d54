"""The Chasing tab of Settings: each customer group's steps (day from the due date, what
to do, what to say), added, removed and moved with the keyboard. The model checks the
schedules on Save (models/ledger/chase_schedule.py); this page only edits them.

Keys: Alt+G the group, Alt+O its own schedule, the step table, Ctrl+Shift+N adds a step
(Ctrl+N is the window's), Ctrl+Del removes it, Ctrl+Up/Ctrl+Down move it; Alt+Y, Alt+W, Alt+I the
selected step's day, action and reminder.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.widgets import add_row, set_form_label
from models.ledger.chase_schedule import EARLIEST, LATEST, MAX_STEPS, Schedules
from models.vocabulary.chase_records import GROUP_KEYS, ChaseAction, ChaseStep, group_label

SHORTCUT = Qt.ShortcutContext.WidgetWithChildrenShortcut


class ChasingPage(QWidget):
    def __init__(self, schedules: Schedules, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Every group's steps as edited; a group not in `own` uses the default.
        self.steps: dict[str, list[ChaseStep]] = {
            k: list(schedules.get(k) or schedules[""]) for k in GROUP_KEYS
        }
        self.own = {k for k in GROUP_KEYS if k in schedules}
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.group = QComboBox()
        for key in GROUP_KEYS:
            self.group.addItem(group_label(key), key)
        self.group_label = QLabel()
        self.group_label.setBuddy(self.group)
        self.own_box = QCheckBox()
        self.group.currentIndexChanged.connect(self._show_group)
        self.own_box.toggled.connect(self._own_toggled)
        top = QHBoxLayout()
        top.addWidget(self.group_label)
        top.addWidget(self.group, 1)
        top.addWidget(self.own_box)

        self.table = QTableWidget(0, 3)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(150)
        self.table.currentCellChanged.connect(lambda *_a: self._load_step())

        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_step)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_step)
        self.up_button = QPushButton()
        self.up_button.clicked.connect(lambda: self.move_step(-1))
        self.down_button = QPushButton()
        self.down_button.clicked.connect(lambda: self.move_step(1))
        side = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            side.addWidget(button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addLayout(side)
        for keys, slot in (
            ("Ctrl+Shift+N", self.add_step),
            ("Ctrl+Del", self.remove_step),
            ("Ctrl+Up", lambda: self.move_step(-1)),
            ("Ctrl+Down", lambda: self.move_step(1)),
        ):
            QShortcut(QKeySequence(keys), self, slot, context=SHORTCUT)

        self.offset = QSpinBox()
        self.offset.setRange(EARLIEST, LATEST)
        self.action = QComboBox()
        for action in ChaseAction:
            self.action.addItem(action.label, action.value)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        self.editor = QFormLayout()
        add_row(self.editor, self.offset)
        add_row(self.editor, self.action)
        add_row(self.editor, self.text)
        self.offset.valueChanged.connect(self._store_step)
        self.action.currentIndexChanged.connect(self._store_step)
        self.text.textChanged.connect(self._store_step)

        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addLayout(self.editor)
        self._loading = False
        self.retranslate()
        self._show_group()

    # --- what is edited -----------------------------------------------------------
    def key(self) -> str:
        return self.group.currentData()

    def current_steps(self) -> list[ChaseStep]:
        key = self.key()
        return self.steps[key] if key in self.own or not key else self.steps[""]

    def schedules(self) -> Schedules:
        """The schedules as edited: the default and each group with its own."""
        return {k: tuple(v) for k, v in self.steps.items() if not k or k in self.own}

    def select_group(self, key: str) -> None:
        self.group.setCurrentIndex(self.group.findData(key))

    # --- showing ----------------------------------------------------------------------
    def _show_group(self) -> None:
        key = self.key()
        self._loading = True
        self.own_box.setVisible(bool(key))
        self.own_box.setChecked(key in self.own)
        self._loading = False
        editable = not key or key in self.own
        for w in (self.table, self.add_button, self.remove_button, self.up_button,
                  self.down_button, self.offset, self.action, self.text):  # fmt: skip
            w.setEnabled(editable)
        self._fill(0)

    def _fill(self, row: int) -> None:
        steps = self.current_steps()
        self._loading = True
        self.table.setRowCount(len(steps))
        for i in range(len(steps)):
            self._show_row(i)
        self._loading = False
        if steps:
            self.table.setCurrentCell(min(max(row, 0), len(steps) - 1), 0)
        self._load_step()

    def _show_row(self, row: int) -> None:
        step = self.current_steps()[row]
        day = QTableWidgetItem(self._day_text(step.offset))
        day.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, 0, day)
        self.table.setItem(row, 1, QTableWidgetItem(step.action.label))
        wording = step.text.replace("\n", " ") or self.tr("(built-in wording)")
        self.table.setItem(row, 2, QTableWidgetItem(wording))

    def _day_text(self, offset: int) -> str:
        if offset < 0:
            return self.tr("{n} days before").format(n=-offset)
        if offset == 0:
            return self.tr("on the due date")
        return self.tr("{n} days late").format(n=offset)

    def _load_step(self) -> None:
        if self._loading:
            return
        steps, row = self.current_steps(), self.table.currentRow()
        if not 0 <= row < len(steps):
            return
        self._loading = True
        step = steps[row]
        self.offset.setValue(step.offset)
        self.action.setCurrentIndex(self.action.findData(step.action.value))
        self.text.setPlainText(step.text)
        self._loading = False

    def _store_step(self) -> None:
        if self._loading:
            return
        steps, row = self.current_steps(), self.table.currentRow()
        if not 0 <= row < len(steps):
            return
        steps[row] = ChaseStep(
            self.offset.value(), ChaseAction(self.action.currentData()), self.text.toPlainText()
        )
        self._show_row(row)  # the editor keeps its cursor: only the row is redrawn

    # --- editing ----------------------------------------------------------------------
    def _own_toggled(self, on: bool) -> None:
        if self._loading:
            return
        key = self.key()
        if on:
            self.own.add(key)
            self.steps[key] = list(self.steps[""])  # start from the default
        else:
            self.own.discard(key)
        self._show_group()

    def add_step(self) -> None:
        steps = self.current_steps()
        if not self.table.isEnabled() or len(steps) >= MAX_STEPS:
            return
        last = steps[-1].offset if steps else -1
        steps.append(ChaseStep(min(last + 7, LATEST), ChaseAction.CALL))
        self._fill(len(steps) - 1)
        self.offset.setFocus()

    def remove_step(self) -> None:
        steps, row = self.current_steps(), self.table.currentRow()
        if self.table.isEnabled() and 0 <= row < len(steps):
            del steps[row]
            self._fill(row)

    def move_step(self, by: int) -> None:
        """Move the selected step up or down; the days stay, so Save checks the order."""
        steps, row = self.current_steps(), self.table.currentRow()
        target = row + by
        if self.table.isEnabled() and 0 <= row < len(steps) and 0 <= target < len(steps):
            steps[row], steps[target] = steps[target], steps[row]
            self._fill(target)

    # --- words ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.hint.setText(
            self.tr(
                "Each step falls on a day counted from the due date of the customer's oldest "
                "open debt and appears on Today and the call list that day. A promise pauses "
                "the steps until its date; a broken one moves on to the next step. Groups "
                "without their own schedule use the default."
            )
        )
        self.group_label.setText(self.tr("Customer &group (terms):"))
        self.own_box.setText(self.tr("&Own schedule"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Day"), self.tr("Action"), self.tr("Reminder")]
        )
        self.add_button.setText(self.tr("&Add step"))
        self.remove_button.setText(self.tr("Re&move"))
        self.up_button.setText(self.tr("Move &up"))
        self.down_button.setText(self.tr("Move dow&n"))
        set_form_label(self.editor, self.offset, self.tr("Da&y (from the due date):"))
        set_form_label(self.editor, self.action, self.tr("&What to do:"))
        set_form_label(self.editor, self.text, self.tr("Rem&inder:"))
        self.text.setPlaceholderText(
            self.tr(
                "Blank: the built-in wording. Placeholders: {customer} {company} {amount} "
                "{balance} {due_date} {date} {how_to_pay} {bank_account} {contact}"
            )
        )
        for i, key in enumerate(GROUP_KEYS):
            self.group.setItemText(i, group_label(key))
        for i, action in enumerate(ChaseAction):
            self.action.setItemText(i, action.label)
        self._fill(self.table.currentRow())
