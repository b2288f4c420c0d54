"""What the command line says when the clerk slips: new ledgers, bad destinations, files
that are not what their name says, codes in the wrong case, days a route does not run,
and argparse's own errors in Chinese."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from main import main
from models.ledger import customers, people
from models.storage import db
from models.vocabulary import clock
from models.vocabulary.customer_records import CustomerDraft
from tests.cli.test_main import one_line_error, run


@pytest.fixture
def ledger_file(tmp_path: Path) -> str:
    """A ledger with customer C00001 on route 城东线 (Mondays and Thursdays) and C00002
    on 城西线 (any day)."""
    path = str(tmp_path / "x.qkledger")
    db.open_ledger(path)
    try:
        route = people.add_route("城东线", weekdays=(1, 4))
        west = people.add_route("城西线")
        customers.add_customer(CustomerDraft(code="C00001", name="东城王记", route_id=route.id))
        customers.add_customer(CustomerDraft(code="C00002", name="西关李记", route_id=west.id))
    finally:
        db.close_ledger()
    return path


def test_import_into_a_new_ledger_says_so(tmp_path: Path) -> None:
    data = tmp_path / "c.csv"
    data.write_text("编号,名称\nC1,东城王记\n", encoding="utf-8")
    db_path = tmp_path / "typo.qkledger"
    result = run(tmp_path, "--db", str(db_path), "import", "customers", str(data))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"New ledger created at {db_path}.",
        "c.csv: 1 new customer, 0 already there (left unchanged).",
    ]
    again = run(tmp_path, "--db", str(db_path), "import", "customers", str(data))
    assert again.stdout.splitlines() == [
        "c.csv: 0 new customers, 1 already there (left unchanged).",
        "row 2: already there (C1 东城王记)",
    ]
    zh = run(
        tmp_path, "--db", str(tmp_path / "b.qkledger"), "import", "customers", str(data), lang="zh"
    )
    assert zh.stdout.splitlines()[0] == f"已在 {tmp_path / 'b.qkledger'} 新建账本。"


def test_unquoted_thousands_comma_via_the_command_line(tmp_path: Path) -> None:
    db_path = str(tmp_path / "x.qkledger")
    customers_csv = tmp_path / "c.csv"
    customers_csv.write_text("编号,名称\nC00004,北苑饭店\n", encoding="utf-8")
    run(tmp_path, "--db", db_path, "import", "customers", str(customers_csv))
    entries = tmp_path / "e.csv"
    entries.write_text(
        "客户编号,日期,类型,金额,单号\nC00004,2026/11/25,送货,1,000.00,SH-77\n", encoding="utf-8"
    )
    result = run(tmp_path, "--db", db_path, "import", "entries", str(entries), lang="zh")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "“e.csv”未导入任何内容：有 1 行存在问题。",
        "第 2 行：该行有 6 个单元格，但表头只有 5 列：带千位逗号的金额（如 1,000.00）必须加引号，"
        "或者用 Excel 另存此文件。",
    ]


def test_destination_messages(tmp_path: Path, ledger_file: str) -> None:
    a_file = tmp_path / "x.xlsx"
    a_file.write_bytes(b"not a folder")
    result = run(tmp_path, "--db", ledger_file, "export", "aging", "--out", str(a_file / "x.csv"))
    assert one_line_error(result) == (
        f"‘{a_file}’ is a file, not a folder: choose another place for the file."
    )
    pdf = a_file / "s.pdf"
    result = run(tmp_path, "--db", ledger_file, "print", "statement", "C00001", "--out", str(pdf))
    assert "is a file, not a folder" in one_line_error(result)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_unwritable_place(tmp_path: Path, ledger_file: str) -> None:
    result = run(tmp_path, "--db", ledger_file, "export", "aging", "--out", "/proc/a.csv")
    text = one_line_error(result)
    assert text == "Files cannot be written in the folder of ‘/proc/a.csv’: choose another folder."
    assert "No such file" not in text


def test_text_file_named_xlsx(tmp_path: Path, ledger_file: str) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("客户编号,日期\nC1,2026-10-01\n", encoding="utf-8")
    text = one_line_error(run(tmp_path, "--db", ledger_file, "import", "entries", str(fake)))
    assert text.startswith("‘fake.xlsx’ is not an Excel workbook")
    assert "header" not in text


def test_code_in_another_case_and_unknown_route(tmp_path: Path, ledger_file: str) -> None:
    out = str(tmp_path / "s.pdf")
    result = run(tmp_path, "--db", ledger_file, "print", "statement", "c00001", "--out", out)
    assert one_line_error(result) == (
        "There is no customer with code ‘c00001’: did you mean C00001?"
    )
    result = run(tmp_path, "--db", ledger_file, "print", "iou", "c00001", "--out", out)
    assert "did you mean C00001?" in one_line_error(result)
    result = run(tmp_path, "--db", ledger_file, "print", "route", "城北线", "--out", out)
    assert one_line_error(result) == (
        "There is no route called ‘城北线’. The routes are: 城东线, 城西线."
    )
    assert not Path(out).exists()


def test_argparse_errors_in_chinese(tmp_path: Path) -> None:
    db_path = str(tmp_path / "x.qkledger")
    result = run(tmp_path, "--db", db_path, "import", "suppliers", "x.csv", lang="zh")
    assert result.returncode == 2
    assert one_line_error(result) == (
        "main.py import: what：“suppliers”不是可选值，请从 customers, entries, promises 中选择。"
        " (--help)"
    )
    result = run(tmp_path, "--db", db_path, "print", "statement", lang="zh")
    assert result.returncode == 2
    assert one_line_error(result) == "main.py print statement: 缺少参数：CODE。 (--help)"
    result = run(tmp_path, "--db", db_path, "print", "statement", "C1", lang="zh")
    assert result.returncode == 2  # a PDF or phone images: one of the two
    assert (
        one_line_error(result) == "main.py print statement: 请给出 --out, --image 之一。 (--help)"
    )
    result = run(
        tmp_path, "--db", db_path, "export", "aging", "--as-of", "x", "--out", "a.csv", lang="zh"
    )
    text = one_line_error(result)
    assert text.startswith("main.py export: 参数 --as-of：“x”不是日期")
    for english in ("argument", "required", "invalid choice", "expected one", "unrecognized"):
        assert english not in text
    result = run(tmp_path, "--db", db_path, "check", "--as-of", lang="zh")
    assert one_line_error(result) == "main.py: 无法识别的参数：--as-of。 (--help)"
    result = run(tmp_path, "--db", db_path, "export", "aging", "--out", lang="zh")
    assert one_line_error(result) == "main.py export: --out 后面需要跟一个值。 (--help)"


# --- route days: in-process, so that the clock is the pinned one (Thursday 2026-11-26) ---


def test_route_sheet_on_a_day_the_route_does_not_run(
    tmp_path: Path,
    ledger_file: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("QK_LANG", "en")
    out = tmp_path / "r.pdf"
    # --all: the fixture's customers owe nothing, and those are left out otherwise.
    args = ["--db", ledger_file, "print", "route", "城东线", "--all", "--out", str(out)]
    assert main([*args, "--date", "2026-11-27"]) == 0
    printed = capsys.readouterr()
    assert printed.out.strip() == f"Route sheet of 城东线 for 2026-11-27 written to {out}."
    assert printed.err.strip() == "城东线 runs on Mon, Thu; 2026-11-27 is a Friday."
    assert out.read_bytes().startswith(b"%PDF")

    assert main([*args, "--date", "2026-11-26"]) == 0  # a Thursday: no warning
    assert capsys.readouterr().err == ""

    monkeypatch.setenv("QK_LANG", "zh")
    assert main([*args, "--date", "2026-11-28"]) == 0
    assert capsys.readouterr().err.strip() == "注意：城东线在周一, 周四跑线；2026-11-28是星期六。"


def test_route_sheet_defaults_to_the_next_route_day(
    tmp_path: Path,
    ledger_file: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("QK_LANG", "en")
    assert clock.today() == dt.date(2026, 11, 26)  # a Thursday, a route day itself
    out = tmp_path / "r.pdf"
    assert main(["--db", ledger_file, "print", "route", "城东线", "--all", "--out", str(out)]) == 0
    printed = capsys.readouterr()
    # The sheet is printed the evening before: the next route day after today, Monday.
    assert printed.out.strip() == f"Route sheet of 城东线 for 2026-11-30 written to {out}."
    assert printed.err == ""
    # A route without weekdays runs any day: tomorrow.
    assert main(["--db", ledger_file, "print", "route", "城西线", "--all", "--out", str(out)]) == 0
    assert "for 2026-11-27 written" in capsys.readouterr().out
