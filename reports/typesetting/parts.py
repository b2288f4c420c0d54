"""Pieces several documents share: the letterhead, running header and footer, label rows.

Every function here takes already translated text; callers build documents inside
`models.vocabulary.i18n.using_language` so that `_()` answers in the document's language.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from reportlab.pdfgen.canvas import Canvas

from models.vocabulary.company_records import CompanySettings
from models.vocabulary.customer_records import Customer
from models.vocabulary.i18n import LANGUAGES, _, using_language
from reports.typesetting.fonts import FontSet, find_fonts
from reports.typesetting.layout import INK, MUTED, RULE, Block, Document, Frame, hline, paginate
from reports.typesetting.pen import Pen


@dataclass(frozen=True)
class Style:
    """What every part of a document needs: the pen, the language and the currency."""

    pen: Pen
    lang: str
    symbol: str


@cache
def _pen(fonts: FontSet) -> Pen:
    return Pen(fonts)


def style_for(company: CompanySettings, lang: str | None, fonts: FontSet | None = None) -> Style:
    """The style for a document of `company` in `lang` (default: the company setting)."""
    lang = lang or company.doc_language or "zh"
    if lang not in LANGUAGES:
        raise ValueError(f"unknown document language {lang!r}")
    fonts = fonts or find_fonts(company.pdf_font_path)
    return Style(_pen(fonts), lang, company.currency_symbol or "¥")


def name_code(customer: Customer, style: Style) -> str:
    """``白云区好又多便利店（C0001）`` / ``Haoyouduo (C0001)``: one bracket style a language."""
    if style.lang == "zh":
        return f"{customer.name}（{customer.code}）"
    return f"{customer.name} ({customer.code})"


def in_language(lang: str):  # noqa: ANN201 - a context manager
    """Build a document in `lang` (the catalogue answers `_()` in that language)."""
    return using_language(lang)


def letterhead(
    style: Style, company: CompanySettings, frame: Frame, *, compact: bool = False
) -> Block:
    """Company name centred, then address, phone and bank account, then a rule.

    `compact` sets it a little tighter (the statement, which should fit one page)."""
    pen = style.pen
    name = company.name or _("(Company name not set)")
    contact = "    ".join(
        part
        for part in (
            company.address,
            _("Tel. {phone}").format(phone=company.phone) if company.phone else "",
        )
        if part
    )
    bank = (
        _("Bank account: {account}").format(account=company.bank_account)
        if (company.bank_account)
        else ""
    )
    if bank and company.account_holder:
        bank += "  " + _("Account holder: {holder}").format(holder=company.account_holder)
    lines = [t for t in (contact, bank) if t]
    if compact and len(lines) > 1 and pen.width("    ".join(lines), 8) <= frame.width:
        lines = ["    ".join(lines)]
    lines = [part for text in lines for part in pen.wrap(text, 8, frame.width)]  # never < 7 pt
    name_size, first, step, after = (15, 15, 10, 5) if compact else (16, 17, 11, 6)
    # A long name is set smaller, down to 10 pt, then wraps onto a second line.
    name_size = pen.size_to_fit(name, name_size, frame.width, 10)
    names = pen.wrap(name, name_size, frame.width)
    name_step = name_size * 1.2
    height = first + 7 + step * len(lines) + after + (len(names) - 1) * name_step
    mid = (frame.left + frame.right) / 2

    def draw(c: Canvas, top: float) -> None:
        y = top - first
        for k, part in enumerate(names):
            pen.draw(c, mid, y - k * name_step, part, name_size, align="center", bold=True)
        y -= (len(names) - 1) * name_step
        for text in lines:
            y -= step
            pen.draw(c, mid, y, text, 8, align="center", color=MUTED, max_width=frame.width)
        hline(c, frame.left, frame.right, top - height + 3, width=1.0, color=INK)

    return Block(height, draw)


def title(
    style: Style, text: str, frame: Frame, *, size: float = 15, right: str = "", pad: float = 14
) -> Block:
    """A centred document title, with optional small text on the right (e.g. a serial)."""
    pen = style.pen
    mid = (frame.left + frame.right) / 2
    drop = size + 4 - (14 - pad) / 2

    def draw(c: Canvas, top: float) -> None:
        pen.draw(c, mid, top - drop, text, size, align="center", bold=True, color=INK)
        if right:  # beside the centred title, never over it
            room = (frame.width - pen.width(text, size)) / 2 - 8
            pen.draw(
                c,
                frame.right,
                top - drop + 2,
                right,
                8.5,
                align="right",
                color=MUTED,
                max_width=room,
            )

    return Block(size + pad, draw)


def label_rows(
    style: Style,
    frame: Frame,
    columns: Sequence[Sequence[tuple[str, str]]],
    *,
    size: float = 8.5,
    step: float = 13.0,
    label_width: float = 62.0,
) -> Block:
    """Side-by-side columns of ``label: value`` lines (the customer block). A value too
    wide for its column wraps onto as many lines as it needs (the row grows): names,
    addresses and phones are never cut, nor drawn over the next column."""
    pen = style.pen
    n = len(columns)
    gap = 12.0
    col_w = (frame.width - gap * (n - 1)) / n
    room = col_w - label_width
    line_step = size * 1.2
    laid = [[(label, pen.wrap(value, size, room)) for label, value in col] for col in columns]
    rows = max(len(col) for col in columns)
    extra = [
        max((len(col[r][1]) - 1 for col in laid if r < len(col)), default=0) for r in range(rows)
    ]
    height = rows * step + sum(extra) * line_step + 6

    def draw(c: Canvas, top: float) -> None:
        for ci, col in enumerate(laid):
            x = frame.left + ci * (col_w + gap)
            y = top + 3
            for ri, (label, values) in enumerate(col):
                y -= step + (extra[ri - 1] * line_step if ri else 0)
                pen.draw(c, x, y, label, size, color=MUTED, max_width=label_width - 4)
                for k, value in enumerate(values):
                    pen.draw(
                        c,
                        x + label_width,
                        y - k * line_step,
                        value,
                        size,
                        color=INK,
                        max_width=room,
                    )

    return Block(height, draw)


def section_heading(
    style: Style, text: str, frame: Frame, *, note: str = "", compact: bool = False
) -> Block:
    """A small bold heading that stays with what follows; `note` goes on the right."""
    pen = style.pen
    drop, height = (10.5, 14.0) if compact else (13.0, 19.0)

    def draw(c: Canvas, top: float) -> None:
        pen.draw(c, frame.left, top - drop, text, 9.5, bold=True, color=INK)
        if note:
            pen.draw(c, frame.right, top - drop, note, 7.5, align="right", color=MUTED)

    return Block(height, draw, keep_with_next=True, sticky=True)


def page_of(n: int, count: int) -> str:
    """``第 1 页 / 共 3 页`` / ``Page 1 of 3``."""
    return _("Page {n} of {count}").format(n=n, count=count)


HEAD_SIZE, HEAD_STEP = 8.5, 10.0
FOOT_SIZE, FOOT_STEP = 7.5, 8.5


def _header_parts(
    style: Style, frame: Frame, left: str, middle: str, right: str
) -> list[tuple[list[str], float]]:
    """The running header's three parts, each wrapped in its share of the width: the
    page number as wide as it is, the company and the document (which names the
    customer, up to 60 characters) the rest. Never shrunk: a long name wraps."""
    pen = style.pen
    right_w = pen.width(right, HEAD_SIZE) + 4
    rest = frame.width - right_w - 24
    widths = (rest * 0.4, rest * 0.6, right_w)
    return [
        (pen.wrap(text, HEAD_SIZE, w), w)
        for text, w in zip((left, middle, right), widths, strict=True)
    ]


def running_header_extra(style: Style, frame: Frame, left: str, middle: str, right: str) -> float:
    """How much lower than one line the running header reaches (its wrapped lines)."""
    lines = max(len(p) for p, _w in _header_parts(style, frame, left, middle, right))
    return (lines - 1) * HEAD_STEP


def running_header(
    c: Canvas,
    style: Style,
    size: tuple[float, float],
    frame: Frame,
    left: str,
    middle: str,
    right: str,
) -> None:
    """The compact band at the top of continuation pages. Callers leave room for it
    below the frame's top with `running_header_extra`."""
    pen = style.pen
    y = (frame.page_top or size[1] - frame.left) - 8
    (lefts, lw), (mids, mw), (rights, _rw) = _header_parts(style, frame, left, middle, right)
    mid_x = frame.left + lw + 12 + mw / 2
    for k, line in enumerate(lefts):
        pen.draw(c, frame.left, y - k * HEAD_STEP, line, HEAD_SIZE, bold=True, max_width=lw)
    for k, line in enumerate(mids):
        pen.draw(c, mid_x, y - k * HEAD_STEP, line, HEAD_SIZE, align="center", max_width=mw)
    for k, line in enumerate(rights):
        pen.draw(c, frame.right, y - k * HEAD_STEP, line, HEAD_SIZE, align="right", color=MUTED)
    lines = max(len(lefts), len(mids), len(rights))
    hline(c, frame.left, frame.right, y - 5 - (lines - 1) * HEAD_STEP, width=0.6, color=RULE)


