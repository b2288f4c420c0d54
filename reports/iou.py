"""The IOU note (欠条): one promise, two copies on one sheet with a cut line.

The top half is the customer's copy, the bottom half ours; the debtor signs and
thumbprints ours and the rep keeps it (§2(14) of the field guide: write the clearance
date on the note and show it to the customer). A note whose promise was printed before
(`Promise.prints > 0`) carries a red "reprint" (补打) stamp. Printing does not count
the print: the caller calls `models.promises.mark_printed` once the file is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from models.i18n import _
from models.records import CompanySettings, Customer, Promise
from reports.fonts import FontSet
from reports.formatting import capitals, format_datetime, money
from reports.layout import ACCENT, INK, MUTED, RULE, SHADE, Block, Document, Page, box, hline, paper
from reports.output import NothingToPrint, write_documents
from reports.parts import Style, in_language, style_for


def clearance_line(promise: Promise, style: Style) -> str:
    """``约定于 2026年12月14日 10:00 前清款`` / ``To be cleared by 14 Dec 2026 10:00``."""
    return _("To be cleared by {when}").format(when=format_datetime(promise.due_at, style.lang))


def _copy(
    promise: Promise,
    customer: Customer,
    company: CompanySettings,
    style: Style,
    left: float,
    right: float,
    height: float,
    copy_label: str,
) -> Block:
    pen = style.pen
    width = right - left
    mid = (left + right) / 2
    reprint = promise.prints > 0
    symbol = style.symbol
    remaining = promise.amount - promise.paid
    debtor = f"{customer.name} ({customer.code})"
    creditor = company.name or _("(Company name not set)")
    label_w = 92 if style.lang == "en" else 78
    rows: list[tuple[str, str]] = [
        (_("Debtor"), debtor),
        (
            _("Address / tel."),
            "  ".join(p for p in (customer.address, customer.phones) if p) or "—",
        ),
        (_("Creditor"), "  ".join(p for p in (creditor, company.phone) if p)),
    ]
    details = [
        (_("Method"), promise.method.label if promise.method else "—"),
        (_("Who will pay"), promise.payer or customer.payer or "—"),
        (_("Sales rep"), promise.rep_name or customer.rep_name or "—"),
    ]
    pledge = _(
        "I confirm that I owe the amount above to the creditor and will pay it in full "
        "by the agreed time."
    )
    pledge_lines = pen.wrap(pledge, 9, width - 12, max_lines=2)
    made = _("Promise made {when}").format(when=format_datetime(promise.created_at, style.lang))
    if reprint:
        made += "  ·  " + _("Print no. {n}").format(n=promise.prints + 1)

    def draw(c: Canvas, top: float) -> None:
        y = top
        pen.draw(c, left, y - 12, copy_label, 8.5, bold=True, color=MUTED)
        pen.draw(
            c,
            right,
            y - 12,
            _("No. {serial}").format(serial=promise.serial),
            10,
            align="right",
            bold=True,
        )
        pen.draw(c, mid, y - 30, _("IOU note"), 24, align="center", bold=True)
        if reprint:
            _stamp(c, style, mid + pen.width(_("IOU note"), 24) / 2 + 18, y - 30)
        y -= 46
        hline(c, left, right, y, color=INK, width=0.8)
        for label, value in rows:
            y -= 16
            pen.draw(c, left + 4, y, label, 9.5, color=MUTED, max_width=label_w - 6)
            pen.draw(c, left + label_w, y, value, 10.5, max_width=width - label_w - 4)
        y -= 24
        pen.draw(c, left + 4, y, _("Amount owed"), 9.5, color=MUTED)
        pen.draw(c, left + label_w, y, money(promise.amount, symbol), 16, bold=True)
        y -= 20
        pen.draw(c, left + 4, y, _("In capitals"), 9.5, color=MUTED)
        words = capitals(promise.amount)
        size = pen.size_to_fit(words, 13, width - label_w - 4, 9)
        pen.draw(c, left + label_w, y, words, size, bold=True)
        if promise.paid:
            y -= 16
            part = _("Already paid {paid}; still to pay {rest} ({words})").format(
                paid=money(promise.paid, symbol),
                rest=money(remaining, symbol),
                words=capitals(remaining),
            )
            pen.draw(c, left + label_w, y, part, 9.5, color=ACCENT, max_width=width - label_w)
        y -= 14
        big = clearance_line(promise, style)
        size = pen.size_to_fit(big, 20, width - 24, 12)
        box(c, left, y - 34, width, 34, color=INK, width=1.4, fill=SHADE)
        pen.draw(c, mid, y - 23.5, big, size, align="center", bold=True)
        y -= 52
        third = width / 3
        for i, (label, value) in enumerate(details):
            x = left + 4 + i * third
            lw = (
                pen.width(label + "：", 9.5) if style.lang == "zh" else pen.width(label + ": ", 9.5)
            )
            pen.draw(c, x, y, label + ("：" if style.lang == "zh" else ":"), 9.5, color=MUTED)
            pen.draw(c, x + lw, y, value, 10, max_width=third - lw - 8)
        if promise.note:
            y -= 15
            pen.draw(
                c, left + 4, y, _("Note: {note}").format(note=promise.note), 9, max_width=width - 8
            )
        for line in pledge_lines:
            y -= 14
            pen.draw(c, left + 4, y, line, 9)
        # Signature, thumbprint and date, on the bottom of the copy.
        base = top - height + 26
        thumb = 20 * mm
        box(c, right - thumb - 4, base - 6, thumb, thumb, color=RULE, width=0.8)
        pen.draw(
            c,
            right - thumb / 2 - 4,
            base + thumb - 16,
            _("Thumbprint"),
            7.5,
            align="center",
            color=MUTED,
        )
        sig = _("Debtor's signature")
        pen.draw(c, left + 4, base + 12, sig, 9.5, color=MUTED)
        x0 = left + 8 + pen.width(sig, 9.5)
        hline(c, x0, x0 + 120, base + 10, color=INK, width=0.6)
        date = _("Date")
        x1 = x0 + 134
        pen.draw(c, x1, base + 12, date, 9.5, color=MUTED)
        x2 = x1 + pen.width(date, 9.5) + 4
        hline(c, x2, right - thumb - 16, base + 10, color=INK, width=0.6)
        pen.draw(c, left + 4, base - 6, made, 7.5, color=MUTED, max_width=width - thumb - 16)

    return Block(height, draw)


def _stamp(c: Canvas, style: Style, x: float, baseline: float) -> None:
    """A red boxed "reprint" mark, tilted like a rubber stamp."""
    text = _("REPRINT")
    pen = style.pen
    w = pen.width(text, 12) + 12
    c.saveState()
    c.translate(x + w / 2, baseline + 5)
    c.rotate(8)
    c.setStrokeColor(ACCENT)
    c.setLineWidth(1.6)
    c.roundRect(-w / 2, -11, w, 22, 3, fill=0, stroke=1)
    pen.draw(c, 0, -4.5, text, 12, align="center", bold=True, color=ACCENT)
    c.restoreState()


def build_iou(
    promise: Promise,
    customer: Customer,
    company: CompanySettings,
    *,
    lang: str | None = None,
    fonts: FontSet | None = None,
) -> Document:
    """Lay out the IOU note of `promise`: customer's copy above, ours below, one page."""
    style = style_for(company, lang, fonts)
    with in_language(style.lang):
        return _build(promise, customer, company, style)


