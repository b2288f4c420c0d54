"""One copy of the IOU note, drawn: the copy label and serial, the title (with a red
"reprint" stamp on a note printed before), the debtor's and creditor's details beside
the company's QR code, the promise in large type, the wording (`iou_wording`), and the
debtor's signature area with its seal and thumbprint boxes. The type steps down until
the copy fits its half page.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from models.papers.debtors import is_company
from models.papers.ious import IouNote
from models.vocabulary.collecting_records import Promise
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.customer_records import Customer
from models.vocabulary.i18n import _
from reports.documents.iou_wording import clause_text, operative_text, references_text
from reports.typesetting.formatting import format_datetime, money
from reports.typesetting.layout import ACCENT, INK, MUTED, RULE, SHADE, Block, box, hline
from reports.typesetting.parts import Style, name_code


@dataclass
class _Line:
    """One laid-out line of a copy: text at an offset below the top, or a drawing."""

    dy: float
    draw: Callable[[Canvas, float], None]


def copy_block(
    promise: Promise,
    customer: Customer,
    company: CompanySettings,
    style: Style,
    left: float,
    right: float,
    height: float,
    copy_label: str,
    figures: IouNote,
    printed_at: dt.datetime,
) -> tuple[Block, bool]:
    """One copy, and whether it fits `height`; the body steps its font down only when
    the longest values would not fit the half page otherwise (nothing is ever cut). A
    copy that does not fit even at the smallest size must get a roomier page (see `iou`):
    drawn in `height` its body would run into the signature area."""
    # The handwritten date is the note's date; the printed time is only a footnote.
    footnote = _("Printed {when}").format(when=format_datetime(printed_at, style.lang))
    footnote += "  ·  " + _("Promise made {when}").format(
        when=format_datetime(promise.created_at, style.lang)
    )
    if promise.prints > 0:
        footnote += "  ·  " + _("Print no. {n}").format(n=promise.prints + 1)
    # Labels a point smaller, clauses half a point, never below 7 pt: a company debtor's
    # 40 mm seal box with the late-payment clause needs the 7.5 on an A5 page.
    for body in (10.5, 9.5, 8.5, 8.0, 7.5):
        lines, used = _lay_copy(
            promise, customer, company, style, left, right, copy_label, figures, printed_at, body
        )
        if used <= height:
            break

    def draw(c: Canvas, top: float) -> None:
        for line in lines:
            line.draw(c, top - line.dy)
        _signature_area(c, style, left, right, top - height, body, footnote, is_company(customer))

    return Block(height, draw), used <= height


SEAL = 30 * mm  # the debtor's company seal (欠款单位盖章)
THUMB = 20 * mm


def _lay_copy(
    promise: Promise,
    customer: Customer,
    company: CompanySettings,
    style: Style,
    left: float,
    right: float,
    copy_label: str,
    figures: IouNote,
    printed_at: dt.datetime,
    body: float,
) -> tuple[list[_Line], float]:
    """The copy's lines from the top and the height they take with the signature area."""
    pen = style.pen
    width = right - left
    mid = (left + right) / 2
    reprint = promise.prints > 0
    out: list[_Line] = []
    y = 0.0

    def text(dy: float, x: float, s: str, size: float, **kw: object) -> None:
        out.append(_Line(dy, lambda c, base: pen.draw(c, x, base, s, size, **kw)))  # type: ignore[arg-type]

    serial = _("No. {serial}").format(serial=promise.serial)
    serial_w = min(pen.width(serial, 10), width * 0.6)
    text(12, left, copy_label, 8.5, bold=True, color=MUTED, max_width=width - serial_w - 12)
    text(12, right, serial, 10, align="right", bold=True, max_width=width * 0.6)
    title_text = _("IOU note")
    text(34, mid, title_text, 22, align="center", bold=True)
    if reprint:
        x = mid + pen.width(title_text, 22) / 2 + 18
        out.append(_Line(34, lambda c, base: _stamp(c, style, x, base)))
    y = 42
    out.append(_Line(y, lambda c, base: hline(c, left, right, base, color=INK, width=0.8)))
    label_w = 92 if style.lang == "en" else 70
    bank = company.bank_account
    if bank and company.account_holder:
        bank = _("{account}  Account holder: {holder}").format(
            account=bank, holder=company.account_holder
        )
    rows = [
        (_("Debtor"), name_code(customer, style)),
        (
            _("Address / tel."),
            "  ".join(p for p in (customer.address, customer.phones) if p) or "—",
        ),
        (
            _("Creditor"),
            "  ".join(p for p in (company.name or _("(Company name not set)"), company.phone) if p),
        ),
    ]
    if company.credit_code:
        rows.append((_("Creditor's credit code"), company.credit_code))
    if bank:
        rows.append((_("Pay to"), bank))
    qr = _qr_image(company)
    qr_size = 22 * mm if qr is not None else 0.0
    room = width - label_w - 4 - (qr_size + 6 if qr is not None else 0)
    step = body * 1.35
    rows_top = y
    for label, value in rows:
        parts = pen.wrap(value, body, room)
        y += step
        text(y - 3, left + 4, label, max(body - 1, 7.0), color=MUTED, max_width=label_w - 6)
        for k, part in enumerate(parts):
            text(y - 3 + k * step, left + label_w, part, body)
        y += step * (len(parts) - 1)
    if qr is not None:
        top_of_qr = rows_top + 4
        out.append(
            _Line(
                top_of_qr,
                lambda c, base: c.drawImage(
                    qr, right - qr_size, base - qr_size, qr_size, qr_size, mask="auto"
                ),
            )
        )
        y = max(y, top_of_qr + qr_size)
    # The promise in one line, large: what the rep shows the customer (§2(14)).
    y += 8
    big = _("To be cleared by {when}: {amount}").format(
        when=format_datetime(promise.due_at, style.lang),
        amount=money(figures.amount, style.symbol),
    )
    box_h = 30.0
    box_top = y
    out.append(
        _Line(
            box_top,
            lambda c, base: box(
                c, left, base - box_h, width, box_h, color=INK, width=1.4, fill=SHADE
            ),
        )
    )
    text(box_top + 20, mid, big, 17, align="center", bold=True, max_width=width - 16)
    y += box_h + 4
    # The operative sentence at body size, then the promise's details.
    for part in pen.wrap(operative_text(figures, company, style, customer), body, width - 8):
        y += step
        text(y - 3, left + 4, part, body)
    for extra in (clause_text(company), references_text(figures, style.lang)):
        for part in pen.wrap(extra, max(body - 0.5, 7.0), width - 8) if extra else []:
            y += step
            text(y - 3, left + 4, part, max(body - 0.5, 7.0))
    details = "    ".join(
        label + ("：" if style.lang == "zh" else ": ") + value
        for label, value in (
            (_("Method"), promise.method.label if promise.method else "—"),
            (_("Who will pay"), promise.payer or customer.payer or "—"),
            (_("Sales rep"), promise.rep_name or customer.rep_name or "—"),
        )
    )
    for part in pen.wrap(details, body - 0.5, width - 8):
        y += step
        text(y - 3, left + 4, part, body - 0.5)
    # The promise's own note is the office's memo, never printed: on a signed note it
    # would read as a term both sides agreed to (issue 18).
    # Nothing can be added between the body and the signatures.
    y += step
    text(y - 3, left + 4, _("(Nothing follows)"), body, color=INK)
    used = y + 6 + _signature_height(body, is_company(customer))
    return out, used


