"""Plain lists on paper and in spreadsheets: the call list and the hand-over summary.

A list is a title, a few label lines, and a table; then, if it has them, further
headed tables (the hand-over's promises and visits) and signature lines. The same rows
export to CSV or XLSX through `reports.spreadsheets.safe_export`, so no cell is ever a formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from models.vocabulary.company_records import CompanySettings
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _
from reports.spreadsheets.safe_export import csv_bytes, xlsx_bytes
from reports.typesetting.fonts import FontSet
from reports.typesetting.layout import (
    INK,
    MUTED,
    Block,
    Document,
    Frame,
    frame_for,
    hline,
    paginate,
    paper,
    spacer,
)
from reports.typesetting.output import check_destination, write_atomic, write_documents
from reports.typesetting.parts import (
    Style,
    footer,
    in_language,
    label_rows,
    letterhead,
    page_of,
    section_heading,
    style_for,
    title,
)
from reports.typesetting.tables import Column, Table


@dataclass(frozen=True)
class Section:
    """A further table under its own heading; `empty` is said when it has no rows."""

    heading: str
    columns: tuple[tuple[str, float, str], ...]  # (title, share, align)
    rows: tuple[tuple[str, ...], ...]
    empty: str = ""


@dataclass(frozen=True)
class Listing:
    """What a list holds. Column widths are shares of the page width. `signatures` are
    the people who sign at the end, each on a line with a date line beside it."""

    title: str
    info: tuple[tuple[str, str], ...]
    columns: tuple[tuple[str, float, str], ...]  # (title, share, align)
    rows: tuple[tuple[str, ...], ...]
    file_stem: str
    sections: tuple[Section, ...] = ()
    signatures: tuple[str, ...] = ()


SIGN_SIZE = 9.0


def _table(style: Style, frame: Frame, columns: tuple[tuple[str, float, str], ...]) -> Table:
    total = sum(share for _t, share, _a in columns)
    cells = [Column(t, frame.width * share / total, align, lines=3) for t, share, align in columns]
    return Table(style.pen, cells, frame.left, size=8.5, header_height=18, grid=True)


def _section(style: Style, frame: Frame, section: Section) -> list[Block]:
    heading = section_heading(style, section.heading, frame)
    if not section.rows:

        def say(c: Canvas, top: float) -> None:
            style.pen.draw(c, frame.left, top - 10, section.empty, 8.5, color=MUTED)

        return [heading, Block(14, say)]
    table = _table(style, frame, section.columns)
    return [heading, table.header(), *(table.row(list(r)) for r in section.rows)]


def _signatures(style: Style, frame: Frame, who: tuple[str, ...]) -> Block:
    """One line per person: "交款人（业务员）签字 ________  日期 ________", kept together."""
    pen, step = style.pen, 30.0
    date = _("Date")
    date_at = frame.left + frame.width * 0.62

    def draw(c: Canvas, top: float) -> None:
        for i, label in enumerate(who):
            y = top - 26 - i * step
            pen.draw(c, frame.left, y, label, SIGN_SIZE, color=INK)
            x0 = frame.left + pen.width(label, SIGN_SIZE) + 6
            hline(c, x0, date_at - 18, y - 2, color=INK, width=0.6)
            pen.draw(c, date_at, y, date, SIGN_SIZE, color=INK)
            x1 = date_at + pen.width(date, SIGN_SIZE) + 6
            hline(c, x1, frame.right, y - 2, color=INK, width=0.6)

    return Block(26 + step * (len(who) - 1) + 10, draw)


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
        table = _table(style, frame, listing.columns)
        half = (len(listing.info) + 1) // 2
        info = [list(listing.info[:half]), list(listing.info[half:])]
        # As wide as the widest label at full size: "转账、微信、支付宝" was squeezed
        # below 7 pt and still ran into its figure.
        widest = max((style.pen.width(label, 8.5) for label, _v in listing.info), default=0)
        label_width = max(70 if style.lang == "en" else 58, widest + 8)
        blocks = [
            letterhead(style, company, frame, compact=True),
            title(style, listing.title, frame, pad=10),
            label_rows(style, frame, info, label_width=label_width),
            spacer(4),
            table.header(),
            *(table.row(list(r)) for r in listing.rows),
        ]
        for section in listing.sections:
            blocks += [spacer(6), *_section(style, frame, section)]
        if listing.signatures:
            blocks += [spacer(6), _signatures(style, frame, listing.signatures)]
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
    formula-safe writer (`reports.spreadsheets.safe_export`)."""
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
