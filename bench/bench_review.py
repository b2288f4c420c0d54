"""Benchmark the boss's review on the big ledger (not a test: prints min/median/max).

    uv run python bench/bench_review.py [--db bench/data/big.qkledger] [--repeat 3]

Targets (issue 9), on the 10,000-customer / ~1,000,000-entry ledger:
- the dashboard (the review computed off the GUI thread and shown) ≤ 1 s
- the aging PDF of all 10,000 customers ≤ 10 s
- the weekly review PDF ≤ 3 s

The ledger is built by ``bench/bench_models.py`` (or copied there); opening an older one
adds the daily totals once (schema 4), which is not timed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models.storage import db
from models.storage.tables import database  # noqa: E402

DEFAULT_DB = Path(__file__).parent / "data" / "big.qkledger"


CPU: dict[int, list[float]] = {}  # process CPU seconds of each measure's runs


def timed(run: Callable[[], object], repeat: int) -> list[float]:
    """Wall seconds of `repeat` runs; their CPU seconds (all threads) go to `CPU`: on a
    busy machine other programs stretch the wall clock, not the CPU time."""
    times, cpu = [], []
    for _ in range(repeat):
        start, cpu_start = time.perf_counter(), time.process_time()
        run()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - cpu_start)
    CPU[id(times)] = cpu
    return times


def dashboard_runner() -> Callable[[], object]:
    """Open the review screen once; each run recomputes it on its worker thread and
    waits until the figures, charts and tables are filled."""
    from PySide6.QtCore import QEventLoop, QTimer

    from gui.app import make_application
    from gui.operations import Operations
    from gui.review.view import ReviewView

    app = make_application([])
    view = ReviewView(Operations())
    view.resize(1280, 720)
    view.show()
    app.processEvents()
    view.reader.wait()

    def run() -> None:
        loop = QEventLoop()
        view.loaded.connect(loop.quit)
        QTimer.singleShot(60_000, loop.quit)
        view.reload()
        loop.exec()
        view.loaded.disconnect(loop.quit)
        app.processEvents()  # the charts and tables paint

    run.view = view  # type: ignore[attr-defined]
    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(DEFAULT_DB))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not Path(args.db).exists() and not db.is_postgres_url(args.db):
        print(f"{args.db} is missing: run bench/bench_models.py first", file=sys.stderr)
        return 1
    db.open_ledger(args.db, create=False)
    customers = database.execute_sql("SELECT COUNT(*) FROM customer").fetchone()[0]
    entries = database.execute_sql("SELECT COUNT(*) FROM entry").fetchone()[0]
    print(f"{args.db}: {customers:,} customers, {entries:,} entries")

    from models.review.review import review
    from reports.documents.aging_report import print_aging
    from reports.documents.review_report import print_review

    dashboard = dashboard_runner()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows.append(("review computed (model only)", None, timed(review, args.repeat)))
        rows.append(
            ("dashboard: computed off the GUI thread, shown", 1.0, timed(dashboard, args.repeat))
        )
        rows.append(
            (
                f"aging PDF, all {customers:,} customers",
                10.0,
                timed(lambda: print_aging(folder / "aging.pdf"), args.repeat),
            )
        )
        pages = len(__import__("pypdf").PdfReader(str(folder / "aging.pdf")).pages)
        rows.append(
            ("weekly review PDF", 3.0, timed(lambda: print_review(folder / "r.pdf"), args.repeat))
        )
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"\n{'measure':<48}{'target':>9}{'min':>9}{'median':>9}{'max':>9}{'cpu':>9}  ok")
    for name, target, times in rows:
        med = statistics.median(times)
        goal = f"≤ {target:g} s" if target else ""
        verdict = "" if target is None else ("ok" if med <= target else "SLOW")
        cpu = statistics.median(CPU[id(times)])
        print(
            f"{name:<48}{goal:>9}{min(times):>8.2f}s{med:>8.2f}s{max(times):>8.2f}s"
            f"{cpu:>8.2f}s  {verdict}"
        )
    print(f"(aging PDF: {pages} pages)")
    db.close_ledger()
    return 0


if __name__ == "__main__":
    sys.exit(main())
