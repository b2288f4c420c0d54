"""Preview a PDF inside the app (QtPdf), then print it, save a copy, or open it in
the system's PDF viewer."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QPainter, QShortcut, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import colours, file_dialogs
from gui.printing.documents import Printout
from gui.printing.zoom import ZoomBar
from gui.screen import fill_screen
from gui.widgets import Dialog
from models.output_paths import OutputKind

log = logging.getLogger(__name__)


class PreviewDialog(Dialog):
    def __init__(self, printout: Printout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.printout = printout
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
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.open_button)
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
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.printout.title)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.document.pageCount())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Draw each page as an image at the printer's resolution (QtPdf renders pages,
        it has no vector print path)."""
        first = max(printer.fromPage(), 1) - 1
        last = (printer.toPage() or self.document.pageCount()) - 1
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(
                self, self.tr("Print"), self.tr("The printer could not be started.")
            )
            return
        try:
            for n in range(first, last + 1):
                if n > first:
                    printer.newPage()
                area = printer.pageLayout().paintRectPixels(printer.resolution())
                points = self.document.pagePointSize(n)
                scale = min(area.width() / points.width(), area.height() / points.height())
                size = QSize(int(points.width() * scale), int(points.height() * scale))
                image = self.document.render(n, size)
                painter.drawImage(QRect(QPoint(0, 0), size), image)
        finally:
            painter.end()

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
