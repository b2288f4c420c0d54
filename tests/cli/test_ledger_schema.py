"""The command line on ledgers changed behind Qingkuan's back, in real processes: a
foreign trigger refused and removed with consent; a cut chain reported by `check`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from models import db
from tests.cli.test_main import one_line_error, run
from tests.models.test_schema_audit import ATTACK, _ledger_file

EXIT_PROBLEMS = 3


def _sql(path: Path, script: str) -> None:
    con = sqlite3.connect(path)
    con.executescript(script)
    con.commit()
    con.close()


def test_a_foreign_trigger_is_refused_named_and_removed_with_consent(tmp_path: Path) -> None:
    ledger = _ledger_file(tmp_path / "shop.qkledger")
    received = _ledger_file(tmp_path / "received.qkledger")
    _sql(received, ATTACK)

    checked = run(tmp_path, "--db", str(received), "check")
    assert checked.returncode == EXIT_PROBLEMS
    assert "trigger ‘sync_contacts’, which Qingkuan did not make" in checked.stdout

    posted = run(tmp_path, "--db", str(received), "today")
    assert "holds things Qingkuan did not make: trigger ‘sync_contacts’" in one_line_error(posted)

    restored = run(tmp_path, "--db", str(ledger), "restore", str(received), "--yes")
    assert "sync_contacts" in one_line_error(restored)

    removed = run(tmp_path, "--db", str(received), "check", "--remove-foreign")
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout.splitlines()[0] == "Removed trigger ‘sync_contacts’."
    assert run(tmp_path, "--db", str(received), "today").returncode == 0


def test_check_exits_3_on_a_chain_cut_and_hidden_behind_its_back(tmp_path: Path) -> None:
    from tests.models.test_tamper import _cut_the_newest_entry_and_hide_it, _ledger

    path = tmp_path / "shop.qkledger"
    db.open_ledger(path)
    _ledger()
    db.close_ledger()
    first = run(tmp_path, "--db", str(path), "check")  # this computer sees 8 entries
    assert first.returncode == 0, first.stdout + first.stderr
    db.open_ledger(path)
    _cut_the_newest_entry_and_hide_it()
    db.close_ledger()

    checked = run(tmp_path, "--db", str(path), "check")
    assert checked.returncode == EXIT_PROBLEMS
    assert checked.stdout.startswith("The chain of entries went backwards:")
    assert "saw 8 entries" in checked.stdout and "now has 7" in checked.stdout
