"""Issue 19, item 10: the mixed route-day packet (a landscape route sheet, portrait
statements, IOU notes) printed through Qt's printer to a PDF file and read back:
every page on paper of its own size and orientation, 1:1 (the ink where the source
has it), in a file a small office printer takes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from gui.printing import printers
from gui.printing.plan import Route
from models.ledger import people, posting, promises, settings
from reports.documents.packet import PacketOptions, render_packet
from tests.models.helpers import D, make_customer

DAY = D(2026, 11, 27)  # a Friday
# KB per page at most: grey pages are 8-bit DeviceGray (Flate) in 16 shades at 300 dpi,
# ~150 KB; colour ones (red overdue amounts) a 200-dpi JPEG, Qt's PDF writer's choice.
KB_PER_PAGE = {True: 200, False: 500}


def _packet(tmp_path: Path, paper: str) -> Path:
    company = settings.get_company()
    settings.save_company(dataclasses.replace(company, name="城东批发部", paper_size=paper))
    east = people.add_route("城东", (5,))
    first = make_customer("A1", "东城王记", route="城东")
    second = make_customer("A2", "东城李记", route="城东")
    posting.post_delivery(first.id, D(2026, 10, 1), 1000_00, doc_no="SD-1")
    posting.post_delivery(second.id, D(2026, 11, 2), 500_00, doc_no="SD-2")
    promises.make_promise(first.id, 400_00, dt.datetime(2026, 11, 27, 10, 0))
    out = tmp_path / "packet.pdf"
    render_packet(east.id, DAY, out, PacketOptions(lang="en"), remember=None)
    return out


def _print(source: Path, out: Path, *, grey: bool) -> printers.PrintReport:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    if grey:  # what a black-and-white office laser reports
        printer.setColorMode(QPrinter.ColorMode.GrayScale)
    return printers.print_pdf(source, printer, title="packet")


def _ink_box(path: Path, page: int) -> tuple[float, float, float, float]:
    """Where the page has ink, in points from its top-left: left, top, right, bottom
    (rendered at 144 dpi, where even the footer's grey text is solid)."""
    document = QPdfDocument()
    document.load(str(path))
    size = document.pagePointSize(page)
    image = printers.on_white(
        document.render(page, QSize(round(size.width() * 2), round(size.height() * 2)))
    ).convertToFormat(QImage.Format.Format_Grayscale8)
    document.close()
    width, line = image.width(), image.bytesPerLine()
    data = bytes(image.constBits())
    rows = [data[y * line : y * line + width] for y in range(image.height())]
    inked = [y for y, row in enumerate(rows) if min(row) < 160]
    columns = [x for x in range(width) if any(row[x] < 160 for row in rows[::2])]
    box = (columns[0], inked[0], columns[-1], inked[-1])
    # Ink, on paper: not the whole page (a page rendered black would match any other).
    assert 0 < box[0] < box[2] < width - 1 and 0 < box[1] < box[3] < image.height() - 1, box
    return (box[0] / 2, box[1] / 2, box[2] / 2, box[3] / 2)


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_the_mixed_packet_prints_page_for_page_1_to_1(
    ledger_target: None, qapp: object, tmp_path: Path, paper: str
) -> None:
    source = _packet(tmp_path, paper)
    pages = PdfReader(source).pages
    landscape = [float(p.mediabox.width) > float(p.mediabox.height) for p in pages]
    assert landscape[0] and not all(landscape)  # the route sheet, then portrait pages
    texts = [p.extract_text() for p in pages]
    assert any("IOU note" in t for t in texts) and any("Statement of account" in t for t in texts)
    for grey in (True, False):
        out = tmp_path / f"printed-{grey}.pdf"
        report = _print(source, out, grey=grey)
        assert report.route is Route.QT and report.pages == len(pages)
        printed = PdfReader(out).pages
        assert len(printed) == len(pages)
        for n, (was, now) in enumerate(zip(pages, printed, strict=True)):
            # The same paper, the same way round (Qt writes whole points), never rotated.
            assert abs(float(now.mediabox.width) - float(was.mediabox.width)) < 1, n
            assert abs(float(now.mediabox.height) - float(was.mediabox.height)) < 1, n
            assert not now.get("/Rotate")
        for n in range(len(pages)):  # 1:1: the ink where the source has it, ±1.5 pt
            assert all(
                abs(a - b) <= 1.5
                for a, b in zip(_ink_box(source, n), _ink_box(out, n), strict=True)
            ), n
        assert out.stat().st_size < KB_PER_PAGE[grey] * 1000 * len(pages), out.stat().st_size


def test_a_page_range_prints_only_those_pages(
    ledger_target: None, qapp: object, tmp_path: Path
) -> None:
    source = _packet(tmp_path, "A4")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "two.pdf"
    printer.setOutputFileName(str(out))
    printer.setFromTo(2, 3)
    printers.print_pdf(source, printer, title="pages 2-3")
    was, now = PdfReader(source).pages, PdfReader(out).pages
    assert len(now) == 2
    assert [round(float(p.mediabox.width)) for p in now] == [
        round(float(p.mediabox.width)) for p in was[1:3]
    ]


def test_a_cups_queue_gets_the_pdf_itself(
    ledger_target: None, qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On macOS and Linux a CUPS queue gets the file as it is, one lp job per run of
    pages with the same duplex mode; lp's refusal reaches the user as a sentence."""
    import subprocess

    source = _packet(tmp_path, "A4")
    sent: list[list[str]] = []

    def lp(command: list[str], **_kw: object) -> subprocess.CompletedProcess[str]:
        sent.append(command)
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(printers.plan, "choose_route", lambda **_kw: Route.CUPS)
    monkeypatch.setattr(printers.subprocess, "run", lp)
    printer = QPrinter()
    printer.setOutputFileName("")
    report = printers.print_pdf(source, printer, title="城东 2026-11-27", duplex=True)
    assert report.route is Route.CUPS and report.jobs == 2  # landscape sheet, then portrait
    assert [c[c.index("-o") + 1] for c in sent] == [
        "sides=two-sided-short-edge",
        "sides=two-sided-long-edge",
    ]
    assert all(c[-1] == str(source) and "print-scaling=none" in c for c in sent)
    assert not (tmp_path / "out.pdf").exists()  # nothing rasterised

    def refuses(command: list[str], **_kw: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(command, 1, "", "lp: The printer is not accepting jobs.")

    monkeypatch.setattr(printers.subprocess, "run", refuses)
    with pytest.raises(printers.PrintError, match="not accepting jobs"):
        printers.print_pdf(source, printer, title="t")
