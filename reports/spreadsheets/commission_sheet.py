"""The month's collection commission and the cash forecast as spreadsheets
(``main.py export commission|forecast``). No formulas: every total is a written value.

Commission, XLSX: a ``summary`` sheet, one row per rep (the customers without a rep in a
row with an empty name) and a ``total`` row last, under the header
``rep,collected,age_0_30,age_31_90,age_91_plus,earned,tail_cuts,writeoffs,deducted,
commission`` (the age columns follow the commission's bands); and a ``lines`` sheet, one
row per payment, tail cut or write-off:
``rep,date,code,name,kind,doc_no,amount,age_0_30,…,commission``. A CSV holds the lines
alone (one table per file). The summary's ``collected`` total is the month's collections.

Forecast: one row per week ``week,start,end,promised,usual,total``, then the rows
``later`` and ``doubtful`` and ``receivable`` (start and end empty), which add up:
the weeks, later and doubtful make the receivable.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from models.review.commission import CommissionReport, RepCommission, commission
from models.review.forecast import Forecast, forecast
from models.vocabulary.aging_records import bucket_names
from reports.spreadsheets.aging_sheet import (
    DATE,
    MONEY,
    SheetColumn,
    cells_of,
    check_table_destination,
    table_csv,
)
from reports.spreadsheets.safe_export import xlsx_book
from reports.typesetting.output import write_atomic


def _bands(report: CommissionReport) -> list[SheetColumn]:
    return [SheetColumn(name, MONEY) for name in bucket_names(report.rules.edges)]


def summary_columns(report: CommissionReport) -> list[SheetColumn]:
    return [
        SheetColumn("rep"),
        SheetColumn("collected", MONEY),
        *_bands(report),
        *(SheetColumn(name, MONEY) for name in ("earned", "tail_cuts", "writeoffs")),
        SheetColumn("deducted", MONEY),
        SheetColumn("commission", MONEY),
    ]


def _summary(name: str, r: RepCommission | CommissionReport, tails: int, offs: int) -> list:
    return [name, r.collected, *r.collected_by_band, r.earned, tails, offs, r.deducted,
            r.commission]  # fmt: skip


def summary_rows(report: CommissionReport) -> list[list[object]]:
    rows = [_summary(r.name, r, r.tail_cuts, r.writeoffs) for r in report.reps]
    tails = sum(r.tail_cuts for r in report.reps)
    offs = sum(r.writeoffs for r in report.reps)
    rows.append(_summary("total", report, tails, offs))
    return rows


def line_columns(report: CommissionReport) -> list[SheetColumn]:
    return [
        SheetColumn("rep"),
        SheetColumn("date", DATE),
        SheetColumn("code"),
        SheetColumn("name"),
        SheetColumn("kind"),
        SheetColumn("doc_no"),
        SheetColumn("amount", MONEY),
        *_bands(report),
        SheetColumn("commission", MONEY),
    ]


def line_rows(report: CommissionReport) -> list[list[object]]:
    return [
        [
            r.name,
            x.date,
            x.code,
            x.name,
            x.kind.value,
            x.doc_no,
            x.amount,
            *x.by_band,
            x.commission,
        ]  # fmt: skip
        for r in report.reps
        for x in r.lines
    ]


def export_commission(out: str | Path, month: dt.date, *, bom: bool = False) -> tuple[Path, int]:
    """Write `month`'s commission to a .xlsx (summary and lines) or .csv (lines) file;
    returns the path and the number of lines."""
    path = check_table_destination(out)  # before anything is computed
    report = commission(month)
    lines = line_rows(report)
    if path.suffix.lower() == ".xlsx":
        summary = summary_columns(report)
        detail = line_columns(report)
        data = xlsx_book(
            [
                ("summary", [c.header for c in summary], cells_of(summary, summary_rows(report))),
                ("lines", [c.header for c in detail], cells_of(detail, lines)),
            ]
        )
    else:
        data = table_csv(line_columns(report), lines, bom=bom)
    return write_atomic(path, data), len(lines)


FORECAST_COLUMNS = [
    SheetColumn("week"),
    SheetColumn("start", DATE),
    SheetColumn("end", DATE),
    SheetColumn("promised", MONEY),
    SheetColumn("usual", MONEY),
    SheetColumn("total", MONEY),
]


def forecast_rows(f: Forecast) -> list[list[object]]:
    rows: list[list[object]] = [
        [str(k + 1), w.start, w.end, w.promised, w.usual, w.total] for k, w in enumerate(f.weeks)
    ]
    rows.append(["later", None, None, None, None, f.later])
    rows.append(["doubtful", None, None, None, None, f.doubtful])
    rows.append(["receivable", None, None, None, None, f.receivable])
    return rows


def export_forecast(
    out: str | Path, as_of: dt.date | None = None, weeks: int = 13, *, bom: bool = False
) -> tuple[Path, Forecast]:
    """Write the forecast of `weeks` weeks after `as_of` (default today) to a .xlsx or
    .csv file; returns the path and the forecast."""
    path = check_table_destination(out)
    f = forecast(as_of, weeks)
    rows = forecast_rows(f)
    if path.suffix.lower() == ".xlsx":
        header = [c.header for c in FORECAST_COLUMNS]
        data = xlsx_book([("forecast", header, cells_of(FORECAST_COLUMNS, rows))])
    else:
        data = table_csv(FORECAST_COLUMNS, rows, bom=bom)
    return write_atomic(path, data), f
