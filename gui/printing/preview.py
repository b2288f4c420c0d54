"""Preview a PDF inside the app (QtPdf), then print it, save a copy, or open it in
the system's PDF viewer."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import colours, file_dialogs
from gui.preferences import Preferences
from gui.printing import printers
from gui.printing.documents import Printout
from gui.printing.send import (
    PrintWorker,
    print_printout,
    remember_printer,
    remembered_printer,
    stop_worker,
)
from gui.printing.zoom import ZoomBar
from gui.screen import fill_screen
from gui.widgets import Dialog
from models.storage.output_paths import OutputKind

log = logging.getLogger(__name__)


class PreviewDialog(Dialog):
    def __init__(
        self, printout: Printout, parent: QWidget | None = None, prefs: Preferences | None = None
    ) -> None:
        super().__init__(parent)
        self.printout = printout
        self.prefs = prefs
        self.document = QPdfDocument(self)
        self.document.load(str(printout.path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.font_warning = QLabel(printout.font_warning)
        self.font_warning.setWordWrap(True)
        self.font_warning.setStyleSheet(colours.css(colours.warning(self.palette())))
        self.font_warning.setVisible(bool(printout.font_warning))
        self.zoom = ZoomBar(self.view)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_copy)
        # QShortcuts, not the buttons' own: setText() resets a button's shortcut.
        self.shortcuts = [
            QShortcut(QKeySequence.StandardKey.Print, self, self.print_document),
            QShortcut(QKeySequence.StandardKey.Save, self, self.save_copy),
        ]
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_external)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        self.print_worker: PrintWorker | None = None
        self.print_status = QLabel()  # "printing page i of n" while a job goes out
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.print_status)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.font_warning)
        layout.addWidget(self.zoom)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.print_button.setDefault(True)
        self.retranslate()
        self.zoom.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        # As big as the screen allows: a page is only readable large.
        fill_screen(self)
        super().showEvent(event)

    def print_document(self) -> None:
        """The print dialog on the printer this kind of document was last printed on;
        the one chosen is remembered for the next."""
        printer = printers.open_printer(remembered_printer(self.prefs, self.printout.kind))
        printer.setDocName(self.printout.title)
        if self.printout.duplex:  # the packet's "two-sided": preset in the dialog
            printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
        if not printers.ask_printer(printer, self, self.document.pageCount()):
            return
        remember_printer(self.prefs, self.printout.kind, printer)
        self.print_in_background(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Print on `printer` as the pages are (`gui.printing.printers`), waiting for it;
        a failure is shown to the user. True when the job went to the printer."""
        return print_printout(self, self.printout, printer)

    def print_in_background(self, printer: QPrinter) -> None:
        """Print on a worker thread (a packet of hundreds of pages takes minutes through
        Qt); the window stays usable, Print waits until the job is out."""
        if self.print_worker is not None:
            return
        self.print_worker = PrintWorker(self.printout, printer, self)
        self.print_worker.progressed.connect(self._print_progressed)
        self.print_worker.finished_with.connect(self._printed)
        self.print_button.setEnabled(False)
        self.print_status.setText(self.tr("Sending to the printer…"))
        self.print_worker.start()

    def _print_progressed(self, done: int, total: int) -> None:
        self.print_status.setText(
            self.tr("Printing page {done} of {total}…").format(done=done, total=total)
        )

    def _printed(self, error: str | None) -> None:
        worker, self.print_worker = self.print_worker, None
        if worker is not None:
            worker.wait()
            worker.deleteLater()
        self.print_button.setEnabled(True)
        self.print_status.clear()
        if error:
            QMessageBox.warning(self, self.tr("Print"), error)

    def done(self, code: int) -> None:
        """Closing the preview stops a job still being drawn (nothing half-printed is
        left in the queue: the printer aborts it)."""
        worker, self.print_worker = self.print_worker, None
        stop_worker(worker)
        super().done(code)

    def save_copy(self) -> None:
        start = str(Path.home() / self.printout.path.name)
        target = file_dialogs.choose_output(
            self, self.tr("Save PDF"), start, self.tr("PDF documents (*.pdf)"), OutputKind.PDF
        )
        if not target:
            return
        try:
            shutil.copyfile(self.printout.path, target)
        except OSError as err:
            log.exception("saving a PDF failed")
            QMessageBox.warning(
                self,
                self.tr("Save PDF"),
                self.tr("The PDF could not be saved to ‘{path}’: {reason}").format(
                    path=target, reason=err.strerror or err
                ),
            )

    def open_external(self) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.printout.path))):
            QMessageBox.information(
                self,
                self.tr("Open in PDF viewer"),
                self.tr(
                    "No PDF viewer is set up on this computer. The file is at ‘{path}’."
                ).format(path=self.printout.path),
            )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preview – {title}").format(title=self.printout.title))
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("&Save as…"))
        self.open_button.setText(self.tr("&Open in PDF viewer"))
        self.close_button.setText(self.tr("&Close"))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
