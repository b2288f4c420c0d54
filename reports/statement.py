"""The statement of account (对账单) with its tear-off balance confirmation (余额确认回执).

Voided entries: the voided entry is printed struck through, in grey, with the reason
("Voided: …") and no running balance; its reversal is left out, because it exists only
to cancel the original. The customer still sees the delivery note or cheque they may
remember, and the running balance, totals and closing balance count only what stands,
so the column adds up: opening + charges − credits = closing.

A customer in credit (negative balance) is told so in words ("you have paid ¥… in
advance") rather than shown a bare minus sign; the running balance column keeps the
minus sign and a note under the table explains it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from models.i18n import _
from models.records import Entry, Promise, Statement, bucket_labels
from reports.fonts import FontSet
from reports.formatting import capitals, format_date, format_datetime, money
from reports.layout import (
    ACCENT,
    INK,
    MUTED,
    RULE,
    SHADE,
    Block,
    Cell,
    Column,
    Document,
    Frame,
    Table,
    box,
    frame_for,
    hline,
    paginate,
    paper,
    spacer,
)
from reports.output import write_documents
from reports.parts import (
    Style,
    footer,
    in_language,
    label_rows,
    letterhead,
    page_of,
    running_header,
    section_heading,
    style_for,
    title,
)

VOIDED = ("strike", "omit")


def describe(entry: Entry) -> str:
    """The description column: kind, method, cheque details, products and memo."""
    parts = [entry.kind.label]
    if entry.method is not None:
        parts.append(entry.method.label)
    if entry.cheque is not None:
        chq = entry.cheque
        bits = [_("No. {number}").format(number=chq.number)] if chq.number else []
        if chq.bank:
            bits.append(chq.bank)
        if chq.due_on:
            bits.append(_("due {date}").format(date=chq.due_on.isoformat()))
        if bits:
            parts.append(" ".join(bits))
    if entry.lines:
        parts.append(", ".join(f"{ln.product} ×{ln.qty}" for ln in entry.lines))
    if entry.memo:
        parts.append(entry.memo)
    return " · ".join(parts)


def _balance_text(fen: int, style: Style) -> str:
    return money(fen)


def _rows(st: Statement, table: Table, style: Style, voided: str) -> tuple[list[Block], bool]:
    """Table rows for the opening balance, each entry, the totals and the closing balance.

    Returns the blocks and whether a negative (credit) balance was printed.
    """
    blocks: list[Block] = []
    negative = st.opening_balance < 0
    blocks.append(
        table.row(
            [
                st.period_from.isoformat(),
                "",
                Cell(_("Balance brought forward"), bold=True),
                "",
                "",
                Cell(_balance_text(st.opening_balance, style), bold=True),
            ],
            shade=True,
        )
    )
    running = st.opening_balance
    debit = credit = 0
    for row in st.rows:
        entry = row.entry
        if entry.is_reversal:
            continue
        if entry.is_voided:
            if voided == "omit":
                continue
            blocks.append(_voided_row(entry, table))
            continue
        running += entry.delta
        debit += entry.debit
        credit += entry.credit
        negative = negative or running < 0
        blocks.append(
            table.row(
                [
                    entry.date.isoformat(),
                    entry.doc_no,
                    describe(entry),
                    money(entry.debit) if entry.debit else "",
                    money(entry.credit) if entry.credit else "",
                    _balance_text(running, style),
                ]
            )
        )
    if running != st.closing_balance:
        # The paper must add up; a mismatch is a model bug, never silently printed.
        raise ValueError(
            f"statement of {st.customer.code}: rows add up to {running}, "
            f"closing balance is {st.closing_balance}"
        )
    if len(blocks) > 1:
        blocks[-1].keep_with_next = True  # never a totals row alone under a header
    blocks.append(
        table.row(
            [
                "",
                "",
                Cell(_("Totals for the period"), bold=True),
                Cell(money(debit), bold=True),
                Cell(money(credit), bold=True),
                "",
            ],
            rule_above=True,
            keep_with_next=True,  # totals and closing balance stay on one page
        )
    )
    blocks.append(
        table.row(
            [
                st.period_to.isoformat(),
                "",
                Cell(_("Closing balance"), bold=True),
                "",
                "",
                Cell(_balance_text(st.closing_balance, style), bold=True),
            ],
            shade=True,
        )
    )
    return blocks, negative or st.closing_balance < 0


def _voided_row(entry: Entry, table: Table) -> Block:
    reason = entry.void_reason or _("no reason given")
    note = _("Voided: {reason}").format(reason=reason)
    return table.row(
        [
            Cell(entry.date.isoformat(), strike=True, color=MUTED),
            Cell(entry.doc_no, strike=True, color=MUTED),
            Cell((describe(entry), note), strike=True, color=MUTED),
            Cell(money(entry.debit) if entry.debit else "", strike=True, color=MUTED),
            Cell(money(entry.credit) if entry.credit else "", strike=True, color=MUTED),
            Cell("", color=MUTED),
        ]
    )


def balance_sentence(fen: int, style: Style) -> str:
    """The closing balance in words for the summary box: who owes whom, how much."""
    if fen > 0:
        return _("Balance due: {amount}").format(amount=money(fen, style.symbol))
    if fen < 0:
        return _("You are in credit: you have paid {amount} in advance").format(
            amount=money(-fen, style.symbol)
        )
    return _("Nothing is owed: the account is settled")


def _summary(st: Statement, style: Style, frame: Frame) -> Block:
    """The closing balance in words and in capitals, boxed: one line when it fits."""
    pen = style.pen
    lead = _("As of {date}").format(date=format_date(st.period_to, style.lang))
    sentence = f"{lead}  {balance_sentence(st.closing_balance, style)}"
    words = (
        _("In words: {words}").format(words=capitals(st.closing_balance))
        if st.closing_balance
        else ""
    )
    room = frame.width - 16
    one_line = not words or pen.width(sentence, 10.5) + 16 + pen.width(words, 9.5) <= room
    height = 22.0 if one_line else 34.0

    def draw(c: Canvas, top: float) -> None:
        box(c, frame.left, top - height + 2, frame.width, height - 4, color=INK, width=0.8)
        x = frame.left + 8
        drawn = pen.draw(c, x, top - 15, sentence, 10.5, bold=True, max_width=room)
        if words and one_line:
            pen.draw(c, x + drawn + 16, top - 15, words, 9.5)
        elif words:
            pen.draw(c, x, top - 28, words, 9.5, max_width=room)

    return Block(height, draw)


def _aging(st: Statement, style: Style, frame: Frame) -> list[Block]:
    pen = style.pen
    labels = [_("{days} days").format(days=label) for label in bucket_labels(st.edges)]
    cells = list(zip(labels, (money(v) for v in st.aging.buckets), strict=False))
    cells.append((_("Overdue"), money(st.aging.overdue)))
    cells.append((_("Balance"), money(st.aging.balance)))
    n = len(cells)
    w = frame.width / n
    h = 26.0
    heading = section_heading(
        style,
        _("Aging as of {date}").format(date=format_date(st.as_of, style.lang)),
        frame,
        note=_("Oldest unpaid delivery: {days} days").format(days=st.aging.oldest_open_days)
        if st.aging.oldest_open_days is not None
        else "",
        compact=True,
    )

    def draw(c: Canvas, top: float) -> None:
        for i, (label, value) in enumerate(cells):
            x = frame.left + i * w
            overdue = i == n - 2 and st.aging.overdue > 0
            fill = SHADE if i < n - 2 else None
            box(c, x, top - h, w, h, color=RULE, fill=fill)
            pen.draw(
                c, x + w / 2, top - 9.5, label, 7.5, align="center", color=MUTED, max_width=w - 6
            )
            pen.draw(
                c,
                x + w / 2,
                top - 21.5,
                value,
                9.5,
                align="center",
                bold=i >= n - 2,
                color=ACCENT if overdue else INK,
                max_width=w - 6,
            )

    return [heading, Block(h + 4, draw)]


def _promises(promises: Sequence[Promise], style: Style, frame: Frame) -> list[Block]:
    if not promises:
        return []
    cols = [
        Column(_("IOU no."), 70),
        Column(_("Clear by"), 110),
        Column(_("Promised"), 75, "right"),
        Column(_("Paid so far"), 75, "right"),
        Column(_("Still to pay"), 75, "right"),
        Column(_("Method"), frame.width - 405),
    ]
    table = Table(style.pen, cols, frame.left, size=8, row_height=11, header_height=12, vpad=1.4)
    blocks = [section_heading(style, _("Open promises"), frame, compact=True), table.header()]
    for p in promises:
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
                    Cell(money(p.amount - p.paid), bold=True),
                    who,
                ]
            )
        )
    blocks.append(spacer(2))
    return blocks


def confirmation_sentence(st: Statement, style: Style) -> str:
    """The slip's text, written as the customer speaking to the company."""
    date = format_date(st.period_to, style.lang)
    company = st.company.name or _("(Company name not set)")
    fen = st.closing_balance
    if fen > 0:
        text = _("As of {date} we owe {company} {amount} ({words}). We confirm this balance.")
    elif fen < 0:
        text = _(
            "As of {date} {company} owes us {amount} ({words}), paid in advance. "
            "We confirm this balance."
        )
    else:
        text = _("As of {date} our account with {company} is settled. We confirm this.")
    return text.format(
        date=date, company=company, amount=money(abs(fen), style.symbol), words=capitals(fen)
    )


