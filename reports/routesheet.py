"""The route sheet (收款路线单): one route day's customers in visit order.

Landscape, with the printed facts on the left (balance, overdue, what was promised for
the day, phone, who can pay) and empty boxes on the right that the rep fills in by hand
on the road ("collected", "new promise", "note"); a hand-over strip at the end is signed
when the rep returns the sheet and the money to the office.
"""

from __future__ import annotations

import re
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from models import clock
from models.i18n import _
from models.records import CompanySettings, PromiseStatus, RouteSheet, RouteStop
from reports.fonts import FontSet
from reports.formatting import format_date, format_weekday, money
from reports.layout import (
    ACCENT,
    INK,
    MUTED,
    Block,
    Cell,
    Column,
    Document,
    Frame,
    Table,
    frame_for,
    hline,
    paginate,
    paper,
    spacer,
)
from reports.output import NothingToPrint, write_documents
from reports.parts import (
    Style,
    footer,
    in_language,
    label_rows,
    letterhead,
    page_of,
    running_header,
    style_for,
    title,
)
from reports.pen import ELLIPSIS

ROW_HEIGHT = 34.0  # room to write an amount and a few words by hand
NAME_LINES = 3  # a customer's name wraps onto this many lines before it is cut


def _columns(frame: Frame) -> list[Column]:
    fixed = [
        Column(_("No."), 28, "center"),
        Column(_("Customer"), 144, lines=NAME_LINES + 1),
        Column(_("Phone / who can pay"), 136, lines=3),
        Column(_("Balance"), 62, "right"),
        Column(_("Overdue"), 62, "right"),
        Column(_("Promised for today"), 114, lines=5),
        Column(_("Collected"), 66),
        Column(_("New promise"), 76),
    ]
    used = sum(col.width for col in fixed)
    return [*fixed, Column(_("Note"), frame.width - used)]


def _promised(stop: RouteStop, style: Style) -> str:
    """What was promised for the day, one promise a line (wrapped in the cell); a third
    and later promise are counted, not listed."""
    lines = []
    for p in stop.promises_due:
        text = f"{money(p.amount - p.paid)} @{p.due_at:%H:%M}"
        if p.method is not None:
            text += f" {p.method.label}"
        lines.append(text)
    if len(lines) > 2:
        lines = [lines[0], _("+{n} more").format(n=len(lines) - 1)]
    return "\n".join(lines)


PROMISE_COLUMN = 5
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


def _with_broken_lines(block: Block, table: Table, promised: str, broken: list[str]) -> Block:
    """Draw `broken` in red in the promise cell, below the day's promises. The row was
    laid out with a blank line for each (so it is tall enough); a cell has one colour,
    so the red lines are set here, at the lines the table left blank."""
    if not broken:
        return block
    size, step = table.size, table.size * table.leading
    first_line = len(table._layout(PROMISE_COLUMN, Cell(promised), size)) if promised else 0
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
            table._text(c, PROMISE_COLUMN, baseline, text, size, align="left", color=ACCENT)

    block.draw = draw
    return block


def _name_lines(name: str, code: str, table: Table) -> str:
    """The customer's name and code wrapped to the customer column (lines joined by
    newlines); a name too long for three lines is cut, but the code is always there."""
    pen, size, room = table.pen, table.size, table.cell_width(1)
    text = f"{name} ({code})"
    lines = pen.wrap(text, size, room)
    if len(lines) <= NAME_LINES:
        return "\n".join(lines)
    suffix = f" ({code})"
    lines = pen.wrap(name, size, room)[:NAME_LINES]
    lines[-1] = pen.fit(lines[-1] + ELLIPSIS, size, room - pen.width(suffix, size)) + suffix
    return "\n".join(lines)


