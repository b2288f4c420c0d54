"""The aging report (账龄分析表) for the boss's meeting, grouped by rep or by route.

A4 portrait. Every customer with a balance gets a row: code, name, balance, the Settings'
aging buckets, what was paid in advance (预收, negative) and what is overdue; each group
ends with its subtotal and the report with the grand total. Every row and every total
adds across: buckets + in credit = balance. Long names and codes wrap (never cut); an amount too wide for its
column is set smaller. "Page i of n" and the as-of date are on every page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from models.ledger.aging import age_all, aging_by_rep, aging_by_route
from models.ledger.settings import get_company
from models.vocabulary import clock
from models.vocabulary.aging_records import AgingReport, AgingRow, GroupAging, bucket_labels
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.i18n import _
from reports.typesetting.fonts import FontSet
from reports.typesetting.formatting import format_date, money
from reports.typesetting.layout import (
    ACCENT,
    Block,
    Document,
    frame_for,
    paper,
    spacer,
)
from reports.typesetting.output import check_destination, write_documents
from reports.typesetting.parts import (
    Style,
    in_language,
    label_rows,
    paged_document,
    style_for,
    title,
)
from reports.typesetting.tables import Cell, Column, Table

SIZE = 9.0  # body text on paper never below 9 pt (issue 18)
MIN_SIZE = 7.0  # an amount is set down to this size rather than cut, never below
CODE_WIDTH = 50.0
LINES = 40  # names and codes wrap onto as many lines as they need


def group_label(by: str, name: str) -> str:
    """``Rep: 张伟`` / ``Route: 城东线``, or the group of customers without one."""
    if by == "rep":
        return _("Rep: {name}").format(name=name) if name else _("No rep")
    return _("Route: {name}").format(name=name) if name else _("No route")


def _columns(report: AgingReport, width: float) -> list[Column]:
    n = len(report.edges) + 4  # balance, buckets, in credit, overdue
    amount = min(60.0, (width - CODE_WIDTH - 110) / n)
    labels = bucket_labels(report.edges)
    days = [_("{range} days").format(range=label) for label in labels]
    return [
        Column(_("Code"), CODE_WIDTH, lines=LINES),
        Column(_("Customer"), width - CODE_WIDTH - n * amount, lines=LINES),
        Column(_("Balance"), amount, "right"),
        *(Column(d, amount, "right") for d in days),
        Column(_("In credit"), amount, "right"),
        Column(_("Overdue"), amount, "right"),
    ]


def amount_cell(table: Table, i: int, fen: int, *, bold: bool = False, red: bool = False) -> Cell:
    """An amount for column `i`, set smaller when too wide (never cut); `red` colours it
    when positive (overdue)."""
    text = money(fen)
    room = table.cell_width(i) - 0.5  # a hair less: column edges are summed floats
    size = table.pen.size_to_fit(text, table.size, room, MIN_SIZE)
    return Cell(text, bold=bold, size=size, color=ACCENT if red and fen > 0 else None)


class _Rows:
    """Builds the table's rows; amounts too wide for their column are set smaller."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def _amount(self, i: int, fen: int, *, bold: bool = False, red: bool = False) -> Cell:
        return amount_cell(self.table, i, fen, bold=bold, red=red)

    def _amounts(self, g: GroupAging | AgingRow, bold: bool) -> list:
        cells = [self._amount(2, g.balance, bold=bold)]
        cells += [self._amount(3 + k, b, bold=bold) for k, b in enumerate(g.buckets)]
        cells.append(self._amount(3 + len(g.buckets), g.in_credit, bold=bold))
        cells.append(self._amount(4 + len(g.buckets), g.overdue, bold=bold, red=True))
        return cells

    def customer(self, row: AgingRow) -> Block:
        amounts = self._amounts(row, False)
        return self.table.row([row.code, row.name, *amounts])

    def heading(self, text: str) -> Block:
        """The group's name across the whole table, kept with its first customer."""
        table, size = self.table, SIZE + 1
        lines = table.pen.wrap(text, size, table.width - 2 * table.pad)
        step = size * 1.3

        def draw(c: Canvas, top: float) -> None:
            for k, line in enumerate(lines):
                y = top - 4 - size - k * step
                table.pen.draw(c, table.left + table.pad, y, line, size, bold=True)

        height = 8 + len(lines) * step
        return Block(height, draw, keep_with_next=True, header=table.header())

    def total(self, text: str, g: GroupAging | AgingRow, customers: int) -> Block:
        amounts = self._amounts(g, True)
        label = Cell((text, _("{n} customers").format(n=customers)), bold=True)
        return self.table.row(["", label, *amounts], shade=True, rule_above=True)


