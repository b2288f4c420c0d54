"""People and roles: ``setup-server`` sets up a shared ledger for an office, ``users``
adds, lists, re-roles and disables the people who sign in. Passwords are read from
standard input (--password-stdin) or asked twice on the terminal, never from the
command line, and never printed."""

from __future__ import annotations

import argparse
import getpass
import sys

from cli.ledger_target import open_target
from cli.output import EXIT_OK, say
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _


def read_password(args: argparse.Namespace, whose: str) -> str:
    """The password: the first line of standard input with --password-stdin, else asked
    twice on the terminal; refused without either."""
    if args.password_stdin:
        line = sys.stdin.readline()
        password = line[:-1] if line.endswith("\n") else line
        if password.endswith("\r"):
            password = password[:-1]
        if not password:
            raise InputError(_("No password came on standard input."))
        return password
    if not sys.stdin.isatty():
        raise InputError(
            _(
                "There is no terminal to ask for the password: give it on the first line of "
                "standard input with --password-stdin."
            )
        )
    first = getpass.getpass(_("Password for ‘{name}’: ").format(name=whose))
    second = getpass.getpass(_("The same password again: "))
    if first != second:
        raise InputError(_("The two passwords differ: nothing was changed. Try again."))
    return first


def cmd_setup_server(args: argparse.Namespace) -> int:
    from models.ledger.server_setup import setup_server
    from models.storage.targets import display_target

    target = args.db or ""
    done = setup_server(target, args.boss, lambda: read_password(args, args.boss))
    where = display_target(target)
    say(
        (_("The shared ledger {target} is set up.") if done.ledger_made
         else _("The rights of the shared ledger {target} are applied again.")).format(target=where)
    )  # fmt: skip
    say(
        (_("‘{name}’ is its boss: they sign in with their own name and password and add the "
           "others with ‘users add’.") if done.boss_added
         else _("‘{name}’ was its boss already; their password is unchanged.")).format(name=args.boss)
    )  # fmt: skip
    return EXIT_OK


def cmd_users(args: argparse.Namespace) -> int:
    from models.ledger import users
    from models.storage.db import is_postgres
    from models.vocabulary.people_records import Action

    open_target(args, create=False)
    action = args.users_action
    if action == "list":
        return _list()
    if action == "add":
        users.require(Action.PEOPLE)  # before the password is asked
        asked_before = is_postgres() or users.sign_in_required()
        if not asked_before and args.role != "boss":
            users.add_person(args.name, args.role, "")  # refused: a boss comes first
        person = users.add_person(args.name, args.role, read_password(args, args.name))
        role = users.role_label(person.role)
        if asked_before:
            say(_("Added ‘{name}’ as {role}.").format(name=person.name, role=role))
        else:
            say(
                _(
                    "Added ‘{name}’ as boss and turned sign-in on: the window now asks for a "
                    "name and a password. On a ledger file this guards against mistakes, not "
                    "against someone who copies the file."
                ).format(name=person.name)
            )
        return EXIT_OK
    if action == "role":
        person = users.set_person_role(args.name, args.role)
        say(
            _("‘{name}’ is now {role}.").format(
                name=person.name, role=users.role_label(person.role)
            )
        )
        return EXIT_OK
    person = users.disable_person(args.name)
    say(_("‘{name}’ is disabled: they can no longer sign in.").format(name=person.name))
    return EXIT_OK


def _list() -> int:
    from models.ledger import users as people

    found = people.people()
    if not found:
        say(_("Nobody signs in to this ledger yet."))
        return EXIT_OK
    width = max(len(p.name) for p in found)
    for person in found:
        state = _("disabled") if person.disabled else ""
        say(f"{person.name.ljust(width)}  {people.role_label(person.role)}  {state}".rstrip())
    return EXIT_OK
