"""Make the documents' PDFs through `reports/` for the preview. Files go to a folder
of this session's temporary files; "Save as…" copies them where the user wants."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from models.collecting import routesheets
from models.ledger import promises, settings
from models.papers import ious, statements
from models.vocabulary.collecting_records import PromiseId
from models.vocabulary.customer_records import RouteId

if TYPE_CHECKING:
    from reports.documents.phone_images import PhoneStatement

# reports/ (and reportlab) are imported on first print, not at start-up: they add a
# fifth to the time before the window shows.

_folder: Path | None = None


class Kind:
    """Document kinds: each remembers the printer it was last printed on (statements
    on the laser, IOU notes on the A5 tray)."""

    STATEMENT = "statement"
    IOU = "iou"
    ROUTE_SHEET = "route-sheet"
    PACKET = "packet"
    CALL_LIST = "call-list"
    HANDOVER = "handover"
    REVIEW = "review"
    OTHER = "document"


@dataclass(frozen=True)
class Printout:
    path: Path
    title: str
    font_warning: str  # '' unless the PDF font fell back to the non-embedded one
    kind: str = Kind.OTHER
    duplex: bool = False  # printed two-sided (the packet's option)


def print_folder() -> Path:
    global _folder
    if _folder is None or not _folder.exists():
        _folder = Path(tempfile.mkdtemp(prefix="qingkuan-print-"))
    return _folder


def _target(stem: str) -> Path:
    safe = re.sub(r"[^\w.\-]+", "_", stem, flags=re.UNICODE)
    return print_folder() / f"{safe}.pdf"


def _font_warning() -> str:
    from reports.typesetting.fonts import find_fonts

    fonts = find_fonts(settings.get_company().pdf_font_path)
    return fonts.warning if fonts.fallback or fonts.notices else ""


def statement_pdf(
    customer_id: int, period_from: dt.date, period_to: dt.date, as_of: dt.date | None = None
) -> Printout:
    from reports.documents.statement import render_statement

    # Each statement made for printing gets its number, on the statement and the slip.
    st = statements.issue_number(statements.statement(customer_id, period_from, period_to, as_of))
    title = f"{st.customer.code} {st.customer.name} {period_from}–{period_to}"
    path = render_statement(st, _target(f"statement-{st.customer.code}-{period_to}"))
    return Printout(path, title, _font_warning(), Kind.STATEMENT)


def iou_pdf(promise_id: PromiseId) -> Printout:
    """The IOU note of one promise; counts the print (a later print says 'reprint')."""
    from reports.documents.iou import render_ious

    papers = ious.iou_of(promise_id)
    promise, customer = papers.promises[0], papers.customer
    path = render_ious(papers.notes, customer, papers.company, _target(f"iou-{promise.serial}"))
    promises.mark_printed(promise_id)
    return Printout(path, f"{promise.serial} {customer.name}", _font_warning(), Kind.IOU)


def route_sheet_pdf(route_id: RouteId, day: dt.date, every_stop: bool = False) -> Printout:
    from reports.documents.packet import refuse_when_nothing_owed
    from reports.documents.routesheet import render_route_sheet

    sheet = routesheets.route_sheet(route_id, day, every_stop=every_stop)
    refuse_when_nothing_owed(sheet, every_stop)
    path = render_route_sheet(
        sheet, settings.get_company(), _target(f"route-{sheet.route.name}-{day}")
    )
    return Printout(path, f"{sheet.route.name} {day}", _font_warning(), Kind.ROUTE_SHEET)


def call_list_pdf(day: dt.date) -> Printout:
    from models.collecting.calls import call_list
    from models.collecting.chasing import chase_lines
    from reports.documents.calllist import print_call_list

    steps = [s for s in chase_lines(day) if not s.done]
    path = print_call_list(
        day, call_list(day), settings.get_company(), _target(f"calls-{day.isoformat()}"),
        steps=steps,
    )  # fmt: skip
    return Printout(path, f"{day}", _font_warning(), Kind.CALL_LIST)


def handover_pdf(day: dt.date, route_id: RouteId | None) -> Printout:
    from models.collecting.handover import handover
    from reports.documents.handover import print_handover

    h = handover(day, route_id)
    stem = f"handover-{h.route_name or 'all'}-{day.isoformat()}"
    path = print_handover(h, settings.get_company(), _target(stem))
    return Printout(path, f"{h.route_name} {day}", _font_warning(), Kind.HANDOVER)


def statement_images(
    customer_id: int, period_from: dt.date, period_to: dt.date, as_of: dt.date | None = None
) -> PhoneStatement:
    """The statement as phone images for WeChat, numbered like a printed one."""
    from reports.documents.phone_images import phone_statement

    st = statements.issue_number(statements.statement(customer_id, period_from, period_to, as_of))
    return phone_statement(st)
