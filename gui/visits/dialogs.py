"""Log a visit: the outcome and, when no money came, why (the everyday answers first,
then the guide's 13 reasons). "Promised a date" goes on to the promise itself."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from gui import dates
from gui.form import FormDialog
from gui.operations import Operations
from gui.widgets import enum_data, relabel_enum_items
from models.collecting import visits
from models.ledger import people
from models.vocabulary.collecting_records import LateReason, Visit, VisitOutcome
from models.vocabulary.customer_records import Customer


class VisitDialog(FormDialog):
    def __init__(self, ops: Operations, customer: Customer, parent: QWidget | None = None) -> None:
        super().__init__(parent, guard_input=True)
        self.ops, self.customer = ops, customer
        self.saved: Visit | None = None
        self.customer_label = QLabel(f"<b>{customer.code} {customer.name}</b>")
        self.at = dates.datetime_edit()
        # No outcome until the clerk picks one: F6 then Enter must not log a 'paid' visit
        # when no money came.
        self.outcome = QComboBox()
        self.outcome.addItem("", None)
        for outcome in VisitOutcome:
            self.outcome.addItem(outcome.label, outcome)
        self.reason = QComboBox()
        self.reason.addItem("", None)
        for reason in LateReason:
            self.reason.addItem(reason.label, reason)
        self.rep = QComboBox()
        self.rep.addItem("", None)
        for rep in people.list_reps():
            self.rep.addItem(rep.name, rep.id)
        self.rep.setCurrentIndex(max(self.rep.findData(customer.rep_id), 0))
        self.note = QLineEdit()
        self.form.addRow(self.customer_label)
        for field in (self.at, self.outcome, self.reason, self.rep, self.note):
            self.row(field)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()
        self.ready(self.outcome)
        self.setMinimumWidth(460)

    def _outcome_changed(self) -> None:
        # A paid visit has no reason for late payment.
        self.reason.setEnabled(enum_data(self.outcome, VisitOutcome) is not VisitOutcome.PAID)
        if not self.reason.isEnabled():
            self.reason.setCurrentIndex(0)

    def submit(self) -> None:
        cid, at = self.customer.id, dates.picked_datetime(self.at)
        outcome = enum_data(self.outcome, VisitOutcome)
        if outcome is None:
            self.show_error(self.tr("Choose the outcome of the visit."), self.outcome)
            return
        reason = enum_data(self.reason, LateReason)
        rep_id, note = self.rep.currentData(), self.note.text()
        self.write_and_close(
            self.ops,
            lambda: visits.log_visit(cid, at, outcome, rep_id=rep_id, reason=reason, note=note),
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log a visit"))
        self.set_labels(
            (
                (self.at, self.tr("&When:")),
                (self.outcome, self.tr("&Outcome:")),
                (self.reason, self.tr("&Reason (no money came):")),
                (self.rep, self.tr("R&ep:")),
                (self.note, self.tr("&Note:")),
            )
        )
        relabel_enum_items(self.outcome, VisitOutcome)
        relabel_enum_items(self.reason, LateReason)
        self.outcome.setItemText(0, self.tr("— choose —"))
        self.reason.setItemText(0, self.tr("— choose —"))
