"""The aging export: header, amounts, edges, formats, atomic write."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from models.ledger import customers, posting
from models.ledger.settings import save_company
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.customer_records import CustomerDraft
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.errors import InputError
from reports.spreadsheets.aging_sheet import export_aging
from reports.typesetting.output import OutputError


def _ledger() -> None:
    c1 = customers.add_customer(CustomerDraft(code="C1", name="东城王记")).id
    customers.add_customer(CustomerDraft(code="C2", name="西关, 李记"))  # a comma in a name
    posting.post_delivery(c1, dt.date(2026, 7, 1), 1234_56, doc_no="D1")
    posting.post_delivery(c1, dt.date(2026, 11, 20), 10_01, doc_no="D2")
    posting.post_payment(c1, dt.date(2026, 11, 21), 34_56, PaymentMethod.CASH)


def test_csv(ledger: str, tmp_path: Path) -> None:
    _ledger()
    out = tmp_path / "out"
    out.mkdir()
    path, rows = export_aging(out / "a.csv", dt.date(2026, 11, 26))
    assert rows == 2
    assert path.read_bytes().splitlines() == [
        b"code,name,rep,route,balance,age_0_30,age_31_60,age_61_90,age_91_plus,in_credit,overdue",
        "C1,东城王记,,,1210.01,10.01,0.00,0.00,1200.00,0.00,1210.01".encode(),
        'C2,"西关, 李记",,,0.00,0.00,0.00,0.00,0.00,0.00,0.00'.encode(),
    ]
    assert list(out.iterdir()) == [path]  # no temporary file left


def test_csv_bom_for_excel(ledger: str, tmp_path: Path) -> None:
    path, _rows = export_aging(tmp_path / "a.csv", bom=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfcode,name")


def test_bucket_names_follow_edges(ledger: str, tmp_path: Path) -> None:
    save_company(CompanySettings(aging_edges=(15, 45)))
    path, _rows = export_aging(tmp_path / "a.csv")
    assert path.read_text(encoding="utf-8").splitlines()[0] == (
        "code,name,rep,route,balance,age_0_15,age_16_45,age_46_plus,in_credit,overdue"
    )


def test_xlsx_numeric_cells(ledger: str, tmp_path: Path) -> None:
    _ledger()
    path, _rows = export_aging(tmp_path / "a.xlsx", dt.date(2026, 11, 26))
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]][:5] == ["code", "name", "rep", "route", "balance"]
    balance = sheet["E2"]
    assert Decimal(str(balance.value)) == Decimal("1210.01")
    assert balance.number_format == "0.00"
    assert sheet["A3"].value == "C2"


def test_customer_in_credit_adds_across(ledger: str, tmp_path: Path) -> None:
    """A customer who paid ¥300.00 on a ¥100.00 delivery: −200.00 in credit (预收), in the
    CSV and in the XLSX; every row's buckets plus in_credit make its balance."""
    _ledger()
    c3 = customers.add_customer(CustomerDraft(code="C3", name="预付客户")).id
    posting.post_delivery(c3, dt.date(2026, 11, 1), 100_00, doc_no="SD-3")
    posting.post_payment(c3, dt.date(2026, 11, 2), 300_00, PaymentMethod.CASH)
    path, _rows = export_aging(tmp_path / "a.csv", dt.date(2026, 11, 26))
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    assert rows[3] == ["C3", "预付客户", "", "", "-200.00", *["0.00"] * 4, "-200.00", "0.00"]
    for row in rows[1:]:
        fen = [round(Decimal(v) * 100) for v in row[4:]]
        assert sum(fen[1:-1]) == fen[0], row  # buckets + in credit = balance
    path, _rows = export_aging(tmp_path / "a.xlsx", dt.date(2026, 11, 26))
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]][9] == "in_credit"
    assert Decimal(str(sheet["J4"].value)) == Decimal("-200.00")


def test_bad_destinations(ledger: str, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"\.csv or \.xlsx"):
        export_aging(tmp_path / "a.txt")
    with pytest.raises(OutputError, match="does not exist"):
        export_aging(tmp_path / "missing" / "a.csv")
    (tmp_path / "dir.csv").mkdir()
    with pytest.raises(OutputError, match="is a folder"):
        export_aging(tmp_path / "dir.csv")
