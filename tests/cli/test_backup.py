"""``main.py backup --out F`` and ``main.py restore F [--yes]`` as processes."""

from __future__ import annotations

from pathlib import Path

from models.storage import backup, backup_folder
from tests.cli.test_main import one_line_error, run


def _demo(tmp_path: Path) -> str:
    ledger = str(tmp_path / "shop.qkledger")
    assert run(tmp_path, "--db", ledger, "demo", "--customers", "4", "--days", "15").returncode == 0
    return ledger


def test_backup_then_restore_round_trip(tmp_path: Path) -> None:
    ledger = _demo(tmp_path)
    saved = tmp_path / "saved.qkledger"
    result = run(tmp_path, "--db", ledger, "backup", "--out", str(saved))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Backup of {ledger} written to {saved}: 4 customers")
    aging = tmp_path / "before.csv"
    assert run(tmp_path, "--db", ledger, "export", "aging", "--out", str(aging)).returncode == 0
    more = tmp_path / "more.csv"
    more.write_text("code,name\nC999,新来的\n", encoding="utf-8")
    assert run(tmp_path, "--db", ledger, "import", "customers", str(more)).returncode == 0
    result = run(tmp_path, "--db", ledger, "restore", str(saved), "--yes")
    assert result.returncode == 0, result.stderr
    kept = backup_folder.list_backups(tmp_path / "backups", ledger)
    assert len(kept) == 1 and backup.read_totals(kept[0].path).customers == 5
    after = tmp_path / "after.csv"
    assert run(tmp_path, "--db", ledger, "export", "aging", "--out", str(after)).returncode == 0
    assert after.read_bytes() == aging.read_bytes()
    assert run(tmp_path, "--db", ledger, "check").returncode == 0


def test_restore_asks_first(tmp_path: Path) -> None:
    ledger = _demo(tmp_path)
    saved = tmp_path / "saved.qkledger"
    run(tmp_path, "--db", ledger, "backup", "--out", str(saved))
    before = Path(ledger).read_bytes()
    result = run(tmp_path, "--db", ledger, "restore", str(saved))  # stdin is empty: no
    assert result.returncode == 1
    assert "Replace" in result.stderr and "Nothing was restored" in result.stderr
    assert Path(ledger).read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_restore_refuses_a_file_that_is_not_a_ledger(tmp_path: Path) -> None:
    ledger = _demo(tmp_path)
    junk = tmp_path / "notes.txt"
    junk.write_text("not a ledger", encoding="utf-8")
    line = one_line_error(run(tmp_path, "--db", ledger, "restore", str(junk), "--yes"))
    assert line == f"‘{junk}’ is not a Qingkuan ledger: it is some other kind of file."


def test_backup_of_a_missing_ledger_and_of_a_shared_one(tmp_path: Path) -> None:
    line = one_line_error(
        run(tmp_path, "--db", str(tmp_path / "no.qkledger"), "backup", "--out", "b.qkledger")
    )
    assert line.startswith("There is no ledger at")
    url = "postgresql://clerk:s3cret@db.local/shop"
    line = one_line_error(run(tmp_path, "--db", url, "backup", "--out", "b.qkledger"))
    assert "pg_dump --format=custom" in line and "s3cret" not in line
    line = one_line_error(run(tmp_path, "--db", url, "restore", "b.qkledger", "--yes"))
    assert "pg_restore" in line


def test_export_entries_and_customers_then_import_elsewhere(tmp_path: Path) -> None:
    ledger = _demo(tmp_path)
    result = run(tmp_path, "--db", ledger, "export", "customers", "--out", "c.csv")
    assert result.returncode == 0 and result.stdout == "4 customers written to c.csv.\n"
    result = run(tmp_path, "--db", ledger, "export", "entries", "--out", "e.xlsx")
    assert result.returncode == 0 and result.stdout.endswith(" entries written to e.xlsx.\n")
    new = str(tmp_path / "new.qkledger")
    assert run(tmp_path, "--db", new, "import", "customers", "c.csv").returncode == 0
    assert run(tmp_path, "--db", new, "import", "entries", "e.xlsx").returncode == 0
    for db_path, name in ((ledger, "a.csv"), (new, "b.csv")):
        assert run(tmp_path, "--db", db_path, "export", "aging", "--out", name).returncode == 0
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


def test_export_options_belong_to_their_report(tmp_path: Path) -> None:
    ledger = _demo(tmp_path)
    line = one_line_error(
        run(
            tmp_path,
            "--db",
            ledger,
            "export",
            "customers",
            "--from",
            "2026-01-01",
            "--out",
            "c.csv",
        )
    )
    assert line == "--from and --to choose the entries of a period: use them with export entries."
    line = one_line_error(
        run(tmp_path, "--db", ledger, "export", "entries", "--from", "2026-13-01", "--out", "e.csv")
    )
    assert "2026-13-01" in line


