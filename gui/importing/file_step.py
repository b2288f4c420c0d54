"""Steps 1 and 2 of the import wizard: the file (what it holds, where it is, the saved
layout to read it with) and, for a workbook of several sheets, the sheet.

A part of `ImportWizard` (gui/importing/wizard.py), which mixes it in: it builds the
two pages, reads the file on the wizard's worker, and chooses, recognises and deletes
saved layouts (gui/importing/layouts.py). Its texts keep the wizard's translation
context ("ImportWizard").
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import file_dialogs, language
from gui.importing import layouts as saved_layouts
from gui.importing.layouts import NONE, LayoutBox
from gui.importing.steps import COLUMNS_PAGE, PREVIEW, SHEET
from models.exchange.import_layouts import ImportLayout, delete_layout, list_layouts, recognise
from models.exchange.importing.columns import ImportKind
from models.exchange.importing.reading import file_problem, read_sheet, sheet_names
from models.exchange.importing.sheet import Sheet
from models.storage import db
from models.storage.output_paths import OutputKind
from models.vocabulary.errors import InputError
from reports.spreadsheets.templates import save_template

_KIND_LABELS = {
    ImportKind.CUSTOMERS: QT_TRANSLATE_NOOP("ImportWizard", "Customers (with opening balances)"),
    ImportKind.ENTRIES: QT_TRANSLATE_NOOP("ImportWizard", "Ledger entries"),
    ImportKind.PROMISES: QT_TRANSLATE_NOOP("ImportWizard", "Promises to pay"),
}


class FileStep:
    """The file and sheet pages of `ImportWizard`, and the saved layouts chosen there."""

    # --- pages -------------------------------------------------------------------
    def _file_page(self) -> QWidget:
        page = QWidget()
        self.kind = QComboBox()
        for kind in ImportKind:
            self.kind.addItem("", kind.value)
        self.path = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(self.choose_file)
        self.template = QPushButton()
        self.template.clicked.connect(self.save_template)
        self.file_row = QHBoxLayout()
        self.file_row.addWidget(self.path, 1)
        self.file_row.addWidget(self.browse)
        self.layout_box = LayoutBox()
        self.layout_box.currentIndexChanged.connect(self._layout_chosen)
        self.delete_layout_button = QPushButton()
        self.delete_layout_button.clicked.connect(self.delete_chosen_layout)
        self.layout_row = QHBoxLayout()
        self.layout_row.addWidget(self.layout_box, 1)
        self.layout_row.addWidget(self.delete_layout_button)
        self.file_form = QFormLayout()
        self.row(self.kind, self.file_form)
        self.row(self.file_row, self.file_form)
        self.row(self.layout_row, self.file_form)
        self.file_note = QLabel()
        self.file_note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addLayout(self.file_form)
        layout.addWidget(self.file_note)
        layout.addWidget(self.template, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def _sheet_page(self) -> QWidget:
        page = QWidget()
        self.sheets = QComboBox()
        self.sheet_form = QFormLayout(page)
        self.row(self.sheets, self.sheet_form)
        return page

    # --- reading the file and its sheet -------------------------------------------
    def choose_file(self) -> None:
        name, _filter = file_dialogs.get_open_file_name(
            self,
            QCoreApplication.translate("ImportWizard", "Import from"),
            str(Path(self.path.text()).parent) if self.path.text() else "",
            QCoreApplication.translate(
                "ImportWizard", "Excel or CSV (*.xlsx *.csv *.txt);;All files (*)"
            ),
        )
        if name:
            self.path.setText(name)

    def save_template(self) -> Path | None:
        kind, lang = self.chosen_kind(), language.current()
        name = file_dialogs.choose_output(
            self,
            QCoreApplication.translate("ImportWizard", "Save a template"),
            f"{kind.value}-template.xlsx",
            QCoreApplication.translate("ImportWizard", "Excel workbook (*.xlsx)"),
            OutputKind.SPREADSHEET,
        )
        if not name:
            return None
        written = self.ops.read(
            self, lambda: save_template(name, kind, lang), on_error=self.error.show_message
        )
        if written is not None:
            self.status.setText(
                QCoreApplication.translate("ImportWizard", "Template saved: {path}").format(
                    path=written
                )
            )
        return written

    def _open_file(self) -> None:
        path = Path(self.path.text().strip()).expanduser()
        problem = file_problem(path)  # a device or pipe never ends: refused unread
        if problem:
            self.error.show_message(problem)
            return
        if not path.is_file():
            self.error.show_message(
                QCoreApplication.translate("ImportWizard", "Choose the file to import.")
            )
            return
        names = self.ops.read(self, lambda: sheet_names(path), on_error=self.error.show_message)
        if names is None:
            return
        self.sheets.clear()
        self.sheets.addItems(names)
        known = self._layout_sheet(names)
        if known:  # the worksheet a saved layout reads: no need to ask
            self.sheets.setCurrentText(known)
            self._read(known)
        elif len(names) > 1:
            self._show(SHEET)
        else:
            self._read(names[0] if names else None)

    def _layout_sheet(self, names: list[str]) -> str:
        """The worksheet of the workbook a saved layout was made from: the chosen
        layout's, else (when recognising) the first layout's whose sheet it has."""
        if len(names) < 2:
            return ""
        chosen = self.layout_box.chosen()
        if isinstance(chosen, ImportLayout):
            return chosen.sheet if chosen.sheet in names else ""
        if chosen == NONE:
            return ""
        return next((x.sheet for x in self.layout_box.layouts.values() if x.sheet in names), "")

    def _read(self, sheet: str | None) -> None:
        path = Path(self.path.text().strip()).expanduser()

        def read() -> Sheet:
            found = read_sheet(path, sheet)
            len(found.rows)  # counted here, on the worker: a million rows take a while
            return found

        self._work("read", QCoreApplication.translate("ImportWizard", "Reading the file…"), read)

    # --- saved layouts --------------------------------------------------------------
    def _load_layouts(self) -> None:
        kind = self.chosen_kind()
        found = self.ops.read(self, lambda: list_layouts(kind), on_error=self.error.show_message)
        self.layout_box.fill(found or [])
        self._layout_chosen()

    def _layout_chosen(self) -> None:
        saved = isinstance(self.layout_box.chosen(), ImportLayout)
        self.delete_layout_button.setEnabled(saved and not db.is_read_only())

    def delete_chosen_layout(self) -> None:
        """Delete the layout chosen on the file step, after asking."""
        layout = self.layout_box.chosen()
        if not isinstance(layout, ImportLayout):
            return
        if not saved_layouts.confirm_delete(self, layout.name):
            return
        done = self.ops.write(
            self, lambda: delete_layout(layout.id), on_error=self.error.show_message
        )
        if done is None:  # refused (a read-only ledger): the error line says why
            return
        if self.layout_used is not None and self.layout_used.id == layout.id:
            self.layout_used = None
        self._load_layouts()
        self.status.setText(
            QCoreApplication.translate("ImportWizard", "Layout ‘{name}’ deleted.").format(
                name=layout.name
            )
        )

    def _layout_for(self, sheet: Sheet) -> ImportLayout | None:
        """The layout chosen on the file step, or the one made from this header row."""
        chosen = self.layout_box.chosen()
        if chosen == NONE:
            return None
        if isinstance(chosen, ImportLayout):
            return chosen
        kind = self.chosen_kind()
        return self.ops.read(
            self, lambda: recognise(kind, sheet.headers), on_error=self.error.show_message
        )

    def _use_layout(self, layout: ImportLayout) -> None:
        """Map the columns as the layout says and go to the preview; to the columns
        step, saying why, when the file lacks a column of the layout."""
        assert self.sheet is not None
        try:
            mapping = layout.mapping_for(self.sheet.headers, self.sheet.source)
        except InputError as err:
            self._show(COLUMNS_PAGE)
            self.error.show_message(str(err))
            return
        self._fill_mapping(mapping, layout.fixed)
        self.layout_used = layout
        self.layout_name.setText(layout.name)
        self.layout_box.select(layout)
        self.quick = True  # before the preview: its note and Next say Import
        self._fill_preview()
        self._show(PREVIEW)

    # --- language ----------------------------------------------------------------
    def _retranslate_file_steps(self) -> None:
        for i in range(self.kind.count()):
            label = _KIND_LABELS[ImportKind(self.kind.itemData(i))]
            self.kind.setItemText(i, QCoreApplication.translate("ImportWizard", label))
        self.set_labels(
            (
                (self.kind, QCoreApplication.translate("ImportWizard", "&Import:")),
                (self.file_row, QCoreApplication.translate("ImportWizard", "&File:")),
                (self.layout_row, QCoreApplication.translate("ImportWizard", "&Layout:")),
            ),
            self.file_form,
        )
        self.layout_box.retranslate()
        self.delete_layout_button.setText(
            QCoreApplication.translate("ImportWizard", "&Delete layout…")
        )
        self.set_labels(
            [(self.sheets, QCoreApplication.translate("ImportWizard", "&Sheet:"))], self.sheet_form
        )
        self.browse.setText(QCoreApplication.translate("ImportWizard", "Br&owse…"))
        self.template.setText(QCoreApplication.translate("ImportWizard", "Save a &template…"))
        self.file_note.setText(
            QCoreApplication.translate(
                "ImportWizard",
                "An Excel workbook (.xlsx) or a CSV file, in any encoding Excel or WPS saves. "
                "Headers may be Chinese or English; you can match them to ours in the "
                "columns step. "
                "Nothing is written until every row is fine.",
            )
        )
