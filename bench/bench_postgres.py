"""PostgreSQL beside SQLite on the same ledger (issue 22): a side-by-side table.

    uv run python bench/bench_postgres.py --pg postgresql://qingkuan:qingkuan@localhost/qk_bench
        [--sqlite bench/data/big.qkledger] [--runs 5] [--import-runs 3] [--only aging,today]

Both ledgers are the 10,000-customer / ~1,000,000-entry demo ledger that
``bench/bench_models.py`` builds (run it once with ``--db`` for each; the demo is
seeded, so both hold the same entries). Every measure runs on a fresh copy of each (a
PostgreSQL copy is ``CREATE DATABASE … TEMPLATE``), so the posts it times never land in
the ledgers given; the PostgreSQL ledger is VACUUM ANALYZEd first, as autovacuum
would have done on a server in use.

Rows, each the median of the runs, SQLite | PostgreSQL | ratio | target:

- opening the ledger (PG ≤ 10 ms; with ``--pooler host:port`` also through a connection
  pooler in front of the same server, README step 8), aging of all customers, Today and the review (PG
  within 1.3× of SQLite), statement data of an ordinary customer (PG ≤ 5 ms), one
  committed post (PG ≤ 10 ms);
- importing 100,000 entries (the big ledger's first ones, exported by ``main.py export``)
  into a new ledger holding its 10,000 customers (PG within 2× of SQLite);
- the customer list as the window reads it (names, then balances and aging), over a
  1 ms round trip: this machine's loopback cannot delay packets (no netem qdisc), so
  the statements sent are counted and each adds 1 ms to the time measured (PG ≤ 2 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

import psycopg2
import psycopg2.errors
import psycopg2.extensions

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_models import _pg_admin  # noqa: E402
from bench.bench_models import copy_of as _copy_of  # noqa: E402
from bench.common import timed  # noqa: E402
from models.storage import db  # noqa: E402
from models.storage.tables import CustomerRow, database  # noqa: E402

DEFAULT_SQLITE = ROOT / "bench" / "data" / "big.qkledger"
ROUND_TRIP = 0.001  # seconds added per statement for the "over a 1 ms round trip" row


class CountingCursor(psycopg2.extensions.cursor):
    """Counts the statements sent: each is one round trip (peewee runs psycopg2 in
    autocommit and sends BEGIN and COMMIT as statements too)."""

    sent = 0

    def execute(self, query, vars=None):  # type: ignore[no-untyped-def]  # noqa: A002
        CountingCursor.sent += 1
        return super().execute(query, vars)

    def executemany(self, query, vars_list):  # type: ignore[no-untyped-def]
        CountingCursor.sent += len(vars_list)
        return super().executemany(query, vars_list)


def copy_of(source: str) -> tuple[str, object]:
    """`bench_models.copy_of`, waiting a moment for a server process that is still
    ending after its client closed (CREATE DATABASE … TEMPLATE refuses to copy while
    anyone is connected to the source)."""
    for _try in range(50):
        try:
            return _copy_of(source)
        except psycopg2.errors.ObjectInUse:
            time.sleep(0.1)
    return _copy_of(source)


def median(times: list[float]) -> float:
    return statistics.median(times)


class Measures:
    """The timed work on the ledger open now (SQLite or PostgreSQL)."""

    def __init__(self, target: str, runs: int) -> None:
        self.target, self.runs = target, runs
        self.today = dt.date.today()

    def open(self) -> float:
        def once() -> None:
            db.open_ledger(self.target)
            db.close_ledger()

        once()
        return median(timed(once, max(self.runs, 15)))

    def aging(self) -> float:
        from models.ledger import aging

        aging.age_all(self.today)
        return median(timed(lambda: aging.age_all(self.today), self.runs))

    def today_screen(self) -> float:
        from models.collecting import today

        today.today(self.today)
        return median(timed(lambda: today.today(self.today), self.runs))

    def review(self) -> float:
        from models.review import review

        review.review(self.today)
        return median(timed(lambda: review.review(self.today), self.runs))

    def _ids(self) -> list[int]:
        return [c.id for c in CustomerRow.select(CustomerRow.id).order_by(CustomerRow.id).limit(50)]

    def statement(self) -> float:
        from models.papers import statements

        year_ago = self.today - dt.timedelta(days=365)
        it = iter(self._ids() * 100)
        return median(timed(lambda: statements.statement(next(it), year_ago, self.today), 100))

    def post(self) -> float:
        from models.ledger import posting
        from models.vocabulary.entry_records import PaymentMethod

        it = iter(self._ids() * 100)
        return median(
            timed(lambda: posting.post_payment(next(it), self.today, 1_00, PaymentMethod.CASH), 40)
        )

    def customer_list(self) -> tuple[float, int]:
        """The window's two reads (names first, then balances), and statements sent."""
        from gui.customers.view import _read_names, _read_summaries

        def both() -> None:
            _read_names(False)
            _read_summaries(False)

        both()
        sent = []
        times = []
        for _ in range(self.runs):
            before = CountingCursor.sent
            times.extend(timed(both, 1))
            sent.append(CountingCursor.sent - before)
        return median(times), max(sent)


