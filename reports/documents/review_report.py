"""The weekly review (经营回顾) for the boss's meeting: the dashboard on paper.

A4 portrait: the key figures and the collection measures with a line saying what each
means, the aging chart and the 13-month chart (reportlab graphics), the per-rep and
per-route tables, the top debtors, the customers who broke the most promises, and the
reasons customers gave for not paying. Every figure comes from `models.review.review`, the same
record the window shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas

from models.ledger.settings import get_company
from models.papers.confirmation_figures import confirmation_summary
from models.review.groups import GroupReview
from models.review.measures import measure_help, measure_name
from models.review.review import Review, review
from models.review.trends import Flow
from models.vocabulary import clock
from models.vocabulary.aging_records import bucket_labels
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.confirmation_records import ConfirmationSummary
from models.vocabulary.i18n import _
from reports.documents.aging_report import amount_cell
from reports.typesetting.fonts import FontSet
from reports.typesetting.formatting import format_date, money
from reports.typesetting.layout import (
    MUTED,
    Block,
    Document,
    Frame,
    frame_for,
    paper,
)
from reports.typesetting.output import check_destination, write_documents
from reports.typesetting.parts import (
    Style,
    in_language,
    label_rows,
    paged_document,
    section_heading,
    style_for,
    title,
)
from reports.typesetting.tables import Cell, Column, Table

SIZE = 9.0  # body text on paper never below 9 pt (issue 18)
LINES = 40  # names wrap onto as many lines as they need


def days_text(value: Decimal | None) -> str:
    """``27.2 days`` (``—`` when the measure says nothing)."""
    return "—" if value is None else _("{n} days").format(n=value)


def percent_text(value: Decimal | None) -> str:
    return "—" if value is None else f"{value}%"


def month_label(day: dt.date) -> str:
    """``26-11`` under a month's bars, in both languages: 13 months show one month twice,
    so the year must be there, and the label must fit under two bars."""
    return f"{day:%y-%m}"


def _chart_block(drawing: Drawing, frame: Frame) -> Block:
    def draw(c: Canvas, top: float) -> None:
        renderPDF.draw(drawing, c, frame.left, top - drawing.height)

    return Block(drawing.height + 6, draw)


def _flow_line(label: str, flow: Flow, lang: str) -> tuple[str, str]:
    period = f"{format_date(flow.start, lang)}–{format_date(flow.end, lang)}"
    text = _("collected {collected}, delivered {delivered} ({period})").format(
        collected=money(flow.collected), delivered=money(flow.delivered), period=period
    )
    return label, text


def _figures(data: Review, style: Style, frame: Frame) -> list[Block]:
    lang, pen = style.lang, style.pen
    owed = [
        (_("Total owed"), money(data.total, style.symbol)),
        (_("Overdue"), money(data.overdue, style.symbol)),
        *[
            (_("{range} days").format(range=label), money(b))
            for label, b in zip(bucket_labels(data.edges), data.buckets, strict=True)
        ],
    ]
    measures = [
        (measure_name("dso"), days_text(data.dso)),
        (measure_name("best_dso"), days_text(data.best_dso)),
        (measure_name("add"), days_text(data.add)),
        (measure_name("cei"), percent_text(data.cei)),
    ]
    blocks = [label_rows(style, frame, [owed, measures], label_width=86 if lang == "en" else 96)]
    helps = [_help_line(k, lang) for k in ("dso", "best_dso", "add", "cei")]
    lines = [line for text in helps for line in pen.wrap(text, 8, frame.width)]

    def draw(c: Canvas, top: float) -> None:
        for k, line in enumerate(lines):
            pen.draw(c, frame.left, top - 9 - k * 10, line, 8, color=MUTED)

    blocks.append(Block(len(lines) * 10 + 6, draw))
    flows = [
        _flow_line(_("This month"), data.this_month, lang),
        _flow_line(_("Last month"), data.last_month, lang),
        _flow_line(_("Same month last year"), data.last_year, lang),
    ]
    blocks.append(label_rows(style, frame, [flows], label_width=96))
    return blocks


def _help_line(key: str, lang: str) -> str:
    """ "DSO 应收账款周转天数：应收余额相当于…": the name once, not again at the start of
    its explanation (which the tooltip shows alone)."""
    name, text = measure_name(key), measure_help(key)
    sep = "：" if lang == "zh" else ": "
    head, found, rest = text.partition(sep)
    if found and head.strip() and head.strip() in name:
        text = rest
    return f"{name}{sep}{text}"


def _group_table(groups: Sequence[GroupReview], by: str, style: Style, frame: Frame) -> list[Block]:
    widths = [30, 50, 50, 32, 50, 30, 30, 30, 34, 40, 40, 40, 28]
    titles = [
        _("Cust."),
        _("Owed"),
        _("Overdue"),
        _(">60 d"),
        _("Collected"),
        _("Made"),
        _("Kept"),
        _("Broken"),
        _("Kept %"),
        _("Discounts"),
        _("Returns"),
        _("Write-offs"),
        _("Visits"),
    ]
    first = _("Rep") if by == "rep" else _("Route")
    columns = [Column(first, frame.width - sum(widths), lines=LINES)]
    columns += [Column(t, w, "right") for t, w in zip(titles, widths, strict=True)]
    table = Table(style.pen, columns, frame.left, size=SIZE, header_size=7.5)
    none = _("No rep") if by == "rep" else _("No route")
    blocks = [table.header()]
    for g in groups:
        a = g.activity
        blocks.append(
            table.row(
                [
                    g.name or Cell(none, color=MUTED),
                    str(g.customers),
                    amount_cell(table, 2, g.balance),
                    amount_cell(table, 3, g.overdue, red=True),
                    percent_text(g.share_over_60),
                    amount_cell(table, 5, a.collected),
                    str(a.promises_made),
                    str(a.promises_kept),
                    str(a.promises_broken),
                    percent_text(g.keep_rate),
                    amount_cell(table, 10, a.discounts),
                    amount_cell(table, 11, a.returns),
                    amount_cell(table, 12, a.writeoffs),
                    str(a.visits),
                ]
            )
        )
    return blocks


def _customer_table(
    rows: Sequence[tuple[str, str, str, int, int, str]],
    last: str,
    style: Style,
    frame: Frame,
) -> list[Block]:
    """Code, customer, rep, owed, overdue and one more column (`last`)."""
    widths = [62, 70, 70, 70]
    columns = [
        Column(_("Code"), 56, lines=LINES),
        Column(_("Customer"), frame.width - 56 - sum(widths), lines=LINES),
        Column(_("Rep"), widths[0], lines=LINES),
        Column(_("Owed"), widths[1], "right"),
        Column(_("Overdue"), widths[2], "right"),
        Column(last, widths[3], "right"),
    ]
    table = Table(style.pen, columns, frame.left, size=SIZE)
    blocks = [table.header()]
    for code, name, rep, owed, overdue, extra in rows:
        blocks.append(
            table.row(
                [
                    code,
                    name,
                    rep,
                    amount_cell(table, 3, owed),
                    amount_cell(table, 4, overdue, red=True),
                    extra,
                ]
            )
        )
    return blocks


def _reasons_table(data: Review, style: Style, frame: Frame) -> list[Block]:
    columns = [
        Column(_("Reason given"), frame.width - 140, lines=3),
        Column(_("Times given"), 70, "right"),
        Column(_("Customers"), 70, "right"),
    ]
    table = Table(style.pen, columns, frame.left, size=SIZE)
    blocks = [table.header()]
    for r in data.reasons:
        blocks.append(table.row([r.reason.label, str(r.visits), str(len(r.customer_ids))]))
    return blocks


def _empty(style: Style, frame: Frame) -> Block:
    def draw(c: Canvas, top: float) -> None:
        style.pen.draw(c, frame.left, top - 10, _("None."), SIZE, color=MUTED)

    return Block(14, draw)


def build_review(
    data: Review,
    company: CompanySettings,
    *,
    lang: str | None = None,
    fonts: FontSet | None = None,
    confirmed: ConfirmationSummary | None = None,
) -> Document:
    """Lay out the weekly review of `data`, with the balances the customers confirmed
    (`confirmed`) under the key figures when given."""
    style = style_for(company, lang, fonts)
    with in_language(style.lang):
        return _build(data, company, style, confirmed)


def _confirmed_rows(c: ConfirmationSummary, style: Style, frame: Frame) -> Block:
    """The customers' own signatures: the boss's strongest evidence of what is owed."""
    m = money

    def count(n: int, fen: int) -> str:
        return _("{n} customers, {amount}").format(n=n, amount=m(fen))

    return label_rows(
        style,
        frame,
        [
            [
                (_("Confirmed by the customer"), count(c.confirmed, c.confirmed_amount)),
                (_("Not confirmed"), count(c.unconfirmed, c.unconfirmed_amount)),
            ],
            [
                (_("Disputed"), count(c.disputed, c.disputed_amount)),
                (_("Unanswered"), count(c.unanswered, c.unanswered_amount)),
            ],
            [
                (_("Awaiting reply"), count(c.awaiting, c.awaiting_amount)),
                (_("No statement"), count(c.never_sent, c.never_sent_amount)),
            ],
        ],
        label_width=110 if style.lang == "en" else 80,
    )


def _build(
    data: Review, company: CompanySettings, style: Style, confirmed: ConfirmationSummary | None
) -> Document:
    from reports.documents.review_charts import aging_chart, months_chart

    size = paper("A4")
    frame = frame_for(size, margin=12 * 2.8346)
    lang, font = style.lang, style.pen.fonts.cjk
    as_of = format_date(data.as_of, lang)
    doc_title = _("Weekly review")
    month = _("{start}–{end}").format(
        start=format_date(data.month_start, lang), end=format_date(data.as_of, lang)
    )
    window = _("{start}–{end}").format(
        start=format_date(data.window_start, lang), end=format_date(data.as_of, lang)
    )
    blocks: list[Block] = [
        title(style, f"{company.name} {doc_title}".strip(), frame, pad=10),
        label_rows(
            style,
            frame,
            [
                [(_("As of"), as_of), (_("This month"), month)],
                [
                    (_("Customers"), str(len(data.aging.rows))),
                    (_("Printed"), f"{format_date(clock.today(), lang)} {clock.now():%H:%M}"),
                ],
            ],
            label_width=62 if lang == "en" else 56,
        ),
        *_figures(data, style, frame),
    ]
    if confirmed is not None:
        blocks.append(_confirmed_rows(confirmed, style, frame))
    half = (frame.width - 10) / 2
    aging = aging_chart(
        [_("{range} days").format(range=x) for x in bucket_labels(data.edges)],
        data.buckets,
        _("Open balance by age (yuan)"),
        font,
        half,
        lang,
    )
    months = months_chart(
        [month_label(m.start) for m in data.months],
        [m.collected for m in data.months],
        [m.delivered for m in data.months],
        (_("Collections"), _("Deliveries")),
        _("Collections and deliveries, 13 months (yuan)"),
        font,
        frame.width,
        lang,
    )
    blocks.append(_chart_block(aging, frame))
    blocks.append(_chart_block(months, frame))
    for by, groups, heading in (
        ("rep", data.reps, _("Per rep")),
        ("route", data.routes, _("Per route")),
    ):
        blocks.append(section_heading(style, heading, frame, note=month))
        blocks.extend(_group_table(groups, by, style, frame) if groups else [_empty(style, frame)])
    blocks.append(section_heading(style, _("Top debtors"), frame, note=as_of))
    debtors = [
        (r.code, r.name, r.rep_name, r.balance, r.overdue, _days(r.oldest_open_days))
        for r in data.top_debtors
    ]
    blocks.extend(
        _customer_table(debtors, _("Oldest open"), style, frame)
        if debtors
        else [_empty(style, frame)]
    )
    blocks.append(section_heading(style, _("Most broken promises"), frame, note=window))
    broken = [
        (b.row.code, b.row.name, b.row.rep_name, b.row.balance, b.row.overdue,
         f"{b.broken} / {b.made}")
        for b in data.broken_promises
    ]  # fmt: skip
    blocks.extend(
        _customer_table(broken, _("Broken / due"), style, frame)
        if broken
        else [_empty(style, frame)]
    )
    blocks.append(section_heading(style, _("Reasons given for not paying"), frame, note=window))
    blocks.extend(_reasons_table(data, style, frame) if data.reasons else [_empty(style, frame)])
    return paged_document(
        blocks,
        frame,
        size,
        style,
        company_name=company.name,
        head=f"{doc_title} · {as_of}",
        foot=f"{doc_title} · {_('As of')} {as_of}",
        title=f"{doc_title} {data.as_of.isoformat()}",
        kind="review",
        file_stem=f"review-{data.as_of.isoformat()}",
    )


def _days(age: int | None) -> str:
    return "" if age is None else _("{n} days").format(n=age)


def print_review(
    out: str | Path,
    as_of: dt.date | None = None,
    *,
    lang: str | None = None,
    fonts: FontSet | None = None,
) -> Path:
    """Write the weekly review as of `as_of` (default today) to the PDF `out`."""
    check_destination(out)
    company = get_company()
    data = review(as_of)
    confirmed = confirmation_summary(data.as_of)
    doc = build_review(data, company, lang=lang, fonts=fonts, confirmed=confirmed)
    return write_documents(out, [doc], title=doc.title, author=company.name)
