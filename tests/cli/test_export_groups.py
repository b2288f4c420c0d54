"""``export reps`` and ``export routes``: the exact header, one row per rep (route), the
customers without one in a row of their own, numbers as numbers in the XLSX."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from cli.commands import run
from cli.parser import build_parser
from tests.review_data import build_review_ledger

HEADER = (
    "rep,customers,balance,overdue,age_0_30,age_31_60,age_61_90,age_91_plus,"
    "collected_month,promises_made,promises_kept,promises_broken"
)


@pytest.fixture
def business(ledger: str) -> str:
    build_review_ledger()
    return ledger


def export(target: str, *args: str) -> int:
    return run(build_parser().parse_args(["--db", target, "export", *args]))


def test_reps_csv(business: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "reps.csv"
    assert export(business, "reps", "--as-of", "2026-11-26", "--out", str(out)) == 0
    assert capsys.readouterr().out.strip() == f"3 rep rows written to {out}."
    assert out.read_text(encoding="utf-8").splitlines() == [
        HEADER,
        # 张伟: A001 and D004 (in credit); collected 250 + 30; A001's two promises due
        # in November: one broken, one still open this morning.
        "张伟,2,720.00,350.00,400.00,300.00,50.00,0.00,280.00,2,0,1",
        "李娜,1,649.50,649.50,649.50,0.00,0.00,0.00,300.00,1,1,0",
        ",1,600.00,480.00,0.00,120.00,0.00,480.00,0.00,0,0,0",
    ]


def test_routes_csv_header_and_totals(business: str, tmp_path: Path) -> None:
    out = tmp_path / "routes.csv"
    assert export(business, "routes", "--as-of", "2026-11-26", "--out", str(out)) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "route" + HEADER[len("rep") :]
    balances = [Decimal(line.split(",")[2]) for line in lines[1:]]
    assert sum(balances) == Decimal("1969.50")  # the ledger's total
    assert lines[-1].startswith(",1,600.00,")


def test_reps_xlsx_has_numbers_and_no_formulas(business: str, tmp_path: Path) -> None:
    out = tmp_path / "reps.xlsx"
    assert export(business, "reps", "--as-of", "2026-11-26", "--out", str(out)) == 0
    sheet = openpyxl.load_workbook(out).active
    assert ",".join(c.value for c in sheet[1]) == HEADER
    assert sheet.freeze_panes == "A2"
    assert sheet["C2"].value == Decimal("720") or sheet["C2"].value == 720
    assert sheet["C2"].number_format == "0.00"
    assert isinstance(sheet["B2"].value, int) and sheet["B2"].value == 2
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_other_edges_change_the_age_columns(business: str, tmp_path: Path) -> None:
    from models.ledger.settings import save_company
    from models.vocabulary.company_records import CompanySettings

    save_company(CompanySettings(aging_edges=(15, 45)))
    out = tmp_path / "reps.csv"
    assert export(business, "reps", "--out", str(out)) == 0
    assert (
        out.read_text(encoding="utf-8")
        .splitlines()[0]
        .startswith("rep,customers,balance,overdue,age_0_15,age_16_45,age_46_plus,collected_month")
    )


def test_wrong_file_type_is_one_line(
    business: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(business, "routes", "--out", str(tmp_path / "routes.pdf")) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ".csv or .xlsx" in err
    assert not (tmp_path / "routes.pdf").exists()
