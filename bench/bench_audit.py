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
from models.storage import audit_guards, db, guards  # noqa: E402
from models.storage.tables import database  # noqa: E402
from models.vocabulary import clock  # noqa: E402
from models.vocabulary.customer_records import CustomerDraft  # noqa: E402

CUSTOMERS = 200


def _drop_audit_triggers() -> None:
    pg = db.is_postgres()
    triggers = audit_guards.PG_TRIGGERS if pg else audit_guards.SQLITE_TRIGGERS
    for name, spec in triggers.items():
        database.execute_sql(f"DROP TRIGGER IF EXISTS {name}" + (f" ON {spec[0]}" if pg else ""))


def _timed(action: Callable[[], object]) -> tuple[float, float]:
    """(wall ms, this process's CPU ms): the machine may be shared, and SQLite's work
    is all in this process, so its CPU time shows the triggers' cost without the noise."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


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


def _put_back() -> None:
    with db.transaction():
        guards.install(database.obj)


def measure(target: str, folder: Path, runs: int) -> dict[str, dict[bool, list[tuple]]]:
    """Edits, promises and voids, in rounds that alternate between the triggers in place
    and dropped (one ledger; a slow moment of the machine hits both alike)."""
    db.open_ledger(target)
    try:
        ids = [
            customers.add_customer(CustomerDraft(code=f"B{n:04d}", name=f"店{n}")).id
            for n in range(CUSTOMERS)
        ]
        due = dt.datetime.combine(clock.today() + dt.timedelta(days=3), dt.time(10))
        found: dict[str, dict[bool, list[tuple]]] = {}
        for n in range(runs):
            for audited in (True, False):
                _put_back() if audited else _drop_audit_triggers()
                cid = ids[(2 * n + audited) % CUSTOMERS]
                draft = CustomerDraft(code=f"B{cid - ids[0]:04d}", name="店", credit_limit=n * 100)
                posted = posting.post_delivery(cid, clock.today(), 50_00, doc_no=f"V{n}-{audited}")
                # Each action runs at once, inside this round: B023 does not apply.
                for what, action in (
                    ("customer edit (ms)", lambda: customers.update_customer(cid, draft)),  # noqa: B023
                    ("promise (ms)", lambda: promises.make_promise(cid, 100_00 + n, due)),  # noqa: B023
                    ("void (ms)", lambda: posting.void(posted.id, "bench")),  # noqa: B023
                ):
                    found.setdefault(what, {True: [], False: []})[audited].append(_timed(action))
        return found
    finally:
        db.close_ledger()


def measure_import(target: str, folder: Path, entries: int, audited: bool) -> tuple:
    db.open_ledger(target)
    try:
        if not audited:
            _drop_audit_triggers()
        for n in range(CUSTOMERS):
            customers.add_customer(CustomerDraft(code=f"B{n:04d}", name=f"店{n}"))
        path = _entries_file(folder, entries)
        return _timed(lambda: import_file("entries", path))
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
    print(f"{'backend':9} {'what':27} {'no audit':>9} {'audited':>9}  {'CPU no':>7} {'CPU yes':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for backend in ("sqlite", "postgres"):
            if backend == "postgres" and not args.pg:
                print("PostgreSQL skipped: give --pg URL or QK_BENCH_PG")
                continue

            def target(name: str, backend: str = backend) -> str:
                if backend == "postgres":
                    _empty_pg(args.pg)
                    return args.pg
                return str(folder / f"{name}.qkledger")

            found = measure(target("ops"), folder, args.runs)
            imports = {a: measure_import(target(f"i{a}"), folder, args.entries, a)
                       for a in (False, True)}  # fmt: skip
            for what, by in found.items():
                (w0, c0), (w1, c1) = (
                    tuple(statistics.median(x[i] for x in by[a]) for i in (0, 1))
                    for a in (False, True)
                )
                print(f"{backend:9} {what:27} {w0:9.2f} {w1:9.2f}  {c0:7.2f} {c1:7.2f}")
            (w0, c0), (w1, c1) = imports[False], imports[True]
            what = f"import {args.entries:,} entries (s)"
            print(f"{backend:9} {what:27} {w0 / 1000:9.2f} {w1 / 1000:9.2f}  "
                  f"{c0 / 1000:7.2f} {c1 / 1000:7.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
