"""The forecast's back-test runs on a ledger it is given, prints a row per week and the
overall errors, and leaves the ledger as it was."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from models.exchange import demo
from models.storage import db

ROOT = Path(__file__).resolve().parents[1]


def _contents(path: Path) -> tuple:
    """What a write would change: the entries, promises and settings."""
    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute("SELECT COUNT(*), SUM(delta), MAX(id) FROM entry").fetchone(),
            conn.execute("SELECT COUNT(*), MAX(id) FROM promise").fetchone(),
            conn.execute("SELECT key, value FROM setting ORDER BY key").fetchall(),
        )
    finally:
        conn.close()


def test_the_back_test_prints_its_table(tmp_path: Path) -> None:
    path = tmp_path / "small.qkledger"
    db.open_ledger(path)
    try:
        demo.make_demo(customers=12, days=120, seed=3)
    finally:
        db.close_ledger()
    before = _contents(path)
    done = subprocess.run(
        [sys.executable, "bench/bench_forecast.py", "--db", str(path), "--weeks", "4"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.split()[:1] == ["week"] for line in lines)
    assert [line.split()[0] for line in lines if line.split()[:1] in (["1"], ["4"])] == ["1", "4"]
    assert any(line.startswith("against actual (owed at T): WAPE") for line in lines)
    assert _contents(path) == before
