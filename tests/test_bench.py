"""The benchmarks tell the truth: they never write into the ledger they measure (so its
entry count in README can be reproduced), statements are read from the ledger by
default, and every figure is printed as min, median and max."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from models.exchange import demo
from models.storage import db
from models.storage.tables import EntryRow

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def small_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "small.qkledger"
    db.open_ledger(path)
    try:
        demo.make_demo(customers=12, days=30, seed=3)
    finally:
        db.close_ledger()
    return path


def _entries(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM entry").fetchone()[0]
    finally:
        conn.close()


def _bench(script: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, f"bench/{script}", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _table_has_min_median_max(output: str, *measures: str) -> None:
    header = next(line for line in output.splitlines() if line.startswith("measure"))
    assert header.split()[2:5] == ["min", "median", "max"]
    for measure in measures:
        assert any(line.startswith(measure) for line in output.splitlines()), measure


def test_models_bench_leaves_its_ledger_as_it_was(small_ledger: Path) -> None:
    before = _entries(small_ledger)
    out = _bench("bench_models.py", "--db", str(small_ledger), "--runs", "2", "--cold-runs", "1")
    assert f"{before:,} entries" in out
    assert _entries(small_ledger) == before, "the benchmark posted into the ledger it measures"
    assert sorted(p.name for p in small_ledger.parent.iterdir()) == ["small.qkledger"]
    _table_has_min_median_max(
        out, "open + aging of all customers, cold cache", "post one entry, committed"
    )


def test_reports_bench_reads_the_statements_from_the_ledger(small_ledger: Path) -> None:
    before = _entries(small_ledger)
    out = _bench("bench_reports.py", "--db", str(small_ledger), "--repeat", "1", "--iou-runs", "2")
    assert "12 statements → one PDF" in out and "read from the ledger" in out
    assert "(samples)" not in out
    _table_has_min_median_max(out, "`export aging --out x.xlsx` (command, cold cache)")
    assert _entries(small_ledger) == before
    assert sorted(p.name for p in small_ledger.parent.iterdir()) == ["small.qkledger"]


def test_import_bench_prints_its_table_and_leaves_the_ledger_as_it_was(
    small_ledger: Path,
) -> None:
    before = _entries(small_ledger)
    out = _bench("bench_import.py", "--db", str(small_ledger), "--entries", "40", "--runs", "2")
    _table_has_min_median_max(
        out,
        "backup of small.qkledger",
        "import 40 entries from CSV",
        "import 40 entries from XLSX",
    )
    assert "peak" in out
    assert _entries(small_ledger) == before


@pytest.mark.postgres
def test_postgres_bench_prints_both_columns_and_leaves_both_ledgers_as_they_were(
    small_ledger: Path,
) -> None:
    from tests.conftest import RUN_PG_DB, _admin, _quoted, _with_database, postgres_or_skip

    # A database of its own: the bench copies it (CREATE DATABASE … TEMPLATE), which
    # nobody else may be connected to.
    name = f"{RUN_PG_DB}_bench"
    url = _with_database(postgres_or_skip(), name)
    _admin(f"DROP DATABASE IF EXISTS {_quoted(name)} WITH (FORCE)")
    _admin(f"CREATE DATABASE {_quoted(name)}")
    db.open_ledger(url)
    try:
        demo.make_demo(customers=12, days=30, seed=3)  # like small_ledger (another day)
        on_pg = EntryRow.select().count()
    finally:
        db.close_ledger()
    before = _entries(small_ledger)
    out = _bench(
        "bench_postgres.py", "--sqlite", str(small_ledger), "--pg", url,
        "--runs", "1", "--import-runs", "1", "--import-entries", "40",
    )  # fmt: skip
    header = next(line for line in out.splitlines() if line.startswith("measure"))
    assert header.split()[1:5] == ["SQLite", "PG", "ratio", "target"]
    for measure in ("opening the ledger", "aging of all customers", "Today", "the review",
                    "one post, committed", "import 40 entries", "customer list at 1 ms"):  # fmt: skip
        assert any(line.startswith(measure) for line in out.splitlines()), measure
    assert _entries(small_ledger) == before
    db.open_ledger(url)
    try:
        assert EntryRow.select().count() == on_pg, "the benchmark posted into the PG ledger"
    finally:
        db.close_ledger()
        _admin(f"DROP DATABASE IF EXISTS {_quoted(name)} WITH (FORCE)")
