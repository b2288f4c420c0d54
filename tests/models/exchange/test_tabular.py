"""Reading spreadsheets: encodings, delimiters, XLSX cell values, headers; text parsers."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest

from models.exchange.importing.columns import Column
from models.exchange.importing.headers import map_columns, normalise_header
from models.exchange.importing.reading import decode_text, read_sheet
from models.exchange.importing.workbooks import cell_text
from models.vocabulary.entry_records import EntryKind, PaymentMethod
from models.vocabulary.errors import InputError
from models.vocabulary.parsing import parse_date, parse_datetime, parse_kind, parse_method

TEXT = "编号,名称\nC1,东城王记\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),  # GBK is a subset of GB18030
        (TEXT.replace(",", "\t").encode("utf-16"), "utf-16"),  # Excel's "Unicode text"
    ],
)
def test_encodings_detected(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    sheet = read_sheet(path)
    assert sheet.encoding == encoding
    assert sheet.headers == ("编号", "名称")
    assert sheet.rows == ((2, ("C1", "东城王记")),)


def test_undecodable_text() -> None:
    with pytest.raises(InputError, match="CSV UTF-8"):
        decode_text(b"code,name\n\x81", "x.csv")  # a lone lead byte: neither UTF-8 nor GB18030


def test_rows_keep_spreadsheet_numbers(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text('\n\ncode,name\nC1,"two\nlines"\n\nC2,x\n', encoding="utf-8")
    sheet = read_sheet(path)
    assert sheet.header_row == 3
    assert [n for n, _cells in sheet.rows] == [4, 6]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (1001, "1001"),
        (1001.0, "1001"),
        (1234.56, "1234.56"),
        (0.1 + 0.2, "0.3"),
        (13800138000.0, "13800138000"),
        (dt.datetime(2026, 12, 14), "2026-12-14"),
        (dt.datetime(2026, 12, 14, 10, 30), "2026-12-14 10:30"),
        (dt.date(2026, 12, 14), "2026-12-14"),
        ("  x ", "  x "),
    ],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_header_normalisation() -> None:
    assert normalise_header(" Customer Code ") == "customer_code"
    assert normalise_header("AMOUNT") == "amount"
    assert normalise_header("金额（元）") == "金额"
    assert normalise_header("\ufeff编号*") == "编号"
    assert normalise_header("doc-no") == "doc_no"


def test_map_columns_reports_missing_and_ignored(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("Name,备注,序号\nx,y,1\n", encoding="utf-8")
    columns = (
        Column("code", "编号", required=True),
        Column("name", "名称"),
        Column("notes", "备注"),
    )
    with pytest.raises(InputError, match=r"lacks the column code \(编号\)\.$"):
        map_columns(read_sheet(path), columns)
    path.write_text("Name,备注,序号,编号\nx,y,1,C1\n", encoding="utf-8")
    found = map_columns(read_sheet(path), columns)
    assert found.index == {"name": 0, "notes": 1, "code": 3}
    assert found.ignored == ("序号",)


@pytest.mark.parametrize(
    "text", ["2026-12-14", "2026/12/14", "2026.12.14", "2026年12月14日", "2026-1-5", " 2026/01/05 "]
)
def test_parse_date_forms(text: str) -> None:
    assert parse_date(text) in (dt.date(2026, 12, 14), dt.date(2026, 1, 5))


def test_parse_date_strict_and_bad() -> None:
    assert parse_date("2026-12-14", strict=True) == dt.date(2026, 12, 14)
    for bad in ("2026/12/14", "2026-1-5", "14.12.2026"):
        with pytest.raises(InputError, match="YYYY-MM-DD"):
            parse_date(bad, strict=True)
    with pytest.raises(InputError, match="not a day of the calendar"):
        parse_date("2026-02-30")
    with pytest.raises(InputError, match="empty"):
        parse_date(" ")


def test_parse_datetime() -> None:
    assert parse_datetime("2026-12-14 10:00") == dt.datetime(2026, 12, 14, 10, 0)
    assert parse_datetime("2026/12/14 9:05") == dt.datetime(2026, 12, 14, 9, 5)
    assert parse_datetime("2026-12-14T16:30:00") == dt.datetime(2026, 12, 14, 16, 30)
    with pytest.raises(InputError, match="HH:MM"):
        parse_datetime("2026-12-14")
    with pytest.raises(InputError, match="real date and time"):
        parse_datetime("2026-12-14 25:00")


def test_kinds_and_methods_in_both_languages() -> None:
    assert parse_kind("送货") is parse_kind("Delivery") is EntryKind.DELIVERY
    assert parse_kind("核销") is parse_kind("write-off") is EntryKind.WRITEOFF
    assert parse_kind("期初") is EntryKind.OPENING
    assert parse_method("支票") is parse_method("CHEQUE") is PaymentMethod.CHEQUE
    assert parse_method("银行承兑汇票") is PaymentMethod.DRAFT
    assert parse_method("微信") is parse_method("WeChat") is PaymentMethod.WECHAT
    with pytest.raises(InputError, match="not an entry kind"):
        parse_kind("bounce")
    with pytest.raises(InputError, match="not a payment method"):
        parse_method("bitcoin")


def test_row_wider_than_header(tmp_path: Path) -> None:
    """A CSV amount 1,000.00 without quotes splits into two cells: the row is too wide."""
    path = tmp_path / "t.csv"
    path.write_text(
        "客户编号,日期,类型,金额,单号\n"
        "C1,2026/11/25,送货,1,000.00,SH-77\n"
        "C1,2026/11/25,送货,5,SH-78,,\n"  # empty trailing cells are fine
        "C1,2026/11/25,送货,5\n",  # so are missing ones
        encoding="utf-8",
    )
    sheet = read_sheet(path)
    assert sheet.width == 5
    problems = [sheet.overflow(cells) for _n, cells in sheet.rows]
    assert problems[1:] == ["", ""]
    assert problems[0].startswith("the row has 6 cells but the header has 5:")
    assert "thousands comma" in problems[0]


def test_xlsx_values_beyond_the_header(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["code", "name", None])
    book.active.append(["C1", "x", None, "stray"])
    book.active.append(["C2", "y"])
    path = tmp_path / "t.xlsx"
    book.save(path)
    sheet = read_sheet(path)
    first, second = (sheet.overflow(cells) for _n, cells in sheet.rows)
    assert first.startswith("the row has values in 4 columns but the header names only 2")
    assert second == ""


def test_text_file_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("code,name\nC1,x\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"‘fake.xlsx’ is not an Excel workbook.*\.xlsx .*CSV"):
        read_sheet(path)
