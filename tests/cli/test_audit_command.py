"""``main.py audit``: the audit trail filtered to a CSV or XLSX file, read back; exact
errors and exit codes."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from cli.commands import run
from cli.parser import build_parser
from models.ledger import customers
from models.storage import db, session
from models.vocabulary.customer_records import CustomerDraft


@pytest.fixture
def trail(ledger: str) -> str:
    session.set_user("clerk2")
    try:
        c1 = customers.add_customer(
            CustomerDraft(code="C1", name="东城王记", credit_limit=5_000_00)
        )
        customers.add_customer(CustomerDraft(code="C2", name='=HYPERLINK("x")'))
        session.set_user("boss")
        customers.update_customer(
            c1.id, CustomerDraft(code="C1", name="东城王记", credit_limit=8_000_00)
        )
    finally:
        session.set_user("")
    db.close_ledger()
    return ledger


def audit(target: str, *args: str) -> int:
    return run(build_parser().parse_args(["--db", target, "audit", *args]))


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(path.read_text(encoding="utf-8").splitlines()))


def test_csv_of_one_customer(trail: str, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "audit.csv"
    assert audit(trail, "--customer", "C1", "--out", str(out)) == 0
    assert capsys.readouterr().out.strip() == f"2 audited changes written to {out}."
    header, edit, added = _rows(out)
    assert header[:6] == ["When", "Who", "What", "Customer", "Subject", "Change"]
    assert edit[2:6] == ["Customer edited", "C1", "C1", "Credit limit 5,000.00 → 8,000.00"]
    assert added[2] == "Customer added"


def test_xlsx_has_no_formulas(trail: str, tmp_path: Path) -> None:
    out = tmp_path / "audit.xlsx"
    assert audit(trail, "--out", str(out)) == 0
    sheet = openpyxl.load_workbook(out).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert len(values) == 4  # the header and three changes
    names = [v[4] for v in values]
    assert '=HYPERLINK("x")' in " ".join(str(v[5]) for v in values)
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert names[1:] == ["C1", "C2", "C1"]


@pytest.mark.only_on("sqlite")  # PostgreSQL names its login, not the program's sign-in
def test_by_person_and_by_day(trail: str, tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    assert audit(trail, "--user", "boss", "--out", str(out)) == 0
    assert [r[1] for r in _rows(out)[1:]] == ["boss"]
    assert audit(trail, "--from", "2026-11-26", "--to", "2026-11-26", "--out", str(out)) == 0
    assert len(_rows(out)) == 4  # the clock is pinned at 2026-11-26 09:00
    assert audit(trail, "--from", "2026-11-27", "--out", str(out)) == 0
    assert len(_rows(out)) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--customer", "NOPE"], "There is no customer with code ‘NOPE’."),
        (["--from", "2026-11-27", "--to", "2026-11-26"], "swap them"),
    ],
)
def test_errors_are_one_line_and_exit_1(
    trail: str, tmp_path: Path, capsys: pytest.CaptureFixture, args: list[str], message: str
) -> None:
    out = tmp_path / "a.csv"
    assert audit(trail, *args, "--out", str(out)) == 1
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1
    assert not out.exists()


def test_refuses_a_ledger_or_another_kind_of_file(
    trail: str, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    assert audit(trail, "--out", str(tmp_path / "a.txt")) == 1
    assert "does not end in .csv or .xlsx" in capsys.readouterr().err
    if not trail.startswith("postgresql:"):
        before = Path(trail).read_bytes()
        assert audit(trail, "--out", trail) == 1
        assert "is a ledger file" in capsys.readouterr().err
        assert Path(trail).read_bytes() == before


def test_a_bad_date_is_an_argument_error(trail: str, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        audit(trail, "--from", "yesterday", "--out", str(tmp_path / "a.csv"))
    assert exit_.value.code == 2
