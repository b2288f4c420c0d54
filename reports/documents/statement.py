"""The statement of account (对账单) with its tear-off balance confirmation (余额确认回执).

Voided entries: the voided entry is printed struck through, in grey, with the reason
("Voided: …") and no running balance; its reversal is left out, because it exists only
to cancel the original. The customer still sees the delivery note or cheque they may
remember, and the running balance, totals and closing balance count only what stands,
so the column adds up: opening + charges − credits = closing.

A customer in credit (negative balance) is told so in words ("you have paid ¥… in
advance") rather than shown a bare minus sign; the running balance column keeps the
minus sign and a note under the table explains it.

This module assembles the pages: the letterhead and the customer's details, the entries
table (`statement_table`), what follows it (`statement_figures`) and the tear-off slip
(`statement_slip`), kept together as one tail.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from models.vocabulary.i18n import _
from models.vocabulary.paper_records import Statement
from reports.documents.statement_figures import (
    aging_boxes,
    open_deliveries,
    open_promises,
    payment_block,
    summary_box,
)
from reports.documents.statement_slip import confirmation_slip
from reports.documents.statement_table import WIDOW_ROWS, entries_table, entry_rows, note_line
from reports.typesetting.fonts import FontSet
from reports.typesetting.formatting import format_date, money
from reports.typesetting.layout import Block, Document, Frame, margins, paginate, paper, spacer
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
    style_for,
    title,
)

VOIDED = ("strike", "omit")


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
    table = entries_table(st, style, frame)
    rows, negative = entry_rows(st, table, style, voided)
    # What follows the last entry (totals, closing balance, summary, aging, promises and
    # the slip) stays together, with that entry under a repeated header when it must move
    # to a new page: never a page holding only the aging boxes or only the slip.
    tail: list[Block] = [*rows[-2:]]
    if negative:
        tail.append(
            note_line(
                style,
                frame,
                _("A negative balance means you have paid in advance (you are in credit)."),
            )
        )
    tail.append(spacer(3))
    tail.append(summary_box(st, style, frame))
    tail.extend(payment_block(st, style, frame))
    tail.extend(open_deliveries(st, style, frame))
    tail.extend(aging_boxes(st, style, frame))
    tail.extend(open_promises(st.open_promises, style, frame))
    tail.append(confirmation_slip(st, style, frame))
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
