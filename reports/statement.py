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

import io
from collections.abc import Callable, Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from models.i18n import _
from models.records import Entry, EntryKind, IouNote, Statement, bucket_labels
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
    hline,
    margins,
    paginate,
    paper,
    spacer,
    widths,
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


def describe(entry: Entry, memo_room: tuple[Table, int] | None = None) -> str:
    """The description column: kind, method, cheque details, products and memo.

    With `memo_room` (the table and column), a long memo — free text, the only part
    that may be shortened — is cut to about two lines of the column; the rest wraps."""
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
        memo = entry.memo
        if memo_room is not None:
            table, i = memo_room
            memo = table.pen.fit(memo, table.size, table.cell_width(i) * 2)
        parts.append(memo)
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
        before = running
        running += entry.delta
        debit += entry.debit
        credit += entry.credit
        negative = negative or running < 0
        row = table.row(
            [
                entry.date.isoformat(),
                entry.doc_no,
                describe(entry, (table, 2)),
                money(entry.debit) if entry.debit else "",
                money(entry.credit) if entry.credit else "",
                _balance_text(running, style),
            ]
        )
        row.carry = _carry(table, before)
        blocks.append(row)
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


def _carry(table: Table, balance: int) -> Callable[[], tuple[Block, Block]]:
    """The 过次页 row for the foot of a page and the 承前页 row for the top of the next,
    both with the running balance before the row that starts the new page."""

    def make() -> tuple[Block, Block]:
        def line(label: str) -> Block:
            return table.row(
                ["", "", Cell(label, bold=True), "", "", Cell(money(balance), bold=True)],
                shade=True,
                with_header=False,
            )

        return line(_("Carried forward to next page")), line(
            _("Brought forward from previous page")
        )

    return make


