"""Tamper evidence: what another tool does to a ledger behind Qingkuan's back shows.

The guards (triggers) that refuse edits are checked and put back on opening; the hash
chain names the entry where an edit, a removal or an insertion broke it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import peewee as pw
import pytest

from models.ledger import cheque_status, customers, posting
from models.ledger.check import check_ledger
from models.storage import backup, chain, chain_anchors, db, guards, restoring
from models.storage.tables import EntryRow, database
from models.vocabulary.customer_records import CustomerDraft
from models.vocabulary.entry_records import PaymentMethod

IMMUTABLE = {"sqlite": ("entry_no_update", "entry_no_delete"), "postgres": ("entry_immutable",)}


def _backend() -> str:
    return "postgres" if db.is_postgres() else "sqlite"


def _drop_guard(name: str) -> None:
    on = " ON entry" if db.is_postgres() else ""
    database.execute_sql(f"DROP TRIGGER {name}{on}")


def _unguard() -> None:
    """What someone with a database tool does first."""
    for name in IMMUTABLE[_backend()]:
        _drop_guard(name)
    for table in ("entry_chain",):
        names = (
            ("entry_chain_immutable",)
            if db.is_postgres()
            else (
                "entry_chain_no_update",
                "entry_chain_no_delete",
            )
        )
        for name in names:
            database.execute_sql(
                f"DROP TRIGGER {name}" + (f" ON {table}" if db.is_postgres() else "")
            )


def _ledger() -> list[int]:
    """Two customers, eight entries (a voided delivery, a bounced cheque); their ids."""
    c1 = customers.add_customer(CustomerDraft(code="C1", name="东城王记")).id
    c2 = customers.add_customer(CustomerDraft(code="C2", name="西关李记")).id
    on = dt.date(2026, 11, 2)
    d1 = posting.post_delivery(c1, on, 500_00, doc_no="D1")
    posting.post_delivery(c1, on, 300_00, doc_no="D2")
    posting.void(d1.id, "wrong customer")
    cheque = posting.post_payment(c1, on, 200_00, PaymentMethod.CHEQUE, cheque_no="CH1")
    cheque_status.bounce_cheque(cheque.id, "no funds")
    posting.post_payment(c1, on, 100_00, PaymentMethod.CASH, memo="cash at the door")
    posting.post_delivery(c2, on, 80_00, doc_no="D3")
    posting.post_payment(c2, on, 30_00, PaymentMethod.WECHAT)
    return [e for (e,) in EntryRow.select(EntryRow.id).order_by(EntryRow.id).tuples()]


def _chain_problems() -> list[str]:
    return [p for p in check_ledger() if "chain of entries" in p]


def _reopen(target: str) -> None:
    db.close_ledger()
    db.open_ledger(target)


def test_a_sound_ledger_has_an_unbroken_chain(ledger: str) -> None:
    _ledger()
    _reopen(ledger)
    assert db.guards_warning() == ""
    assert check_ledger() == []


def test_a_missing_guard_is_reported_and_put_back_on_opening(ledger: str) -> None:
    ids = _ledger()
    name = IMMUTABLE[_backend()][0]
    _drop_guard(name)
    assert any(f"safeguard ‘{name}’ is missing" in p for p in check_ledger())
    _reopen(ledger)
    assert name in db.guards_warning()
    assert "have been put back" in db.guards_warning()
    assert db.guards_warning() in check_ledger()  # check tells what opening found
    with pytest.raises(pw.DatabaseError, match="never changed"), database.atomic():
        database.execute_sql(f"UPDATE entry SET memo = 'x' WHERE id = {ids[0]}")
    _reopen(ledger)
    assert db.guards_warning() == ""
    assert check_ledger() == []


def test_a_disabled_or_rewritten_guard_counts_as_missing(ledger: str) -> None:
    _ledger()
    if db.is_postgres():
        database.execute_sql("ALTER TABLE entry DISABLE TRIGGER entry_no_void_of_reversal")
        database.execute_sql(
            "CREATE OR REPLACE FUNCTION qk_refuse_change() RETURNS trigger AS "
            "$$ BEGIN RETURN OLD; END; $$ LANGUAGE plpgsql"
        )
        broken = {"entry_no_void_of_reversal", "entry_immutable", "entry_line_immutable"}
    else:
        database.execute_sql("DROP TRIGGER entry_no_delete")
        database.execute_sql(
            "CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry BEGIN SELECT 1; END"
        )
        broken = {"entry_no_delete"}
    problems = check_ledger()
    assert {n for n in broken if any(f"‘{n}’ is missing" in p for p in problems)} == broken
    _reopen(ledger)
    assert check_ledger() == [db.guards_warning()]
    _reopen(ledger)
    assert check_ledger() == []


def test_an_edited_entry_is_named_where_the_chain_breaks(ledger: str) -> None:
    ids = _ledger()
    _unguard()
    database.execute_sql(f"UPDATE entry SET memo = 'paid in full' WHERE id = {ids[5]}")
    assert _chain_problems() == [
        f"The chain of entries breaks at entry {ids[5]} of customer C1: that entry was "
        "changed, or one before it removed, outside Qingkuan."
    ]


def test_an_edit_that_keeps_the_balances_right_is_still_found(ledger: str) -> None:
    """Moving a delivery to another day keeps every sum: only the chain notices."""
    ids = _ledger()
    _unguard()
    database.execute_sql(f"UPDATE entry SET date = '2026-10-20' WHERE id = {ids[6]}")
    problems = check_ledger()
    assert [p for p in problems if "safeguard" not in p and "review's total" not in p] == [
        f"The chain of entries breaks at entry {ids[6]} of customer C2: that entry was "
        "changed, or one before it removed, outside Qingkuan."
    ]


def test_a_removed_entry_is_found(ledger: str) -> None:
    ids = _ledger()
    _unguard()
    database.execute_sql(f"DELETE FROM entry_chain WHERE entry_id = {ids[5]}")
    database.execute_sql(f"DELETE FROM entry WHERE id = {ids[5]}")
    assert _chain_problems() == [
        f"The chain of entries breaks at entry {ids[6]} of customer C2: that entry was "
        "changed, or one before it removed, outside Qingkuan."
    ]


def test_a_removed_entry_whose_link_stayed_is_named(ledger: str) -> None:
    ids = _ledger()
    _unguard()
    if db.is_postgres():
        database.execute_sql("ALTER TABLE entry_chain DROP CONSTRAINT entry_chain_entry_id_fkey")
        found = (
            f"Entry {ids[5]} was removed outside Qingkuan: its link in the chain of entries is "
            "still there."
        )
    else:
        database.execute_sql("PRAGMA foreign_keys = OFF")
        found = f"Row {ids[5]} of table entry_chain points to a missing row of table entry."
    database.execute_sql(f"DELETE FROM entry WHERE id = {ids[5]}")
    assert found in check_ledger()


def test_removing_the_newest_entries_is_found(ledger: str) -> None:
    ids = _ledger()
    _unguard()
    for eid in ids[-2:]:
        database.execute_sql(f"DELETE FROM live_document WHERE entry_id = {eid}")
        database.execute_sql(f"DELETE FROM entry_chain WHERE entry_id = {eid}")
        database.execute_sql(f"DELETE FROM entry WHERE id = {eid}")
    assert _chain_problems() == [
        f"The chain of entries ends at entry {ids[-1]}, but the last entry with a link is "
        f"{ids[-3]}: the newest entries were removed outside Qingkuan."
    ]


def test_an_entry_inserted_behind_the_apps_back_is_found(ledger: str) -> None:
    ids = _ledger()
    # No guard stops an INSERT; the balance trigger even keeps the cache right.
    row = database.execute_sql(
        "SELECT customer_id, date, created_at FROM entry WHERE id = ?".replace(
            "?", database.obj.param
        ),
        (ids[-1],),
    ).fetchone()
    database.execute_sql(
        "INSERT INTO entry (customer_id, date, kind, amount, delta, doc_no, memo, method, "
        "void_reason, entered_by, created_at) VALUES (?, ?, 'payment', 5000, -5000, '', '', "
        "'cash', '', 'boss', ?)".replace("?", database.obj.param),
        row,
    )
    added = ids[-1] + 1
    problems = check_ledger()
    assert problems == [
        f"Entry {added} of customer C2 has no link in the chain of entries: it was added "
        "outside Qingkuan."
    ]
    posting.post_payment(row[0], dt.date(2026, 11, 3), 1_00, PaymentMethod.CASH)
    assert check_ledger() == problems  # posting goes on; the chain still names it


def test_a_value_of_the_wrong_kind_is_a_break_not_a_crash(sqlite_ledger: str) -> None:
    ids = _ledger()
    _unguard()
    database.execute_sql(f"UPDATE entry SET amount = x'00ff', entered_by = 7 WHERE id = {ids[5]}")
    assert chain.problems(10) == [
        f"The chain of entries breaks at entry {ids[5]} of customer C1: that entry was "
        "changed, or one before it removed, outside Qingkuan."
    ]


def _cut_the_newest_entry_and_hide_it() -> None:
    """What an insider with a database tool does: delete the newest entry and its link,
    move the chain's tip back to the link before, rebuild the caches and put the guards
    back exactly as they were. The chain that is left holds."""
    last, previous = (
        database.execute_sql("SELECT id FROM entry ORDER BY id DESC LIMIT 2").fetchall()[i][0]
        for i in (0, 1)
    )
    (link,) = database.execute_sql(
        f"SELECT hash FROM entry_chain WHERE entry_id = {previous}"
    ).fetchone()
    if db.is_postgres():
        for table in ("entry", "entry_chain"):
            database.execute_sql(f"ALTER TABLE {table} DISABLE TRIGGER {table}_immutable")
    else:
        for name in ("entry_no_delete", "entry_chain_no_delete"):
            database.execute_sql(f"DROP TRIGGER {name}")
    for sql in (
        f"DELETE FROM live_document WHERE entry_id = {last}",
        f"DELETE FROM entry_chain WHERE entry_id = {last}",
        f"DELETE FROM entry WHERE id = {last}",
        f"UPDATE meta SET value = '{previous}:{link}' WHERE key = 'entry_chain_tip'",
        "DELETE FROM balance_cache",
        "INSERT INTO balance_cache (customer_id, balance, last_date) "
        "SELECT customer_id, SUM(delta), MAX(date) FROM entry GROUP BY customer_id",
        "UPDATE balance_cache SET last_payment_on = (SELECT MAX(p.date) FROM entry p "
        "WHERE p.customer_id = balance_cache.customer_id AND p.kind = 'payment' "
        "AND p.reverses_id IS NULL AND p.id NOT IN "
        "(SELECT reverses_id FROM entry WHERE reverses_id IS NOT NULL))",
        "DELETE FROM daily_total",
        "INSERT INTO daily_total (date, kind, total) "
        "SELECT date, kind, SUM(delta) FROM entry GROUP BY date, kind",
    ):
        database.execute_sql(sql)
    if db.is_postgres():
        for table in ("entry", "entry_chain"):
            database.execute_sql(f"ALTER TABLE {table} ENABLE TRIGGER {table}_immutable")
    else:
        for name in ("entry_no_delete", "entry_chain_no_delete"):
            database.execute_sql(guards.SQLITE_TRIGGERS[name][1])


def test_a_cut_chain_with_everything_fixed_is_found_by_this_computers_anchor(
    ledger: str,
) -> None:
    ids = _ledger()
    _reopen(ledger)  # closing and opening: this computer saw 8 entries
    _cut_the_newest_entry_and_hide_it()
    _reopen(ledger)
    assert db.guards_warning() == ""
    assert check_ledger() == [
        "The chain of entries went backwards: on 2026-11-26 09:00:00 this computer saw 8 "
        f"entries ending with entry {ids[-1]}, and the ledger now has 7. Entries were "
        "removed outside Qingkuan, or an older copy replaced the ledger without ‘restore’ "
        "(if you did that yourself: ‘main.py check --accept-chain’)."
    ]
    _reopen(ledger)  # opening again does not make the cut the new normal
    assert len(check_ledger()) == 1


def test_a_cut_behind_a_backup_is_found_by_the_backups_anchor(
    sqlite_ledger: str, tmp_path: Path
) -> None:
    ids = _ledger()
    chain_anchors.forget_all()  # only the backup's anchor: what this computer saw is lost
    backup.back_up(sqlite_ledger, tmp_path / "evening.qkledger")
    _cut_the_newest_entry_and_hide_it()
    _reopen(sqlite_ledger)
    assert check_ledger() == [
        "The chain of entries went backwards: the backup made on 2026-11-26 09:00:00 holds 8 "
        f"entries ending with entry {ids[-1]}, which the ledger no longer has (it has 7). "
        "Entries were removed outside Qingkuan."
    ]


def test_restoring_an_older_backup_resets_the_anchor(sqlite_ledger: str, tmp_path: Path) -> None:
    _ledger()
    older = backup.back_up(sqlite_ledger, tmp_path / "morning.qkledger")
    posting.post_payment(1, dt.date(2026, 11, 3), 10_00, PaymentMethod.CASH)
    backup.back_up(sqlite_ledger, tmp_path / "evening.qkledger")
    db.close_ledger()  # this computer saw 9 entries
    restoring.restore(sqlite_ledger, older)
    db.open_ledger(sqlite_ledger)
    assert check_ledger() == []


def test_a_ledger_new_to_this_computer_has_no_anchor_to_compare(sqlite_ledger: str) -> None:
    _ledger()
    chain_anchors.forget_all()  # as if copied here from another computer
    _cut_the_newest_entry_and_hide_it()
    _reopen(sqlite_ledger)
    assert check_ledger() == []  # the limit of evidence kept per computer


def test_the_cheque_status_history_guards_are_watched(ledger: str) -> None:
    _ledger()
    if db.is_postgres():
        name = "cheque_status_change_immutable"
        database.execute_sql(f"DROP TRIGGER {name} ON cheque_status_change")
    else:
        name = "cheque_status_change_no_delete"
        database.execute_sql(f"DROP TRIGGER {name}")
    assert any(f"safeguard ‘{name}’ is missing" in p for p in check_ledger())
    _reopen(ledger)
    assert name in db.guards_warning()
    with pytest.raises(pw.DatabaseError), database.atomic():
        database.execute_sql("DELETE FROM cheque_status_change")
