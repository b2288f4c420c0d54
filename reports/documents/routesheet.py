"""The route sheet (收款路线单): one route day's customers in visit order.

Landscape, with the printed facts on the left (balance, overdue, what was promised for
the day, phone, who can pay) and empty boxes on the right that the rep fills in by hand
on the road ("collected", "new promise", "note"); a hand-over strip at the end is signed
when the rep returns the sheet and the money to the office.
"""

from __future__ import annotations

import re
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from models.vocabulary import clock
from models.vocabulary.collecting_records import PromiseStatus, RouteSheet, RouteStop
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.i18n import _
from reports.typesetting.fonts import FontSet
from reports.typesetting.formatting import format_date, format_weekday, money
from reports.typesetting.layout import (
    ACCENT,
    INK,
    Block,
    Document,
    Frame,
    frame_for,
    hline,
    paginate,
    paper,
    spacer,
)
from reports.typesetting.output import NothingToPrint, write_documents
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
from reports.typesetting.pen import Pen
from reports.typesetting.tables import Cell, Column, Table, widths

ROW_HEIGHT = 34.0  # room to write an amount and a few words by hand
COMPACT_ROW = 10 * mm  # the same on a narrow page, with the stop's details under it
HEADER = 8.5  # column titles
DETAIL = 9.0  # the line of phones, contact and address under a stop on a narrow page
BODY = 10.0  # read on the road, in a van: never smaller
NARROW = 560.0  # below this width (A5, Letter portrait) the phones go under the name


def _title_room(pen: Pen, title: str) -> float:
    """The width a column title needs so that no word of it breaks (a Chinese title of
    up to four characters is one word)."""
    words = [title] if not title.isascii() and len(title) <= 4 else title.split()
    return max(pen.width(w, HEADER) for w in words) + 8


def _columns(
    frame: Frame, amount_width: float = 0.0, overdue_width: float = 0.0, pen: Pen | None = None
) -> list[Column]:
    """The columns, their widths shared out from the page: the printed facts on the
    left, the columns the rep fills in by hand on the right (they stay on the page on
    A5 too). On a narrow page the phones join the customer's cell. The amount columns
    are at least `amount_width` wide (the widest amount on the sheet, whole)."""
    # On a narrow page the columns written by hand come first: amounts then shrink.
    money_min = min(max(50.0, amount_width), frame.width * 0.2)
    printed = [
        (_("No."), 3, 20, "center"),
        (_("Customer / contact / address"), 22, 78, "left"),
        (_("Phone / who can pay"), 14, 0, "left"),
        (_("Balance / overdue"), 11, money_min, "right"),
        (_("Promised for today"), 15, money_min, "left"),
    ]
    by_hand = [
        (_("Cash collected"), 8, 30, "left"),
        (_("Cheque / transfer"), 8, 30, "left"),
        (_("New date"), 7, 28, "left"),
        (_("Customer signature"), 8, 30, "left"),
        (_("Note"), 8, 26, "left"),
    ]
    if frame.width < NARROW:
        # The phones, contact and address go on a line of their own under the stop (see
        # `_stop_row`); the columns written by hand are wide enough to write in (16–
        # 20 mm) and to hold their titles whole ("实收现金", not "实收现/金").
        printed.pop(2)
        printed[1] = (_("Customer"), 15, 80, "left")
        balance_min = min(max(money_min, overdue_width), frame.width * 0.2)
        printed[2] = (printed[2][0], 13, balance_min, "right")
        printed[3] = (printed[3][0], 15, money_min, "left")
        by_hand = [
            (title, share, max(least * mm, _title_room(pen, title) if pen else 0.0), align)
            for (title, share, _m, align), least in zip(by_hand, (18, 18, 16, 18, 14), strict=True)
        ]
    spec = printed + by_hand
    w = widths(frame.width, [s[1] for s in spec], minimum=[s[2] for s in spec])
    return [
        Column(title, width, align) for (title, _s, _m, align), width in zip(spec, w, strict=True)
    ]


def _money_or_credit(fen: int) -> str:
    """A balance as printed on the sheet: a customer in credit shows "预付 ¥…"."""
    if fen < 0:
        return _("Prepaid {amount}").format(amount=money(-fen, "¥"))
    return money(fen)


