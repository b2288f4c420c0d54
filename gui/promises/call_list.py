"""The call list: promises falling due on a day, with phone numbers, so the office can
phone the day before to confirm (§二9). Double-click or Enter opens the customer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import dates, formatting
from gui.operations import Operations
from gui.record_model import Column, RecordTableModel
from gui.widgets import Dialog
from models import clock, customers, promises
from models.records import Customer, Promise


@dataclass(frozen=True)
class Call:
    promise: Promise
    customer: Customer

    @property
    def outstanding(self) -> int:
        return self.promise.amount - self.promise.paid


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
            QT_TRANSLATE_NOOP("CallListModel", "IOU no."),
            lambda c: c.promise.serial,
            lambda c: c.promise.id,
        ),
    )


CUSTOMER = 1  # the column that stretches


def calls_on(day: dt.date) -> list[Call]:
    return [Call(p, customers.get_customer(p.customer_id)) for p in promises.promises_due_on(day)]


class CallListDialog(Dialog):
    customer_chosen = Signal(int)

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
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.day_label)
        top.addWidget(self.day)
        top.addStretch(1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        ops.changed.connect(self.reload)
        self.reload()
        self.retranslate()
        self.resize(860, 480)

    def reload(self) -> None:
        day = dates.picked_date(self.day)
        self.model.set_rows(self.ops.read(self, lambda: calls_on(day)) or [])
        self._show_summary()

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

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.customer_chosen.emit(self.model.record_at(index.row()).customer.id)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Call list: promises falling due"))
        self.day_label.setText(self.tr("Promises due on &day:"))
        self.model.retranslate()
        self._show_summary()
