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
import sqlite3
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import peewee as pw

from models.storage import db, paths
from models.storage.output_paths import OutputKind, check_output
from models.storage.paths import log_file
from models.storage.targets import display_target, scrub
from models.vocabulary import clock
from models.vocabulary.errors import (
    ForeignSchema,
    InputError,
    LedgerError,
    LedgerFileError,
    NotFound,
)
from models.vocabulary.i18n import _

if TYPE_CHECKING:
    from models.storage.backup import LedgerTotals
    from models.vocabulary.records import Route

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PROBLEMS = 0, 1, 2, 3


def say(text: str) -> None:
    print(scrub(text), flush=True)


def complain(text: str) -> None:
    """One line on stderr (newlines inside a message would break that promise), with
    any password a driver's message may quote taken out."""
    print(" ".join(scrub(text).split("\n")), file=sys.stderr, flush=True)


def open_target(
    args: argparse.Namespace, *, create: bool, warn: bool = True, inspect: bool = False
) -> str:
    """Open the ledger named by --db (or "the" ledger: the one the window opened last);
    returns its name for messages (``user@host/db`` for PostgreSQL: never the password).
    Guards found missing and put back are reported on stderr (`check` lists them).
    `inspect`: see `db.open_ledger` (a ledger holding what Qingkuan did not make opens
    read-only). A command that does not create only reads: it never sets up an empty
    database nor upgrades an older ledger (it says so and fails, the ledger unchanged)."""
    target = args.db or _the_ledger(create)
    try:
        db.open_ledger(target, create=create, upgrade=create, inspect=inspect)
    except ForeignSchema:
        raise
    except LedgerFileError as err:
        advice = _restore_advice(target)
        if advice:
            raise LedgerFileError(" ".join([str(err), *advice])) from err
        raise
    if warn and db.guards_warning():
        complain(db.guards_warning())
    return display_target(target)


def _restore_advice(target: str) -> list[str]:
    """For a ledger file that will not open because it is damaged (or gone): its latest
    good backup and how to restore it. Nothing for other reasons (a newer version, in
    use, no permission) or when there is no good backup."""
    if db.is_postgres_url(target):
        return []
    from models.storage.restoring import is_damaged, latest_good, restore_advice

    path = Path(target).expanduser()
    if path.is_dir() or not is_damaged(path) or latest_good(path) is None:
        return []
    return restore_advice(path)


def _the_ledger(create: bool) -> str:
    if create:
        paths.data_dir().mkdir(parents=True, exist_ok=True)
    return paths.the_ledger()


def cmd_gui(args: argparse.Namespace, argv0: str) -> int:
    from cli.packaged import display_problem

    no_display = display_problem()
    if no_display:  # Qt would abort with a misleading "libxcb-cursor0 is needed"
        complain(no_display)
        return EXIT_ERROR
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
    from models.exchange import demo

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
    from models.exchange.importing import import_file
    from models.exchange.tabular import file_problem

    path = Path(args.file).expanduser()
    if not path.exists():  # before opening (maybe creating) the ledger
        complain(_("There is no file ‘{path}’.").format(path=path))
        return EXIT_ERROR
    if file_problem(path):  # a device or a pipe would never end: refused unread
        complain(file_problem(path))
        return EXIT_ERROR
    target = args.db or _the_ledger(create=True)
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
    if args.what in ("entries", "customers") and args.as_of:
        raise InputError(
            _("--as-of is the date of a report: use it with export aging, reps or routes.")
        )
    check_output(args.out, OutputKind.SPREADSHEET)  # before the ledger is even opened
    open_target(args, create=False)
    if args.what in ("reps", "routes"):
        return _export_groups(args)
    if args.what in ("entries", "customers"):
        return _export_ledger_data(args)
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