def _build(
    promise: Promise, customer: Customer, company: CompanySettings, style: Style
) -> Document:
    size = paper(company.paper_size if company.paper_size != "A5" else "A4")
    margin = 16 * mm
    left, right = margin, size[0] - margin
    half = size[1] / 2
    copy_h = half - 2 * 11 * mm
    pen = style.pen
    cut = _("Cut here")

    def chrome(c: Canvas, n: int, count: int) -> None:
        hline(c, 8 * mm, size[0] - 8 * mm, half, dash=(5, 3), color=MUTED)
        w = pen.width("✂ " + cut, 8) + 12
        c.saveState()
        c.setFillColorRGB(1, 1, 1)
        c.rect(size[0] / 2 - w / 2, half - 6, w, 12, fill=1, stroke=0)
        c.restoreState()
        pen.draw(c, size[0] / 2, half - 3, "✂ " + cut, 8, align="center", color=MUTED)

    top_copy = _copy(promise, customer, company, style, left, right, copy_h, _("Customer's copy"))
    our_copy = _copy(
        promise, customer, company, style, left, right, copy_h, _("Our copy (signed by the debtor)")
    )
    page = Page([(top_copy, size[1] - 11 * mm), (our_copy, half - 11 * mm)])
    return Document(
        title=f"{_('IOU note')} {promise.serial} {customer.name}",
        size=size,
        pages=[page],
        chrome=chrome,
        font=style.pen.fonts.latin,
        lang=style.lang,
        kind="iou",
        file_stem=f"iou-{promise.serial}",
    )


def render_ious(
    promises: Sequence[Promise],
    customer: Customer,
    company: CompanySettings,
    out: str | Path,
    *,
    lang: str | None = None,
    fonts: FontSet | None = None,
) -> Path:
    """Write the IOU notes of `promises` (one page each) to `out` atomically.

    Raises `NothingToPrint` when `promises` is empty.
    """
    if not promises:
        raise NothingToPrint(
            _("‘{name}’ has no open promises: there is no IOU note to print.").format(
                name=customer.name
            )
        )
    docs = [build_iou(p, customer, company, lang=lang, fonts=fonts) for p in promises]
    return write_documents(out, docs, title=docs[0].title, author=company.name)
