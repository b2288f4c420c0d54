"""Writing to and reading from the open ledger: one write = one transaction, which waits
(bounded) for a ledger other processes are writing; a document read as of one moment.

A write on a ledger that cannot be written is refused here with the sentence
models/storage/current_ledger.py gives, before anything is tried.
"""

from __future__ import annotations

import random
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import peewee as pw

from models.storage import storage_errors
from models.storage.current_ledger import opened, pg_user, read_only_refusal
from models.storage.tables import database
from models.storage.targets import display_target
from models.vocabulary.errors import LedgerError
from models.vocabulary.i18n import _


class LedgerBusy(LedgerError):
    """Other processes kept the ledger locked longer than a write is willing to wait."""


# How long a write waits in all for a ledger another process is writing, beyond
# SQLite's own busy timeout, before the clerk is told; the waits double each time.
BUSY_RETRY_SECONDS = 30.0
_FIRST_WAIT = 0.02


@contextmanager
def transaction() -> Iterator[None]:
    """One write = one transaction (BEGIN IMMEDIATE on SQLite, set on the connection).

    Starting the outermost one waits for a ledger that other processes are writing,
    retrying with backoff (bounded), so "database is locked" never reaches a caller.
    A write the ledger cannot take (read-only, no permission, disk full) raises
    `LedgerNotWritable` with a sentence; nothing was written.
    """
    if opened.read_only is not None:
        raise read_only_refusal()
    try:
        if database.transaction_depth():
            with database.atomic():  # a savepoint inside the caller's transaction
                yield
            return
        ctx = _begin_waiting()
        try:
            yield
        except BaseException:
            if not ctx.__exit__(*sys.exc_info()):
                raise
        else:
            ctx.__exit__(None, None, None)
    except pw.DatabaseError as err:
        refusal = storage_errors.write_refusal(err, display_target(opened.target), pg_user())
        if refusal is None:
            raise
        raise refusal from err


def _begin_waiting() -> pw._atomic:
    """An entered outermost transaction, after waiting (bounded) for a busy ledger."""
    deadline = time.monotonic() + BUSY_RETRY_SECONDS
    wait = _FIRST_WAIT
    while True:
        ctx = database.atomic()  # a fresh one each time: a failed BEGIN leaves nothing
        try:
            ctx.__enter__()
            return ctx
        except pw.OperationalError as err:
            if not _is_busy(err) or time.monotonic() + wait > deadline:
                if _is_busy(err):
                    raise LedgerBusy(
                        _(
                            "The ledger is busy: another program has been writing to it for "
                            "too long. Try again in a moment."
                        )
                    ) from err
                raise
        time.sleep(wait * (0.5 + random.random()))  # jitter: writers do not retry in step
        wait = min(wait * 2, 1.0)


def _is_busy(err: Exception) -> bool:
    text = str(err).lower()
    return "locked" in text or "busy" in text


@contextmanager
def read_snapshot() -> Iterator[None]:
    """Read a whole document (statement, route sheet, IOU, aging export) as of one
    moment, so that its rows and its totals agree while other clerks post.

    SQLite: a deferred read transaction; in WAL mode it sees one snapshot from its first
    read on and blocks no writer. PostgreSQL: a REPEATABLE READ, READ ONLY transaction.
    Inside a transaction already (a write, an outer snapshot) it reads in that one.
    """
    db = database.obj
    if db.transaction_depth() > 0:
        yield
        return
    _snapshot.memo = {}
    try:
        if isinstance(db, pw.PostgresqlDatabase):
            with db.atomic(isolation_level="REPEATABLE READ, READ ONLY"):
                yield
        else:
            with db.atomic(lock_type="DEFERRED"):
                yield
    finally:
        _snapshot.memo = None


# What a snapshot read once and may read again (a statement asks a customer's balance
# four times): each figure is a round trip to a server. Per thread: each has its own
# connection and snapshot.
_snapshot = threading.local()


def snapshot_memo() -> dict | None:
    """Figures read in the calling thread's outermost `read_snapshot` (None outside one,
    and inside a writing transaction: its own writes change them)."""
    return getattr(_snapshot, "memo", None)
