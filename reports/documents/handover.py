"""The hand-over summary on paper and in a spreadsheet: per rep and method, every
cheque with its number, and the totals to count against the cash box. On paper also the
day's promises and visits, and the signatures of the rep who hands the money over and
the clerk who receives it, each with a date."""

from __future__ import annotations

from pathlib import Path

from models.collecting.handover import Handover
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.i18n import _
from models.vocabulary.money import format_money
from reports.documents.listing import Listing, Section, export_rows, render_listing
from reports.typesetting.parts import in_language


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


def _promises(h: Handover) -> Section:
    return Section(
        heading=_("Promises made that day ({n})").format(n=len(h.promises)),
        columns=(
            (_("Sales rep"), 12, "left"),
            (_("Customer"), 30, "left"),
            (_("Amount"), 14, "right"),
            (_("Clear by"), 18, "left"),
            (_("Method"), 10, "left"),
            (_("Who pays"), 16, "left"),
        ),
        rows=tuple(
            (
                p.rep_name or "—",
                p.customer,
                format_money(p.amount),
                f"{p.due_at:%Y-%m-%d %H:%M}",
                p.method.label if p.method else "",
                p.payer,
            )
            for p in h.promises
        ),
        empty=_("None."),
    )


def _visits(h: Handover) -> Section:
    return Section(
        heading=_("Visits recorded ({n})").format(n=len(h.visits)),
        columns=(
            (_("Sales rep"), 12, "left"),
            (_("Customer"), 30, "left"),
            (_("Time"), 8, "left"),
            (_("Outcome"), 14, "left"),
            (_("Reason given"), 18, "left"),
            (_("Note"), 18, "left"),
        ),
        rows=tuple(
            (
                v.rep_name or "—",
                v.customer,
                f"{v.at:%H:%M}",
                v.outcome.label,
                v.reason.label if v.reason else "",
                v.note,
            )
            for v in h.visits
        ),
        empty=_("None."),
    )


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
        sections=(_promises(h), _visits(h)),
        signatures=(_("Handed over by (sales rep)"), _("Received by (clerk)")),
    )


def print_handover(
    h: Handover, company: CompanySettings, out: str | Path, lang: str | None = None
) -> Path:
    with in_language(lang or company.doc_language or "zh"):
        listing = handover_listing(h)
    return render_listing(listing, company, out, lang=lang)


def export_handover(h: Handover, out: str | Path) -> Path:
    return export_rows(out, _header(), _rows(h))
