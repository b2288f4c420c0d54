"""Posting dialogs: delivery, payment, return, discount / tail cut, write-off, opening
balance. Keyboard-first: the amount has focus, Enter saves, Esc cancels."""

from __future__ import annotations

import uuid

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from gui import colours, dates, formatting
from gui.form import Button, FormDialog
from gui.operations import Operations
from gui.posting.credit_stop import BossApprovalDialog, stop_text
from gui.posting.lines import DeliveryLinesEditor
from gui.widgets import AmountEdit, CapitalsLabel, enum_data, relabel_enum_items
from models.ledger import cheque_status, credit, credit_stop, posting, users
from models.vocabulary.customer_records import Customer
from models.vocabulary.entry_records import Entry, EntryKind, Owed, PaymentMethod
from models.vocabulary.people_records import Action

# Money coming in (or credited) that can exceed what the customer owes.
CREDIT_KINDS = (EntryKind.PAYMENT, EntryKind.RETURN, EntryKind.DISCOUNT, EntryKind.WRITEOFF)


class PostingDialog(FormDialog):
    """One dialog for every kind of entry; `posted` holds the entry after saving."""

    def __init__(
        self, ops: Operations, customer: Customer, kind: EntryKind, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, guard_input=True)
        self.ops = ops
        self.customer = customer
        self.kind = kind
        self.posted: Entry | None = None
        # This post's id: saving again after a lost reply or a timeout returns the entry
        # the first save made instead of posting it twice.
        self.post_key = str(uuid.uuid4())
        self._warned_for: tuple[int, object] | None = None  # (amount, date) warned about
        self._typed_amount: int | None = None  # the total typed before itemising

        self.customer_label = QLabel(f"<b>{customer.code} {customer.name}</b>")
        self.date = dates.date_edit()
        self.amount = AmountEdit(allow_negative=kind is EntryKind.OPENING)
        self.capitals = CapitalsLabel()
        self.method = QComboBox()
        for method in PaymentMethod:
            self.method.addItem(method.label, method)
        self.doc_no = QLineEdit()
        self.memo = QLineEdit()
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(colours.css(colours.warning(self.palette())))
        self.warnings.hide()
        # The credit stop's one way through: the boss approves (models/ledger/credit_stop.py).
        self.approve_button = QPushButton()
        self.approve_button.clicked.connect(self.approve_and_deliver)
        # Enter keeps meaning Save (which stops again): approving is a choice, Alt+B.
        self.approve_button.setAutoDefault(False)
        self.approve_button.hide()
        self.boss_dialog: BossApprovalDialog | None = None
        self._approval: tuple[int, object, int] | None = None  # (amount, date, approval id)

        self.cheque_box = QGroupBox()
        self.cheque_no = QLineEdit()
        self.bank = QLineEdit()
        self.written_on = dates.date_edit()
        self.due_on = dates.date_edit()
        self.cheque_capitals = CapitalsLabel()
        self.cheque_form = QFormLayout(self.cheque_box)
        for field in (self.cheque_no, self.bank, self.written_on, self.due_on):
            self.row(field, self.cheque_form)
        self.row(self.cheque_capitals, self.cheque_form)

        # A tick box, and the lines editor only while it is ticked (no empty frame).
        self.lines_box = QCheckBox()
        self.lines = DeliveryLinesEditor()
        self.lines.setVisible(False)
        self.lines_box.toggled.connect(self._lines_toggled)
        self.lines.total_changed.connect(self._lines_total)
        self.lines_box.setVisible(kind is EntryKind.DELIVERY)

        # What is owed, and one key to take it all (payments only).
        self.owed_label = QLabel()
        self.full_button = QPushButton()
        self.full_button.clicked.connect(self.pay_in_full)
        self.promise_button = QPushButton()
        self.promise_button.clicked.connect(self.pay_the_promise)
        self.owed_row = QHBoxLayout()
        self.owed_row.addWidget(self.owed_label, 1)
        self.owed_row.addWidget(self.full_button)
        self.owed_row.addWidget(self.promise_button)
        self.owed: Owed | None = None
        if kind is EntryKind.PAYMENT:
            self.owed = ops.read(self, lambda: credit.owed(customer.id))
            # A QShortcut, not the button's own: setText() resets a button's shortcut.
            self.full_shortcut = QShortcut(QKeySequence("F9"), self, self.pay_in_full)

        self.form.addRow(self.customer_label)
        if self.owed is not None:
            self.form.addRow(self.owed_row)
        else:
            for widget in (self.owed_label, self.full_button, self.promise_button):
                widget.hide()
        for field in (self.date, self.amount, self.capitals, self.method, self.doc_no):
            self.row(field)
        self.row(self.memo)
        self.form.setRowVisible(self.method, kind is EntryKind.PAYMENT)
        for widget in (self.lines_box, self.lines, self.cheque_box, self.warnings):
            self.body.addWidget(widget)
        self.body.addWidget(self.approve_button)

        self.amount.amount_changed.connect(self._amount_changed)
        self.method.currentIndexChanged.connect(self._method_changed)
        self._method_changed()
        # The lines editor and its tick box show the lines' own problem.
        self.ready(self.amount, skip=(self.lines, self.lines_box))
        self.setMinimumWidth(480)

    def _amount_changed(self, fen: int | None) -> None:
        self.capitals.show_fen(fen)
        self.cheque_capitals.show_fen(fen)
        # Inline as-you-type check; the model's parser says what is wrong.
        text = self.amount.text().strip()
        self.error.show_message(self.amount.problem if text else "")

    def pay_in_full(self) -> None:
        """The whole balance (F9)."""
        if self.owed is not None and self.owed.balance > 0:
            self.amount.set_fen(self.owed.balance)
            self.amount.setFocus()

    def pay_the_promise(self) -> None:
        """What the customer's open promises still cover."""
        if self.owed is not None and self.owed.promised > 0:
            self.amount.set_fen(self.owed.promised)
            self.amount.setFocus()

    def _lines_toggled(self, on: bool) -> None:
        self.lines.setVisible(on)
        if on:
            # Keep what was typed: it becomes the first line's total (1 × amount), and
            # comes back if the clerk changes their mind and unticks.
            self._typed_amount = self.amount.value()
        else:
            self.error.clear_message()  # a bad line no longer counts
        # With lines, the total is their sum: the clerk cannot type a different one.
        self.amount.setReadOnly(on)
        if on and self.lines.table.rowCount() == 0:
            typed = self._typed_amount
            self.lines.add_line(qty="1" if typed else "", price=formatting.money(typed))
        self.lines.recompute()
        if not on:
            self.amount.set_fen(self._typed_amount)
        self.adjustSize()

    def _lines_total(self, total: int | None) -> None:
        if not self.lines_box.isChecked():
            return
        if total is None:
            self.error.show_message(self.lines.problem)
            return
        self.error.show_message("")
        self.amount.set_fen(total or None)

    def _method_changed(self) -> None:
        method = enum_data(self.method, PaymentMethod)
        self.cheque_box.setVisible(
            self.kind is EntryKind.PAYMENT and method is not None and method.is_instrument
        )
        self.adjustSize()

    def submit(self) -> None:
        amount = self.amount_of(self.amount)
        if amount is None:
            return
        on = dates.picked_date(self.date)
        if self.kind in CREDIT_KINDS and self._warned_for != (amount, on):
            # More than is owed: say by how much and that the rest becomes credit; Save
            # again posts it.
            found = self.ops.read(
                self,
                lambda: credit.check_credit_note(self.customer.id, amount, on),
                on_error=self.show_error,
            )
            if found is not None:
                self._warned_for = (amount, on)
                self.warnings.setText(
                    "⚠ " + found.message + "\n" + self.tr("Press Save again to post it anyway.")
                )
                self.warnings.show()
                return
        if self.kind is EntryKind.DELIVERY and self._stopped(amount, on):
            return
        if self.kind is EntryKind.DELIVERY and self._warned_for != (amount, on):
            # The credit check (先小人后君子): show the warnings once; Save again posts.
            found = self.ops.read(
                self,
                lambda: credit.check_delivery(self.customer.id, amount, on),
                on_error=self.show_error,
            )
            if found:
                self._warned_for = (amount, on)
                self.warnings.setText(
                    "\n".join(
                        ["⚠ " + w.message for w in found]
                        + [self.tr("Press Save again to deliver anyway.")]
                    )
                )
                self.warnings.show()
                return
        entry = self.ops.write(self, lambda: self._post(amount, on), on_error=self.show_error)
        if entry is not None:
            self.posted = entry
            self.accept()

    def _stopped(self, amount: int, on) -> bool:  # type: ignore[no-untyped-def]
        """The credit stop: its reasons (and the other warnings) with the boss's button;
        Save again does not get past it. False when nothing stops the delivery."""
        cid = self.customer.id
        reasons = self.ops.read(
            self, lambda: credit_stop.stop_reasons(cid, amount, on), on_error=self.show_error
        )
        if reasons is None:
            return True  # the read failed: its message is shown
        self.approve_button.setVisible(bool(reasons))
        if not reasons:
            return False
        stops = {r.kind for r in reasons}
        others = self.ops.read(self, lambda: credit.check_delivery(cid, amount, on)) or []
        extra = ["⚠ " + w.message for w in others if w.kind not in stops]
        self.warnings.setText("\n".join([stop_text(reasons), *extra]))
        self.warnings.show()
        return True

    def approve_and_deliver(self) -> None:
        """The stop's button: the boss approves here and now (one click), or, for anyone
        else, the boss types their name and password in a small dialog; then it posts."""
        amount = self.amount_of(self.amount)
        if amount is None:
            return
        on, cid = dates.picked_date(self.date), self.customer.id
        if self._approval is not None and self._approval[:2] == (amount, on):
            self._deliver(amount, on, self._approval[2])  # approved already, not posted
            return
        if not users.may(Action.CREDIT_OVERRIDE):
            self.boss_dialog = BossApprovalDialog(self.ops, self.customer, amount, on, self)
            self.boss_dialog.approved.connect(lambda a: self._approved(amount, on, a.id))
            self.boss_dialog.open()
            return
        approval = self.ops.write(
            self, lambda: credit_stop.approve(cid, amount, on=on), on_error=self.show_error
        )
        if approval is not None:
            self._approved(amount, on, approval.id)

    def _approved(self, amount: int, on, approval: int) -> None:  # type: ignore[no-untyped-def]
        self._approval = (amount, on, approval)
        self._deliver(amount, on, approval)

    def _deliver(self, amount: int, on, approval: int) -> None:  # type: ignore[no-untyped-def]
        entry = self.ops.write(
            self, lambda: self._post(amount, on, approval), on_error=self.show_error
        )
        if entry is not None:
            self.posted = entry
            self.accept()

    def _post(self, amount: int, on, approval: int | None = None) -> Entry:  # type: ignore[no-untyped-def]
        cid, doc, memo = self.customer.id, self.doc_no.text(), self.memo.text()
        key = self.post_key
        if self.kind is EntryKind.DELIVERY:
            lines = self.lines.lines() if self.lines_box.isChecked() else ()
            return posting.post_delivery(
                cid, on, amount, doc_no=doc, memo=memo, lines=lines, post_key=key,
                approval=approval,
            )  # fmt: skip
        if self.kind is EntryKind.PAYMENT:
            method = enum_data(self.method, PaymentMethod)
            assert method is not None
            extra = {}
            if method.is_instrument:
                extra = {
                    "cheque_no": self.cheque_no.text(),
                    "bank": self.bank.text(),
                    "written_on": dates.picked_date(self.written_on),
                    "due_on": dates.picked_date(self.due_on),
                }
            return posting.post_payment(
                cid, on, amount, method, doc_no=doc, memo=memo, post_key=key, **extra
            )
        if self.kind is EntryKind.RETURN:
            return posting.post_return(cid, on, amount, doc_no=doc, memo=memo, post_key=key)
        if self.kind is EntryKind.DISCOUNT:
            return posting.post_discount(cid, on, amount, doc_no=doc, memo=memo, post_key=key)
        if self.kind is EntryKind.WRITEOFF:
            return posting.post_writeoff(cid, on, amount, doc_no=doc, memo=memo, post_key=key)
        return posting.post_opening(cid, on, amount, doc_no=doc, memo=memo, post_key=key)

    def retranslate(self) -> None:
        titles = {
            EntryKind.DELIVERY: self.tr("Delivery on credit"),
            EntryKind.PAYMENT: self.tr("Payment received"),
            EntryKind.RETURN: self.tr("Goods returned"),
            EntryKind.DISCOUNT: self.tr("Discount / tail cut"),
            EntryKind.WRITEOFF: self.tr("Write off a bad debt"),
            EntryKind.OPENING: self.tr("Opening balance"),
        }
        doc_labels = {
            EntryKind.DELIVERY: self.tr("Delivery &note no.:"),
            EntryKind.PAYMENT: self.tr("Receipt &no.:"),
            EntryKind.RETURN: self.tr("Return &note no.:"),
        }
        self.setWindowTitle(titles[self.kind])
        if self.owed is not None:
            self.owed_label.setText(
                self.tr("Owed: <b>{balance}</b> · open promises cover {promised}").format(
                    balance=formatting.balance(self.owed.balance),
                    promised=formatting.money(self.owed.promised),
                )
            )
            self.full_button.setText(self.tr("Pay in full (F9)"))
            self.promise_button.setText(self.tr("Pay the &promise"))
            self.full_button.setEnabled(self.owed.balance > 0)
            self.promise_button.setEnabled(self.owed.promised > 0)
        # The credit warnings were in the old language: Save checks (and warns) again.
        self._warned_for = None
        self.warnings.hide()
        self.approve_button.hide()
        self.approve_button.setText(
            self.tr("App&rove as boss and deliver")
            if users.may(Action.CREDIT_OVERRIDE)
            else self.tr("Boss app&roves…")
        )
        memo = self.tr("&Reason:") if self.kind is EntryKind.WRITEOFF else self.tr("M&emo:")
        self.set_labels(
            (
                (self.date, self.tr("&Date:")),
                (self.amount, self.tr("&Amount:")),
                (self.capitals, self.tr("In words:")),
                (self.method, self.tr("&Method:")),
                (self.doc_no, doc_labels.get(self.kind, self.tr("Document &no.:"))),
                (self.memo, memo),
            )
        )
        self.amount.setPlaceholderText(
            self.tr("Negative if the customer was in credit, e.g. -200.00")
            if self.kind is EntryKind.OPENING
            else self.tr("e.g. 1,234.50")
        )
        relabel_enum_items(self.method, PaymentMethod)
        self.cheque_box.setTitle(self.tr("Cheque or draft"))
        self.lines_box.setText(self.tr("&Itemise the delivery (optional)"))
        self.set_labels(
            (
                (self.cheque_no, self.tr("Cheque n&umber:")),
                (self.bank, self.tr("&Bank:")),
                (self.written_on, self.tr("&Written on:")),
                (self.due_on, self.tr("Due &on:")),
                (self.cheque_capitals, self.tr("Check the words:")),
            ),
            self.cheque_form,
        )
        self.cheque_capitals.setToolTip(
            self.tr("The amount in words on the cheque must match these capitals.")
        )


