"""A cheque's status: allowed moves, setting a mistake back, and the kept history."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee as pw
import pytest

from models.ledger import cheque_status, entries, posting
from models.storage import db, schema, session
from models.storage.tables import ChequeStatusChangeRow, Meta
from models.vocabulary.entry_records import ChequeStatus, PaymentMethod
from models.vocabulary.errors import LedgerError
from tests.models.helpers import D, make_customer

R, DEP, CLR, BNC = (
    ChequeStatus.RECEIVED,
    ChequeStatus.DEPOSITED,
    ChequeStatus.CLEARED,
    ChequeStatus.BOUNCED,
)


def _cheque() -> int:
    c = make_customer()
    posting.post_delivery(c.id, D(2026, 11, 1), 500_00)
    pay = posting.post_payment(
        c.id, D(2026, 11, 2), 500_00, PaymentMethod.CHEQUE, cheque_no="778899", bank="工行"
    )
    return pay.id


def test_a_status_set_by_mistake_is_set_back_and_the_history_kept(ledger_target: None) -> None:
    entry_id = _cheque()
    assert cheque_status.previous_cheque_status(entry_id) is None  # nothing to set back yet
    session.set_user("小李")
    cheque_status.set_cheque_status(entry_id, DEP)
    assert cheque_status.previous_cheque_status(entry_id) is R
    cheque_status.set_cheque_status(entry_id, R)  # deposited by mistake
    assert entries.get_entry(entry_id).cheque.status is R
    cheque_status.set_cheque_status(entry_id, CLR)
    assert cheque_status.previous_cheque_status(entry_id) is R  # back to where it came from
    history = cheque_status.cheque_history(entry_id)
    assert [(h.from_status, h.to_status) for h in history] == [(R, DEP), (DEP, R), (R, CLR)]
    # On a shared ledger the signed-in login is who changed it, whatever name was set.
    expected = "小李" if not db.is_postgres() else session.current_user()
    assert {h.changed_by for h in history} == {expected}
    assert all(h.changed_at is not None for h in history)


def test_moves_that_make_no_sense_are_refused(ledger_target: None) -> None:
    entry_id = _cheque()
    with pytest.raises(LedgerError, match="already received"):
        cheque_status.set_cheque_status(entry_id, R)
    with pytest.raises(LedgerError, match="bounce"):
        cheque_status.set_cheque_status(entry_id, BNC)
    cheque_status.bounce_cheque(entry_id, "余额不足")
    assert [(h.from_status, h.to_status) for h in cheque_status.cheque_history(entry_id)] == [
        (R, BNC)
    ]
    assert cheque_status.previous_cheque_status(entry_id) is None
    for status in (R, DEP, CLR):
        with pytest.raises(LedgerError, match="bounced"):
            cheque_status.set_cheque_status(entry_id, status)


def test_the_database_refuses_odd_moves_and_edits_to_the_history(ledger_target: None) -> None:
    entry_id = _cheque()
    cheque_status.set_cheque_status(entry_id, DEP)
    with pytest.raises(pw.IntegrityError), db.transaction():
        ChequeStatusChangeRow.create(
            entry=entry_id, from_status=BNC, to_status=R, changed_at=D(2026, 11, 3)
        )
    with pytest.raises((pw.IntegrityError, pw.InternalError, pw.DatabaseError)), db.transaction():
        ChequeStatusChangeRow.update(changed_by="someone").execute()
    with pytest.raises((pw.IntegrityError, pw.InternalError, pw.DatabaseError)), db.transaction():
        ChequeStatusChangeRow.delete().execute()
    assert len(cheque_status.cheque_history(entry_id)) == 1


def test_a_version_4_ledger_gets_the_history_table(tmp_path: Path) -> None:
    path = tmp_path / "v4.qkledger"
    db.open_ledger(path)
    db.close_ledger()
    con = sqlite3.connect(path)
    con.execute("DROP TABLE cheque_status_change")
    con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    db.open_ledger(path)
    try:
        assert Meta.get(Meta.key == "schema_version").value == str(schema.SCHEMA_VERSION)
        entry_id = _cheque()
        cheque_status.set_cheque_status(entry_id, CLR)
        assert [h.to_status for h in cheque_status.cheque_history(entry_id)] == [CLR]
        schema.MIGRATIONS[4](db.database)  # idempotent: running it again changes nothing
    finally:
        db.close_ledger()
