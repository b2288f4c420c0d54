"""The call list as a tool: the office phones the day before a promise falls due
(§二9) and notes the answer — confirmed, wants a new date, or unreachable."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from models.ledger import users
from models.ledger.customers import list_customers
from models.ledger.promises import get_promise, promises_due_on
from models.storage import session
from models.storage.db import transaction
from models.storage.dialect import in_batches
from models.storage.tables import CallRow
from models.vocabulary import clock
from models.vocabulary.collecting_records import (
    CallAnswer,
    CallOutcome,
    Promise,
    PromiseId,
    PromiseStatus,
)
from models.vocabulary.customer_records import Customer
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _
from models.vocabulary.money import Fen
from models.vocabulary.people_records import Action


def record_call(promise_id: PromiseId, outcome: CallOutcome, note: str = "") -> CallAnswer:
    """Note the answer to a call about a promise; the latest answer is the one shown."""
    users.require(Action.PROMISE)
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
    for batch in in_batches(ids):
        query = CallRow.select().where(CallRow.promise.in_(batch)).order_by(CallRow.at, CallRow.id)
        for row in query:
            result[row.promise_id] = CallAnswer(row.promise_id, row.outcome, row.at, row.note)
    return result


@dataclass(frozen=True)
class PromiseLine:
    """A promise with its customer and the latest call answer (call list, Today)."""

    promise: Promise
    customer: Customer
    answer: CallAnswer | None = None

    @property
    def covered(self) -> bool:
        """Money posted since it was made already covers it."""
        return self.promise.status is PromiseStatus.KEPT

    @property
    def outstanding(self) -> Fen:
        return max(self.promise.amount - self.promise.paid, 0)


def call_list(day: dt.date) -> list[PromiseLine]:
    """The promises falling due on `day` still to be paid, by time, with phones and the
    latest call answers: the office phones the day before (§二9)."""
    due = promises_due_on(day)
    if not due:
        return []
    by_id = {c.id: c for c in list_customers(include_archived=True)}
    answers = latest_answers(p.id for p in due)
    return [PromiseLine(p, by_id[p.customer_id], answers.get(p.id)) for p in due]
