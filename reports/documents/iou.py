"""The IOU note (欠条): one promise, two copies on one sheet with a cut line.

The top half is the customer's copy, the bottom half ours; the debtor signs and
thumbprints ours and the rep keeps it (§2(14) of the field guide: write the clearance
date on the note and show it to the customer). A note whose promise was printed before
(`Promise.prints > 0`) carries a red "reprint" (补打) stamp. Printing does not count
the print: the caller calls `models.ledger.promises.mark_printed` once the file is written.

This module lays out the sheet (two copies and the cut line, or a page per copy) and
writes the file; one copy is drawn in `iou_copy`, its words are in `iou_wording`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from models.papers.ious import IouNote
from models.vocabulary import clock
from models.vocabulary.collecting_records import Promise
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.customer_records import Customer
from models.vocabulary.i18n import _
from reports.documents.iou_copy import copy_block
from reports.typesetting.fonts import FontSet
from reports.typesetting.layout import MUTED, Document, Page, hline, margins, paper
from reports.typesetting.output import NothingToPrint, write_documents
from reports.typesetting.parts import Style, in_language, style_for


class CreditorNotSet(NothingToPrint):
    """The company's name is not set: an IOU note is not printed without it."""


def build_iou(
    note: IouNote,
    customer: Customer,
    company: CompanySettings,
    *,
    lang: str | None = None,
    fonts: FontSet | None = None,
    printed_at: dt.datetime | None = None,
) -> Document:
    """Lay out the IOU note of `note.promise`: the customer's copy above, ours below, on
    one A4 or Letter sheet; on A5 each copy fills its own landscape page (an A4 cut in
    two). Its figures are `note`'s (`models.papers.ious.notes_for`), never the promise's own.

    Raises `CreditorNotSet` when the company's name is not set: a note that names no
    creditor is no evidence of a debt to anyone."""
    if not company.name.strip():
        raise CreditorNotSet(
            _(
                "The IOU note must name your company as the creditor, and the company's "
                "name is not set. Open Settings (Ctrl+,), tab ‘Company’, fill in "
                "the name, then print the note again."
            )
        )
    style = style_for(company, lang, fonts)
    with in_language(style.lang):
        return _build(note.promise, customer, company, style, note, printed_at or clock.now())


def _build(
    promise: Promise,
    customer: Customer,
    company: CompanySettings,
    style: Style,
    figures: IouNote,
    printed_at: dt.datetime,
) -> Document:
    a5 = company.paper_size.strip().upper() == "A5"
    pen = style.pen
    cut = _("Cut here")
    labels = (_("Customer's copy"), _("Our copy (signed by the debtor)"))
    # Both copies on one sheet cut in two (A4, Letter), or each on its own landscape
    # page (A5, itself half an A4). A note whose content does not fit there even at the
    # smallest type (a company debtor with the late-payment clause and long names) gets
    # a whole upright page per copy instead: never a body over the signatures.
    for halves, wide in ((not a5, a5), (False, False)):
        size = paper(company.paper_size, wide=wide)
        left, right, top_margin = margins(size, 16 * mm, company.binding_margin)
        x0, x1 = left, size[0] - right
        if halves:
            half = size[1] / 2
            top = size[1] - max(11 * mm, top_margin - 6 * mm)
            tops = (top, half - 11 * mm)
            height = top - half - 11 * mm
        else:
            tops = (size[1] - top_margin,) * 2
            height = tops[0] - 11 * mm
        copies = [
            copy_block(
                promise, customer, company, style, x0, x1, height, label, figures, printed_at
            )
            for label in labels
        ]
        if all(fits for _block, fits in copies):
            break
    blocks = [block for block, _fits in copies]
    if halves:
        pages = [Page(list(zip(blocks, tops, strict=True)))]
    else:
        pages = [Page([(block, top)]) for block, top in zip(blocks, tops, strict=True)]

    def chrome(c: Canvas, n: int, count: int) -> None:
        if not halves:
            return
        half = size[1] / 2
        hline(c, 8 * mm, size[0] - 8 * mm, half, dash=(5, 3), color=MUTED)
        w = pen.width("✂ " + cut, 8) + 12
        c.saveState()
        c.setFillColorRGB(1, 1, 1)
        c.rect(size[0] / 2 - w / 2, half - 6, w, 12, fill=1, stroke=0)
        c.restoreState()
        pen.draw(c, size[0] / 2, half - 3, "✂ " + cut, 8, align="center", color=MUTED)

    return Document(
        title=f"{_('IOU note')} {promise.serial} {customer.name}",
        size=size,
        pages=pages,
        chrome=chrome,
        font=style.pen.fonts.latin,
        lang=style.lang,
        kind="iou",
        file_stem=f"iou-{promise.serial}",
    )


def render_ious(
    notes: Sequence[IouNote],
    customer: Customer,
    company: CompanySettings,
    out: str | Path,
    *,
    lang: str | None = None,
    fonts: FontSet | None = None,
) -> Path:
    """Write the IOU notes `notes` (one sheet each, from `models.papers.ious`) to `out` atomically.

    Raises `NothingToPrint` when `notes` is empty.
    """
    if not notes:
        raise NothingToPrint(
            _("‘{name}’ has no open promises: there is no IOU note to print.").format(
                name=customer.name
            )
        )
    docs = [build_iou(n, customer, company, lang=lang, fonts=fonts) for n in notes]
    return write_documents(out, docs, title=docs[0].title, author=company.name)