READS = ("open", "aging", "today", "review", "statement", "post", "list")


def measure_reads(
    source: str, runs: int, only: set[str], pooler: str | None = None
) -> dict[str, float | tuple]:
    target, remove = copy_of(source)
    found: dict[str, float | tuple] = {}
    try:
        m = Measures(target, runs)
        if "open" in only:
            found["open"] = m.open()
            if pooler:  # the same copy, reached through the pooler
                login = urlparse(target).netloc.rsplit("@", 1)[0]
                pooled = urlparse(target)._replace(netloc=f"{login}@{pooler}").geturl()
                found["pooled open"] = Measures(pooled, runs).open()
        db.open_ledger(target)
        if db.is_postgres_url(target):
            database.obj.connection().cursor_factory = CountingCursor
        for key, run in (
            ("aging", m.aging),
            ("today", m.today_screen),
            ("review", m.review),
            ("statement", m.statement),
            ("post", m.post),
            ("list", m.customer_list),
        ):
            if key in only:
                found[key] = run()
                print(f"  {key}: {found[key]}", flush=True)
    finally:
        db.close_ledger()
        remove()  # type: ignore[operator]
    return found


# --- import ----------------------------------------------------------------------------


def import_files(sqlite: Path, n: int) -> tuple[Path, Path]:
    """The big ledger's customers and its first `n` entries as CSV (made once, beside it)."""
    folder = sqlite.resolve().parent
    customers, entries = folder / "customers.csv", folder / "entries.csv"
    for what, path in (("customers", customers), ("entries", entries)):
        if not path.exists():
            subprocess.run(
                [sys.executable, str(ROOT / "main.py"), "--db", str(sqlite), "export", what,
                 "--out", str(path)],
                check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
            )  # fmt: skip
    first = folder / f"entries-{n}.csv"
    if not first.exists():
        with entries.open(encoding="utf-8") as fh, first.open("w", encoding="utf-8") as out:
            for i, line in enumerate(fh):
                if i > n:
                    break
                out.write(line)
    return customers, first


def measure_import(target_of: Callable[[], tuple[str, Callable[[], None]]], files, runs):  # type: ignore[no-untyped-def]
    from models.exchange.importing.run import import_file

    customers, entries = files
    times = []
    for _ in range(runs):
        target, remove = target_of()
        try:
            db.open_ledger(target)
            import_file("customers", customers)
            start = time.perf_counter()
            import_file("entries", entries)
            times.append(time.perf_counter() - start)
        finally:
            db.close_ledger()
            remove()
    return median(times)


def new_sqlite() -> tuple[str, Callable[[], None]]:
    folder = tempfile.mkdtemp(prefix="qk-bench-import-")
    path = Path(folder) / "new.qkledger"

    def remove() -> None:
        for each in Path(folder).iterdir():
            each.unlink()
        os.rmdir(folder)

    return str(path), remove


