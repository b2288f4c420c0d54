"""The statement's tear-off balance confirmation slip (余额确认回执), set at the foot of
its last page: the balance the customer is asked to check, when and to whom to reply,
and the two answers ("correct" / "not correct: the difference and why"), each with its
own signature, date and seal box.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from models.vocabulary import clock
from models.vocabulary.i18n import _
from models.vocabulary.paper_records import Statement
from reports.typesetting.codes import draw_barcode
from reports.typesetting.formatting import capitals, format_date, money
from reports.typesetting.layout import INK, MUTED, RULE, Block, Frame, box, hline
from reports.typesetting.parts import Style, name_code


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
    """The statement's issue date and the date to reply by (the one issued with its
    number, else `issued` + the Settings' reply days), with whom to call about it;
    "no reply counts as confirmed" only where Settings say the customers agreed to it."""
    company = st.company
    reply_by = st.reply_by or issued + dt.timedelta(days=company.reply_days)
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


def confirmation_slip(st: Statement, style: Style, frame: Frame) -> Block:
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
    # The number as a barcode too, above the heading's right end: a scanner types it
    # into the "Record a reply" field. Only a numbered (printed) statement has one.
    code_h = 22.0 if st.number else 0.0
    height = 17 + 16 + step * len(texts) + 6 + answers_h + (code_h - 6 if code_h else 0)

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
        y -= 17 + (code_h - 6 if code_h else 0)
        heading = _("Balance confirmation")
        pen.draw(c, frame.left + 6, y, heading, 11.5, bold=True)
        if number:  # the number whole: it matches a returned slip to its statement
            wide = draw_barcode(c, st.number, frame.right, y - 3, code_h)
            pen.draw(c, frame.right - wide - 4, y, number, 9.5, align="right", bold=True)
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
