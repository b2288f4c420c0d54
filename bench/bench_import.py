"""Import and backup at the size of a real history: 10,000 customers and 1,000,000
entries from CSV and from XLSX into a new ledger, and a backup of the big ledger.

``uv run python bench/bench_import.py [--entries N] [--runs R] [--no-xlsx] [--no-backup]
[--db LEDGER]``

The files come from bench/data/big.qkledger (built by bench_models.py): the command
line's own ``export customers`` / ``export entries``, then the first N entries of that
(default 1,000,000; an XLSX sheet holds at most 1,048,575 rows), written as CSV and as an
XLSX with the export's own cells (numeric amounts). Each import runs as its own process
into a fresh ledger; its wall time, CPU time and peak memory (the child's ru_maxrss, read
with wait4) are measured per run. Targets: CSV ≤ 60 s and ≤ 300 MB; XLSX ≤ 120 s;
backup ≤ 5 s.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
BIG = DATA / "big.qkledger"
sys.path.insert(0, str(ROOT))

from bench.common import Row, Times, print_table, remove_copy  # noqa: E402


def main_py(*args: str) -> tuple[float, float, int]:
    """Run main.py; returns (wall seconds, CPU seconds, peak memory in MB) of that one
    child. CPU time is printed too: on a shared machine the wall time mostly measures
    waiting."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, stdout=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        sys.exit(f"main.py {' '.join(args)} failed ({child.returncode})")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def exported(what: str) -> Path:
    """The big ledger's customers or entries as the command line exports them (CSV)."""
    path = DATA / f"{what}.csv"
    if not path.exists():
        main_py("--db", str(BIG), "export", what, "--out", str(path))
    return path


def entries_files(n: int) -> tuple[Path, Path]:
    """The first `n` exported entries as CSV and as XLSX."""
    source = exported("entries")
    as_csv, as_xlsx = DATA / f"entries-{n}.csv", DATA / f"entries-{n}.xlsx"
    if not as_csv.exists():
        with source.open(newline="", encoding="utf-8") as fh, as_csv.open("w", newline="") as out:
            reader, writer = csv.reader(fh), csv.writer(out)
            for i, row in enumerate(reader):
                if i > n:
                    break
                writer.writerow(row)
    if not as_xlsx.exists():
        _write_xlsx(as_csv, as_xlsx)
    return as_csv, as_xlsx


def customers_xlsx() -> Path:
    path = DATA / "customers.xlsx"
    if not path.exists():
        _write_xlsx(exported("customers"), path)
    return path


def _write_xlsx(source: Path, out: Path) -> None:
    """The CSV's rows as a spreadsheet saves them: amounts as numbers, empty cells left
    out (openpyxl's write-only mode streams a million rows; text as inline strings)."""
    from decimal import Decimal

    from openpyxl import Workbook

    from models.vocabulary.money import parse_money

    money = {"amount", "credit_limit", "opening_balance"}
    book = Workbook(write_only=True)
    sheet = book.create_sheet(out.stem)
    with source.open(newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        numeric = [h in money for h in header]
        sheet.append(header)
        for row in reader:
            sheet.append(
                [
                    (Decimal(parse_money(v, allow_negative=True)) / 100 if m else v) if v else None
                    for v, m in zip(row, numeric, strict=True)
                ]
            )
    book.save(out)


def bench_import(suffix: str, customers: Path, entries: Path, runs: int, n: int) -> list[Row]:
    target = DATA / f"imported{suffix.replace('.', '-')}.qkledger"
    wall, wall.cpu, peaks = Times(), [], []
    c_wall, c_wall.cpu = Times(), []
    for _i in range(runs):
        remove_copy(target)
        c_s, c_cpu, _c_mb = main_py("--db", str(target), "import", "customers", str(customers))
        e_s, e_cpu, e_mb = main_py("--db", str(target), "import", "entries", str(entries))
        c_wall.append(c_s)
        c_wall.cpu.append(c_cpu)
        wall.append(e_s)
        wall.cpu.append(e_cpu)
        peaks.append(e_mb)
    remove_copy(target)
    # The targets are for a million entries; a smaller run only shows the figures.
    limit, mb_limit = (60.0, 300) if suffix == ".csv" else (120.0, None)
    if n != 1_000_000:
        limit = mb_limit = None
    peak = max(peaks)
    mem_ok = "" if mb_limit is None else (" (≤ 300 MB: yes)" if peak <= mb_limit else " (NO)")
    return [
        Row(f"import {_customer_count():,} customers from {suffix[1:].upper()}", "", c_wall),
        Row(
            f"import {n:,} entries from {suffix[1:].upper()}",
            "" if limit is None else f"≤ {limit:.0f} s",
            wall,
            limit,
            note=f"peak {peak} MB{mem_ok}",
        ),
    ]


def _customer_count() -> int:
    """How many customers the files hold."""
    with exported("customers").open(newline="", encoding="utf-8") as fh:
        return sum(1 for _row in csv.reader(fh)) - 1


def bench_backup(runs: int = 3) -> Row:
    from models.storage import backup

    out = DATA / "backup-bench.qkledger"
    times = Times()
    times.cpu = []
    for _i in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        backup.back_up(BIG, out)
        times.append(time.perf_counter() - started)
        times.cpu.append(time.process_time() - cpu)
    out.unlink()
    return Row(f"backup of {BIG.name} ({BIG.stat().st_size / 1e6:.0f} MB)", "≤ 5 s", times, 5.0)


def main() -> None:
    global BIG, DATA  # --db: the files made from the ledger go beside it
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000, help="entries to import")
    parser.add_argument("--runs", type=int, default=3, help="imports of each format")
    parser.add_argument("--no-xlsx", action="store_true", help="CSV only")
    parser.add_argument("--no-backup", action="store_true", help="skip the backup rows")
    parser.add_argument("--db", type=Path, default=BIG, help="the ledger to export (only read)")
    args = parser.parse_args()
    if not args.db.exists():
        sys.exit(f"{args.db} is missing: run bench/bench_models.py first")
    BIG, DATA = args.db.resolve(), args.db.resolve().parent
    os.environ.setdefault("QK_LANG", "en")
    entries_csv, entries_xlsx = entries_files(args.entries)
    rows = [] if args.no_backup else [bench_backup()]
    rows += bench_import(".csv", exported("customers"), entries_csv, args.runs, args.entries)
    if not args.no_xlsx:
        rows += bench_import(".xlsx", customers_xlsx(), entries_xlsx, args.runs, args.entries)
    print_table(rows)
    print(f"median figures; peak memory is the largest of the {args.runs} entries imports")


if __name__ == "__main__":
    main()
