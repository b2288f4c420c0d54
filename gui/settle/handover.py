"""The evening hand-over summary: what each rep collected, by method, with every
cheque's number, printable and exportable. Shown after a route is settled."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import file_dialogs, formatting
from gui.operations import Operations
from gui.printing.documents import Printout, handover_pdf
from gui.widgets import Dialog, ErrorLabel
from models.collecting.handover import Handover, handover
from models.collecting.settling import Settled
from models.storage.output_paths import OutputKind
from models.vocabulary.entry_records import PaymentMethod

AMOUNT = 4  # the table's amount column


class HandoverDialog(Dialog):
    printed = Signal(object)  # a Printout to preview

    def __init__(
        self,
        ops: Operations,
        day: dt.date,
        route_id: int | None,
        settled: Settled | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops, self.day, self.route_id, self.settled = ops, day, route_id, settled
        self.posted = QLabel()
        self.posted.setWordWrap(True)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_summary)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.posted)
        layout.addWidget(self.totals)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.summary: Handover | None = ops.read(self, lambda: handover(day, route_id))
        self.retranslate()
        self.resize(860, 520)

    def _fill(self) -> None:
        h = self.summary
        if h is None:
            return
        rows = [
            (p.rep_name or "—", p.method.label if p.method else "", p.customer,
             " / ".join(x for x in (p.cheque_no, p.bank, str(p.due_on or "")) if x),
             formatting.money(p.amount))
            for p in h.payments
        ]  # fmt: skip
        rows += [
            (rep or "—", method.label, self.tr("Subtotal ({n})").format(n=n), "",
             formatting.money(amount))
            for rep, method, n, amount in h.per_rep_and_method()
        ]  # fmt: skip
        self.table.setRowCount(len(rows))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == AMOUNT:  # amounts right-aligned, so the digits line up
                    item.setTextAlignment(right)
                self.table.setItem(r, c, item)
        cheques = h.by_method(PaymentMethod.CHEQUE) + h.by_method(PaymentMethod.DRAFT)
        self.totals.setText(
            self.tr(
                "Total {total} · cash to count {cash} · cheques and drafts {cheques} · "
                "tail cuts {cuts}"
            ).format(
                total=formatting.money(h.total),
                cash=formatting.money(h.by_method(PaymentMethod.CASH)),
                cheques=formatting.money(cheques),
                cuts=formatting.money(sum(c.amount for c in h.tail_cuts)),
            )
        )

    def print_summary(self) -> Printout | None:
        day, rid = self.day, self.route_id
        made = self.ops.read(self, lambda: handover_pdf(day, rid), on_error=self.error.show_message)
        if made is not None:
            self.printed.emit(made)
        return made

    def export(self, path: str | None = None) -> None:
        from reports.documents.handover import export_handover

        if path is None:
            path = file_dialogs.choose_output(
                self,
                self.tr("Export the hand-over"),
                "handover.xlsx",
                "Excel (*.xlsx);;CSV (*.csv)",
                OutputKind.SPREADSHEET,
            )
        if path and self.summary is not None:
            h = self.summary
            self.ops.read(self, lambda: export_handover(h, path), on_error=self.error.show_message)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Hand-over summary {date}").format(date=self.day.isoformat()))
        s = self.settled
        if s is not None:
            self.posted.setText(
                self.tr(
                    "Posted: {payments} payment(s) of {amount}, {cuts} tail cut(s), "
                    "{promises} new promise(s), {visits} visit(s)."
                ).format(
                    payments=len(s.payments),
                    amount=formatting.money(s.collected),
                    cuts=len(s.tail_cuts),
                    promises=len(s.promises),
                    visits=len(s.visits),
                )
            )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Rep"), self.tr("How"), self.tr("Customer"),
             self.tr("Cheque no. / bank / due"), self.tr("Amount")]
        )  # fmt: skip
        header = self.table.horizontalHeaderItem(AMOUNT)
        if header is not None:
            header.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._fill()
        self.print_button.setText(self.tr("&Print…"))
        self.export_button.setText(self.tr("&Export…"))
