"""Settings: company details, document language, paper size, PDF font, aging bucket
edges, and the UI language (applied on Save, so Cancel leaves the old one; nothing
typed elsewhere is lost)."""

from __future__ import annotations

import dataclasses
import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import language
from gui.operations import Operations
from gui.widgets import Dialog, ErrorLabel, add_row, clear_when_edited, set_form_label
from models import settings
from models.records import CompanySettings


class SettingsDialog(Dialog):
    language_chosen = Signal(str)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.company = ops.read(self, settings.get_company) or CompanySettings()
        c = self.company

        self.company_box = QGroupBox()
        self.name = QLineEdit(c.name)
        self.address = QLineEdit(c.address)
        self.phone = QLineEdit(c.phone)
        self.bank_account = QLineEdit(c.bank_account)
        self.company_form = QFormLayout(self.company_box)
        for field in (self.name, self.address, self.phone, self.bank_account):
            add_row(self.company_form, field)

        self.docs_box = QGroupBox()
        self.doc_language = QComboBox()
        self.doc_language.addItem("中文", "zh")
        self.doc_language.addItem("English", "en")
        self.doc_language.setCurrentIndex(max(self.doc_language.findData(c.doc_language), 0))
        self.paper = QComboBox()
        for size in ("A4", "A5", "Letter"):
            self.paper.addItem(size, size)
        self.paper.setCurrentIndex(max(self.paper.findData(c.paper_size), 0))
        self.font_path = QLineEdit(c.pdf_font_path)
        self.font_button = QPushButton()
        self.font_button.clicked.connect(self._choose_font)
        font_row = QHBoxLayout()
        font_row.addWidget(self.font_path, 1)
        font_row.addWidget(self.font_button)
        self.edges = QLineEdit(", ".join(str(e) for e in c.aging_edges))
        self.docs_form = QFormLayout(self.docs_box)
        add_row(self.docs_form, self.doc_language)
        add_row(self.docs_form, self.paper)
        add_row(self.docs_form, font_row)
        add_row(self.docs_form, self.edges)

        self.ui_box = QGroupBox()
        self.ui_language = QComboBox()
        self.ui_language.addItem("中文", "zh")
        self.ui_language.addItem("English", "en")
        self.ui_language.setCurrentIndex(self.ui_language.findData(language.current()))
        # Applied on Save with the rest: Cancel keeps the language the screen was in.
        self.ui_form = QFormLayout(self.ui_box)
        add_row(self.ui_form, self.ui_language)

        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.company_box)
        layout.addWidget(self.docs_box)
        layout.addWidget(self.ui_box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        clear_when_edited(self.error, self)  # an error is about what was typed before
        self.retranslate()
        self.setMinimumWidth(560)

    def _choose_font(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a Chinese font"), "", self.tr("Fonts (*.ttf *.ttc *.otf)")
        )
        if path:
            self.font_path.setText(path)

    def edges_typed(self) -> tuple[int, ...] | None:
        parts = [p for p in re.split(r"[,，\s]+", self.edges.text().strip()) if p]
        if not parts or not all(p.isdigit() for p in parts):
            return None
        return tuple(int(p) for p in parts)

    def save(self) -> None:
        edges = self.edges_typed()
        if edges is None:
            self.error.show_message(
                self.tr(
                    "Type the aging edges as whole days separated by commas, such as 30, 60, 90."
                )
            )
            self.edges.setFocus()
            return
        new = dataclasses.replace(
            self.company,
            name=self.name.text().strip(),
            address=self.address.text().strip(),
            phone=self.phone.text().strip(),
            bank_account=self.bank_account.text().strip(),
            doc_language=self.doc_language.currentData(),
            paper_size=self.paper.currentData(),
            pdf_font_path=self.font_path.text().strip(),
            aging_edges=edges,
        )
        if self.ops.write(
            self, lambda: settings.save_company(new), on_error=self.error.show_message
        ):
            chosen = self.ui_language.currentData()
            if chosen != language.current():
                self.language_chosen.emit(chosen)
            self.accept()

    def _label(self, form: QFormLayout, field: QWidget, text: str) -> None:
        set_form_label(form, field, text)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.company_box.setTitle(self.tr("Company (printed on every document)"))
        self._label(self.company_form, self.name, self.tr("&Name:"))
        self._label(self.company_form, self.address, self.tr("&Address:"))
        self._label(self.company_form, self.phone, self.tr("&Phone:"))
        self._label(self.company_form, self.bank_account, self.tr("&Bank account:"))
        self.docs_box.setTitle(self.tr("Documents and aging"))
        self._label(self.docs_form, self.doc_language, self.tr("Document &language:"))
        self._label(self.docs_form, self.paper, self.tr("Paper si&ze:"))
        label = self.docs_form.itemAt(2, QFormLayout.ItemRole.LabelRole)
        if label is not None and label.widget() is not None:
            label.widget().setText(self.tr("PDF &font:"))
        self.font_path.setPlaceholderText(self.tr("Blank: find a Chinese font on this computer"))
        self.font_button.setText(self.tr("Choose…"))
        self._label(self.docs_form, self.edges, self.tr("Aging &edges (days):"))
        self.ui_box.setTitle(self.tr("This computer"))
        self._label(self.ui_form, self.ui_language, self.tr("Screen lan&guage:"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
