"""Settings: company details, document language, paper size, PDF font, aging bucket
edges, the tail-cut limit and reminder wording of route days, the collection
commission's rules, the chasing steps of each customer group, and the UI language (applied
on Save, so Cancel leaves the old one; nothing
typed elsewhere is lost)."""

from __future__ import annotations

import dataclasses
import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui import file_dialogs, language
from gui.form import FormDialog
from gui.operations import Operations
from gui.settings.chasing import ChasingPage
from gui.settings.commission_box import CommissionBox
from gui.widgets import AmountEdit, add_row, set_form_label
from models.ledger import chase_schedule, settings
from models.ledger.commission_rules import get_commission_rules
from models.ledger.settings_form import save_settings
from models.storage import live_files
from models.vocabulary.commission_records import CommissionRules
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.errors import ChangedMeanwhile, InputError


class SettingsDialog(FormDialog):
    language_chosen = Signal(str)
    # Someone else saved the settings while this dialog was open: open it afresh.
    reload_requested = Signal()

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent, guard_input=True)
        self.ops = ops
        read = ops.read(self, settings.company_for_editing)
        self.company, self.version = read if read is not None else (CompanySettings(), None)
        c = self.company
        # Shown when another user saved the settings while this dialog was open.
        self.reload_button = QPushButton()
        self.reload_button.clicked.connect(self.reload_settings)
        self.reload_button.hide()

        self.company_box = QGroupBox()
        self.name = QLineEdit(c.name)
        self.address = QLineEdit(c.address)
        self.phone = QLineEdit(c.phone)
        self.bank_account = QLineEdit(c.bank_account)
        self.account_holder = QLineEdit(c.account_holder)
        self.credit_code = QLineEdit(c.credit_code)  # printed on IOU notes as the creditor's
        self.credit_code.setMaxLength(18)
        # Who answers questions about a statement (printed on the confirmation slip).
        self.contact_name = QLineEdit(c.contact_name)
        self.contact_phone = QLineEdit(c.contact_phone)
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.contact_name, 1)
        contact_row.addWidget(self.contact_phone, 1)
        # The company's own WeChat Pay / Alipay receiving code, printed as uploaded.
        self.qr_data = c.payment_qr
        self.qr_state = QLabel()
        self.qr_button = QPushButton()
        self.qr_button.clicked.connect(self._choose_qr)
        self.qr_remove = QPushButton()
        self.qr_remove.clicked.connect(self._remove_qr)
        qr_row = QHBoxLayout()
        qr_row.addWidget(self.qr_state, 1)
        qr_row.addWidget(self.qr_button)
        qr_row.addWidget(self.qr_remove)
        self.company_form = QFormLayout(self.company_box)
        for field in (self.name, self.address, self.phone, self.bank_account, self.account_holder):
            add_row(self.company_form, field)
        add_row(self.company_form, self.credit_code)
        add_row(self.company_form, contact_row)
        add_row(self.company_form, qr_row)

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
        self.reply_days = QSpinBox()
        self.reply_days.setRange(1, 90)
        self.reply_days.setValue(c.reply_days)
        add_row(self.docs_form, self.reply_days)
        # Optional clauses, off unless the office's customers agreed to them.
        self.silence_confirms = QCheckBox()
        self.silence_confirms.setChecked(c.silence_confirms)
        add_row(self.docs_form, self.silence_confirms)
        self.iou_clause = QCheckBox()
        self.iou_clause.setChecked(c.iou_default_clause)
        add_row(self.docs_form, self.iou_clause)
        self.iou_clause_text = self._template(c.iou_clause_text)
        add_row(self.docs_form, self.iou_clause_text)
        self.binding = QCheckBox()
        self.binding.setChecked(c.binding_margin)
        add_row(self.docs_form, self.binding)

        # Route days: the tail-cut limit offered when settling, and the reminder wording.
        self.route_box = QGroupBox()
        self.tail_cut_limit = AmountEdit(allow_zero=True)
        self.tail_cut_limit.set_fen(c.tail_cut_limit)
        self.reminder_promise = self._template(c.reminder_promise)
        self.reminder_overdue = self._template(c.reminder_overdue)
        self.route_form = QFormLayout(self.route_box)
        add_row(self.route_form, self.tail_cut_limit)
        add_row(self.route_form, self.reminder_promise)
        add_row(self.route_form, self.reminder_overdue)

        self.ui_box = QGroupBox()
        self.ui_language = QComboBox()
        self.ui_language.addItem("中文", "zh")
        self.ui_language.addItem("English", "en")
        self.ui_language.setCurrentIndex(self.ui_language.findData(language.current()))
        # Applied on Save with the rest: Cancel keeps the language the screen was in.
        self.ui_form = QFormLayout(self.ui_box)
        add_row(self.ui_form, self.ui_language)

        self.commission_box = CommissionBox(
            ops.read(self, get_commission_rules) or CommissionRules()
        )
        # Chasing: each customer group's steps (a page of its own: a table and an editor).
        self.chasing_box = QGroupBox()
        schedules = ops.read(self, chase_schedule.get_schedules) or {
            "": chase_schedule.DEFAULT_STEPS
        }
        self.chasing = ChasingPage(schedules)
        QVBoxLayout(self.chasing_box).addWidget(self.chasing)
        # One tab per group: all of them at once no longer fit a 1280×720 screen.
        self.tabs = QTabWidget()
        self.boxes = (
            self.company_box,
            self.docs_box,
            self.route_box,
            self.commission_box,
            self.chasing_box,
            self.ui_box,
        )
        for box in self.boxes:
            self.tabs.addTab(box, "")
        self.body.addWidget(self.tabs)
        self.body.addWidget(self.reload_button)
        self.ready()
        self.setMinimumWidth(560)

    def _template(self, text: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(text)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        return edit

    def _choose_font(self) -> None:
        path, _filter = file_dialogs.get_open_file_name(
            self, self.tr("Choose a Chinese font"), "", self.tr("Fonts (*.ttf *.ttc *.otf)")
        )
        if path:
            self.font_path.setText(path)

    def _choose_qr(self) -> None:
        path, _filter = file_dialogs.get_open_file_name(
            self,
            self.tr("Choose the payment QR code"),
            "",
            self.tr("Pictures (*.png *.jpg *.jpeg)"),
        )
        if path:
            self.load_qr(path)

    def load_qr(self, path: str) -> None:
        """Take the picture at `path` as the payment QR code (checked on Save)."""
        try:
            self.qr_data = live_files.read_bytes(path)  # never the ledger open here
        except OSError as err:
            self.error.show_message(
                self.tr("The picture could not be read: {reason}").format(reason=err.strerror)
            )
            return
        self._show_qr_state()

    def _remove_qr(self) -> None:
        self.qr_data = b""
        self._show_qr_state()

    def _show_qr_state(self) -> None:
        self.qr_state.setText(
            self.tr("A picture is chosen ({size} KB)").format(
                size=max(1, len(self.qr_data) // 1024)
            )
            if self.qr_data
            else self.tr("None (optional)")
        )
        self.qr_remove.setEnabled(bool(self.qr_data))

    def edges_typed(self) -> tuple[int, ...] | None:
        parts = [p for p in re.split(r"[,，\s]+", self.edges.text().strip()) if p]
        if not parts or not all(p.isdigit() for p in parts):
            return None
        return tuple(int(p) for p in parts)

    def submit(self) -> None:
        edges = self.edges_typed()
        limit = self.tail_cut_limit.value()
        if limit is None:
            self._to_tab(self.route_box)
            self.show_error(self.tail_cut_limit.problem, self.tail_cut_limit)
            return
        if edges is None:
            self._to_tab(self.docs_box)
            self.show_error(
                self.tr(
                    "Type the aging edges as whole days separated by commas, such as 30, 60, 90."
                ),
                self.edges,
            )
            return
        rules, problem, field = self.commission_box.rules()
        if rules is None:
            self._to_tab(self.commission_box)
            self.show_error(problem, field)
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
            tail_cut_limit=limit,
            reminder_promise=self.reminder_promise.toPlainText().strip(),
            reminder_overdue=self.reminder_overdue.toPlainText().strip(),
            account_holder=self.account_holder.text().strip(),
            contact_name=self.contact_name.text().strip(),
            contact_phone=self.contact_phone.text().strip(),
            payment_qr=self.qr_data,
            reply_days=self.reply_days.value(),
            binding_margin=self.binding.isChecked(),
            credit_code=self.credit_code.text().strip().upper(),
            silence_confirms=self.silence_confirms.isChecked(),
            iou_default_clause=self.iou_clause.isChecked(),
            iou_clause_text=self.iou_clause_text.toPlainText().strip(),
        )
        version, refused = self.version, []
        schedules = self.chasing.schedules()

        def save() -> CompanySettings:
            try:
                return save_settings(new, rules, schedules, version=version)
            except ChangedMeanwhile:
                refused.append(True)
                raise

        saved = self.ops.write(self, save, on_error=self._save_error)
        if refused:
            self.reload_button.show()
            self.reload_button.setFocus()
        if saved:
            chosen = self.ui_language.currentData()
            if chosen != language.current():
                self.language_chosen.emit(chosen)
            self.accept()

    def reload_settings(self) -> None:
        """Close without saving and open the settings again as they are saved now."""
        self.done(QDialog.DialogCode.Rejected)  # not reject(): nothing to ask, it was said
        self.reload_requested.emit()

    def _save_error(self, message: str) -> None:
        """A refused schedule names its group and step: show the Chasing tab with it."""
        for key, steps in self.chasing.schedules().items():
            try:
                chase_schedule.check_steps(steps, key)
            except InputError:
                self._to_tab(self.chasing_box)
                self.chasing.select_group(key)
                self.show_error(message, self.chasing.table)
                return
        self.show_error(message)

    def _to_tab(self, box: QGroupBox) -> None:
        """Show the tab of a field that is wrong (it cannot take the focus hidden)."""
        self.tabs.setCurrentWidget(box)

    def _label(self, form: QFormLayout, field: QWidget, text: str) -> None:
        set_form_label(form, field, text)

    def _row_label(self, form: QFormLayout, row: int, text: str, buddy: QWidget) -> None:
        """Label a form row that holds a layout (several widgets)."""
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if label is not None and isinstance(label.widget(), QLabel):
            label.widget().setText(text)
            label.widget().setBuddy(buddy)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.reload_button.setText(self.tr("Reload the &settings as saved now"))
        self.company_box.setTitle(self.tr("Company (printed on every document)"))
        self._label(self.company_form, self.name, self.tr("&Name:"))
        self._label(self.company_form, self.address, self.tr("&Address:"))
        self._label(self.company_form, self.phone, self.tr("&Phone:"))
        self._label(self.company_form, self.bank_account, self.tr("&Bank account:"))
        self._label(self.company_form, self.account_holder, self.tr("Account &holder:"))
        self._label(self.company_form, self.credit_code, self.tr("Unified social credit co&de:"))
        self.credit_code.setPlaceholderText(self.tr("18 characters, printed on IOU notes"))
        self._row_label(self.company_form, 6, self.tr("Statement con&tact:"), self.contact_name)
        self.contact_name.setPlaceholderText(self.tr("Name"))
        self.contact_phone.setPlaceholderText(self.tr("Phone (blank: the company's)"))
        self._row_label(self.company_form, 7, self.tr("Pa&yment QR code:"), self.qr_button)
        self.qr_button.setText(self.tr("Choose &image…"))
        self.qr_remove.setText(self.tr("&Remove"))
        self._show_qr_state()
        self.docs_box.setTitle(self.tr("Documents and aging"))
        self._label(self.docs_form, self.doc_language, self.tr("Document &language:"))
        self._label(self.docs_form, self.paper, self.tr("Paper si&ze:"))
        label = self.docs_form.itemAt(2, QFormLayout.ItemRole.LabelRole)
        if label is not None and label.widget() is not None:
            label.widget().setText(self.tr("PDF &font:"))
        self.font_path.setPlaceholderText(self.tr("Blank: find a Chinese font on this computer"))
        self.font_button.setText(self.tr("Choose…"))
        self._label(self.docs_form, self.edges, self.tr("Aging &edges (days):"))
        self.route_box.setTitle(self.tr("Route days"))
        self._label(self.route_form, self.tail_cut_limit, self.tr("&Tail-cut limit (抹零):"))
        self._label(self.route_form, self.reminder_promise, self.tr("Promise re&minder:"))
        self._label(self.route_form, self.reminder_overdue, self.tr("&Overdue reminder:"))
        self.reminder_promise.setPlaceholderText(
            self.tr(
                "Blank: the built-in wording. Placeholders: {customer} {company} {amount} "
                "{pay} {date} {time} {how_to_pay} {bank_account} {contact}"
            )
        )
        self.reminder_overdue.setPlaceholderText(
            self.tr(
                "Blank: the built-in wording. Placeholders: {customer} {company} {amount} "
                "{balance} {date} {how_to_pay} {bank_account} {contact}"
            )
        )
        self._label(self.docs_form, self.reply_days, self.tr("Slip reply &within (days):"))
        self.binding.setText(self.tr("&Keep 20 mm on the binding side for hole punching"))
        self.silence_confirms.setText(
            self.tr("Slip: ‘no reply by the date counts as confirmed’ (only if agreed)")
        )
        self.iou_clause.setText(self.tr("IOU note: print the late-payment clause"))
        self._label(self.docs_form, self.iou_clause_text, self.tr("Late-payment cla&use:"))
        self.iou_clause_text.setPlaceholderText(
            self.tr("Blank: the built-in wording (late payment, costs of collecting)")
        )
        self.commission_box.retranslate()
        self.chasing_box.setTitle(self.tr("Chasing"))
        self.ui_box.setTitle(self.tr("This computer"))
        self._label(self.ui_form, self.ui_language, self.tr("Screen lan&guage:"))
        for index, box in enumerate(self.boxes):
            self.tabs.setTabText(index, box.title())
