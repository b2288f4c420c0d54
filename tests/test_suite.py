"""The test suite itself: every run keeps to its own PostgreSQL database, CI runs the
state machine derandomized, and no assert is written so that it cannot fail."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest
from hypothesis import settings

from tests import conftest
from tests.conftest import postgres_or_skip

ROOT = Path(__file__).resolve().parents[1]


def _pg_names(url: str, like: str) -> list[str]:
    conn = psycopg2.connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", (like,))
            return sorted(name for (name,) in cur.fetchall())
    finally:
        conn.close()


@pytest.mark.postgres
def test_two_runs_at_once_keep_to_their_own_databases(tmp_path: Path) -> None:
    """Two `pytest` runs started together, with this run's database as their
    QK_TEST_PG: neither empties the other's data, neither touches the database it was
    given, and both drop what they created."""
    base = postgres_or_skip()
    conn = psycopg2.connect(base)
    with conn, conn.cursor() as cur:
        cur.execute("CREATE TABLE ci_data (note text)")
        cur.execute("INSERT INTO ci_data VALUES ('the CI database keeps this')")
    conn.close()
    env = {**os.environ, "QK_TEST_PG": base, "QK_REQUIRE_PG": "1", "QK_PROBE_DIR": str(tmp_path)}
    runs = [
        subprocess.Popen(
            # one process each: under xdist a worker may still be dropping its database
            # when its controller has exited (the next run drops such leftovers)
            [sys.executable, "-m", "pytest", "-p", "no:xdist", "tests/pg_isolation_probe.py", "-q"],
            cwd=ROOT,
            env={**env, "QK_PROBE_ME": me, "QK_PROBE_OTHER": other},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for me, other in (("A", "B"), ("B", "A"))
    ]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    for run, output in zip(runs, outputs, strict=True):
        assert run.returncode == 0, output
    conn = psycopg2.connect(base)
    with conn, conn.cursor() as cur:
        cur.execute("SELECT note FROM ci_data")
        assert cur.fetchall() == [("the CI database keeps this",)]
    conn.close()
    assert _pg_names(base, conftest.RUN_PG_DB + "%") == [conftest.RUN_PG_DB]


def test_ci_runs_the_state_machine_derandomized() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "export HYPOTHESIS_PROFILE=ci" in ci
    assert settings.get_profile("ci").derandomize
    assert not settings.get_profile("dev").derandomize
    long = settings.get_profile("long")
    assert (
        not long.derandomize and long.max_examples >= 10 * settings.get_profile("dev").max_examples
    )
    assert "HYPOTHESIS_PROFILE=long" in (ROOT / "README.md").read_text(encoding="utf-8")


def _always_true(test: ast.expr) -> bool:
    """An assert condition that holds whatever the code under test does."""
    if isinstance(test, ast.Constant):
        return bool(test.value)
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):
        return any(_always_true(v) for v in test.values)
    if isinstance(test, ast.IfExp):
        return _always_true(test.body) or _always_true(test.orelse)
    if isinstance(test, ast.Tuple | ast.List | ast.Set | ast.Dict):
        return bool(getattr(test, "elts", None) or getattr(test, "keys", None))
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        left, right = test.left, test.comparators[0]
        same = ast.dump(left) == ast.dump(right)
        calls = any(isinstance(node, ast.Call) for node in ast.walk(left))  # may differ twice
        if same and not calls and isinstance(test.ops[0], ast.Eq | ast.Is):
            return True
        counted = isinstance(left, ast.Call) and getattr(left.func, "id", "") == "len"
        return (
            counted
            and isinstance(test.ops[0], ast.GtE)
            and ast.dump(right) == ast.dump(ast.Constant(0))
        )
    return False


def test_no_assert_that_cannot_fail() -> None:
    """`assert x or True`, `assert y if z else True`, `assert (a, "msg")`, `assert a == a`,
    `assert len(x) >= 0` all pass whatever the code does."""
    found = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in sorted((ROOT / "tests").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Assert) and _always_true(node.test)
    ]
    assert not found, "asserts that cannot fail:\n" + "\n".join(found)
