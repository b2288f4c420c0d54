"""Step 3 of the import wizard: which column of the file holds each of ours.

A part of `ImportWizard` (gui/importing/wizard.py), which mixes it in: the mapping
table, guessed from the headers or remembered for files laid out alike (this
computer's preferences), the fixed value a column the file lacks may take, and saving
the mapping as a named layout in the ledger. Its texts keep the wizard's translation
context ("ImportWizard").
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import language
from gui.importing.layouts import FIXED, fixed_choices, fixed_label
from models.exchange.import_layouts import save_layout
from models.exchange.importing.columns import COLUMNS, Column, ImportKind
from models.exchange.importing.headers import guess_mapping, normalise_header
from models.storage import db


def layout_key(kind: ImportKind, headers: tuple[str, ...]) -> str:
    """Files of the same layout (kind and headers) share a remembered mapping."""
    text = "\x1f".join([kind.value, *(normalise_header(h) for h in headers)])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def column_letter(i: int) -> str:
    letters = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class ColumnsStep:
    """The columns page of `ImportWizard`: the mapping chosen and checked there."""

    # --- the page ------------------------------------------------------------------
    def _columns_page(self) -> QWidget:
        page = QWidget()
        self.columns_note = QLabel()
        self.columns_note.setWordWrap(True)
        self.mapping_table = QTableWidget(0, 2)
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        self.mapping_table.setColumnWidth(0, 260)
        self.layout_name = QLineEdit()
        self.layout_name.setMaxLength(60)
        self.layout_form = QFormLayout()
        self.row(self.layout_name, self.layout_form)
        self.layout_note = QLabel()
        self.layout_note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.columns_note)
        layout.addWidget(self.mapping_table, 1)
        layout.addLayout(self.layout_form)
        layout.addWidget(self.layout_note)
        return page

    # --- the mapping ---------------------------------------------------------------
    def _columns(self) -> tuple[Column, ...]:
        return COLUMNS[self.chosen_kind()]

    def _fill_mapping(
        self, mapping: dict[int, str] | None = None, fixed: dict[str, str] | None = None
    ) -> None:
        """The columns step for the sheet: `mapping` (a layout's), else the one
        remembered for files laid out like this, else guessed from the headers."""
        assert self.sheet is not None
        headers = self.sheet.headers
        remembered = None
        if mapping is None:
            layout = layout_key(self.chosen_kind(), headers)
            remembered = self.prefs.import_mapping(layout) if self.prefs else None
            mapping = remembered or guess_mapping(headers, self._columns())
        by_key: dict[str, object] = {key: i for i, key in mapping.items() if i < len(headers)}
        by_key.update({key: FIXED + value for key, value in (fixed or {}).items()})
        table = self.mapping_table
        table.setRowCount(0)
        for row, column in enumerate(self._columns()):
            table.insertRow(row)
            item = QTableWidgetItem(self._column_name(column))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            table.setItem(row, 0, item)
            box = QComboBox()
            box.addItem(QCoreApplication.translate("ImportWizard", "(not in the file)"), -1)
            for i, header in enumerate(headers):
                if header:
                    box.addItem(f"{column_letter(i)}: {header}", i)
            for value, label in fixed_choices(self.chosen_kind(), column.key):
                box.addItem(fixed_label(label), FIXED + value)
            box.setCurrentIndex(max(box.findData(by_key.get(column.key, -1)), 0))
            table.setCellWidget(row, 1, box)
        self.remembered = remembered is not None

    def _save_layout(self) -> bool:
        """Save the columns as the layout named on the columns step, if one is named."""
        name = self.layout_name.text().strip()
        if not name or self.sheet is None:
            return True
        kind, headers, mapping, fixed = (
            self.chosen_kind(),
            self.sheet.headers,
            self.mapping(),
            self.fixed(),
        )
        sheet = self.sheets.currentText() if self.sheets.count() > 1 else ""
        used = self.layout_used
        replacing = used.id if used is not None and used.name == name else None
        saved = self.ops.write(
            self,
            lambda: save_layout(
                name, kind, headers, mapping, fixed=fixed, sheet=sheet, replacing=replacing
            ),
            on_error=self.error.show_message,
        )
        if saved is None:
            return False
        self.layout_used = saved
        self._load_layouts()
        self.status.setText(
            QCoreApplication.translate("ImportWizard", "Layout ‘{name}’ saved.").format(
                name=saved.name
            )
        )
        return True

    def _column_name(self, column: Column) -> str:
        name = column.zh if language.current() == "zh" else column.key
        return f"{name} *" if column.required else name

    def mapping(self) -> dict[int, str]:
        """Header position → our column key, as chosen on the columns page."""
        chosen: dict[int, str] = {}
        for row, column in enumerate(self._columns()):
            index = self._choice(row)
            if isinstance(index, int) and index >= 0:
                chosen[index] = column.key
        return chosen

    def fixed(self) -> dict[str, str]:
        """Our column key → the value of every row, for columns the file lacks."""
        found: dict[str, str] = {}
        for row, column in enumerate(self._columns()):
            value = self._choice(row)
            if isinstance(value, str) and value.startswith(FIXED):
                found[column.key] = value[len(FIXED) :]
        return found

    def _choice(self, row: int) -> object:
        box = self.mapping_table.cellWidget(row, 1)
        return box.currentData() if isinstance(box, QComboBox) else -1

    def _mapping_ok(self) -> bool:
        used: dict[int, list[str]] = {}
        for row, column in enumerate(self._columns()):
            index = self._choice(row)
            if isinstance(index, int) and index >= 0:
                used.setdefault(index, []).append(self._column_name(column))
            elif column.required and not isinstance(index, str):
                self.error.show_message(
                    QCoreApplication.translate(
                        "ImportWizard", "Choose the file's column for {column}."
                    ).format(column=self._column_name(column))
                )
                return False
        twice = [names for names in used.values() if len(names) > 1]
        if twice:
            self.error.show_message(
                QCoreApplication.translate(
                    "ImportWizard", "One column of the file cannot be both {names}."
                ).format(names=" / ".join(twice[0]))
            )
            return False
        if not self._save_layout():
            return False
        if self.prefs is not None and self.sheet is not None:
            key = layout_key(self.chosen_kind(), self.sheet.headers)
            self.prefs.set_import_mapping(key, self.mapping())
        return True

    # --- language ----------------------------------------------------------------
    def _retranslate_columns_step(self) -> None:
        self.set_labels(
            [(self.layout_name, QCoreApplication.translate("ImportWizard", "Save as &layout:"))],
            self.layout_form,
        )
        self.layout_name.setPlaceholderText(
            QCoreApplication.translate("ImportWizard", "e.g. 开单软件导出 (optional)")
        )
        self.layout_name.setEnabled(not db.is_read_only())
        self.layout_note.setText(
            QCoreApplication.translate(
                "ImportWizard",
                "A named layout is kept in the ledger, for every PC of the office: a file "
                "with the same header row then goes straight from the file to the preview.",
            )
            if not db.is_read_only()
            else QCoreApplication.translate(
                "ImportWizard", "The ledger is read-only: layouts cannot be saved in it."
            )
        )
        self.columns_note.setText(
            QCoreApplication.translate(
                "ImportWizard",
                "Which column of the file holds each of ours (* = required). Guessed from the "
                "headers; your choice is remembered for files laid out like this one.",
            )
        )
        self.mapping_table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ImportWizard", "Our column"),
                QCoreApplication.translate("ImportWizard", "File column"),
            ]
        )