def build_aging_report(
    report: AgingReport,
    company: CompanySettings,
    by: str = "rep",
    *,
    lang: str | None = None,
    fonts: FontSet | None = None,
) -> Document:
    """Lay out the aging report grouped `by` "rep" or "route"."""
    if by not in ("rep", "route"):
        raise ValueError(f"group by rep or route, not {by!r}")
    style = style_for(company, lang, fonts)
    with in_language(style.lang):
        return _build(report, company, by, style)


def _build(report: AgingReport, company: CompanySettings, by: str, style: Style) -> Document:
    size = paper("A4")
    frame = frame_for(size, margin=12 * 2.8346)
    lang = style.lang
    shown = AgingReport(report.as_of, report.edges, tuple(r for r in report.rows if r.balance != 0))
    groups = aging_by_rep(shown) if by == "rep" else aging_by_route(shown)
    key_of = (lambda r: r.rep_id) if by == "rep" else (lambda r: r.route_id)
    members: dict[int | None, list[AgingRow]] = {}
    for row in shown.rows:
        members.setdefault(key_of(row), []).append(row)
    # Customers without a rep (route) come last, like in the review.
    groups.sort(key=lambda g: g.key is None)

    as_of = format_date(report.as_of, lang)
    grouping = _("by rep") if by == "rep" else _("by route")
    info = [
        [(_("As of"), as_of), (_("Grouped"), grouping)],
        [
            (_("Customers"), str(len(shown.rows))),
            (_("Printed"), f"{format_date(clock.today(), lang)} {clock.now():%H:%M}"),
        ],
    ]
    table = Table(style.pen, _columns(report, frame.width), frame.left, size=SIZE)
    rows = _Rows(table)
    doc_title = _("Aging report")
    blocks: list[Block] = [
        title(style, f"{company.name} {doc_title}".strip(), frame, pad=10),
        label_rows(style, frame, info, label_width=62 if lang == "en" else 50),
        spacer(2),
        table.header(),
    ]
    for g in groups:
        label = group_label(by, g.name)
        blocks.append(rows.heading(label))
        blocks.extend(rows.customer(r) for r in members[g.key])
        blocks.append(rows.total(_("Subtotal {group}").format(group=label), g, g.customers))
        blocks.append(spacer(4))
    blocks.append(rows.total(_("Grand total"), shown.total(), len(shown.rows)))
    if not shown.rows:
        blocks.append(title(style, _("No customer owes anything on this date."), frame, size=10))
    return paged_document(
        blocks,
        frame,
        size,
        style,
        company_name=company.name,
        head=f"{doc_title} · {as_of}",
        foot=f"{doc_title} · {_('As of')} {as_of} · {grouping}",
        title=f"{doc_title} {report.as_of.isoformat()}",
        kind="aging",
        file_stem=f"aging-{by}-{report.as_of.isoformat()}",
    )


def print_aging(
    out: str | Path,
    as_of: dt.date | None = None,
    by: str = "rep",
    *,
    lang: str | None = None,
    fonts: FontSet | None = None,
) -> Path:
    """Write the aging report of every customer (archived ones too: what they owe is
    still owed) as of `as_of` (default today) to the PDF `out`; returns the path."""
    check_destination(out)
    company = get_company()
    report = age_all(as_of or clock.today(), include_archived=True)
    doc = build_aging_report(report, company, by, lang=lang, fonts=fonts)
    return write_documents(out, [doc], title=doc.title, author=company.name)
