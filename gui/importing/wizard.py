"""File → Import…: pick the file → the sheet → map its columns → preview → a dry run
listing every problem by row and column → import all or nothing, with progress and
Cancel → what was imported.

With a saved layout (models/exchange/import_layouts.py, File → Import deliveries) it is two
steps: the file, then the preview, whose Import imports (a bad row still lists every
problem and writes nothing). The layout is the one chosen on the file step, or the one
whose header row the file has; the columns step saves the mapping as a layout.

The rules are the model's (`models.exchange.importing.run.import_sheet`), the same as
the command line's: the dry run runs the real import and undoes it, so "clean" here
means the import will go through. Reading, the dry run and the import run on a worker thread, so
a million-row file never freezes the window.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import colours, file_dialogs, language
from gui.background import BackgroundReader
from gui.form import Button, FormDialog
from gui.importing import layouts as saved_layouts
from gui.importing.layouts import FIXED, NONE, LayoutBox, fixed_choices, fixed_label
from gui.operations import Operations
from gui.preferences import Preferences
from models.exchange.import_layouts import (
    ImportLayout,
    delete_layout,
    list_layouts,
    recognise,
    save_layout,
)
from models.exchange.importing.columns import COLUMNS, Column, ImportKind
from models.exchange.importing.headers import guess_mapping, normalise_header
from models.exchange.importing.outcome import ImportCancelled, ImportRejected, ImportResult
from models.exchange.importing.reading import file_problem, read_sheet, sheet_names
from models.exchange.importing.run import import_sheet
from models.exchange.importing.sheet import Sheet
from models.storage import db
from models.storage.output_paths import OutputKind
from models.vocabulary.errors import InputError
from reports.spreadsheets.templates import save_template

FILE, SHEET, COLUMNS_PAGE, PREVIEW, CHECK, RUN, DONE = range(7)
PREVIEW_ROWS = 20
_KIND_LABELS = {
    ImportKind.CUSTOMERS: QT_TRANSLATE_NOOP("ImportWizard", "Customers (with opening balances)"),
    ImportKind.ENTRIES: QT_TRANSLATE_NOOP("ImportWizard", "Ledger entries"),
    ImportKind.PROMISES: QT_TRANSLATE_NOOP("ImportWizard", "Promises to pay"),
}


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


class ImportWizard(FormDialog):
    """The import, step by step. `result` holds what was imported at the end."""

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

    # --- step 1 and 2: the file and its sheet ------------------------------------
    def choose_file(self) -> None:
        name, _filter = file_dialogs.get_open_file_name(
            self,
            self.tr("Import from"),
            str(Path(self.path.text()).parent) if self.path.text() else "",
            self.tr("Excel or CSV (*.xlsx *.csv *.txt);;All files (*)"),
        )
        if name:
            self.path.setText(name)

    def save_template(self) -> Path | None:
        kind, lang = self.chosen_kind(), language.current()
        name = file_dialogs.choose_output(
            self,
            self.tr("Save a template"),
            f"{kind.value}-template.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
            OutputKind.SPREADSHEET,
        )
        if not name:
            return None
        written = self.ops.read(
            self, lambda: save_template(name, kind, lang), on_error=self.error.show_message
        )
        if written is not None:
            self.status.setText(self.tr("Template saved: {path}").format(path=written))
        return written

    def _open_file(self) -> None:
        path = Path(self.path.text().strip()).expanduser()
        problem = file_problem(path)  # a device or pipe never ends: refused unread
        if problem:
            self.error.show_message(problem)
            return
        if not path.is_file():
            self.error.show_message(self.tr("Choose the file to import."))
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

        self._work("read", self.tr("Reading the file…"), read)

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

    # --- step 3: columns ----------------------------------------------------------
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
            box.addItem(self.tr("(not in the file)"), -1)
            for i, header in enumerate(headers):
                if header:
                    box.addItem(f"{column_letter(i)}: {header}", i)
            for value, label in fixed_choices(self.chosen_kind(), column.key):
                box.addItem(fixed_label(label), FIXED + value)
            box.setCurrentIndex(max(box.findData(by_key.get(column.key, -1)), 0))
            table.setCellWidget(row, 1, box)
        self.remembered = remembered is not None

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
        self.status.setText(self.tr("Layout ‘{name}’ deleted.").format(name=layout.name))

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
        self.status.setText(self.tr("Layout ‘{name}’ saved.").format(name=saved.name))
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
                    self.tr("Choose the file's column for {column}.").format(
                        column=self._column_name(column)
                    )
                )
                return False
        twice = [names for names in used.values() if len(names) > 1]
        if twice:
            self.error.show_message(
                self.tr("One column of the file cannot be both {names}.").format(
                    names=" / ".join(twice[0])
                )
            )
            return False
        if not self._save_layout():
            return False
        if self.prefs is not None and self.sheet is not None:
            key = layout_key(self.chosen_kind(), self.sheet.headers)
            self.prefs.set_import_mapping(key, self.mapping())
        return True

    # --- step 4: preview ------------------------------------------------------------
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
            self.tr("The first {n} of {total} rows, as they will be imported.").format(
                n=len(rows), total=f"{len(self.sheet.rows):,}"
            )
        )
        notes = [self.preview_note.text()]
        fixed = self.fixed()
        for value, label in fixed_choices(self.chosen_kind(), "kind"):
            if fixed.get("kind") == value:
                notes.append(self.tr("Every row: {kind}.").format(kind=label))
        if self.quick:
            notes.append(
                self.tr(
                    "Import posts the rows not yet in the ledger and counts those already "
                    "imported; a bad row stops it, and nothing is written."
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

    # --- step 5: the dry run --------------------------------------------------------
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

        self._work("check", self.tr("Checking every row…"), check)

    def _checked(self, result: object) -> None:
        self.back.setEnabled(True)
        if isinstance(result, ImportRejected):
            self.rejected_with = result
            self.check_note.setText(
                "\n".join(result.lines()[:1] + result.lines()[len(result.problems) + 1 :])
                + "\n"
                + self.tr("Fix these rows in the file, save it, and check again (Back, Next).")
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
            self.tr("Every row is fine. Import now?") + "\n" + "\n".join(result.lines(shown=10))
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

    # --- step 6 and 7: the import and what it did ------------------------------------
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
            self.tr("Importing row {done} of {total}…").format(done=f"{done:,}", total=f"{total:,}")
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
        for i in range(self.kind.count()):
            label = _KIND_LABELS[ImportKind(self.kind.itemData(i))]
            self.kind.setItemText(i, QCoreApplication.translate("ImportWizard", label))
        self.set_labels(
            (
                (self.kind, self.tr("&Import:")),
                (self.file_row, self.tr("&File:")),
                (self.layout_row, self.tr("&Layout:")),
            ),
            self.file_form,
        )
        self.layout_box.retranslate()
        self.delete_layout_button.setText(self.tr("&Delete layout…"))
        self.set_labels([(self.layout_name, self.tr("Save as &layout:"))], self.layout_form)
        self.layout_name.setPlaceholderText(self.tr("e.g. 开单软件导出 (optional)"))
        self.layout_name.setEnabled(not db.is_read_only())
        self.layout_note.setText(
            self.tr(
                "A named layout is kept in the ledger, for every PC of the office: a file "
                "with the same header row then goes straight from the file to the preview."
            )
            if not db.is_read_only()
            else self.tr("The ledger is read-only: layouts cannot be saved in it.")
        )
        self.set_labels([(self.sheets, self.tr("&Sheet:"))], self.sheet_form)
        self.browse.setText(self.tr("Br&owse…"))
        self.template.setText(self.tr("Save a &template…"))
        self.file_note.setText(
            self.tr(
                "An Excel workbook (.xlsx) or a CSV file, in any encoding Excel or WPS saves. "
                "Headers may be Chinese or English; you can match them to ours in the "
                "columns step. "
                "Nothing is written until every row is fine."
            )
        )
        self.columns_note.setText(
            self.tr(
                "Which column of the file holds each of ours (* = required). Guessed from the "
                "headers; your choice is remembered for files laid out like this one."
            )
        )
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Our column"), self.tr("File column")]
        )
        self.problem_row.setHorizontalHeaderLabels([self.tr("Cell"), self.tr("Value")])
        # Translated apart from its link: lupdate does not read tr() inside an f-string.
        show = self.tr("Show the customers")
        self.link.setText(f'<a href="customers">{show}</a>')
        self.back.setText(self.tr("< &Back"))
        last_step = self.current() == CHECK or (self.current() == PREVIEW and self.quick)
        self.next.setText(self.tr("&Import") if last_step else self.tr("&Next >"))
        if self.current() == PREVIEW and self.quick and self.layout_used is not None:
            self.step.setText(
                self.tr("Step 2 of 2: preview (layout ‘{name}’)").format(name=self.layout_used.name)
            )
        self.cancel.setText(self.tr("Close") if self.current() == DONE else self.tr("Cancel"))
