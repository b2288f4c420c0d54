"""Importing a file whole or not at all: `import_file` and `import_sheet`.

The sheet's headers are matched to the kind's columns, then the kind's import (in
`customers`, `entries`, `promises`) checks and writes every row inside ONE transaction,
and the hash chain is linked over what it wrote. Any problem in any row, a dry run or
the clerk's Cancel rolls all of it back.
"""

from __future__ import annotations

from pathlib import Path

from models.exchange.importing.columns import COLUMNS, ImportKind
from models.exchange.importing.customers import import_customers
from models.exchange.importing.entries import import_entries
from models.exchange.importing.headers import map_columns
from models.exchange.importing.outcome import ImportRejected, ImportResult
from models.exchange.importing.promises import import_promises
from models.exchange.importing.reading import read_sheet
from models.exchange.importing.rows import Progress, Run
from models.exchange.importing.sheet import Sheet
from models.ledger import users
from models.storage import chain
from models.storage.db import transaction
from models.storage.tables import database
from models.vocabulary.gc_pause import gc_paused
from models.vocabulary.people_records import Action


def import_file(
    kind: ImportKind | str,
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: dict[int, str] | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import `path` (CSV or XLSX; from an XLSX the worksheet `sheet`, default the
    first) as customers, entries or promises. See `import_sheet` for the rest.

    Raises `ImportRejected` (nothing written) when any row is bad, `InputError` when the
    file itself cannot be used, `OSError` when it cannot be read.
    """
    return import_sheet(
        kind, read_sheet(path, sheet), mapping=mapping, dry_run=dry_run, progress=progress
    )


def import_sheet(
    kind: ImportKind | str,
    sheet: Sheet,
    *,
    mapping: dict[int, str] | None = None,
    fixed: dict[str, str] | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import a sheet already read. `mapping` (header position → column key) replaces
    the headers' own names; `fixed` (column key → text) fills a column the file lacks
    in every row, e.g. {"kind": "delivery"}; with `dry_run` every row is checked and
    written exactly as in a real import, then everything is undone: the result says what
    would happen. `progress` hears every `PROGRESS_EVERY` rows and may cancel (all is
    undone)."""
    kind = ImportKind(kind)
    users.require(Action.IMPORT)
    columns = map_columns(sheet, COLUMNS[kind], mapping, fixed)
    run = Run(sheet, columns, progress=progress)
    importer = {
        ImportKind.CUSTOMERS: import_customers,
        ImportKind.ENTRIES: import_entries,
        ImportKind.PROMISES: import_promises,
    }[kind]
    try:
        with transaction():
            # Take the writers' turn first (PostgreSQL): an import posts anyway, and two
            # imports adding the same customers would otherwise wait for each other.
            chain.tip(lock=True)
            with gc_paused():  # a million rows' small objects, none in a cycle
                importer(run)
                # The bulk writer inserts entries many rows at a time: link them into
                # the hash chain (models/storage/chain.py) in id order, in the same transaction.
                chain.chain_existing(database.obj)
            if run.problems or dry_run:
                raise _Rollback
    except _Rollback:
        if run.problems:
            raise ImportRejected(sheet.source, run.problems) from None
    if progress is not None:
        progress(len(sheet.rows), len(sheet.rows))
    return ImportResult(
        kind=kind,
        source=sheet.source,
        encoding=sheet.encoding,
        added=run.added,
        existing=run.existing,
        created_routes=tuple(run.created_routes),
        created_reps=tuple(run.created_reps),
        ignored_columns=columns.ignored,
        skipped=tuple(run.skipped),
    )


class _Rollback(Exception):
    """Raised inside the import's transaction to undo it when any row was bad."""
