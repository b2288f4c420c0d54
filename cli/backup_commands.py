"""Backups of a ledger file: ``backup`` makes one, ``restore`` replaces the ledger by
one (the newest that checks out with ``--latest``; ``--list`` shows them)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cli.ledger_target import the_ledger
from cli.output import EXIT_ERROR, EXIT_OK, complain, say
from models.storage import db
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _

if TYPE_CHECKING:
    from models.storage.backup import LedgerTotals


def _ledger_file(args: argparse.Namespace) -> Path:
    """The ledger file --db names; a shared PostgreSQL ledger is backed up by its server."""
    from models.storage.backup import BackupError, postgres_advice

    target = args.db or the_ledger(False)
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
