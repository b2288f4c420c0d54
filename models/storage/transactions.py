"""Writing to and reading from the open ledger: one write = one transaction, which waits
(bounded) for a ledger other processes are writing; a document read as of one moment.

A write on a ledger that cannot be written is refused here with the sentence
models/storage/current_ledger.py gives, before anything is tried.
"""

from __future__ import annotations

import functools
import logging
import random
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

import peewee as pw

from models.storage import storage_errors
from models.storage.current_ledger import opened, pg_user, read_only_refusal
from models.storage.tables import database
from models.storage.targets import display_target
from models.vocabulary.errors import LedgerError
from models.vocabulary.i18n import _

P = ParamSpec("P")
T = TypeVar("T")
log = logging.getLogger(__name__)


class LedgerBusy(LedgerError):
    """Other processes kept the ledger locked longer than a write is willing to wait."""


class WriteConflict(LedgerBusy):
    """A write kept meeting other clerks' writes (deadlock, serialization failure, busy)
    and gave up after `CONFLICT_TRIES`; nothing of it was written."""


# A write that lost to another (models/storage/storage_errors.py `is_conflict`) is run
# again this many times in all, after a short jittered wait that doubles.
CONFLICT_TRIES = 5
_FIRST_CONFLICT_WAIT = 0.05


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


def retried(write: Callable[P, T]) -> Callable[P, T]:
    """Run `write` (one whole transaction) again when the database rolled it back for
    meeting another clerk's write, up to `CONFLICT_TRIES` times, then raise
    `WriteConflict` with a sentence. Inside a caller's transaction it runs once: the
    rollback undid the caller's work too, so only the outermost write may try again."""

    @functools.wraps(write)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        if database.transaction_depth():
            return write(*args, **kwargs)
        wait = _FIRST_CONFLICT_WAIT
        for attempt in range(1, CONFLICT_TRIES + 1):
            try:
                return write(*args, **kwargs)
            except pw.DatabaseError as err:
                if not storage_errors.is_conflict(err):
                    raise
                log.info("write conflict, try %d of %d: %s", attempt, CONFLICT_TRIES, err)
                if attempt == CONFLICT_TRIES:
                    raise write_conflict() from err
            # Jitter: two writers that deadlocked must not come back in step.
            time.sleep(wait * (0.5 + random.random()))
            wait *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    return run


def write_conflict() -> WriteConflict:
    return WriteConflict(
        _(
            "Other clerks were changing the same records at the same moment, and this "
            "change could not be made after {tries} tries: nothing was written. Try again "
            "in a moment."
        ).format(tries=CONFLICT_TRIES)
    )


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
