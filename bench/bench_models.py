"""Ledger-core benchmark (issue 2): a 10,000-customer, ~1,000,000-entry ledger.

    uv run python bench/bench_models.py            # builds bench/data/big.qkledger once
    uv run python bench/bench_models.py --db postgresql://user:pw@localhost/qk_bench

Works on a fresh copy of the ledger (deleted at the end), so the posts it times never
land in the ledger it was given and its entry count stays what README says. Prints
min, median and max of each measure against the targets, and a cold-cache row: the
copy's pages dropped from the OS cache before each run, as on the first open of the
day (SQLite only).
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import psycopg2

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Row, drop_from_cache, fresh_copy, print_table, remove_copy, timed  # noqa: E402
from models.exchange import demo
from models.ledger import aging, credit_stop, posting
from models.papers import statements
from models.storage import db
from models.storage.tables import CustomerRow, EntryRow  # noqa: E402
from models.storage.targets import display_target  # noqa: E402
from models.vocabulary.entry_records import PaymentMethod  # noqa: E402

DEFAULT_DB = Path(__file__).parent / "data" / "big.qkledger"


def ensure_ledger(target: str, customers: int, days: int) -> tuple[int, int]:
    """Build the demo ledger if `target` is empty; its (customers, entries)."""
    db.open_ledger(target)
    try:
        if not CustomerRow.select().exists():
            print(f"building a {customers}-customer demo ledger at {target} …", flush=True)
            start = time.perf_counter()
            demo.make_demo(customers=customers, days=days, seed=7)
            print(f"  built in {time.perf_counter() - start:.1f} s", flush=True)
        return CustomerRow.select().count(), EntryRow.select().count()
    finally:
        db.close_ledger()


def _pg_admin(url: str, sql: str) -> None:
    """CREATE/DROP DATABASE, from the server's maintenance database."""
    conn = psycopg2.connect(urlparse(url)._replace(path="/postgres").geturl())
    try:
        conn.autocommit = True
        conn.cursor().execute(sql)
    finally:
        conn.close()


def copy_of(source: str) -> tuple[str, object]:
    """A copy to benchmark on, and how to remove it."""
    if db.is_postgres_url(source):
        name = urlparse(source).path.lstrip("/")
        copy = f"{name}_benchcopy"
        _pg_admin(source, f'DROP DATABASE IF EXISTS "{copy}"')
        _pg_admin(source, f'CREATE DATABASE "{copy}" TEMPLATE "{name}"')
        url = urlparse(source)._replace(path=f"/{copy}").geturl()
        return url, lambda: _pg_admin(source, f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')
    path = fresh_copy(Path(source), Path(source).with_name("bench-models-copy.qkledger"))
    return str(path), lambda: remove_copy(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(DEFAULT_DB))
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cold-runs", type=int, default=3)
    args = parser.parse_args()
    if not db.is_postgres_url(args.db):
        Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    n_customers, n_entries = ensure_ledger(args.db, args.customers, args.days)
    target, remove = copy_of(args.db)
    try:
        rows, statement_rows = measure(target, args.runs, args.cold_runs)
    finally:
        db.close_ledger()
        remove()  # type: ignore[operator]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print()
    print(f"ledger: {display_target(args.db)}: {n_customers:,} customers, {n_entries:,} entries")
    print(f"(timed on a copy; a statement covers ~{statement_rows} entries)")
    print_table(rows)
    print(f"peak memory of this process: {peak_mb:.0f} MB (target ≤ 300 MB)")
    return 0


def measure(target: str, runs: int, cold_runs: int) -> tuple[list[Row], int]:
    today = dt.date.today()
    rows: list[Row] = []

    def open_once() -> None:
        db.open_ledger(target)
        db.close_ledger()

    rows.append(Row("open the ledger", "≤ 100 ms", timed(open_once, runs), 0.100))
    if not db.is_postgres_url(target):

        def cold_aging() -> None:
            db.open_ledger(target)
            aging.age_all(today)
            db.close_ledger()

        cold = timed(cold_aging, cold_runs, before=lambda: drop_from_cache(Path(target)))
        rows.append(Row("open + aging of all customers, cold cache", "", cold))
    db.open_ledger(target)
    aging.age_all(today)  # warm the cache again after the cold runs
    rows.append(
        Row("aging of all customers", "≤ 0.5 s", timed(lambda: aging.age_all(today), runs), 0.5)
    )
    ids = [c.id for c in CustomerRow.select(CustomerRow.id).order_by(CustomerRow.id).limit(50)]
    year_ago = today - dt.timedelta(days=365)
    it = iter(ids * 100)
    statement_times = timed(lambda: statements.statement(next(it), year_ago, today), 50)
    rows.append(Row("statement data, one customer, a year", "≤ 5 ms", statement_times, 0.005))
    statement_rows = len(statements.statement(ids[0], year_ago, today).rows)
    post_it = iter(ids * 100)
    post_times = timed(
        lambda: posting.post_payment(next(post_it), today, 1_00, PaymentMethod.CASH), 20
    )
    rows.append(Row("post one entry, committed", "≤ 10 ms", post_times, 0.010))
    # A numbered delivery also passes the live-document key (and, like every post, the
    # hash chain's tip): the path two clerks race on.
    # To a customer the credit stop lets through (each post checks it: limit, broken
    # promises, and on PostgreSQL the customer's row lock).
    free = next(c for c in ids if not credit_stop.stop_reasons(c, 100 * 1_00, today))
    doc_it = iter(range(10**6))
    delivery_times = timed(
        lambda: posting.post_delivery(
            free, today, 1_00, doc_no=f"BENCH-{time.time_ns()}-{next(doc_it)}"
        ),
        100,
    )
    rows.append(Row("post a numbered delivery, committed", "≤ 10 ms", delivery_times, 0.010))
    db.close_ledger()
    return rows, statement_rows


if __name__ == "__main__":
    sys.exit(main())
