"""Benchmark the printed documents (not a test: prints a table of medians).

    uv run python bench/bench_reports.py            # documents from in-memory records
    uv run python bench/bench_reports.py --ledger   # also: read 500 statements from a demo ledger

Targets (issue 3): 500 statements of ~40 entries into one PDF ≤ 10 s, into 500 files
≤ 12 s, one IOU note ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reports.batch import StatementJob, render_batch  # noqa: E402
from reports.fonts import find_fonts  # noqa: E402
from reports.iou import render_ious  # noqa: E402
from reports.samples import (  # noqa: E402
    COMPANY,
    sample_customer,
    sample_promise,
    sample_statement,
)

CPU: list[float] = []  # CPU seconds of the last _median call's runs


def _median(run: Callable[[], object], repeat: int) -> tuple[float, list[float]]:
    """Median wall time of `repeat` runs; their CPU times go to `CPU` (other programs on a
    busy machine slow the wall clock, not the CPU time)."""
    times = []
    CPU.clear()
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        run()
        times.append(time.perf_counter() - start)
        CPU.append(time.process_time() - cpu)
    return statistics.median(times), times


def _row(name: str, seconds: float, target: float | None, extra: str = "") -> str:
    verdict = "" if target is None else ("ok" if seconds <= target else "SLOW")
    goal = "" if target is None else f"≤ {target:g} s"
    cpu = statistics.median(CPU)
    return f"{name:<40} {seconds:>8.3f} s {cpu:>8.3f} s {goal:>10}  {verdict:<4} {extra}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=500)
    parser.add_argument("--entries", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ledger", action="store_true", help="also time a demo ledger")
    args = parser.parse_args()

    start = time.perf_counter()
    fonts = find_fonts()
    font_s = time.perf_counter() - start
    print(f"CJK font: {fonts.cjk_path or fonts.cjk}  (discovery {font_s * 1000:.0f} ms)")
    statements = [
        sample_statement(args.entries, customer=sample_customer(i), seed=i)
        for i in range(1, args.statements + 1)
    ]
    jobs = [StatementJob(st) for st in statements]
    customer = sample_customer()
    promise = sample_promise(1, customer)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out = folder / "one.pdf"
        first, _ = _median(
            lambda: render_ious([promise], customer, COMPANY, folder / "iou0.pdf", fonts=fonts),
            1,
        )
        rows.append(_row("one IOU note, first in the process", first, None))
        iou, _ = _median(
            lambda: render_ious([promise], customer, COMPANY, folder / "iou.pdf", fonts=fonts),
            max(20, args.repeat),
        )
        rows.append(_row("one IOU note (median of 20)", iou, 0.05))
        pages = 0

        def one_pdf() -> None:
            nonlocal pages
            pages = render_batch(jobs, out, fonts=fonts).pages

        med, times = _median(one_pdf, args.repeat)
        size = out.stat().st_size / 1e6
        rows.append(
            _row(
                f"{args.statements} statements → one PDF",
                med,
                10.0,
                f"{pages} pages, {size:.1f} MB, {args.statements / med:.0f}/s",
            )
        )

        def many() -> None:
            target = folder / f"files-{time.perf_counter_ns()}"
            render_batch(jobs, target, one_file=False, fonts=fonts)

        med, _ = _median(many, args.repeat)
        rows.append(
            _row(
                f"{args.statements} statements → {args.statements} files",
                med,
                12.0,
                f"{args.statements / med:.0f}/s",
            )
        )
        if args.ledger:
            rows.extend(_ledger_rows(folder, args.statements, fonts))
    print(f"\n{'what':<40} {'wall':>10} {'CPU':>10} {'target':>10}")
    print("\n".join(rows))
    return 0


def _ledger_rows(folder: Path, n: int, fonts: object) -> list[str]:
    """End to end: statements read from a demo ledger (SQLite), then printed."""
    from models import clock
    from models.customers import list_customers
    from models.db import close_ledger, open_ledger
    from models.demo import make_demo
    from models.statements import statement

    open_ledger(folder / "bench.qkledger")
    try:
        make_demo(customers=n, days=120, seed=1)
        day = clock.today()
        ids = [c.id for c in list_customers()][:n]
        start = day - dt.timedelta(days=89)
        jobs = [lambda cid=cid: StatementJob(statement(cid, start, day)) for cid in ids]
        med, _ = _median(lambda: render_batch(jobs, folder / "ledger.pdf", fonts=fonts), 1)
        return [_row(f"{len(ids)} statements read from a demo ledger → one PDF", med, None)]
    finally:
        close_ledger()


if __name__ == "__main__":
    raise SystemExit(main())
