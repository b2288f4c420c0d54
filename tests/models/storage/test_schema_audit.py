"""A ledger's schema is the app's own: what another tool added is refused until removed
with consent, what is missing is damage; restore checks a file completely first.

Every test works on real ledger files, changed with plain sqlite3 the way a ledger
"received from elsewhere" would have been.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from models.ledger import customers, posting, promises
from models.ledger.check import check_ledger
from models.storage import backup, db, restoring, schema, schema_audit
from models.storage.tables import database
from models.vocabulary.customer_records import CustomerDraft
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.errors import ForeignSchema, LedgerFileError, LedgerNotWritable
from tests.models.helpers import D

# The attack found in the audit: on every payment, the customer's phone changes, the
# credit limit becomes 999,999,999 and the customer's promises are deleted.
ATTACK = """
CREATE TRIGGER sync_contacts AFTER INSERT ON entry WHEN NEW.kind = 'payment' BEGIN
  UPDATE customer SET phones = '13800000000', credit_limit = 99999999900
  WHERE id = NEW.customer_id;
  DELETE FROM promise WHERE customer_id = NEW.customer_id;
END;
"""


def _ledger_file(path: Path) -> Path:
    """A closed ledger file: one customer with a phone, a delivery and a promise."""
    db.open_ledger(path)
    c = customers.add_customer(
        CustomerDraft(code="C1", name="东城王记", phones="13911112222", credit_limit=5_000_00)
    )
    posting.post_delivery(c.id, D(2026, 11, 2), 800_00, doc_no="SH-1")
    promises.make_promise(c.id, 300_00, dt.datetime(2026, 11, 30, 17, 0))
    db.close_ledger()
    return path


def _sql(path: Path, script: str) -> None:
    con = sqlite3.connect(path)
    con.executescript(script)
    con.commit()
    con.close()


def _schema_of(path: Path) -> list[schema_audit.Problem]:
    con = sqlite3.connect(path)
    try:
        return schema_audit.schema_problems(con)
    finally:
        con.close()


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


def test_a_new_ledger_is_exactly_the_apps_definition(tmp_path: Path) -> None:
    assert _schema_of(_ledger_file(tmp_path / "new.qkledger")) == []


def test_a_foreign_trigger_refuses_opening_for_writing(tmp_path: Path) -> None:
    path = _ledger_file(tmp_path / "received.qkledger")
    _sql(path, ATTACK)
    before = _bytes(path)
    with pytest.raises(ForeignSchema, match="trigger ‘sync_contacts’") as refused:
        db.open_ledger(path, create=False)
    assert refused.value.names == ["trigger ‘sync_contacts’"]
    assert "check --remove-foreign" in str(refused.value)
    assert _bytes(path) == before  # nothing was written, the trigger never ran


def test_check_names_the_foreign_trigger_and_nothing_can_be_posted(tmp_path: Path) -> None:
    path = _ledger_file(tmp_path / "received.qkledger")
    _sql(path, ATTACK)
    db.open_ledger(path, create=False, inspect=True)
    try:
        assert db.is_read_only()
        problems = check_ledger()
        assert any("trigger ‘sync_contacts’, which Qingkuan did not make" in p for p in problems)
        with pytest.raises(LedgerNotWritable, match="sync_contacts"):
            posting.post_payment(1, D(2026, 11, 20), 100_00, PaymentMethod.CASH)
    finally:
        db.close_ledger()


def test_restore_refuses_a_file_with_a_foreign_trigger(tmp_path: Path) -> None:
    ledger = _ledger_file(tmp_path / "shop.qkledger")
    received = _ledger_file(tmp_path / "received.qkledger")
    _sql(received, ATTACK)
    before = _bytes(ledger)
    with pytest.raises(LedgerFileError, match="trigger ‘sync_contacts’, not made by Qingkuan"):
        restoring.restore(ledger, received)
    assert _bytes(ledger) == before
    assert "sync_contacts" in backup.verify(received)


def test_restoring_over_a_ledger_with_a_foreign_trigger_keeps_it_for_inspection(
    tmp_path: Path,
) -> None:
    """The received ledger became the current one; the good backup still restores, and
    the copy kept of the replaced ledger is the file as it was."""
    good = _ledger_file(tmp_path / "good.qkledger")
    current = _ledger_file(tmp_path / "shop.qkledger")
    _sql(current, ATTACK)
    kept = restoring.restore(current, good).kept
    assert kept is not None
    assert "sync_contacts" in backup.verify(kept)  # kept as it was, refused as a backup
    db.open_ledger(current, create=False)
    db.close_ledger()


def test_after_removal_with_consent_the_ledger_opens_and_posts_plainly(tmp_path: Path) -> None:
    path = _ledger_file(tmp_path / "received.qkledger")
    _sql(path, ATTACK + "CREATE VIEW owed AS SELECT * FROM balance_cache;")
    removed = schema_audit.remove_foreign(path)
    assert {p.thing for p in removed} == {"trigger ‘sync_contacts’", "view ‘owed’"}
    db.open_ledger(path, create=False)
    try:
        posting.post_payment(1, D(2026, 11, 20), 100_00, PaymentMethod.CASH)
        customer = customers.get_customer(1)
        assert (customer.phones, customer.credit_limit) == ("13911112222", 5_000_00)
        assert len(promises.promises_for(1)) == 1
        assert check_ledger() == []
    finally:
        db.close_ledger()
    assert schema_audit.remove_foreign(path) == []


def test_foreign_tables_columns_views_and_indexes_are_named(tmp_path: Path) -> None:
    path = _ledger_file(tmp_path / "received.qkledger")
    _sql(
        path,
        "CREATE TABLE notes (x TEXT); ALTER TABLE customer ADD COLUMN wechat TEXT;"
        "CREATE VIEW v AS SELECT 1; CREATE UNIQUE INDEX one_phone ON customer (phones);"
        "DROP INDEX entry_reverses_once;"
        "CREATE UNIQUE INDEX entry_reverses_once ON entry (reverses_id);",  # no WHERE
    )
    found = {(p.kind, p.what, p.name) for p in _schema_of(path)}
    assert found == {
        ("foreign", "table", "notes"),
        ("foreign", "column", "customer.wechat"),
        ("foreign", "view", "v"),
        ("foreign", "index", "one_phone"),
        ("altered", "index", "entry_reverses_once"),
    }
    with pytest.raises(ForeignSchema):
        db.open_ledger(path, create=False)
    schema_audit.remove_foreign(path)
    assert _schema_of(path) == []  # Qingkuan's own index is back as Qingkuan makes it


def test_a_missing_index_is_reported_and_put_back_on_opening(tmp_path: Path) -> None:
    path = _ledger_file(tmp_path / "shop.qkledger")
    _sql(path, "DROP INDEX entry_import_key_once;")
    assert [(p.kind, p.name) for p in _schema_of(path)] == [("missing", "entry_import_key_once")]
    with pytest.raises(LedgerFileError, match="index ‘entry_import_key_once’ is missing"):
        backup.read_totals(path)  # not restored as it is
    db.open_ledger(path, create=False)
    try:
        assert any("entry_import_key_once" in p for p in check_ledger())  # put back: said so
    finally:
        db.close_ledger()
    assert _schema_of(path) == []


def test_a_missing_table_is_damage_opening_and_restore_refuse(tmp_path: Path) -> None:
    path = _ledger_file(tmp_path / "shop.qkledger")
    _sql(path, "DROP TABLE daily_total;")
    with pytest.raises(LedgerFileError, match="table ‘daily_total’ is missing"):
        db.open_ledger(path, create=False)
    db.open_ledger(path, create=False, inspect=True)
    try:
        assert any("table ‘daily_total’ is missing" in p for p in check_ledger())
    finally:
        db.close_ledger()


def test_restore_refuses_a_fake_three_table_ledger_naming_what_is_missing(
    tmp_path: Path,
) -> None:
    ledger = _ledger_file(tmp_path / "shop.qkledger")
    fake = tmp_path / "fake.qkledger"
    _sql(
        fake,
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
        "INSERT INTO meta VALUES ('app', 'qingkuan'), ('schema_version', '10');"
        "CREATE TABLE customer (id INTEGER PRIMARY KEY, code TEXT);"
        "CREATE TABLE entry (id INTEGER PRIMARY KEY, date TEXT, delta INTEGER);",
    )
    before = _bytes(ledger)
    with pytest.raises(LedgerFileError) as refused:
        restoring.restore(ledger, fake)
    for missing in ("table ‘promise’ is missing", "table ‘entry_chain’ is missing",
                    "column ‘entry.customer_id’ is missing"):  # fmt: skip
        assert missing in str(refused.value)
    assert _bytes(ledger) == before


@pytest.mark.parametrize("version", [None, "0", "", "ten", "1e3", "-1"])
def test_restore_refuses_a_missing_zero_or_garbled_version(
    tmp_path: Path, version: str | None
) -> None:
    ledger = _ledger_file(tmp_path / "shop.qkledger")
    bad = _ledger_file(tmp_path / "bad.qkledger")
    if version is None:
        _sql(bad, "DELETE FROM meta WHERE key = 'schema_version';")
    else:
        _sql(bad, f"UPDATE meta SET value = '{version}' WHERE key = 'schema_version';")
    with pytest.raises(LedgerFileError, match="its version is missing or unreadable"):
        restoring.restore(ledger, bad)


def _v1_backup(path: Path) -> Path:
    from tests.models.storage.test_migrations import _make_v1_ledger

    _make_v1_ledger(path)
    return path


def test_an_older_backup_is_checked_as_upgraded_and_restored(tmp_path: Path) -> None:
    ledger = _ledger_file(tmp_path / "shop.qkledger")
    old = _v1_backup(tmp_path / "old.qkledger")
    assert backup.read_totals(old).schema_version == 1
    restoring.restore(ledger, old)
    db.open_ledger(ledger, create=False)
    try:
        assert db.schema_version() == schema.SCHEMA_VERSION
        assert check_ledger() == []
    finally:
        db.close_ledger()


def test_an_older_backup_with_a_foreign_trigger_or_missing_tables_is_refused(
    tmp_path: Path,
) -> None:
    ledger = _ledger_file(tmp_path / "shop.qkledger")
    old = _v1_backup(tmp_path / "old.qkledger")
    _sql(old, ATTACK)
    with pytest.raises(LedgerFileError, match="sync_contacts"):
        restoring.restore(ledger, old)
    fake = tmp_path / "fake-v1.qkledger"
    _sql(
        fake,
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
        "INSERT INTO meta VALUES ('app', 'qingkuan'), ('schema_version', '1');"
        "CREATE TABLE customer (id INTEGER PRIMARY KEY, code TEXT);"
        "CREATE TABLE entry (id INTEGER PRIMARY KEY, date TEXT, delta INTEGER);",
    )
    with pytest.raises(LedgerFileError, match="cannot be restored"):
        restoring.restore(ledger, fake)


def test_an_older_ledger_with_a_foreign_trigger_is_not_upgraded(tmp_path: Path) -> None:
    """The upgrade writes: the foreign trigger must not get to run during it."""
    old = _v1_backup(tmp_path / "old.qkledger")
    _sql(old, "CREATE TRIGGER spy AFTER UPDATE ON meta BEGIN DELETE FROM promise; END;")
    before = _bytes(old)
    with pytest.raises(ForeignSchema, match="spy"):
        db.open_ledger(old, create=False)
    assert _bytes(old) == before


def test_check_reports_a_foreign_trigger_on_either_backend(ledger: str) -> None:
    if db.is_postgres():
        database.execute_sql(
            "CREATE FUNCTION sync_contacts() RETURNS trigger AS $$ BEGIN "
            "UPDATE customer SET credit_limit = 99999999900 WHERE id = NEW.customer_id; "
            "RETURN NEW; END; $$ LANGUAGE plpgsql"
        )
        database.execute_sql(
            "CREATE TRIGGER sync_contacts AFTER INSERT ON entry "
            "FOR EACH ROW EXECUTE FUNCTION sync_contacts()"
        )
    else:
        database.execute_sql(ATTACK)
    assert check_ledger() == [
        "The ledger holds trigger ‘sync_contacts’, which Qingkuan did not make: it could "
        "change figures behind your back. Remove it with ‘main.py check --remove-foreign’ "
        "if you did not add it yourself."
    ]
