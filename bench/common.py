"""What the benchmarks share: timing, the min/median/max table, and fresh copies of the
big ledger, with their pages dropped from the OS cache for the cold-cache rows.

Benchmarks never write into the ledger they are given: the figures in README (entry
count included) can be reproduced on the next run.
"""

from __future__ import annotations

import os
import shutil
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


def user_env() -> dict[str, str]:
    """The environment for a command timed as a user runs it. Python's compiled-module
    cache is allowed: a user's second run finds it, while a shell that sets
    PYTHONDONTWRITEBYTECODE (as some CI images do) would make every timed run compile
    every module again, ~0.1-0.2 s that no user pays. Run one untimed warm-up first."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


class Times(list[float]):
    """Wall seconds of each run, with the CPU seconds this process spent in each in
    `cpu`: on a busy machine other programs stretch the wall time, not the CPU time,
    and a cold cache shows as wall time the CPU spent waiting for the disk."""

    cpu: list[float]


def timed(
    run: Callable[[], object], runs: int, before: Callable[[], object] | None = None
) -> Times:
    """Time `runs` calls of `run`; `before` runs untimed ahead of each."""
    times, times.cpu = Times(), []
    for _ in range(runs):
        if before is not None:
            before()
        start, cpu = time.perf_counter(), time.process_time()
        run()
        times.append(time.perf_counter() - start)
        times.cpu.append(time.process_time() - cpu)
    return times


def side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def fresh_copy(source: Path, copy: Path) -> Path:
    """A byte copy of the ledger `source` at `copy`, written to disk; the source is only read.

    A source that is open elsewhere may keep recent entries in its -wal file: copy it too."""
    for path in (copy, *side_files(copy)):
        path.unlink(missing_ok=True)
    for src, dst in zip((source, *side_files(source)), (copy, *side_files(copy)), strict=True):
        if src.exists() and not src.name.endswith("-shm"):
            shutil.copyfile(src, dst)
    return copy


def remove_copy(copy: Path) -> None:
    for path in (copy, *side_files(copy)):
        path.unlink(missing_ok=True)


def drop_from_cache(path: Path) -> None:
    """Ask the OS to forget the file's cached pages (and its -wal's), as after a reboot:
    written out first, since dirty pages cannot be dropped (a fresh copy is all dirty).
    Linux; elsewhere a no-op."""
    if not hasattr(os, "posix_fadvise"):
        return
    for each in (path, *side_files(path)):
        if not each.is_file():
            continue
        fd = os.open(each, os.O_RDONLY)
        try:
            os.fsync(fd)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


@dataclass
class Row:
    name: str
    target: str  # as printed, e.g. "≤ 0.5 s"; "" when there is none
    times: list[float]  # seconds
    limit: float | None = None  # seconds; judged against the median, or the max if `worst`
    worst: bool = False
    note: str = ""


def _fmt(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.1f} ms"


def print_table(rows: list[Row]) -> None:
    """One line per measure: min, median and max, so the margin to a target shows, and
    the median CPU time of this process (a command run as a child process has none)."""
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'measure':<50}{'target':>10}{'min':>11}{'median':>11}{'max':>11}{'CPU':>11}  ok")
    for row in rows:
        judged = max(row.times) if row.worst else statistics.median(row.times)
        ok = "" if row.limit is None else ("yes" if judged <= row.limit else "NO")
        figures = [min(row.times), statistics.median(row.times), max(row.times)]
        cpu = getattr(row.times, "cpu", None)
        text = "".join(f"{_fmt(v):>11}" for v in figures)
        text += f"{_fmt(statistics.median(cpu)) if cpu else '':>11}"
        print(f"{row.name:<50}{row.target:>10}{text}  {ok:<3} {row.note}".rstrip())
