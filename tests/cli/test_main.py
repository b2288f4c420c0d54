"""End-to-end: ``main.py`` run as a process on temporary SQLite ledgers.

What the office's scripts rely on: exit status, one line on stderr for an error, never a
traceback, and the import/export/check round trip.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date.today()  # the process's clock is not pinned
D1 = (TODAY - dt.timedelta(days=40)).isoformat()
D2 = (TODAY - dt.timedelta(days=10)).isoformat()


def run(tmp_path: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QK_LANG": lang,
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "home" / "data"),
        "XDG_STATE_HOME": str(tmp_path / "home" / "state"),
        "PYTHONIOENCODING": "utf-8",
    }
    env.pop("QK_DEBUG", None)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    customers = tmp_path / "customers.csv"
    customers.write_text(
        "编号,名称,线路,业务员,账期,期初余额,期初日期\n"
        f"C1,东城王记,城东线,张伟,30,1000,{D1}\n"
        "C2,西关李记,城西线,李娜,月结,,\n",
        encoding="gb18030",
    )
    entries = tmp_path / "entries.csv"
    entries.write_text(
        "customer_code,date,kind,amount,doc_no,method\n"
        f"C1,{D2},delivery,250.50,D100,\n"
        f"C1,{D2},payment,100,,wechat\n"
        f"C2,{D2},delivery,80,D101,\n",
        encoding="utf-8-sig",
    )
    return {"customers": customers, "entries": entries}


def test_import_export_check_round_trip(tmp_path: Path, files: dict[str, Path]) -> None:
    db = str(tmp_path / "x.qkledger")
    result = run(tmp_path, "--db", db, "import", "customers", str(files["customers"]))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"New ledger created at {db}."
    assert "2 new customers" in result.stdout and "New routes: 城东线, 城西线." in result.stdout
    result = run(tmp_path, "--db", db, "import", "entries", str(files["entries"]))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "entries.csv: 3 new, 0 already imported."
    result = run(tmp_path, "--db", db, "import", "entries", str(files["entries"]))
    assert result.stdout.splitlines() == [
        "entries.csv: 0 new, 3 already imported.",
        f"row 2: already imported (C1 {D2} Delivery 250.50 D100)",
        f"row 3: already imported (C1 {D2} Payment 100.00)",
        f"row 4: already imported (C2 {D2} Delivery 80.00 D101)",
    ]

    out = tmp_path / "aging.csv"
    result = run(tmp_path, "--db", db, "export", "aging", "--out", str(out))
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(out.read_text(encoding="utf-8").splitlines()))
    assert rows[0] == [
        "code",
        "name",
        "rep",
        "route",
        "balance",
        "age_0_30",
        "age_31_60",
        "age_61_90",
        "age_91_plus",
        "in_credit",
        "overdue",
    ]
    assert rows[1] == [
        "C1",
        "东城王记",
        "张伟",
        "城东线",
        "1150.50",
        "250.50",
        "900.00",
        "0.00",
        "0.00",
        "0.00",
        "900.00",
    ]
    assert rows[2][:5] == ["C2", "西关李记", "李娜", "城西线", "80.00"]

    xlsx = tmp_path / "aging.xlsx"
    as_of = (TODAY - dt.timedelta(days=20)).isoformat()
    result = run(tmp_path, "--db", db, "export", "aging", "--as-of", as_of, "--out", str(xlsx))
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet["A2"].value == "C1" and sheet["E2"].value == 1000
    assert sheet["E2"].number_format == "0.00"

    result = run(tmp_path, "--db", db, "check")
    assert result.returncode == 0, result.stderr
    assert "No problems found" in result.stdout
    result = run(tmp_path, "--db", db, "export", "aging", "--out", str(out))
    assert result.stdout.strip() == f"Aging of 2 customers written to {out}."


def test_bad_import_lists_every_row_and_writes_nothing(
    tmp_path: Path, files: dict[str, Path]
) -> None:
    db = str(tmp_path / "x.qkledger")
    run(tmp_path, "--db", db, "import", "customers", str(files["customers"]))
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "customer_code,date,kind,amount\n"
        f"C1,{D2},delivery,10\n"
        f"C9,{D2},delivery,10\n"
        f"C1,{D2}x,delivery,10.001\n",
        encoding="utf-8",
    )
    result = run(tmp_path, "--db", db, "import", "entries", str(bad))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "Nothing was imported from ‘bad.csv’: 2 rows have problems.",
        "row 3, column customer_code: There is no customer with code ‘C9’.",
        f"row 4, column date: ‘{D2}x’ is not a date: type it as YYYY-MM-DD, such as 2026-12-14.",
        "row 4, column amount: ‘10.001’ has more than two decimals: amounts go to the fen, such as 12.35.",
    ]
    out = tmp_path / "a.csv"
    run(tmp_path, "--db", db, "export", "aging", "--out", str(out))
    assert "1000.00" in out.read_text(encoding="utf-8")  # only the opening balance


def test_errors_are_one_line(tmp_path: Path, files: dict[str, Path]) -> None:
    missing = one_line_error(run(tmp_path, "--db", str(tmp_path / "none.qkledger"), "check"))
    assert "There is no ledger at" in missing
    assert not (tmp_path / "none.qkledger").exists()

    not_ledger = tmp_path / "notes.txt"
    not_ledger.write_text("hello", encoding="utf-8")
    text = one_line_error(run(tmp_path, "--db", str(not_ledger), "check"))
    assert "not a Qingkuan ledger" in text

    db = str(tmp_path / "x.qkledger")
    text = one_line_error(run(tmp_path, "--db", db, "import", "entries", "nope.csv"))
    assert text == "There is no file ‘nope.csv’."

    run(tmp_path, "--db", db, "import", "customers", str(files["customers"]))
    result = run(tmp_path, "--db", db, "export", "aging", "--out", str(tmp_path / "no" / "a.csv"))
    assert "does not exist" in one_line_error(result)
    result = run(tmp_path, "--db", db, "export", "aging", "--out", str(tmp_path / "a.pdf"))
    assert ".csv or .xlsx" in one_line_error(result)
    result = run(
        tmp_path, "--db", db, "print", "statement", "NOPE", "--out", str(tmp_path / "s.pdf")
    )
    assert "NOPE" in one_line_error(result)
    assert result.returncode == 1
    assert not (tmp_path / "s.pdf").exists()


def test_argument_errors_exit_2_with_one_line(tmp_path: Path) -> None:
    db = str(tmp_path / "x.qkledger")
    result = run(tmp_path, "--db", db, "export", "aging", "--as-of", "2026-02-30", "--out", "a.csv")
    assert result.returncode == 2
    assert "is not a day of the calendar" in one_line_error(result)
    result = run(tmp_path, "--db", db, "export", "aging", "--as-of", "26/2/1", "--out", "a.csv")
    assert result.returncode == 2
    assert "YYYY-MM-DD" in one_line_error(result)
    result = run(tmp_path, "--db", db, "import", "suppliers", "x.csv")
    assert result.returncode == 2
    one_line_error(result)
    result = run(tmp_path, "--db", db, "print", "route", "--out", "r.pdf")
    assert result.returncode == 2
    assert one_line_error(result) == "main.py print route: Missing: ROUTE. (--help)"
    result = run(tmp_path, "--db", db, "export", "aging", "--out")
    assert one_line_error(result) == "main.py export: --out needs a value after it. (--help)"
    result = run(tmp_path, "--db", db, "check", "--verbose")
    assert one_line_error(result) == "main.py: Not understood: --verbose. (--help)"


def test_demo_then_check_then_refuse_second_demo(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.qkledger")
    result = run(tmp_path, "--db", db, "demo", "--customers", "8", "--days", "60", "--seed", "3")
    assert result.returncode == 0, result.stderr
    assert "Demo ledger ready" in result.stdout
    result = run(tmp_path, "--db", db, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    again = run(tmp_path, "--db", db, "demo")
    assert "only fills an empty ledger" in one_line_error(again)


def test_check_finds_damage_exit_3(tmp_path: Path, files: dict[str, Path]) -> None:
    import sqlite3

    db = tmp_path / "x.qkledger"
    run(tmp_path, "--db", str(db), "import", "customers", str(files["customers"]))
    with sqlite3.connect(db) as con:
        con.execute("DROP TRIGGER entry_no_update")
        con.execute("UPDATE entry SET delta = delta + 1")
    result = run(tmp_path, "--db", str(db), "check")
    assert result.returncode == 3
    assert "does not match its kind and amount" in result.stdout
    assert one_line_error(result).endswith(" problems found in " + str(db) + ".")


def test_default_ledger_in_data_folder(tmp_path: Path, files: dict[str, Path]) -> None:
    result = run(tmp_path, "import", "customers", str(files["customers"]))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "home" / "data" / "Qingkuan" / "ledger.qkledger").exists()
    result = run(tmp_path, "check")
    assert result.returncode == 0, result.stderr


def test_messages_in_chinese(tmp_path: Path) -> None:
    db = str(tmp_path / "x.qkledger")
    result = run(tmp_path, "--db", db, "import", "entries", "nope.csv", lang="zh")
    assert one_line_error(result) == "文件“nope.csv”不存在。"


def test_print_statement_and_route(tmp_path: Path, files: dict[str, Path]) -> None:
    db = str(tmp_path / "x.qkledger")
    run(tmp_path, "--db", db, "import", "customers", str(files["customers"]))
    run(tmp_path, "--db", db, "import", "entries", str(files["entries"]))
    out = tmp_path / "s.pdf"
    result = run(
        tmp_path, "--db", db, "print", "statement", "C1", "--lang", "en", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert result.stdout.strip() == f"Statement written to {out}."
    out = tmp_path / "r.pdf"
    args = ("print", "route", "城东线", "--date", TODAY.isoformat(), "--out", str(out))
    result = run(tmp_path, "--db", db, *args)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert result.stdout.strip() == (
        f"Route sheet of 城东线 for {TODAY.isoformat()} written to {out}."
    )
    assert result.stderr == ""  # a route without weekdays runs any day


def test_a_rejected_import_leaves_no_new_ledger_behind(tmp_path: Path) -> None:
    db = tmp_path / "typo.qkledger"
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name\nC1,\n", encoding="utf-8")
    result = run(tmp_path, "--db", str(db), "import", "customers", str(bad))
    assert result.returncode == 1
    assert "row 2" in result.stderr
    assert not db.exists()
    assert list(tmp_path.glob("typo.qkledger*")) == []


def test_route_errors_speak_the_users_language(tmp_path: Path) -> None:
    db = str(tmp_path / "x.qkledger")
    assert run(tmp_path, "--db", db, "demo", "--customers", "5").returncode == 0
    from models.ledger import people
    from models.storage import db as ledger_db

    ledger_db.open_ledger(db)
    people.add_route("空线")
    ledger_db.close_ledger()
    result = run(
        tmp_path,
        "--db",
        db,
        "print",
        "route",
        "空线",
        "--date",
        "2026-12-01",
        "--lang",
        "zh",
        "--out",
        str(tmp_path / "r.pdf"),
    )
    assert result.returncode == 1
    assert "has no customers" in result.stderr  # QK_LANG=en messages, a Chinese document


def test_an_edit_behind_the_apps_back_is_reported(tmp_path: Path, files: dict[str, Path]) -> None:
    import sqlite3

    db = tmp_path / "x.qkledger"
    run(tmp_path, "--db", str(db), "import", "customers", str(files["customers"]))
    with sqlite3.connect(db) as con:
        con.execute("DROP TRIGGER entry_no_update")
        con.execute("UPDATE entry SET memo = 'all paid' WHERE id = 1")
    result = run(tmp_path, "--db", str(db), "check")
    assert result.returncode == 3
    assert "safeguards against changing entries were missing or altered (entry_no_update)" in (
        result.stdout
    )
    assert "The chain of entries breaks at entry 1 of customer C1" in result.stdout
    with sqlite3.connect(db) as con:
        con.execute("DROP TRIGGER entry_no_delete")
    result = run(tmp_path, "--db", str(db), "export", "aging", "--out", str(tmp_path / "a.csv"))
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "The ledger's safeguards against changing entries were missing or altered "
        "(entry_no_delete) and have been put back. Someone may have changed entries outside "
        "Qingkuan: run ‘check’ to find out."
    ]
    result = run(tmp_path, "--db", str(db), "check")
    assert "safeguards" not in result.stdout  # put back by the export
    assert "The chain of entries breaks at entry 1 of customer C1" in result.stdout


def test_every_print_command_takes_a_paper_size(tmp_path: Path, files: dict[str, Path]) -> None:
    """A script prints the route sheet on A5 and the statements on Letter, whatever the
    setting says; the statement and its slip carry one statement number."""
    from pypdf import PdfReader

    db = str(tmp_path / "x.qkledger")
    run(tmp_path, "--db", db, "import", "customers", str(files["customers"]))
    run(tmp_path, "--db", db, "import", "entries", str(files["entries"]))
    sizes = {}
    for doc, args in (
        ("statement", ("C1",)),
        ("route", ("城东线", "--date", TODAY.isoformat())),
    ):
        for paper, expected in (("A5", (420, 595)), ("letter", (612, 792))):
            out = tmp_path / f"{doc}-{paper}.pdf"
            result = run(
                tmp_path, "--db", db, "print", doc, *args, "--paper", paper, "--out", str(out)
            )
            assert result.returncode == 0, result.stderr
            box = PdfReader(str(out)).pages[0].mediabox
            sizes[(doc, paper)] = sorted((round(box.width), round(box.height)))
            assert sizes[(doc, paper)] == list(expected)
    text = "".join(p.extract_text() for p in PdfReader(str(tmp_path / "statement-A5.pdf")).pages)
    numbers = re.findall(r"DZ-\d+", text)
    assert len(numbers) == 2 and len(set(numbers)) == 1
    result = run(
        tmp_path, "--db", db, "print", "statement", "C1", "--paper", "B5", "--out", "s.pdf"
    )
    assert "B5" in one_line_error(result) and "A4, A5 or Letter" in result.stderr
