"""The ledger file itself: what opening refuses, and what the database refuses.

A clerk may pick the wrong file in the open dialog (a spreadsheet, a photo, another
program's database), a ledger from a newer Qingkuan on a colleague's computer, or a
damaged copy. Each is refused with a message that says what is wrong, and the file is
left byte for byte as it was, with no -wal/-shm files beside it. Entries are immutable
in the database itself, not only in Python: raw SQL cannot change or delete them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import peewee as pw
import pytest

from models.ledger import customers, ledger, posting
from models.storage import connections, current_ledger, db, schema
from models.storage.tables import database
from models.vocabulary.customer_records import CustomerDraft
from models.vocabulary.entry_records import DeliveryLine, PaymentMethod
from models.vocabulary.errors import LedgerFileError, LedgerNotWritable
from tests.ordinary_user import as_ordinary_user, folder_anyone_can_enter

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _side_files(path: Path) -> list[str]:
    return sorted(
        p.name for p in path.parent.iterdir() if p.name.startswith(path.name) and p != path
    )


def _refused(path: Path, *words: str, names_file: bool = True) -> str:
    """Open `path`, expect a refusal naming the problem (and the file), and check that
    the file is unchanged and nothing was left beside it. Returns the message."""
    before = _digest(path)
    with pytest.raises(LedgerFileError) as caught:
        db.open_ledger(path)
    message = str(caught.value)
    if names_file:
        assert path.name in message, message
    for word in words:
        assert word in message, message
    assert _digest(path) == before, "a refused file was changed"
    assert _side_files(path) == [], "a refused file left -wal/-shm files behind"
    assert database.obj is None, "a refused ledger stays open"
    return message


def _new_ledger(path: Path) -> None:
    db.open_ledger(path)
    cid = customers.add_customer(CustomerDraft(code="C1", name="东城王记")).id
    posting.post_delivery(cid, dt.date(2026, 11, 1), 100_00, doc_no="D1")
    db.close_ledger()


# --- files that are not (usable) ledgers --------------------------------------------


def test_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    path.write_text("编号,名称\nC1,东城王记\n", encoding="utf-8")
    _refused(path, "not a Qingkuan ledger", "other kind of file")


def test_picture_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "receipt.png"
    path.write_bytes(PNG)
    _refused(path, "not a Qingkuan ledger")


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_another_programs_database_is_refused(tmp_path: Path, journal: str) -> None:
    path = tmp_path / "inventory.db"
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA journal_mode = {journal}")
    con.execute("CREATE TABLE product (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("CREATE INDEX product_name ON product (name)")
    con.executemany("INSERT INTO product (name) VALUES (?)", [(f"啤酒{i}",) for i in range(50)])
    con.commit()
    con.close()
    _refused(path, "not a Qingkuan ledger")
    assert sqlite3.connect(path).execute("SELECT count(*) FROM product").fetchone() == (50,)


def test_another_programs_database_with_a_meta_table_is_refused(tmp_path: Path) -> None:
    """ "meta" is a common table name: another program's one must not confuse opening."""
    path = tmp_path / "other-app.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE meta (name TEXT, value TEXT)")
    con.execute("INSERT INTO meta VALUES ('app', 'someone else')")
    con.commit()
    con.close()
    _refused(path, "not a Qingkuan ledger")


def test_database_of_another_app_with_our_meta_layout_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lookalike.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    con.execute("INSERT INTO meta VALUES ('app', 'kuaiji'), ('schema_version', '1')")
    con.commit()
    con.close()
    _refused(path, "not a Qingkuan ledger")


def test_ledger_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "newer.qkledger"
    _new_ledger(path)
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    message = _refused(path, "newer version", "99", str(schema.SCHEMA_VERSION), names_file=False)
    assert "Install the newer version" in message


