"""The route-day packet: one PDF with the route sheet first, then for each stop in
visit order its statement (with the confirmation slip) and the IOU notes of its
promises due that day — what the rep carries on the road (§3(8)).

Each statement gets its number as it is read (on the statement and on its slip, so a
slip returned from the road finds its statement); the IOU notes are made by
`models.papers.ious.notes_today`, like every other note: what the stop owes on the day the
packet is printed (usually the evening before the route day).

Built with `reports.documents.batch.render_batch`: the statements are read one at a time as
their turn comes, so progress moves steadily and Cancel stops within one statement;
a cancelled or failed packet leaves no file. Once written, the statements printed are
remembered, and the next statement of each customer starts the day after.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from models.collecting.routesheets import route_sheet
from models.ledger.customers import route_customers
from models.ledger.settings import get_company
from models.papers.ious import notes_today
from models.papers.statement_prints import last_printed, next_period, record_printed
from models.papers.statements import issue_number, statement
from models.vocabulary.collecting_records import RouteSheet
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.customer_records import Customer, RouteId
from models.vocabulary.i18n import _
from models.vocabulary.paper_records import IouNote
from reports.documents.batch import (
    BatchResult,
    IouJob,
    JobLike,
    Progress,
    RouteJob,
    StatementJob,
    render_batch,
)
from reports.typesetting.output import NothingToPrint, check_destination


@dataclass(frozen=True)
class PacketOptions:
    every_stop: bool = False  # also the stops that owe nothing
    days: int | None = None  # statement period: the last N days; None: since the last printed
    lang: str | None = None  # None: the company's document language
    duplex: bool = False  # each customer starts on an odd page


@dataclass(frozen=True)
class PacketPlan:
    sheet: RouteSheet
    jobs: list[JobLike]
    odd_starts: set[int]
    periods: dict[int, tuple[dt.date, dt.date]]  # customer id → statement period


def plan_packet(route_id: RouteId, day: dt.date, options: PacketOptions) -> PacketPlan:
    """The packet's documents in order; statements are read when their turn comes."""
    company = get_company()
    sheet = route_sheet(route_id, day, every_stop=options.every_stop)
    refuse_when_nothing_owed(sheet, options.every_stop)
    last = last_printed(s.customer.id for s in sheet.stops)
    jobs: list[JobLike] = [RouteJob(sheet, company)]
    odd_starts: set[int] = set()
    periods: dict[int, tuple[dt.date, dt.date]] = {}
    numbers: dict[int, str] = {}  # customer id → the number its packet statement got
    for stop in sheet.stops:
        cid = stop.customer.id
        start, end = next_period(day, last.get(cid), options.days)
        periods[cid] = (start, end)
        odd_starts.add(len(jobs))
        jobs.append(_statement_job(cid, start, end, day, numbers))
        for note in notes_today(cid, stop.promises_due):  # owed on the day it is printed
            jobs.append(_iou_job(note, stop.customer, company, numbers))
    return PacketPlan(sheet, jobs, odd_starts if options.duplex else set(), periods)


def refuse_when_nothing_owed(sheet: RouteSheet, every_stop: bool) -> None:
    """`NothingToPrint` when every stop was left out for owing nothing (a route with
    no customers at all is refused by the route sheet itself)."""
    if not sheet.stops and not every_stop and route_customers(sheet.route.id):
        raise NothingToPrint(
            _(
                "No stop on route ‘{route}’ owes anything on {day}: choose every stop to "
                "print them all."
            ).format(route=sheet.route.name, day=sheet.day.isoformat())
        )


def _statement_job(
    cid: int, start: dt.date, end: dt.date, day: dt.date, numbers: dict[int, str]
) -> Callable[[], StatementJob]:
    """The statement, numbered when its turn comes; its number noted in `numbers`."""

    def job() -> StatementJob:
        st = issue_number(statement(cid, start, end, day))
        if st.number:  # a ledger open read-only issues none
            numbers[cid] = st.number
        return StatementJob(st)

    return job


def _iou_job(
    note: IouNote, customer: Customer, company: CompanySettings, numbers: dict[int, str]
) -> Callable[[], IouJob]:
    """The note, referring to the statement printed just before it in the packet (the
    one the rep shows with it), not the customer's previous one."""

    def job() -> IouJob:
        number = numbers.get(customer.id, note.statement_no)
        return IouJob(dataclasses.replace(note, statement_no=number), customer, company)

    return job


def render_packet(
    route_id: RouteId,
    day: dt.date,
    out: str | Path,
    options: PacketOptions = PacketOptions(),  # noqa: B008 - frozen
    *,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    remember: Callable[[list[tuple[int, dt.date, dt.date]]], None] | None = record_printed,
) -> BatchResult:
    """Write the packet to the PDF `out`; nothing is written when cancelled or on an
    error. Once the file is complete the statements printed are passed to `remember`
    (by default stored in the ledger; the window stores them on its own thread)."""
    check_destination(out)
    plan = plan_packet(route_id, day, options)
    result = render_batch(
        plan.jobs,
        out,
        lang=options.lang,
        progress=progress,
        cancel=cancel,
        title=f"{plan.sheet.route.name} {day.isoformat()}",
        odd_starts=plan.odd_starts,
    )
    if not result.cancelled and remember is not None:
        remember([(cid, start, end) for cid, (start, end) in plan.periods.items()])
    return result
