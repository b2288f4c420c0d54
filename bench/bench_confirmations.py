"""Confirmations on a ledger of many printed statements: what Today, the customer page
and the review read (`models.papers.confirmation_figures`).

``uv run python bench/bench_confirmations.py [--statements 100000] [--customers 1000]
[--runs 5]`` builds a throwaway ledger in a temporary folder (every customer sent a
statement a day, every third answered 相符, every 50th disputed) and prints min, median
and max of each read. The ledger is deleted afterwards.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Row, print_table, timed  # noqa: E402
from models.ledger import customers  # noqa: E402
from models.papers import confirmation_figures as figures  # noqa: E402
from models.storage import db  # noqa: E402
from models.storage.tables import StatementNoRow, StatementReplyRow  # noqa: E402
from models.vocabulary.customer_records import CustomerDraft  # noqa: E402

ON = dt.date(2026, 11, 26)


def build(statements: int, customer_count: int) -> list[int]:
    ids = [
        customers.add_customer(CustomerDraft(code=f"C{i:05d}", name=f"店{i}")).id
        for i in range(customer_count)
    ]
    start = dt.datetime(2026, 11, 1, 9)
    rows = []
    for i in range(statements):
        printed = start - dt.timedelta(days=i // customer_count)
        rows.append({
            "customer": ids[i % customer_count], "period_from": dt.date(2026, 1, 1),
            "period_to": printed.date(), "as_of": printed.date(), "balance": 100_00,
            "created_at": printed, "reply_by": printed.date() + dt.timedelta(days=7),
        })  # fmt: skip
    replies = [
        {"statement": n, "agreed": n % 50 != 0, "recorded_at": start,
         "customer_amount": None if n % 50 else 90_00, "reason": "" if n % 50 else "少"}
        for n in range(1, statements + 1, 3)
    ]  # fmt: skip
    with db.transaction():
        for table, data in ((StatementNoRow, rows), (StatementReplyRow, replies)):
            for s in range(0, len(data), 500):
                table.insert_many(data[s : s + 500]).execute()
    return ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--customers", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="qk-bench-confirm-"))
    try:
        db.open_ledger(str(folder / "bench.qkledger"))
        ids = build(args.statements, args.customers)
        print(f"{args.statements:,} statements of {args.customers:,} customers, "
              f"{StatementReplyRow.select().count():,} replies")  # fmt: skip
        rows = [
            Row("Today: open disputes", "", timed(lambda: figures.open_disputes(ON), args.runs)),
            Row(
                "Today: unanswered past reply-by",
                "",
                timed(lambda: figures.unanswered(ON), args.runs),
            ),  # fmt: skip
            Row(
                "customer page: disputes + last confirmed",
                "",
                timed(
                    lambda: (figures.open_disputes(ON, ids[7]), figures.last_confirmed(ids[7], ON)),
                    args.runs,
                ),
            ),  # fmt: skip
            Row(
                "review: confirmed vs unconfirmed",
                "",
                timed(lambda: figures.confirmation_summary(ON), args.runs),
            ),  # fmt: skip
        ]
        print_table(rows)
    finally:
        db.close_ledger()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
