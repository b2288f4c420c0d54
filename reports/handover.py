"""The hand-over summary on paper and in a spreadsheet: per rep and method, every
cheque with its number, and the totals to count against the cash box."""

from __future__ import annotations

from pathlib import Path

from models.handover import Handover
from models.i18n import _
from models.money import format_money
from models.records import CompanySettings, PaymentMethod
from reports.listing import Listing, export_rows, render_listing
from reports.parts import in_language


def _header() -> tuple[str, ...]:
    return (_("Sales rep"), _("Method"), _("Customer"), _("Cheque no. / bank / due"), _("Amount"))


def _rows(h: Handover) -> tuple[tuple[str, ...], ...]:
    rows: list[tuple[str, ...]] = []
    for p in h.payments:
        cheque = " / ".join(
            part for part in (p.cheque_no, p.bank, p.due_on.isoformat() if p.due_on else "") if part
        )
        label = p.method.label if p.method else ""
        rows.append((p.rep_name or "—", label, p.customer, cheque, format_money(p.amount)))
    for rep, method, n, amount in h.per_rep_and_method():
        rows.append(
            (
                rep or "—",
                method.label,
                _("Subtotal ({n})").format(n=n),
                "",
                format_money(amount),
            )
        )
    for cut in h.tail_cuts:
        rows.append(
            (cut.rep_name or "—", _("Tail cut"), cut.customer, "", format_money(cut.amount))
        )
    return tuple(rows)


def handover_listing(h: Handover) -> Listing:
    cheques = h.by_method(PaymentMethod.CHEQUE) + h.by_method(PaymentMethod.DRAFT)
    others = h.total - h.by_method(PaymentMethod.CASH) - cheques
    return Listing(
        title=_("Hand-over summary {date}").format(date=h.day.isoformat()),
        info=(
            (_("Route"), h.route_name or _("All routes")),
            (_("Total collected"), format_money(h.total)),
            (_("Cash to count"), format_money(h.by_method(PaymentMethod.CASH))),
            (_("Cheques and drafts"), format_money(cheques)),
            (_("Transfers, WeChat, Alipay"), format_money(others)),
            (_("Tail cuts"), format_money(sum(c.amount for c in h.tail_cuts))),
        ),
        columns=tuple(
            zip(
                _header(),
                (14, 12, 34, 26, 14),
                ("left", "left", "left", "left", "right"),
                strict=True,
            )
        ),
        rows=_rows(h),
        file_stem=f"handover-{h.day.isoformat()}",
    )


def print_handover(
    h: Handover, company: CompanySettings, out: str | Path, lang: str | None = None
) -> Path:
    with in_language(lang or company.doc_language or "zh"):
        listing = handover_listing(h)
    return render_listing(listing, company, out, lang=lang)


def export_handover(h: Handover, out: str | Path) -> Path:
    return export_rows(out, _header(), _rows(h))
