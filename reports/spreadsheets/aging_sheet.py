"""Exporting the aging report as a spreadsheet (CSV or XLSX) for the boss and for scripts.

One row per customer with the header
``code,name,rep,route,balance,age_0_30,age_31_60,age_61_90,age_91_plus,in_credit,overdue``;
the bucket columns follow the ledger's configured aging edges, and ``in_credit`` (预收,
zero or negative) holds what a customer in credit paid in advance, so every row adds
across: the buckets plus in_credit make the balance. Amounts are ``1234.56`` in a
CSV (`models.vocabulary.money.format_plain`) and numeric cells with two decimals in an XLSX, built
from the integer fen through `Decimal`, never through float arithmetic. Both files are
written by `reports.spreadsheets.safe_export`, so a name such as ``=HYPERLINK(…)`` stays text.

The file is built in memory and written with `reports.typesetting.output.write_atomic` (temporary
file in the same folder, then `os.replace`), so a failure leaves no half-written file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from models.ledger.aging import age_all
from models.vocabulary.aging_records import AgingReport
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _
from reports.spreadsheets.safe_export import Amount, Cell, csv_bytes, xlsx_bytes
from reports.typesetting.files import check_destination, write_atomic

FORMATS = (".csv", ".xlsx")


def aging_header(report: AgingReport) -> list[str]:
    """The column names, following the report's bucket edges."""
    return [
        "code", "name", "rep", "route", "balance", *report.bucket_names, "in_credit", "overdue"
    ]  # fmt: skip


def _cells(report: AgingReport) -> list[list[Cell]]:
    return [
        [row.code, row.name, row.rep_name, row.route_name]
        + [Amount(f) for f in (row.balance, *row.buckets, row.in_credit, row.overdue)]
        for row in report.rows
    ]


def aging_csv(report: AgingReport, *, bom: bool = False) -> bytes:
    """The report as CSV bytes in UTF-8 (with a BOM when `bom`: Excel then shows Chinese
    names correctly when the file is double-clicked; scripts usually want none)."""
    return csv_bytes(aging_header(report), _cells(report), bom=bom)


def aging_xlsx(report: AgingReport) -> bytes:
    """The report as an XLSX workbook: a header row, then numeric amounts shown 0.00."""
    return xlsx_bytes("aging", aging_header(report), _cells(report))


def export_aging(
    out: str | Path, as_of: dt.date | None = None, *, bom: bool = False
) -> tuple[Path, int]:
    """Write every customer's aging as of `as_of` (default today) to `out`, a ``.csv``
    or ``.xlsx`` file. Returns the path and the number of customer rows.

    Raises `InputError` for another file type and `OutputError` when the file cannot be
    written (nothing is left behind).
    """
    path = check_table_destination(out)  # before the aging is computed
    report = age_all(as_of)
    data = aging_xlsx(report) if path.suffix.lower() == ".xlsx" else aging_csv(report, bom=bom)
    return write_atomic(path, data), len(report.rows)


# --- any table: the window's tables and the review's exports ---------------------------

TEXT, MONEY, COUNT, DATE, NUMBER = "text", "money", "count", "date", "number"


@dataclass(frozen=True)
class SheetColumn:
    """A column of an exported table: its header and what its values are.

    `kind` says how a value is written: TEXT (str, formula-safe), MONEY (int fen → a
    number with two decimals), COUNT (int), DATE (`datetime.date`; a datetime keeps its
    time) or NUMBER (`Decimal`, e.g. a rate). None is an empty cell.
    """

    header: str
    kind: str = TEXT


def _cell(value: object, kind: str) -> Cell:
    """A table value as a `reports.spreadsheets.safe_export` cell of its column's kind."""
    if value is None:
        return None
    if kind == MONEY:
        return Amount(value)  # type: ignore[arg-type]
    if kind == TEXT:
        return str(value)
    if isinstance(value, int | dt.date | Decimal) and not isinstance(value, bool):
        return value
    return str(value)


def cells_of(columns: Sequence[SheetColumn], rows: Iterable[Sequence[object]]) -> list[list[Cell]]:
    return [[_cell(v, c.kind) for v, c in zip(row, columns, strict=True)] for row in rows]


def table_csv(
    columns: Sequence[SheetColumn], rows: Iterable[Sequence[object]], *, bom: bool = False
) -> bytes:
    """A table as CSV bytes in UTF-8 (with a BOM when `bom`), amounts as ``1234.56``."""
    return csv_bytes([c.header for c in columns], cells_of(columns, rows), bom=bom)


def table_xlsx(
    columns: Sequence[SheetColumn], rows: Iterable[Sequence[object]], *, sheet_name: str = "data"
) -> bytes:
    """A table as an XLSX workbook: a frozen header row, money as numbers, dates as
    dates, columns as wide as their widest value."""
    return xlsx_bytes(
        sheet_name[:31] or "data", [c.header for c in columns], cells_of(columns, rows)
    )


def export_table(
    out: str | Path,
    columns: Sequence[SheetColumn],
    rows: Iterable[Sequence[object]],
    *,
    sheet_name: str = "data",
    bom: bool = False,
) -> Path:
    """Write a table to `out`, a ``.csv`` or ``.xlsx`` file, atomically; returns the path.

    Raises `InputError` for another file type and `OutputError` when the file cannot be
    written (nothing is left behind).
    """
    path = check_table_destination(out)
    if path.suffix.lower() == ".xlsx":
        data = table_xlsx(columns, rows, sheet_name=sheet_name)
    else:
        data = table_csv(columns, rows, bom=bom)
    return write_atomic(path, data)


def check_table_destination(out: str | Path) -> Path:
    """`out` as a path, when it names a .csv or .xlsx file that can be written."""
    path = Path(out).expanduser()
    if path.suffix.lower() not in FORMATS:
        raise InputError(
            _(
                "Export to a file ending in .csv or .xlsx, such as aging.xlsx (not ‘{name}’)."
            ).format(name=path.name)
        )
    return check_destination(path, spreadsheet=True)
