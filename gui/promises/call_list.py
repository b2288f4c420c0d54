"""The call list: promises falling due on a day, with phone numbers, so the office can
phone the day before to confirm (§二9). Each line gets the answer (confirmed, wants a
new date, unreachable); a reminder is copied for WeChat; the list prints and exports.
Under it, the chasing steps due that day: Ctrl+D records one done, Ctrl+M (in that
table) gives what to say. Double-click or Enter opens the customer."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import dates, file_dialogs, formatting
from gui.operations import Operations
from gui.printing.documents import Printout, call_list_pdf
from gui.promises.chase_steps import ChaseStepsModel
from gui.promises.reminder import ReminderDialog
from gui.record_model import Column, RecordTableModel
from gui.widgets import Dialog, ErrorLabel
from models.collecting import calls, chasing, reminders
from models.collecting.calls import PromiseLine as Call
from models.storage.output_paths import OutputKind
from models.vocabulary import clock
from models.vocabulary.chase_records import ChaseLine
from models.vocabulary.collecting_records import CallOutcome


class CallListModel(RecordTableModel[Call]):
    context = "CallListModel"
    columns = (
        Column(
            QT_TRANSLATE_NOOP("CallListModel", "Time"),
            lambda c: c.promise.due_at.strftime("%H:%M"),
            lambda c: c.promise.due_at,
        ),
        Column(
            QT_TRANSLATE_NOOP("CallListModel", "Customer"),
            lambda c: f"{c.customer.code} {c.customer.name}",
            lambda c: c.customer.code,
        ),
        Column(
            QT_TRANSLATE_NOOP("CallListModel", "Phones"),
            lambda c: c.customer.phones,
            lambda c: c.customer.phones,
        ),
        Column(
            QT_TRANSLATE_NOOP("CallListModel", "Still to pay"),
            lambda c: formatting.money(c.outstanding),
            lambda c: c.outstanding,
            right=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("CallListModel", "Who pays"),
            lambda c: c.promise.payer,
            lambda c: c.promise.payer,
        ),
        Column(
            QT_TRANSLATE_NOOP("CallListModel", "Rep"),
            lambda c: c.promise.rep_name,
            lambda c: c.promise.rep_name,
        ),
        Column(
            QT_TRANSLATE_NOOP("CallListModel", "Answer"),
            lambda c: c.answer.outcome.label if c.answer else "",
            lambda c: c.answer.outcome.value if c.answer else "",
        ),
        Column(
            QT_TRANSLATE_NOOP("CallListModel", "IOU no."),
            lambda c: c.promise.serial,
            lambda c: c.promise.id,
        ),
    )


CUSTOMER = 1  # the column that stretches


def calls_on(day: dt.date) -> list[Call]:
    return calls.call_list(day)


class CallListDialog(Dialog):
    customer_chosen = Signal(int)
    new_date_requested = Signal(object)  # the Promise to reschedule
    printed = Signal(object)  # a Printout to preview

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.day = dates.date_edit(day=clock.today() + dt.timedelta(days=1))
        self.day.dateChanged.connect(self.reload)
        self.day_label = QLabel()
        self.day_label.setBuddy(self.day)
        self.summary = QLabel()
        self.model = CallListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # Every column as wide as its contents; the customer's name takes what is left.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CUSTOMER, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.activated.connect(self._open)
        self.table.doubleClicked.connect(self._open)
        self.steps_label = QLabel()
        self.steps_model = ChaseStepsModel(self)
        self.steps_table = QTableView()
        self.steps_table.setModel(self.steps_model)
        self.steps_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps_table.verticalHeader().setVisible(False)
        steps_header = self.steps_table.horizontalHeader()
        steps_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        steps_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        steps_header.setStretchLastSection(False)
        self.steps_label.setBuddy(self.steps_table)
        self.steps_table.activated.connect(self._open_step)
        self.steps_table.doubleClicked.connect(self._open_step)
        self.done_button = QPushButton()
        self.done_button.clicked.connect(self.step_done)
        QShortcut(QKeySequence("Ctrl+D"), self, self.done_button.click)
        self.today_button = QPushButton()
        self.today_button.clicked.connect(lambda: self.day.setDate(clock.today()))
        self.tomorrow_button = QPushButton()
        self.tomorrow_button.clicked.connect(
            lambda: self.day.setDate(clock.today() + dt.timedelta(days=1))
        )
        self.confirmed_button = QPushButton()
        self.confirmed_button.clicked.connect(lambda: self.answer(CallOutcome.CONFIRMED))
        self.new_date_button = QPushButton()
        self.new_date_button.clicked.connect(lambda: self.answer(CallOutcome.NEW_DATE))
        self.unreachable_button = QPushButton()
        self.unreachable_button.clicked.connect(lambda: self.answer(CallOutcome.UNREACHABLE))
        self.reminder_button = QPushButton()
        self.reminder_button.clicked.connect(self.reminder)
        # Shortcuts as well as mnemonics: the clerk ticks call after call from the list.
        for button, keys in (
            (self.confirmed_button, "Ctrl+1"),
            (self.new_date_button, "Ctrl+2"),
            (self.unreachable_button, "Ctrl+3"),
            (self.reminder_button, "Ctrl+M"),
        ):
            QShortcut(QKeySequence(keys), self, button.click)
        answers = QHBoxLayout()
        for button in (
            self.confirmed_button,
            self.new_date_button,
            self.unreachable_button,
            self.reminder_button,
            self.done_button,
        ):
            answers.addWidget(button)
        answers.addStretch(1)
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_list)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_button.click)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.day_label)
        top.addWidget(self.day)
        top.addWidget(self.today_button)
        top.addWidget(self.tomorrow_button)
        top.addStretch(1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.steps_label)
        layout.addWidget(self.steps_table, 1)
        layout.addLayout(answers)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # "Choose a promise first" is over once one is chosen.
        self.table.selectionModel().currentChanged.connect(self.error.clear_message)
        ops.changed.connect(self.reload)
        ops.others_changed.connect(self.reload)
        self.reload()
        self.retranslate()
        self.resize(860, 600)
        # The list has the keys, not the date: ↓ there turned 2026 into 2025.
        self.table.setFocus()

    def reload(self) -> None:
        day = dates.picked_date(self.day)
        row = max(self.table.currentIndex().row(), 0)
        self.model.set_rows(self.ops.read(self, lambda: calls_on(day)) or [])
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        steps = self.ops.read(self, lambda: chasing.chase_lines(day)) or []
        self.steps_model.set_rows([s for s in steps if not s.done])
        self._show_summary()

    def current_step(self) -> ChaseLine | None:
        """The chasing step chosen in its table, or None (with a message)."""
        index = self.steps_table.currentIndex()
        if not index.isValid():
            self.error.show_message(self.tr("Choose a chasing step in the list first."))
            return None
        self.error.clear_message()
        return self.steps_model.record_at(index.row())

    def step_done(self) -> None:
        """Record the chosen chasing step as done on the list's day."""
        step = self.current_step()
        if step is None:
            return
        cid, day = step.customer.id, dates.picked_date(self.day)
        self.ops.write(self, lambda: chasing.record_step_done(cid, day))

    def current(self) -> Call | None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.error.show_message(self.tr("Choose a promise in the list first."))
            return None
        self.error.clear_message()
        return self.model.record_at(index.row())

    def answer(self, outcome: CallOutcome) -> None:
        """Tick the call with the customer's answer; 'wants a new date' goes on to the
        reschedule."""
        call = self.current()
        if call is None:
            return
        pid = call.promise.id
        if self.ops.write(self, lambda: calls.record_call(pid, outcome)) is None:
            return
        if outcome is CallOutcome.NEW_DATE:
            self.new_date_requested.emit(call.promise)

    def reminder(self) -> ReminderDialog | None:
        # What to say for the chasing step: when its table has the keys, or holds the
        # only choice (no promise chosen).
        only_steps = not self.table.currentIndex().isValid()
        if self.steps_table.hasFocus() or (
            only_steps and self.steps_table.currentIndex().isValid()
        ):
            step = self.current_step()
            if step is None:
                return None
            cid, day = step.customer.id, dates.picked_date(self.day)
            dialog = ReminderDialog(self.ops, lambda lang: chasing.step_text(cid, day, lang), self)
            dialog.open()
            self.last_reminder = dialog
            return dialog
        call = self.current()
        if call is None:
            return None
        pid = call.promise.id
        dialog = ReminderDialog(self.ops, lambda lang: reminders.promise_reminder(pid, lang), self)
        dialog.open()
        self.last_reminder = dialog
        return dialog

    def print_list(self) -> Printout | None:
        day = dates.picked_date(self.day)
        made = self.ops.read(self, lambda: call_list_pdf(day), on_error=self.error.show_message)
        if made is not None:
            self.printed.emit(made)
        return made

    def export(self, path: str | None = None) -> None:
        from reports.documents.calllist import export_call_list

        if path is None:
            path = file_dialogs.choose_output(
                self,
                self.tr("Export the call list"),
                "calls.xlsx",
                "Excel (*.xlsx);;CSV (*.csv)",
                OutputKind.SPREADSHEET,
            )
        if path:
            rows = self.model.records()
            self.ops.read(
                self, lambda: export_call_list(rows, path), on_error=self.error.show_message
            )

    def _show_summary(self) -> None:
        total = sum(c.outstanding for c in self.model.records())
        n = self.model.rowCount()
        # Two strings, not Qt's %n plural: that needs an English .qm for "1 promise".
        text = (
            self.tr("1 promise · {amount} to collect")
            if n == 1
            else self.tr("{n} promises · {amount} to collect")
        )
        self.summary.setText(text.format(n=n, amount=formatting.money(total)))

    def _open_step(self, index: QModelIndex) -> None:
        if index.isValid():
            self.customer_chosen.emit(self.steps_model.record_at(index.row()).customer.id)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.customer_chosen.emit(self.model.record_at(index.row()).customer.id)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Call list: promises falling due"))
        self.day_label.setText(self.tr("Promises due on &day:"))
        self.today_button.setText(self.tr("T&oday"))
        self.tomorrow_button.setText(self.tr("To&morrow"))
        self.confirmed_button.setText(self.tr("Confirmed (Ctrl+1)"))
        self.steps_label.setText(self.tr("C&hasing steps due that day (Ctrl+M what to say):"))
        self.done_button.setText(self.tr("Step done (Ctrl+D)"))
        self.new_date_button.setText(self.tr("Wants a new date… (Ctrl+2)"))
        self.unreachable_button.setText(self.tr("Unreachable (Ctrl+3)"))
        self.reminder_button.setText(self.tr("Reminder… (Ctrl+M)"))
        self.print_button.setText(self.tr("&Print…"))
        self.export_button.setText(self.tr("&Export…"))
        self.model.retranslate()
        self.steps_model.retranslate()
        self._show_summary()
