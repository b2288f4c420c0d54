"""The statement (and its IOU notes) laid out for a phone, to send by WeChat: pages
360 points wide, rasterised at 3× to 1080-pixel PNGs (`reports.typesetting.raster`).

Laid out for the screen, not A4 shrunk: one column; no text under 10 pt (30 px at
1080 px wide, readable without zooming); each entry on two lines (what it was, then
the amount and the running balance); the balance owed large, in figures and capitals.
Every page carries the statement number (and the first a QR code of it), so a reply
sent back can be recorded against it. It states only what the statement states: the
ledger's figures of that day.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.graphics import renderPDF
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from models.vocabulary.i18n import _
from models.vocabulary.paper_records import IouNote, Statement
from reports.documents.statement_slip import confirmation_sentence
from reports.documents.statement_table import describe
from reports.typesetting.codes import qr_drawing
from reports.typesetting.fonts import FontSet
from reports.typesetting.formatting import capitals, format_date, format_datetime, money
from reports.typesetting.layout import INK, MUTED, RULE, Block, Document, Frame, hline, paginate
from reports.typesetting.parts import Style, in_language, name_code, page_of, style_for

WIDTH, HEIGHT = 360.0, 720.0  # points: 1080 × 2160 px at 3×
MARGIN = 16.0
BODY = 11.0  # 33 px at 1080 px
SMALL = 10.0  # the smallest text on a phone page: 30 px
QR = 84.0


def _text(
    style: Style,
    frame: Frame,
    text: str,
    size: float = BODY,
    *,
    bold: bool = False,
    color: Color | None = None,
    gap: float = 0.35,
) -> Block:
    """`text` wrapped to the frame, `gap` × size between lines."""
    lines = style.pen.wrap(text, size, frame.width) or [""]
    step = size * (1 + gap)

    def draw(c: Canvas, top: float) -> None:
        y = top
        for line in lines:
            y -= step
            style.pen.draw(c, frame.left, y + size * gap, line, size, bold=bold, color=color)

    return Block(step * len(lines) + 2, draw)


def _pair(style: Style, frame: Frame, left: str, right: str, size: float = BODY, **kw) -> Block:
    """A label on the left and a figure on the right of one line."""
    bold = kw.get("bold", False)
    color = kw.get("color")

    def draw(c: Canvas, top: float) -> None:
        y = top - size * 1.2
        wide = style.pen.draw(c, frame.right, y, right, size, align="right", bold=bold)
        room = frame.width - wide - 8
        style.pen.draw(c, frame.left, y, left, size, color=color, max_width=room, cut=True)

    return Block(size * 1.45, draw)


def _rule(frame: Frame, pad: float = 6.0) -> Block:
    def draw(c: Canvas, top: float) -> None:
        hline(c, frame.left, frame.right, top - pad / 2, color=RULE)

    return Block(pad, draw)


def _head(st: Statement, style: Style, frame: Frame) -> list[Block]:
    pen = style.pen
    company = st.company.name or _("(Company name not set)")

    def draw(c: Canvas, top: float) -> None:
        renderPDF.draw(qr_drawing(st.number, QR), c, frame.right - QR + 4, top - QR + 4)
        room = frame.width - QR - 6
        y = top - 14
        for line in pen.wrap(company, 12, room)[:2]:
            pen.draw(c, frame.left, y, line, 12, bold=True)
            y -= 16
        y -= 8
        pen.draw(c, frame.left, y, _("Statement of account"), 18, bold=True)
        y -= 22
        pen.draw(c, frame.left, y, st.number or _("Preview"), 14, bold=True)

    return [Block(QR + 2, draw)]


def _summary(st: Statement, style: Style, frame: Frame) -> list[Block]:
    lang = style.lang
    period = _("{start} to {end}").format(
        start=format_date(st.period_from, lang), end=format_date(st.period_to, lang)
    )
    fen = st.closing_balance
    label = _("Balance owed") if fen >= 0 else _("Paid in advance")
    blocks = [
        _text(style, frame, name_code(st.customer, style), 13, bold=True),
        _text(style, frame, period, SMALL, color=MUTED),
        _rule(frame, 10),
        _text(style, frame, label, BODY, color=MUTED, gap=0.2),
        _text(style, frame, money(abs(fen), style.symbol), 26, bold=True, gap=0.25),
        _text(style, frame, capitals(fen), SMALL, color=MUTED),
    ]
    if st.aging.overdue > 0:
        overdue = _("of which overdue: {amount}").format(
            amount=money(st.aging.overdue, style.symbol)
        )
        blocks.append(_text(style, frame, overdue, BODY, bold=True))
    blocks.append(_rule(frame, 10))
    return blocks


def _entries(st: Statement, style: Style, frame: Frame) -> list[Block]:
    blocks = [
        _text(style, frame, _("Entries"), 13, bold=True),
        _pair(style, frame, _("Balance brought forward"), money(st.opening_balance), color=MUTED),
    ]
    for row in st.rows:
        e = row.entry
        if e.is_voided or e.is_reversal:
            continue  # a voided pair changes nothing: left out, the balance still adds up
        what = f"{e.date:%m-%d}  {describe(e)}" + (f"  {e.doc_no}" if e.doc_no else "")
        sign = "+" if e.delta > 0 else "−"
        first = _text(style, frame, what, BODY, gap=0.25)
        second = _pair(
            style,
            frame,
            f"{sign}{money(abs(e.delta))}",
            _("balance {amount}").format(amount=money(row.balance)),
            SMALL,
        )
        first.keep_with_next = True
        blocks.extend([first, second, _rule(frame, 6)])
    blocks.append(
        _pair(
            style, frame, _("Closing balance"), money(st.closing_balance, style.symbol), bold=True
        )  # fmt: skip
    )
    return blocks


def _promises(notes: tuple[IouNote, ...], style: Style, frame: Frame) -> list[Block]:
    """Each open promise as its IOU note states it: the amount in figures and capitals
    and the agreed clearance date large."""
    if not notes:
        return []
    blocks = [_rule(frame, 12), _text(style, frame, _("Agreed to clear (IOU)"), 13, bold=True)]
    for note in notes:
        p = note.promise
        number = f"QK-{p.id:06d}"
        blocks.extend(
            [
                _text(style, frame, format_datetime(p.due_at, style.lang), 18, bold=True),
                _pair(style, frame, number, money(note.amount, style.symbol), bold=True),
                _text(style, frame, capitals(note.amount), SMALL, color=MUTED),
                _rule(frame, 8),
            ]
        )
    return blocks


def _reply(st: Statement, style: Style, frame: Frame) -> list[Block]:
    lang = style.lang
    ask = _(
        "Please check it and reply ‘agreed’ (相符) with the number {number}, or tell us "
        "the amount that differs and why."
    ).format(number=st.number or "—")
    blocks = [_rule(frame, 12), _text(style, frame, confirmation_sentence(st, style), BODY)]
    blocks.append(_text(style, frame, ask, BODY, bold=True))
    if st.reply_by is not None:
        by = _("Please reply by {date}.").format(date=format_date(st.reply_by, lang))
        blocks.append(_text(style, frame, by, BODY))
    return blocks


def build_phone_statement(
    st: Statement, *, lang: str | None = None, fonts: FontSet | None = None
) -> list[Document]:
    """Lay out `st` for a phone screen in `lang` (default: the company's language): the
    full pages, then the last page cut to what it holds (a phone image with a screen of
    white under the text looks unfinished). Drawn one after the other into one PDF."""
    style = style_for(st.company, lang, fonts)
    with in_language(style.lang):
        frame = Frame(MARGIN, WIDTH - MARGIN, HEIGHT - 40, 40, HEIGHT - 14)
        blocks = [
            *_head(st, style, frame),
            *_summary(st, style, frame),
            *_entries(st, style, frame),
            *_promises(st.open_promises, style, frame),
            *_reply(st, style, frame),
        ]
        pages = paginate(blocks, frame)
        chrome = _chrome(st, style, frame)
        total = len(pages)
        last = pages[-1]
        lowest = min((top - block.height for block, top in last.placed), default=HEIGHT)
        short = min(HEIGHT, max(HEIGHT - lowest + 48, 360.0))  # room for the footer
        shift = HEIGHT - short
        last.placed = [(block, top - shift) for block, top in last.placed]

        def document(doc_pages: list, height: float, first: int) -> Document:
            return Document(
                title=f"{_('Statement of account')} {st.number}",
                size=(WIDTH, height),
                pages=doc_pages,
                chrome=lambda c, n, _count: chrome(c, first + n, total),
                font=style.pen.fonts.latin,
                lang=style.lang,
                kind="phone-statement",
                file_stem=f"statement-{st.customer.code}-{st.period_to.isoformat()}",
            )

        docs = [document(pages[:-1], HEIGHT, 0)] if total > 1 else []
        return [*docs, document([last], short, total - 1)]


def _chrome(st: Statement, style: Style, frame: Frame) -> Callable[[Canvas, int, int], None]:
    who = st.customer.name

    def chrome(c: Canvas, n: int, count: int) -> None:
        height = c._pagesize[1]  # the last page is cut to what it holds
        c.saveState()
        c.setFillColorRGB(1, 1, 1)
        c.rect(0, 0, WIDTH, height, fill=1, stroke=0)  # a PNG with no see-through page
        c.restoreState()
        if n > 1:
            head = f"{st.number} · {who}"
            style.pen.draw(
                c, frame.left, height - 24, head, SMALL, color=MUTED, max_width=frame.width
            )
        foot = f"{st.number}    {page_of(n, count)}"
        style.pen.draw(c, frame.right, 18, foot, SMALL, align="right", color=INK)

    return chrome
