"""Version 12 (`schema.add_statement_replies`): a version-11 ledger gets the reply and
outcome tables, their guards and indexes, and the reply-by column; its statements keep
their numbers and can be answered. Safe to run twice."""

from __future__ import annotations

import datetime as dt
import sqlite3

import peewee as pw
import pytest

from models.papers import confirmations, statements
from models.papers.confirmation_reads import confirmation
from models.storage import db, guards, schema, schema_audit
from models.storage.tables import Meta, StatementReplyRow
from models.vocabulary import clock
from tests.models.helpers import D, make_customer


def _downgrade_to_version_11() -> None:
    for table in ("dispute_outcome", "statement_reply"):
        db.database.execute_sql(f"DROP TABLE {table}")
    db.database.execute_sql("ALTER TABLE statement_no DROP COLUMN reply_by")
    Meta.update(value="11").where(Meta.key == "schema_version").execute()


def test_a_version_11_ledger_gets_replies_and_its_statements_can_be_answered(
    ledger: str,
) -> None:
    from models.ledger import posting

    c = make_customer()
    posting.post_delivery(c.id, D(2026, 11, 1), 300_00)
    clock.pin(dt.datetime(2026, 11, 10, 9, 0))
    old = statements.issue_number(statements.statement(c.id, D(2026, 9, 1), D(2026, 11, 10)))
    clock.pin(dt.datetime(2026, 11, 26, 9, 0))
    _downgrade_to_version_11()
    db.close_ledger()
    db.open_ledger(ledger)
    assert Meta.get(Meta.key == "schema_version").value == str(schema.SCHEMA_VERSION)
    assert guards.missing(db.database.obj) == []
    # Printed before the slip's date was kept: reckoned from the day it was numbered.
    assert confirmation(old.number, D(2026, 11, 26)).statement.reply_by == D(2026, 11, 17)
    assert confirmations.record_agreed(old.number).agreed
    with pytest.raises(pw.IntegrityError):
        StatementReplyRow.create(statement=1, agreed=True, recorded_at=clock.now())
    with db.transaction():  # safe to run twice
        schema.add_statement_replies(db.database.obj)
    if not db.is_postgres():
        conn = sqlite3.connect(ledger)
        try:
            assert schema_audit.schema_problems(conn) == []
        finally:
            conn.close()
