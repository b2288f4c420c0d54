"""Command-line start-up (issue 12): whole processes, run with the project's own Python.

    uv run python bench/bench_cli.py        # on a copy of bench/data/big.qkledger

Each command runs as a fresh process (no `uv run` on top: that adds its own start-up),
several times; the table gives min, median and max against the targets. A command
imports only what it needs: no Qt, no reportlab and no openpyxl for a CSV export.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import user_env  # noqa: E402

BIG = ROOT / "bench" / "data" / "big.qkledger"


def timed(cmd: list[str], runs: int) -> list[float]:
    times = []
    subprocess.run(cmd, cwd=ROOT, capture_output=True, env=user_env())  # warm-up, untimed
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=user_env())
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.strip()}")
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ledger", type=Path, default=BIG)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not args.ledger.is_file():
        raise SystemExit(f"no ledger at {args.ledger}: run `uv run python bench/bench_models.py`")
    python = [sys.executable, str(ROOT / "main.py")]
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Path(tmp) / "big.qkledger"
        shutil.copy2(args.ledger, ledger)
        code = subprocess.run(
            [sys.executable, "-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1])"
             ".execute('SELECT code FROM customer ORDER BY id LIMIT 1').fetchone()[0])",
             str(ledger)], capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        cases = [
            ("--help", 0.15, [*python, "--help"]),
            ("export aging, 10k customers, CSV", 0.6,
             [*python, "--db", str(ledger), "export", "aging", "--out", f"{tmp}/a.csv"]),
            ("print statement", 0.5,
             [*python, "--db", str(ledger), "print", "statement", code, "--out", f"{tmp}/s.pdf"]),
        ]  # fmt: skip
        print(f"ledger: {args.ledger.name}  runs: {args.runs}  python: {sys.executable}")
        print(f"{'command':<36}{'target':>9}{'median':>10}{'min':>9}{'max':>9}  ok")
        for name, target, cmd in cases:
            times = timed(cmd, args.runs)
            med = statistics.median(times)
            print(f"{name:<36}{f'≤ {target:g} s':>9}{med:>9.2f}s{min(times):>8.2f}s"
                  f"{max(times):>8.2f}s  {'yes' if med <= target else 'NO'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
