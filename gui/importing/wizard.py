"""File → Import…: pick the file → the sheet → map its columns → preview → a dry run
listing every problem by row and column → import all or nothing, with progress and
Cancel → what was imported.

With a saved layout (models/exchange/import_layouts.py, File → Import deliveries) it is two
steps: the file, then the preview, whose Import imports (a bad row still lists every
problem and writes nothing). The layout is the one chosen on the file step, or the one
whose header row the file has; the columns step saves the mapping as a layout.

The rules are the model's (`models.exchange.importing.import_sheet`), the same as the command
line's: the dry run runs the real import and undoes it, so "clean" here means the
import will go through. Reading, the dry run and the import run on a worker thread, so
a million-row file never freezes the window.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QWidget

from gui.background import BackgroundReader
from gui.form import Button, FormDialog
from gui.importing.check_step import CheckStep
from gui.importing.columns_step import ColumnsStep
from gui.importing.file_step import FileStep
from gui.importing.preview_step import PreviewStep
from gui.importing.run_step import RunStep, _Progress
from gui.importing.steps import CHECK, COLUMNS_PAGE, DONE, FILE, PREVIEW, RUN, SHEET
from gui.operations import Operations
from gui.preferences import Preferences
from models.exchange.import_layouts import ImportLayout
from models.exchange.importing.columns import ImportKind
from models.exchange.importing.outcome import ImportRejected, ImportResult
from models.exchange.importing.sheet import Sheet


class ImportWizard(FileStep, ColumnsStep, PreviewStep, CheckStep, RunStep, FormDialog):
    """The import, step by step. `result` holds what was imported at the end.

    This class holds the steps together: the stack of pages, Back and Next, the
    worker that reads, checks and imports, and the texts of the window. Each step's
    page and what it does come from its module (gui/importing/steps.py lists them)."""

    customers_requested = Signal()

    def __init__(
        self,
        ops: Operations,
        prefs: Preferences | None = None,
        parent: QWidget | None = None,
        kind: ImportKind | None = None,
    ) -> None:
        # Its own Back and Next (Enter) beside the base's Cancel (Esc).
        super().__init__(parent, ok=Button.NoButton)
        self.ops, self.prefs = ops, prefs
        self.sheet: Sheet | None = None
        # The saved layout the columns come from, and whether the wizard went straight
        # from the file to the preview with it (then the preview's Next imports).
        self.layout_used: ImportLayout | None = None
        self.quick = False
        self.result: ImportResult | None = None
        self.rejected_with: ImportRejected | None = None
        self.worker = BackgroundReader(self)
        self.worker.loaded.connect(self._loaded)
        self.worker.failed.connect(self._failed)
        self._pending = ""  # what the worker is doing: "read", "check" or "import"
        self.progress_hub = _Progress(self)
        self.progress_hub.moved.connect(self._moved)

        self.step = QLabel()
        font = self.step.font()
        font.setBold(True)
        self.step.setFont(font)
        self.pages = QStackedWidget()
        for build in (
            self._file_page,
            self._sheet_page,
            self._columns_page,
            self._preview_page,
            self._check_page,
            self._run_page,
            self._done_page,
        ):
            self.pages.addWidget(build())
        self.status = QLabel()
        self.back = QPushButton()
        self.back.clicked.connect(self.go_back)
        self.next = QPushButton()
        self.next.clicked.connect(self.go_next)
        self.cancel = self.buttons.button(Button.Cancel)
        for i, widget in enumerate((self.status, self.back, self.next)):
            self.footer.insertWidget(i, widget, 1 if widget is self.status else 0)
        self.next.setDefault(True)  # in the dialog now: Enter goes on to the next step
        self.body.addWidget(self.step)
        self.body.addWidget(self.pages, 1)
        self.resize(900, 600)
        if kind is not None:
            self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.kind.currentIndexChanged.connect(self._load_layouts)
        self._load_layouts()
        self.ready()
        self._show(FILE)

    # --- moving between steps ----------------------------------------------------
    def current(self) -> int:
        return self.pages.currentIndex()

    def chosen_kind(self) -> ImportKind:
        return ImportKind(self.kind.currentData())

    def _show(self, page: int) -> None:
        if page == COLUMNS_PAGE:
            self.quick = False  # the columns were looked at: preview, check, import
        self.pages.setCurrentIndex(page)
        self.error.clear_message()
        self.back.setEnabled(page in (SHEET, COLUMNS_PAGE, PREVIEW, CHECK))
        self.next.setVisible(page not in (RUN, DONE))
        self.next.setEnabled(page != CHECK)
        self.retranslate()

    def go_back(self) -> None:
        page = self.current()
        if page == COLUMNS_PAGE:
            self._show(SHEET if self.sheets.count() > 1 else FILE)
        elif page > FILE:
            self._show(page - 1)

    def go_next(self) -> None:
        page = self.current()
        if page == FILE:
            self._open_file()
        elif page == SHEET:
            self._read(self.sheets.currentText())
        elif page == COLUMNS_PAGE:
            if self._mapping_ok():
                self._fill_preview()
                self._show(PREVIEW)
        elif page == PREVIEW:
            if self.quick:
                self._import()
            else:
                self._dry_run()
        elif page == CHECK:
            self._import()

    def cancel_clicked(self) -> None:
        """While importing, Cancel stops it (nothing is written) and stays to say so."""
        if self.current() == RUN:
            self.progress_hub.cancelled.set()
            self.run_note.setText(self.tr("Cancelling…"))
            return
        self.reject()

    def reject(self) -> None:
        if self.worker.busy:
            self.progress_hub.cancelled.set()
            self.worker.wait()
        super().reject()

    # --- the worker: reading, the dry run and the import --------------------------
    def _work(self, what: str, status: str, call) -> None:  # type: ignore[no-untyped-def]
        self._pending = what
        self.status.setText(status)
        self.next.setEnabled(False)
        self.back.setEnabled(False)
        self.worker.start(call)

    def _failed(self, message: str) -> None:
        what, self._pending = self._pending, ""
        self.status.clear()
        if what == "import":
            self.run_note.setText(message)
            self.cancel.setText(self.tr("Close"))
            self.bar.hide()
            return
        self._show(self.current())
        self.error.show_message(message)

    def _loaded(self, result: object) -> None:
        what, self._pending = self._pending, ""
        self.status.clear()
        if what == "read":
            self.sheet = result  # type: ignore[assignment]
            self._fill_mapping()
            layout = self._layout_for(self.sheet)  # type: ignore[arg-type]
            if layout is None:
                self._show(COLUMNS_PAGE)
            else:
                self._use_layout(layout)
        elif what == "check":
            self._checked(result)
        elif what == "import":
            self._imported(result)  # type: ignore[arg-type]

    # --- language ----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import"))
        # A CSV or a one-sheet workbook skips the sheet step: number the steps the
        # clerk sees (1, 2, 3…), never 1 → 3.
        shown = [FILE, SHEET, COLUMNS_PAGE, PREVIEW, CHECK, RUN]
        if self.sheets.count() <= 1:
            shown.remove(SHEET)
        number = {page: n for n, page in enumerate(shown, 1)}
        titles = {
            FILE: self.tr("Step {n}: the file"),
            SHEET: self.tr("Step {n}: the sheet"),
            COLUMNS_PAGE: self.tr("Step {n}: the columns"),
            PREVIEW: self.tr("Step {n}: preview"),
            CHECK: self.tr("Step {n}: check every row"),
            RUN: self.tr("Step {n}: import"),
            DONE: self.tr("Done"),
        }
        page = self.current()
        self.step.setText(titles[page].format(n=number.get(page, 0)))
        self._retranslate_file_steps()
        self._retranslate_columns_step()
        self._retranslate_check_step()
        self._retranslate_done_step()
        self.back.setText(self.tr("< &Back"))
        last_step = self.current() == CHECK or (self.current() == PREVIEW and self.quick)
        self.next.setText(self.tr("&Import") if last_step else self.tr("&Next >"))
        if self.current() == PREVIEW and self.quick and self.layout_used is not None:
            self.step.setText(
                self.tr("Step 2 of 2: preview (layout ‘{name}’)").format(name=self.layout_used.name)
            )
        self.cancel.setText(self.tr("Close") if self.current() == DONE else self.tr("Cancel"))
