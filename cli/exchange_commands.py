"""Data in and out: ``import`` of customers, entries or promises from CSV or XLSX (all
or nothing), ``export`` of a report or the ledger's data as CSV or XLSX."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.ledger_target import open_target, the_ledger
from cli.output import EXIT_ERROR, EXIT_OK, complain, say
from models.storage import db
from models.storage.output_paths import OutputKind, check_output
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _


def cmd_import(args: argparse.Namespace) -> int:
    from models.exchange.importing.reading import file_problem
    from models.exchange.importing.run import import_file

    path = Path(args.file).expanduser()
    if not path.exists():  # before opening (maybe creating) the ledger
        complain(_("There is no file ‘{path}’.").format(path=path))
        return EXIT_ERROR
    if file_problem(path):  # a device or a pipe would never end: refused unread
        complain(file_problem(path))
        return EXIT_ERROR
    target = args.db or the_ledger(create=True)
    layout = getattr(args, "layout", None)
    new_file = None
    new_ledger = not db.is_postgres_url(target) and not Path(target).expanduser().exists()
    if layout is not None and new_ledger:  # a layout lives in a ledger
        complain(
            _(
                "There is no ledger at {path}, so there is no layout ‘{layout}’ either: "
                "give the ledger that holds it with --db."
            ).format(path=Path(target).expanduser(), layout=layout)
        )
        return EXIT_ERROR
    if new_ledger:
        # Moving from Excel into a new ledger is legitimate, but a mistyped --db must
        # not go unnoticed: say so before anything else.
        new_file = Path(target).expanduser()
        say(_("New ledger created at {path}.").format(path=new_file))
    db.open_ledger(target, create=True)
    if db.guards_warning():
        complain(db.guards_warning())
    try:
        if layout is not None:
            from models.exchange.import_layouts import import_with_layout

            result = import_with_layout(args.what, path, layout)
        else:
            result = import_file(args.what, path)
    except BaseException:
        if new_file is not None:  # a rejected import leaves no empty ledger behind
            db.close_ledger()
            for leftover in (new_file, *(Path(f"{new_file}{s}") for s in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)
        raise
    for line in result.lines():
        say(line)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from reports.spreadsheets.aging_sheet import export_aging

    if args.what != "entries" and (args.date_from or args.date_to):
        raise InputError(
            _("--from and --to choose the entries of a period: use them with export entries.")
        )
    if args.what in ("entries", "customers", "commission") and args.as_of:
        raise InputError(
            _(
                "--as-of is the date of a report: use it with export aging, reps, routes, "
                "forecast or confirmations."
            )
        )
    if args.what != "commission" and args.month:
        raise InputError(_("--month chooses the month of export commission: use it there."))
    if args.what != "forecast" and args.weeks:
        raise InputError(_("--weeks is the length of export forecast: use it there."))
    check_output(args.out, OutputKind.SPREADSHEET)  # before the ledger is even opened
    open_target(args, create=False)
    if args.what in ("reps", "routes"):
        return _export_groups(args)
    if args.what in ("entries", "customers"):
        return _export_ledger_data(args)
    if args.what in ("commission", "forecast"):
        return _export_money(args)
    if args.what == "confirmations":
        from reports.spreadsheets.confirmation_sheet import export_confirmations

        path, rows = export_confirmations(args.out, args.as_of, bom=args.bom)
        if rows == 1:
            text = _("1 statement written to {path}.")
        else:
            text = _("{n} statements written to {path}.")
        say(text.format(n=rows, path=path))
        return EXIT_OK
    path, rows = export_aging(args.out, args.as_of, bom=args.bom)
    if rows == 1:
        text = _("Aging of 1 customer written to {path}.")
    else:
        text = _("Aging of {n} customers written to {path}.")
    say(text.format(n=rows, path=path))
    return EXIT_OK


def _export_groups(args: argparse.Namespace) -> int:
    from reports.spreadsheets.review_exports import export_groups

    path, rows = export_groups(args.out, args.what[:-1], args.as_of, bom=args.bom)
    if args.what == "reps":
        text = (
            _("1 rep row written to {path}.") if rows == 1 else _("{n} rep rows written to {path}.")
        )
    else:
        text = (
            _("1 route row written to {path}.")
            if rows == 1
            else _("{n} route rows written to {path}.")
        )
    say(text.format(n=rows, path=path))
    return EXIT_OK


def _export_ledger_data(args: argparse.Namespace) -> int:
    from reports.spreadsheets.exports import export_customers, export_entries

    if args.what == "entries":
        path, rows = export_entries(args.out, args.date_from, args.date_to, bom=args.bom)
        text = _("1 entry written to {path}.") if rows == 1 else _("{n} entries written to {path}.")
    else:
        path, rows = export_customers(args.out, bom=args.bom)
        if rows == 1:
            text = _("1 customer written to {path}.")
        else:
            text = _("{n} customers written to {path}.")
    say(text.format(n=rows, path=path))
    return EXIT_OK


def _export_money(args: argparse.Namespace) -> int:
    from cli.print_commands import last_month
    from reports.spreadsheets.commission_sheet import export_commission, export_forecast

    if args.what == "commission":
        month = args.month or last_month()
        path, rows = export_commission(args.out, month, bom=args.bom)
        text = _("Commission of {month} ({n} lines) written to {path}.")
        say(text.format(month=f"{month:%Y-%m}", n=rows, path=path))
        return EXIT_OK
    path, f = export_forecast(args.out, args.as_of, args.weeks or 13, bom=args.bom)
    say(
        _("Forecast of {weeks} weeks from {start} written to {path}.").format(
            weeks=len(f.weeks), start=f.weeks[0].start.isoformat(), path=path
        )
    )
    return EXIT_OK