def _slip(st: Statement, style: Style, frame: Frame) -> Block:
    """The tear-off balance confirmation, set at the foot of the last page."""
    pen = style.pen
    body = pen.wrap(confirmation_sentence(st, style), 9.5, frame.width - 12, max_lines=4)
    to_line = _("To: {company}").format(company=st.company.name or "")
    from_line = _("From: {customer} ({code})").format(
        customer=st.customer.name, code=st.customer.code
    )
    cut = _("Cut here, sign, stamp and return this slip")
    differ = _("If this is not correct, write the difference here:")
    height = 72 + 12 * len(body)

    def draw(c: Canvas, top: float) -> None:
        y = top - 5
        hline(c, frame.left, frame.right, y, dash=(4, 3), color=MUTED)
        w = pen.width(cut, 7.5) + 12
        mid = (frame.left + frame.right) / 2
        c.saveState()
        c.setFillColorRGB(1, 1, 1)
        c.rect(mid - w / 2, y - 5, w, 10, fill=1, stroke=0)
        c.restoreState()
        pen.draw(c, mid, y - 2.5, cut, 7.5, align="center", color=MUTED)
        y -= 17
        pen.draw(c, mid, y, _("Balance confirmation"), 11.5, align="center", bold=True)
        y -= 14
        half = frame.width / 2 - 10
        pen.draw(c, frame.left + 6, y, to_line, 9, max_width=half)
        pen.draw(c, frame.right - 6, y, from_line, 9, align="right", max_width=half)
        for line in body:
            y -= 12
            pen.draw(c, frame.left + 6, y, line, 9.5)
        y -= 14
        pen.draw(c, frame.left + 6, y, differ, 8.5, color=MUTED, max_width=frame.width - 60)
        hline(
            c,
            frame.left + 6 + pen.width(differ, 8.5) + 4,
            frame.right - 6,
            y - 2,
            color=RULE,
        )
        y -= 19
        third = frame.width / 3
        for i, label in enumerate((_("Signature"), _("Company stamp"), _("Date"))):
            x = frame.left + 6 + i * third
            pen.draw(c, x, y, label, 8.5, color=MUTED)
            lw = pen.width(label, 8.5) + 4
            hline(c, x + lw, x + third - 14, y - 2, color=INK, width=0.6)

    return Block(height, draw, at_bottom=True)


