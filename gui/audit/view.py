"""Review → Audit trail: every audited change (the database records them: customers,
settings, promises, voids, cheque status, reps and routes, import layouts, restores,
people), filtered by date, person, customer and kind, readable before → after, and
exported as XLSX or CSV through the same function as ``main.py audit``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import dates, file_dialogs
from gui.operations import Operations
from gui.record_model import Column, RecordTableModel
from gui.widgets import Dialog, ErrorLabel
from models.ledger import audit, audit_text
from models.storage.output_paths import OutputKind
from models.vocabulary import clock
from models.vocabulary.audit_records import AuditFilter, AuditRecord
from reports.spreadsheets.audit_export import export_audit

SHOWN = 5_000  # the window lists the newest; an export writes every match


class AuditModel(RecordTableModel[AuditRecord]):
    context = "AuditModel"
    columns = (
        Column(
            QT_TRANSLATE_NOOP("AuditModel", "When"),
            lambda r: r.at.strftime("%Y-%m-%d %H:%M:%S"),
            lambda r: r.id,
        ),
        Column(QT_TRANSLATE_NOOP("AuditModel", "Who"), lambda r: r.who, lambda r: r.who),
        Column(
            QT_TRANSLATE_NOOP("AuditModel", "What"),
            lambda r: audit_text.kind_label(r.kind),
            lambda r: r.kind,
        ),
        Column(
            QT_TRANSLATE_NOOP("AuditModel", "Customer"),
            lambda r: r.customer_code,
            lambda r: r.customer_code,
        ),
        Column(
            QT_TRANSLATE_NOOP("AuditModel", "Subject"),
            audit_text.subject_text,
            audit_text.subject_text,
        ),
        Column(
            QT_TRANSLATE_NOOP("AuditModel", "Change"),
            audit_text.summary,
            audit_text.summary,
        ),
    )


class AuditDialog(Dialog):
    """The audit trail with its filters; `written` is the last file exported."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.written: Path | None = None
        today = clock.today()
        # Every date unless asked: on PostgreSQL the server's clock stamps the changes.
        self.by_date = QCheckBox()
        self.date_from = dates.date_edit(day=today - dt.timedelta(days=30))
        self.date_to = dates.date_edit(day=today)
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(False)
            self.by_date.toggled.connect(edit.setEnabled)
        self.person = QComboBox()
        self.person.setEditable(True)  # a name not in the list yet may be typed
        self.person.setMinimumWidth(self.fontMetrics().averageCharWidth() * 16)
        self.customer = QLineEdit()
        self.customer.setMaximumWidth(self.fontMetrics().averageCharWidth() * 18)
        self.kind = QComboBox()
        self.show_button = QPushButton()
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.reload)
        self.labels = [QLabel() for _ in range(5)]
        filters = QGridLayout()
        for column, (label, field) in enumerate(
            zip(
                self.labels,
                (self.date_from, self.date_to, self.person, self.customer, self.kind),
                strict=True,
            )
        ):
            label.setBuddy(field)
            filters.addWidget(label, 0, column)
            filters.addWidget(field, 1, column)
        filters.addWidget(self.by_date, 1, 5)
        filters.addWidget(self.show_button, 1, 6)
        filters.setColumnStretch(7, 1)
        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        # Not `read_only_table`: its Ctrl+E would export the rows shown, and this
        # dialog's Ctrl+E exports every match, with the values as stored.
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(self.fontMetrics().height() * 7)
        self.count = QLabel()
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.export)
        QShortcut(QKeySequence("Ctrl+E"), self, self.export_button.click)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.count)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        ops.changed.connect(self.reload)
        ops.language_changed.connect(self.reload)
        self.retranslate()
        self._fill_people()
        self.reload()
        self.resize(1180, 620)
        self.table.setFocus()

    def chosen(self) -> AuditFilter:
        """The filter as the fields stand."""
        return AuditFilter(
            date_from=dates.picked_date(self.date_from) if self.by_date.isChecked() else None,
            date_to=dates.picked_date(self.date_to) if self.by_date.isChecked() else None,
            user=self.person.currentText().strip(),
            customer_code=self.customer.text().strip(),
            kind=str(self.kind.currentData() or ""),
        )

    def _fill_people(self) -> None:
        people = self.ops.read(self, audit.audit_people) or []
        self.person.clear()
        self.person.addItem("")
        self.person.addItems(people)

    def reload(self) -> None:
        self.error.clear_message()
        chosen = self.chosen()
        rows = self.ops.read(
            self, lambda: audit.audit_log(chosen, limit=SHOWN + 1), on_error=self.error.show_message
        )
        if rows is None:
            self.model.set_rows([])
            self.count.clear()
            self._show_details()
            return
        self.model.set_rows(rows[:SHOWN])
        if len(rows) > SHOWN:
            text = self.tr("The newest {n} changes are shown: export to see them all.")
        else:
            text = self.tr("{n} changes.")
        self.count.setText(text.format(n=f"{min(len(rows), SHOWN):,}"))
        self._show_details()

    def _show_details(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.details.setPlainText("")
            return
        record = self.model.record_at(index.row())
        self.details.setPlainText("\n".join(audit_text.detail_lines(record)))

    def export(self) -> None:
        start = str(Path.home() / f"audit-{clock.today().isoformat()}.xlsx")
        out = file_dialogs.choose_output(
            self,
            self.tr("Export the audit trail"),
            start,
            self.tr("Excel or CSV (*.xlsx *.csv)"),
            OutputKind.SPREADSHEET,
        )
        if out:
            self.export_to(out)

    def export_to(self, out: str) -> Path | None:
        """Write the changes the filters match (all of them, not only those shown)."""
        chosen = self.chosen()
        result = self.ops.read(
            self, lambda: export_audit(out, chosen), on_error=self.error.show_message
        )
        if result is None:
            return None
        self.written, rows = result
        self.count.setText(
            self.tr("{n} changes written to {path}.").format(n=f"{rows:,}", path=self.written)
        )
        return self.written

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Audit trail"))
        for label, text in zip(
            self.labels,
            (
                self.tr("&From:"),
                self.tr("&To:"),
                self.tr("&Person:"),
                self.tr("C&ustomer code:"),
                self.tr("&Kind:"),
            ),
            strict=True,
        ):
            label.setText(text)
        current = self.kind.currentData()
        self.kind.clear()
        self.kind.addItem(self.tr("All kinds"), "")
        for key, label in audit_text.family_labels().items():
            self.kind.addItem(label, key)
        self.kind.setCurrentIndex(max(self.kind.findData(current or ""), 0))
        self.by_date.setText(self.tr("Only these &dates"))
        self.show_button.setText(self.tr("&Show"))
        self.export_button.setText(self.tr("&Export…"))
        self.model.retranslate()
