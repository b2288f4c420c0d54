"""The daily totals the review's trend reads: kept by the entry trigger, rebuilt by the
migration that adds them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from models.ledger import posting
from models.storage import db, schema
from models.storage.tables import DailyTotalRow, Meta
from models.vocabulary.entry_records import PaymentMethod
from tests.models.helpers import D, make_customer


def _totals() -> dict[tuple[str, str], int]:
    return {
        (r.date.isoformat(), r.kind.value): r.total
        for r in DailyTotalRow.select().order_by(DailyTotalRow.date)
    }


def _post_some() -> None:
    c = make_customer()
    posting.post_delivery(c.id, D(2026, 11, 2), 500_00)
    posting.post_delivery(c.id, D(2026, 11, 2), 20_00)
    pay = posting.post_payment(c.id, D(2026, 11, 3), 100_00, PaymentMethod.CASH)
    posting.void(pay.id, "typo")  # the reversal cancels it on its own date


def test_the_trigger_keeps_each_days_total_per_kind(ledger_target: None) -> None:
    _post_some()
    assert _totals() == {("2026-11-02", "delivery"): 520_00, ("2026-11-03", "payment"): 0}


def test_a_ledger_from_before_gets_its_daily_totals_built(tmp_path: Path) -> None:
    before = next(v for v, step in schema.MIGRATIONS.items() if step is schema._add_daily_totals)
    path = tmp_path / "old.qkledger"
    db.open_ledger(path)
    _post_some()
    db.close_ledger()
    con = sqlite3.connect(path)
    con.executescript(
        f"""
        DROP TRIGGER entry_keeps_daily_total;
        DROP TABLE daily_total;
        UPDATE meta SET value = '{before}' WHERE key = 'schema_version';
        """
    )
    con.commit()
    con.close()
    db.open_ledger(path)
    try:
        assert Meta.get(Meta.key == "schema_version").value == str(schema.SCHEMA_VERSION)
        assert _totals()[("2026-11-02", "delivery")] == 520_00
        posting.post_delivery(1, D(2026, 11, 2), 1_00)  # the trigger is back
        assert _totals()[("2026-11-02", "delivery")] == 521_00
    finally:
        db.close_ledger()


def test_check_finds_a_daily_total_that_disagrees(ledger_target: None) -> None:
    from models.ledger.check import check_ledger
    from models.storage.tables import database

    _post_some()
    assert check_ledger() == []
    database.execute_sql("UPDATE daily_total SET total = total + 1 WHERE kind = 'delivery'")
    assert check_ledger() == [
        "The review's total of Delivery entries on 2026-11-02 is 520.01, but the entries "
        "add up to 520.00."
    ]
