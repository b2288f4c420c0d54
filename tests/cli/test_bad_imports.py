"""``main.py import`` of a file with many bad rows prints the first 100 problems and the
total, not one line per problem (issue 7, point 5)."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_main import run


def test_many_bad_rows_print_the_first_100_and_the_total(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    rows = "".join(f"C{n},2026-11-20,bogus,5\n" for n in range(3_000))
    bad.write_text("customer_code,date,kind,amount\n" + rows, encoding="utf-8")
    result = run(tmp_path, "--db", str(tmp_path / "x.qkledger"), "import", "entries", str(bad))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 102
    assert lines[0] == "Nothing was imported from ‘bad.csv’: 3000 rows have problems."
    assert lines[1] == "row 2, column customer_code: There is no customer with code ‘C0’."
    assert lines[-1] == (
        "…and 5900 more problems (6000 in all): fix these and import again to see the rest."
    )
