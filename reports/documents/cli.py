"""What ``main.py print statement|iou|route`` calls: look up, build, write, report.

Each function needs an open ledger (`models.storage.db.open_ledger`), returns the path written
and raises a `models.vocabulary.errors.LedgerError` whose message is one translated sentence:
`NotFound` (unknown customer or route), `NothingToPrint`, `OutputError` (folder missing,
no permission, file open elsewhere), `InputError` (bad period). The destination is
checked before the ledger is read, and nothing is left behind on failure.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from models.collecting.routesheets import route_sheet
from models.ledger.customers import customer_by_code
from models.ledger.people import get_route, route_by_name
from models.ledger.promises import mark_printed
from models.ledger.settings import get_company
from models.papers.ious import open_ious
from models.papers.statement_prints import last_printed, next_period, record_printed
from models.papers.statements import issue_number, statement
from models.vocabulary import clock
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.customer_records import Route
from models.vocabulary.errors import NotFound
from models.vocabulary.i18n import _
from models.vocabulary.paper_records import Statement
from reports.documents.iou import render_ious
from reports.documents.packet import refuse_when_nothing_owed
from reports.documents.phone_images import phone_statement, write_phone_statement
from reports.documents.routesheet import render_route_sheet
from reports.documents.statement import render_statement
from reports.typesetting.output import check_destination
from reports.typesetting.raster import page_paths


def with_paper(company: CompanySettings, paper: str | None) -> CompanySettings:
    """The company settings with the paper a command asked for (``--paper``)."""
    return dataclasses.replace(company, paper_size=paper) if paper else company


def print_statement(
    code: str,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    as_of: dt.date | None = None,
    lang: str | None = None,
    out: str | Path = "statement.pdf",
    paper: str | None = None,
) -> Path:
    """Print customer `code`'s statement for [`date_from`, `date_to`], aged as of `as_of`.

    Defaults: `date_to` is `as_of` or today; `date_from` is the day after the last
    statement printed for the customer, else the usual 90-day window
    (`models.papers.statement_prints.next_period`); `as_of` is `date_to`; `lang` is the company's
    document language.
    """
    check_destination(out)
    st = _numbered(code, date_from, date_to, as_of)
    st = dataclasses.replace(st, company=with_paper(st.company, paper))
    path = render_statement(st, out, lang=lang)
    record_printed([(st.customer.id, st.period_from, st.period_to)])
    return path


def _numbered(
    code: str, date_from: dt.date | None, date_to: dt.date | None, as_of: dt.date | None
) -> Statement:
    """Customer `code`'s statement for the period `print_statement` explains, numbered."""
    customer = customer_by_code(code)
    date_to = date_to or as_of or clock.today()
    if date_from is None:  # from the day after the last statement printed for them
        last = last_printed([customer.id]).get(customer.id)
        date_from = next_period(date_to, last)[0]
    return issue_number(statement(customer.id, date_from, date_to, as_of))


def print_statement_images(
    code: str,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    as_of: dt.date | None = None,
    lang: str | None = None,
    out: str | Path = "statement.png",
) -> tuple[list[Path], str]:
    """Customer `code`'s statement as phone images (``--image``), numbered and counted
    as printed like the paper one: the PNG files written (OUT.png, or OUT-1.png …
    for several pages) and the message to send with them."""
    check_destination(page_paths(out, 1)[0])
    st = _numbered(code, date_from, date_to, as_of)
    result = phone_statement(st, lang)
    paths = write_phone_statement(result, out)
    record_printed([(st.customer.id, st.period_from, st.period_to)])
    return paths, result.message


def print_iou(
    code: str, lang: str | None = None, out: str | Path = "iou.pdf", paper: str | None = None
) -> Path:
    """Print the IOU notes of customer `code`'s open promises, one page each, and count
    the print of each (`mark_printed`) once the file is written."""
    check_destination(out)
    papers = open_ious(customer_by_code(code).id)
    company = with_paper(papers.company, paper)
    path = render_ious(papers.notes, papers.customer, company, out, lang=lang)
    for p in papers.promises:
        mark_printed(p.id)
    return path


def find_route(name: str) -> Route:
    """The route called `name` (or numbered `name`); `NotFound` otherwise."""
    route = route_by_name(name)
    if route is None and name.strip().isdigit():
        try:
            route = get_route(int(name))
        except NotFound:
            route = None
    if route is None:
        raise NotFound(_("There is no route called ‘{name}’.").format(name=name))
    return route


def print_route(
    route: str,
    day: dt.date | None = None,
    lang: str | None = None,
    out: str | Path = "route.pdf",
    every_stop: bool = False,
    paper: str | None = None,
) -> Path:
    """Print the route sheet of `route` (name or number) for `day` (default today);
    stops owing nothing only with `every_stop`."""
    check_destination(out)
    found = find_route(route)
    sheet = route_sheet(found.id, day or clock.today(), every_stop=every_stop)
    refuse_when_nothing_owed(sheet, every_stop)
    return render_route_sheet(sheet, with_paper(get_company(), paper), out, lang=lang)
