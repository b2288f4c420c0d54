"""The ledger a command works on: the one --db names, else "the" ledger (the one the
window opened last), opened with the advice to restore its latest good backup when it is
damaged."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.output import complain
from models.storage import db, paths
from models.storage.targets import display_target
from models.vocabulary.errors import ForeignSchema, LedgerFileError


def open_target(
    args: argparse.Namespace, *, create: bool, warn: bool = True, inspect: bool = False
) -> str:
    """Open the ledger named by --db (or "the" ledger: the one the window opened last);
    returns its name for messages (``user@host/db`` for PostgreSQL: never the password).
    Guards found missing and put back are reported on stderr (`check` lists them).
    `inspect`: see `db.open_ledger` (a ledger holding what Qingkuan did not make opens
    read-only). A command that does not create only reads: it never sets up an empty
    database nor upgrades an older ledger (it says so and fails, the ledger unchanged)."""
    target = args.db or the_ledger(create)
    try:
        db.open_ledger(target, create=create, upgrade=create, inspect=inspect)
    except ForeignSchema:
        raise
    except LedgerFileError as err:
        advice = advice_to_restore(target)
        if advice:
            raise LedgerFileError(" ".join([str(err), *advice])) from err
        raise
    if warn and db.guards_warning():
        complain(db.guards_warning())
    sign_in_if_asked()
    return display_target(target)


def sign_in_if_asked() -> None:
    """A ledger file with sign-in on: the person named by QK_USER signs in, with the
    password typed on the terminal (else QK_PASSWORD). Never asked on PostgreSQL: the
    server's login signed in already."""
    import getpass
    import os
    import sys

    from models.ledger import users
    from models.vocabulary.errors import NotAllowed
    from models.vocabulary.i18n import _

    if not users.sign_in_required():
        return
    name = os.environ.get("QK_USER", "")
    if not name:
        raise NotAllowed(
            _(
                "This ledger asks who you are: set QK_USER to your sign-in name (the password "
                "is asked on the terminal, or taken from QK_PASSWORD)."
            )
        )
    if sys.stdin.isatty() and "QK_PASSWORD" not in os.environ:
        password = getpass.getpass(_("Password for ‘{name}’: ").format(name=name))
    else:
        password = os.environ.get("QK_PASSWORD", "")
    users.sign_in(name, password)


def advice_to_restore(target: str) -> list[str]:
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


def the_ledger(create: bool) -> str:
    """The ledger of a command without --db (`paths.the_ledger`); with `create` the data
    folder it lives in is made first."""
    if create:
        paths.data_dir().mkdir(parents=True, exist_ok=True)
    return paths.the_ledger()
