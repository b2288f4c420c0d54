"""What the statement states under its entries: the closing balance in words and in
capitals (boxed), how to pay (the company's QR code and bank account), the deliveries
still open, the aging boxes and the open promises.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from models.vocabulary.aging_records import bucket_labels
from models.vocabulary.entry_records import EntryKind
from models.vocabulary.i18n import _
from models.vocabulary.paper_records import IouNote, Statement
from reports.documents.statement_table import BODY, PAD, note_line
from reports.typesetting.formatting import capitals, format_date, format_datetime, money
from reports.typesetting.layout import ACCENT, INK, MUTED, RULE, SHADE, Block, Frame, box, spacer
from reports.typesetting.parts import Style, section_heading
from reports.typesetting.pen import MIN_SIZE
from reports.typesetting.tables import Cell, Column, Table, fit_widths


def balance_sentence(fen: int, style: Style) -> str:
    """The closing balance in words for the summary box: who owes whom, how much."""
    if fen > 0:
        return _("Balance due: {amount}").format(amount=money(fen, style.symbol))
    if fen < 0:
        return _("You are in credit: you have paid {amount} in advance").format(
            amount=money(-fen, style.symbol)
        )
    return _("Nothing is owed: the account is settled")


def summary_box(st: Statement, style: Style, frame: Frame) -> Block:
    """The closing balance in words and in capitals, boxed. When the statement is aged
    at a later date than its period ends, both figures are named plainly: the balance
    at the end of the period, and the balance (and aging below) as of the later date."""
    pen = style.pen
    lead = _("As of {date}").format(date=format_date(st.period_to, style.lang))
    if st.as_of != st.period_to:
        lead = _("At the end of the period ({date})").format(
            date=format_date(st.period_to, style.lang)
        )
    sentence = f"{lead}  {balance_sentence(st.closing_balance, style)}"
    words = (
        _("In words: {words}").format(words=capitals(st.closing_balance))
        if st.closing_balance
        else ""
    )
    room = frame.width - 16
    lines = [(line, 10.5, True) for line in pen.wrap(sentence, 10.5, room)]
    if words:
        lines += [(line, 9.5, False) for line in pen.wrap(words, 9.5, room)]
    if len(lines) == 2 and pen.width(sentence, 10.5) + 16 + pen.width(words, 9.5) <= room:
        lines = [(sentence, 10.5, True), (words, 9.5, False)]
        one_line = True
    else:
        one_line = False
    if st.as_of != st.period_to:
        later = _(
            "As of {date}, entries after the period included: {balance}. "
            "The aging below is reckoned at that date."
        ).format(
            date=format_date(st.as_of, style.lang),
            balance=balance_sentence(st.aging.balance, style),
        )
        lines += [(line, 9, False) for line in pen.wrap(later, 9, room)]
    rows = len(lines) - (1 if one_line else 0)
    height = 10 + 12.5 * rows

    def draw(c: Canvas, top: float) -> None:
        box(c, frame.left, top - height + 2, frame.width, height - 4, color=INK, width=0.8)
        x = frame.left + 8
        y = top - 15
        k = 0
        if one_line:
            drawn = pen.draw(c, x, y, lines[0][0], 10.5, bold=True)
            pen.draw(c, x + drawn + 16, y, lines[1][0], 9.5)
            k, y = 2, y - 12.5
        for text, size, bold in lines[k:]:
            pen.draw(c, x, y, text, size, bold=bold, max_width=room)
            y -= 12.5

    return Block(height, draw)


def payment_block(st: Statement, style: Style, frame: Frame) -> list[Block]:
    """The company's own receiving QR code (as uploaded in Settings) beside the bank
    account and its holder, when a QR code was uploaded."""
    company = st.company
    if not company.payment_qr:
        return []
    try:
        image = ImageReader(io.BytesIO(company.payment_qr))
    except Exception:  # noqa: BLE001 - a damaged upload is left off, the statement prints
        return []
    pen = style.pen
    side = 22 * mm
    texts = [_("Scan to pay, or pay into our account:")]
    if company.bank_account:
        texts.append(company.bank_account)
    if company.account_holder:
        texts.append(_("Account holder: {holder}").format(holder=company.account_holder))
    room = frame.width - side - 12
    lines = [line for t in texts for line in pen.wrap(t, 9, room)]

    def draw(c: Canvas, top: float) -> None:
        c.drawImage(image, frame.left, top - side - 2, side, side, mask="auto")
        y = top - 12
        for line in lines:
            pen.draw(c, frame.left + side + 10, y, line, 9)
            y -= 11.5

    return [Block(max(side + 6, 11.5 * len(lines) + 6), draw)]


def open_deliveries(st: Statement, style: Style, frame: Frame) -> list[Block]:
    """The deliveries still open as of the as-of date, with due dates and days overdue
    (what a follow-up letter lists), after the entries."""
    if not st.open_items:
        return []
    texts = [
        ["2026-12-31"],
        [],
        [money(i.amount) for i in st.open_items],
        [money(i.open) for i in st.open_items],
        ["2026-12-31", _("not yet due")],
        [str(i.days_overdue) for i in st.open_items],
    ]
    w = _content_widths(style, frame, texts, flex=1, flex_min=70)
    cols = [
        Column(_("Date"), w[0], fit="shrink"),
        Column(_("Doc. no."), w[1]),
        Column(_("Amount"), w[2], "right"),
        Column(_("Still open"), w[3], "right"),
        Column(_("Due on"), w[4], fit="shrink"),
        Column(_("Days overdue"), w[5], "right"),
    ]
    table = Table(
        style.pen, cols, frame.left, size=BODY, row_height=12.4, header_height=13, vpad=1.4
    )
    heading = section_heading(
        style,
        _("Open deliveries as of {date}").format(date=format_date(st.as_of, style.lang)),
        frame,
        compact=True,
    )
    blocks = [heading, table.header()]
    for item in st.open_items:
        doc = item.doc_no if item.kind is not EntryKind.OPENING else item.kind.label
        late = item.days_overdue
        blocks.append(
            table.row(
                [
                    item.date.isoformat(),
                    doc or "—",
                    money(item.amount),
                    Cell(money(item.open), bold=True),
                    item.due_on.isoformat() if item.due_on else _("not yet due"),
                    Cell(str(late), color=ACCENT) if late else "",
                ]
            )
        )
    blocks.append(spacer(2))
    return blocks


def aging_boxes(st: Statement, style: Style, frame: Frame) -> list[Block]:
    """The aging as of the as-of date: a box per bucket, then the overdue and the balance."""
    pen = style.pen
    labels = [_("{days} days").format(days=label) for label in bucket_labels(st.edges)]
    cells = list(zip(labels, (money(v) for v in st.aging.buckets), strict=False))
    cells.append((_("Overdue"), money(st.aging.overdue)))
    cells.append((_("Balance"), money(st.aging.balance)))
    n = len(cells)
    # One row of boxes, or two when a figure would not fit its box at 7.5 pt.
    per_row = n
    if any(pen.width(v, 7.5) > frame.width / n - 6 for _l, v in cells):
        per_row = (n + 1) // 2
    w = frame.width / per_row
    h = 26.0
    rows = (n + per_row - 1) // per_row
    heading = section_heading(
        style,
        _("Aging as of {date}").format(date=format_date(st.as_of, style.lang)),
        frame,
        note=_oldest_note(st),
        compact=True,
    )

    def draw(c: Canvas, top: float) -> None:
        for i, (label, value) in enumerate(cells):
            x = frame.left + (i % per_row) * w
            y = top - (i // per_row) * h
            overdue = i == n - 2 and st.aging.overdue > 0
            fill = SHADE if i < n - 2 else None
            box(c, x, y - h, w, h, color=RULE, fill=fill)
            pen.draw(
                c, x + w / 2, y - 9.5, label, 7.5, align="center", color=MUTED, max_width=w - 6
            )
            pen.draw(
                c,
                x + w / 2,
                y - 21.5,
                value,
                9.5,
                align="center",
                bold=i >= n - 2,
                color=ACCENT if overdue else INK,
                max_width=w - 6,
            )

    return [heading, Block(h * rows + 4, draw)]


def _content_widths(
    style: Style,
    frame: Frame,
    texts: Sequence[Sequence[str]],
    *,
    flex: int,
    flex_min: float,
    wraps: Sequence[int] = (),
) -> list[float]:
    """Column widths holding each column's widest text whole at 9 pt (7 pt at least on
    a narrow page), the `flex` column the rest. Columns in `wraps` (numbers, dates with
    a time) wrap onto a second line rather than push the table off a narrow page."""
    pen = style.pen

    def need(column: Sequence[str], size: float) -> float:
        return max((pen.width(t, size) for t in column), default=0.0) + 2 * PAD + 1

    natural = [max(need(t, BODY), 40.0) for t in texts]
    least = [50.0 if i in wraps else max(need(t, MIN_SIZE), 30.0) for i, t in enumerate(texts)]
    return fit_widths(frame.width, natural, least, flex, flex_min)


def _oldest_note(st: Statement) -> str:
    """How old the oldest unpaid item is; "the opening balance" when that is what it is."""
    days = st.aging.oldest_open_days
    if days is None:
        return ""
    if st.open_items and st.open_items[0].kind is EntryKind.OPENING:
        return _("Oldest unpaid: the opening balance, {days} days").format(days=days)
    return _("Oldest unpaid delivery: {days} days").format(days=days)


def open_promises(promises: Sequence[IouNote], style: Style, frame: Frame) -> list[Block]:
    """The open promises, each asking for no more than is owed (`models.papers.ious.notes_for`):
    a promise cut down to what is owed is starred and the line under the table says so."""
    if not promises:
        return []
    texts = [
        [n.promise.serial for n in promises],
        [format_datetime(n.promise.due_at, style.lang) for n in promises],
        [money(n.promise.amount) for n in promises],
        [money(n.promise.paid) for n in promises],
        [money(n.amount) + ("*" if n.reduced else "") for n in promises],
        [],
    ]
    w = _content_widths(style, frame, texts, flex=5, flex_min=40, wraps=(0, 1))
    cols = [
        Column(_("IOU no."), w[0]),
        Column(_("Clear by"), w[1]),
        Column(_("Promised"), w[2], "right"),
        Column(_("Paid so far"), w[3], "right"),
        Column(_("Still to pay"), w[4], "right"),
        Column(_("Method"), w[5]),
    ]
    table = Table(
        style.pen, cols, frame.left, size=BODY, row_height=12.4, header_height=13, vpad=1.4
    )
    blocks = [section_heading(style, _("Open promises"), frame, compact=True), table.header()]
    for n in promises:
        p = n.promise
        who = p.method.label if p.method else ""
        if p.payer:
            who = f"{who} · {p.payer}" if who else p.payer
        blocks.append(
            table.row(
                [
                    p.serial,
                    format_datetime(p.due_at, style.lang),
                    money(p.amount),
                    money(p.paid),
                    Cell(money(n.amount) + ("*" if n.reduced else ""), bold=True),
                    who,
                ]
            )
        )
    if any(n.reduced for n in promises):
        reduced = _("* Reduced to what is owed on {date}: the promise asked for more.")
        blocks.append(
            note_line(style, frame, reduced.format(date=format_date(promises[0].on, style.lang)))
        )
    blocks.append(spacer(2))
    return blocks
