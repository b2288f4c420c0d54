"""`schema.add_credit_approvals`: a ledger from before the credit stop gets the
`credit_approval` table when it opens, and its deliveries are stopped and approved like
a new ledger's. Safe to run twice."""

from __future__ import annotations

import sqlite3

import pytest

from models.ledger import credit_stop, posting
from models.ledger.credit_stop import CreditStopped
from models.storage import db, schema, schema_audit
from models.storage.tables import Meta
from models.vocabulary import clock
from tests.models.helpers import make_customer


def test_an_older_ledger_gets_credit_approvals(ledger: str) -> None:
    c = make_customer(credit_limit=100_00)
    posting.post_delivery(c.id, clock.today(), 100_00)
    before = 17  # the version before `add_credit_approvals`
    db.database.execute_sql("DROP TABLE credit_approval")
    Meta.update(value=str(before)).where(Meta.key == "schema_version").execute()
    db.close_ledger()
    db.open_ledger(ledger)
    assert Meta.get(Meta.key == "schema_version").value == str(schema.SCHEMA_VERSION)
    assert "credit_approval" in db.database.get_tables()
    with pytest.raises(CreditStopped):
        posting.post_delivery(c.id, clock.today(), 1_00)
    approval = credit_stop.approve(c.id, 1_00)
    posting.post_delivery(c.id, clock.today(), 1_00, approval=approval.id)
    with db.transaction():  # safe to run twice
        schema.add_credit_approvals(db.database.obj)
    assert credit_stop.approvals(c.id) == [credit_stop.get_approval(approval.id)]
    if not db.is_postgres():
        conn = sqlite3.connect(ledger)
        try:
            assert schema_audit.schema_problems(conn) == []
        finally:
            conn.close()
