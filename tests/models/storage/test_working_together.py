"""Clerks in separate processes on one ledger: no edit of a customer is lost, the
second of two saves is refused naming the first clerk, a post retried with its key by
two processes at once is posted once, and a listener hears another process's post."""

from __future__ import annotations

import multiprocessing as mp
import select
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.ledger import customers
from models.ledger.check import check_ledger
from models.storage import change_notices, db
from models.storage.tables import EntryRow, PostKeyRow
from tests.conftest import close_test_ledger, open_fresh
from tests.models import together_racers
from tests.models.helpers import make_customer


def test_two_clerks_saving_the_same_customer_at_once_second_is_refused_by_name(
    ledger: str,
) -> None:
    c = make_customer()
    outcomes = together_racers.run_each(
        together_racers.save_once,
        [(ledger, c.id, "clerk1", "一号"), (ledger, c.id, "clerk2", "二号")],
    )
    assert sorted(outcomes).count("ok") == 1, outcomes
    winner = "clerk1" if outcomes[0] == "ok" else "clerk2"
    refused = next(o for o in outcomes if o != "ok")
    assert refused == (
        f"Customer C001: changed by {winner} at 09:00 while you were editing — nothing was "
        "saved. Reload to see their change, then make yours again."
    )
    saved = customers.get_customer(c.id)
    assert saved.address == ("一号" if winner == "clerk1" else "二号") and saved.version == 2


def test_clerks_editing_one_customer_lose_no_update(ledger: str) -> None:
    c = make_customer()
    times = 25
    refusals = together_racers.run_each(
        together_racers.count_up,
        [(ledger, c.id, "clerk1", times), (ledger, c.id, "clerk2", times)],
    )
    saved = customers.get_customer(c.id)
    assert saved.notes == str(2 * times)  # every one of the 50 additions is there
    assert saved.version == 1 + 2 * times
    assert all(isinstance(r, int) for r in refusals)


def test_processes_retrying_one_post_key_at_once_post_it_once(ledger: str) -> None:
    c = make_customer()
    key = "8f14e45f-ceea-467f-a0e6-5a6b3a3a0c7e"
    ids = together_racers.run_each(together_racers.post_with_key, [(ledger, c.id, key)] * 3)
    assert len(set(ids)) == 1, ids  # all three were answered with the one entry
    assert EntryRow.select().count() == 1
    assert PostKeyRow.get_by_id(key).entry_id == ids[0]
    assert check_ledger() == []


def _wait_for(watcher: change_notices.ChangeWatcher, seconds: float) -> frozenset[str]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        fd = watcher.fileno()
        if fd is not None:
            select.select([fd], [], [], 0.2)
        else:
            time.sleep(0.05)
        found = watcher.poll()
        if found:
            return found
    return frozenset()


def test_a_post_by_another_process_reaches_the_listener(ledger: str) -> None:
    c = make_customer()
    watcher = change_notices.watch()
    try:
        assert _wait_for(watcher, 0.3) == frozenset()  # our own writes are not news
        make_customer("C002")
        assert _wait_for(watcher, 0.5) == frozenset()
        ctx = mp.get_context("spawn")
        with ctx.Pool(1) as pool:
            pool.apply(together_racers.post_one, (ledger, c.id))
        heard = _wait_for(watcher, 10)
        if db.is_postgres():
            assert "entry" in heard  # NOTIFY says which table changed
            assert watcher.channel.startswith("qingkuan_")  # type: ignore[attr-defined]
        else:
            assert heard == {change_notices.EVERYTHING}  # PRAGMA data_version moved
        assert _wait_for(watcher, 0.3) == frozenset()  # said once
    finally:
        watcher.close()


@pytest.fixture
def pg_ledger(tmp_path: Path) -> Iterator[str]:
    """Only PostgreSQL listens on a connection that can be lost."""
    target = open_fresh("postgres", tmp_path)
    try:
        yield target
    finally:
        close_test_ledger()


@pytest.mark.postgres
def test_the_listener_comes_back_after_losing_its_connection(pg_ledger: str) -> None:
    ledger = pg_ledger
    c = make_customer()
    watcher = change_notices.watch()
    try:
        from models.storage.tables import database

        pid = watcher._db.connection().get_backend_pid()  # type: ignore[attr-defined]
        database.execute_sql("SELECT pg_terminate_backend(%s)", (pid,))
        # Lost, then back on a later poll: notices sent meanwhile are gone, so it says
        # re-read everything.
        assert _wait_for(watcher, 10) == {change_notices.EVERYTHING}
        assert watcher._db.connection().get_backend_pid() != pid  # type: ignore[attr-defined]
        ctx = mp.get_context("spawn")
        with ctx.Pool(1) as pool:
            pool.apply(together_racers.post_one, (ledger, c.id))
        assert "entry" in _wait_for(watcher, 10)
    finally:
        watcher.close()
