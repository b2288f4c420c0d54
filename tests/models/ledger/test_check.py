"""The integrity check: a sound ledger has no problems; damage is found and named."""

from __future__ import annotations

import datetime as dt

from models.ledger import cheque_status, customers, posting
from models.ledger.check import check_ledger
from models.storage.tables import database
from models.vocabulary.customer_records import CustomerDraft
from models.vocabulary.entry_records import PaymentMethod


def _busy_ledger() -> int:
    cid = customers.add_customer(CustomerDraft(code="C1", name="东城王记")).id
    other = customers.add_customer(CustomerDraft(code="C2", name="西关李记")).id
    d1 = posting.post_delivery(cid, dt.date(2026, 9, 1), 500_00, doc_no="D1")
    posting.post_delivery(cid, dt.date(2026, 10, 1), 300_00, doc_no="D2")
    posting.void(d1.id, "wrong customer")
    cheque = posting.post_payment(
        cid, dt.date(2026, 10, 5), 200_00, PaymentMethod.CHEQUE, cheque_no="CH1"
    )
    cheque_status.bounce_cheque(cheque.id, "no funds")
    posting.post_payment(cid, dt.date(2026, 10, 6), 100_00, PaymentMethod.CASH)
    posting.post_opening(other, dt.date(2026, 1, 1), -50_00)
    return cid


def test_sound_ledger_has_no_problems(ledger: str) -> None:
    _busy_ledger()
    assert check_ledger() == []


def test_empty_ledger_has_no_problems(ledger: str) -> None:
    assert check_ledger() == []


def _tamper(sql: str) -> None:
    """Change entries behind the model's back (as damage or a foreign tool would)."""
    for trigger in ("entry_no_update", "entry_no_delete", "entry_line_no_update"):
        database.execute_sql(f"DROP TRIGGER IF EXISTS {trigger}")
    database.execute_sql(sql)


def test_changed_delta_is_found(sqlite_ledger: str) -> None:
    _busy_ledger()
    _tamper("UPDATE entry SET delta = delta + 1 WHERE doc_no = 'D2'")
    problems = check_ledger()
    assert any("does not match its kind and amount" in p for p in problems)
    assert any("C1" in p for p in problems)


def test_reversal_that_does_not_mirror_is_found(sqlite_ledger: str) -> None:
    _busy_ledger()
    _tamper(
        "UPDATE entry SET amount = amount + 100, delta = delta - 100 "
        "WHERE reverses_id IS NOT NULL AND kind = 'delivery'"
    )
    problems = check_ledger()
    assert any("does not mirror entry" in p for p in problems)
    assert any("do not cancel out" in p for p in problems)


def test_reversal_of_a_reversal_is_found(sqlite_ledger: str) -> None:
    _busy_ledger()
    database.execute_sql("DROP TRIGGER entry_no_void_of_reversal")
    reversal = database.execute_sql(
        "SELECT id, customer_id, date, kind, amount, delta FROM entry "
        "WHERE reverses_id IS NOT NULL AND kind = 'delivery'"
    ).fetchone()
    rid, cid, on, kind, amount, delta = reversal
    database.execute_sql(
        "INSERT INTO entry (customer_id, date, kind, amount, delta, doc_no, memo, reverses_id, "
        "void_reason, entered_by, created_at) VALUES (?, ?, ?, ?, ?, '', '', ?, 'x', '', ?)",
        (cid, on, kind, amount, -delta, rid, "2026-11-26 09:00:00"),
    )
    assert any("is itself a reversal" in p for p in check_ledger())


def test_cheque_on_a_delivery_is_found(sqlite_ledger: str) -> None:
    _busy_ledger()
    # The cheque moves to a delivery, its status history with it.
    database.execute_sql("PRAGMA foreign_keys = OFF")
    database.execute_sql("DROP TRIGGER IF EXISTS cheque_status_change_no_update")
    for table in ("cheque", "cheque_status_change"):
        database.execute_sql(
            f"UPDATE {table} SET entry_id = (SELECT id FROM entry WHERE doc_no = 'D2' "
            "AND reverses_id IS NULL)"
        )
    assert any("which is not a payment" in p for p in check_ledger())


def test_damaged_file_is_reported(sqlite_ledger: str) -> None:
    _busy_ledger()
    database.execute_sql("PRAGMA foreign_keys = OFF")
    database.execute_sql("DROP TRIGGER IF EXISTS entry_no_update")
    database.execute_sql("UPDATE entry SET customer_id = 999 WHERE doc_no = 'D2'")
    problems = check_ledger()
    assert any("points to a missing row of table customer" in p for p in problems)
