"""The credit stop in the delivery dialog: the reasons, and the boss's approval.

A delivery the model stops (models/ledger/credit_stop.py) shows its reasons in the
delivery dialog with one button: the boss approves and delivers in one click; anyone
else opens `BossApprovalDialog`, where the boss types their own name and password at
this keyboard. The rule and the check of the password are the model's.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from gui import formatting
from gui.form import Button, FormDialog
from gui.operations import Operations
from models.ledger import credit_stop
from models.vocabulary.aging_records import CreditApproval, CreditWarning
from models.vocabulary.customer_records import Customer


def stop_text(reasons: list[CreditWarning]) -> str:
    """The stop as the delivery dialog shows it: what it is, then each reason."""
    head = QCoreApplication.translate(
        "CreditStop", "Stopped: this delivery needs the boss's approval."
    )
    return "\n".join(["⚠ " + head] + ["⚠ " + r.message for r in reasons])


class BossApprovalDialog(FormDialog):
    """The boss approves one delivery at someone else's keyboard: their name and
    password (echo off), and a note. Enter approves, Esc cancels; a refusal stays here,
    under the fields. `approved` carries the approval once recorded."""

    approved = Signal(object)  # CreditApproval

    def __init__(
        self,
        ops: Operations,
        customer: Customer,
        amount: int,
        on: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, ok=Button.Ok)
        self.setObjectName("boss_approval_dialog")
        self.ops, self.customer, self.amount, self.on = ops, customer, amount, on
        self.approval: CreditApproval | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = QLineEdit()
        self.note.setMaxLength(credit_stop.MAX_NOTE)
        self.form.addRow(self.summary)
        for field in (self.name, self.password, self.note):
            self.row(field)
        self.ready(self.name)
        self.setMinimumWidth(440)

    def submit(self) -> None:
        name, password, note = self.name.text(), self.password.text(), self.note.text()
        cid, amount, on = self.customer.id, self.amount, self.on
        self.password.clear()  # kept no longer than this one try
        approval = self.ops.write(
            self,
            lambda: credit_stop.approve_as(name, password, cid, amount, note, on=on),
            on_error=lambda message: self.show_error(message, self.password),
        )
        if approval is None:
            return
        self.approval = approval
        self.accept()
        self.approved.emit(approval)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("The boss approves"))
        self.summary.setText(
            self.tr(
                "Deliver {amount} to {customer} on {date} though the credit stop refuses "
                "it: the boss types their own name and password here."
            ).format(
                amount=formatting.money(self.amount),
                customer=f"{self.customer.code} {self.customer.name}",
                date=formatting.date(self.on),
            )
        )
        self.set_labels(
            (
                (self.name, self.tr("Boss's &name:")),
                (self.password, self.tr("&Password:")),
                (self.note, self.tr("N&ote:")),
            )
        )
        self.note.setPlaceholderText(self.tr("optional, e.g. pays on Friday"))
        assert self.ok_button is not None
        self.ok_button.setText(self.tr("&Approve"))
