"""The same ledger on SQLite and on PostgreSQL gives the same answers: PostgreSQL reads
some figures its own way (the open debits in one walk, `models/ledger/aging.py`; the
derived tables kept per statement, `models/storage/guards.py`), so aging, Today, the
review, the customer list and statements are compared whole, built from the same
seeded demo business and random history on both."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from models.collecting import today
from models.exchange import demo
from models.ledger import aging, summaries
from models.ledger.check import check_ledger
from models.papers import statements
from models.review import review
from models.storage import db
from models.vocabulary import clock
from tests.conftest import close_test_ledger, postgres_or_skip
from tests.models.ledger.test_aging_walk import random_ledger


def answers() -> dict[str, object]:
    day = clock.today()
    found: dict[str, object] = {}
    for as_of in (day, day - dt.timedelta(days=40), day + dt.timedelta(days=30)):
        found[f"aging {as_of}"] = aging.age_all(as_of, include_archived=True)
        found[f"review {as_of}"] = review.review(as_of)
        found[f"list {as_of}"] = summaries.customer_summaries(as_of)
    found["today"] = today.today(day)
    found["tomorrow"] = today.today(day + dt.timedelta(days=1))
    for row in found[f"aging {day}"].rows[:8]:  # type: ignore[attr-defined]
        found[f"statement {row.customer_id}"] = statements.statement(
            row.customer_id, day - dt.timedelta(days=120), day
        )
    found["check"] = check_ledger()
    return found


def build_and_answer(target: str) -> dict[str, object]:
    db.open_ledger(target)
    try:
        demo.make_demo(customers=15, days=120, seed=4)
        random_ledger(9, n_customers=6, n_entries=250)
        return answers()
    finally:
        close_test_ledger()


@pytest.mark.postgres
def test_sqlite_and_postgresql_answer_alike(tmp_path: Path) -> None:
    on_pg = build_and_answer(postgres_or_skip())
    on_sqlite = build_and_answer(str(tmp_path / "same.qkledger"))
    assert on_pg["check"] == on_sqlite["check"] == []
    assert on_pg.keys() == on_sqlite.keys()
    for key in on_sqlite:
        assert on_pg[key] == on_sqlite[key], key
