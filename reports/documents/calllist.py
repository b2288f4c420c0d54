"""The call list on paper and in a spreadsheet: tomorrow's promises with phones, to
tick off while phoning (§二9), and the chasing steps due that day with what to say."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from models.collecting.calls import PromiseLine
from models.vocabulary.chase_records import ChaseLine
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.i18n import _
from models.vocabulary.money import format_money
from reports.documents.listing import Listing, Section, export_rows, render_listing
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


def _steps_section(day: dt.date, steps: list[ChaseLine]) -> Section:
    columns = (
        (_("Customer"), 20, "left"),
        (_("Phone"), 13, "left"),
        (_("Step"), 10, "left"),
        (_("Amount"), 10, "right"),
        (_("What to say"), 47, "left"),
    )
    rows = tuple(
        (
            f"{s.customer.code} {s.customer.name}",
            s.customer.phones,
            _("step {n}/{m}: {action}").format(n=s.step_no, m=s.steps, action=s.step.action.label),
            format_money(s.amount),
            s.text,
        )
        for s in steps
    )
    return Section(
        heading=_("Chasing steps due on {date}").format(date=day.isoformat()),
        columns=columns,
        rows=rows,
        empty=_("No chasing step is due."),
    )


def call_list_listing(
    day: dt.date, lines: list[PromiseLine], steps: list[ChaseLine] | None = None
) -> Listing:
    shares = (5, 24, 15, 10, 10, 8, 12, 10)
    aligns = ("center", "left", "left", "right", "left", "left", "left", "left")
    total = sum(ln.outstanding for ln in lines)
    return Listing(
        title=_("Call list: promises due on {date}").format(date=day.isoformat()),
        info=((_("Promises"), str(len(lines))), (_("To collect"), format_money(total))),
        columns=tuple(zip(_header(), shares, aligns, strict=True)),
        rows=_rows(lines),
        file_stem=f"calls-{day.isoformat()}",
        sections=(_steps_section(day, steps),) if steps is not None else (),
    )


def print_call_list(
    day: dt.date,
    lines: list[PromiseLine],
    company: CompanySettings,
    out: str | Path,
    lang: str | None = None,
    steps: list[ChaseLine] | None = None,
) -> Path:
    """The call list as a PDF in the document language; with `steps`, the chasing steps
    due that day follow, each with its reminder."""
    with in_language(lang or company.doc_language or "zh"):
        listing = call_list_listing(day, lines, steps)
    return render_listing(listing, company, out, lang=lang)


def export_call_list(lines: list[PromiseLine], out: str | Path) -> Path:
    """The call list as CSV or XLSX, in the current language."""
    return export_rows(out, _header(), _rows(lines))
