"""Running the command line's subcommands, and turning every failure into one line.

Each command opens the ledger, calls the same model and report functions the window
uses, and prints one sentence on success. Errors never show a traceback: a
`LedgerError` or an `OSError` is a sentence the user can act on; anything unexpected is
logged (with its traceback, for a developer) and summarised in one line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import importlib.util
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import peewee as pw

from models import clock, db, paths
from models.errors import LedgerError, NotFound
from models.i18n import _
from models.paths import log_file
from models.targets import display_target, scrub

if TYPE_CHECKING:
    from models.records import Route

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PROBLEMS = 0, 1, 2, 3


def say(text: str) -> None:
    print(scrub(text), flush=True)


def complain(text: str) -> None:
    """One line on stderr (newlines inside a message would break that promise), with
    any password a driver's message may quote taken out."""
    print(" ".join(scrub(text).split("\n")), file=sys.stderr, flush=True)


def open_target(args: argparse.Namespace, *, create: bool) -> str:
    """Open the ledger named by --db (or "the" ledger: the one the window opened last);
    returns its name for messages (``user@host/db`` for PostgreSQL: never the password)."""
    target = args.db or _the_ledger(create)
    db.open_ledger(target, create=create)
    return display_target(target)


def _the_ledger(create: bool) -> str:
    if create:
        paths.data_dir().mkdir(parents=True, exist_ok=True)
    return paths.the_ledger()


def cmd_gui(args: argparse.Namespace, argv0: str) -> int:
    if importlib.util.find_spec("gui") is None or importlib.util.find_spec("gui.app") is None:
        complain(
            _("The window is not available in this version yet: use the commands (see --help).")
        )
        return EXIT_ERROR
    try:
        app = importlib.import_module("gui.app")
    except ImportError as err:
        complain(_("The window cannot start: {reason}").format(reason=err))
        return EXIT_ERROR
    return int(app.run(args.db, [argv0]))


def cmd_demo(args: argparse.Namespace) -> int:
    from models import demo

    options = {"customers": args.customers, "days": args.days, "seed": args.seed}
    show = _progress() if sys.stderr.isatty() else None
    if args.db:
        target = open_target(args, create=True)
        written = demo.make_demo(progress=show, **options)
    else:
        # Without --db: the same demo ledger the window's "Try the demo" builds, which
        # then becomes "the" ledger for the window and every command.
        path = paths.demo_ledger_path()
        if path.exists():
            paths.remember_ledger(str(path))
            say(
                _(
                    "The demo ledger is already at {path}: commands and the window use it now "
                    "(delete the file to build a new one)."
                ).format(path=path)
            )
            return EXIT_OK
        path.parent.mkdir(parents=True, exist_ok=True)
        written = demo.build_demo_file(path, show, **options)
        paths.remember_ledger(str(path))
        target = display_target(str(path))
    if show:
        print(file=sys.stderr)
    say(_("Demo ledger ready: {n} entries written to {target}.").format(n=written, target=target))
    return EXIT_OK


def _progress() -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        print(f"\r{percent:3d}%", end="", file=sys.stderr, flush=True)

    return show


def cmd_import(args: argparse.Namespace) -> int:
    from models.importing import import_file

    path = Path(args.file).expanduser()
    if not path.exists():  # before opening (maybe creating) the ledger
        complain(_("There is no file ‘{path}’.").format(path=path))
        return EXIT_ERROR
    target = args.db or _the_ledger(create=True)
    new_file = None
    if not db.is_postgres_url(target) and not Path(target).expanduser().exists():
        # Moving from Excel into a new ledger is legitimate, but a mistyped --db must
        # not go unnoticed: say so before anything else.
        new_file = Path(target).expanduser()
        say(_("New ledger created at {path}.").format(path=new_file))
    db.open_ledger(target, create=True)
    try:
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
    from reports.spreadsheets import export_aging

    open_target(args, create=False)
    path, rows = export_aging(args.out, args.as_of, bom=args.bom)
    if rows == 1:
        text = _("Aging of 1 customer written to {path}.")
    else:
        text = _("Aging of {n} customers written to {path}.")
    say(text.format(n=rows, path=path))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from models.check import check_ledger

    target = open_target(args, create=False)
    problems = check_ledger()
    for problem in problems:
        say(problem)
    if len(problems) == 1:
        complain(_("1 problem found in {target}.").format(target=target))
    elif problems:
        complain(_("{n} problems found in {target}.").format(n=len(problems), target=target))
    else:
        say(_("No problems found in {target}.").format(target=target))
    return EXIT_PROBLEMS if problems else EXIT_OK


