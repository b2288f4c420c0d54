"""Processes delivering to one customer at once (tests/models/ledger/test_credit_stop_races.py):
each is spawned, opens the ledger, waits at the barrier, then posts one delivery."""

from __future__ import annotations

from typing import Any

from models.ledger import posting
from models.storage import db
from models.vocabulary import clock
from tests.models.racers import _attempt, _start


def deliver(
    barrier: Any, target: str, customer_id: int, amount: int, doc_no: str, approval: int | None
) -> str:
    """Post one delivery (with `approval`, if any): "ok" or the refusal's sentence."""
    _start(barrier, target)
    try:
        return _attempt(
            lambda: posting.post_delivery(
                customer_id, clock.today(), amount, doc_no=doc_no, approval=approval
            )
        )
    finally:
        db.close_ledger()
