"""Import and backup at the size of a real history: 10,000 customers and ~1,000,000
entries from CSV and from XLSX into a new ledger, and a backup of the big ledger.

``uv run python bench/bench_import.py [--xlsx]``. The files are exported from
bench/data/big.qkledger (built by bench_models.py) with the command line's own
``export customers`` / ``export entries``; each import runs as its own process, so the
peak memory measured is the import's (ru_maxrss of the child).
Targets: CSV ≤ 60 s and ≤ 300 MB; XLSX ≤ 120 s; backup ≤ 5 s.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
BIG = DATA / "big.qkledger"
sys.path.insert(0, str(ROOT))


def main_py(*args: str) -> tuple[float, float, int]:
    """Run main.py; returns (wall seconds, CPU seconds, peak memory of the child in MB).
    CPU time is printed too: on a shared machine the wall time mostly measures waiting."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "main.py"), *args], check=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds, cpu, after.ru_maxrss // 1024


def files(suffix: str) -> tuple[Path, Path]:
    customers, entries = DATA / f"customers{suffix}", DATA / f"entries{suffix}"
    for path, what in ((customers, "customers"), (entries, "entries")):
        if not path.exists():
            main_py("--db", str(BIG), "export", what, "--out", str(path))
    return customers, entries


def bench_import(suffix: str) -> None:
    customers, entries = files(suffix)
    target = DATA / f"imported{suffix.replace('.', '-')}.qkledger"
    for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        leftover.unlink(missing_ok=True)
    c_s, c_cpu, c_mb = main_py("--db", str(target), "import", "customers", str(customers))
    e_s, e_cpu, e_mb = main_py("--db", str(target), "import", "entries", str(entries))
    print(f"{suffix}: customers {c_s:.1f} s wall / {c_cpu:.1f} s CPU (peak {c_mb} MB)")
    print(f"{suffix}: entries {e_s:.1f} s wall / {e_cpu:.1f} s CPU (peak {e_mb} MB)")
    print(f"{suffix}: total {c_s + e_s:.1f} s wall / {c_cpu + e_cpu:.1f} s CPU")


def bench_backup(runs: int = 3) -> None:
    from models import backup

    out = DATA / "backup-bench.qkledger"
    times = []
    for _i in range(runs):
        started = time.perf_counter()
        backup.back_up(BIG, out)
        times.append(time.perf_counter() - started)
    out.unlink()
    print(
        f"backup of {BIG.name} ({BIG.stat().st_size / 1e6:.0f} MB): "
        f"min {min(times):.2f} s, median {statistics.median(times):.2f} s, max {max(times):.2f} s"
    )


if __name__ == "__main__":
    if not BIG.exists():
        sys.exit("bench/data/big.qkledger is missing: run bench/bench_models.py first")
    os.environ.setdefault("QK_LANG", "en")
    if "--no-backup" not in sys.argv:
        bench_backup()
    bench_import(".csv")
    if "--xlsx" in sys.argv:
        bench_import(".xlsx")
