"""The packaged app (issue 13): cold start to a searchable customer list, and its size.

    uv run python deploy/build.py                 # once: builds dist/qingkuan/
    uv run python bench/bench_package.py          # on a copy of bench/data/big.qkledger

Starts the built executable (no uv, no Python on its path) on the 10,000-customer
ledger with QK_READY_REPORT=1, which prints the moment the customer list is searchable
and closes the window; the figure is that moment less the moment before the process
was spawned. "Cold" drops the ledger's and the app's files from the OS cache first
(posix_fadvise DONTNEED), as after a reboot; "warm" is every later start. Prints
min, median and max; the unpacked folder's and the archive's sizes follow.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIG = ROOT / "bench" / "data" / "big.qkledger"
APP = ROOT / "dist" / "qingkuan" / "qingkuan"
TARGET_S = 2.0
TARGET_MB = 150


def drop_from_cache(paths: list[Path]) -> None:
    """Ask the kernel to forget the files' cached pages (Linux; elsewhere a no-op)."""
    if not hasattr(os, "posix_fadvise"):
        return
    for path in paths:
        if not path.is_file():
            continue
        fd = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def start_once(app: Path, ledger: Path, home: Path) -> float:
    env = {
        "PATH": "/nonexistent",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "QK_READY_REPORT": "1",
        "LANG": "C.UTF-8",
    }
    t0 = time.time()
    done = subprocess.run(
        [str(app), "--db", str(ledger)], env=env, capture_output=True, text=True, timeout=120
    )
    ready = next((line for line in done.stdout.splitlines() if line.startswith("ready ")), None)
    if done.returncode != 0 or ready is None:
        raise SystemExit(f"the app did not report ready: {done.stderr.strip()[:500]}")
    return float(ready.split()[1]) - t0


def folder_mb(folder: Path) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 2**20


def row(name: str, target: str, values: list[float], unit: str, ok: bool) -> str:
    med, lo, hi = statistics.median(values), min(values), max(values)
    return f"{name:<44}{target:>10}{med:>10.2f}{unit}{lo:>10.2f}{unit}{hi:>10.2f}{unit}  {'yes' if ok else 'NO'}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--app", type=Path, default=APP)
    parser.add_argument("--ledger", type=Path, default=BIG)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not args.app.is_file():
        raise SystemExit(f"no built app at {args.app}: run `uv run python deploy/build.py`")
    if not args.ledger.is_file():
        raise SystemExit(f"no ledger at {args.ledger}: run `uv run python bench/bench_models.py`")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        ledger = home / "big.qkledger"
        shutil.copy2(args.ledger, ledger)
        app_files = [p for p in args.app.parent.rglob("*") if p.is_file()]
        cold = []
        for _ in range(max(1, args.runs // 2)):
            drop_from_cache([ledger, *app_files])
            cold.append(start_once(args.app, ledger, home))
        warm = [start_once(args.app, ledger, home) for _ in range(args.runs)]
    print(f"app: {args.app}  ledger: {args.ledger.name}  runs: {args.runs}")
    print(f"{'measure':<44}{'target':>10}{'median':>11}{'min':>11}{'max':>11}  ok")
    print(row("cold start to a searchable list", f"≤ {TARGET_S:g} s", cold, "s",
              statistics.median(cold) <= TARGET_S))  # fmt: skip
    print(row("warm start to a searchable list", f"≤ {TARGET_S:g} s", warm, "s",
              statistics.median(warm) <= TARGET_S))  # fmt: skip
    size = folder_mb(args.app.parent)
    print(f"{'unpacked app folder':<44}{f'≤ {TARGET_MB} MB':>10}{size:>10.0f}MB"
          f"{'':>22}  {'yes' if size <= TARGET_MB else 'NO'}")  # fmt: skip
    for archive in sorted((args.app.parent.parent).glob("qingkuan-*")):
        print(f"{'archive ' + archive.name:<44}{'':>10}{archive.stat().st_size / 2**20:>10.0f}MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
