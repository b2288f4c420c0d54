"""Dates and numbers out of any sensible range, and import "files" that never end, on
the command line (issue 17, point 17): ``main.py`` run as a process."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from tests.cli.test_main import one_line_error, run

NEXT_YEAR = (dt.date.today() + dt.timedelta(days=366)).isoformat()
OUT_OF_RANGE = (dt.date.today() + dt.timedelta(days=367)).isoformat()


@pytest.fixture(scope="module")
def demo_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("demo")
    result = run(home, "--db", str(home / "d.qkledger"), "demo", "--customers", "3", "--days", "7")
    assert result.returncode == 0, result.stderr
    return home / "d.qkledger"


@pytest.mark.parametrize(
    ("args", "option", "english"),
    [
        (["today", "--date", "0001-01-01"], "--date", "is outside the ledger's dates"),
        (["today", "--date", "9999-12-31"], "--date", "is outside the ledger's dates"),
        (["today", "--date", OUT_OF_RANGE], "--date", "is outside the ledger's dates"),
        (["print", "aging", "--as-of", "1900-01-01", "--out", "a.pdf"], "--as-of", "outside"),
        (["print", "review", "--as-of", "9999-12-31", "--out", "r.pdf"], "--as-of", "outside"),
        (
            ["print", "statement", "C1", "--from", "1989-12-31", "--out", "s.pdf"],
            "--from",
            "outside",
        ),
        (["print", "statement", "C1", "--to", "9999-12-31", "--out", "s.pdf"], "--to", "outside"),
        (["print", "route", "R", "--date", "0001-01-01", "--out", "r.pdf"], "--date", "outside"),
        (["print", "packet", "R", "--date", "9999-12-31", "--out", "p.pdf"], "--date", "outside"),
        (["export", "aging", "--as-of", "0001-01-01", "--out", "a.csv"], "--as-of", "outside"),
        (["export", "entries", "--to", "9999-12-31", "--out", "e.csv"], "--to", "outside"),
        (
            ["print", "packet", "R", "--days", "99999999999", "--out", "p.pdf"],
            "--days",
            "1 to 3,660",
        ),
        (["print", "packet", "R", "--days", "-5", "--out", "p.pdf"], "--days", "1 to 3,660"),
        (["print", "packet", "R", "--days", "0", "--out", "p.pdf"], "--days", "1 to 3,660"),
    ],
)
def test_dates_and_days_out_of_range_are_wrong_arguments(
    demo_ledger: Path, args: list[str], option: str, english: str
) -> None:
    """Each used to give "Unexpected error" or be taken as it was; now exit 2 with one
    line naming the option and the range, in English and in Chinese; nothing written."""
    home = demo_ledger.parent
    before = demo_ledger.read_bytes()
    for lang, words in (
        ("en", english),
        ("zh", "之间的天数" if option == "--days" else "之间的日期"),
    ):
        result = run(home, "--db", str(demo_ledger), *args, lang=lang)
        line = one_line_error(result)
        assert result.returncode == 2, line
        assert option in line and words in line, line
        assert "Unexpected" not in line and "意外" not in line
    assert not any(home.glob("*.pdf")) and not any(home.glob("*.csv"))
    assert demo_ledger.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ["today", "--date", "1990-01-01"],
        ["today", "--date", NEXT_YEAR],
        ["print", "packet", "城东线", "--days", "3660", "--out", "p.pdf"],
    ],
)
def test_dates_and_days_at_the_ends_of_the_range_are_taken(
    demo_ledger: Path, tmp_path: Path, args: list[str]
) -> None:
    args = [str(tmp_path / a) if a.endswith(".pdf") else a for a in args]
    result = run(demo_ledger.parent, "--db", str(demo_ledger), *args)
    assert "outside" not in result.stderr and "from 1 to" not in result.stderr
    assert result.returncode in (0, 1), result.stderr  # 1: e.g. a route not in the demo
    assert "Unexpected" not in result.stderr


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_import_of_a_pipe_or_a_device_is_refused_at_once(tmp_path: Path, kind: str) -> None:
    """A named pipe blocked the import at its opening, /dev/zero was read forever: both
    are refused unread (the process would otherwise outlive the timeout), and no ledger
    is created for them."""
    if kind == "fifo":
        path = tmp_path / "entries.csv"
        os.mkfifo(path)
    else:
        path = Path("/dev/zero")
    target = tmp_path / "new.qkledger"
    try:
        result = run(tmp_path, "--db", str(target), "import", "entries", str(path))
    except subprocess.TimeoutExpired:
        pytest.fail(f"main.py import entries {path} never ended")
    line = one_line_error(result)
    assert result.returncode == 1
    assert line == (
        f"‘{path}’ is not an ordinary file (it is a device, a pipe or a socket): save the "
        "table as a .csv or .xlsx file and import that file."
    )
    assert not target.exists()


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("--customers", "-3", "from 1 to 100,000"),
        ("--customers", "0", "from 1 to 100,000"),
        ("--days", "999999999999", "from 7 to 3,650"),
        ("--days", "6", "from 7 to 3,650"),
    ],
)
def test_demo_sizes_out_of_range_are_wrong_arguments(
    tmp_path: Path, option: str, value: str, words: str
) -> None:
    """Refused before the ledger file is made: a refused demo used to leave an empty
    ledger behind (exit 1)."""
    target = tmp_path / "new.qkledger"
    result = run(tmp_path, "--db", str(target), "demo", option, value)
    line = one_line_error(result)
    assert result.returncode == 2
    assert line == f"main.py demo: {option}: ‘{value}’ is not a number {words}. (--help)"
    assert not target.exists()
