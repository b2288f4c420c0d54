"""The commands on a ledger as a whole: ``demo`` fills an empty one with a demo
business, ``check`` checks its integrity (and first removes what Qingkuan did not make,
with ``--remove-foreign``)."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import peewee as pw

from cli.ledger_target import advice_to_restore, open_target, the_ledger
from cli.output import EXIT_OK, EXIT_PROBLEMS, complain, say
from models.storage import db, paths
from models.storage.targets import display_target
from models.vocabulary.errors import ForeignSchema, LedgerError
from models.vocabulary.i18n import _


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


def cmd_check(args: argparse.Namespace) -> int:
    from models.ledger.check import check_ledger

    if args.remove_foreign:
        _remove_foreign(args.db or the_ledger(False))
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
        for line in advice_to_restore(args.db or the_ledger(False)):
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
    lines = damage_lines(Path(args.db or the_ledger(False)).expanduser())
    say(lines[0])
    for line in lines[1:]:
        complain(line)
    return EXIT_PROBLEMS
