"""Fault tests with real processes and real files: kill -9 in the middle of posting, of
an import and of a backup; four writers at once on one ledger.

What a clerk must be able to rely on after a power cut or a crash: every entry the
program said was saved is there, an import is all there or not at all, the backups are
whole, and ``check`` finds nothing wrong.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from models.ledger import posting
from models.ledger.check import check_ledger
from models.ledger.customers import customer_by_code
from models.storage import backup, backup_folder, db
from models.storage.tables import EntryRow
from tests.conftest import postgres_or_skip
from tests.models.helpers import make_customer

ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("QK_FAULT_KILLS", "50"))


def start(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QK_LANG": "en"}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.faults.worker", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_line(proc: subprocess.Popen[str]) -> str:
    line = proc.stdout.readline()  # type: ignore[union-attr]
    assert line, proc.stderr.read()  # type: ignore[union-attr]
    return line.strip()


def kill(proc: subprocess.Popen[str]) -> list[str]:
    """kill -9, then what the process had printed before it died."""
    proc.send_signal(signal.SIGKILL)
    out, _err = proc.communicate(timeout=30)
    return out.split()


def new_ledger(target: str) -> None:
    db.open_ledger(target)
    make_customer(code="F1", name="断电测试")
    db.close_ledger()


@contextmanager
def opened(target: str) -> Iterator[None]:
    db.open_ledger(target)
    try:
        yield
    finally:
        db.close_ledger()


def committed_docs() -> set[str]:
    customer = customer_by_code("F1").id
    rows = EntryRow.select(EntryRow.doc_no).where(EntryRow.customer == customer).tuples()
    return {doc for (doc,) in rows}


def test_kill_while_posting_loses_nothing_reported(tmp_path: Path) -> None:
    ledger = str(tmp_path / "kill.qkledger")
    new_ledger(ledger)
    rng = random.Random(11)
    reported: set[str] = set()
    for n in range(KILLS):
        proc = start("post", ledger, f"K{n}", "0")
        first = wait_for_line(proc)  # posting has begun
        time.sleep(rng.uniform(0, 0.15))
        reported |= {first, *kill(proc)}
        with opened(ledger):
            missing = reported - committed_docs()
            assert not missing, f"kill {n}: reported committed but lost: {sorted(missing)[:5]}"
    with opened(ledger):
        assert check_ledger() == []


def _entries_file(path: Path, rows: int) -> None:
    lines = ["customer_code,date,kind,amount,doc_no"]
    lines += [f"F1,2026-11-20,delivery,{1 + i % 50}.00,IMP-{i}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_kill_during_import_leaves_all_rows_or_none(tmp_path: Path) -> None:
    ledger = str(tmp_path / "imp.qkledger")
    new_ledger(ledger)
    rows = 600
    source = tmp_path / "entries.csv"
    _entries_file(source, rows)
    rng = random.Random(20)
    kills = max(KILLS * 2 // 5, 1)
    # How long a whole import takes here: the kills fall anywhere inside it.
    new_ledger(str(tmp_path / "timing.qkledger"))
    timing = start("import", str(tmp_path / "timing.qkledger"), str(source))
    wait_for_line(timing)
    t0 = time.monotonic()
    timing.communicate(timeout=300)
    span = time.monotonic() - t0
    for n in range(kills):
        proc = start("import", ledger, str(source))
        wait_for_line(proc)
        time.sleep(rng.uniform(0, span * 1.2))
        printed = kill(proc)
        with opened(ledger):
            count = EntryRow.select().where(EntryRow.doc_no.startswith("IMP-")).count()
            assert count in (0, rows), f"kill {n}: {count} of {rows} rows were imported"
            assert "done" not in printed or count == rows
            assert check_ledger() == []
        if count == rows:  # imported whole: the next kill needs an empty ledger again
            ledger = str(tmp_path / f"imp{n}.qkledger")
            new_ledger(ledger)


def test_kill_during_backup_leaves_previous_backups_whole(tmp_path: Path) -> None:
    ledger = tmp_path / "big.qkledger"
    new_ledger(str(ledger))
    with opened(str(ledger)), db.transaction():
        customer = customer_by_code("F1").id
        for _i in range(3000):  # a few MB: a backup takes long enough to be hit
            posting.post_delivery(customer, posting.clock.today(), 1_00, memo="x" * 300)
    folder = tmp_path / "backups"
    folder.mkdir()
    first = backup_folder.auto_backup(ledger, folder)
    whole = {first.name: first.read_bytes()}
    rng = random.Random(9)
    for _n in range(5):
        proc = start("backup", str(ledger), str(folder))
        wait_for_line(proc)
        time.sleep(rng.uniform(0, 0.6))
        kill(proc)
        for b in backup_folder.list_backups(folder, ledger):
            assert backup.verify(b.path) == "", f"{b.path.name} is not a whole backup"
        for name, data in whole.items():
            if (folder / name).exists():
                assert (folder / name).read_bytes() == data
    # Only hidden .part files may be left of a killed backup, never a backup's name.
    for path in folder.iterdir():
        hidden_part = path.name.startswith(".") and ".part" in path.name
        assert hidden_part or backup.verify(path) == "", path.name


def _four_writers(target: str, posts: int) -> None:
    procs = [start("post", target, f"W{n}", str(posts)) for n in range(4)]
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        assert "locked" not in err.lower() and "busy" not in err.lower(), err
        assert len(out.split()) == posts
    with opened(target):
        docs = [d for (d,) in EntryRow.select(EntryRow.doc_no).tuples()]
        assert len(docs) == 4 * posts and len(set(docs)) == 4 * posts
        assert check_ledger() == []


def test_four_writers_on_sqlite(tmp_path: Path) -> None:
    target = str(tmp_path / "four.qkledger")
    new_ledger(target)
    _four_writers(target, 500)


@pytest.mark.postgres
def test_four_writers_on_postgres() -> None:
    target = postgres_or_skip()
    new_ledger(target)
    _four_writers(target, 500)
