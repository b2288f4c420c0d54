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

import datetime as dt
import io
from collections.abc import Callable, Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from models.vocabulary import clock
from models.vocabulary.i18n import _
from models.vocabulary.records import Entry, EntryKind, IouNote, Statement, bucket_labels
from reports.typesetting.fonts import FontSet
from reports.typesetting.formatting import capitals, format_date, format_datetime, money
from reports.typesetting.layout import (
    ACCENT,
    INK,
    MUTED,
    RULE,
    SHADE,
    Block,
    Document,
    Frame,
    box,
    hline,
    margins,
    paginate,
    paper,
    spacer,
)
from reports.typesetting.output import write_documents
from reports.typesetting.parts import (
    Style,
    footer,
    in_language,
    label_rows,
    letterhead,
    name_code,
    page_of,
    room_for_chrome,
    running_header,
    section_heading,
    style_for,
    title,
)
from reports.typesetting.pen import MIN_SIZE
from reports.typesetting.tables import Cell, Column, Table, fit_widths

VOIDED = ("strike", "omit")
WIDOW_ROWS = 3  # entries that go with the totals to a new page


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


def _desc(table: Table) -> int:
    """The description column: 1 when the date and number share the first column."""
    return 1 if len(table.columns) == 5 else 2


def _row(table: Table, cells: Sequence[Cell | str], **kw: object) -> Block:
    """A row of date, number, description, charges, credits and balance; on a narrow
    page the number goes under the date, in one column (see `_entries_table`)."""
    if len(table.columns) == 5:
        date, doc = (c if isinstance(c, Cell) else Cell(c) for c in cells[:2])
        lines = tuple(t for t in (*date.lines, *doc.lines) if t) or ("",)
        merged = Cell(
            lines,
            bold=date.bold,
            strike=date.strike,
            color=date.color,
            note_color=date.color or INK,
        )
        cells = [merged, *cells[2:]]
    return table.row(cells, **kw)  # type: ignore[arg-type]


def _balance_text(fen: int, style: Style) -> str:
    return money(fen)


