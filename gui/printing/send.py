"""Print a made document on a printer, and remember per document kind the printer it
went to (in this computer's preferences, never in the ledger): the preview's Print…
and the packet dialog's Print share these."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from gui.preferences import Preferences
from gui.printing import printers
from gui.printing.documents import Printout

log = logging.getLogger(__name__)


def remembered_printer(prefs: Preferences | None, kind: str) -> str:
    """The printer documents of `kind` last went to, when this computer still has it;
    else '' (the system's default printer)."""
    name = prefs.printer(kind) if prefs is not None else None
    return name if name and name in printers.available_printers() else ""


def remember_printer(prefs: Preferences | None, kind: str, printer: QPrinter) -> None:
    """Remember `printer` for `kind` — a real printer, not "print to PDF file"."""
    name = printers.printer_name(printer)
    if prefs is not None and name:
        prefs.set_printer(kind, name)


def print_printout(parent: QWidget | None, printout: Printout, printer: QPrinter) -> bool:
    """Send `printout` to `printer`; a failure is said in a message box. True when the
    job went to the printer."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        printers.print_pdf(printout.path, printer, title=printout.title, duplex=printout.duplex)
    except printers.PrintError as err:
        log.warning("printing %s failed: %s", printout.path, err)
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, QCoreApplication.translate("send", "Print"), str(err))
        return False
    QApplication.restoreOverrideCursor()
    return True


def stop_worker(worker: QThread | None) -> None:
    """Stop a print or packet worker whose answer nobody waits for any more: its signals
    disconnected first (the dialog is closing), then told to stop and waited for."""
    if worker is None:
        return
    worker.finished_with.disconnect()  # type: ignore[attr-defined]
    worker.progressed.disconnect()  # type: ignore[attr-defined]
    worker.stop.set()  # type: ignore[attr-defined]
    worker.wait()


class PrintWorker(QThread):
    """Prints a made document off the GUI thread (a 400-page packet drawn through Qt
    takes a minute or two): QPainter on a QPrinter, and QtPdf's rendering, work in a
    thread. `stop` aborts the job before its next page."""

    progressed = Signal(int, int)  # pages sent, pages in all
    finished_with = Signal(object)  # None when done, "" when cancelled, else the error

    def __init__(self, printout: Printout, printer: QPrinter, parent: QObject | None = None):
        super().__init__(parent)
        self.printout, self.printer = printout, printer
        self.stop = threading.Event()

    def run(self) -> None:
        error: str | None = None
        try:
            printers.print_pdf(
                self.printout.path,
                self.printer,
                title=self.printout.title,
                duplex=self.printout.duplex,
                progress=lambda done, total: self.progressed.emit(done, total),
                cancel=self.stop.is_set,
            )
        except printers.PrintCancelled:
            error = ""
        except printers.PrintError as err:
            log.warning("printing %s failed: %s", self.printout.path, err)
            error = str(err)
        except Exception as err:  # noqa: BLE001 - shown to the user, not a crash
            log.exception("printing %s failed", self.printout.path)
            error = f"{type(err).__name__}: {err}"
        self.finished_with.emit(error)
