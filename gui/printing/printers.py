"""Send a PDF to a printer as its pages are (`gui.printing.plan` decides how): to a CUPS
queue with ``lp`` on macOS and Linux, else through QPrinter, each page on paper of its
own size and orientation, 1:1, rendered at 300 dpi and in grey where it has no colour.

Also the printers of this computer and the print dialog, kept here so that tests can
replace them (a real QPrintDialog is modal and would wait forever for a click)."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from gui.printing import plan
from gui.printing.plan import Duplex, Orientation, PagePlan, Route, SourcePage

log = logging.getLogger(__name__)

_GREY_LEVELS = plan.grey_levels()
COLOUR_PROBE_DPI = 24  # a thumbnail is enough to see whether a page has colour

_DUPLEX = {
    Duplex.NONE: QPrinter.DuplexMode.DuplexNone,
    Duplex.LONG_EDGE: QPrinter.DuplexMode.DuplexLongSide,
    Duplex.SHORT_EDGE: QPrinter.DuplexMode.DuplexShortSide,
}


class PrintError(Exception):
    """The job could not be handed to the printer; the message is for the user."""


class PrintCancelled(Exception):
    """The clerk stopped the job: what was drawn so far is thrown away (QPrinter.abort)."""


@dataclass(frozen=True)
class PrintReport:
    route: Route
    pages: int
    jobs: int  # print jobs spooled (CUPS: one per run of pages with the same duplex)


# --- this computer's printers ------------------------------------------------------------
def available_printers() -> list[str]:
    return list(QPrinterInfo.availablePrinterNames())


def default_printer() -> str:
    return QPrinterInfo.defaultPrinterName()


def open_printer(name: str) -> QPrinter:
    """A printer for the queue `name` (the system's default when empty)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if name:
        printer.setPrinterName(name)
    return printer


def printer_name(printer: QPrinter) -> str:
    """The name of the printer a QPrinter prints on; '' for a PDF file."""
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        return ""
    return printer.printerName()


def ask_printer(printer: QPrinter, parent: QWidget | None, page_count: int) -> bool:
    """The system's print dialog on `printer`; False when cancelled."""
    dialog = QPrintDialog(printer, parent)
    dialog.setMinMax(1, max(page_count, 1))
    return dialog.exec() == QDialog.DialogCode.Accepted


def is_cups_queue(name: str) -> bool:
    """True when `name` is a queue of a CUPS server this computer can reach with lp."""
    if sys.platform.startswith("win") or not name or shutil.which("lp") is None:
        return False
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return False
    try:
        done = subprocess.run([lpstat, "-p", name], capture_output=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        log.exception("lpstat failed")
        return False
    return done.returncode == 0


# --- printing -------------------------------------------------------------------------
def source_pages(document: QPdfDocument) -> list[SourcePage]:
    pages = []
    for n in range(document.pageCount()):
        size = document.pagePointSize(n)
        pages.append(SourcePage(n, size.width(), size.height()))
    return pages


def chosen_pages(printer: QPrinter, count: int) -> range:
    """The pages the print dialog asked for (from 0), else all."""
    first = max(printer.fromPage(), 1) - 1
    last = min(printer.toPage() or count, count) - 1
    return range(first, last + 1)


def print_pdf(
    path: Path,
    printer: QPrinter,
    *,
    title: str,
    duplex: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> PrintReport:
    """Print the PDF `path` on `printer`, each page as it is. Two-sided when `duplex` or
    when the printer was set to two-sided (in the print dialog). Raises PrintError."""
    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_:
        raise PrintError(
            QCoreApplication.translate("printers", "The PDF to print could not be read.")
        )
    try:
        wanted = set(chosen_pages(printer, document.pageCount()))
        pages = [p for p in source_pages(document) if p.index in wanted]
        duplex = duplex or printer.duplex() != QPrinter.DuplexMode.DuplexNone
        plans = plan.plan_pages(pages, duplex=duplex, printer_dpi=printer.resolution())
        if not plans:
            raise PrintError(QCoreApplication.translate("printers", "There is no page to print."))
        to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
        route = plan.choose_route(
            platform=sys.platform,
            to_file=to_file,
            cups_queue=not to_file and is_cups_queue(printer.printerName()),
        )
        if route is Route.CUPS:
            commands = plan.lp_commands(
                printer.printerName(),
                str(path),
                title,
                plans,
                page_count=document.pageCount(),
                copies=printer.copyCount(),
            )
            _run_lp(commands)
            return PrintReport(route, len(plans), len(commands))
        jobs = draw_pages(
            document,
            plans,
            printer,
            title=title,
            one_job=to_file,
            progress=progress,
            cancel=cancel,
        )
        return PrintReport(route, len(plans), jobs)
    finally:
        document.close()


def _run_lp(commands: list[list[str]]) -> None:
    for command in commands:
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.SubprocessError) as err:
            log.exception("lp failed")
            message = QCoreApplication.translate(
                "printers", "The print job could not be sent: {reason}"
            )
            raise PrintError(message.format(reason=err)) from err
        if done.returncode != 0:
            log.error("lp %s: %s", command, done.stderr)
            raise PrintError(
                QCoreApplication.translate(
                    "printers", "The printer refused the job: {reason}"
                ).format(reason=done.stderr.strip() or done.returncode)
            )


def page_layout(page: PagePlan) -> QPageLayout:
    """The paper of `page`: its own size (a standard size when it is one), turned to its
    orientation, with no margins — the page is drawn from the paper's corner."""
    size = QPageSize(
        QSizeF(*page.paper),
        QPageSize.Unit.Point,
        "",
        QPageSize.SizeMatchPolicy.FuzzyMatch,
    )
    orientation = (
        QPageLayout.Orientation.Landscape
        if page.orientation is Orientation.LANDSCAPE
        else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def on_white(image: QImage) -> QImage:
    """A rendered page on white paper: QtPdf leaves the page transparent, which turns
    black when the image loses its alpha channel."""
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper


def has_colour(document: QPdfDocument, index: int) -> bool:
    """Whether page `index` has colour, seen on a thumbnail: the thumbnail is compared
    with its own grey version (QPainter's difference mode does the arithmetic)."""
    size = document.pagePointSize(index)
    scale = COLOUR_PROBE_DPI / plan.POINTS_PER_INCH
    probe = document.render(index, QSize(max(1, round(size.width() * scale)),
                                         max(1, round(size.height() * scale))))  # fmt: skip
    probe = on_white(probe)
    difference = probe.convertToFormat(QImage.Format.Format_Grayscale8).convertToFormat(
        QImage.Format.Format_RGB32
    )
    painter = QPainter(difference)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Difference)
    painter.drawImage(0, 0, probe)
    painter.end()
    return not plan.is_grey(difference.constBits())


def render_page(document: QPdfDocument, page: PagePlan, grey: bool) -> QImage:
    """The page at its plan's resolution on white, for a grey job in 8-bit grey
    rounded to `plan.GREY_LEVELS` shades."""
    image = on_white(document.render(page.index, QSize(*page.pixels(colour=not grey))))
    if grey:
        image = image.convertToFormat(QImage.Format.Format_Grayscale8)
        data = bytes(image.constBits()).translate(_GREY_LEVELS)
        return QImage(
            data, image.width(), image.height(), image.bytesPerLine(), image.format()
        ).copy()  # the copy owns its pixels
    return image.convertToFormat(QImage.Format.Format_RGB888)


def draw_pages(
    document: QPdfDocument,
    plans: list[PagePlan],
    printer: QPrinter,
    *,
    title: str = "",
    one_job: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> int:
    """Draw the planned pages on `printer`, each on paper of its own size and orientation,
    1:1 from the paper's corner. Qt fixes duplex and colour for a whole job: each run of
    pages with the same duplex mode is its own job, grey unless a page has colour
    (`one_job`: all in one, for a PDF file, where the last job would replace the first);
    all grey on a printer set to grey.
    Returns the number of jobs; `cancel` (asked before each page) aborts the job in hand
    and raises PrintCancelled."""
    if title:
        printer.setDocName(title)
    printer.setFullPage(True)
    jobs = [plans] if one_job else plan.runs(plans)
    # A black-and-white printer (or grey chosen in the print dialog) gets grey pages.
    grey_printer = printer.colorMode() == QPrinter.ColorMode.GrayScale
    done = 0
    for job in jobs:
        grey = grey_printer or plan.grey_job([has_colour(document, p.index) for p in job])
        printer.setColorMode(QPrinter.ColorMode.GrayScale if grey else QPrinter.ColorMode.Color)
        printer.setDuplex(_DUPLEX[job[0].duplex])
        painter = QPainter()
        for number, page in enumerate(job):
            if not printer.setPageLayout(page_layout(page)):
                log.warning("page %d: the printer refused its page layout", page.index + 1)
            if number == 0:
                if not painter.begin(printer):
                    raise PrintError(
                        QCoreApplication.translate("printers", "The printer could not be started.")
                    )
            elif not printer.newPage():
                painter.end()
                raise PrintError(
                    QCoreApplication.translate(
                        "printers", "The printer stopped after page {n}."
                    ).format(n=done)
                )
            if cancel is not None and cancel():
                printer.abort()
                painter.end()
                raise PrintCancelled
            image = render_page(document, page, grey)
            painter.drawImage(QRectF(*page.target(printer.resolution())), image)
            done += 1
            if progress is not None:
                progress(done, len(plans))
        painter.end()
    return len(jobs)
