"""The month's collection commission (回款提成表), per rep.

A4 portrait. First the summary: a row per rep with what they collected, split by the age
band of the debts it settled, what that earned, what tail cuts and write-offs took off
and the commission, then the total, which is the month's collections to the fen. Then
each rep's payments (and tail cuts and write-offs) one per line, with a subtotal. The
rules (rates per band, what is deducted) are printed under the title. Names wrap, never
cut; an amount too wide for its column is set smaller, never below 7 pt.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from models.ledger.settings import get_company
from models.review.commission import CommissionLine, CommissionReport, RepCommission, commission
from models.vocabulary import clock
from models.vocabulary.commission_records import CommissionRules
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.entry_records import EntryKind
from models.vocabulary.i18n import _
from reports.documents.aging_report import MIN_SIZE, SIZE, amount_cell
from reports.typesetting.fonts import FontSet
from reports.typesetting.formatting import format_date, format_short_date
from reports.typesetting.layout import Block, Document, frame_for, paper, spacer
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

LINES = 40
DATE_WIDTH = 52.0  # 2026-11-02 on one line at 9 pt


def rate_text(bp: int) -> str:
    """Basis points as a percent: 100 → ``1.00%``, 5 → ``0.05%``."""
    return f"{bp // 100}.{bp % 100:02d}%"


def band_labels(rules: CommissionRules) -> list[str]:
    """``0–30 days``, ``31–90 days``, ``over 90 days`` for edges (30, 90)."""
    lows = [0, *(e + 1 for e in rules.edges)]
    labels = [
        _("{low}–{high} days").format(low=low, high=high)
        for low, high in zip(lows, rules.edges, strict=False)
    ]
    labels.append(_("over {days} days").format(days=rules.edges[-1]))
    return labels


def rules_lines(rules: CommissionRules) -> list[tuple[str, str]]:
    """The rules as ``label: value`` lines."""
    rates = ", ".join(
        f"{label} {rate_text(bp)}"
        for label, bp in zip(band_labels(rules), rules.rates_bp, strict=True)
    )
    yes, no = _("deducted"), _("not deducted")
    return [
        (_("Rates"), rates),
        (_("Tail cuts (抹零)"), yes if rules.deduct_tail_cuts else no),
        (_("Write-offs (核销)"), yes if rules.deduct_writeoffs else no),
    ]


def rep_label(name: str) -> str:
    return name or _("No rep")


def kind_text(line: CommissionLine) -> str:
    if line.kind is EntryKind.PAYMENT:
        return line.doc_no or _("Payment")
    label = _("Tail cut") if line.kind is EntryKind.DISCOUNT else _("Write-off")
    return f"{label} {line.doc_no}".strip()


class _Sheet:
    """The two tables (summary, lines) over the frame's width."""

    def __init__(self, style: Style, width: float, left: float, rules: CommissionRules) -> None:
        bands = [_("Collected {range}").format(range=b) for b in band_labels(rules)]
        n = len(bands)
        amount = min(62.0, (width - 90) / (n + 4))
        self.summary = Table(
            style.pen,
            [
                Column(_("Rep"), width - (n + 4) * amount, lines=LINES),
                Column(_("Collected"), amount, "right"),
                *(Column(b, amount, "right") for b in bands),
                Column(_("Earned"), amount, "right"),
                Column(_("Deducted"), amount, "right"),
                Column(_("Commission"), amount, "right"),
            ],
            left,
            size=SIZE,
        )
        amount = min(58.0, (width - 170) / (n + 2))
        self.lines = Table(
            style.pen,
            [
                Column(_("Date"), DATE_WIDTH),
                Column(_("Customer"), width - DATE_WIDTH - 70 - (n + 2) * amount, lines=LINES),
                Column(_("Document"), 70, lines=LINES),
                Column(_("Amount"), amount, "right"),
                *(Column(b, amount, "right") for b in band_labels(rules)),
                Column(_("Commission"), amount, "right"),
            ],
            left,
            size=SIZE,
        )

    def summary_row(self, label: str, rep: RepCommission | CommissionReport, bold: bool) -> Block:
        t = self.summary
        fens = [rep.collected, *rep.collected_by_band, rep.earned, rep.deducted, rep.commission]
        cells = [amount_cell(t, 1 + i, f, bold=bold) for i, f in enumerate(fens)]
        return t.row([Cell(label, bold=bold), *cells], shade=bold, rule_above=bold)

    def line_row(self, line: CommissionLine, lang: str) -> Block:
        t = self.lines
        fens = [line.amount, *line.by_band, line.commission]
        cells = [amount_cell(t, 3 + i, f) for i, f in enumerate(fens)]
        customer = f"{line.code} {line.name}"
        return t.row([format_short_date(line.date, lang), customer, kind_text(line), *cells])

    def subtotal(self, rep: RepCommission) -> Block:
        t = self.lines
        fens = [rep.collected, *rep.collected_by_band, rep.commission]
        cells = [amount_cell(t, 3 + i, f, bold=True) for i, f in enumerate(fens)]
        label = Cell(_("Subtotal {rep}").format(rep=rep_label(rep.name)), bold=True)
        return t.row(["", label, "", *cells], shade=True, rule_above=True)


