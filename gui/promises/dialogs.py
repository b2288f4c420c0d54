"""'Can't pay today': agree a clearance date (约定清款), or give a broken promise a new
one. The IOU note is printed right after saving (the caller opens the preview)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from gui import colours, dates, formatting
from gui.form import FormDialog
from gui.operations import Operations
from gui.widgets import AmountEdit, CapitalsLabel, enum_data, relabel_enum_items
from models.ledger import people, promises
from models.vocabulary import clock
from models.vocabulary.collecting_records import Promise, PromiseStatus, Visit
from models.vocabulary.customer_records import Customer
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.money import format_money


def default_due(now: dt.datetime) -> dt.datetime:
    """Two days ahead at 10:00: the guide's 'can you pay within two days?' (§2(14))."""
    return dt.datetime.combine(now.date() + dt.timedelta(days=2), dt.time(10, 0))


class PromiseDialog(FormDialog):
    """Record a promise (amount defaults to the balance) or reschedule `replaces`."""

    def __init__(
        self,
        ops: Operations,
        customer: Customer,
        balance: int,
        *,
        replaces: Promise | None = None,
        visit: Visit | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, guard_input=True)
        self.ops, self.customer, self.replaces = ops, customer, replaces
        self.visit = visit  # the visit where it was promised: its date, its rep
        self.saved: Promise | None = None

        self.customer_label = QLabel(
            f"<b>{customer.code} {customer.name}</b> · {formatting.balance(balance)}"
        )
        self.amount = AmountEdit()
        # Promises still open cover part of the balance: promise only the rest, and say
        # so (saving stays possible: the customer may promise it again).
        self.open_promises = [
            p
            for p in promises.promises_for(customer.id)
            if p.status is PromiseStatus.OPEN and (replaces is None or p.id != replaces.id)
        ]
        self.open_note = QLabel()
        self.open_note.setWordWrap(True)
        self.open_note.setStyleSheet(colours.css(colours.warning(self.palette())))
        if replaces is not None:
            default = replaces.amount - replaces.paid
        else:
            default = balance - promises.open_promised(customer.id)
        if default > 0:
            self.amount.set_fen(default)
        self.capitals = CapitalsLabel()
        self.capitals.show_fen(self.amount.value())
        self.due_at = dates.datetime_edit(moment=default_due(visit.at if visit else clock.now()))
        self.method = QComboBox()
        self.method.addItem("", None)
        for method in (
            PaymentMethod.CASH,
            PaymentMethod.CHEQUE,
            PaymentMethod.DRAFT,
            PaymentMethod.TRANSFER,
            PaymentMethod.WECHAT,
            PaymentMethod.ALIPAY,
        ):
            self.method.addItem(method.label, method)
        if replaces and replaces.method:
            self.method.setCurrentIndex(self.method.findData(replaces.method))
        self.payer = QLineEdit(replaces.payer if replaces else customer.payer)
        self.rep = QComboBox()
        self.rep.addItem("", None)
        for rep in people.list_reps():
            self.rep.addItem(rep.name, rep.id)
        rep_id = visit.rep_id if visit is not None and visit.rep_id else customer.rep_id
        self.rep.setCurrentIndex(max(self.rep.findData(rep_id), 0))
        self.rep.setEnabled(replaces is None)  # a new date keeps the rep of the promise
        self.note = QLineEdit()
        if visit is not None:
            self.note.setText(
                self.tr("Promised on the visit of {when}").format(
                    when=formatting.datetime(visit.at)
                )
            )
        self.print_iou = QCheckBox()
        self.print_iou.setChecked(True)

        self.form.addRow(self.customer_label)
        self.row(self.amount)
        self.row(self.capitals)
        self.form.addRow(self.open_note)  # right under the amount it explains
        self.form.setRowVisible(self.open_note, bool(self.open_promises))
        for field in (self.due_at, self.method, self.payer, self.rep, self.note):
            self.row(field)
        self.row(self.print_iou)
        self.amount.amount_changed.connect(self._amount_changed)
        self.ready(self.amount)
        self.amount.selectAll()
        self.setMinimumWidth(480)

    def _amount_changed(self, fen: int | None) -> None:
        self.capitals.show_fen(fen)
        self.error.show_message(self.amount.problem if self.amount.text().strip() else "")

    def submit(self) -> None:
        amount = self.amount_of(self.amount)
        if amount is None:
            return
        due_at = dates.picked_datetime(self.due_at)
        method = enum_data(self.method, PaymentMethod)
        payer, note = self.payer.text(), self.note.text()
        if self.replaces is not None:
            old_id = self.replaces.id

            def write() -> Promise:
                return promises.reschedule(
                    old_id, due_at, amount=amount, method=method, payer=payer, note=note
                )
        else:
            cid, rep_id = self.customer.id, self.rep.currentData()

            def write() -> Promise:
                return promises.make_promise(
                    cid, amount, due_at, method=method, payer=payer, rep_id=rep_id, note=note
                )

        self.write_and_close(self.ops, write)

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("New date for a promise") if self.replaces else self.tr("Promise to pay")
        )
        self.set_labels(
            (
                (self.amount, self.tr("&Amount:")),
                (self.capitals, self.tr("In words:")),
                (self.due_at, self.tr("&Clear by:")),
                (self.method, self.tr("Expected &method:")),
                (self.payer, self.tr("&Who pays if the boss is out:")),
                (self.rep, self.tr("R&ep:")),
                (self.note, self.tr("&Note:")),
            )
        )
        self.open_note.setText(
            "\n".join(
                self.tr("Open promise {serial} already covers {amount} due {due}").format(
                    serial=p.serial,
                    amount=format_money(p.amount - p.paid, "¥"),
                    due=p.due_at.strftime("%m-%d %H:%M"),
                )
                for p in self.open_promises
            )
        )
        self.method.setItemText(0, self.tr("Not said"))
        relabel_enum_items(self.method, PaymentMethod)
        self.print_iou.setText(self.tr("&Print the IOU note now"))
