"""What the audit trail's triggers cost: a customer edit, a promise, a void, and an
import of many entries, each with the audit triggers in place and with them dropped
(the same ledger, the same process), on SQLite and on PostgreSQL.

``uv run python bench/bench_audit.py [--runs N] [--entries N] [--pg URL]``

PostgreSQL runs against `--pg` (default: QK_BENCH_PG, else skipped); that database is
emptied first. Prints a table of medians in milliseconds (the import in seconds).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.exchange.importing.run import import_file  # noqa: E402
from models.ledger import customers, posting, promises  # noqa: E402
from models.storage import audit_guards, db  # noqa: E402
from models.storage.tables import database  # noqa: E402
from models.vocabulary import clock  # noqa: E402
from models.vocabulary.customer_records import CustomerDraft  # noqa: E402

CUSTOMERS = 200


def _drop_audit_triggers() -> None:
    pg = db.is_postgres()
    triggers = audit_guards.PG_TRIGGERS if pg else audit_guards.SQLITE_TRIGGERS
    for name, spec in triggers.items():
        database.execute_sql(f"DROP TRIGGER IF EXISTS {name}" + (f" ON {spec[0]}" if pg else ""))


def _median_ms(action: Callable[[int], object], runs: int) -> float:
    times = []
    for n in range(runs):
        started = time.perf_counter()
        action(n)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _entries_file(folder: Path, entries: int) -> Path:
    path = folder / f"entries-{entries}.csv"
    if not path.exists():
        with path.open("w", newline="", encoding="utf-8") as fh:
            out = csv.writer(fh)
            out.writerow(["customer_code", "date", "kind", "amount", "doc_no"])
            day = dt.date(2026, 1, 1)
            for n in range(entries):
                code = f"B{n % CUSTOMERS:04d}"
                on = day + dt.timedelta(days=n % 300)
                out.writerow([code, on.isoformat(), "delivery", f"{10 + n % 500}.00", f"X{n}"])
    return path


def measure(target: str, folder: Path, runs: int, entries: int, audited: bool) -> dict[str, float]:
    db.open_ledger(target)
    try:
        if not audited:
            _drop_audit_triggers()
        ids = [
            customers.add_customer(CustomerDraft(code=f"B{n:04d}", name=f"店{n}")).id
            for n in range(CUSTOMERS)
        ]
        found: dict[str, float] = {}

        def edit(n: int) -> None:
            draft = CustomerDraft(code=f"B{n % CUSTOMERS:04d}", name="店", credit_limit=n * 100)
            customers.update_customer(ids[n % CUSTOMERS], draft)

        found["customer edit (ms)"] = _median_ms(edit, runs)
        due = dt.datetime.combine(clock.today() + dt.timedelta(days=3), dt.time(10))
        found["promise (ms)"] = _median_ms(
            lambda n: promises.make_promise(ids[n % CUSTOMERS], 100_00 + n, due), runs
        )
        posted = [
            posting.post_delivery(ids[n % CUSTOMERS], clock.today(), 50_00, doc_no=f"V{n}").id
            for n in range(runs)
        ]
        found["void (ms)"] = _median_ms(lambda n: posting.void(posted[n], "bench"), runs)
        started = time.perf_counter()
        import_file("entries", _entries_file(folder, entries))
        found[f"import {entries:,} entries (s)"] = (time.perf_counter() - started) * 1000
        return found
    finally:
        db.close_ledger()


def _empty_pg(url: str) -> None:
    conn = db.connect_postgres(url)
    try:
        conn.execute_sql("DROP SCHEMA public CASCADE")
        conn.execute_sql("CREATE SCHEMA public")
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--pg", default=os.environ.get("QK_BENCH_PG", ""))
    args = parser.parse_args()
    rows: list[tuple[str, str, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for backend in ("sqlite", "postgres"):
            if backend == "postgres" and not args.pg:
                print("PostgreSQL skipped: give --pg URL or QK_BENCH_PG")
                continue
            results = {}
            for audited in (False, True):
                if backend == "postgres":
                    _empty_pg(args.pg)
                    target = args.pg
                else:
                    target = str(folder / f"bench-{audited}.qkledger")
                results[audited] = measure(target, folder, args.runs, args.entries, audited)
            for what in results[True]:
                rows.append((backend, what, results[False][what], results[True][what]))
    print(f"{'backend':10} {'what':28} {'no audit':>10} {'audited':>10} {'cost':>8}")
    for backend, what, before, after in rows:
        if what.endswith("(s)"):
            before, after = before / 1000, after / 1000
        cost = f"{(after / before - 1) * 100:+.0f}%" if before else ""
        print(f"{backend:10} {what:28} {before:10.2f} {after:10.2f} {cost:>8}")


if __name__ == "__main__":
    main()
