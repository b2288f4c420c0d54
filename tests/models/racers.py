"""Processes that write to one ledger at the same time (the race tests' workers).

Each worker is a separate process (spawned, so it shares nothing with the test but the
ledger), waits at a barrier so all start together, and returns what happened to each of
its attempts: "ok" or the sentence it was refused with.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import traceback
from collections.abc import Callable
from typing import Any

import peewee as pw

from models.ledger import customers, posting, promises
from models.storage import db, schema
from models.vocabulary import clock
from models.vocabulary.customer_records import CustomerDraft
from models.vocabulary.errors import LedgerError
from models.vocabulary.i18n import set_language

PINNED = dt.datetime(2026, 11, 26, 9, 0)


def run_racers(worker: Callable[..., list[str]], processes: int, *args: Any) -> list[list[str]]:
    """Run `worker(barrier, *args)` in `processes` spawned processes; their outcomes."""
    ctx = mp.get_context("spawn")
    barrier = ctx.Manager().Barrier(processes)
    with ctx.Pool(processes) as pool:
        pending = [pool.apply_async(worker, (barrier, *args)) for _ in range(processes)]
        return [p.get(timeout=600) for p in pending]


def _start(barrier: Any, target: str) -> None:
    clock.pin(PINNED)
    set_language("en")
    db.open_ledger(target, create=False)
    barrier.wait()


def _attempt(action: Callable[[], object]) -> str:
    for _try in range(20):
        try:
            action()
        except LedgerError as err:
            return str(err)
        except pw.OperationalError as err:
            # SQLite's busy timeout (5 s) can run out for a writer starved by two others
            # on a loaded machine; that is not the rule under test, so try again.
            if "locked" not in str(err):
                return traceback.format_exc()
            continue
        except Exception:  # the test shows it rather than a bare error from another process
            return traceback.format_exc()
        return "ok"
    return "still locked after 20 tries"


def post_documents(barrier: Any, target: str, customer_id: int, count: int) -> list[str]:
    """Post delivery notes D0001 … D<count> for one customer, as fast as possible."""
    _start(barrier, target)
    on = PINNED.date()
    try:
        return [
            _attempt(lambda n=n: posting.post_delivery(customer_id, on, 100, doc_no=f"D{n:04d}"))
            for n in range(1, count + 1)
        ]
    finally:
        db.close_ledger()


def add_customers(barrier: Any, target: str, count: int) -> list[str]:
    """Add customers K0001 … K<count>."""
    _start(barrier, target)
    try:
        return [
            _attempt(lambda n=n: customers.add_customer(CustomerDraft(code=f"K{n:04d}", name="店")))
            for n in range(1, count + 1)
        ]
    finally:
        db.close_ledger()


def reschedule_promises(barrier: Any, target: str, promise_ids: list[int]) -> list[str]:
    """Give each promise a new date."""
    _start(barrier, target)
    due = PINNED + dt.timedelta(days=7)
    try:
        return [_attempt(lambda p=p: promises.reschedule(p, due)) for p in promise_ids]
    finally:
        db.close_ledger()


def record_chase_steps(barrier: Any, target: str, customer_ids: list[int]) -> list[str]:
    """Record each customer's current chasing step done, on the pinned day."""
    from models.collecting import chasing

    _start(barrier, target)
    try:
        return [_attempt(lambda c=c: chasing.record_step_done(c)) for c in customer_ids]
    finally:
        db.close_ledger()


def void_entries(barrier: Any, target: str, entry_ids: list[int]) -> list[str]:
    """Void each entry."""
    _start(barrier, target)
    try:
        return [_attempt(lambda e=e: posting.void(e, "typed twice")) for e in entry_ids]
    finally:
        db.close_ledger()


def open_old_ledger(barrier: Any, target: str, log: str) -> list[str]:
    """Open a version-9 ledger at the same moment as the others, with the last upgrade
    step slowed down and noted in `log`: the schema version each process then sees."""
    import os
    import time

    last_step = schema.MIGRATIONS[9]

    def noted_step(database: pw.Database) -> None:
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")
        time.sleep(1.0)  # long enough for the others to try meanwhile
        last_step(database)

    schema.MIGRATIONS[9] = noted_step
    set_language("en")
    barrier.wait()
    try:
        db.open_ledger(target, create=False)
        return [str(db.schema_version())]
    except LedgerError as err:
        return [str(err)]
    finally:
        db.close_ledger()
