"""Every subcommand's --help says what it does, its defaults and an example; commands
load only what they need (issue 12: `--help` took 0.29 s, a CSV export loaded reportlab)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from cli.parser import build_parser
from models.exchange import demo
from models.storage import db

ROOT = Path(__file__).resolve().parents[2]


def subcommands(
    parser: argparse.ArgumentParser, prefix: str = ""
) -> list[tuple[str, argparse.ArgumentParser]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append((f"{prefix}{name}", sub))
                found += subcommands(sub, f"{prefix}{name} ")
    return found


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_subcommand_explains_itself(lang: str) -> None:
    from models.vocabulary.i18n import using_language

    with using_language(lang):
        parser = build_parser()
        commands = subcommands(parser)
        assert {"demo", "import", "export", "check", "print", "print statement"} <= {
            name for name, _ in commands
        }
        for name, sub in commands:
            assert sub.description and len(sub.description) > 20, name
            help_text = sub.format_help()
            assert ("Examples:" if lang == "en" else "示例：") in help_text, name
            assert f"main.py {name.split()[0]}" in help_text or "main.py --db" in help_text, name
            for action in sub._actions:
                if action.help is argparse.SUPPRESS or isinstance(
                    action, (argparse._HelpAction, argparse._SubParsersAction)
                ):
                    continue
                assert action.help, f"{name}: {action.dest} has no help"
                if action.default not in (None, False, argparse.SUPPRESS):
                    assert "default" in action.help or "默认" in action.help, (name, action.dest)


def test_demo_help_shows_its_defaults() -> None:
    text = dict(subcommands(build_parser()))["demo"].format_help()
    assert f"(default: {demo.DEMO_CUSTOMERS})" in text and "(default: 365)" in text


def modules_loaded(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", str(ROOT / "main.py"), *args],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return "\n".join(line.split("|")[-1].strip() for line in done.stderr.splitlines())


def test_help_loads_no_database_or_documents() -> None:
    loaded = modules_loaded("--help").splitlines()
    for heavy in ("peewee", "psycopg2", "reportlab", "openpyxl", "PySide6"):
        assert heavy not in loaded


def test_a_csv_export_loads_no_pdf_or_spreadsheet_library(tmp_path: Path) -> None:
    ledger = tmp_path / "x.qkledger"
    db.open_ledger(ledger)
    db.close_ledger()
    loaded = modules_loaded(
        "--db", str(ledger), "export", "aging", "--out", str(tmp_path / "a.csv")
    )
    names = loaded.splitlines()
    for heavy in ("reportlab", "openpyxl", "PySide6"):
        assert heavy not in names