def _damage_entries(ledger: Path) -> None:
    """Scribble over the root page of the entries' table."""
    import sqlite3

    conn = sqlite3.connect(ledger)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'entry'").fetchone()[0]
    conn.close()
    data = bytearray(ledger.read_bytes())
    data[(root - 1) * page_size : (root - 1) * page_size + 64] = b"\xff" * 64
    ledger.write_bytes(bytes(data))


def test_check_of_a_damaged_ledger_says_what_and_points_to_the_latest_good_backup(
    tmp_path: Path,
) -> None:
    ledger = _demo(tmp_path)
    (tmp_path / "backups").mkdir()
    saved = tmp_path / "backups" / "shop-20261125-180000.qkledger"
    assert run(tmp_path, "--db", ledger, "backup", "--out", str(saved)).returncode == 0
    _damage_entries(Path(ledger))
    result = run(tmp_path, "--db", ledger, "check")
    assert result.returncode == 3 and "Unexpected" not in result.stderr + result.stdout
    assert result.stdout == (
        f"‘{ledger}’ is damaged: SQLite cannot read the pages of entry (entries).\n"
    )
    totals = backup.read_totals(saved)
    assert result.stderr.splitlines()[0] == (
        f"The latest good backup is {saved}, taken 2026-11-25 18:00:00: {totals.customers} "
        f"customers, {totals.entries} entries, last entry {totals.last_entry_on}."
    )
    assert "restore --latest" in result.stderr


def test_restore_latest_brings_back_a_ledger_that_will_not_open(tmp_path: Path) -> None:
    ledger = _demo(tmp_path)
    (tmp_path / "backups").mkdir()
    saved = tmp_path / "backups" / "shop-20261125-180000.qkledger"
    assert run(tmp_path, "--db", ledger, "backup", "--out", str(saved)).returncode == 0
    damaged = bytes(range(256)) * 64  # page 1 and all: no program can open it
    Path(ledger).write_bytes(damaged)
    line = one_line_error(run(tmp_path, "--db", ledger, "today"))
    assert line.startswith(f"‘{ledger}’ is not a Qingkuan ledger") and str(saved) in line
    assert "restore --latest" in line
    result = run(tmp_path, "--db", ledger, "restore", "--latest", "--yes")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{ledger} restored from {saved} (taken 2026-11-25 18:00:00): 4 ")
    kept = backup_folder.list_backups(tmp_path / "backups", ledger)[0]
    assert kept.kind == backup_folder.DAMAGED and kept.path.read_bytes() == damaged
    assert lines[1] == (
        f"The ledger it replaced was damaged: it is kept as it was, for inspection, as {kept.path}."
    )
    assert run(tmp_path, "--db", ledger, "check").returncode == 0
    listed = run(tmp_path, "--db", ledger, "restore", "--list").stdout.splitlines()
    assert listed[0].startswith("20") and "damaged ledger replaced by a restore" in listed[0]
    assert listed[1].startswith("2026-11-25 18:00:00: 4 customers")


def test_a_killed_backup_leaves_no_part_file_after_the_next_backup(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    from tests.cli.test_main import ROOT

    ledger = _demo(tmp_path)
    out = tmp_path / "saved.qkledger"
    # A backup killed half-way, as `kill -9` leaves it: its .part file stays behind.
    started = subprocess.Popen(
        [sys.executable, "-c", _KILLED_BACKUP, ledger, str(out)], cwd=ROOT, text=True,
        stdout=subprocess.PIPE,
    )  # fmt: skip
    assert started.stdout is not None and started.stdout.readline().strip() == "copying"
    started.send_signal(signal.SIGKILL)
    started.wait(timeout=30)
    parts = [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert len(parts) == 1 and not out.exists()
    old = time.time() - backup.DEAD_PART_AGE_SECONDS - 1  # it died a while ago
    os.utime(parts[0], (old, old))
    result = run(tmp_path, "--db", ledger, "backup", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert not [p for p in tmp_path.iterdir() if ".part" in p.name]
    assert backup.read_totals(out).customers == 4


# Stops inside the backup, its .part written and verified, before the rename.
_KILLED_BACKUP = """
import os, sys, time
from models.storage import backup
def stop(*args, **kwargs):
    print("copying", flush=True)
    time.sleep(60)
backup._fsync = stop
backup.back_up(sys.argv[1], sys.argv[2])
"""
