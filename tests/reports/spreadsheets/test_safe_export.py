"""Exports never carry formulas (issue 7, point 3): a customer named like a formula is
text in the CSV (a leading ') and a string cell in the XLSX; numbers stay numbers."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from models.ledger import customers, posting
from models.storage.db import database, placeholders
from models.vocabulary.customer_records import CustomerDraft
from reports.spreadsheets.aging_sheet import export_aging
from reports.spreadsheets.safe_export import Amount, csv_bytes, looks_like_formula, xlsx_bytes

NAMES = [
    '=HYPERLINK("http://x","y")',
    "=cmd|' /C calc'!A0",
    "+1",
    "-2",
    "@SUM(A1)",
    "＝1+1",  # full-width: WPS and Japanese/Chinese Excel take it as a formula too
]
# Older ledgers may hold tab- or CR-led names (the model refuses them now).
LEGACY = ["\t=1+1", "\r=1+1", "\n@x"]


def _ledger() -> None:
    for n, name in enumerate(NAMES, start=1):
        customers.add_customer(CustomerDraft(code=f"C{n}", name=name))
    for n, name in enumerate(LEGACY, start=len(NAMES) + 1):
        database.execute_sql(
            placeholders(
                "INSERT INTO customer (code, name, contact, phones, address, payer, "
                "route_position, terms_kind, terms_days, notes, archived, search_key, "
                "created_at) VALUES (?, ?, '', '', '', '', 0, 'cash', 0, '', ?, '', ?)"
            ),
            (f"C{n}", name, False, dt.datetime(2026, 1, 1)),
        )
    plain = customers.add_customer(CustomerDraft(code="Z1", name="东城王记")).id
    posting.post_opening(plain, dt.date(2026, 11, 1), -20_00)  # in credit: negative


def test_xlsx_has_no_formula_cells(ledger: str, tmp_path: Path) -> None:
    _ledger()
    path, rows = export_aging(tmp_path / "a.xlsx", dt.date(2026, 11, 26))
    assert rows == len(NAMES) + len(LEGACY) + 1
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    sheet = openpyxl.load_workbook(path).active
    by_code = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    for n, name in enumerate(NAMES + LEGACY, start=1):
        cell = by_code[f"C{n}"][1]
        assert cell.data_type == "s", name
        assert cell.value == name.replace("\r", "\n") or cell.value == name
        assert cell.quotePrefix  # editing it in Excel keeps it text
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    balance = by_code["Z1"][4]
    assert balance.data_type == "n" and balance.value == -20


def test_csv_prefixes_formula_text(ledger: str, tmp_path: Path) -> None:
    _ledger()
    path, _rows = export_aging(tmp_path / "a.csv", dt.date(2026, 11, 26))
    data = path.read_bytes()
    zeros = b",0.00" * 5
    assert b'C1,"\'=HYPERLINK(""http://x"",""y"")",,' + zeros in data
    assert b"C2,'=cmd|' /C calc'!A0,," + zeros in data
    assert b"C3,'+1,," + zeros in data
    assert b"C4,'-2,," + zeros in data
    assert b"C5,'@SUM(A1),," + zeros in data
    assert "C6,'＝1+1,,".encode() + zeros in data
    assert b"C7,'\t=1+1,," + zeros in data
    assert b'C8,"\'\r=1+1",,' + zeros in data
    assert b'C9,"\'\n@x",,' + zeros in data
    # A negative amount is a number, not escaped text.
    assert b"Z1,\xe4\xb8\x9c\xe5\x9f\x8e\xe7\x8e\x8b\xe8\xae\xb0,,,-20.00," in data


@pytest.mark.parametrize(
    ("text", "formula"),
    [
        ("=1", True),
        ("-", True),
        ("  =1+1", True),
        ("\u3000=1", True),
        ("a=1", False),
        ("王-记", False),
        ("", False),
        (" ", False),
    ],
)
def test_looks_like_formula(text: str, formula: bool) -> None:
    assert looks_like_formula(text) is formula


def test_numbers_stay_numbers_in_both_formats() -> None:
    rows = [["-2", Amount(-2_00), -3]]
    assert csv_bytes(["t", "a", "n"], rows).splitlines()[1] == b"'-2,-2.00,-3"
    import io

    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes("x", ["t", "a", "n"], rows))).active
    text, amount, number = sheet[2]
    assert (text.data_type, text.value) == ("s", "-2")
    assert (amount.data_type, amount.value, amount.number_format) == ("n", -2, "0.00")
    assert (number.data_type, number.value) == ("n", -3)


def test_characters_xml_cannot_hold_do_not_break_the_xlsx() -> None:
    import io

    data = xlsx_bytes("x", ["name"], [["王\x1b记"]])
    assert openpyxl.load_workbook(io.BytesIO(data)).active["A2"].value == "王\ufffd记"


def test_blank_text_is_no_cell_at_all() -> None:
    """A blank memo or number writes nothing: an entries export of a million rows stays
    small enough for the import to open again, and the sheet looks the same."""
    import io

    data = xlsx_bytes("x", ["code", "memo", "amount"], [["C1", "", Amount(1_00)]])
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[2]] == ["C1", None, 1]
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        xml = book.read("xl/worksheets/sheet1.xml").decode()
    assert 'r="B2"' not in xml


def test_long_sheets_stream_with_widths_from_their_first_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A million-row export is written as it is read: the widths come from the first
    rows, and every row still lands in the sheet, in order."""
    import io

    from reports.spreadsheets import safe_export

    monkeypatch.setattr(safe_export, "WIDTH_SAMPLE", 2)
    rows = ([name] for name in ("王记", "东城王记", "x" * 40))  # a generator, read once
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes("x", ["name"], rows))).active
    assert [c.value for (c,) in sheet.iter_rows(min_row=2)] == ["王记", "东城王记", "x" * 40]
    assert sheet.column_dimensions["A"].width == len("东城王记") * 2 + 2  # not 40 + 2
