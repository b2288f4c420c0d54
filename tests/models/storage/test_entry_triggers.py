"""The derived tables stay exact whatever writes entries: the balance cache (balance,
latest date, latest standing payment), each day's total per kind and the live document
numbers. On PostgreSQL the triggers keep them once per INSERT statement over all its
rows (models/storage/guards.py), so here statements of many mixed rows are written
too, voids and new postings of the voided number in one statement included, and an
old ledger with the row-level triggers of version 11 is upgraded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import peewee as pw
import pytest

from models.exchange.importing.run import import_file
from models.ledger import posting
from models.ledger.check import check_ledger
from models.storage import db, guards, schema
from models.storage.tables import database
from models.vocabulary.entry_records import PaymentMethod
from tests.conftest import close_test_ledger, postgres_or_skip
from tests.models.helpers import D, make_customer

STANDING = "e.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses_id = e.id)"


def derived() -> dict[str, set[tuple]]:
    """The three derived tables as stored."""
    rows = {
        "balance": "SELECT customer_id, balance, last_date, last_payment_on FROM balance_cache",
        "daily": "SELECT date, kind, total FROM daily_total WHERE total <> 0",
        "live": "SELECT customer_id, kind, doc_no, entry_id FROM live_document",
    }
    return {name: {tuple(r) for r in database.execute_sql(sql)} for name, sql in rows.items()}


def recomputed() -> dict[str, set[tuple]]:
    """The same, summed from the entries."""
    rows = {
        "balance": "SELECT c.customer_id, SUM(c.delta), MAX(c.date), (SELECT MAX(e.date) "
        f"FROM entry e WHERE e.customer_id = c.customer_id AND e.kind = 'payment' AND {STANDING}) "
        "FROM entry c GROUP BY c.customer_id",
        "daily": "SELECT date, kind, SUM(delta) FROM entry GROUP BY date, kind "
        "HAVING SUM(delta) <> 0",
        "live": "SELECT e.customer_id, e.kind, e.doc_no, e.id FROM entry e WHERE e.doc_no <> '' "
        f"AND e.kind IN ('delivery', 'return') AND {STANDING}",
    }
    return {name: {tuple(r) for r in database.execute_sql(sql)} for name, sql in rows.items()}


def _exact() -> None:
    assert derived() == recomputed()


def test_posts_voids_and_imports_keep_the_derived_tables_exact(ledger: str, tmp_path: Path) -> None:
    a, b = make_customer("A1"), make_customer("B1", name="南城超市")
    posting.post_opening(a.id, D(2026, 9, 1), 50_00)
    d1 = posting.post_delivery(a.id, D(2026, 10, 1), 300_00, doc_no="SH-1")
    p1 = posting.post_payment(a.id, D(2026, 11, 20), 100_00, PaymentMethod.CASH)
    p0 = posting.post_payment(a.id, D(2026, 10, 5), 20_00, PaymentMethod.CASH)
    posting.post_return(b.id, D(2026, 11, 2), 10_00, doc_no="TH-1")
    _exact()
    posting.void(p1.id, "counted twice")  # the latest payment: the one before counts again
    posting.void(d1.id, "wrong shop")  # its number is free again
    posting.post_delivery(a.id, D(2026, 11, 3), 280_00, doc_no="SH-1")
    posting.void(p0.id, "bounced")  # no standing payment left
    _exact()
    sheet = tmp_path / "entries.csv"
    sheet.write_text(
        "customer_code,date,kind,amount,doc_no,method\n"
        "A1,2026-11-21,delivery,12.00,SH-2,\n"
        "B1,2026-11-21,delivery,15.00,SH-2,\n"
        "B1,2026-11-22,payment,5.00,,cash\n"
        "A1,2026-11-22,return,1.00,TH-9,\n",
        encoding="utf-8",
    )
    import_file("entries", sheet)
    _exact()
    assert check_ledger() == []


@pytest.fixture
def pg_ledger() -> object:
    url = postgres_or_skip()
    db.open_ledger(url)
    try:
        yield url
    finally:
        close_test_ledger()


_COLUMNS = (
    "customer_id, date, kind, amount, delta, doc_no, reverses_id, memo, void_reason, "
    "entered_by, created_at"
)


def _insert(rows: list[tuple]) -> None:
    """One INSERT statement of many rows (raw SQL: the triggers are all that runs)."""
    values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s, '', '', 'test', now())"] * len(rows))
    database.execute_sql(
        f"INSERT INTO entry ({_COLUMNS}) VALUES {values}", [v for row in rows for v in row]
    )


@pytest.mark.postgres
def test_one_statement_of_mixed_rows_keeps_the_derived_tables_exact(pg_ledger: str) -> None:
    a, b = make_customer("A1"), make_customer("B1", name="南城超市")
    d1 = posting.post_delivery(a.id, D(2026, 10, 1), 300_00, doc_no="SH-1")
    p1 = posting.post_payment(a.id, D(2026, 11, 20), 100_00, PaymentMethod.CASH)
    on = dt.date(2026, 11, 25)
    with db.transaction():
        _insert(
            [
                (a.id, D(2026, 10, 1), "delivery", 300_00, -300_00, "SH-1", d1.id),  # void
                (a.id, on, "delivery", 250_00, 250_00, "SH-1", None),  # posted again
                (a.id, D(2026, 11, 20), "payment", 100_00, 100_00, "", p1.id),  # void
                (a.id, D(2026, 11, 10), "payment", 30_00, -30_00, "", None),
                (b.id, on, "delivery", 10_00, 10_00, "SH-1", None),
                (b.id, on, "return", 2_00, -2_00, "TH-1", None),
                (b.id, on, "payment", 5_00, -5_00, "", None),
            ]
        )
    _exact()
    stored = {r[0]: r for r in derived()["balance"]}
    assert stored[a.id][1:] == (250_00 - 30_00, on, D(2026, 11, 10))
    assert stored[b.id][3] == on


@pytest.mark.postgres
def test_a_second_live_number_in_one_statement_is_refused_and_nothing_written(
    pg_ledger: str,
) -> None:
    a = make_customer("A1")
    before = derived()
    on = dt.date(2026, 11, 25)
    with pytest.raises(pw.IntegrityError), db.transaction():
        _insert(
            [
                (a.id, on, "delivery", 1_00, 1_00, "SH-9", None),
                (a.id, on, "delivery", 2_00, 2_00, "SH-9", None),
            ]
        )
    assert derived() == before


@pytest.mark.postgres
def test_voiding_a_reversal_in_a_statement_of_many_rows_is_refused(pg_ledger: str) -> None:
    a = make_customer("A1")
    d1 = posting.post_delivery(a.id, D(2026, 10, 1), 300_00)
    reversal = posting.void(d1.id, "wrong")
    on = dt.date(2026, 11, 25)
    with pytest.raises(pw.DatabaseError, match="a reversal cannot be voided"), db.transaction():
        _insert(
            [
                (a.id, on, "delivery", 1_00, 1_00, "", None),
                (a.id, D(2026, 10, 1), "delivery", 300_00, 300_00, "", reversal.id),
            ]
        )
    _exact()


def _entry_reads() -> int:
    """How often this transaction has read table `entry` (whole or by index)."""
    return database.execute_sql(
        "SELECT seq_scan + COALESCE(idx_scan, 0) FROM pg_stat_xact_user_tables "
        "WHERE relid = 'entry'::regclass"
    ).fetchone()[0]


@pytest.mark.postgres
def test_statements_without_voids_never_read_the_entries(pg_ledger: str) -> None:
    """A new ledger's first import (or the demo) writes big statements into an `entry`
    table that was nearly empty when the session's triggers planned their queries: a
    trigger that joined the new rows with `entry` then read every entry for every
    statement (an hour for the 10,000-customer demo). Without a void in a statement,
    nothing but its own rows is read; with one, the void is still kept (above)."""
    a, b = make_customer("A1"), make_customer("B1")
    on = dt.date(2026, 11, 25)
    with db.transaction():
        # The triggers' plans are made now, while `entry` holds these rows only.
        _insert([(a.id, on, "delivery", 1_00, 1_00, f"SH-0-{i}", None) for i in range(50)])
        before = _entry_reads()
        for batch in range(1, 4):
            _insert(
                [
                    (c.id, on, "delivery", 1_00 + i, 1_00 + i, f"SH-{batch}-{i}", None)
                    for i in range(200)
                    for c in (a, b)
                ]
            )
        assert _entry_reads() == before
    _exact()


# What version 11 installed on PostgreSQL (one of its row-level triggers; the others
# are dropped, as an administrator's slip might): the upgrade must bring them all.
_V11_BALANCE = """
CREATE OR REPLACE FUNCTION qk_keep_balance() RETURNS trigger AS $$
BEGIN
  INSERT INTO balance_cache (customer_id, balance, last_date) VALUES (NEW.customer_id,
  NEW.delta, NEW.date) ON CONFLICT (customer_id) DO UPDATE SET balance =
  balance_cache.balance + EXCLUDED.balance;
  RETURN NEW;
