"""The command line's arguments: ``main.py [--db PATH|URL] [command …]`` (``qingkuan`` or
``qingkuan-cli.exe`` in the built app: help and errors name the program as it was started).

Each family of subcommands adds its own (`ledger_args`: demo, check; `exchange_args`:
import, export; `backup_args`: backup, restore; `print_args`: print, today; `people_args`: users,
setup-server); the values
they accept are checked by `arg_types`, and `parser_base` holds what every parser is made
of."""

from __future__ import annotations

import argparse

from cli.audit_args import add_audit
from cli.backup_args import add_backup, add_restore
from cli.confirm_args import add_confirm
from cli.exchange_args import add_export, add_import
from cli.ledger_args import add_check, add_demo
from cli.packaged import command_docs, program_name
from cli.parser_base import HelpFormatter, Parser
from cli.people_args import add_setup_server, add_users
from cli.print_args import add_print, add_today
from models.vocabulary.i18n import _
from models.vocabulary.version import version


def command_names(parser: argparse.ArgumentParser) -> set[str]:
    """The subcommands the parser knows (demo, import, …)."""
    return {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }


def ledger_shorthand(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """``main.py FILE.qkledger`` (what a double-click on a ledger runs) means
    ``main.py --db FILE.qkledger``: open the window on that ledger."""
    if len(argv) == 1 and not argv[0].startswith("-") and argv[0] not in command_names(parser):
        return ["--db", argv[0]]
    return argv


def build_parser() -> Parser:
    """The parser for every subcommand; `args.command` is None when the GUI is wanted."""
    prog = program_name()
    parser = Parser(
        prog=prog,
        description=_("Qingkuan (清款): the collections ledger for small distributors."),
        epilog=_(
            "Without a command the window opens. Without --db the ledger is the one the "
            "window opened last (else ledger.qkledger in your data folder).\n"
            "Exit status: 0 done, 1 error (one line on stderr), 2 wrong arguments, 3 check "
            "found problems.\n"
            "Messages follow the system language; set QK_LANG=en or QK_LANG=zh to choose.\n"
            "Each command has its own help: {prog} COMMAND --help. Formats and rules: {docs}."
        ).format(prog=prog, docs=command_docs()),
        formatter_class=HelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"Qingkuan {version()}", help=_("show the version")
    )
    parser.add_argument(
        "--db",
        metavar="PATH|postgresql://…",
        help=_(
            "the ledger: a file, or a PostgreSQL URL (default: the ledger the window opened "
            "last); a password is better kept in PGPASSWORD or ~/.pgpass"
        ),
    )
    # --db is also accepted after the command ("main.py check --db x"); SUPPRESS keeps
    # the subcommand from resetting a --db given before it.
    db_too = argparse.ArgumentParser(add_help=False)
    db_too.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="command")

    # The subcommands, in the order --help lists them.
    add_demo(commands, db_too)
    add_import(commands, db_too)
    add_export(commands, db_too)
    add_check(commands, db_too)
    add_audit(commands, db_too)
    add_backup(commands, db_too)
    add_restore(commands, db_too)
    add_print(commands, db_too)
    add_today(commands, db_too)
    add_users(commands, db_too)
    add_setup_server(commands, db_too)
    add_confirm(commands, db_too)
    return parser