def new_pg(url: str) -> Callable[[], tuple[str, Callable[[], None]]]:
    name = urlparse(url).path.lstrip("/") + "_benchimport"

    def make() -> tuple[str, Callable[[], None]]:
        _pg_admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _pg_admin(url, f'CREATE DATABASE "{name}"')
        return urlparse(url)._replace(path=f"/{name}").geturl(), lambda: _pg_admin(
            url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
        )

    return make


# --- the table -------------------------------------------------------------------------


def _fmt(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.1f} ms"


def print_table(lite: dict, pg: dict, import_n: int) -> None:
    rows = []
    limits = {"open": 0.010, "statement": 0.005, "post": 0.010}
    ratios = {"aging": 1.3, "today": 1.3, "review": 1.3, "import": 2.0}
    names = {
        "open": "opening the ledger",
        "aging": "aging of all customers",
        "today": "Today",
        "review": "the review",
        "statement": "statement data, ordinary customer",
        "post": "one post, committed",
        "import": f"import {import_n:,} entries",
        "list": "customer list at 1 ms round trip",
    }
    names["pooled open"] = "opening, through PgBouncer"
    limits["pooled open"] = 0.010
    lite.setdefault("pooled open", lite.get("open"))
    for key, name in names.items():
        if key not in lite or key not in pg or lite[key] is None:
            continue
        a, b = lite[key], pg[key]
        note = ""
        if key == "list":
            (a, _sent_a), (b, sent) = a, b
            b = b + sent * ROUND_TRIP
            note = f"{sent} round trips × 1 ms added"
        ratio = b / a if a else float("inf")
        if key in ratios:
            target, ok = f"≤ {ratios[key]}×", ratio <= ratios[key]
        elif key == "list":
            target, ok = "≤ 2 s", b <= 2.0
        else:
            target, ok = f"≤ {_fmt(limits[key])}", b <= limits[key]
        rows.append((name, _fmt(a), _fmt(b), f"{ratio:.2f}×", target, "yes" if ok else "NO", note))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; medians")
    print(f"{'measure':<36}{'SQLite':>10}{'PG':>10}{'ratio':>8}{'target':>10}  ok")
    for name, a, b, ratio, target, ok, note in rows:
        print(f"{name:<36}{a:>10}{b:>10}{ratio:>8}{target:>10}  {ok:<3} {note}".rstrip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", type=Path, default=DEFAULT_SQLITE)
    parser.add_argument("--pg", required=True, help="postgresql:// URL of the same ledger")
    parser.add_argument(
        "--pooler",
        help="host:port of a connection pooler in front of the same server (PgBouncer, "
        "session pooling: README step 8): adds the opening of the copy through it",
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--import-runs", type=int, default=3)
    parser.add_argument("--import-entries", type=int, default=100_000)
    parser.add_argument(
        "--only", default="", help="comma-separated: " + ",".join(READS) + ",import"
    )
    args = parser.parse_args()
    only = set(args.only.split(",")) if args.only else {*READS, "import"}
    os.environ.setdefault("QK_LANG", "en")
    # This computer's chain anchors in a folder of the run's own: the copies share their
    # ledger's identity, and the posts timed on one copy would move the anchor past the
    # next copy's chain (then every opening counts a million links, as for a ledger
    # whose newest entries were removed).
    from models.storage import chain_anchors

    chain_anchors.folder = Path(tempfile.mkdtemp(prefix="qk-bench-anchors-"))
    lite, pg = {}, {}
    if only & set(READS):
        conn = psycopg2.connect(args.pg)
        conn.autocommit = True
        conn.cursor().execute("VACUUM ANALYZE")
        conn.close()
        print("SQLite …", flush=True)
        lite.update(measure_reads(str(args.sqlite), args.runs, only))
        print("PostgreSQL …", flush=True)
        pg.update(measure_reads(args.pg, args.runs, only, args.pooler))
    if "import" in only:
        files = import_files(args.sqlite, args.import_entries)
        print("import …", flush=True)
        lite["import"] = measure_import(new_sqlite, files, args.import_runs)
        pg["import"] = measure_import(new_pg(args.pg), files, args.import_runs)
    print()
    print_table(lite, pg, args.import_entries)
    return 0


if __name__ == "__main__":
    sys.exit(main())