END; $$ LANGUAGE plpgsql
"""


@pytest.mark.postgres
def test_an_old_ledger_gets_the_statement_triggers_when_upgraded(pg_ledger: str) -> None:
    a = make_customer("A1")
    posting.post_delivery(a.id, D(2026, 10, 1), 300_00, doc_no="SH-1")
    for name in guards.PER_STATEMENT:
        database.execute_sql(f"DROP TRIGGER {name} ON entry")
    database.execute_sql(_V11_BALANCE)
    database.execute_sql(
        "CREATE TRIGGER entry_keeps_balance AFTER INSERT ON entry "
        "FOR EACH ROW EXECUTE FUNCTION qk_keep_balance()"
    )
    database.execute_sql("UPDATE meta SET value = '11' WHERE key = 'schema_version'")
    db.close_ledger()
    db.open_ledger(pg_ledger)
    assert db.schema_version() == schema.SCHEMA_VERSION
    assert db.guards_warning() == ""  # an upgrade, not damage
    assert guards.missing(database.obj) == []
    kept = {
        name: each
        for name, _table, _on, _function, _body, each in guards._pg_triggers(database.obj)
    }
    assert {kept[name] for name in guards.PER_STATEMENT} == {guards.STATEMENT}
    functions = {r[0] for r in database.execute_sql("SELECT proname FROM pg_proc")}
    assert not functions & set(guards.RETIRED_PG_FUNCTIONS)
    posting.post_payment(a.id, D(2026, 11, 2), 100_00, PaymentMethod.CASH)
    _exact()
    assert check_ledger() == []


@pytest.mark.postgres
def test_a_row_level_copy_of_a_statement_trigger_is_put_back(pg_ledger: str) -> None:
    """Same function, same body, but fired per row: not as Qingkuan made it."""
    database.execute_sql("DROP TRIGGER entry_keeps_daily_total ON entry")
    database.execute_sql(
        "CREATE TRIGGER entry_keeps_daily_total AFTER INSERT ON entry "
        "REFERENCING NEW TABLE AS new_rows FOR EACH ROW "
        "EXECUTE FUNCTION qk_entries_keep_daily_total()"
    )
    assert guards.missing(database.obj) == ["entry_keeps_daily_total"]
    db.close_ledger()
    db.open_ledger(pg_ledger)
    assert "entry_keeps_daily_total" in db.guards_warning()
    assert guards.missing(database.obj) == []


@pytest.mark.postgres
def test_a_new_or_upgraded_shared_ledger_has_the_aging_walks_index(pg_ledger: str) -> None:
    """Version 19 gives the aging walk its index of standing debits (PostgreSQL only)."""

    def has_index() -> bool:
        found = "SELECT to_regclass('entry_open_debits') IS NOT NULL"
        return bool(database.execute_sql(found).fetchone()[0])

    assert has_index()
    database.execute_sql("DROP INDEX entry_open_debits")
    database.execute_sql("UPDATE meta SET value = '18' WHERE key = 'schema_version'")
    db.close_ledger()
    db.open_ledger(pg_ledger)
    assert has_index() and db.schema_version() == schema.SCHEMA_VERSION
