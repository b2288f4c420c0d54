"""Backups of SQLite ledgers: made with the backup API, checked, kept by the retention
rule, and restored (keeping the replaced ledger)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from pathlib import Path

import pytest

from models.ledger import posting
from models.ledger.check import check_ledger
from models.storage import backup, backup_folder, db, restoring
from models.vocabulary.errors import LedgerFileError
from reports.spreadsheets.aging_sheet import export_aging
from tests.models.helpers import make_customer

D = dt.date(2026, 11, 20)


def _fill(n: int = 3) -> None:
    for i in range(n):
        c = make_customer(code=f"C{i}", name=f"店{i}")
        posting.post_delivery(c.id, D, 100_00 * (i + 1), doc_no=f"D{i}")


def test_backup_of_an_open_ledger_is_a_checked_ledger(sqlite_ledger: str, tmp_path: Path) -> None:
    _fill()
    out = tmp_path / "out" / "b.qkledger"
    out.parent.mkdir()
    backup.back_up(sqlite_ledger, out)
    totals = backup.read_totals(out)
    assert (totals.customers, totals.entries, totals.balance) == (3, 3, 600_00)
    assert totals.last_entry_on == D
    assert [p.name for p in out.parent.iterdir()] == ["b.qkledger"]  # no .part left
    # One self-contained file: no -wal beside it is needed to read it.
    assert out.read_bytes()[18:20] == b"\x01\x01"


def test_backup_into_a_missing_folder_is_refused(sqlite_ledger: str, tmp_path: Path) -> None:
    with pytest.raises(backup.BackupError, match="does not exist"):
        backup.back_up(sqlite_ledger, tmp_path / "nowhere" / "b.qkledger")


def test_auto_backup_goes_beside_the_ledger_and_is_listed(sqlite_ledger: str) -> None:
    _fill(1)
    out = backup_folder.auto_backup(sqlite_ledger)
    assert out.parent == Path(sqlite_ledger).parent / "backups"
    assert out.name == "test-20261126-090000.qkledger"  # the pinned clock
    again = backup_folder.auto_backup(sqlite_ledger)  # the same second: a second name
    assert again.name == "test-20261126-090000-2.qkledger"
    listed = backup_folder.list_backups(out.parent, sqlite_ledger)
    assert [b.path for b in listed] == [again, out]
    assert backup_folder.last_backup(out.parent, sqlite_ledger).taken_at == dt.datetime(
        2026, 11, 26, 9
    )


def test_a_missing_backup_folder_is_a_warning(sqlite_ledger: str, tmp_path: Path) -> None:
    stick = tmp_path / "usb"
    warning = backup_folder.folder_warning(stick, sqlite_ledger)
    assert "is not there" in warning
    with pytest.raises(backup.BackupError, match="is not there"):
        backup_folder.auto_backup(sqlite_ledger, stick)
    stick.mkdir()
    assert backup_folder.folder_warning(stick, sqlite_ledger) == ""
    assert backup_folder.auto_backup(sqlite_ledger, stick).parent == stick


def test_overdue_after_seven_days(sqlite_ledger: str) -> None:
    folder = backup_folder.default_folder(sqlite_ledger)
    assert backup_folder.backup_overdue(folder, sqlite_ledger)  # never backed up
    backup_folder.auto_backup(sqlite_ledger)
    taken = dt.datetime(2026, 11, 26, 9)
    assert not backup_folder.backup_overdue(folder, sqlite_ledger, taken + dt.timedelta(days=7))
    late = taken + dt.timedelta(days=7, seconds=1)
    assert backup_folder.backup_overdue(folder, sqlite_ledger, late)


def _files(moments: list[dt.datetime]) -> list[backup_folder.BackupFile]:
    return [backup_folder.BackupFile(Path(f"x-{m:%Y%m%d-%H%M%S}.qkledger"), m, 1) for m in moments]


def test_retention_keeps_last_ten_then_daily_then_monthly() -> None:
    now = dt.datetime(2026, 11, 26, 12)
    today = [now - dt.timedelta(minutes=m) for m in range(15)]  # 15 today
    daily = [now - dt.timedelta(days=d, hours=h) for d in range(1, 40) for h in (1, 2)]
    monthly = [dt.datetime(2026 - (m > 10), (10 - m) % 12 + 1, 3) for m in range(2, 16)]
    backups = _files(today + daily + monthly)
    kept = backup_folder.to_keep(backups, now)
    by_path = {b.path: b.taken_at for b in backups}
    moments = sorted((by_path[p] for p in kept), reverse=True)
    assert moments[:10] == today[:10]  # the last ten, all from today
    days = {m.date() for m in moments}
    # Each of the last 30 days keeps its newest; day 30 back is no longer daily.
    for d in range(1, 30):
        newest = now - dt.timedelta(days=d, hours=1)
        assert newest in moments and now - dt.timedelta(days=d, hours=2) not in moments
    assert (now - dt.timedelta(days=35, hours=1)).date() not in days or any(
        m.month == (now - dt.timedelta(days=35)).month for m in moments
    )
    # One a month for a year; older than a year is gone.
    months = {(m.year, m.month) for m in moments}
    assert (2026, 1) in months and (2025, 12) in months
    assert dt.datetime(2025, 8, 3) not in moments  # 15 months back


def test_prune_touches_only_this_ledgers_backups(sqlite_ledger: str, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    names = [f"test-202611{d:02d}-0{h}0000.qkledger" for d in range(1, 27) for h in range(1, 3)]
    for name in names:
        (folder / name).write_bytes(b"x")
    (folder / "other-20261101-010000.qkledger").write_bytes(b"x")
    (folder / "notes.txt").write_bytes(b"x")
    removed = backup_folder.prune(folder, sqlite_ledger, dt.datetime(2026, 11, 26, 12))
    left = sorted(p.name for p in folder.iterdir())
    assert "other-20261101-010000.qkledger" in left and "notes.txt" in left
    # 26 days with two each: the older of each day goes, except among the last ten.
    assert len(removed) == 26 - 5
    assert "test-20261101-010000.qkledger" not in left
    assert "test-20261101-020000.qkledger" in left


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"hello, not a database at all", "not a Qingkuan ledger"),
        (b"", "not a Qingkuan ledger"),
    ],
)
def test_verify_refuses_other_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.qkledger"
    path.write_bytes(content)
    assert message in backup.verify(path)


def test_verify_refuses_another_database_and_a_newer_ledger(
    sqlite_ledger: str, tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    assert "not a Qingkuan ledger" in backup.verify(other)
    newer = tmp_path / "newer.qkledger"
    backup.back_up(sqlite_ledger, newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    assert "newer version" in backup.verify(newer)


def test_verify_refuses_a_damaged_backup(sqlite_ledger: str, tmp_path: Path) -> None:
    _fill(50)
    out = tmp_path / "b.qkledger"
    backup.back_up(sqlite_ledger, out)
    conn = sqlite3.connect(out)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'entry'").fetchone()[0]
    conn.close()
    data = bytearray(out.read_bytes())
    start = (root - 1) * page_size
    data[start : start + 64] = b"\xff" * 64  # scribble over the entries' b-tree page
    out.write_bytes(bytes(data))
    assert "damaged" in backup.verify(out)


def test_restore_round_trip(sqlite_ledger: str, tmp_path: Path) -> None:
    _fill()
    before = tmp_path / "before.csv"
    export_aging(before, D)
    saved = backup_folder.auto_backup(sqlite_ledger)
    c = make_customer(code="C9", name="后来")
    posting.post_delivery(c.id, D, 5_00, doc_no="LATE")
    db.close_ledger()
    kept = restoring.restore(sqlite_ledger, saved).kept
    assert kept is not None and backup.read_totals(kept).customers == 4  # the replaced one
    db.open_ledger(sqlite_ledger)
    after = tmp_path / "after.csv"
    export_aging(after, D)
    assert after.read_bytes() == before.read_bytes()
    assert check_ledger() == []


def test_restore_refuses_before_touching(sqlite_ledger: str, tmp_path: Path) -> None:
    _fill()
    db.close_ledger()
    original = Path(sqlite_ledger).read_bytes()
    junk = tmp_path / "junk.qkledger"
    junk.write_bytes(b"PK\x03\x04 a zip file")
    with pytest.raises(LedgerFileError, match="not a Qingkuan ledger"):
        restoring.restore(sqlite_ledger, junk)
    assert Path(sqlite_ledger).read_bytes() == original
    assert not backup_folder.default_folder(sqlite_ledger).exists()  # nothing kept: nothing done
    with pytest.raises(backup.BackupError, match="from itself"):
        restoring.restore(sqlite_ledger, sqlite_ledger)


def test_postgres_commands_leave_out_the_password() -> None:
    dump, restore = backup.postgres_commands(
        "postgresql://clerk:s3cret@db.local:5433/shop", dt.date(2026, 11, 26)
    )
    assert dump == (
        "pg_dump --format=custom --file=qingkuan-20261126.dump "
        '"postgresql://clerk@db.local:5433/shop"'
    )
    assert "s3cret" not in dump + restore and restore.startswith("pg_restore ")


def test_a_young_part_of_a_backup_running_elsewhere_is_left_alone(tmp_path: Path) -> None:
    """Between its copy and its rename a running backup holds no lock on its .part: a
    backup in another program must not take it for a dead one (seen in the fault storm:
    'No such file or directory' at the rename). An old one is cleaned."""
    part = tmp_path / ".shop-20261203-090000.qkledger.abcd1234.part"
    part.write_bytes(b"")
    assert backup.clean_dead_parts(tmp_path) == [] and part.exists()
    old = time.time() - backup.DEAD_PART_AGE_SECONDS - 1
    os.utime(part, (old, old))
    assert backup.clean_dead_parts(tmp_path) == [part] and not part.exists()