class VoidDialog(FormDialog):
    """Void an entry with a reason (entries are never deleted), or bounce a cheque."""

    def __init__(
        self, ops: Operations, entry: Entry, *, bounce: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, ok=Button.Ok, guard_input=True)
        self.ops, self.entry, self.bounce = ops, entry, bounce
        self.result_entry: Entry | None = None
        self.post_key = str(uuid.uuid4())  # voiding again after a lost reply: done once
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.reason = QLineEdit()
        self.form.addRow(self.summary)
        self.row(self.reason)
        self.ready(self.reason)
        self.setMinimumWidth(440)

    def submit(self) -> None:
        reason, entry_id, key = self.reason.text(), self.entry.id, self.post_key
        if self.bounce:
            done = self.ops.write(
                self,
                lambda: cheque_status.bounce_cheque(entry_id, reason),
                on_error=self.show_error,
            )
        else:
            done = self.ops.write(
                self, lambda: posting.void(entry_id, reason, post_key=key), on_error=self.show_error
            )
        if done is not None:
            self.result_entry = done
            self.accept()

    def retranslate(self) -> None:
        from gui import formatting

        e = self.entry
        self.setWindowTitle(self.tr("Bounce cheque") if self.bounce else self.tr("Void entry"))
        self.summary.setText(
            self.tr("{kind} of {amount} on {date} {doc}").format(
                kind=e.kind.label,
                amount=formatting.money(e.amount),
                date=formatting.date(e.date),
                doc=e.doc_no,
            )
        )
        self.set_labels([(self.reason, self.tr("&Reason:"))])
        self.reason.setPlaceholderText(
            self.tr("e.g. bank returned it: insufficient funds")
            if self.bounce
            else self.tr("e.g. typed the wrong amount")
        )
        assert self.ok_button is not None
        self.ok_button.setText(self.tr("&Bounce") if self.bounce else self.tr("&Void"))
