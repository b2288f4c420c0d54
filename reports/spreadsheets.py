"""Exporting the aging report as a spreadsheet (CSV or XLSX) for the boss and for scripts.

One row per customer with the header
``code,name,rep,route,balance,age_0_30,age_31_60,age_61_90,age_91_plus,overdue``; the
bucket columns follow the ledger's configured aging edges. Amounts are ``1234.56`` in a
CSV (`models.money.format_plain`) and numeric cells with two decimals in an XLSX, built
from the integer fen through `Decimal`, never through float arithmetic.

The file is built in memory and written with `reports.output.write_atomic` (temporary
file in the same folder, then `os.replace`), so a failure leaves no half-written file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from models.aging import age_all
from models.errors import InputError
from models.i18n import _
from models.money import Fen, format_plain
from models.records import AgingReport, AgingRow
from reports.output import check_destination, write_atomic

FORMATS = (".csv", ".xlsx")


def aging_header(report: AgingReport) -> list[str]:
    """The column names, following the report's bucket edges."""
    return ["code", "name", "rep", "route", "balance", *report.bucket_names, "overdue"]


def _amounts(row: AgingRow) -> list[Fen]:
    return [row.balance, *row.buckets, row.overdue]


def aging_csv(report: AgingReport, *, bom: bool = False) -> bytes:
    """The report as CSV bytes in UTF-8 (with a BOM when `bom`: Excel then shows Chinese
    names correctly when the file is double-clicked; scripts usually want none)."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(aging_header(report))
    for row in report.rows:
        writer.writerow(
            [row.code, row.name, row.rep_name, row.route_name]
            + [format_plain(f) for f in _amounts(row)]
        )
    return text.getvalue().encode("utf-8-sig" if bom else "utf-8")


def aging_xlsx(report: AgingReport) -> bytes:
    """The report as an XLSX workbook: a header row, then numeric amounts shown 0.00."""
    # Imported here: openpyxl takes a while to import and only this export needs it.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("aging")
    sheet.freeze_panes = "A2"
    sheet.append(aging_header(report))
    for row in report.rows:
        cells: list[object] = [row.code, row.name, row.rep_name, row.route_name]
        for fen in _amounts(row):
            # Exact: Decimal(123456) / 100 is 1234.56 with no binary rounding.
            cell = WriteOnlyCell(sheet, value=Decimal(fen) / 100)
            cell.number_format = "0.00"
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


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
MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"


@dataclass(frozen=True)
class SheetColumn:
    """A column of an exported table: its header and what its values are.

    `kind` says how a value is written: TEXT (str), MONEY (int fen → a number with two
    decimals), COUNT (int), DATE (`datetime.date`; a datetime keeps its time) or NUMBER
    (`Decimal`, e.g. a rate). None is an empty cell.
    """

    header: str
    kind: str = TEXT


def _csv_value(value: object, kind: str) -> str:
    if value is None:
        return ""
    if kind == MONEY:
        return format_plain(value)  # type: ignore[arg-type]
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def table_csv(
    columns: Sequence[SheetColumn], rows: Iterable[Sequence[object]], *, bom: bool = False
) -> bytes:
    """A table as CSV bytes in UTF-8 (with a BOM when `bom`), amounts as ``1234.56``."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([c.header for c in columns])
    for row in rows:
        writer.writerow([_csv_value(v, c.kind) for v, c in zip(row, columns, strict=True)])
    return text.getvalue().encode("utf-8-sig" if bom else "utf-8")


def _text_width(text: str) -> int:
    """Columns a spreadsheet needs for `text`: Chinese characters take two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def table_xlsx(
    columns: Sequence[SheetColumn], rows: Iterable[Sequence[object]], *, sheet_name: str = "data"
) -> bytes:
    """A table as an XLSX workbook: a frozen header row, money as numbers shown
    ``#,##0.00``, dates as dates, columns as wide as their widest value."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    rows = [list(r) for r in rows]
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_name[:31] or "data")
    sheet.freeze_panes = "A2"
    for i, col in enumerate(columns):
        widest = max(
            [_text_width(col.header), *(_text_width(_csv_value(r[i], col.kind)) for r in rows)]
        )
        # Room for the thousands separators a money format adds, and a little margin.
        extra = widest // 3 if col.kind == MONEY else 0
        sheet.column_dimensions[get_column_letter(i + 1)].width = min(widest + extra + 2, 60)
    sheet.append([c.header for c in columns])
    for row in rows:
        cells: list[object] = []
        for value, col in zip(row, columns, strict=True):
            cell = WriteOnlyCell(sheet, value=_xlsx_value(value, col.kind))
            if col.kind == MONEY:
                cell.number_format = MONEY_FORMAT
            elif col.kind == DATE and value is not None:
                is_time = isinstance(value, dt.datetime)
                cell.number_format = DATE_FORMAT + (" hh:mm" if is_time else "")
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_value(value: object, kind: str) -> object:
    if value is None:
        return None
    if kind == MONEY:
        return Decimal(value) / 100  # type: ignore[arg-type]
    if kind == TEXT:
        return str(value)
    return value


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
                "Export to a file ending in .csv or .xlsx, such as aging.xlsx (not “{name}”)."
            ).format(name=path.name)
        )
    return check_destination(path, spreadsheet=True)
