"""The documents: ``print`` writes a statement, IOU notes, a route sheet, a route-day
packet, the aging report or the review as a PDF; ``today`` prints what is due today and
tomorrow as plain text."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING

from cli.ledger_target import open_target
from cli.output import EXIT_OK, complain, say
from models.storage.output_paths import OutputKind, check_output
from models.vocabulary import clock
from models.vocabulary.errors import InputError, NotFound
from models.vocabulary.i18n import _

if TYPE_CHECKING:
    from models.vocabulary.customer_records import Route


def cmd_print(args: argparse.Namespace) -> int:
    from reports.documents import cli as documents

    if getattr(args, "image", None) is not None:
        return _print_images(args)
    check_output(args.out, OutputKind.PDF)  # before the ledger is even opened
    open_target(args, create=False)
    if args.document in ("aging", "review", "commission"):
        return _print_review(args)
    if args.document == "statement":
        _check_customer_code(args.code)
        path = documents.print_statement(
            args.code,
            args.date_from,
            args.date_to,
            args.as_of,
            lang=args.lang,
            out=args.out,
            paper=args.paper,
        )
        say(_("Statement written to {path}.").format(path=path))
    elif args.document == "iou":
        _check_customer_code(args.code)
        path = documents.print_iou(args.code, lang=args.lang, out=args.out, paper=args.paper)
        say(_("IOU notes written to {path}.").format(path=path))
    elif args.document == "packet":
        return _print_packet(args)
    else:
        from models.collecting.routesheets import is_route_day, next_route_day

        route = _find_route(args.route)
        # Sheets are printed the evening before: by default for the route's next day.
        day = args.date or next_route_day(route, clock.today())
        path = documents.print_route(
            route.name, day, lang=args.lang, out=args.out, every_stop=args.all, paper=args.paper
        )
        say(
            _("Route sheet of {route} for {day} written to {path}.").format(
                route=route.name, day=day.isoformat(), path=path
            )
        )
        if not is_route_day(route, day):
            # Printed all the same (an extra trip happens), but maybe the date is wrong.
            complain(not_a_route_day(route, day))
    return EXIT_OK


def _print_images(args: argparse.Namespace) -> int:
    from reports.documents import cli as documents

    if args.paper:
        raise InputError(_("--paper sets the paper of a PDF: phone images have none."))
    check_output(args.image, OutputKind.IMAGE)
    open_target(args, create=False)
    _check_customer_code(args.code)
    paths, message = documents.print_statement_images(
        args.code, args.date_from, args.date_to, args.as_of, lang=args.lang, out=args.image
    )
    names = ", ".join(str(p) for p in paths)
    say(_("Statement images written to {paths}.").format(paths=names))
    say(message)
    return EXIT_OK


def _print_review(args: argparse.Namespace) -> int:
    if args.document == "commission":
        from reports.documents.commission_report import print_commission

        month = args.month or last_month()
        path = print_commission(args.out, month, lang=args.lang)
        say(_("Commission of {month} written to {path}.").format(month=f"{month:%Y-%m}", path=path))
    elif args.document == "aging":
        from reports.documents.aging_report import print_aging

        path = print_aging(args.out, args.as_of, args.by, lang=args.lang)
        say(_("Aging report written to {path}.").format(path=path))
    else:
        from reports.documents.review_report import print_review

        path = print_review(args.out, args.as_of, lang=args.lang)
        say(_("Review written to {path}.").format(path=path))
    return EXIT_OK


def last_month() -> dt.date:
    """The first day of the month before today's."""
    return (clock.today().replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def _print_packet(args: argparse.Namespace) -> int:
    from models.collecting.routesheets import is_route_day, next_route_day
    from reports.documents.packet import PacketOptions, render_packet

    route = _find_route(args.route)
    day = args.date or next_route_day(route, clock.today())
    options = PacketOptions(every_stop=args.all, days=args.days, lang=args.lang, duplex=args.duplex)
    terminal = sys.stderr.isatty()  # progress on a terminal; nothing extra when piped

    def show(done: int, total: int, _title: str) -> None:
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    result = render_packet(route.id, day, args.out, options, progress=show if terminal else None)
    if terminal:
        print(file=sys.stderr)
    say(
        _(
            "Packet of {route} for {day} ({docs} documents, {pages} pages) written to {path}."
        ).format(
            route=route.name,
            day=day.isoformat(),
            docs=result.documents,
            pages=result.pages,
            path=result.files[0],
        )
    )
    if not is_route_day(route, day):
        complain(not_a_route_day(route, day))
    return EXIT_OK


def _check_customer_code(code: str) -> None:
    """`NotFound` for an unknown code, suggesting one that differs only in case."""
    from models.exchange.importing.rows import unknown_code_message
    from models.ledger.customers import customer_by_code, list_customers

    try:
        customer_by_code(code)
    except NotFound:
        codes = (c.code for c in list_customers(include_archived=True))
        raise NotFound(unknown_code_message(code.strip(), codes)) from None


def _find_route(name: str) -> Route:
    """The route called (or numbered) `name`; `NotFound` lists the routes there are."""
    from models.ledger.people import list_routes
    from reports.documents.cli import find_route

    try:
        return find_route(name)
    except NotFound as err:
        names = [r.name for r in list_routes()]
        if not names:
            raise NotFound(f"{err} {_('There are no routes yet.')}") from None
        listed = _("The routes are: {names}.").format(names=", ".join(names))
        raise NotFound(f"{err} {listed}") from None


def _short_weekday(iso: int) -> str:
    return (_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun"))[iso - 1]


def _weekday(iso: int) -> str:
    names = (
        _("Monday"),
        _("Tuesday"),
        _("Wednesday"),
        _("Thursday"),
        _("Friday"),
        _("Saturday"),
        _("Sunday"),
    )
    return names[iso - 1]


def not_a_route_day(route: Route, day: dt.date) -> str:
    """E.g. "城东线 runs on Mon, Thu; 2026-11-27 is a Friday." """
    days = ", ".join(_short_weekday(d) for d in sorted(route.weekdays))
    return _("{route} runs on {days}; {day} is a {weekday}.").format(
        route=route.name, days=days, day=day.isoformat(), weekday=_weekday(day.isoweekday())
    )


def cmd_today(args: argparse.Namespace) -> int:
    from models.collecting.today import today
    from models.papers.confirmation_figures import open_disputes, unanswered
    from models.vocabulary.i18n import language
    from reports.documents.today import confirmations_text, today_text

    open_target(args, create=False)
    report = today(args.date)
    say(today_text(report, language()))
    say("")
    say(confirmations_text(open_disputes(report.day), unanswered(report.day)))
    return EXIT_OK
