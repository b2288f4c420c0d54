"""The arguments of backups of a ledger file: ``backup`` and ``restore``."""

from __future__ import annotations

import argparse

from cli.parser_base import command
from models.vocabulary.i18n import _


def add_backup(commands: argparse._SubParsersAction, db_too: argparse.ArgumentParser) -> None:
    """``backup``: where to write it."""
    backup = command(
        commands, "backup", _("back up a ledger file (checked before it is kept)"),
        _(
            "Copies the ledger with SQLite's online backup (safe while the window is "
            "open), checks the copy and only then gives it its name. A shared PostgreSQL "
            "ledger is backed up with pg_dump instead: the command says how."
        ),
        ("main.py backup --out shop-2026-11-30.qkledger",),
        [db_too],
    )  # fmt: skip
    backup.add_argument("--out", required=True, metavar="FILE.qkledger",
                        help=_("where to write the backup"))  # fmt: skip


def add_restore(commands: argparse._SubParsersAction, db_too: argparse.ArgumentParser) -> None:
    """``restore``: which backup (a file, --latest or --list) and whether to ask."""
    restore = command(
        commands, "restore", _("replace the ledger by a backup (the old one is kept)"),
        _(
            "Checks the backup fully, asks, keeps the ledger as it is now in the backups "
            "folder beside it, then replaces it by the backup. Refuses a file that is not a "
            "ledger or comes from a newer version of Qingkuan."
        ),
        ("main.py restore backups/shop-20261130-090000.qkledger",
         "main.py --db shop.qkledger restore old.qkledger --yes",
         "main.py --db shop.qkledger restore --latest",
         "main.py --db shop.qkledger restore --list"),
        [db_too],
    )  # fmt: skip
    which = restore.add_mutually_exclusive_group()
    which.add_argument("file", metavar="FILE", nargs="?", help=_("the backup to restore"))
    which.add_argument("--latest", action="store_true",
                       help=_("restore the newest backup that checks out"))  # fmt: skip
    which.add_argument("--list", action="store_true",
                       help=_("list the backups beside the ledger, newest first"))  # fmt: skip
    restore.add_argument("--yes", action="store_true",
                         help=_("do not ask before replacing"))  # fmt: skip