COMPANY_SEAL = 40 * mm  # a company's seal is 38–42 mm across


def _signature_height(body: float, firm: bool = False) -> float:
    return (COMPANY_SEAL if firm else SEAL) + 16


def _signature_area(
    c: Canvas,
    style: Style,
    left: float,
    right: float,
    bottom: float,
    body: float,
    footnote: str,
    firm: bool = False,
) -> None:
    """The debtor's side, at the foot of the copy. A person: the printed name, ID card
    number, role, signature and date, a seal box (a shop's own seal) and a thumbprint
    box. A company (`firm`): the company seal's box, 40 mm, and the name, position,
    signature and date of who signs for it; no thumbprint. The printed time goes in
    small print underneath."""
    pen = style.pen
    seal = COMPANY_SEAL if firm else SEAL
    seal_x = right - seal - (0 if firm else THUMB + 8)
    base = bottom + 14
    box(c, seal_x, base, seal, seal, color=RULE, width=0.8)
    seal_label = _("Debtor's company seal") if firm else _("Debtor's seal (if any)")
    pen.draw(
        c,
        seal_x + seal / 2,
        base + seal - 11,
        seal_label,
        7.5,
        align="center",
        color=MUTED,
        max_width=seal - 4,
    )
    if not firm:
        box(c, right - THUMB, base, THUMB, THUMB, color=RULE, width=0.8)
        pen.draw(
            c,
            right - THUMB / 2,
            base + THUMB - 11,
            _("Thumbprint"),
            7.5,
            align="center",
            color=MUTED,
            max_width=THUMB - 4,
        )
    room = seal_x - left - 10
    if firm:
        rows = [
            [(_("Signed for the company by (printed name)"), 1.0)],
            [(_("Position"), 1.0)],
            [(_("Debtor's signature"), 0.6), (_("Date"), 0.4)],
        ]
    else:
        rows = [
            [(_("Signer's printed name"), 1.0)],
            [(_("ID card no. / credit code"), 1.0)],
            [(_("Signer is: □ owner / person in charge   □ authorised payer"), 0.0)],
            [(_("Debtor's signature"), 0.6), (_("Date"), 0.4)],  # the note's own date
        ]
    y = base + seal - 4
    size = max(min(body - 1, 9.5), 7.0)
    for row in rows:  # share 0: a line of text with nothing to fill in
        x = left + 4
        for label, share in row:
            w = room * (share or 1.0)
            drawn = pen.draw(c, x, y, label, size, color=INK, max_width=w - 8)
            if share:
                hline(c, x + drawn + 4, x + w - 8, y - 2, color=INK, width=0.6)
            x += w
        y -= (seal - 4) / len(rows) + 1
    pen.draw(c, left + 4, bottom + 3, footnote, 7, color=MUTED, max_width=seal_x - left - 8)


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


def _qr_image(company: CompanySettings) -> ImageReader | None:
    """The company's own receiving QR code, as uploaded in Settings (never generated)."""
    if not company.payment_qr:
        return None
    try:
        return ImageReader(io.BytesIO(company.payment_qr))
    except Exception:  # noqa: BLE001 - a damaged upload is left off, the note still prints
        return None
