"""The call list as a tool: the office phones the day before a promise falls due
(§二9) and notes the answer — confirmed, wants a new date, or unreachable."""

from __future__ import annotations

from collections.abc import Iterable

from models import clock, session
from models.db import transaction
from models.errors import InputError
from models.i18n import _
from models.promises import get_promise
from models.records import CallAnswer, CallOutcome, PromiseId
from models.tables import CallRow


def record_call(promise_id: PromiseId, outcome: CallOutcome, note: str = "") -> CallAnswer:
    """Note the answer to a call about a promise; the latest answer is the one shown."""
    get_promise(promise_id)
    outcome = CallOutcome(outcome)
    if len(note.strip()) > 300:
        raise InputError(_("The note is too long: use at most 300 characters."))
    with transaction():
        row = CallRow.create(
            promise=promise_id,
            outcome=outcome,
            at=clock.now(),
            note=note.strip(),
            entered_by=session.current_user(),
        )
    return CallAnswer(promise_id, row.outcome, row.at, row.note)


def latest_answers(promise_ids: Iterable[PromiseId]) -> dict[PromiseId, CallAnswer]:
    """The latest call answer of each promise that has one."""
    ids = list(set(promise_ids))
    result: dict[PromiseId, CallAnswer] = {}
    for start in range(0, len(ids), 500):  # stay under SQLite's parameter limit
        query = (
            CallRow.select()
            .where(CallRow.promise.in_(ids[start : start + 500]))
            .order_by(CallRow.at, CallRow.id)
        )
        for row in query:
            result[row.promise_id] = CallAnswer(row.promise_id, row.outcome, row.at, row.note)
    return result
