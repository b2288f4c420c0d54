"""Back-test of the cash forecast on the demo ledger (not a test: prints a table).

    uv run python bench/bench_forecast.py [--db LEDGER] [--weeks 13] [--customers N --days N]

Without --db it builds the demo business (models/exchange/demo.py, the window's "Try the
demo": its customers and days unless given) in a temporary file. It never writes into a
ledger it is given.

The forecast is made as of the day `weeks` weeks before the ledger's last day, T, with
only what was known then: entries dated up to T, promises made by T (their payments
counted up to T), keep rates and paying habits from the year up to T
(`models.review.forecast.forecast(T)`). Week k is T+7(k−1)+1 .. T+7k. Each week is then
compared with what came in:

- *actual*: every standing payment dated in the week (the review's collections);
- *actual (owed at T)*: the payments and tail cuts of the week that settled debts
  already owed at T (FIFO, `models.ledger.settlement`): the money the forecast is about.
  Money for goods delivered after T is in *actual* but not forecast by design.

It prints forecast, both actuals and error = forecast − actual (owed at T) per week,
then the totals and the overall errors: the weighted absolute percentage error
(Σ|error| / Σ actual) and the bias (Σ error / Σ actual), against both actuals.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.exchange import demo  # noqa: E402
from models.ledger.settlement import settle  # noqa: E402
from models.review.forecast import forecast  # noqa: E402
from models.review.trends import daily_flows  # noqa: E402
from models.storage import db  # noqa: E402
from models.storage.tables import EntryRow  # noqa: E402
from models.vocabulary.entry_records import EntryKind  # noqa: E402
from models.vocabulary.money import format_money  # noqa: E402


def _yuan(fen: int) -> str:
    return format_money(fen)


def _percent(part: int, whole: int) -> str:
    if whole <= 0:
        return "—"
    tenths = (
        (2000 * part + whole) // (2 * whole)
        if part >= 0
        else -((-2000 * part + whole) // (2 * whole))
    )
    return f"{tenths / 10:.1f}%"


def back_test(weeks: int) -> None:
    last = EntryRow.select(EntryRow.date).order_by(EntryRow.date.desc()).scalar()
    as_of = last - dt.timedelta(days=7 * weeks)
    started = time.perf_counter()
    f = forecast(as_of, weeks)
    took = time.perf_counter() - started
    end = f.weeks[-1].end
    daily = daily_flows(f.weeks[0].start, end)
    owed_at_t = {d.debit_id for d in settle(as_of).open}
    settled: dict[dt.date, int] = {}
    for part in settle(end).parts:
        paying = part.credit_kind in (EntryKind.PAYMENT, EntryKind.DISCOUNT)
        if paying and part.credit_on > as_of and part.debit_id in owed_at_t:
            settled[part.credit_on] = settled.get(part.credit_on, 0) + part.amount
    print(f"forecast as of {as_of} (the ledger's last day {last}), {weeks} weeks; "
          f"made in {took:.2f} s")  # fmt: skip
    print(f"owed at T {_yuan(f.receivable)}: in the weeks {_yuan(f.total)}, "
          f"later {_yuan(f.later)}, doubtful {_yuan(f.doubtful)}")  # fmt: skip
    head = ("week", "start", "end", "forecast", "actual", "actual(owed at T)", "error")
    print(f"{head[0]:>4} {head[1]:>10} {head[2]:>10} {head[3]:>14} {head[4]:>14} "
          f"{head[5]:>18} {head[6]:>14}")  # fmt: skip
    sums = [0, 0, 0, 0, 0]  # forecast, actual, actual owed, |error owed|, |error all|
    for k, w in enumerate(f.weeks, start=1):
        days = [w.start + dt.timedelta(days=i) for i in range(7)]
        actual = -sum(daily.get((d, EntryKind.PAYMENT), 0) for d in days)
        owed = sum(settled.get(d, 0) for d in days)
        error = w.total - owed
        print(f"{k:>4} {w.start} {w.end} {_yuan(w.total):>14} {_yuan(actual):>14} "
              f"{_yuan(owed):>18} {_yuan(error):>14}")  # fmt: skip
        for i, v in enumerate((w.total, actual, owed, abs(error), abs(w.total - actual))):
            sums[i] += v
    print(f"{'all':>4} {'':>10} {'':>10} {_yuan(sums[0]):>14} {_yuan(sums[1]):>14} "
          f"{_yuan(sums[2]):>18} {_yuan(sums[0] - sums[2]):>14}")  # fmt: skip
    print(f"against actual (owed at T): WAPE {_percent(sums[3], sums[2])}, "
          f"bias {_percent(sums[0] - sums[2], sums[2])}")  # fmt: skip
    print(f"against actual (all money in): WAPE {_percent(sums[4], sums[1])}, "
          f"bias {_percent(sums[0] - sums[1], sums[1])}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="a ledger to read (default: build the demo)")
    parser.add_argument("--weeks", type=int, default=13)
    parser.add_argument("--customers", type=int, default=None)
    parser.add_argument("--days", type=int, default=None)
    args = parser.parse_args()
    if args.db:
        db.open_ledger(args.db, create=False)
    else:
        folder = Path(tempfile.mkdtemp(prefix="qk-forecast-"))
        path = folder / "demo.qkledger"
        options = {k: v for k, v in (("customers", args.customers), ("days", args.days)) if v}
        demo.build_demo_file(path, **options)
        db.open_ledger(str(path))
    try:
        back_test(args.weeks)
    finally:
        db.close_ledger()


if __name__ == "__main__":
    main()