def _promised(stop: RouteStop, style: Style, compact: bool = False) -> str:
    """What was promised for the day, one promise a line (wrapped in the cell): amount,
    time, method and the promise's own payer; a third and later promise are counted."""
    lines = []
    answers = {a.promise_id: a for a in stop.answers}
    for p in stop.promises_due:
        parts = [money(p.amount - p.paid), f"{p.due_at:%H:%M}"]
        if p.method is not None:
            parts.append(p.method.label)
        if p.payer and not (compact and p.payer == stop.customer.payer):
            parts.append(p.payer)  # on a narrow page the customer's payer is printed below
        if p.id in answers:  # what the customer said when the office phoned
            parts.append(_("(call: {answer})").format(answer=answers[p.id].outcome.label))
        lines.append(" ".join(parts))
    if len(lines) > 2:
        lines = [lines[0], _("+{n} more").format(n=len(lines) - 1)]
    return "\n".join(lines)


BROKEN_SHOWN = 2  # broken promises listed in a stop's promise cell; more are counted


def _broken(stop: RouteStop) -> list[str]:
    """Promises that fell due before the route day and were broken with no new date:
    "已失约 11-28 ¥500.00", one a line (a third and later are counted)."""
    lines = [
        f"{PromiseStatus.BROKEN.label} {p.due_at:%m-%d} {money(p.amount - p.paid, '¥')}"
        for p in stop.broken_promises
    ]
    if len(lines) > BROKEN_SHOWN:
        kept = BROKEN_SHOWN - 1
        lines = [*lines[:kept], _("+{n} more").format(n=len(lines) - kept)]
    return lines


def _promise_column(table: Table) -> int:
    return 4 if len(table.columns) == 10 else 3


def _with_broken_lines(block: Block, table: Table, promised: str, broken: list[str]) -> Block:
    """Draw `broken` in red in the promise cell, below the day's promises. The row was
    laid out with a blank line for each (so it is tall enough); a cell has one colour,
    so the red lines are set here, at the lines the table left blank."""
    if not broken:
        return block
    column = _promise_column(table)
    size, step = table.size, table.size * table.leading
    first_line = len(table._layout(column, Cell(promised), size)) if promised else 0
    lines = first_line + len(broken)
    draw_row = block.draw

    def draw(c: Canvas, top: float) -> None:
        draw_row(c, top)
        if table.valign == "top":
            start = top - table.vpad / 2
        else:
            start = top - (block.height - lines * step) / 2
        for k, text in enumerate(broken, start=first_line):
            baseline = start - step * (k + 0.5) - size * 0.35
            table._text(c, column, baseline, text, size, align="left", color=ACCENT)

    block.draw = draw
    return block


def _phones(stop: RouteStop) -> tuple[str, ...]:
    cust = stop.customer
    phones = ", ".join(p for p in re.split(r"[,，;；、]\s*", cust.phones) if p) or "—"
    payer = _("Payer: {name}").format(name=cust.payer) if cust.payer else ""
    return (phones, payer) if payer else (phones,)


def _overdue_lines(fen: int, table: Table) -> tuple[str, ...]:
    """ "Overdue ¥…" under the balance: on two lines when one would have to shrink."""
    text = _("Overdue {amount}").format(amount=money(fen))
    column = _promise_column(table) - 1
    if table.pen.width(text, table.size) <= table.cell_width(column):
        return (text,)
    return (_("Overdue {amount}").format(amount="").strip(), money(fen))


def _stop_row(stop: RouteStop, table: Table, style: Style) -> Block:
    cust = stop.customer
    wide = len(table.columns) == 10
    who = [name_code(cust, style)]
    if wide:
        if cust.contact:
            who.append(_("Contact: {name}").format(name=cust.contact))
        if cust.address:
            who.append(cust.address)
    promised, broken = _promised(stop, style, compact=not wide), _broken(stop)
    # The day's promises, then a blank line for each broken one (drawn in red below).
    blanks = ("",) * len(broken)
    promise_cell = Cell((promised, *blanks) if promised else blanks or "", bold=bool(promised))
    balance = (_money_or_credit(stop.balance),)
    if stop.overdue > 0:
        balance += _overdue_lines(stop.overdue, table)
    cells: list[Cell | str] = [
        str(stop.position),
        Cell(tuple(who), note_color=INK),
        *([Cell(_phones(stop), note_color=INK)] if wide else []),
        Cell(balance, bold=True, note_color=ACCENT),
        promise_cell,
        *[""] * 5,
    ]
    row = table.row(cells, height=ROW_HEIGHT) if wide else _with_details(stop, table, cells)
    return _with_broken_lines(row, table, promised, broken)


