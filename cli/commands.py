"""Running the command line's subcommands, and turning every failure into one line.

The subcommands live by family: `ledger_commands` (demo, check), `exchange_commands`
(import, export), `print_commands` (print, today), `backup_commands` (backup,
restore), `people_commands` (users, setup-server); without a command the window
opens (`cmd_gui`).

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

import peewee as pw

from cli.audit_args import cmd_audit
from cli.backup_commands import cmd_backup, cmd_restore
from cli.confirm_commands import cmd_confirm
from cli.exchange_commands import cmd_export, cmd_import
from cli.ledger_commands import cmd_check, cmd_demo
from cli.output import EXIT_ERROR, complain
from cli.people_commands import cmd_setup_server, cmd_users
from cli.print_commands import cmd_print, cmd_today
from models.storage import db
from models.storage.paths import log_file
from models.storage.targets import scrub
from models.vocabulary.errors import LedgerError
from models.vocabulary.i18n import _


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


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "today": cmd_today,
    "demo": cmd_demo,
    "import": cmd_import,
    "export": cmd_export,
    "check": cmd_check,
    "audit": cmd_audit,
    "print": cmd_print,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "users": cmd_users,
    "setup-server": cmd_setup_server,
    "confirm": cmd_confirm,
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
    outcome = sys.modules.get("models.exchange.importing.outcome")
    if outcome is not None and isinstance(err, outcome.ImportRejected):
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
