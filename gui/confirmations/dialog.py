"""Record a reply to a statement (对账回执): scan or type the number on the returned slip,
see whose statement it is and where it stands, then record 相符 (agreed) or 不符 (the
customer's amount, why, who handles it).

Made for a stack of slips and a desk scanner, which types the number and Enter: Enter
in the number field looks the statement up and moves to the answer (Agreed is chosen);
Enter again records it; the dialog stays open, cleared, with the focus back in the
number field for the next slip. Esc closes.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from gui import colours, formatting
from gui.form import Button, FormDialog
from gui.operations import Operations
from gui.widgets import AmountEdit, relabel_enum_items
from models.papers import confirmations
from models.papers.confirmation_reads import confirmation
from models.vocabulary import clock
from models.vocabulary.confirmation_records import (
    Confirmation,
    DisputeOutcome,
    StatementReply,
)


class ReplyDialog(FormDialog):
    """`recorded` lists the replies recorded while it was open (newest last)."""

    def __init__(self, ops: Operations, number: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent, ok=Button.Ok, cancel=Button.Close)
        self.ops = ops
        self.found: Confirmation | None = None
        self.looked_up = ""  # the text the shown statement was found by
        self.recorded: list[StatementReply] = []

        self.number = QLineEdit(number)
        self.number.setMaxLength(40)
        self.statement = QLabel()
        self.statement.setWordWrap(True)
        self.agreed = QRadioButton()
        self.disputed = QRadioButton()
        self.answer = QButtonGroup(self)
        # An open dispute is closed here too: its outcome, and the entry that settled it.
        self.outcome_choice = QRadioButton()
        self.answer.addButton(self.agreed)
        self.answer.addButton(self.disputed)
        self.answer.addButton(self.outcome_choice)
        self.agreed.setChecked(True)
        answers = QHBoxLayout()
        answers.addWidget(self.agreed)
        answers.addWidget(self.disputed)
        answers.addWidget(self.outcome_choice)
        answers.addStretch(1)
        self.answers_row = answers
        self.amount = AmountEdit(allow_negative=True, allow_zero=True)
        self.reason = QLineEdit()
        self.reason.setMaxLength(confirmations.REASON_MAX)
        self.handler = QLineEdit()
        self.handler.setMaxLength(confirmations.HANDLER_MAX)
        self.replace = QCheckBox()
        self.outcome = QComboBox()
        for outcome in DisputeOutcome:
            self.outcome.addItem(outcome.label, outcome.value)
        self.doc_no = QLineEdit()
        self.doc_no.setMaxLength(40)
        self.done_line = QLabel()
        self.done_line.setWordWrap(True)

        self.row(self.number)
        self.form.addRow(self.statement)
        self.row(answers)
        for field in (self.amount, self.reason, self.handler):
            self.row(field)
        self.form.addRow(self.replace)
        self.row(self.outcome)
        self.row(self.doc_no)
        self.body.addWidget(self.done_line)
        self.number.textEdited.connect(self._number_edited)
        self.disputed.toggled.connect(self._answer_changed)
        self.outcome_choice.toggled.connect(self._answer_changed)
        self._answer_changed()
        self._show_found()
        self.ready(self.number)
        self.setMinimumWidth(520)
        if number:
            self.look_up()

    # --- looking the statement up ----------------------------------------------------
    def _number_edited(self) -> None:
        if self.number.text().strip() != self.looked_up:
            self.found = None
            self._show_found()

    def look_up(self) -> bool:
        """Find the statement typed; show it, or say why not (focus stays)."""
        text = self.number.text().strip()
        found = self.ops.read(
            self,
            lambda: confirmation(text, clock.today()),
            on_error=lambda m: self.show_error(m, self.number),
        )
        self.found = found
        self.looked_up = text if found is not None else ""
        self._show_found()
        if found is not None:
            self.number.setText(found.statement.number)
            self.looked_up = found.statement.number
            (self.amount if self.disputed.isChecked() else self.agreed).setFocus()
        return found is not None

    def _show_found(self) -> None:
        c = self.found
        self.replace.setVisible(c is not None and c.reply is not None)
        self.replace.setChecked(False)
        open_dispute = c is not None and c.reply is not None and c.reply.is_open_dispute
        self.outcome_choice.setVisible(open_dispute)
        for field in (self.outcome, self.doc_no):
            self.form.setRowVisible(field, open_dispute)
        if not open_dispute and self.outcome_choice.isChecked():
            self.agreed.setChecked(True)
        if c is None:
            self.statement.setText(
                colours.span(
                    self.tr("Scan the slip, or type its number and press Enter."),
                    colours.muted(self.palette()),
                )  # fmt: skip
            )
            return
        ref = c.statement
        lines = [
            self.tr("<b>{code} {name}</b> · balance <b>{amount}</b> as of {date}").format(
                code=ref.customer_code,
                name=ref.customer_name,
                amount=formatting.balance(ref.balance),
                date=formatting.date(ref.period_to),
            ),
            self.tr("Printed {printed}, reply by {reply_by}: {state}").format(
                printed=formatting.date(ref.printed_on),
                reply_by=formatting.date(ref.reply_by),
                state=c.state.label,
            ),
        ]
        if c.reply is not None:
            lines.append(
                colours.span(
                    self.tr(
                        "Already answered ({who}, {when}): record again only to replace it."
                    ).format(
                        who=c.reply.recorded_by or "—",
                        when=formatting.datetime(c.reply.recorded_at),
                    ),
                    colours.warning(self.palette()),
                )  # fmt: skip
            )
        self.statement.setText("<br>".join(lines))
        if self.handler.text() == "" and c.reply is not None and c.reply.handler:
            self.handler.setPlaceholderText(c.reply.handler)

    def _answer_changed(self) -> None:
        if self.outcome_choice.isChecked():
            self.outcome.setFocus()
        disputed = self.disputed.isChecked()
        for field in (self.amount, self.reason, self.handler):
            field.setEnabled(disputed)
            label = self.label_of(field)
            if label is not None:
                label.setEnabled(disputed)
        if disputed and self.found is not None:
            self.amount.setFocus()

    # --- recording ----------------------------------------------------------------
    def submit(self) -> None:
        if self.found is None or self.number.text().strip() != self.looked_up:
            self.look_up()  # Enter after a scan: look it up first, record on the next
            return
        number, replace = self.found.statement.number, self.replace.isChecked()
        if self.outcome_choice.isChecked():
            outcome = DisputeOutcome(self.outcome.currentData())
            doc, note = self.doc_no.text(), ""

            def write() -> StatementReply:
                entry = confirmations.outcome_entry(number, outcome, doc)
                return confirmations.record_outcome(number, outcome, entry_id=entry, note=note)
        elif self.agreed.isChecked():

            def write() -> StatementReply:
                return confirmations.record_agreed(number, replace=replace)
        else:
            amount = self.amount_of(self.amount)
            if amount is None:
                return
            reason, handler = self.reason.text(), self.handler.text()

            def write() -> StatementReply:
                return confirmations.record_disputed(
                    number, amount, reason, handler or None, replace=replace
                )

        reply = self.ops.write(self, write, on_error=self.show_error)
        if reply is not None:
            self.recorded.append(reply)
            self._next_slip(reply)

    def _next_slip(self, reply: StatementReply) -> None:
        """Say what was recorded; clear the form for the next slip."""
        if reply.outcome is not None:
            done = self.tr("Recorded: the dispute on {number} is closed ({outcome}).")
        elif reply.agreed:
            done = self.tr("Recorded: {number} agreed ({code} {amount}).")
        else:
            done = self.tr("Recorded: {number} disputed ({code}, difference {diff}).")
        self.done_line.setText(
            done.format(
                number=reply.statement.number,
                code=reply.statement.customer_code,
                amount=formatting.money(reply.statement.balance),
                diff=formatting.money(reply.difference),
                outcome=reply.outcome.label if reply.outcome else "",
            )
        )
        self.found, self.looked_up = None, ""
        for field in (self.number, self.amount, self.reason, self.handler, self.doc_no):
            field.clear()
        self.agreed.setChecked(True)
        self._show_found()
        self.number.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Record a reply to a statement"))
        assert self.ok_button is not None
        self.ok_button.setText(self.tr("&Record"))
        self.number.setPlaceholderText(self.tr("DZ-000123"))
        self.agreed.setText(self.tr("&Agreed (相符)"))
        self.disputed.setText(self.tr("&Disputed (不符)"))
        self.replace.setText(self.tr("Re&place the earlier reply (it is kept as history)"))
        self.outcome_choice.setText(self.tr("Dispute &outcome"))
        relabel_enum_items(self.outcome, DisputeOutcome)
        self.handler.setPlaceholderText(self.tr("the customer's rep"))
        self.set_labels(
            (
                (self.number, self.tr("Statement &no.:")),
                (self.answers_row, self.tr("The customer:")),
                (self.amount, self.tr("Customer's a&mount:")),
                (self.reason, self.tr("R&eason:")),
                (self.handler, self.tr("&Handled by:")),
                (self.outcome, self.tr("Outcome:")),
                (self.doc_no, self.tr("Credit note or write-off n&umber:")),
            )
        )
        self._show_found()
