"""The call list on paper and in a spreadsheet: tomorrow's promises with phones, to
tick off while phoning (§二9)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from models.collecting.calls import PromiseLine
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.i18n import _
from models.vocabulary.money import format_money
from reports.documents.listing import Listing, export_rows, render_listing
from reports.typesetting.parts import in_language


def _rows(lines: list[PromiseLine]) -> tuple[tuple[str, ...], ...]:
    return tuple(
        (
            f"{ln.promise.due_at:%H:%M}",
            f"{ln.customer.code} {ln.customer.name}",
            ln.customer.phones,
            format_money(ln.outstanding),
            ln.promise.payer,
            ln.promise.rep_name,
            ln.answer.outcome.label if ln.answer else "",
            ln.promise.serial,
        )
        for ln in lines
    )


def _header() -> tuple[str, ...]:
    return (
        _("Time"),
        _("Customer"),
        _("Phone"),
        _("Still to pay"),
        _("Who pays"),
        _("Sales rep"),
        _("Answer"),
        _("IOU no."),
    )


def call_list_listing(day: dt.date, lines: list[PromiseLine]) -> Listing:
    shares = (5, 24, 15, 10, 10, 8, 12, 10)
    aligns = ("center", "left", "left", "right", "left", "left", "left", "left")
    total = sum(ln.outstanding for ln in lines)
    return Listing(
        title=_("Call list: promises due on {date}").format(date=day.isoformat()),
        info=((_("Promises"), str(len(lines))), (_("To collect"), format_money(total))),
        columns=tuple(zip(_header(), shares, aligns, strict=True)),
        rows=_rows(lines),
        file_stem=f"calls-{day.isoformat()}",
    )


def print_call_list(
    day: dt.date,
    lines: list[PromiseLine],
    company: CompanySettings,
    out: str | Path,
    lang: str | None = None,
) -> Path:
    """The call list as a PDF in the document language."""
    with in_language(lang or company.doc_language or "zh"):
        listing = call_list_listing(day, lines)
    return render_listing(listing, company, out, lang=lang)


def export_call_list(lines: list[PromiseLine], out: str | Path) -> Path:
    """The call list as CSV or XLSX, in the current language."""
    return export_rows(out, _header(), _rows(lines))