def _rows(st: Statement, table: Table, style: Style, voided: str) -> tuple[list[Block], bool]:
    """Table rows for the opening balance, each entry, the totals and the closing balance.

    Returns the blocks and whether a negative (credit) balance was printed.
    """
    blocks: list[Block] = []
    negative = st.opening_balance < 0
    blocks.append(
        _row(
            table,
            [
                # The balance at the end of the day before the period (issue 18).
                (st.period_from - dt.timedelta(days=1)).isoformat(),
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
        row = _row(
            table,
            [
                entry.date.isoformat(),
                entry.doc_no,
                describe(entry, (table, _desc(table))),
                money(entry.debit) if entry.debit else "",
                money(entry.credit) if entry.credit else "",
                _balance_text(running, style),
            ],
        )
        row.carry = _carry(table, before)
        blocks.append(row)
    if running != st.closing_balance:
        # The paper must add up; a mismatch is a model bug, never silently printed.
        raise ValueError(
            f"statement of {st.customer.code}: rows add up to {running}, "
            f"closing balance is {st.closing_balance}"
        )
    # Never a totals row alone under a header, nor a page holding a single entry before
    # the totals: the last entries (up to three) move with them.
    for block in blocks[-WIDOW_ROWS:] if len(blocks) > 1 else []:
        block.keep_with_next = True
    closing_carry = _carry(table, running)  # a break inside the totals carries the balance
    blocks.append(
        _row(
            table,
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
    blocks[-1].carry = closing_carry
    blocks.append(
        _row(
            table,
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
    # When even they must part (a tail taller than a page), 过次页 / 承前页 join them.
    blocks[-1].carry = closing_carry
    return blocks, negative or st.closing_balance < 0


def _carry(table: Table, balance: int) -> Callable[[], tuple[Block, Block]]:
    """The 过次页 row for the foot of a page and the 承前页 row for the top of the next,
    both with the running balance before the row that starts the new page."""

    def make() -> tuple[Block, Block]:
        def line(label: str) -> Block:
            return _row(
                table,
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
    return _row(
        table,
        [
            Cell(entry.date.isoformat(), strike=True, color=MUTED),
            Cell(entry.doc_no, strike=True, color=MUTED),
            Cell((describe(entry, (table, _desc(table))), note), strike=True, color=MUTED),
            Cell(money(entry.debit) if entry.debit else "", strike=True, color=MUTED),
            Cell(money(entry.credit) if entry.credit else "", strike=True, color=MUTED),
            Cell("", color=MUTED),
        ],
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


def _aging(st: Statement, style: Style, frame: Frame) -> list[Block]:
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


def _promises(promises: Sequence[IouNote], style: Style, frame: Frame) -> list[Block]:
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
            _note(style, frame, reduced.format(date=format_date(promises[0].on, style.lang)))
        )
    blocks.append(spacer(2))
    return blocks


def confirmation_sentence(st: Statement, style: Style) -> str:
    """The balance the slip asks the customer to check, as our books show it. It states
    no confirmation: the customer chooses one of the two blocks below it."""
    date = format_date(st.period_to, style.lang)
    company = st.company.name or _("(Company name not set)")
    fen = st.closing_balance
    if fen > 0:
        text = _("Our books show that as of {date} you owe {company} {amount} ({words}).")
    elif fen < 0:
        text = _(
            "Our books show that as of {date} you have paid {company} {amount} ({words}) "
            "in advance."
        )
    else:
        text = _("Our books show that as of {date} your account with {company} is settled.")
    return text.format(
        date=date, company=company, amount=money(abs(fen), style.symbol), words=capitals(fen)
    )


SLIP_SEAL = 40 * mm  # company seals are 38–42 mm across
TICK = 4.2 * mm  # a box to tick by hand


def reply_sentence(st: Statement, style: Style, issued: dt.date) -> str:
    """The statement's issue date and the date to reply by, with whom to call about it;
    "no reply counts as confirmed" only where Settings say the customers agreed to it."""
    company = st.company
    reply_by = issued + dt.timedelta(days=company.reply_days)
    text = _(
        "Statement issued {issued}. Please choose one of the two blocks below, sign, stamp "
        "and return this slip by {reply_by}."
    ).format(issued=format_date(issued, style.lang), reply_by=format_date(reply_by, style.lang))
    if company.silence_confirms:
        text += " " + _("If we have no reply by then, the balance is taken as confirmed.")
    phone = company.contact_phone or company.phone
    who = "  ".join(p for p in (company.contact_name, phone) if p)
    if who:
        text += " " + _("Questions about this statement: {who}.").format(who=who)
    return text


def _slip(st: Statement, style: Style, frame: Frame) -> Block:
    """The tear-off balance confirmation, set at the foot of the last page, as an audit
    confirmation (询证函) is set: the balance, then two separate blocks, "correct" and
    "not correct: the difference and why", each with its own signature, seal box and
    date. Torn off, it still names the statement (its number), the customer in full,
    the issue date and the reply-by date."""
    pen = style.pen
    room = frame.width - 12
    size = 9.0
    step = 11.5
    cut = _("Cut here, sign, stamp and return this slip")
    number = _("Statement no. {number}").format(number=st.number) if st.number else ""
    texts: list[tuple[str, float, bool]] = []

    def add(text: str, sz: float = size, bold: bool = False) -> None:
        texts.extend((line, sz, bold) for line in pen.wrap(text, sz, room))

    to_line = _("To: {company}").format(company=st.company.name or _("(Company name not set)"))
    from_line = _("From: {customer}").format(customer=name_code(st.customer, style))
    if pen.width(to_line + from_line, 9) + 24 <= room:  # one line when both fit
        add(f"{from_line}    {to_line}", 9, bold=True)
    else:
        add(from_line, 9, bold=True)
        add(to_line)
    add(confirmation_sentence(st, style), 9.5)
    add(reply_sentence(st, style, clock.today()), 9)
    add(
        _(
            "Paid with this slip: ¥ ______________   Method (circle one): cash / cheque no. "
            "__________ / transfer"
        )
    )
    side_by_side = frame.width >= 420
    blocks = _answer_blocks(style, frame, side_by_side)
    answers_h = sum(h for h, _d in blocks) if not side_by_side else max(h for h, _d in blocks)
    height = 17 + 16 + step * len(texts) + 6 + answers_h

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
        if number:  # the number whole: it matches a returned slip to its statement
            pen.draw(c, frame.right - 6, y, number, 9.5, align="right", bold=True)
        y -= 4
        for text, sz, bold in texts:
            y -= step
            pen.draw(c, frame.left + 6, y, text, sz, bold=bold)
        y -= 8
        for k, (h, paint) in enumerate(blocks):
            if side_by_side:
                paint(c, frame.left + k * frame.width / 2, y)
            else:
                paint(c, frame.left, y)
                y -= h

    return Block(height, draw, at_bottom=True)


def _answer_blocks(
    style: Style, frame: Frame, side_by_side: bool
) -> list[tuple[float, Callable[[Canvas, float, float], None]]]:
    """The two answers, each a box to tick, what it says, the lines to fill in, and the
    customer's signature, date and seal box: ``(height, draw(canvas, left, top))``."""
    pen = style.pen
    width = frame.width / 2 - 6 if side_by_side else frame.width
    seal_room = SLIP_SEAL + 8
    text_w = width - seal_room - TICK - 8
    answers = [
        (_("The figures above are correct."), []),
        (
            _("The figures are not correct. Please state the amount that differs and why:"),
            [_("Amount that differs ¥"), _("Why"), ""],
        ),
    ]
    out = []
    for heading, blanks in answers:
        head = pen.wrap(heading, 9.5, text_w)
        fills = [*blanks, _("Signature"), _("Date")]
        lines_h = 15 + 12 * len(head) + sum(18 if f else 14 for f in fills) + 10
        height = max(lines_h, SLIP_SEAL + 8) + 6

        def paint(
            c: Canvas, left: float, top: float, head=head, fills=fills, height=height
        ) -> None:
            box(c, left, top - height + 4, width, height - 4, color=RULE)
            x = left + 6
            box(c, x, top - 6 - TICK, TICK, TICK, color=INK, width=0.8)
            tx = x + TICK + 6
            y = top - 6 - 9
            for line in head:
                pen.draw(c, tx, y, line, 9.5, bold=True)
                y -= 12
            line_end = left + width - seal_room
            for label in fills:
                y -= 18 if label else 14
                drawn = pen.draw(c, tx, y, label, 9, color=MUTED) if label else -4.0
                hline(c, tx + drawn + 4, line_end, y - 2, color=INK, width=0.6)
            seal_x = left + width - SLIP_SEAL - 4
            seal_top = top - 4
            box(c, seal_x, seal_top - SLIP_SEAL, SLIP_SEAL, SLIP_SEAL, color=RULE)
            pen.draw(
                c,
                seal_x + SLIP_SEAL / 2,
                seal_top - 12,
                _("Customer's seal"),
                7.5,
                align="center",
                color=MUTED,
            )

        out.append((height, paint))
    return out


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
        (_("Customer"), name_code(cust, style)),
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
    table = _entries_table(st, style, frame)
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
    doc_title = _("Statement of account")
    who = name_code(cust, style)
    company = st.company.name or ""
    foot_left = f"{who} · {period}"
    frame = room_for_chrome(
        frame, style, (company, f"{doc_title} · {cust.name}", ""), (foot_left, "")
    )
    # A tail taller than a page would flow block by block and could leave one entry
    # alone before the totals: then only the last entries, the totals and the closing
    # balance stay together, and the summary, aging and slip follow.
    widows = rows[-2 - WIDOW_ROWS : -2] if len(rows) > 2 else []
    if sum(b.height for b in [table.header(), *widows, *tail]) > frame.top - frame.bottom:
        tail[1].keep_with_next = False
    pages = paginate(blocks, frame)

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


BODY = 9.0  # the entries, open items and promises (issue 18: never below 9 pt)
PAD = 3.0  # = Table's default cell padding


def _entries_table(st: Statement, style: Style, frame: Frame) -> Table:
    """The entries table, its column widths taken from what this statement prints: the
    dates, document numbers and amounts whole on one line at 9 pt, the description the
    rest. On a narrow page the amounts give way first (down to 7 pt, never less), then
    a document number longer than the room left wraps (the description keeps a third)."""
    pen = style.pen
    amounts = [st.opening_balance, st.closing_balance]
    for row in st.rows:
        amounts += [row.entry.debit, row.entry.credit, row.balance]
    debits = sum(r.entry.debit for r in st.rows)
    credits = sum(r.entry.credit for r in st.rows)
    amounts += [debits, credits]  # the totals row, voided entries counted generously
    widest = max(pen.width(money(a), BODY) for a in amounts)
    date_w = pen.width("2026-12-31", BODY) + 2 * PAD + 1
    doc_w = max((pen.width(r.entry.doc_no, BODY) for r in st.rows), default=0.0) + 2 * PAD + 1
    doc_w = max(doc_w, pen.width(_("Doc. no."), BODY) + 2 * PAD + 1, 40.0)
    amount_w = max(widest + 2 * PAD + 1, 52.0)
    desc_min = max(frame.width / 3, 90.0)
    spare = frame.width - desc_min - date_w - doc_w - 3 * amount_w
    stacked = spare < 0 and frame.width < 420  # A5: the number goes under the date
    least = date_w  # the first column never narrower than a date (nor wraps it)
    if stacked:  # the description gives way to a whole number, down to a quarter
        desc_min = max(frame.width / 4, 80.0)
        least = date_w
        doc_w = max(date_w, doc_w)
        date_w, spare = 0.0, frame.width - desc_min - doc_w - 3 * amount_w
    if spare < 0:  # the amounts give way first, never below 7 pt
        smallest = widest * MIN_SIZE / BODY + 2 * PAD + 1
        amount_w = max(smallest, amount_w + spare / 3)
        if not stacked:
            date_w = max(pen.width("2026-12-31", MIN_SIZE) + 2 * PAD + 1, date_w + spare / 6)
        doc_w = max(
            min(doc_w, least if stacked else 40.0), frame.width - desc_min - date_w - 3 * amount_w
        )
    desc_w = frame.width - date_w - doc_w - 3 * amount_w
    first = (
        [Column(_("Date / doc. no."), doc_w)]
        if stacked
        else [Column(_("Date"), date_w, fit="shrink"), Column(_("Doc. no."), doc_w)]
    )
    cols = [
        *first,
        Column(_("Description"), desc_w),
        Column(_("Charges"), amount_w, "right"),
        Column(_("Credits"), amount_w, "right"),
        Column(_("Balance"), amount_w, "right"),
    ]
    return Table(
        pen,
        cols,
        frame.left,
        size=BODY,
        row_height=12.4,
        header_height=14,
        leading=1.2,
        vpad=1.4,
        valign="top",
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
