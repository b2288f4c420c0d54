"""Committed posts never vanish because this process touched its own ledger file from
outside SQLite (issue 17, item 1).

POSIX drops every lock a process holds on a file when the process closes any descriptor
of it; another program closing the ledger then deletes the -wal file this process is
still writing. Each test runs real processes (tests/models/live_processes.py): one with
the ledger open and a worker thread reading, another program reading and closing, then
200 posts, counted afterwards in the file.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from models.ledger import customers
from models.storage import backup, db, live_files
from models.vocabulary.customer_records import CustomerDraft
from tests.models.live_processes import POSTS

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def shop_ledger(tmp_path: Path) -> str:
    path = str(tmp_path / "shop.qkledger")
    db.open_ledger(path)
    customers.add_customer(CustomerDraft(code="C1", name="东城王记"))
    db.close_ledger()
    return path


def _entries(path: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM entry").fetchone()[0]
    finally:
        conn.close()


def _run(path: str, action: str) -> tuple[int, int]:
    """Run the process; the posts it reported committed, and the entries another
    program counted while it still had the ledger open."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.models.live_processes", path, action],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    words = done.stdout.split()
    return int(words[1]), int(words[3])


def test_the_harness_sees_posts_lost_after_a_stray_close(shop_ledger: str) -> None:
    """The loss itself, with plain open/close (what the header sniff did): if this stops
    losing posts, the tests below prove nothing."""
    before = _entries(shop_ledger)
    posted, seen = _run(shop_ledger, "raw")
    assert posted == POSTS
    assert seen < before + POSTS


@pytest.mark.parametrize(
    "action", ["none", "reopen", "read_totals", "import_sheet", "font", "output"]
)
def test_no_committed_post_is_lost_when_the_ledger_is_opened_again(
    shop_ledger: str, action: str
) -> None:
    """Opening the ledger again (its header checked) or reading its totals while a
    worker thread reads it, then another program reads and closes it: all 200 posts
    stay, seen by another program at once and kept in the file."""
    before = _entries(shop_ledger)
    posted, seen = _run(shop_ledger, action)
    kept = _entries(shop_ledger) - before
    print(f"{action}: {posted} posts reported committed, {seen - before} seen, {kept} kept")
    assert seen - before == kept == posted == POSTS


def test_a_file_open_through_sqlite_is_never_read_otherwise(shop_ledger: str) -> None:
    db.open_ledger(shop_ledger, create=False)
    try:
        link = Path(shop_ledger).with_name("link.qkledger")
        os.link(shop_ledger, link)  # the same file under another name
        assert live_files.is_open_here(shop_ledger) and live_files.is_open_here(link)
        with pytest.raises(live_files.OpenHere):
            live_files.read_header(link)
        assert backup.read_totals(link, check=False).customers == 1  # SQLite reads it
    finally:
        db.close_ledger()


def test_closing_the_ledger_closes_what_worker_threads_left_open(shop_ledger: str) -> None:
    db.open_ledger(shop_ledger, create=False)
    opened = db.database.obj
    read = threading.Thread(target=lambda: customers.list_customers())
    read.start()
    read.join()  # a worker that read and never closed its connection
    assert opened.open_connections() == 2
    db.close_ledger()
    assert opened.open_connections() == 0


def test_a_worker_inside_a_transaction_keeps_its_connection(shop_ledger: str) -> None:
    db.open_ledger(shop_ledger, create=False)
    opened = db.database.obj
    inside, leave = threading.Event(), threading.Event()

    def worker() -> None:
        with db.read_snapshot():
            customers.list_customers()
            inside.set()
            leave.wait()
        db.close_thread_connection()

    thread = threading.Thread(target=worker)
    thread.start()
    inside.wait()
    db.close_ledger()
    assert opened.open_connections() == 1  # not pulled from under its read
    leave.set()
    thread.join()
    assert opened.open_connections() == 0
    assert dt.date.today()  # the worker's read finished without an error


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="lists open files via /proc")
def test_a_ledger_closed_everywhere_here_is_no_longer_live(
    shop_ledger: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once no connection of this process has the file open, no lock can be lost, and
    its inode may go to the next new file (a CSV to import): it is not refused then.
    While the ledger is open, it is refused however long ago it was opened."""
    monkeypatch.setattr(live_files, "CONNECTING_SECONDS", 0.0)
    db.open_ledger(shop_ledger)
    assert live_files.is_open_here(shop_ledger)
    with pytest.raises(live_files.OpenHere):
        live_files.read_header(shop_ledger)
    db.close_ledger()
    assert not live_files.is_open_here(shop_ledger)
    assert live_files.read_header(shop_ledger).startswith(b"SQLite format 3")


def test_a_file_being_opened_counts_as_open_before_sqlite_has_it(tmp_path: Path) -> None:
    """`remember` comes just before SQLite opens the file: a raw read in between could
    still close a descriptor after SQLite took its locks, so the file counts at once."""
    path = tmp_path / "new.qkledger"
    path.write_bytes(b"")
    live_files.remember(path)
    assert live_files.is_open_here(path)
