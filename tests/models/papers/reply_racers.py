"""Processes recording replies to the same statements at once (spawned workers for
test_confirmations.py): each returns "ok" or the sentence it was refused with."""

from __future__ import annotations

from typing import Any

from models.papers import confirmations
from models.storage import db
from tests.models.racers import _attempt, _start


def reply_to_statements(
    barrier: Any, target: str, numbers: list[str], replace: bool = False
) -> list[str]:
    """Record "agreed" to each statement number, as fast as possible."""
    _start(barrier, target)
    try:
        return [
            _attempt(lambda n=n: confirmations.record_agreed(n, replace=replace)) for n in numbers
        ]
    finally:
        db.close_ledger()
