"""Step 4 of the import wizard: the first rows of the file, as they will be imported.

A part of `ImportWizard` (gui/importing/wizard.py), which mixes it in. With a saved
layout the preview is the last step before the import (its note says so). Its texts
keep the wizard's translation context ("ImportWizard").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.importing.layouts import fixed_choices

PREVIEW_ROWS = 20


class PreviewStep:
    """The preview page of `ImportWizard`."""

    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.preview_note = QLabel()
        self.preview_note.setWordWrap(True)
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(page)
        layout.addWidget(self.preview_note)
        layout.addWidget(self.preview, 1)
        return page

    def _fill_preview(self) -> None:
        assert self.sheet is not None
        mapping = self.mapping()
        columns = [(i, key) for i, key in sorted(mapping.items())]
        names = {c.key: self._column_name(c) for c in self._columns()}
        rows = self.sheet.rows[:PREVIEW_ROWS]
        table = self.preview
        table.clear()
        table.setColumnCount(len(columns))
        table.setRowCount(len(rows))
        table.setHorizontalHeaderLabels([names[key] for _i, key in columns])
        table.setVerticalHeaderLabels([str(number) for number, _cells in rows])
        for r, (_number, cells) in enumerate(rows):
            for c, (i, _key) in enumerate(columns):
                table.setItem(r, c, QTableWidgetItem(cells[i] if i < len(cells) else ""))
        self.preview_note.setText(
            QCoreApplication.translate(
                "ImportWizard", "The first {n} of {total} rows, as they will be imported."
            ).format(n=len(rows), total=f"{len(self.sheet.rows):,}")
        )
        notes = [self.preview_note.text()]
        fixed = self.fixed()
        for value, label in fixed_choices(self.chosen_kind(), "kind"):
            if fixed.get("kind") == value:
                notes.append(
                    QCoreApplication.translate("ImportWizard", "Every row: {kind}.").format(
                        kind=label
                    )
                )
        if self.quick:
            notes.append(
                QCoreApplication.translate(
                    "ImportWizard",
                    "Import posts the rows not yet in the ledger and counts those already "
                    "imported; a bad row stops it, and nothing is written.",
                )
            )
        self.preview_note.setText(" ".join(notes))
        # A wrapped label in a stacked page gets one line's height: give it its lines.
        # (A text document measures with the fonts that draw it, Chinese fallback too.)
        page = QTextDocument()
        page.setDefaultFont(self.preview_note.font())
        page.setTextWidth(max(self.pages.width() - 40, 300))
        page.setPlainText(self.preview_note.text())
        self.preview_note.setMinimumHeight(int(page.size().height()))
