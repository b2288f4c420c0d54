"""Tamper evidence of the audit trail: a row edited, removed or slipped in with another
tool breaks its hash chain, and `check` names the row; its guards are checked and put
back like the entries'. Both backends."""

from __future__ import annotations

import pytest

from models.ledger import customers
from models.ledger.check import check_ledger
from models.storage import audit_trail, db, guards
from models.storage.tables import database
from models.vocabulary.customer_records import CustomerDraft


def _unguard() -> None:
    """What someone with a database tool does first."""
    if db.is_postgres():
        database.execute_sql("DROP TRIGGER audit_log_immutable ON audit_log")
    else:
        database.execute_sql("DROP TRIGGER audit_log_no_update")
        database.execute_sql("DROP TRIGGER audit_log_no_delete")


def _trail() -> None:
    """Five audit rows: five customers added."""
    for n in range(1, 6):
        customers.add_customer(CustomerDraft(code=f"C{n}", name=f"客户{n}"))


def _audit_problems() -> list[str]:
    return [p for p in check_ledger() if "audit trail" in p]


def _links() -> list[tuple[int, str]]:
    return list(database.execute_sql("SELECT id, link FROM audit_log ORDER BY id"))


def test_a_sound_trail_holds(ledger: str) -> None:
    _trail()
    assert check_ledger() == []
    assert len(_links()) == 5


def test_an_edited_row_is_named(ledger: str) -> None:
    _trail()
    _unguard()
    database.execute_sql("UPDATE audit_log SET who = 'somebody else' WHERE id = 3")
    problems = _audit_problems()
    assert len(problems) == 1
    assert "row 3 (customer.add," in problems[0]


def test_an_edited_value_is_named(ledger: str) -> None:
    _trail()
    _unguard()
    database.execute_sql(
        "UPDATE audit_log SET new_values = replace(new_values, '客户2', '别人') WHERE id = 2"
    )
    assert ["row 2 " in p for p in _audit_problems()] == [True]


def test_a_removed_row_breaks_the_chain_at_the_next(ledger: str) -> None:
    _trail()
    _unguard()
    database.execute_sql("DELETE FROM audit_log WHERE id = 2")
    problems = _audit_problems()
    assert len(problems) == 1 and "row 3 " in problems[0]


def test_the_newest_rows_removed_show_at_the_tip(ledger: str) -> None:
    _trail()
    _unguard()
    database.execute_sql("DELETE FROM audit_log WHERE id >= 4")
    problems = _audit_problems()
    assert len(problems) == 1
    assert "ends at row 5, but its last row is 3" in problems[0]


def test_a_row_slipped_in_is_named(ledger: str) -> None:
    _trail()
    rows = _links()
    # A made-up row between 2 and 3, with a link that looks like one.
    database.execute_sql(
        "INSERT INTO audit_log (id, at, who, kind, subject, customer_id, old_values, "
        "new_values, link) VALUES (1000, '2026-11-26 09:00:00', 'x', 'customer.edit', 'C1', "
        f"NULL, '{{}}', '{{}}', '{rows[1][1]}')"
    )
    assert "row 1000 " in " ".join(_audit_problems())


def test_a_link_recomputed_by_hand_still_shows_at_the_tip(ledger: str) -> None:
    """Rewriting the last row and its link is caught by the tip kept in meta."""
    _trail()
    _unguard()
    row = database.execute_sql(
        "SELECT id, at, who, kind, subject, customer_id, old_values, new_values "
        "FROM audit_log WHERE id = 5"
    ).fetchone()
    previous = _links()[3][1]
    values = list(row)
    values[2] = "nobody"
    forged = audit_trail.link(previous, values)
    database.execute_sql(f"UPDATE audit_log SET who = 'nobody', link = '{forged}' WHERE id = 5")
    problems = _audit_problems()
    assert problems and "does not match row 5" in problems[0]


def test_audit_guards_are_reported_and_put_back(ledger: str) -> None:
    _trail()
    dropped = "audit_log_immutable" if db.is_postgres() else "audit_log_no_delete"
    writer = "customer_audited" if db.is_postgres() else "customer_audits_update"
    on = lambda t: f" ON {t}" if db.is_postgres() else ""  # noqa: E731
    database.execute_sql(f"DROP TRIGGER {dropped}{on('audit_log')}")
    database.execute_sql(f"DROP TRIGGER {writer}{on('customer')}")
    assert {dropped, writer} <= set(guards.missing(database.obj))
    target = db.current_target()
    db.close_ledger()
    db.open_ledger(target)
    assert guards.missing(database.obj) == []
    assert "were missing or altered" in db.guards_warning()


@pytest.mark.only_on("postgres")  # SQLite has no stored functions
def test_a_postgres_audit_function_replaced_is_reported(ledger: str) -> None:
    database.execute_sql(
        "CREATE OR REPLACE FUNCTION qk_audit_write(kind text, subject text, customer bigint, "
        "old_values text, new_values text) RETURNS void LANGUAGE sql AS $$ SELECT $$"
    )
    assert "qk_audit_write" in guards.missing(database.obj)
    assert any("qk_audit_write" in p for p in check_ledger())
