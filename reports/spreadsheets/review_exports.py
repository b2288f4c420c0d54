"""The per-rep and per-route tables as spreadsheets (``main.py export reps|routes``).

One row per rep (route), the customers without one in a row of their own with an empty
name, under the header
``rep,customers,balance,overdue,age_0_30,age_31_60,age_61_90,age_91_plus,collected_month,
promises_made,promises_kept,promises_broken`` (``route,…`` for routes; the age columns
follow the ledger's aging edges like the aging export). ``collected_month`` is the
payments dated from the first of the as-of date's month to the as-of date; promises are
counted by due date in that stretch (see `models.review.review`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from models.review.groups import GroupReview
from models.review.review import Review, review
from reports.spreadsheets.aging_sheet import (
    COUNT,
    MONEY,
    SheetColumn,
    check_table_destination,
    export_table,
)

GROUPINGS = ("rep", "route")


def group_columns(data: Review, by: str) -> list[SheetColumn]:
    """The export's columns for grouping `by` "rep" or "route"."""
    return [
        SheetColumn(by),
        SheetColumn("customers", COUNT),
        SheetColumn("balance", MONEY),
        SheetColumn("overdue", MONEY),
        *(SheetColumn(name, MONEY) for name in data.aging.bucket_names),
        SheetColumn("collected_month", MONEY),
        SheetColumn("promises_made", COUNT),
        SheetColumn("promises_kept", COUNT),
        SheetColumn("promises_broken", COUNT),
    ]


def group_row(g: GroupReview) -> list[object]:
    a = g.activity
    return [
        g.name,
        g.customers,
        g.balance,
        g.overdue,
        *g.buckets,
        a.collected,
        a.promises_made,
        a.promises_kept,
        a.promises_broken,
    ]


def export_groups(
    out: str | Path, by: str, as_of: dt.date | None = None, *, bom: bool = False
) -> tuple[Path, int]:
    """Write the per-rep (`by` = "rep") or per-route table as of `as_of` (default today)
    to a .csv or .xlsx file; returns the path and the number of rows."""
    if by not in GROUPINGS:
        raise ValueError(f"group by rep or route, not {by!r}")
    check_table_destination(out)  # before the review is computed
    data = review(as_of)
    groups = data.reps if by == "rep" else data.routes
    rows = [group_row(g) for g in groups]
    path = export_table(out, group_columns(data, by), rows, sheet_name=f"{by}s", bom=bom)
    return path, len(rows)
