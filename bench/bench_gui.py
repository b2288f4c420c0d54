"""Desktop app benchmark (issue 4) on the 10,000-customer / ~1,000,000-entry ledger.

    uv run python bench/bench_gui.py              # reuses bench/data/big.qkledger

Works on a copy (bench/data/big-gui.qkledger) with one extra customer of 10,000
entries, so the ledger core's own bench data stays as it is. Runs the real widgets on
the offscreen platform and prints a table against the targets:
- cold start: a fresh Python process until the window is shown, until every
  customer is listed and searchable, and until their balances are in the list;
- a search keystroke until the filtered list is painted;
- opening a customer with 10,000 entries until their page is painted;
- the longest event-loop stall while scrolling the customer list and that ledger to
  the end, and while the list re-reads after a posting.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import Row, print_table  # noqa: E402

BIG = ROOT / "bench" / "data" / "big.qkledger"
COPY = ROOT / "bench" / "data" / "big-gui.qkledger"
HEAVY_CODE = "BENCH-10K"
HEAVY_ENTRIES = 10_000

# A fresh interpreter through main.py; prints seconds since the parent's t0 when the
# window is shown, when customers are searchable, and when their balances are in.
CHILD = """
import sys, time
t0 = float(sys.argv[1])
from PySide6.QtCore import QCoreApplication, QTimer
import gui.app

def mark(name):
    print(name, time.time() - t0, flush=True)

start = gui.app.Launcher.start
def timed_start(self, target):
    window = start(self, target)
    QTimer.singleShot(0, lambda: mark("shown"))
    view = window.customer_list
    view.names_loaded.connect(lambda: QTimer.singleShot(0, lambda: mark("searchable")))
    def usable():
        mark("usable")
        view.reader.cancel()
        QCoreApplication.quit()
    view.loaded.connect(lambda: QTimer.singleShot(0, usable))
    return window
gui.app.Launcher.start = timed_start

