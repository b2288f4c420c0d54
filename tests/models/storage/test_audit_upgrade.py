"""A ledger of version 11 gets the audit trail on opening (schema.add_audit_trail), the
same as a new ledger's; and clerks editing at once on PostgreSQL keep its chain whole."""

from __future__ import annotations

import threading

import psycopg2
import pytest

from models.ledger import audit, customers, posting
from models.ledger.check import check_ledger
from models.storage import audit_guards, db, guards, schema
from models.storage.tables import Meta, database
from models.vocabulary.customer_records import CustomerDraft
from tests.models.helpers import D


def _downgrade_to_version_11() -> None:
    pg = db.is_postgres()
    triggers = audit_guards.PG_TRIGGERS if pg else audit_guards.SQLITE_TRIGGERS
    for name, spec in triggers.items():
        database.execute_sql(f"DROP TRIGGER {name}" + (f" ON {spec[0]}" if pg else ""))
    database.execute_sql("DROP TABLE audit_log")
    Meta.delete().where(Meta.key == "audit_chain_tip").execute()
    Meta.update(value="11").where(Meta.key == "schema_version").execute()


def test_version_11_ledgers_get_the_audit_trail(ledger: str) -> None:
    c = customers.add_customer(CustomerDraft(code="C1", name="东城王记"))
    _downgrade_to_version_11()
    db.close_ledger()
    db.open_ledger(ledger)
    assert Meta.get(Meta.key == "schema_version").value == str(schema.SCHEMA_VERSION)
    assert audit.audit_log() == []  # the trail starts at the upgrade
    customers.update_customer(c.id, CustomerDraft(code="C1", name="东城王记便利店"))
    assert [r.kind for r in audit.audit_log()] == ["customer.edit"]
    assert guards.missing(database.obj) == []
    with db.transaction():
        schema.add_audit_trail(database.obj)  # safe to run twice
    assert check_ledger() == []


@pytest.mark.only_on("postgres")  # SQLite admits one writer at a time
def test_clerks_editing_at_once_keep_the_chain_whole(ledger: str) -> None:
    """Two sessions edit customers while a third posts and voids: every change is in the
    trail, in one unbroken chain, and no session deadlocks on the two tips."""
    ids = [customers.add_customer(CustomerDraft(code=f"C{n}", name="店")).id for n in range(3)]
    errors: list[BaseException] = []

    def edit(customer_id: int) -> None:
        conn = psycopg2.connect(ledger)
        try:
            for n in range(40):
                with conn, conn.cursor() as cur:
                    cur.execute(
                        "UPDATE customer SET phones = %s WHERE id = %s", (str(n), customer_id)
                    )
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)
        finally:
            conn.close()

    def post_and_void() -> None:
        try:
            for n in range(15):
                entry = posting.post_delivery(ids[2], D(2026, 11, 20), 100, doc_no=f"D{n}")
                posting.void(entry.id, "again")
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)
        finally:
            db.close_thread_connection()

    threads = [threading.Thread(target=edit, args=(i,)) for i in ids[:2]]
    threads.append(threading.Thread(target=post_and_void))
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    kinds = [r.kind for r in audit.audit_log()]
    assert kinds.count("customer.edit") == 80 and kinds.count("entry.void") == 15
    assert check_ledger() == []


def test_a_restore_is_in_the_restored_ledgers_trail(sqlite_ledger: str, tmp_path) -> None:
    """No trigger sees pages replaced: the restore writes its own row, by the person
    signed in, chained after the backup's rows."""
    from models.storage import backup, restoring, session

    customers.add_customer(CustomerDraft(code="C1", name="东城王记"))
    saved = backup.back_up(sqlite_ledger, tmp_path / "saved.qkledger")
    customers.add_customer(CustomerDraft(code="C2", name="西关李记"))  # lost by the restore
    db.close_ledger()
    session.set_user("boss")
    try:
        (tmp_path / "kept").mkdir()
        restoring.restore(sqlite_ledger, saved, folder=tmp_path / "kept")
    finally:
        session.set_user("")
    db.open_ledger(sqlite_ledger)
    trail = audit.audit_log()
    assert [(r.kind, r.subject) for r in trail] == [
        ("ledger.restore", "saved.qkledger"),
        ("customer.add", "C1"),
    ]
    restored = trail[0]
    assert restored.who == "boss"
    assert restored.after["customers"] == 1 and restored.after["backup"] == "saved.qkledger"
    assert restored.before["kept"].endswith(".qkledger")
    assert check_ledger() == []