def _with_details(stop: RouteStop, table: Table, cells: list[Cell | str]) -> Block:
    """A stop on a narrow page: its printed facts and the boxes written by hand (at least
    10 mm high) on top, then a line (two when long) of contact, phones, payer and
    address across the row under them. Six stops or more fit an A5 page."""
    cust = stop.customer
    pen = table.pen
    phones = ", ".join(p for p in re.split(r"[,，;；、]\s*", cust.phones) if p)
    parts = [
        _("Contact: {name}").format(name=cust.contact) if cust.contact else "",
        phones,
        _("Payer: {name}").format(name=cust.payer) if cust.payer else "",
        cust.address,
    ]
    detail = "  ".join(p for p in parts if p)
    x0, x1 = table.xs[1] + table.pad, table.xs[-1] - table.pad
    lines = pen.wrap(detail, DETAIL, x1 - x0) if detail else []
    step = DETAIL * 1.15
    band = len(lines) * step + (3 if lines else 0)
    laid = [
        table._layout(i, c if isinstance(c, Cell) else Cell(c), table.size)
        for i, c in enumerate(cells)
    ]
    first = max(COMPACT_ROW, max(len(c) for c in laid) * table.size * table.leading + table.vpad)
    row = table.row(cells, height=first + band, band=band)
    draw_row = row.draw

    def draw(c: Canvas, top: float) -> None:
        draw_row(c, top)
        bottom = top - row.height
        for k, line in enumerate(lines):
            pen.draw(c, x0, bottom + band - step * (k + 1) + 1.5, line, DETAIL, color=INK)

    row.draw = draw
    return row


