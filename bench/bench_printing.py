"""Printing benchmark (issue 19, item 10): what goes to the printer for the 200-stop
route-day packet and for a 2-page statement.

    uv run python bench/bench_printing.py              # --old-pages 4 by default
    uv run python bench/bench_printing.py --old-pages 0  # the old path on every page (hours)

Each document is printed through Qt's QPrinter to a PDF file (PdfFormat, what a test
can read back; a printer driver's spool differs, its proportions do not) by

- the **old** path: every page a full-colour bitmap at the printer's resolution
  (QPrinter HighResolution: 1200 dpi for a PDF), fitted into the printable area. On
  the packet it takes ~25 s a page, so it runs on the first ``--old-pages`` pages and
  the total is extrapolated from them (marked "≈");
- the **new** path through Qt (Windows): each page 1:1, on a black-and-white printer at
  300 dpi in 16 shades of grey, on a colour printer in colour at 200 dpi when a page of
  the job has colour (the red of overdue amounts);
- the **new** path to a CUPS queue (macOS, Linux): ``lp`` sends the PDF itself.

The packet is made on a copy of bench/data/route-days.qkledger (built by
bench_route_days.py's recipe on first use: 240 demo customers, 200 owing, one route);
the copy is deleted, the ledger never changes. Prints pages, seconds and MB spooled.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.bench_route_days import ROUTE_LEDGER, ensure_route_ledger  # noqa: E402
from bench.common import fresh_copy, remove_copy  # noqa: E402


def make_documents(folder: Path) -> tuple[Path, Path, int]:
    """The 200-stop packet and a 2-page statement, made on a copy of the route ledger."""
    from models.ledger import customers, people
    from models.papers.statements import statement
    from models.storage import db
    from reports.documents.packet import PacketOptions, render_packet
    from reports.documents.statement import render_statement

    stops = ensure_route_ledger()
    copy = fresh_copy(ROUTE_LEDGER, folder / "printing.qkledger")
    db.open_ledger(str(copy))
    try:
        route = people.route_by_name("BENCH")
        assert route is not None
        day = dt.date.today()
        packet = folder / "packet.pdf"
        render_packet(route.id, day, packet, PacketOptions(days=150), remember=None)
        two_pages = folder / "statement.pdf"
        for customer in customers.route_customers(route.id):
            st = statement(customer.id, day - dt.timedelta(days=150), day, day)
            render_statement(st, two_pages)
            if _pages(two_pages) == 2:
                break
        else:
            sys.exit("no customer of the route has a 2-page statement")
    finally:
        db.close_ledger()
        remove_copy(copy)
    return packet, two_pages, stops


def _pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def _printer(out: Path, grey: bool = False):  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    if grey:
        printer.setColorMode(QPrinter.ColorMode.GrayScale)
    return printer


def print_old(source: Path, out: Path, pages: int | None) -> int:
    """The print path before issue 19 (gui/printing/preview.py's print_to): each page a
    colour image at the printer's resolution, scaled to fit the printable area."""
    from PySide6.QtCore import QPoint, QRect, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(source))
    printer = _printer(out)
    last = document.pageCount() if not pages else min(pages, document.pageCount())
    painter = QPainter()
    painter.begin(printer)
    for n in range(last):
        if n:
            printer.newPage()
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        points = document.pagePointSize(n)
        scale = min(area.width() / points.width(), area.height() / points.height())
        size = QSize(int(points.width() * scale), int(points.height() * scale))
        painter.drawImage(QRect(QPoint(0, 0), size), document.render(n, size))
    painter.end()
    document.close()
    return last


def print_new(source: Path, out: Path, grey: bool) -> int:
    from gui.printing.printers import print_pdf

    return print_pdf(source, _printer(out, grey), title=source.stem).pages


def measure(run: Callable[[], int], out: Path) -> tuple[int, float, float]:
    start = time.perf_counter()
    pages = run()
    return pages, time.perf_counter() - start, out.stat().st_size / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old-pages", type=int, default=4,
                        help="the old path on the packet's first N pages only (0: all)")  # fmt: skip
    parser.add_argument("--no-old", action="store_true", help="skip the old path (slow)")
    args = parser.parse_args()
    from gui.app import make_application

    make_application([])
    folder = Path(tempfile.mkdtemp(prefix="print-bench-", dir=ROOT / "bench" / "data"))
    rows: list[str] = []
    try:
        packet, statement, stops = make_documents(folder)
        for name, source, old_pages in (
            (f"packet, {stops} stops", packet, args.old_pages or None),
            ("statement, 2 pages", statement, None),
        ):
            total = _pages(source)
            out = folder / "out.pdf"
            if not args.no_old:
                pages, seconds, mb = measure(partial(print_old, source, out, old_pages), out)
                mark = ""
                if pages < total:  # extrapolated from the pages printed
                    seconds, mb, mark = seconds * total / pages, mb * total / pages, "≈"
                rows.append(_row(f"{name}: old, 1200-dpi colour bitmaps", total, seconds, mb, mark))
            for label, grey in (("new, grey printer (300 dpi)", True),
                                ("new, colour printer (200 dpi)", False)):  # fmt: skip
                pages, seconds, mb = measure(partial(print_new, source, out, grey), out)
                rows.append(_row(f"{name}: {label}", pages, seconds, mb))
            rows.append(
                _row(f"{name}: new, CUPS (the PDF itself)", total, 0.0, source.stat().st_size / 1e6)
            )
    finally:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
    print(f"\n{'measure':<58}{'pages':>6}{'seconds':>10}{'MB spooled':>12}{'KB/page':>9}")
    print("\n".join(rows))
    if args.old_pages and not args.no_old:
        print(f"≈: the old path ran on the first {args.old_pages} pages, the rest extrapolated")
    return 0


def _row(name: str, pages: int, seconds: float, mb: float, mark: str = "") -> str:
    return (
        f"{name:<58}{pages:>6}{mark + f'{seconds:.1f}':>10}{mark + f'{mb:.2f}':>12}"
        f"{mb * 1000 / max(pages, 1):>9.0f}"
    )


if __name__ == "__main__":
    sys.exit(main())
