"""Restoring a SQLite ledger: the backup is checked first, the ledger as it was is kept
(named so), nothing another program commits is lost, a damaged ledger can be restored,
and pruning never takes the backup being restored."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models.ledger import posting
from models.ledger.check import check_ledger
from models.storage import backup, backup_folder, db, restoring
from models.vocabulary import clock
from tests.models.helpers import make_customer

ROOT = Path(__file__).resolve().parents[3]
D = dt.date(2026, 11, 20)


def _fill(n: int = 3, prefix: str = "C") -> None:
    for i in range(n):
        c = make_customer(code=f"{prefix}{i}", name=f"店{prefix}{i}")
        posting.post_delivery(c.id, D, 100_00 * (i + 1), doc_no=f"{prefix}D{i}")


def _customers(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT code FROM customer")}
    finally:
        conn.close()


def test_restoring_the_oldest_of_ten_same_day_backups_keeps_it(sqlite_ledger: str) -> None:
    _fill(1)
    oldest = backup_folder.auto_backup(sqlite_ledger)
    for minute in range(1, 10):
        clock.pin(dt.datetime(2026, 11, 26, 9, minute))
        backup_folder.auto_backup(sqlite_ledger)
    folder = backup_folder.default_folder(sqlite_ledger)
    assert len(backup_folder.list_backups(folder, sqlite_ledger)) == 10
    make_customer(code="LATE", name="后来")
    db.close_ledger()
    clock.pin(dt.datetime(2026, 11, 26, 9, 30))
    done = restoring.restore(sqlite_ledger, oldest)
    assert oldest.exists()  # the chosen backup is never pruned, not even after
    assert done.kept == folder / "test-before-restore-20261126-093000.qkledger"
    assert "LATE" in _customers(done.kept) and "LATE" not in _customers(Path(sqlite_ledger))
    assert done.totals.customers == 1 and done.totals.entries == 1


def test_after_a_restore_it_says_what_was_restored_and_where_the_old_one_is(
    sqlite_ledger: str,
) -> None:
    _fill(2)
    first = backup_folder.auto_backup(sqlite_ledger)
    second = backup_folder.auto_backup(sqlite_ledger)  # the same second
    db.close_ledger()
    done = restoring.restore(sqlite_ledger, second)
    assert done.lines() == [
        f"{sqlite_ledger} restored from {second} (taken 2026-11-26 09:00:00 (2)): "
        "2 customers, 2 entries, last entry 2026-11-20.",
        f"The ledger as it was is kept as {done.kept}.",
    ]
    labels = [b.label() for b in backup_folder.list_backups(first.parent, sqlite_ledger)]
    assert labels == [
        "2026-11-26 09:00:00, before a restore",
        "2026-11-26 09:00:00 (2)",
        "2026-11-26 09:00:00",
    ]


def _poster(ledger: str, mode: str, stop: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.models.restore_poster", ledger, mode, str(stop)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _restore_process(ledger: str, saved: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", ledger, "restore", str(saved), "--yes"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QK_LANG": "en"},
    )


def _docs(path: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT doc_no FROM entry WHERE doc_no LIKE 'P%'")}
    finally:
        conn.close()


@pytest.mark.parametrize("mode", ["each", "held"])
def test_restore_while_another_program_posts_loses_nothing(
    sqlite_ledger: str, tmp_path: Path, mode: str
) -> None:
    """A second process posts in a loop, opening the ledger for each post (`each`, like
    a command run again and again) or keeping it open (`held`, like a window), while
    `main.py restore` runs twice. Every post it was told was committed must be in the
    restored ledger or in a copy the restore kept; a restore happens wholly or is
    refused, saying why."""
    _fill(200)  # a ledger large enough for the restore to take a while
    saved = backup_folder.auto_backup(sqlite_ledger)
    make_customer(code="MARK", name="备份之后")
    db.close_ledger()
    stop = tmp_path / "stop"
    poster = _poster(sqlite_ledger, mode, stop)
    assert poster.stdout is not None
    assert poster.stdout.readline().strip() == "started"
    outcomes = []
    for _run in range(2):
        time.sleep(0.5)  # posts before each restore
        outcomes.append(_restore_process(sqlite_ledger, saved))
    time.sleep(0.5)
    stop.touch()
    out, err = poster.communicate(timeout=60)
    committed = {line.split()[1] for line in out.splitlines() if line.startswith("committed")}
    kept = [
        b.path
        for b in backup_folder.list_backups(
            backup_folder.default_folder(sqlite_ledger), sqlite_ledger
        )
        if b.kind != backup_folder.AUTOMATIC
    ]
    found = _docs(Path(sqlite_ledger)).union(*(_docs(k) for k in kept))
    lost = committed - found
    print(f"{mode}: {len(committed)} posts committed, {len(lost)} lost, restores:",
          [r.returncode for r in outcomes])  # fmt: skip
    assert committed and not lost, sorted(lost)[:20]
    for result in outcomes:
        assert "Traceback" not in result.stderr, result.stderr
        if result.returncode == 0:
            assert "restored from" in result.stdout and "kept as" in result.stdout
        else:
            assert "is open in another program" in result.stderr, result.stderr
            assert "Nothing was changed" in result.stderr
    if mode == "held":  # a window keeps its connection: refused, the ledger as it was
        assert all(r.returncode == 1 for r in outcomes) and not kept
        assert "MARK" in _customers(Path(sqlite_ledger))
    else:  # a command's connection closes between posts: the restore happens
        assert sum(r.returncode == 0 for r in outcomes) >= 1
        assert len(kept) == sum(r.returncode == 0 for r in outcomes)
    db.open_ledger(sqlite_ledger, create=False)
    assert check_ledger() == []


# --- the bad files of the audit -------------------------------------------------------


def _copy(saved: Path, to: Path) -> Path:
    to.write_bytes(saved.read_bytes())
    return to


def _sql(path: Path, *statements: str) -> Path:
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()
    return path


def _bad_backup(kind: str, saved: Path, tmp: Path) -> Path:
    """A file of the audit that must not be restored."""
    path = tmp / f"{kind}.qkledger"
    if kind == "truncated":
        path.write_bytes(saved.read_bytes()[: saved.stat().st_size // 2])
    elif kind == "random bytes":
        path.write_bytes(bytes(range(256)) * 64)
    elif kind == "not a ledger":
        _sql(path, "CREATE TABLE t (x)")
    elif kind == "newer schema":
        _sql(_copy(saved, path), "UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "a folder":
        path.mkdir()
    elif kind == "missing version":
        _sql(_copy(saved, path), "DELETE FROM meta WHERE key = 'schema_version'")
    elif kind == "version 0":
        _sql(_copy(saved, path), "UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    elif kind == "garbled version":
        _sql(_copy(saved, path), "UPDATE meta SET value = '1O' WHERE key = 'schema_version'")
    return path


BAD = {
    "truncated": "is damaged and cannot be read",
    "random bytes": "is not a Qingkuan ledger: it is some other kind of file",
    "not a ledger": "is a database, but not a Qingkuan ledger",
    "newer schema": "written by a newer version of Qingkuan",
    "empty": "is not a Qingkuan ledger: it is some other kind of file",
    "a folder": "is a folder, not a ledger file",
    "missing version": "its version is missing or unreadable",
    "version 0": "its version is missing or unreadable",
    "garbled version": "its version is missing or unreadable",
}


@pytest.mark.parametrize("kind", list(BAD))
def test_restore_refuses_the_bad_files_of_the_audit(
    sqlite_ledger: str, tmp_path: Path, kind: str
) -> None:
    _fill(20)
    saved = backup_folder.auto_backup(sqlite_ledger)
    db.close_ledger()
    before = Path(sqlite_ledger).read_bytes()
    bad = _bad_backup(kind, saved, tmp_path)
    with pytest.raises(backup.LedgerFileError, match=BAD[kind]) as refused:
        restoring.restore(sqlite_ledger, bad)
    assert str(bad) in str(refused.value) or kind == "newer schema"
    assert Path(sqlite_ledger).read_bytes() == before
    kept = backup_folder.list_backups(backup_folder.default_folder(sqlite_ledger), sqlite_ledger)
    assert [b.path for b in kept] == [saved]  # no copy made: nothing was done


def test_a_backup_with_8_kib_pages_is_restored_correctly(
    sqlite_ledger: str, tmp_path: Path
) -> None:
    _fill(20)
    saved = backup_folder.auto_backup(sqlite_ledger)
    big = tmp_path / "big-pages.qkledger"
    _copy(saved, big)
    conn = sqlite3.connect(big, isolation_level=None)
    conn.execute("PRAGMA page_size = 8192")
    conn.execute("VACUUM")  # the new page size takes effect
    assert conn.execute("PRAGMA page_size").fetchone()[0] == 8192
    conn.close()
    make_customer(code="LATE", name="后来")
    db.close_ledger()
    done = restoring.restore(sqlite_ledger, big)
    assert done.totals.customers == 20
    db.open_ledger(sqlite_ledger, create=False)
    assert check_ledger() == []
    assert "LATE" not in _customers(Path(sqlite_ledger))


def _scribble_on(path: Path, table: str) -> None:
    """Overwrite the start of `table`'s root page: a corrupt page SQLite finds on reading."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root[0] - 1) * page_size
    data[start : start + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["a corrupt page", "page 1 overwritten", "random bytes"])
