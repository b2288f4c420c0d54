"""The command line on ledgers changed behind Qingkuan's back, in real processes: a
foreign trigger refused and removed with consent; a cut chain reported by `check`."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from models.ledger import posting
from models.storage import db
from models.vocabulary.entry_records import PaymentMethod
from tests.cli.test_main import one_line_error, run
from tests.models.storage.test_schema_audit import ATTACK, _ledger_file

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
    from tests.models.storage.test_tamper import _cut_the_newest_entry_and_hide_it, _ledger

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


def test_check_accept_chain_starts_this_computers_anchor_again(tmp_path: Path) -> None:
    """The user replaced the ledger by an older copy themselves, not through `restore`."""
    from tests.models.storage.test_tamper import _ledger

    path = tmp_path / "shop.qkledger"
    db.open_ledger(path)
    _ledger()
    db.close_ledger()
    older = tmp_path / "older.qkledger"
    older.write_bytes(path.read_bytes())
    assert run(tmp_path, "--db", str(path), "check").returncode == 0
    db.open_ledger(path)
    posting.post_payment(2, dt.date(2026, 11, 3), 5_00, PaymentMethod.CASH)
    db.close_ledger()
    assert run(tmp_path, "--db", str(path), "check").returncode == 0  # 9 entries seen
    path.write_bytes(older.read_bytes())  # by hand, in the file manager
    assert run(tmp_path, "--db", str(path), "check").returncode == EXIT_PROBLEMS
    accepted = run(tmp_path, "--db", str(path), "check", "--accept-chain")
    assert accepted.returncode == 0, accepted.stdout
    assert run(tmp_path, "--db", str(path), "check").returncode == 0