def cmd_print(args: argparse.Namespace) -> int:
    from reports import cli as documents

    open_target(args, create=False)
    if args.document == "statement":
        _check_customer_code(args.code)
        path = documents.print_statement(
            args.code, args.date_from, args.date_to, args.as_of, lang=args.lang, out=args.out
        )
        say(_("Statement written to {path}.").format(path=path))
    elif args.document == "iou":
        _check_customer_code(args.code)
        path = documents.print_iou(args.code, lang=args.lang, out=args.out)
        say(_("IOU notes written to {path}.").format(path=path))
    else:
        from models.routesheets import is_route_day, next_route_day

        route = _find_route(args.route)
        # Sheets are printed the evening before: by default for the route's next day.
        day = args.date or next_route_day(route, clock.today())
        path = documents.print_route(route.name, day, lang=args.lang, out=args.out)
        say(
            _("Route sheet of {route} for {day} written to {path}.").format(
                route=route.name, day=day.isoformat(), path=path
            )
        )
        if not is_route_day(route, day):
            # Printed all the same (an extra trip happens), but maybe the date is wrong.
            complain(not_a_route_day(route, day))
    return EXIT_OK


def _check_customer_code(code: str) -> None:
    """`NotFound` for an unknown code, suggesting one that differs only in case."""
    from models.customers import customer_by_code, list_customers
    from models.importing import unknown_code_message

    try:
        customer_by_code(code)
    except NotFound:
        codes = (c.code for c in list_customers(include_archived=True))
        raise NotFound(unknown_code_message(code.strip(), codes)) from None


def _find_route(name: str) -> Route:
    """The route called (or numbered) `name`; `NotFound` lists the routes there are."""
    from models.people import list_routes
    from reports.cli import find_route

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


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": cmd_demo,
    "import": cmd_import,
    "export": cmd_export,
    "check": cmd_check,
    "print": cmd_print,
}


def run(args: argparse.Namespace, argv0: str = "main.py") -> int:
    """Run the chosen command; every failure becomes one line on stderr and exit 1."""
    from models.importing import ImportRejected

    try:
        if args.command is None:
            return cmd_gui(args, argv0)
        return COMMANDS[args.command](args)
    except ImportRejected as err:
        # The one error that is more than a line: the clerk needs every bad row.
        for line in err.lines():
            complain(line)
        return EXIT_ERROR
    except LedgerError as err:
        complain(str(err))
        return EXIT_ERROR
    except OSError as err:
        complain(describe_os_error(err))
        return EXIT_ERROR
    except pw.PeeweeException as err:
        _log()
        reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        complain(_("The ledger could not be read or written: {reason}").format(reason=reason))
        return EXIT_ERROR
    except KeyboardInterrupt:
        complain(_("Interrupted: nothing more was written."))
        return 130
    except Exception as err:
        if os.environ.get("QK_DEBUG") == "1":
            raise
        where = _log()
        text = _("Unexpected error: {reason}.").format(reason=f"{type(err).__name__}: {err}")
        if where:
            text += " " + _("Details are in {path}.").format(path=where)
        complain(text)
        return EXIT_ERROR
    finally:
        db.close_ledger()


def describe_os_error(err: OSError) -> str:
    """An OSError as a sentence: which file, and what the system said."""
    name = err.filename if err.filename is not None else ""
    if isinstance(err, FileNotFoundError):
        return _("There is no file ‘{path}’.").format(path=name)
    if isinstance(err, PermissionError):
        return _("You have no permission to use ‘{path}’.").format(path=name)
    reason = err.strerror or str(err)
    if name:
        return _("‘{path}’ could not be used: {reason}.").format(path=name, reason=reason)
    return _("A file could not be used: {reason}.").format(reason=reason)


def _log() -> Path | None:
    """Append the current traceback to the log file; returns it (None if unwritable)."""
    try:
        path = log_file()
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {dt.datetime.now().isoformat(sep=' ', timespec='seconds')}\n")
            fh.write(scrub(traceback.format_exc()))
    except OSError:
        return None
    return path
