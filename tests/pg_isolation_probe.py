"""Run by tests/test_suite.py in two pytest processes at once (never collected on its
own: the name does not start with test_). Each run writes into what it takes for its
own PostgreSQL database, waits until the other run has emptied and written its own,
then checks that its data is still there and alone."""

from __future__ import annotations

import os
import time
from pathlib import Path

from models.ledger import customers
from models.storage import db
from models.vocabulary.customer_records import CustomerDraft
from tests.conftest import postgres_or_skip


def _wait_for(path: Path, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert time.monotonic() < deadline, f"the other run never wrote {path.name}"
        time.sleep(0.05)


def test_my_database_stays_mine() -> None:
    me, other = os.environ["QK_PROBE_ME"], os.environ["QK_PROBE_OTHER"]
    rendezvous = Path(os.environ["QK_PROBE_DIR"])
    db.open_ledger(postgres_or_skip())
    try:
        customers.add_customer(CustomerDraft(code=me, name=f"run {me}"))
        (rendezvous / me).touch()
        _wait_for(rendezvous / other)
        assert [c.code for c in customers.list_customers()] == [me]
    finally:
        db.close_ledger()
