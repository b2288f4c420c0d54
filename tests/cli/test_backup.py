"""``main.py backup --out F`` and ``main.py restore F [--yes]`` as processes."""

from __future__ import annotations

from pathlib import Path

from models import backup
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
    kept = backup.list_backups(tmp_path / "backups", ledger)
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