def _stop_row(stop: RouteStop, table: Table, style: Style) -> Block:
    cust = stop.customer
    name = _name_lines(cust.name, cust.code, table)
    address = cust.address or ""
    phones = ", ".join(p for p in re.split(r"[,，;；、]\s*", cust.phones) if p) or "—"
    payer = _("Payer: {name}").format(name=cust.payer) if cust.payer else ""
    promised, broken = _promised(stop, style), _broken(stop)
    # The day's promises, then a blank line for each broken one (drawn in red below).
    blanks = ("",) * len(broken)
    promise_cell = Cell((promised, *blanks) if promised else blanks or "", bold=bool(promised))
    row = table.row(
        [
            str(stop.position),
            Cell((name, address), bold=False),
            Cell((phones, payer) if payer else phones),
            Cell(money(stop.balance), bold=True),
            Cell(
                money(stop.overdue) if stop.overdue else "",
                color=ACCENT if stop.overdue > 0 else None,
            ),
            promise_cell,
            "",
            "",
            "",
        ],
        height=ROW_HEIGHT,
    )
    return _with_broken_lines(row, table, promised, broken)


def _handover(style: Style, frame: Frame) -> Block:
    pen = style.pen
    labels = [
        _("Sheet taken by"),
        _("Returned at"),
        _("Cash"),
        _("Cheques"),
        _("Total collected"),
        _("Checked by"),
    ]
    per_row = 3
    step = frame.width / per_row

    def draw(c: Canvas, top: float) -> None:
        pen.draw(c, frame.left, top - 14, _("Hand-over to the office"), 9.5, bold=True)
        for i, label in enumerate(labels):
            x = frame.left + (i % per_row) * step
            y = top - 36 - (i // per_row) * 22
            pen.draw(c, x, y, label, 8.5, color=MUTED)
            x0 = x + pen.width(label, 8.5) + 6
            hline(c, x0, x + step - 18, y - 2, color=INK, width=0.6)

    return Block(36 + 22 * ((len(labels) - 1) // per_row) + 10, draw)


def build_route_sheet(
    sheet: RouteSheet,
    company: CompanySettings,
    *,
    lang: str | None = None,
    fonts: FontSet | None = None,
) -> Document:
    """Lay out the route sheet; raises `NothingToPrint` when the route has no stops."""
    if not sheet.stops:  # a message to the user: in their language, not the document's
        raise NothingToPrint(
            _("Route ‘{route}’ has no customers: there is no route sheet to print.").format(
                route=sheet.route.name
            )
        )
    style = style_for(company, lang, fonts)
    with in_language(style.lang):
        return _build(sheet, company, style)


def _build(sheet: RouteSheet, company: CompanySettings, style: Style) -> Document:
    size = paper(company.paper_size, wide=True)
    base = frame_for(size, margin=12 * 2.8346)
    frame = Frame(base.left, base.right, base.top, base.bottom, size[1] - 10 * 2.8346)
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
    table = Table(style.pen, _columns(frame), frame.left, size=8.5, header_height=18, grid=True)
    blocks: list[Block] = [
        letterhead(style, company, frame, compact=True),
        title(style, _("Collection route sheet"), frame, pad=10),
        label_rows(style, frame, info, label_width=70 if lang == "en" else 58),
        spacer(2),
        table.header(),
    ]
    blocks.extend(_stop_row(stop, table, style) for stop in sheet.stops)
    blocks.append(
        table.row(
            [
                "",
                Cell(_("Totals"), bold=True),
                "",
                Cell(money(sheet.total_balance), bold=True),
                Cell(
                    money(sheet.total_overdue),
                    bold=True,
                    color=ACCENT if sheet.total_overdue > 0 else None,
                ),
                Cell(money(sheet.total_promised), bold=True),
                "",
                "",
                "",
            ],
            height=22,
            shade=True,
            keep_with_next=True,
        )
    )
    # The last stop, the totals and the hand-over strip stay on one page: never a page
    # holding only the strip.
    blocks[-2].keep_with_next = True
    blocks.append(Block(8, lambda c, top: None, keep_with_next=True))
    blocks.append(_handover(style, frame))
    pages = paginate(blocks, frame)
    doc_title = _("Collection route sheet")
    head_mid = f"{doc_title} · {sheet.route.name} · {day}"
    foot_left = f"{sheet.route.name} · {day} · {sheet.rep_name}"

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
) -> Path:
    """Write the route sheet to the PDF `out` atomically; returns the path."""
    doc = build_route_sheet(sheet, company, lang=lang, fonts=fonts)
    return write_documents(out, [doc], title=doc.title, author=company.name)