def test_a_damaged_ledger_is_restored_and_kept_for_inspection(
    sqlite_ledger: str, damage: str
) -> None:
    _fill(30)
    saved = backup_folder.auto_backup(sqlite_ledger)
    db.close_ledger()
    ledger = Path(sqlite_ledger)
    if damage == "a corrupt page":
        _scribble_on(ledger, "entry")
    elif damage == "page 1 overwritten":  # as in the damaged ledger of the GUI session
        data = bytearray(ledger.read_bytes())
        data[:4096] = data[-4096:]
        ledger.write_bytes(bytes(data))
    else:
        ledger.write_bytes(bytes(range(256)) * 40)
    damaged = ledger.read_bytes()
    done = restoring.restore(ledger, saved)
    assert done.damaged and "-damaged-" in done.kept.name
    # Kept as it was, for inspection (page for page: only the file header's journal
    # mode and change counter may differ).
    kept = done.kept.read_bytes()
    assert len(kept) == len(damaged) and kept[100:] == damaged[100:]
    assert done.lines()[1] == (
        f"The ledger it replaced was damaged: it is kept as it was, for inspection, as {done.kept}."
    )
    db.open_ledger(ledger, create=False)
    assert check_ledger() == []
    assert backup.read_totals(ledger).customers == 30
    # The damaged copy is never offered as a good backup.
    assert restoring.latest_good(ledger).backup.path != done.kept
