"""Add or change a customer, with validation shown inline as the clerk types."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.operations import Operations
from gui.widgets import AmountEdit, Dialog, ErrorLabel, add_row, enum_data
from models import customers, people
from models.errors import InputError, LedgerError
from models.records import Customer, CustomerDraft, Terms, TermsKind

_TERMS_ORDER = (TermsKind.CASH, TermsKind.DAYS, TermsKind.MONTHLY, TermsKind.NEXT)


class CustomerDialog(Dialog):
    """`customer` None adds a new one; `saved` holds the stored record after OK."""

    def __init__(
        self, ops: Operations, customer: Customer | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.customer = customer
        self.saved: Customer | None = None

        self.code = QLineEdit()
        self.name = QLineEdit()
        self.contact = QLineEdit()
        self.phones = QLineEdit()
        self.address = QLineEdit()
        self.payer = QLineEdit()
        self.route = QComboBox()
        self.rep = QComboBox()
        self.route.addItem("", None)
        for route in people.list_routes():
            self.route.addItem(route.name, route.id)
        self.rep.addItem("", None)
        for rep in people.list_reps():
            self.rep.addItem(rep.name, rep.id)
        self.terms = QComboBox()
        for _kind in _TERMS_ORDER:
            self.terms.addItem("", _kind)
        self.days = QSpinBox()
        self.days.setRange(1, customers.MAX_TERMS_DAYS)
        self.days.setValue(30)
        self.credit_limit = AmountEdit(allow_zero=True)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(self.fontMetrics().height() * 4)
        self.archived = QCheckBox()
        self.archived.setVisible(customer is not None)
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        terms_row = QHBoxLayout()
        terms_row.addWidget(self.terms, 1)
        terms_row.addWidget(self.days)
        self.form = QFormLayout()
        add_row(self.form, self.code)
        add_row(self.form, self.name)
        add_row(self.form, self.contact)
        add_row(self.form, self.phones)
        add_row(self.form, self.address)
        add_row(self.form, self.payer)
        add_row(self.form, self.route)
        add_row(self.form, self.rep)
        add_row(self.form, terms_row)
        add_row(self.form, self.credit_limit)
        add_row(self.form, self.notes)
        add_row(self.form, self.archived)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        if customer is not None:
            self._load(customer)
        for edit in (self.code, self.name, self.credit_limit):
            edit.textChanged.connect(self._check)
        self.terms.currentIndexChanged.connect(self._terms_changed)
        self._terms_changed()
        self.retranslate()
        self.resize(520, self.sizeHint().height())

    def _load(self, c: Customer) -> None:
        self.code.setText(c.code)
        self.name.setText(c.name)
        self.contact.setText(c.contact)
        self.phones.setText(c.phones)
        self.address.setText(c.address)
        self.payer.setText(c.payer)
        self.route.setCurrentIndex(max(self.route.findData(c.route_id), 0))
        self.rep.setCurrentIndex(max(self.rep.findData(c.rep_id), 0))
        self.terms.setCurrentIndex(_TERMS_ORDER.index(c.terms.kind))
        if c.terms.kind is TermsKind.DAYS:
            self.days.setValue(c.terms.days)
        self.credit_limit.set_fen(c.credit_limit)
        self.notes.setPlainText(c.notes)
        self.archived.setChecked(c.archived)

    def _terms_changed(self) -> None:
        self.days.setEnabled(enum_data(self.terms, TermsKind) is TermsKind.DAYS)

    def draft(self) -> CustomerDraft:
        """What was typed, as the model's draft; raises `InputError` for a bad limit."""
        limit = self.credit_limit.fen() if self.credit_limit.text().strip() else None
        kind = enum_data(self.terms, TermsKind) or TermsKind.CASH
        return CustomerDraft(
            code=self.code.text(),
            name=self.name.text(),
            contact=self.contact.text(),
            phones=self.phones.text(),
            address=self.address.text(),
            payer=self.payer.text(),
            route_id=self.route.currentData(),
            route_position=None,
            rep_id=self.rep.currentData(),
            terms=Terms(kind, self.days.value() if kind is TermsKind.DAYS else 0),
            credit_limit=limit,
            notes=self.notes.toPlainText(),
        )

    def _check(self) -> None:
        """Inline validation as the clerk types: the model says what is wrong."""
        try:
            customers.validate_draft(self.draft(), self.customer.id if self.customer else None)
        except LedgerError as err:
            self.error.show_message(str(err))
        else:
            self.error.show_message("")

    def save(self) -> None:
        try:
            draft = self.draft()
        except InputError as err:
            self.error.show_message(str(err))
            self.credit_limit.setFocus()
            return
        archived = self.archived.isChecked()
        existing = self.customer

        def write() -> Customer:
            if existing is None:
                return customers.add_customer(draft)
            saved = customers.update_customer(existing.id, draft)
            if archived != existing.archived:
                saved = customers.set_archived(existing.id, archived)
            return saved

        saved = self.ops.write(self, write, on_error=self.error.show_message)
        if saved is not None:
            self.saved = saved
            self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("New customer") if self.customer is None else self.tr("Edit customer")
        )
        labels = (
            self.tr("&Code:"),
            self.tr("&Name:"),
            self.tr("Contact per&son:"),
            self.tr("&Phones:"),
            self.tr("&Address:"),
            self.tr("Who pays when the &boss is out:"),
            self.tr("&Route:"),
            self.tr("R&ep:"),
            self.tr("&Terms:"),
            self.tr("Credit &limit:"),
            self.tr("N&otes:"),
            "",
        )
        for row, text in enumerate(labels):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label is not None and label.widget() is not None:
                label.widget().setText(text)
        self.code.setPlaceholderText(self.tr("e.g. C0001"))
        self.phones.setPlaceholderText(self.tr("Several separated by commas"))
        self.credit_limit.setPlaceholderText(self.tr("Blank: no limit agreed"))
        self.days.setSuffix(self.tr(" days"))
        self.terms.setItemText(0, self.tr("Cash on delivery"))
        self.terms.setItemText(1, self.tr("N days"))
        self.terms.setItemText(2, self.tr("Monthly settlement"))
        self.terms.setItemText(3, self.tr("Pay previous batch on next delivery"))
        self.archived.setText(self.tr("Arc&hived (hidden from daily lists; the ledger stays)"))
