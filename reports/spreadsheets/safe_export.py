"""Spreadsheet files (CSV and XLSX) that never carry a formula: every export writes here.

A customer named ``=HYPERLINK("http://x","y")`` or ``=cmd|' /C calc'!A0`` is text typed
by a clerk or imported from a file; Excel, WPS and LibreOffice would run it as a formula
if an export handed it over as written. So every text cell goes through one rule:

- CSV: text that a spreadsheet would read as a formula gets a leading ``'`` (the OWASP
  rule for CSV injection): it starts with ``=``, ``+``, ``-``, ``@``, a tab, a carriage
  return or a line feed, or their full-width forms ``＝ ＋ － ＠`` (which Chinese and
  Japanese spreadsheets also take as formulas), possibly after spaces
  (half- or full-width).
- XLSX: text is always a string cell, never a formula; formula-like text is also marked
  "quote prefix", so editing the cell in Excel keeps it text. Characters XML cannot
  hold (old ledgers may have them) become U+FFFD instead of breaking the file.

Numbers are never escaped: an `Amount` (fen) is written as a number (``-12.34`` in a
CSV, a numeric cell shown ``0.00`` in an XLSX), an ``int`` as an integer, a `Decimal`
(a rate) as a number. A date is ``2026-11-26`` in a CSV and a date cell in an XLSX (a
datetime keeps its hours and minutes). XLSX columns are as wide as their widest value
among the first 10,000 rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from models.vocabulary.money import Fen, format_plain

WIDTH_SAMPLE = 10_000  # rows an XLSX column's width is measured on
_FORMULA_START = tuple("=+-@\t\r\n＝＋－＠")
# Characters an XLSX (XML 1.0) cell cannot hold: C0 except tab, CR, LF.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class Amount:
    """A money amount for a spreadsheet: a number cell, never text."""

    fen: Fen


Cell = str | int | Amount | dt.date | Decimal | None


def looks_like_formula(text: str) -> bool:
    """Would Excel, WPS or LibreOffice read `text`, typed or opened, as a formula?"""
    return text.lstrip(" \u3000").startswith(_FORMULA_START)


def csv_text(text: str) -> str:
    """`text` as a CSV cell that opens as text: formula-like text gets a leading ``'``."""
    return "'" + text if looks_like_formula(text) else text


def _csv_value(value: Cell) -> str | int:
    if value is None:
        return ""
    if isinstance(value, Amount):
        return format_plain(value.fen)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date | Decimal):
        return str(value)
    if isinstance(value, bool) or not isinstance(value, int):
        return csv_text(str(value))
    return value


def _width(value: Cell) -> int:
    """Columns a spreadsheet needs to show `value`: Chinese characters take two, money
    gets room for its thousands separators."""
    text = str(_csv_value(value))
    extra = len(text) // 3 if isinstance(value, Amount) else 0
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text) + extra


# The common cell types straight to their writer: an export of 10,000 customers writes
# 100,000 cells, and `_csv_value`'s chain of isinstance tests was half of its time.
_CSV_BY_TYPE: dict[type, Callable[[Any], str | int]] = {
    str: csv_text,
    Amount: lambda a: format_plain(a.fen),
    int: lambda i: i,
    type(None): lambda _none: "",
}


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Cell]], *, bom: bool = False) -> bytes:
    """A CSV file in UTF-8 (with a BOM when `bom`, for Excel) with CRLF line ends."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([_csv_value(h) for h in header])
    by_type, other = _CSV_BY_TYPE.get, _csv_value
    writer.writerows([by_type(type(v), other)(v) for v in row] for row in rows)
    return text.getvalue().encode("utf-8-sig" if bom else "utf-8")


def xlsx_bytes(title: str, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """A one-sheet XLSX workbook: the header row frozen, amounts as numbers (0.00)."""
    return xlsx_book([(title, header, rows)])


def xlsx_book(sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Cell]]]]) -> bytes:
    """An XLSX workbook of several sheets (title, header, rows), each like `xlsx_bytes`'s."""
    # Imported here: openpyxl takes a while to import and only exports need it.
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.freeze_panes = "A2"
        # Widths from the first rows only: a write-only sheet needs them before any row,
        # and holding a million entries to measure them all took over 500 MB.
        rows = iter(rows)
        first = [list(r) for r in itertools.islice(rows, WIDTH_SAMPLE)]
        _fit_columns(sheet, header, first)
        sheet.append([_xlsx_cell(sheet, h) for h in header])
        for row in itertools.chain(first, rows):
            sheet.append([_xlsx_cell(sheet, v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _fit_columns(sheet: object, header: Sequence[str], rows: list[list[Cell]]) -> None:
    """Set each column as wide as its widest value in `rows` (before any row is written:
    write-only sheets)."""
    from openpyxl.utils import get_column_letter

    for i, title in enumerate(header):
        widest = max([_width(title), *(_width(r[i]) for r in rows if i < len(r))])
        sheet.column_dimensions[get_column_letter(i + 1)].width = min(widest + 2, 60)  # type: ignore[attr-defined]


def _xlsx_cell(sheet: object, value: Cell) -> object:
    from openpyxl.cell import WriteOnlyCell

    if value is None or value == "":
        # No cell at all: an entries export has a blank memo or number on most rows,
        # and writing them doubled the XML (1,000,000 entries: 450 MB unpacked, over
        # what an import will open). A spreadsheet shows both the same.
        return None
    if isinstance(value, Amount):
        # Exact: Decimal(123456) / 100 is 1234.56 with no binary rounding.
        cell = WriteOnlyCell(sheet, value=Decimal(value.fen) / 100)
        cell.number_format = "0.00"
        return cell
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return WriteOnlyCell(sheet, value=value)
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "yyyy-mm-dd hh:mm" if isinstance(value, dt.datetime) else "yyyy-mm-dd"
        return cell
    text = _NOT_XML.sub("\ufffd", str(value))
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # openpyxl would make "=…" a formula: text stays text
    if looks_like_formula(text):
        cell.quotePrefix = True
    return cell
