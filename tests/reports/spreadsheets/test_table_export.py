"""The one table export every window table and the review use: CSV and XLSX."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from models.vocabulary.errors import InputError
from reports.spreadsheets.aging_sheet import COUNT, DATE, MONEY, NUMBER, SheetColumn, export_table

COLUMNS = [
    SheetColumn("客户"),
    SheetColumn("date", DATE),
    SheetColumn("balance", MONEY),
    SheetColumn("visits", COUNT),
    SheetColumn("rate", NUMBER),
]
ROWS = [
    ["东城王记便利店（总店）", dt.date(2026, 11, 26), 1234567_89, 3, Decimal("66.7")],
    ["B", None, -5, 0, None],
]


def test_csv_amounts_plain_and_dates_iso(tmp_path: Path) -> None:
    path = export_table(tmp_path / "t.csv", COLUMNS, ROWS)
    assert path.read_text(encoding="utf-8").splitlines() == [
        "客户,date,balance,visits,rate",
        "东城王记便利店（总店）,2026-11-26,1234567.89,3,66.7",
        "B,,-0.05,0,",
    ]


def test_xlsx_numbers_dates_frozen_header_and_widths(tmp_path: Path) -> None:
    path = export_table(tmp_path / "t.xlsx", COLUMNS, ROWS, sheet_name="reps")
    book = openpyxl.load_workbook(path)
    sheet = book["reps"]
    assert sheet.freeze_panes == "A2"
    assert sheet["B2"].value == dt.datetime(2026, 11, 26) and sheet["B2"].is_date
    assert sheet["C2"].value == Decimal("1234567.89") or sheet["C2"].value == 1234567.89
    assert sheet["C2"].number_format == "0.00"
    assert sheet["C3"].value == Decimal("-0.05") or sheet["C3"].value == -0.05
    assert sheet["D2"].value == 3
    # A Chinese name takes two columns a character; the money column fits its commas.
    assert sheet.column_dimensions["A"].width >= 2 * len("东城王记便利店（总店）")
    assert sheet.column_dimensions["C"].width >= len("1,234,567.89")


def test_other_file_types_are_refused_before_writing(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"\.csv or \.xlsx"):
        export_table(tmp_path / "t.txt", COLUMNS, ROWS)
    assert not list(tmp_path.iterdir())


def test_text_a_spreadsheet_would_run_stays_text(tmp_path: Path) -> None:
    rows = [['=HYPERLINK("http://x","y")', dt.date(2026, 11, 26), 1_00, 1, None]]
    csv_path = export_table(tmp_path / "t.csv", COLUMNS, rows)
    assert csv_path.read_text(encoding="utf-8").splitlines()[1].startswith("\"'=HYPERLINK(")
    xlsx_path = export_table(tmp_path / "t.xlsx", COLUMNS, rows)
    cell = openpyxl.load_workbook(xlsx_path).active["A2"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x","y")'
