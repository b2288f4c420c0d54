"""Step 5 of the import wizard: the dry run, listing every problem by row and column.

A part of `ImportWizard` (gui/importing/wizard.py), which mixes it in. The dry run is
the real import, undone (`import_sheet(..., dry_run=True)`), run on the wizard's
worker; clicking a problem shows its row of the file with the cell highlighted. Its
texts keep the wizard's translation context ("ImportWizard").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import colours
from gui.importing.columns_step import column_letter
from gui.importing.steps import CHECK
from models.exchange.importing.outcome import ImportRejected, ImportResult
from models.exchange.importing.run import import_sheet


class CheckStep:
    """The check page of `ImportWizard`: the dry run and the problems it found."""

    # --- the page ------------------------------------------------------------------
    def _check_page(self) -> QWidget:
        page = QWidget()
        self.check_note = QLabel()
        self.check_note.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)  # long sentences wrap instead of scrolling sideways
        self.problems.currentItemChanged.connect(self._show_problem_row)
        self.problem_row = QTableWidget(0, 2)
        self.problem_row.verticalHeader().hide()
        self.problem_row.horizontalHeader().setStretchLastSection(True)
        self.problem_row.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problem_row.setColumnWidth(0, 200)
        row = QHBoxLayout()
        row.addWidget(self.problems, 3)
        row.addWidget(self.problem_row, 2)
        layout = QVBoxLayout(page)
        layout.addWidget(self.check_note)
        layout.addLayout(row, 1)
        return page

    # --- the dry run ---------------------------------------------------------------
    def _dry_run(self) -> None:
        sheet, kind, mapping, fixed = self.sheet, self.chosen_kind(), self.mapping(), self.fixed()
        self.problems.clear()
        self.problem_row.setRowCount(0)
        self._show(CHECK)

        def check() -> object:
            try:
                return import_sheet(kind, sheet, mapping=mapping, fixed=fixed, dry_run=True)  # type: ignore[arg-type]
            except ImportRejected as err:
                return err

        self._work(
            "check", QCoreApplication.translate("ImportWizard", "Checking every row…"), check
        )

    def _checked(self, result: object) -> None:
        self.back.setEnabled(True)
        if isinstance(result, ImportRejected):
            self.rejected_with = result
            self.check_note.setText(
                "\n".join(result.lines()[:1] + result.lines()[len(result.problems) + 1 :])
                + "\n"
                + QCoreApplication.translate(
                    "ImportWizard",
                    "Fix these rows in the file, save it, and check again (Back, Next).",
                )
            )
            for problem in result.problems:
                item = QListWidgetItem(str(problem))
                item.setData(Qt.ItemDataRole.UserRole, (problem.row, problem.column))
                self.problems.addItem(item)
            self.next.setEnabled(False)
            self.problems.setFocus()
            return
        self.rejected_with = None
        assert isinstance(result, ImportResult)
        self.check_note.setText(
            QCoreApplication.translate("ImportWizard", "Every row is fine. Import now?")
            + "\n"
            + "\n".join(result.lines(shown=10))
        )
        self.next.setEnabled(True)
        self.next.setFocus()

    def _show_problem_row(self, item: QListWidgetItem | None) -> None:
        """The clicked problem's row of the file, its column highlighted."""
        self.problem_row.setRowCount(0)
        if item is None or self.sheet is None:
            return
        number, column = item.data(Qt.ItemDataRole.UserRole)
        cells = next((c for n, c in self.sheet.rows if n == number), ())
        for i, header in enumerate(self.sheet.headers):
            value = cells[i] if i < len(cells) else ""
            if not header and not value:
                continue
            row = self.problem_row.rowCount()
            self.problem_row.insertRow(row)
            name = QTableWidgetItem(f"{column_letter(i)}{number}  {header}")
            cell = QTableWidgetItem(value)
            if header and header == column:
                for part in (name, cell):
                    colours.mark_problem(part, self.palette())
                self.problem_row.setCurrentCell(row, 1)
            self.problem_row.setItem(row, 0, name)
            self.problem_row.setItem(row, 1, cell)

    # --- language ----------------------------------------------------------------
    def _retranslate_check_step(self) -> None:
        self.problem_row.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ImportWizard", "Cell"),
                QCoreApplication.translate("ImportWizard", "Value"),
            ]
        )