def cmd_check(args: argparse.Namespace) -> int:
    from models.ledger.check import check_ledger

    if args.remove_foreign:
        _remove_foreign(args.db or _the_ledger(False))
    try:
        target = open_target(args, create=False, warn=False, inspect=True)
    except ForeignSchema as err:  # an older ledger cannot be upgraded with them in it
        say(str(err))
        return EXIT_PROBLEMS
    if args.accept_chain:
        from models.storage import chain_anchors

        chain_anchors.accept_open_chain()
    try:
        problems = check_ledger()
    except (sqlite3.DatabaseError, pw.DatabaseError):
        if db.is_postgres():
            raise
        return _damaged_ledger(args)
    for problem in problems:
        say(problem)
    if len(problems) == 1:
        complain(_("1 problem found in {target}.").format(target=target))
    elif problems:
        complain(_("{n} problems found in {target}.").format(n=len(problems), target=target))
    if problems and not db.is_postgres():
        db.close_ledger()  # before the file is read again: see `restoring.is_damaged`
        for line in _restore_advice(args.db or _the_ledger(False)):
            complain(line)
    elif not problems:
        say(_("No problems found in {target}.").format(target=target))
    return EXIT_PROBLEMS if problems else EXIT_OK


def _remove_foreign(target: str) -> None:
    """``check --remove-foreign``: the user's consent to remove what Qingkuan did not make
    from a ledger file; says what was removed."""
    from models.storage import schema_audit

    if db.is_postgres_url(target):
        raise LedgerError(
            _(
                "--remove-foreign works on ledger files; on a shared PostgreSQL ledger the "
                "database administrator removes foreign triggers."
            )
        )
    try:  # a ledger at all, of a version this program knows?
        db.open_ledger(target, create=False, inspect=True)
    except ForeignSchema:
        pass
    finally:
        db.close_ledger()
    removed = schema_audit.remove_foreign(target)
    for problem in removed:
        say(_("Removed {thing}.").format(thing=problem.thing))
    if not removed:
        say(_("Nothing to remove: the ledger holds only what Qingkuan makes."))


def _damaged_ledger(args: argparse.Namespace) -> int:
    """`check` on a ledger SQLite cannot read through: what is damaged, and the latest
    good backup (read with this process's connection closed)."""
    from models.storage.restoring import damage_lines

    db.close_ledger()
    lines = damage_lines(Path(args.db or _the_ledger(False)).expanduser())
    say(lines[0])
    for line in lines[1:]:
        complain(line)
    return EXIT_PROBLEMS


def cmd_print(args: argparse.Namespace) -> int:
    from reports.documents import cli as documents

    check_output(args.out, OutputKind.PDF)  # before the ledger is even opened
    open_target(args, create=False)
    if args.document in ("aging", "review"):
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


def _print_review(args: argparse.Namespace) -> int:
    if args.document == "aging":
        from reports.documents.aging_report import print_aging

        path = print_aging(args.out, args.as_of, args.by, lang=args.lang)
        say(_("Aging report written to {path}.").format(path=path))
    else:
        from reports.documents.review_report import print_review

        path = print_review(args.out, args.as_of, lang=args.lang)
        say(_("Review written to {path}.").format(path=path))
    return EXIT_OK


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
    from models.exchange.importing import unknown_code_message
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
    from models.vocabulary.i18n import language
    from reports.documents.today import today_text

    open_target(args, create=False)
    say(today_text(today(args.date), language()))
    return EXIT_OK


def _ledger_file(args: argparse.Namespace) -> Path:
    """The ledger file --db names; a shared PostgreSQL ledger is backed up by its server."""
    from models.storage.backup import BackupError, postgres_advice

    target = args.db or _the_ledger(False)
    if db.is_postgres_url(target):
        raise BackupError(postgres_advice(target))
    return Path(target).expanduser()