def build_statement(
    st: Statement,
    *,
    lang: str | None = None,
    fonts: FontSet | None = None,
    voided: str = "strike",
) -> Document:
    """Lay out the statement `st` in `lang` (default `st.company.doc_language`).

    `voided` is "strike" (voided entries struck through, reversals left out) or "omit"
    (the pair left out entirely).
    """
    if voided not in VOIDED:
        raise ValueError(f"voided must be one of {VOIDED}")
    style = style_for(st.company, lang, fonts)
    with in_language(style.lang):
        return _build(st, style, voided)


def _build(st: Statement, style: Style, voided: str) -> Document:
    size = paper(st.company.paper_size)
    # Tighter than the other documents, so that a statement of 30-40 entries fits one
    # A4 page with its aging and slip: 9 mm above the letterhead, the footer 8 mm from
    # the bottom, continuation pages starting just under their running header.
    base = frame_for(size)
    frame = Frame(base.left, base.right, size[1] - base.left - 20, 40.0, size[1] - 9 * mm)
    lang = style.lang
    cust = st.customer
    period = _("{start} to {end}").format(
        start=format_date(st.period_from, lang), end=format_date(st.period_to, lang)
    )
    limit = (
        money(cust.credit_limit, style.symbol)
        if cust.credit_limit is not None
        else _("none agreed")
    )
    contact = "  ".join(p for p in (cust.contact, cust.phones) if p)
    left = [
        (_("Customer"), f"{cust.name} ({cust.code})"),
        (_("Contact"), contact or "—"),
        (_("Address"), cust.address or "—"),
        (_("Route / rep"), " / ".join(p for p in (cust.route_name, cust.rep_name) if p) or "—"),
    ]
    right = [
        (_("Period"), period),
        (_("Aged as of"), format_date(st.as_of, lang)),
        (_("Terms"), cust.terms.label),
        (_("Credit limit"), limit),
    ]
    head = [
        letterhead(style, st.company, frame, compact=True),
        title(style, _("Statement of account"), frame, size=14, pad=6),
        label_rows(
            style,
            frame,
            [left, right],
            label_width=58 if lang == "zh" else 62,
            step=11,
            lines=3,
        ),
        spacer(2),
    ]
    # Narrow figure columns (8 pt "1,234,567.89" is 46 pt wide) leave the description
    # room for a cheque's number, bank and due date on one line.
    desc_w = frame.width - (48 + 60 + 58 + 58 + 62)
    cols = [
        Column(_("Date"), 48),
        Column(_("Doc. no."), 60),
        Column(_("Description"), desc_w, lines=3),
        Column(_("Charges"), 58, "right"),
        Column(_("Credits"), 58, "right"),
        Column(_("Balance"), 62, "right"),
    ]
    table = Table(
        style.pen,
        cols,
        frame.left,
        size=8,
        row_height=10.8,
        header_height=13,
        leading=1.2,
        vpad=1.2,
        valign="top",
    )
    rows, negative = _rows(st, table, style, voided)
    # What follows the last entry (totals, closing balance, summary, aging, promises and
    # the slip) stays together, with that entry under a repeated header when it must move
    # to a new page: never a page holding only the aging boxes or only the slip.
    tail: list[Block] = [*rows[-2:]]
    if negative:
        tail.append(
            _note(
                style,
                frame,
                _("A negative balance means you have paid in advance (you are in credit)."),
            )
        )
    tail.append(spacer(3))
    tail.append(_summary(st, style, frame))
    tail.extend(_aging(st, style, frame))
    tail.extend(_promises(st.open_promises, style, frame))
    tail.append(_slip(st, style, frame))
    for block in tail[:-1]:
        block.keep_with_next = True
    blocks = [*head, table.header(), *rows[:-2], *tail]
    pages = paginate(blocks, frame)

    doc_title = _("Statement of account")
    who = f"{cust.name} ({cust.code})"
    company = st.company.name or ""
    foot_left = f"{who} · {period}"

    def chrome(c: Canvas, n: int, count: int) -> None:
        if n > 1:
            running_header(
                c, style, size, frame, company, f"{doc_title} · {cust.name}", page_of(n, count)
            )
        footer(c, style, frame, foot_left, page_of(n, count))

    return Document(
        title=f"{doc_title} {who}",
        size=size,
        pages=pages,
        chrome=chrome,
        font=style.pen.fonts.latin,
        lang=style.lang,
        kind="statement",
        file_stem=f"statement-{cust.code}-{st.period_to.isoformat()}",
    )


def _note(style: Style, frame: Frame, text: str) -> Block:
    def draw(c: Canvas, top: float) -> None:
        style.pen.draw(c, frame.left, top - 9.5, text, 7.5, color=MUTED, max_width=frame.width)

    return Block(13, draw)


def render_statement(
    st: Statement,
    out: str | Path,
    *,
    lang: str | None = None,
    fonts: FontSet | None = None,
    voided: str = "strike",
) -> Path:
    """Write the statement `st` to the PDF `out` atomically; returns the path."""
    doc = build_statement(st, lang=lang, fonts=fonts, voided=voided)
    return write_documents(out, [doc], title=doc.title, author=st.company.name)