def test_ledger_from_a_newer_version_is_refused_on_both_databases(ledger: str) -> None:
    database.execute_sql("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    db.close_ledger()
    with pytest.raises(LedgerFileError, match="newer version"):
        db.open_ledger(ledger)
    # Nothing was migrated "down": the version stays as the newer program wrote it.
    target = connections.connect_postgres(ledger) if db.is_postgres_url(ledger) else None
    if target is None:
        con = sqlite3.connect(ledger)
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        con.close()
    else:
        version = target.execute_sql(
            "SELECT value FROM meta WHERE key = 'schema_version'"
        ).fetchone()
        target.close()
    assert version == ("99",)


def test_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "ledgers.qkledger"
    folder.mkdir()
    with pytest.raises(LedgerFileError, match="is a folder, not a ledger file") as caught:
        db.open_ledger(folder)
    assert "ledgers.qkledger" in str(caught.value)
    assert list(folder.iterdir()) == []


def test_path_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "no-such-folder" / "ledger.qkledger"
    with pytest.raises(LedgerFileError, match="does not exist") as caught:
        db.open_ledger(path)
    assert "no-such-folder" in str(caught.value)
    assert not path.parent.exists(), "opening must not create folders"


def test_missing_file_is_refused_when_not_creating(tmp_path: Path) -> None:
    path = tmp_path / "gone.qkledger"
    with pytest.raises(LedgerFileError, match="There is no ledger"):
        db.open_ledger(path, create=False)
    assert not path.exists()


def test_damaged_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "damaged.qkledger"
    path.write_bytes(current_ledger.SQLITE_HEADER + bytes(range(256)) * 40)
    _refused(path, "damaged", "backup")


def test_ledger_with_garbage_pages_is_refused(tmp_path: Path) -> None:
    """A real ledger whose later pages were overwritten (a bad disk, a half copy)."""
    path = tmp_path / "half-copied.qkledger"
    db.open_ledger(path)
    for n in range(150):
        customers.add_customer(CustomerDraft(code=f"C{n:04d}", name="批发部" * 30))
    db.close_ledger()
    data = bytearray(path.read_bytes())
    data[3 * 4096 :] = bytes((i * 7 + 3) % 256 for i in range(len(data) - 3 * 4096))
    path.write_bytes(bytes(data))
    _refused(path, "damaged")


# --- read-only ledgers ----------------------------------------------------------------


_as_ordinary_user = as_ordinary_user  # root becomes `nobody`: permissions bind it


@pytest.fixture
def public_dir() -> Iterator[Path]:
    """A folder `nobody` can reach (pytest's tmp_path is private to root)."""
    with folder_anyone_can_enter() as path:
        yield path


def _open_as_ordinary_user(path: Path) -> str | None:
    """The refusal message, or None when the ledger opened."""
    try:
        with _as_ordinary_user():
            db.open_ledger(path)
    except LedgerFileError as err:
        return str(err)
    finally:
        db.close_ledger()
    return None


@pytest.mark.parametrize("folder_mode", [0o555, 0o777], ids=["read-only folder", "read-only file"])
def test_read_only_ledger_opens_read_only(public_dir: Path, folder_mode: int) -> None:
    """A ledger on a read-only medium, or a read-only file, can be looked at (and
    printed and exported from); a post is refused with a sentence, nothing changes."""
    path = public_dir / "shared.qkledger"
    _new_ledger(path)
    path.chmod(0o444)
    public_dir.chmod(folder_mode)
    before = _digest(path)
    with _as_ordinary_user():
        db.open_ledger(path, create=False)
        try:
            assert db.is_read_only()
            cid = customers.customer_by_code("C1").id
            assert ledger.balance(cid) == 100_00
            with pytest.raises(LedgerNotWritable) as caught:
                posting.post_payment(cid, dt.date(2026, 11, 5), 10_00, PaymentMethod.CASH)
            assert "is open read-only: nothing can be posted" in str(caught.value)
            assert path.name in str(caught.value)
            assert ledger.balance(cid) == 100_00
        finally:
            db.close_ledger()
    assert _digest(path) == before
    assert _side_files(path) == []


def test_read_only_ledger_still_shows_what_is_in_its_wal_file(public_dir: Path) -> None:
    """A copy taken while the ledger was open has its last posts in the -wal file:
    read-only opening must read them, not only the main file."""
    path = public_dir / "copy.qkledger"
    _new_ledger(path)
    db.open_ledger(path)
    database.execute_sql("PRAGMA wal_autocheckpoint = 0")
    cid = customers.customer_by_code("C1").id
    posting.post_delivery(cid, dt.date(2026, 11, 2), 23_00, doc_no="D2")
    for name in (path.name, f"{path.name}-wal"):
        shutil.copyfile(public_dir / name, public_dir / f"c-{name}")
    db.close_ledger()
    copy = public_dir / f"c-{path.name}"
    assert Path(f"{copy}-wal").stat().st_size > 0
    copy.chmod(0o444)
    public_dir.chmod(0o555)  # SQLite cannot make the -shm file it needs: refused, not misread
    message = _open_as_ordinary_user(copy)
    assert message is not None and "still in its -wal file" in message
    public_dir.chmod(0o777)
    with _as_ordinary_user():
        db.open_ledger(copy, create=False)
        try:
            assert db.is_read_only()
            assert ledger.balance(customers.customer_by_code("C1").id) == 123_00
        finally:
            db.close_ledger()


def test_old_read_only_ledger_that_needs_an_upgrade_is_refused(public_dir: Path) -> None:
    path = public_dir / "old.qkledger"
    _new_ledger(path)
    con = sqlite3.connect(path)
    con.execute(
        "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(schema.SCHEMA_VERSION - 1),)
    )
    con.commit()
    con.close()
    path.chmod(0o444)
    public_dir.chmod(0o555)
    message = _open_as_ordinary_user(path)
    assert message is not None and "needs write access" in message


def test_read_only_permissions_are_real_for_the_test_user(public_dir: Path) -> None:
    """Guard for the two tests above: the user they run as really cannot write."""
    path = public_dir / "probe.txt"
    path.write_text("x")
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    with _as_ordinary_user(), pytest.raises(PermissionError):
        path.open("a")


# --- a fresh ledger -------------------------------------------------------------------


def _meta(key: str) -> str:
    sql = f"SELECT value FROM meta WHERE key = {database.obj.param}"
    return database.execute_sql(sql, (key,)).fetchone()[0]


def test_fresh_ledger_says_what_it_is(ledger: str) -> None:
    assert _meta("app") == "qingkuan"
    assert _meta("schema_version") == str(schema.SCHEMA_VERSION)


def _pragma(name: str) -> object:
    return database.execute_sql(f"PRAGMA {name}").fetchone()[0]


def test_sqlite_runs_durable_and_checked(sqlite_ledger: str) -> None:
    for _attempt in range(2):  # pragmas are per connection: they hold after reopening too
        assert _pragma("journal_mode") == "wal"
        assert _pragma("synchronous") == 2  # FULL: a power cut loses no committed entry
        assert _pragma("foreign_keys") == 1
        assert _pragma("busy_timeout") > 0
        db.close_ledger()
        db.open_ledger(sqlite_ledger)


def test_reopened_ledger_keeps_its_entries(tmp_path: Path) -> None:
    path = tmp_path / "reopen.qkledger"
    _new_ledger(path)
    db.open_ledger(path)
    try:
        cid = customers.customer_by_code("C1").id
        assert ledger.balance(cid) == 100_00
    finally:
        db.close_ledger()
    assert _side_files(path) == []


def test_closing_keeps_planner_statistics(tmp_path: Path) -> None:
    """Closing runs PRAGMA optimize so queries stay on their indexes as the ledger
    grows (its analysis limit, which keeps a big ledger's close fast, is measured by
    bench/bench_route_days.py: `today` spends 0.5 s less per run)."""
    path = tmp_path / "stats.qkledger"
    _new_ledger(path)
    db.open_ledger(path)
    ledger.balance(customers.customer_by_code("C1").id)
    db.close_ledger()
    with sqlite3.connect(path) as raw:
        analysed = {row[0] for row in raw.execute("SELECT tbl FROM sqlite_stat1")}
    assert "entry" in analysed  # the table every balance and aging query reads


# --- the database itself refuses to change history ------------------------------------


@pytest.fixture
def posted(ledger: str) -> dict[str, int]:
    cid = customers.add_customer(CustomerDraft(code="C1", name="东城王记")).id
    delivery = posting.post_delivery(
        cid,
        dt.date(2026, 11, 1),
        120_00,
        doc_no="D1",
        lines=[DeliveryLine("青岛啤酒", "10", 12_00, 120_00)],
    )
    payment = posting.post_payment(cid, dt.date(2026, 11, 5), 50_00, PaymentMethod.CASH)
    reversal = posting.void(payment.id, "typed twice")
    return {
        "customer": cid,
        "delivery": delivery.id,
        "payment": payment.id,
        "reversal": reversal.id,
    }


def _refused_sql(sql: str, match: str) -> None:
    # On PostgreSQL a failed statement aborts the transaction: run each in its own.
    with pytest.raises(pw.DatabaseError, match=match), database.atomic():
        database.execute_sql(sql)


def _history() -> list[tuple]:
    entries = database.execute_sql(
        "SELECT id, customer_id, date, kind, amount, delta, reverses_id, void_reason "
        "FROM entry ORDER BY id"
    ).fetchall()
    lines = database.execute_sql(
        "SELECT id, entry_id, product, qty, unit_price, amount FROM entry_line ORDER BY id"
    ).fetchall()
    return [tuple(r) for r in entries] + [tuple(r) for r in lines]


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE entry SET amount = 1, delta = 1",
        "UPDATE entry SET void_reason = 'nothing happened' WHERE reverses_id IS NOT NULL",
        "DELETE FROM entry WHERE reverses_id IS NOT NULL",
        "DELETE FROM entry",
        "UPDATE entry_line SET unit_price = 1, amount = 10",
        "DELETE FROM entry_line",
    ],
)
def test_raw_sql_cannot_change_or_delete_entries(posted: dict[str, int], sql: str) -> None:
    before = _history()
    _refused_sql(sql, "never changed or deleted")
    assert _history() == before
    assert ledger.balance(posted["customer"]) == 120_00


def test_raw_sql_cannot_void_a_reversal(posted: dict[str, int]) -> None:
    before = _history()
    _refused_sql(_reversal_sql(posted["customer"], posted["reversal"], delta=-50_00), "reversal")
    assert _history() == before
    assert ledger.balance(posted["customer"]) == 120_00


def test_raw_sql_cannot_void_an_entry_twice(posted: dict[str, int]) -> None:
    before = _history()
    _refused_sql(
        _reversal_sql(posted["customer"], posted["payment"], delta=50_00), r"(?i)unique|duplicate"
    )
    assert _history() == before
    assert ledger.balance(posted["customer"]) == 120_00


def _reversal_sql(customer_id: int, reverses_id: int, delta: int) -> str:
    return (
        "INSERT INTO entry (customer_id, date, kind, amount, delta, doc_no, memo, method, "
        "reverses_id, void_reason, entered_by, created_at, import_key) VALUES "
        f"({customer_id}, '2026-11-05', 'payment', 5000, {delta}, '', '', 'cash', "
        f"{reverses_id}, 'sneaky', 'sql', '2026-11-26 09:00:00', NULL)"
    )