def cmd_backup(args: argparse.Namespace) -> int:
    from models.storage.backup import BackupError, back_up, read_totals
    from models.storage.shared_folders import copy_out, shared_place

    ledger, out = _ledger_file(args), Path(args.out).expanduser()
    # Refuses a non-ledger, a newer one, a damaged one; one in a shared folder is only
    # read (a backup is how it is copied to this computer), never upgraded there.
    db.open_ledger(ledger, create=False, upgrade=shared_place(ledger) is None)
    db.close_ledger()
    if out.exists() and out.resolve() == ledger.resolve():
        raise BackupError(_("A backup must be another file than the ledger itself."))
    if shared_place(ledger) is None:
        back_up(ledger, out)
    else:
        copy_out(ledger, out)  # writes nothing beside the shared ledger
    totals = read_totals(out, check=False)
    say(
        _("Backup of {ledger} written to {path}: {customers} customers, {entries} entries.").format(
            ledger=ledger, path=out, customers=totals.customers, entries=totals.entries
        )
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from models.storage.backup_folder import default_folder
    from models.storage.restoring import restore
    from models.storage.shared_folders import refusal, shared_place

    ledger = _ledger_file(args)
    if (place := shared_place(ledger)) is not None:  # restoring writes the shared file
        raise refusal(ledger, place)
    folder = default_folder(ledger)
    if args.list:
        return _list_backups(ledger, folder)
    source, totals = _backup_to_restore(args, ledger, folder)
    if not args.yes:
        question = _(
            "Replace {ledger} by the backup {path} (taken {time}: {customers} customers, "
            "{entries} entries, {balance} owed, last entry {last})? The ledger as it is now "
            "is kept in {folder}. [y/N] "
        ).format(
            ledger=ledger,
            path=source,
            time=_taken(source),
            customers=totals.customers,
            entries=totals.entries,
            balance=_money(totals.balance),
            last=totals.last_entry_on.isoformat() if totals.last_entry_on else "—",
            folder=folder,
        )
        print(question, end="", file=sys.stderr, flush=True)
        try:
            answer = input()
        except EOFError:
            answer = ""
            print(file=sys.stderr)
        if answer.strip().lower() not in ("y", "yes", "是", "好"):
            complain(_("Nothing was restored (add --yes to restore without being asked)."))
            return EXIT_ERROR
    result = restore(ledger, source, folder)
    db.open_ledger(ledger, create=False)  # migrates an older backup, proves it opens
    for line in result.lines():
        say(line)
    return EXIT_OK


def _backup_to_restore(
    args: argparse.Namespace, ledger: Path, folder: Path
) -> tuple[Path, LedgerTotals]:
    """The file named, or with --latest the newest good backup; checked in full."""
    from models.storage.backup import BackupError, read_totals
    from models.storage.restoring import latest_good

    if args.latest:
        good = latest_good(ledger, folder)
        if good is None:
            raise BackupError(
                _("There is no backup of {ledger} in {folder} that checks out.").format(
                    ledger=ledger, folder=folder
                )
            )
        return good.backup.path, read_totals(good.backup.path)
    if not args.file:
        raise InputError(
            _(
                "Name the backup to restore, or add --latest for the newest one that checks "
                "out (--list shows them all)."
            )
        )
    source = Path(args.file).expanduser()
    return source, read_totals(source)  # before anything is touched


def _taken(path: Path) -> str:
    from models.storage.restoring import taken_label

    return taken_label(path)


def _money(fen: int) -> str:
    from models.vocabulary.money import format_money

    return format_money(fen)


def _list_backups(ledger: Path, folder: Path) -> int:
    """One line per backup, newest first: when (same-second ones told apart), what it
    holds, where."""
    from models.storage.backup import LedgerFileError, read_totals
    from models.storage.backup_folder import list_backups

    backups = list_backups(folder, ledger)
    if not backups:
        say(_("There are no backups of {ledger} in {folder}.").format(ledger=ledger, folder=folder))
        return EXIT_OK
    for b in backups:
        try:
            totals = read_totals(b.path, check=False)
        except LedgerFileError as err:
            say(f"{b.label()}  {err}  {b.path}")
            continue
        last = totals.last_entry_on.isoformat() if totals.last_entry_on else "—"
        say(
            _("{time}: {customers} customers, {entries} entries, last entry {last}  {path}").format(
                time=b.label(),
                customers=totals.customers,
                entries=totals.entries,
                last=last,
                path=b.path,
            )
        )
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "today": cmd_today,
    "demo": cmd_demo,
    "import": cmd_import,
    "export": cmd_export,
    "check": cmd_check,
    "print": cmd_print,
    "backup": cmd_backup,
    "restore": cmd_restore,
}


def run(args: argparse.Namespace, argv0: str = "main.py") -> int:
    """Run the chosen command; every failure becomes one line on stderr and exit 1."""
    try:
        if args.command is None:
            return cmd_gui(args, argv0)
        return COMMANDS[args.command](args)
    except LedgerError as err:
        for line in _error_lines(err):
            complain(line)
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


def _error_lines(err: LedgerError) -> list[str]:
    """One line, except for a rejected import: the clerk needs every bad row. The import
    module is looked up, not imported: a command that imported nothing cannot have
    raised its error, and the import costs every other command start-up time."""
    importing = sys.modules.get("models.exchange.importing")
    if importing is not None and isinstance(err, importing.ImportRejected):
        return list(err.lines())
    return [str(err)]


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
