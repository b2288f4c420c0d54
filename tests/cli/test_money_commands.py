"""``print commission``, ``export commission`` and ``export forecast``: what they write,
what they say, and their refusals (exit 2 for a wrong argument, 1 for a wrong request,
nothing written)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from cli.commands import run
from cli.parser import build_parser
from models.review.forecast import forecast
from tests.reports.helpers import all_text, squash
from tests.review_data import AS_OF, build_review_ledger

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def business(ledger: str) -> str:
    build_review_ledger()
    return ledger


def main(target: str, *args: str) -> int:
    return run(build_parser().parse_args(["--db", target, *args]))


def test_print_commission(
    business: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "c.pdf"
    assert main(business, "print", "commission", "--month", "2026-11", "--lang", "en",
                "--out", str(out)) == 0  # fmt: skip
    assert capsys.readouterr().out.strip() == f"Commission of 2026-11 written to {out}."
    text = squash(all_text(out))
    assert "Total:themonth'scollections580.00" in text  # November to the 26th


def test_export_commission_xlsx_and_the_default_month(
    business: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "c.xlsx"
    assert main(business, "export", "commission", "--month", "2026-11", "--out", str(out)) == 0
    said = capsys.readouterr().out.strip()
    assert said.startswith("Commission of 2026-11 (") and said.endswith(f"written to {out}.")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["summary", "lines"]
    # Without --month: last month (the clock says 26 Nov 2026: October).
    assert main(business, "export", "commission", "--out", str(tmp_path / "oct.csv")) == 0
    assert "Commission of 2026-10" in capsys.readouterr().out


def test_export_forecast(business: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "f.csv"
    expected = forecast(AS_OF).weeks[0]  # before the command closes the ledger
    assert main(business, "export", "forecast", "--weeks", "13", "--out", str(out)) == 0
    assert capsys.readouterr().out.strip() == (
        f"Forecast of 13 weeks from 2026-11-27 written to {out}."
    )
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "week,start,end,promised,usual,total" and len(lines) == 1 + 13 + 3
    first = lines[1].split(",")
    assert first[:3] == ["1", "2026-11-27", "2026-12-03"]
    assert round(float(first[5]) * 100) == expected.total


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "commission", "--as-of", "2026-11-01"], "--as-of is the date of a report"),
        (["export", "aging", "--month", "2026-11"], "--month chooses the month"),
        (["export", "commission", "--weeks", "4"], "--weeks is the length"),
        (["export", "forecast", "--month", "2026-11"], "--month chooses the month"),
    ],
)
def test_options_of_another_report_are_refused(
    business: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list, message: str
) -> None:
    out = tmp_path / "x.csv"
    assert main(business, *args, "--out", str(out)) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["print", "commission", "--month", "2026-13"], "is not a month"),
        (["print", "commission", "--month", "11-2026"], "is not a month"),
        (["print", "commission", "--month", "2026-12"], "outside the ledger's months"),
        (["export", "forecast", "--weeks", "0"], "not a number from 1 to 52"),
        (["export", "forecast", "--weeks", "53"], "not a number from 1 to 52"),
    ],
)
def test_wrong_arguments_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list, message: str
) -> None:
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args([*args, "--out", str(tmp_path / "x.pdf")])
    assert stop.value.code == 2
    assert message in capsys.readouterr().err


def test_a_pdf_name_for_an_export_is_refused_in_a_real_process(
    sqlite_ledger: str, tmp_path: Path
) -> None:
    out = tmp_path / "c.pdf"
    done = subprocess.run(
        [sys.executable, "main.py", "--db", sqlite_ledger, "export", "commission",
         "--month", "2026-11", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1
    assert ".csv or .xlsx" in done.stderr and not out.exists()
