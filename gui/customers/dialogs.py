"""Add or change a customer, with validation shown inline as the clerk types."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from gui.form import Button, FormDialog
from gui.operations import Operations
from gui.widgets import AmountEdit, enum_data
from models.ledger import customers, people
from models.vocabulary.customer_records import Customer, CustomerDraft, Terms, TermsKind
from models.vocabulary.errors import ChangedMeanwhile, InputError, LedgerError

_TERMS_ORDER = (TermsKind.CASH, TermsKind.DAYS, TermsKind.MONTHLY, TermsKind.NEXT)


class CustomerDialog(FormDialog):
    """`customer` None adds a new one; `saved` holds the stored record after OK."""

    def __init__(
        self, ops: Operations, customer: Customer | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, ok=Button.Ok, guard_input=True)
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
        self._fill_people()
        # A ledger with no routes or reps yet: say where they are added, one key away.
        self.people_hint = QLabel()
        self.people_hint.setWordWrap(True)
        self.people_button = QPushButton()
        self.people_button.clicked.connect(self.open_people)
        self.people_dialog: QWidget | None = None
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
        # Shown when another clerk saved this customer while this form was open.
        self.reload_button = QPushButton()
        self.reload_button.clicked.connect(self.reload_customer)
        self.reload_button.hide()

        self.terms_row = QHBoxLayout()
        self.terms_row.addWidget(self.terms, 1)
        self.terms_row.addWidget(self.days)
        for field in (self.code, self.name, self.contact, self.phones, self.address):
            self.row(field)
        for field in (self.payer, self.route, self.rep):
            self.row(field)
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.people_hint, 1)
        hint_row.addWidget(self.people_button)
        self.form.addRow(hint_row)
        for field in (self.terms_row, self.credit_limit, self.notes, self.archived):
            self.row(field)
        self.form.addRow(self.reload_button)

        if customer is not None:
            self._load(customer)
        self.terms.currentIndexChanged.connect(self._terms_changed)
        self._terms_changed()
        self._show_people_hint()
        self.ready()
        # After ready(): the edit clears the old sentence, then the check says the new one.
        for edit in (self.code, self.name, self.credit_limit):
            edit.textChanged.connect(self._check)
        self.resize(520, self.sizeHint().height())

    def _fill_people(self) -> None:
        """The active routes and reps; the customer's own stay even when deactivated."""
        chosen_route, chosen_rep = self.route.currentData(), self.rep.currentData()
        self.route.clear()
        self.rep.clear()
        self.route.addItem("", None)
        for route in people.list_routes():
            self.route.addItem(route.name, route.id)
        self.rep.addItem("", None)
        for rep in people.list_reps():
            self.rep.addItem(rep.name, rep.id)
        c = self.customer
        if c is not None and c.route_id is not None and self.route.findData(c.route_id) < 0:
            self.route.addItem(c.route_name, c.route_id)
        if c is not None and c.rep_id is not None and self.rep.findData(c.rep_id) < 0:
            self.rep.addItem(c.rep_name, c.rep_id)
        self.route.setCurrentIndex(max(self.route.findData(chosen_route), 0))
        self.rep.setCurrentIndex(max(self.rep.findData(chosen_rep), 0))

    def _show_people_hint(self) -> None:
        empty = self.route.count() <= 1 or self.rep.count() <= 1
        self.people_hint.setVisible(empty)
        self.people_button.setVisible(empty)

    def open_people(self) -> QWidget:
        from gui.settings.people import PeopleDialog

        dialog = PeopleDialog(self.ops, self)
        dialog.finished.connect(lambda _code: (self._fill_people(), self._show_people_hint()))
        dialog.open()
        self.people_dialog = dialog
        return dialog

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

    def submit(self) -> None:
        try:
            draft = self.draft()
        except InputError as err:
            self.show_error(err, self.credit_limit)
            return
        archived = self.archived.isChecked()
        existing = self.customer
        refused: list[ChangedMeanwhile] = []

        def write() -> Customer:
            if existing is None:
                return customers.add_customer(draft)
            try:
                # The version this form was filled from: a save made since by someone
                # else is refused, never overwritten.
                return customers.update_customer(
                    existing.id, draft, version=existing.version, archived=archived
                )
            except ChangedMeanwhile as err:
                refused.append(err)
                raise

        self.write_and_close(self.ops, write)
        if refused:
            self.reload_button.show()
            self.reload_button.setFocus()

    def reload_customer(self) -> None:
        """Fill the form again from the customer as saved now (what was typed is
        dropped: the message asked to make the change again)."""
        if self.customer is None:
            return
        cid = self.customer.id
        fresh = self.ops.read(self, lambda: customers.get_customer(cid), on_error=self.show_error)
        if fresh is None:
            return
        self.customer = fresh
        self._fill_people()
        self._load(fresh)
        self.reload_button.hide()
        self.error.show_message("")
        if self.input_snapshot is not None:
            self.input_snapshot.take()  # the reloaded customer is the form's new start
        self.code.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("New customer") if self.customer is None else self.tr("Edit customer")
        )
        self.people_hint.setText(
            self.tr("Routes and reps are added in Settings → Reps and routes.")
        )
        self.people_button.setText(self.tr("Reps and &routes…"))
        # By field, not by row: the hint row has no label (counting rows put every label
        # from Terms on one row too high).
        self.set_labels(
            (
                (self.code, self.tr("&Code:")),
                (self.name, self.tr("&Name:")),
                (self.contact, self.tr("Contact per&son:")),
                (self.phones, self.tr("&Phones:")),
                (self.address, self.tr("&Address:")),
                (self.payer, self.tr("Who pays when the &boss is out:")),
                (self.route, self.tr("&Route:")),
                (self.rep, self.tr("R&ep:")),
                (self.terms_row, self.tr("&Terms:")),
                (self.credit_limit, self.tr("Credit &limit:")),
                (self.notes, self.tr("N&otes:")),
                (self.archived, ""),
            )
        )
        self.code.setPlaceholderText(self.tr("e.g. C0001"))
        self.phones.setPlaceholderText(self.tr("Several separated by commas"))
        self.credit_limit.setPlaceholderText(self.tr("Blank: no limit agreed"))
        self.days.setSuffix(self.tr(" days"))
        self.terms.setItemText(0, self.tr("Cash on delivery"))
        self.terms.setItemText(1, self.tr("N days"))
        self.terms.setItemText(2, self.tr("Monthly settlement"))
        self.terms.setItemText(3, self.tr("Pay previous batch on next delivery"))
        self.archived.setText(self.tr("Arc&hived (hidden from daily lists; the ledger stays)"))
        self.reload_button.setText(self.tr("Reloa&d the customer as saved now"))
