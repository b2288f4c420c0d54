"""Steps 6 and 7 of the import wizard: the import, with progress and Cancel, and what
it imported.

A part of `ImportWizard` (gui/importing/wizard.py), which mixes it in. The import runs
on the wizard's worker; `_Progress` carries its progress to the window and its Cancel
to the worker. Its texts keep the wizard's translation context ("ImportWizard").
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from gui.importing.steps import CHECK, DONE, RUN
from models.exchange.importing.outcome import ImportCancelled, ImportRejected, ImportResult
from models.exchange.importing.run import import_sheet


class _Progress(QObject):
    """Carries the worker's progress to the window (a queued signal) and its Cancel."""

    moved = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancelled = threading.Event()

    def __call__(self, done: int, total: int) -> None:
        if self.cancelled.is_set():
            raise ImportCancelled(
                QCoreApplication.translate(
                    "ImportWizard", "The import was cancelled: nothing was written."
                )
            )
        self.moved.emit(done, total)


class RunStep:
    """The import and done pages of `ImportWizard`."""

    # --- pages -------------------------------------------------------------------
    def _run_page(self) -> QWidget:
        page = QWidget()
        self.run_note = QLabel()
        self.bar = QProgressBar()
        layout = QVBoxLayout(page)
        layout.addWidget(self.run_note)
        layout.addWidget(self.bar)
        layout.addStretch(1)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.link = QLabel()
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.link.linkActivated.connect(self.show_customers)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addWidget(self.link)
        layout.addStretch(1)
        return page

    # --- the import and what it did ------------------------------------------------
    def _import(self) -> None:
        sheet, kind, mapping, fixed = self.sheet, self.chosen_kind(), self.mapping(), self.fixed()
        hub = self.progress_hub
        hub.cancelled.clear()
        self.bar.show()
        self.bar.setValue(0)
        self._show(RUN)

        def run() -> object:
            try:
                return import_sheet(kind, sheet, mapping=mapping, fixed=fixed, progress=hub)  # type: ignore[arg-type]
            except ImportRejected as err:  # straight from the preview: list the rows
                return err

        self._work("import", "", run)

    def _moved(self, done: int, total: int) -> None:
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        self.run_note.setText(
            QCoreApplication.translate("ImportWizard", "Importing row {done} of {total}…").format(
                done=f"{done:,}", total=f"{total:,}"
            )
        )

    def _imported(self, result: ImportResult | ImportRejected) -> None:
        if isinstance(result, ImportRejected):
            self._show(CHECK)
            self._checked(result)
            return
        self.result = result
        self.ops.changed.emit()
        self.summary.setText("\n".join(result.lines()))
        self._show(DONE)

    def show_customers(self) -> None:
        self.customers_requested.emit()
        self.accept()

    # --- language ----------------------------------------------------------------
    def _retranslate_done_step(self) -> None:
        # Translated apart from its link: lupdate reads no translation inside an f-string.
        show = QCoreApplication.translate("ImportWizard", "Show the customers")
        self.link.setText(f'<a href="customers">{show}</a>')
