"""Ledger-core benchmark (issue 2): a 10,000-customer, ~1,000,000-entry ledger.

    uv run python bench/bench_models.py            # builds bench/data/big.qkledger once
    uv run python bench/bench_models.py --db postgresql://user:pw@localhost/qk_bench

Prints a table of medians over several runs against the targets. Posting adds a few
entries to the bench ledger each run (they are real, committed posts).
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models import aging, db, demo, posting, statements  # noqa: E402
from models.records import PaymentMethod  # noqa: E402
from models.tables import CustomerRow, EntryRow  # noqa: E402
from models.targets import display_target  # noqa: E402

DEFAULT_DB = Path(__file__).parent / "data" / "big.qkledger"


def timed(fn, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def ensure_ledger(target: str, customers: int, days: int) -> None:
    db.open_ledger(target)
    if not CustomerRow.select().exists():
        print(f"building a {customers}-customer demo ledger at {target} …", flush=True)
        start = time.perf_counter()
        demo.make_demo(customers=customers, days=days, seed=7)
        print(f"  built in {time.perf_counter() - start:.1f} s", flush=True)
    db.close_ledger()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(DEFAULT_DB))
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not db.is_postgres_url(args.db):
        Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    ensure_ledger(args.db, args.customers, args.days)

    results: list[tuple[str, str, list[float], float]] = []

    def open_once() -> None:
        db.open_ledger(args.db)
        db.close_ledger()

    results.append(("open the ledger", "≤ 100 ms", timed(open_once, args.runs), 0.100))
    db.open_ledger(args.db)
    n_entries = EntryRow.select().count()
    n_customers = CustomerRow.select().count()
    today = dt.date.today()
    results.append(
        ("aging of all customers", "≤ 0.5 s", timed(lambda: aging.age_all(today), args.runs), 0.5)
    )
    ids = [c.id for c in CustomerRow.select(CustomerRow.id).order_by(CustomerRow.id).limit(50)]
    year_ago = today - dt.timedelta(days=365)
    it = iter(ids * 100)
    statement_times = timed(lambda: statements.statement(next(it), year_ago, today), 50)
    results.append(("statement data, one customer, a year", "≤ 5 ms", statement_times, 0.005))
    rows = len(statements.statement(ids[0], year_ago, today).rows)
    post_it = iter(ids * 100)
    post_times = timed(
        lambda: posting.post_payment(next(post_it), today, 1_00, PaymentMethod.CASH), 20
    )
    results.append(("post one entry, committed", "≤ 10 ms", post_times, 0.010))
    db.close_ledger()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print()
    print(f"ledger: {display_target(args.db)}: {n_customers:,} customers, {n_entries:,} entries")
    print(f"(a statement covers ~{rows} entries)")
    print(f"{'measure':<40}{'target':>10}{'median':>12}{'min':>12}{'max':>12}  ok")
    for name, target, times, limit in results:
        med = statistics.median(times)
        print(
            f"{name:<40}{target:>10}{med * 1000:>10.1f}ms{min(times) * 1000:>10.1f}ms"
            f"{max(times) * 1000:>10.1f}ms  {'yes' if med <= limit else 'NO'}"
        )
    print(
        f"{'peak memory of this process':<40}{'≤ 300 MB':>10}{peak_mb:>10.0f}MB"
        f"{'':>24}  {'yes' if peak_mb <= 300 else 'NO'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