def _handover(style: Style, frame: Frame) -> Block:
    pen = style.pen
    labels = [
        _("Sheet taken by"),
        _("Returned at"),
        _("Cash"),
        _("Cheques / transfers"),
        _("Total collected"),
        _("Checked by"),
    ]
    per_row = 3
    step = frame.width / per_row

    def draw(c: Canvas, top: float) -> None:
        pen.draw(c, frame.left, top - 14, _("Hand-over to the office"), BODY + 0.5, bold=True)
        for i, label in enumerate(labels):
            x = frame.left + (i % per_row) * step
            y = top - 36 - (i // per_row) * 22
            pen.draw(c, x, y, label, BODY, color=INK, max_width=step / 2)
            x0 = x + min(pen.width(label, BODY), step / 2) + 6
            hline(c, x0, x + step - 18, y - 2, color=INK, width=0.6)

    return Block(36 + 22 * ((len(labels) - 1) // per_row) + 10, draw)


def build_route_sheet(
    sheet: RouteSheet,
    company: CompanySettings,
    *,
    lang: str | None = None,
    fonts: FontSet | None = None,
    wide: bool = True,
) -> Document:
    """Lay out the route sheet, landscape (`wide`) or portrait, on the company's paper;
    raises `NothingToPrint` when the route has no stops."""
    if not sheet.stops:  # a message to the user: in their language, not the document's
        raise NothingToPrint(
            _("Route ‘{route}’ has no customers: there is no route sheet to print.").format(
                route=sheet.route.name
            )
        )
    style = style_for(company, lang, fonts)
    with in_language(style.lang):
        return _build(sheet, company, style, wide)


def _build(sheet: RouteSheet, company: CompanySettings, style: Style, wide: bool) -> Document:
    small = company.paper_size.strip().upper() == "A5"
    # A5 is always landscape (portrait cannot hold the columns written by hand), with
    # narrower margins: six stops or more a page.
    size = paper(company.paper_size, wide=wide or small)
    if small:
        base = frame_for(
            size, margin=9 * mm, head=7 * mm, foot=6 * mm, binding=company.binding_margin
        )
    else:
        base = frame_for(size, margin=12 * mm, head=10 * mm, binding=company.binding_margin)
    frame = Frame(
        base.left,
        base.right,
        base.top,
        base.bottom,
        min(size[1] - 10 * mm, base.page_top),
        page_top=base.page_top,
    )
    lang = style.lang
    day = f"{format_date(sheet.day, lang)} {format_weekday(sheet.day, lang)}"
    promised_count = sum(len(s.promises_due) for s in sheet.stops)
    info = [
        [(_("Route"), sheet.route.name), (_("Date"), day)],
        [(_("Sales rep"), sheet.rep_name or "—"), (_("Customers"), str(len(sheet.stops)))],
        [
            (_("Promises due"), str(promised_count)),
            (_("Printed"), f"{format_date(clock.today(), lang)} {clock.now():%H:%M}"),
        ],
    ]
    # The widest amount on the sheet sets the least width of the amount columns, so an
    # amount is never split or shrunk to nothing (¥999,999,999,999.99 included).
    amounts = [s.balance for s in sheet.stops] + [s.overdue for s in sheet.stops]
    amounts += [p.amount - p.paid for s in sheet.stops for p in s.promises_due]
    amounts += [sheet.total_balance, sheet.total_overdue, sheet.total_promised]
    widest = max(style.pen.width(_money_or_credit(a), BODY) for a in amounts) * 1.04 + 6
    # "Overdue ¥…" on one line under the balance (not split over two) where it fits.
    overdue = [s.overdue for s in sheet.stops] + [sheet.total_overdue]
    overdue_w = max(
        style.pen.width(_("Overdue {amount}").format(amount=money(f)), BODY) for f in overdue
    )
    table = Table(
        style.pen,
        _columns(frame, widest, overdue_w * 1.04 + 6, style.pen),
        frame.left,
        size=BODY,
        header_size=HEADER,
        header_height=24,
        grid=True,
        valign="top",
    )
    blocks: list[Block] = [
        letterhead(style, company, frame, compact=True),
        title(style, _("Collection route sheet"), frame, pad=10),
        label_rows(style, frame, info, label_width=70 if lang == "en" else 58),
        spacer(2),
        table.header(),
    ]
    blocks.extend(_stop_row(stop, table, style) for stop in sheet.stops)
    totals = [
        "",
        Cell(_("Totals"), bold=True),
        *([""] if len(table.columns) == 10 else []),
        Cell(
            (_money_or_credit(sheet.total_balance), *_overdue_lines(sheet.total_overdue, table)),
            bold=True,
            note_color=ACCENT if sheet.total_overdue > 0 else INK,
        ),
        Cell(money(sheet.total_promised), bold=True),
        *[""] * 5,
    ]
    blocks.append(table.row(totals, height=22, shade=True, keep_with_next=True))
    # The last stop, the totals and the hand-over strip stay on one page: never a page
    # holding only the strip.
    # Nor a page holding a single stop before the totals: the last three go together.
    for block in blocks[-4:-1]:
        block.keep_with_next = True
    blocks.append(Block(8, lambda c, top: None, keep_with_next=True))
    blocks.append(_handover(style, frame))
    doc_title = _("Collection route sheet")
    head_mid = f"{doc_title} · {sheet.route.name} · {day}"
    # No stray "·" when the route has no rep.
    foot_left = " · ".join(p for p in (sheet.route.name, day, sheet.rep_name) if p)
    frame = room_for_chrome(frame, style, (company.name, head_mid, ""), (foot_left, ""))
    pages = paginate(blocks, frame)

    def chrome(c: Canvas, n: int, count: int) -> None:
        if n > 1:
            running_header(c, style, size, frame, company.name, head_mid, page_of(n, count))
        footer(c, style, frame, foot_left, page_of(n, count))

    return Document(
        title=f"{doc_title} {sheet.route.name} {sheet.day.isoformat()}",
        size=size,
        pages=pages,
        chrome=chrome,
        font=style.pen.fonts.latin,
        lang=style.lang,
        kind="route",
        file_stem=f"route-{sheet.route.name}-{sheet.day.isoformat()}",
    )


def render_route_sheet(
    sheet: RouteSheet,
    company: CompanySettings,
    out: str | Path,
    *,
    lang: str | None = None,
    fonts: FontSet | None = None,
    wide: bool = True,
) -> Path:
    """Write the route sheet to the PDF `out` atomically; returns the path."""
    doc = build_route_sheet(sheet, company, lang=lang, fonts=fonts, wide=wide)
    return write_documents(out, [doc], title=doc.title, author=company.name)