def _footer_lines(style: Style, frame: Frame, left: str, right: str) -> list[str]:
    right_w = style.pen.width(right, FOOT_SIZE)
    return style.pen.wrap(left, FOOT_SIZE, frame.width - right_w - 16)


def footer_extra(style: Style, frame: Frame, left: str, right: str) -> float:
    """How much room the footer needs above a one-line footer (its wrapped lines)."""
    return (len(_footer_lines(style, frame, left, right)) - 1) * FOOT_STEP


def footer(c: Canvas, style: Style, frame: Frame, left: str, right: str) -> None:
    """The band at the bottom of every page: who the document is for, and the page.
    A long name wraps under the rule (callers raise the frame by `footer_extra`)."""
    pen = style.pen
    lines = _footer_lines(style, frame, left, right)
    y = frame.bottom - 18 + (len(lines) - 1) * FOOT_STEP
    hline(c, frame.left, frame.right, y + 10, width=0.4, color=RULE)
    for k, line in enumerate(lines):
        pen.draw(c, frame.left, y - k * FOOT_STEP, line, FOOT_SIZE, color=MUTED)
    pen.draw(c, frame.right, y, right, FOOT_SIZE, align="right", color=MUTED)


def room_for_chrome(
    frame: Frame, style: Style, head: tuple[str, str, str], foot: tuple[str, str]
) -> Frame:
    """`frame` made smaller by what a wrapped running header and footer need (the
    longest page number, "第 99 页 / 共 99 页", stands for every page's)."""
    widest = page_of(99, 99)
    top = running_header_extra(style, frame, head[0], head[1], widest)
    bottom = footer_extra(style, frame, foot[0], widest)
    if not (top or bottom):
        return frame
    return dataclasses.replace(frame, top=frame.top - top, bottom=frame.bottom + bottom)


def paged_document(
    blocks: Sequence[Block],
    frame: Frame,
    size: tuple[float, float],
    style: Style,
    *,
    company_name: str,
    head: str,
    foot: str,
    title: str,
    kind: str,
    file_stem: str,
) -> Document:
    """Paginate `blocks` into a document whose continuation pages carry the running
    header (`company_name`, `head`, page i of n) and every page the footer (`foot`)."""
    frame = room_for_chrome(frame, style, (company_name, head, ""), (foot, ""))
    pages = paginate(blocks, frame)

    def chrome(c: Canvas, n: int, count: int) -> None:
        if n > 1:
            running_header(c, style, size, frame, company_name, head, page_of(n, count))
        footer(c, style, frame, foot, page_of(n, count))

    return Document(
        title=title,
        size=size,
        pages=pages,
        chrome=chrome,
        font=style.pen.fonts.latin,
        lang=style.lang,
        kind=kind,
        file_stem=file_stem,
    )
