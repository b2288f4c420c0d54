"""Print a made document on a printer, and remember per document kind the printer it
went to (in this computer's preferences, never in the ledger): the preview's Print…
and the packet dialog's Print share these."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
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
