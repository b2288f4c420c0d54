"""Benchmark the printed documents and the aging export (not a test: prints a table).

    uv run python bench/bench_reports.py              # 500 statements read from the big ledger
    uv run python bench/bench_reports.py --samples    # statements built in memory instead

Reads a fresh copy of bench/data/big.qkledger (build it with bench/bench_models.py),
deleted at the end. Prints min, median and max of each measure, and the aging export
run as a user runs it (`main.py export aging`) both warm and with the copy's pages
dropped from the OS cache first (cold, as on the first export of the day).

Targets (issue 3): 500 statements into one PDF ≤ 10 s, into 500 files ≤ 12 s, one IOU
note ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402
    Row,
    drop_from_cache,
    fresh_copy,
    print_table,
    remove_copy,
    timed,
    user_env,
)
from reports.documents.batch import StatementJob, render_batch  # noqa: E402
from reports.documents.iou import render_ious  # noqa: E402
from reports.documents.samples import (  # noqa: E402
    COMPANY,
    sample_customer,
    sample_note,
    sample_promise,
    sample_statement,
)
from reports.typesetting.fonts import find_fonts  # noqa: E402

BIG = ROOT / "bench" / "data" / "big.qkledger"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(BIG), help="the big ledger (only read, via a copy)")
    parser.add_argument("--samples", action="store_true", help="statements built in memory")
    parser.add_argument("--statements", type=int, default=500)
    parser.add_argument("--entries", type=int, default=40, help="per sample statement")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--iou-runs", type=int, default=20)
    args = parser.parse_args()

    start = time.perf_counter()
    fonts = find_fonts()
    print(
        f"CJK font: {fonts.cjk_path or fonts.cjk}  (discovery {time.perf_counter() - start:.2f} s)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.samples:
            rows = _sample_rows(folder, args, fonts)
        else:
            source = Path(args.db)
            if not source.exists():
                sys.exit(f"{source} is missing: run bench/bench_models.py first to build it")
            copy = fresh_copy(source, source.with_name("bench-reports-copy.qkledger"))
            try:
                rows = _ledger_rows(folder, copy, args, fonts)
            finally:
                remove_copy(copy)
    print()
    print_table(rows)
    return 0


def _document_rows(
    folder: Path, jobs: list, args: argparse.Namespace, fonts: object, iou
) -> list[Row]:  # type: ignore[no-untyped-def]
    """One IOU note, then the statements into one PDF and into one file each."""
    rows = [
        Row("one IOU note, first in the process", "", timed(lambda: iou(folder / "iou0.pdf"), 1))
    ]
    rows.append(
        Row("one IOU note", "≤ 50 ms", timed(lambda: iou(folder / "iou.pdf"), args.iou_runs), 0.05)
    )
    out = folder / "one.pdf"
    pages = 0

    def one_pdf() -> None:
        nonlocal pages
        pages = render_batch(jobs, out, fonts=fonts).pages

    n = len(jobs)
    times = timed(one_pdf, args.repeat)
    note = f"{pages} pages, {out.stat().st_size / 1e6:.1f} MB"
    rows.append(Row(f"{n} statements → one PDF", "≤ 10 s", times, 10.0, note=note))

    def many() -> None:
        render_batch(jobs, folder / f"files-{time.perf_counter_ns()}", one_file=False, fonts=fonts)

    rows.append(Row(f"{n} statements → {n} files", "≤ 12 s", timed(many, args.repeat), 12.0))
    return rows


def _sample_rows(folder: Path, args: argparse.Namespace, fonts: object) -> list[Row]:
    statements = [
        sample_statement(args.entries, customer=sample_customer(i), seed=i)
        for i in range(1, args.statements + 1)
    ]
    customer = sample_customer()
    promise = sample_promise(1, customer)

    def iou(out: Path) -> None:
        render_ious([sample_note(promise)], customer, COMPANY, out, fonts=fonts)

    jobs = [StatementJob(st) for st in statements]
    rows = _document_rows(folder, jobs, args, fonts, iou)
    for row in rows:
        row.name += " (samples)"
    return rows


def _ledger_rows(folder: Path, ledger: Path, args: argparse.Namespace, fonts: object) -> list[Row]:
    """Statements read from the ledger as the evening print run reads them (the data of
    each is read when its turn comes), the IOU note of a real open promise, and the
    aging export as a command."""
    from models.ledger.customers import get_customer, list_customers
    from models.ledger.promises import next_open_promises
    from models.ledger.settings import get_company
    from models.papers.statements import default_period, statement
    from models.storage.db import close_ledger, open_ledger

    open_ledger(ledger)
    try:
        start, day = default_period(dt.date.today())
        ids = [c.id for c in list_customers()][: args.statements]
        jobs = [lambda cid=cid: StatementJob(statement(cid, start, day)) for cid in ids]
        entries = sum(len(statement(cid, start, day).rows) for cid in ids[:50]) / min(50, len(ids))
        # The IOU note of a real open promise (a sample one if the ledger has none).
        promise = next(iter(next_open_promises().values()), None)
        if promise is None:
            customer, company = sample_customer(), COMPANY
            promise = sample_promise(1, customer)
        else:
            customer, company = get_customer(promise.customer_id), get_company()

        def iou(out: Path) -> None:
            render_ious([sample_note(promise)], customer, company, out, fonts=fonts)

        rows = _document_rows(folder, jobs, args, fonts, iou)
        rows[2].note += f", ~{entries:.0f} entries each, read from the ledger"
    finally:
        close_ledger()
    rows += _export_rows(folder, ledger, args.repeat)
    return rows


def _export_rows(folder: Path, ledger: Path, repeat: int) -> list[Row]:
    child_cpu: list[float] = []

    def export() -> None:
        out = folder / "aging.xlsx"
        command = [sys.executable, "main.py", "--db", str(ledger), "export", "aging"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(
            [*command, "--out", str(out)], cwd=ROOT, check=True, capture_output=True, env=user_env()
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        child_cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)

    export()  # the ledger's pages into the cache
    rows = []
    for name, before in (("warm", None), ("cold cache", lambda: drop_from_cache(ledger))):
        child_cpu.clear()
        times = timed(export, repeat, before=before)
        times.cpu = list(child_cpu)
        rows.append(Row(f"`export aging --out x.xlsx` (command, {name})", "", times))
    return rows


if __name__ == "__main__":
    raise SystemExit(main())
