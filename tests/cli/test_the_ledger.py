"""The window and the command line agree on which ledger is "the" ledger, and on what
the demo is (issue 12: after "Try the demo" in the window, `check` found no ledger and
`demo` built a different, smaller demo in another file)."""

from __future__ import annotations

from pathlib import Path

from cli.parser import build_parser
from models.exchange import demo, demo_defaults
from tests.cli.test_main import run


def test_demo_without_db_is_the_windows_demo_and_becomes_the_ledger(tmp_path: Path) -> None:
    made = run(tmp_path, "demo", "--customers", "12", "--days", "30")
    assert made.returncode == 0, made.stderr
    demo_file = tmp_path / "home" / "data" / "Qingkuan" / "demo.qkledger"
    assert demo_file.is_file() and str(demo_file) in made.stdout
    checked = run(tmp_path, "check")  # no --db: the demo just made
    assert checked.returncode == 0, checked.stderr
    assert "demo.qkledger" in checked.stdout
    again = run(tmp_path, "demo")
    assert again.returncode == 0 and "already" in again.stdout


def test_without_any_ledger_check_names_the_default_file(tmp_path: Path) -> None:
    done = run(tmp_path, "check")
    assert done.returncode == 1
    assert "ledger.qkledger" in done.stderr


def test_the_command_lines_demo_is_the_windows_demo() -> None:
    args = build_parser().parse_args(["demo"])
    assert (args.customers, args.days, args.seed) == (
        demo_defaults.DEMO_CUSTOMERS, demo_defaults.DEMO_DAYS, demo_defaults.DEMO_SEED,
    )  # fmt: skip
    assert demo.DEMO_CUSTOMERS == demo_defaults.DEMO_CUSTOMERS
