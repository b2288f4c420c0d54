"""Plain lists on paper and in spreadsheets: the call list and the hand-over summary.

A list is a title, a few label lines, and a table; the same rows export to CSV or
XLSX through `reports.safe_export`, so no cell is ever a formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from models.errors import InputError
from models.i18n import _
from models.records import CompanySettings
from reports.fonts import FontSet
from reports.layout import Column, Document, Frame, Table, frame_for, paginate, paper, spacer
from reports.output import check_destination, write_atomic, write_documents
from reports.parts import footer, in_language, label_rows, letterhead, page_of, style_for, title
from reports.safe_export import csv_bytes, xlsx_bytes


@dataclass(frozen=True)
class Listing:
    """What a list holds. Column widths are shares of the page width."""

    title: str
    info: tuple[tuple[str, str], ...]
    columns: tuple[tuple[str, float, str], ...]  # (title, share, align)
    rows: tuple[tuple[str, ...], ...]
    file_stem: str


def build_listing(
    listing: Listing,
    company: CompanySettings,
    *,
    lang: str | None = None,
    fonts: FontSet | None = None,
) -> Document:
    """Lay out a list on the company's paper; long cells wrap onto up to three lines."""
    style = style_for(company, lang, fonts)
    with in_language(style.lang):
        size = paper(company.paper_size)
        frame: Frame = frame_for(size, margin=14 * 2.8346)
        total = sum(share for _t, share, _a in listing.columns)
        columns = [
            Column(t, frame.width * share / total, align, lines=3)
            for t, share, align in listing.columns
        ]
        table = Table(style.pen, columns, frame.left, size=8.5, header_height=18, grid=True)
        half = (len(listing.info) + 1) // 2
        info = [list(listing.info[:half]), list(listing.info[half:])]
        blocks = [
            letterhead(style, company, frame, compact=True),
            title(style, listing.title, frame, pad=10),
            label_rows(style, frame, info, label_width=70 if style.lang == "en" else 58),
            spacer(4),
            table.header(),
            *(table.row(list(r)) for r in listing.rows),
        ]
        pages = paginate(blocks, frame)

        def chrome(c: Canvas, n: int, count: int) -> None:
            footer(c, style, frame, listing.title, page_of(n, count))

        return Document(
            title=listing.title,
            size=size,
            pages=pages,
            chrome=chrome,
            font=style.pen.fonts.latin,
            lang=style.lang,
            kind="list",
            file_stem=listing.file_stem,
        )


def render_listing(
    listing: Listing, company: CompanySettings, out: str | Path, *, lang: str | None = None
) -> Path:
    doc = build_listing(listing, company, lang=lang)
    return write_documents(out, [doc], title=doc.title, author=company.name)


def export_rows(
    out: str | Path, header: Sequence[str], rows: Sequence[Sequence[str]], *, bom: bool = True
) -> Path:
    """Write `rows` under `header` to a ``.csv`` or ``.xlsx`` file, through the one
    formula-safe writer (`reports.safe_export`)."""
    path = Path(out).expanduser()
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InputError(
            _(
                "Export to a file ending in .csv or .xlsx, such as aging.xlsx (not ‘{name}’)."
            ).format(name=path.name)
        )
    check_destination(path, spreadsheet=True)
    if suffix == ".csv":
        data = csv_bytes(header, rows, bom=bom)
    else:
        data = xlsx_bytes("list", header, rows)
    return write_atomic(path, data)
