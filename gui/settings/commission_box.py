"""Settings' commission tab: the age edges, the rate of each band (percents) and whether
tail cuts and write-offs are taken off (`models.ledger.commission_rules`)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLineEdit, QWidget

from gui.widgets import add_row, set_form_label
from models.ledger.commission_rules import (
    check_commission_rules,
    parse_edges,
    parse_rates,
    rates_text,
)
from models.vocabulary.commission_records import CommissionRules
from models.vocabulary.errors import InputError


class CommissionBox(QGroupBox):
    def __init__(self, rules: CommissionRules, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edges = QLineEdit(", ".join(str(e) for e in rules.edges))
        self.rates = QLineEdit(rates_text(rules.rates_bp))
        self.tail_cuts = QCheckBox()
        self.tail_cuts.setChecked(rules.deduct_tail_cuts)
        self.writeoffs = QCheckBox()
        self.writeoffs.setChecked(rules.deduct_writeoffs)
        self.form = QFormLayout(self)
        for field in (self.edges, self.rates, self.tail_cuts, self.writeoffs):
            add_row(self.form, field)
        self.retranslate()

    def rules(self) -> tuple[CommissionRules | None, str, QWidget]:
        """The rules typed, or None with the model's message and the field to fix."""
        try:
            edges = parse_edges(self.edges.text())
        except InputError as err:
            return None, str(err), self.edges
        try:
            rates = parse_rates(self.rates.text())
            rules = CommissionRules(
                edges, rates, self.tail_cuts.isChecked(), self.writeoffs.isChecked()
            )
            return check_commission_rules(rules), "", self.rates
        except InputError as err:
            return None, str(err), self.rates

    def retranslate(self) -> None:
        self.setTitle(self.tr("Commission"))
        set_form_label(self.form, self.edges, self.tr("Commission age e&dges (days):"))
        set_form_label(self.form, self.rates, self.tr("&Rates per band (%):"))
        self.rates.setPlaceholderText(
            self.tr("One more than the edges, youngest first: 1.0, 0.5, 0.2")
        )
        self.tail_cuts.setText(self.tr("Take &tail cuts (抹零) off the commission"))
        self.writeoffs.setText(self.tr("Take &write-offs off the commission"))