def build_commission_report(
    report: CommissionReport,
    company: CompanySettings,
    *,
    lang: str | None = None,
    fonts: FontSet | None = None,
) -> Document:
    """Lay out the month's commission report."""
    style = style_for(company, lang, fonts)
    with in_language(style.lang):
        return _build(report, company, style)


def month_text(start: dt.date, lang: str) -> str:
    return f"{start.year}年{start.month}月" if lang == "zh" else f"{start:%Y-%m}"


def _build(report: CommissionReport, company: CompanySettings, style: Style) -> Document:
    size = paper("A4")
    frame = frame_for(size, margin=12 * 2.8346)
    lang = style.lang
    month = month_text(report.start, lang)
    period = f"{format_date(report.start, lang)}–{format_date(report.end, lang)}"
    printed = f"{format_date(clock.today(), lang)} {clock.now():%H:%M}"
    info = [[(_("Month"), period), (_("Printed"), printed)], rules_lines(report.rules)]
    sheet = _Sheet(style, frame.width, frame.left, report.rules)
    doc_title = _("Collection commission")
    blocks: list[Block] = [
        title(style, f"{company.name} {doc_title} {month}".strip(), frame, pad=10),
        label_rows(style, frame, info, label_width=62 if lang == "en" else 50),
        spacer(2),
        section_heading(style, _("Summary"), frame),
        sheet.summary.header(),
        *(sheet.summary_row(rep_label(r.name), r, False) for r in report.reps),
        sheet.summary_row(_("Total: the month's collections"), report, True),
    ]
    if not report.reps:
        blocks.append(title(style, _("Nothing was collected in this month."), frame, size=10))
    for rep in report.reps:
        blocks.append(spacer(8))
        blocks.append(section_heading(style, rep_label(rep.name), frame))
        blocks.append(sheet.lines.header())
        blocks.extend(sheet.line_row(line, lang) for line in rep.lines)
        blocks.append(sheet.subtotal(rep))
    return paged_document(
        blocks,
        frame,
        size,
        style,
        company_name=company.name,
        head=f"{doc_title} · {month}",
        foot=f"{doc_title} · {period}",
        title=f"{doc_title} {report.start:%Y-%m}",
        kind="commission",
        file_stem=f"commission-{report.start:%Y-%m}",
    )


def print_commission(
    out: str | Path, month: dt.date, *, lang: str | None = None, fonts: FontSet | None = None
) -> Path:
    """Write the commission report of `month`'s month to the PDF `out`; returns the path."""
    check_destination(out)
    company = get_company()
    doc = build_commission_report(commission(month), company, lang=lang, fonts=fonts)
    return write_documents(out, [doc], title=doc.title, author=company.name)


assert MIN_SIZE >= 7.0  # amounts are set smaller to fit, never below 7 pt
