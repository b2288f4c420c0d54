"""The arguments of people and roles: ``setup-server`` (a shared ledger for an office)
and ``users`` (add, list, role, disable)."""

from __future__ import annotations

import argparse

from cli.parser_base import command
from models.vocabulary.i18n import _

ROLES = ("clerk", "boss", "viewer")


def _password_stdin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--password-stdin", action="store_true",
                        help=_("read the password from the first line of standard input "
                               "(else it is asked twice on the terminal)"))  # fmt: skip


def add_setup_server(commands: argparse._SubParsersAction, db_too: argparse.ArgumentParser) -> None:
    """``setup-server``: the first boss."""
    setup = command(
        commands, "setup-server", _("set up a shared ledger on an empty PostgreSQL database"),
        _(
            "Run once by the server's administrator on an empty database: makes the "
            "ledger, its roles (clerk, boss, viewer) and what each may do, and the first "
            "boss's login. Safe to run again on the same ledger (it applies the rights "
            "again). Refuses a database that holds another program's tables."
        ),
        ("main.py --db postgresql://postgres@server/qingkuan setup-server --boss laowang",),
        [db_too],
    )  # fmt: skip
    setup.add_argument("--boss", required=True, metavar="NAME",
                       help=_("the first boss's sign-in name"))  # fmt: skip
    _password_stdin(setup)


def add_users(commands: argparse._SubParsersAction, db_too: argparse.ArgumentParser) -> None:
    """``users`` and its actions."""
    people = command(
        commands, "users", _("the people who sign in, and their roles"),
        _(
            "On a shared ledger each person signs in with their own login; the database "
            "refuses what their role may not do. Clerks post, promise, visit, settle, print "
            "and import; the boss does everything (write-offs, old voids, credit limits, "
            "terms, reps and routes, people); viewers review, print and export. On a ledger "
            "file, adding the first boss turns sign-in on: it guards against mistakes, not "
            "against someone who copies the file."
        ),
        ("main.py --db postgresql://laowang@server/qingkuan users add xiaoli --role clerk",
         "main.py users list"),
        [db_too],
    )  # fmt: skip
    actions = people.add_subparsers(dest="users_action", metavar="action", required=True)
    add = command(
        actions, "add", _("add a person with a role and a password (boss only)"),
        _("Adds a person who signs in with the name and password given; only the boss may add people."),
        ("main.py users add xiaoli --role clerk",
         "printf '%s\\n' \"$PW\" | main.py users add xiaoli --role clerk --password-stdin"),
        [db_too],
    )  # fmt: skip
    add.add_argument("name", metavar="NAME", help=_("the sign-in name, exactly"))
    add.add_argument("--role", required=True, choices=ROLES, help=_("clerk, boss or viewer"))
    _password_stdin(add)
    command(
        actions, "list", _("list the people, their roles and who is disabled"),
        _("Lists everyone who may sign in to the ledger (and who was disabled)."),
        ("main.py users list",),
        [db_too],
    )  # fmt: skip
    role = command(
        actions, "role", _("give a person another role (boss only)"),
        _("Gives a person another role (only the boss may); the ledger always keeps a boss."),
        ("main.py users role xiaoli viewer",),
        [db_too],
    )  # fmt: skip
    role.add_argument("name", metavar="NAME", help=_("the sign-in name, exactly"))
    role.add_argument("role", choices=ROLES, metavar="ROLE", help=_("clerk, boss or viewer"))
    disable = command(
        actions, "disable", _("stop a person from signing in (boss only)"),
        _("The person can no longer sign in; what they entered keeps their name."),
        ("main.py users disable xiaoli",),
        [db_too],
    )  # fmt: skip
    disable.add_argument("name", metavar="NAME", help=_("the sign-in name, exactly"))
