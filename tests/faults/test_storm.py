"""The fault storm (tests/faults/storm.py) on SQLite and on PostgreSQL: the window's
process, the evening print run, imports, settles, backups, restores and another program
reading, all at once on one ledger, killed with SIGKILL at random. Every post a process
reported committed is in the ledger (or, taken away by a restore, in the copy it kept);
none is there twice; ``check`` finds nothing.

QK_STORM_KILLS sets the kills per storm (CI: 200); a local run may lower it.
QK_STORM_WITHOUT=restore,window (role names, see storm.py) leaves programs out, to
find which one a loss comes with; QK_STORM_DEBUG=1 prints each process's life (with -s).
"""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from models.exchange import demo
from models.ledger import people
from models.ledger.check import check_ledger
from models.storage import db
from models.storage.tables import CustomerRow
from tests.conftest import postgres_or_skip
from tests.faults.storm import Storm, judge, report
from tests.faults.storm_reads import read_target

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

KILLS = int(os.environ.get("QK_STORM_KILLS", "40"))


@pytest.fixture
def storm_turn() -> Iterator[None]:
    """One storm at a time, across pytest-xdist workers too: two storms at once would
    share the CPU their time limit assumes. A lock file in the run's shared data folder
    (xdist's own grouping, ``--dist loadgroup``, hangs the whole run when a worker
    crashes, so the run uses ``--dist load`` and the storms wait their turn here)."""
    if fcntl is None:  # Windows: a local run there is one process (see README)
        yield
        return
    lock_path = Path(os.environ["QK_TESTS_DATA_HOME"]) / "fault-storm.lock"
    with open(lock_path, "a") as lock:  # a lock file of the tests, never a ledger
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _shop(target: str) -> tuple[list[str], str]:
    """A demo business; the customer codes and the route the print run uses."""
    db.open_ledger(target)
    try:
        demo.make_demo(customers=24, days=45, seed=5)
        codes = [c for (c,) in CustomerRow.select(CustomerRow.code).tuples()]
        return codes, people.list_routes()[0].name
    finally:
        db.close_ledger()


def _storm(backend: str, target: str, work: Path, record: Callable[[str, object], None]) -> None:
    codes, route = _shop(target)
    storm = Storm(work, target, KILLS)
    storm.prepare(codes, route)
    tally = storm.run(limit=60 + KILLS * 2.0)
    try:
        found = read_target(target)
    except sqlite3.DatabaseError as err:  # the counts are still reported, then it fails
        found, damaged = Counter(), f"the ledger is damaged: {err}"
        problems = [damaged]
    else:
        damaged = ""
        db.open_ledger(target)
        try:
            problems = check_ledger()
        finally:
            db.close_ledger()
    verdict = judge(tally, found)
    lines = report(backend, storm, verdict, problems)
    record("fault storm", lines)  # to the report's end, from an xdist worker too
    print("\n".join(lines))
    assert sum(tally.kills.values()) >= KILLS, "the storm ran out of time"
    assert not damaged, damaged  # every entry would look lost
    assert not verdict.lost, f"reported committed, then lost: {verdict.lost[:10]}"
    assert not verdict.duplicated, f"there twice: {verdict.duplicated[:10]}"
    assert not verdict.partial, f"in part: {verdict.partial[:10]}"
    assert problems == [], problems[:5]
    assert not tally.failures, "\n".join(tally.failures[:5])
    assert tally.posts and tally.settles and tally.imports_done, "the storm did nothing"


def test_storm_on_sqlite_loses_nothing_reported(
    tmp_path: Path, record_property, storm_turn: None
) -> None:
    _storm("sqlite", str(tmp_path / "shop.qkledger"), tmp_path, record_property)


@pytest.mark.postgres
def test_storm_on_postgres_loses_nothing_reported(
    tmp_path: Path, record_property, storm_turn: None
) -> None:
    _storm("postgres", postgres_or_skip(), tmp_path, record_property)