def _voided_row(entry: Entry, table: Table) -> Block:
    reason = entry.void_text or _("no reason given")
    note = _("Voided: {reason}").format(reason=reason)
    return table.row(
        [
            Cell(entry.date.isoformat(), strike=True, color=MUTED),
            Cell(entry.doc_no, strike=True, color=MUTED),
            Cell((describe(entry, (table, 2)), note), strike=True, color=MUTED),
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


def _payment_block(st: Statement, style: Style, frame: Frame) -> list[Block]:
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


def _open_items(st: Statement, style: Style, frame: Frame) -> list[Block]:
    """The deliveries still open as of the as-of date, with due dates and days overdue
    (what a follow-up letter lists), after the entries."""
    if not st.open_items:
        return []
    w = widths(frame.width, [60, 110, 80, 80, 60, 60], minimum=[44, 50, 50, 50, 44, 40])
    cols = [
        Column(_("Date"), w[0], fit="shrink"),
        Column(_("Doc. no."), w[1]),
        Column(_("Amount"), w[2], "right"),
        Column(_("Still open"), w[3], "right"),
        Column(_("Due on"), w[4], fit="shrink"),
        Column(_("Days overdue"), w[5], "right"),
    ]
    table = Table(style.pen, cols, frame.left, size=8, row_height=11, header_height=12, vpad=1.4)
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
        note=_oldest_note(st),
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


def _oldest_note(st: Statement) -> str:
    """How old the oldest unpaid item is; "the opening balance" when that is what it is."""
    days = st.aging.oldest_open_days
    if days is None:
        return ""
    if st.open_items and st.open_items[0].kind is EntryKind.OPENING:
        return _("Oldest unpaid: the opening balance, {days} days").format(days=days)
    return _("Oldest unpaid delivery: {days} days").format(days=days)


def _promises(promises: Sequence[IouNote], style: Style, frame: Frame) -> list[Block]:
    """The open promises, each asking for no more than is owed (`models.ious.notes_for`):
    a promise cut down to what is owed is starred and the line under the table says so."""
    if not promises:
        return []
    w = widths(frame.width, [70, 110, 75, 75, 75, frame.width - 405], minimum=[50] * 6)
    cols = [
        Column(_("IOU no."), w[0]),
        Column(_("Clear by"), w[1]),
        Column(_("Promised"), w[2], "right"),
        Column(_("Paid so far"), w[3], "right"),
        Column(_("Still to pay"), w[4], "right"),
        Column(_("Method"), w[5]),
    ]
    table = Table(style.pen, cols, frame.left, size=8, row_height=11, header_height=12, vpad=1.4)
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
            _note(style, frame, reduced.format(date=format_date(promises[0].on, style.lang)))
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


SLIP_SEAL = 16 * mm


def reply_sentence(st: Statement) -> str:
    """ "Reply within N days, or the balance stands", with whom to call about it."""
    company = st.company
    text = _(
        "Please sign, stamp and return this slip within {days} days of receiving it; "
        "if we have no reply by then, the balance is taken as confirmed."
    ).format(days=company.reply_days)
    phone = company.contact_phone or company.phone
    who = "  ".join(p for p in (company.contact_name, phone) if p)
    if who:
        text += " " + _("Questions about this statement: {who}.").format(who=who)
    return text


def _slip(st: Statement, style: Style, frame: Frame) -> Block:
    """The tear-off balance confirmation, set at the foot of the last page. Torn off, it
    still names the statement (its number), the customer in full and the balance."""
    pen = style.pen
    room = frame.width - 12
    size = 8.5
    step = 10.5
    cut = _("Cut here, sign, stamp and return this slip")
    number = _("Statement no. {number}").format(number=st.number) if st.number else ""
    texts: list[tuple[str, float, bool]] = []

    def add(text: str, sz: float = size, bold: bool = False) -> None:
        texts.extend((line, sz, bold) for line in pen.wrap(text, sz, room))

    to_line = _("To: {company}").format(company=st.company.name or _("(Company name not set)"))
    from_line = _("From: {customer} ({code})").format(
        customer=st.customer.name, code=st.customer.code
    )
    if pen.width(to_line + from_line, 9) + 24 <= room:  # one line when both fit
        add(f"{from_line}    {to_line}", 9, bold=True)
    else:
        add(from_line, 9, bold=True)
        add(to_line)
    add(confirmation_sentence(st, style), 9.5)
    add(
        _(
            "□ Correct    □ Not correct: the difference is ________________, because ____________________________"
        )
    )
    add(_("Paid with this slip: ¥ ______________   □ cash  □ cheque no. __________  □ transfer"))
    add(reply_sentence(st), 8)
    sign_h = SLIP_SEAL + 4
    height = 17 + 16 + step * len(texts) + 8 + sign_h

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
        heading = _("Balance confirmation")
        pen.draw(c, frame.left + 6, y, heading, 11.5, bold=True)
        if number:
            room_n = frame.width - pen.width(heading, 11.5) - 24
            pen.draw(c, frame.right - 6, y, number, 9.5, align="right", bold=True, max_width=room_n)
        y -= 4
        for text, sz, bold in texts:
            y -= step
            pen.draw(c, frame.left + 6, y, text, sz, bold=bold)
        y -= 6
        _slip_signatures(c, style, frame, y)

    return Block(height, draw, at_bottom=True)


def _slip_signatures(c: Canvas, style: Style, frame: Frame, top: float) -> None:
    """Both sides sign: the customer (signature, date, company seal) on the left, we
    (the clerk who made the statement, our seal) on the right."""
    pen = style.pen
    half = frame.width / 2
    sides = [
        (frame.left + 6, _("Customer"), [_("Signature"), _("Date")], _("Customer's seal")),
        (frame.left + half + 6, _("Our company"), [_("Prepared by"), _("Date")], _("Our seal")),
    ]
    for x, who, labels, seal in sides:
        seal_x = x + half - 12 - SLIP_SEAL
        box(c, seal_x, top - SLIP_SEAL, SLIP_SEAL, SLIP_SEAL, color=RULE)
        pen.draw(
            c,
            seal_x + SLIP_SEAL / 2,
            top - 10,
            seal,
            7,
            align="center",
            color=MUTED,
            max_width=SLIP_SEAL - 4,
        )
        line_end = seal_x - 8
        pen.draw(c, x, top - 10, who, 8.5, bold=True, max_width=line_end - x)
        y = top - 10
        for label in labels:
            y -= 14
            drawn = pen.draw(c, x, y, label, 8.5, color=MUTED, max_width=(line_end - x) / 2)
            hline(c, x + drawn + 4, line_end, y - 2, color=INK, width=0.6)


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
    left, right, top_margin = margins(size, 14 * mm, st.company.binding_margin)
    frame = Frame(
        left,
        size[0] - right,
        size[1] - top_margin - 20,
        40.0,
        size[1] - max(9 * mm, top_margin - 5 * mm),
        page_top=size[1] - top_margin,
    )
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
        title(
            style,
            _("Statement of account"),
            frame,
            size=14,
            pad=6,
            right=_("Statement no. {number}").format(number=st.number) if st.number else "",
        ),
        label_rows(
            style,
            frame,
            [left, right],
            label_width=58 if lang == "zh" else 62,
            step=11,
        ),
        spacer(2),
    ]
    # Narrow figure columns (8 pt "1,234,567.89" is 46 pt wide) leave the description
    # room for a cheque's number, bank and due date on one line. Widths follow the
    # page: on A5 the figures get a little smaller rather than the description none.
    w = widths(
        frame.width,
        [48, 60, frame.width - 286, 58, 58, 62],
        minimum=[44, 50, 70, 48, 48, 52],
    )
    cols = [
        Column(_("Date"), w[0], fit="shrink"),
        Column(_("Doc. no."), w[1]),
        Column(_("Description"), w[2]),
        Column(_("Charges"), w[3], "right"),
        Column(_("Credits"), w[4], "right"),
        Column(_("Balance"), w[5], "right"),
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
    tail.extend(_payment_block(st, style, frame))
    tail.extend(_open_items(st, style, frame))
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