import main  # the real entry point: `uv run main.py --db LEDGER`
sys.exit(main.main(["--db", sys.argv[2]]))
"""


def prepare(source: Path) -> str:
    """Copy the big ledger once and give the copy a customer with 10,000 entries."""
    from models.ledger import customers, posting
    from models.storage import db
    from models.vocabulary.customer_records import CustomerDraft
    from models.vocabulary.errors import NotFound

    if not COPY.exists():
        if not source.exists():
            sys.exit(f"{source} is missing: run bench/bench_models.py first to build it")
        print(f"copying {source.name} to {COPY.name} …", flush=True)
        shutil.copyfile(source, COPY)
    db.open_ledger(str(COPY))
    try:
        customers.customer_by_code(HEAVY_CODE)
    except NotFound:
        print(f"adding a customer with {HEAVY_ENTRIES:,} entries …", flush=True)
        cid = customers.add_customer(CustomerDraft(code=HEAVY_CODE, name="大户测试商行")).id
        start = dt.date.today() - dt.timedelta(days=999)
        with db.transaction():
            for i in range(HEAVY_ENTRIES):
                on = start + dt.timedelta(days=i // 10)
                if i % 5 == 4:
                    posting.post_payment(cid, on, 300_00, "cash")  # type: ignore[arg-type]
                else:
                    posting.post_delivery(cid, on, 100_00 + i)
    db.close_ledger()
    return str(COPY)


def cold_start(target: str, runs: int) -> tuple[list[float], list[float], list[float]]:
    from bench.common import user_env

    shown, searchable, usable = [], [], []
    for _ in range(runs):
        t0 = time.time()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(t0), target],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            # A fresh data folder: the bench never touches the user's preferences.
            env={**user_env(), "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": tempfile.mkdtemp()},
        ).stdout
        values = dict(
            line.split()
            for line in out.splitlines()
            if line.split()[0] in ("shown", "searchable", "usable")
        )
        shown.append(float(values["shown"]))
        searchable.append(float(values["searchable"]))
        usable.append(float(values["usable"]))
    return shown, searchable, usable


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(BIG), help="the big ledger to copy")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    target = prepare(Path(args.db))

    shown, searchable, usable = cold_start(target, args.runs)

    from PySide6.QtTest import QTest

    from gui.app import Launcher, make_application
    from models.ledger import customers, ledger, posting
    from models.vocabulary.entry_records import EntryKind, PaymentMethod

    app = make_application([])
    data = Path(tempfile.mkdtemp())
    (data / "gui.ini").write_text("[ui]\nlanguage=zh\n")
    launcher = Launcher(data)
    window = launcher.start(target)
    window.resize(1260, 780)
    view = window.customer_list
    while view.model.total_count == 0 or view.model.pending or view.reader.busy:
        app.processEvents()
        time.sleep(0.005)

    def settle() -> None:
        app.processEvents()
        window.repaint()  # include painting the visible rows

    # A search keystroke until the filtered list is painted.
    keystrokes: list[float] = []
    view.search.setFocus()
    for query in ("dcwj", "zqw", "138", "王记", "c0999"):
        for ch in query:
            start = time.perf_counter()
            if ch.isascii():
                QTest.keyClick(view.search, ch)
            else:
                view.search.insert(ch)
            settle()
            keystrokes.append(time.perf_counter() - start)
        start = time.perf_counter()
        view.search.clear()
        settle()
        keystrokes.append(time.perf_counter() - start)

    # Opening the customer with 10,000 entries until their page is painted.
    heavy = customers.customer_by_code(HEAVY_CODE).id
    n_heavy = ledger.entry_count(heavy)
    opening: list[float] = []
    for _ in range(5):
        window.show_list()
        settle()
        start = time.perf_counter()
        window.open_customer(heavy)
        settle()
        opening.append(time.perf_counter() - start)

    # Scrolling the ledger to its very end (fetchMore pages in as it goes).
    table = window.customer_page.ledger_table
    bar = table.verticalScrollBar()
    ledger_steps: list[float] = []
    while table.model().rowCount() < n_heavy or bar.value() < bar.maximum():
        start = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        settle()
        ledger_steps.append(time.perf_counter() - start)
        if len(ledger_steps) > 20_000:
            break

    # Scrolling the customer list from top to bottom.
    window.show_list()
    settle()
    bar = view.table.verticalScrollBar()
    bar.setValue(0)
    list_steps: list[float] = []
    while bar.value() < bar.maximum():
        start = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        settle()
        list_steps.append(time.perf_counter() - start)

    # A posting: the stall on the GUI thread while the list re-reads in the background.
    window.open_customer(heavy)
    settle()
    dialog = window.post(EntryKind.PAYMENT)
    dialog.amount.setText("1.00")
    dialog.method.setCurrentIndex(dialog.method.findData(PaymentMethod.CASH.value))
    post_steps: list[float] = []
    start = time.perf_counter()
    dialog.submit()
    settle()
    post_steps.append(time.perf_counter() - start)
    window.show_list()
    while view.reader.busy:
        start = time.perf_counter()
        settle()
        post_steps.append(time.perf_counter() - start)
        time.sleep(0.002)
    view.reader.cancel()
    # Take the test payment back out of the bench ledger's balance.
    posting.void(window.customer_page.ledger_model.entry_at(0).id, "bench")

    rows = [
        Row("cold start: window shown", "", shown),
        Row("cold start: customers listed, searchable", "≤ 2 s", searchable, 2.0),
        Row("cold start: balances in the list", "", usable),
        Row("search keystroke → painted list", "≤ 100 ms", keystrokes, 0.100),
        Row(f"open customer with {n_heavy:,} entries", "≤ 200 ms", opening, 0.200),
        # Stalls are judged by their worst case, the rest by the median.
        Row("scroll ledger to the end: each step", "≤ 200 ms", ledger_steps, 0.200, worst=True),
        Row("scroll customer list: each step", "≤ 200 ms", list_steps, 0.200, worst=True),
        Row("post + list re-read: each stall", "≤ 200 ms", post_steps, 0.200, worst=True),
    ]
    print()
    print(f"ledger: {target} ({view.model.total_count:,} customers shown)")
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
