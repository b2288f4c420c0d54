"""Visits (拜访记录): every call on a customer, and why no money came."""

from __future__ import annotations

import datetime as dt

from models.ledger import users
from models.storage import session
from models.storage.db import transaction
from models.storage.tables import CustomerRow, RepRow, VisitRow
from models.vocabulary import clock
from models.vocabulary.collecting_records import LateReason, Visit, VisitOutcome
from models.vocabulary.customer_records import CustomerId, RepId
from models.vocabulary.errors import InputError, NotFound
from models.vocabulary.i18n import _
from models.vocabulary.people_records import Action
from models.vocabulary.text_rules import check_text

NO_MONEY = (VisitOutcome.PROMISED, VisitOutcome.REFUSED, VisitOutcome.NOT_THERE)


def _record(row: VisitRow, reps: dict[int, str]) -> Visit:
    return Visit(
        id=row.id,
        customer_id=row.customer_id,
        at=row.at,
        rep_id=row.rep_id,
        outcome=row.outcome,
        reason=row.reason,
        note=row.note,
        rep_name=reps.get(row.rep_id, ""),
    )


def log_visit(
    customer_id: CustomerId,
    at: dt.datetime,
    outcome: VisitOutcome,
    *,
    rep_id: RepId | None = None,
    reason: LateReason | None = None,
    note: str = "",
) -> Visit:
    """Record a visit. When no money came (promised, refused), give the reason from the
    guide's thirteen; a paid visit has no reason."""
    if not CustomerRow.select().where(CustomerRow.id == customer_id).exists():
        raise NotFound(_("There is no customer number {id}.").format(id=customer_id))
    users.require(Action.PROMISE)
    outcome = VisitOutcome(outcome)
    reason = LateReason(reason) if reason else None
    if outcome in (VisitOutcome.PROMISED, VisitOutcome.REFUSED) and reason is None:
        raise InputError(_("No money came: choose the reason the customer gave."))
    if outcome is VisitOutcome.PAID and reason is not None:
        raise InputError(_("The customer paid, so there is no reason for late payment."))
    if at > clock.now() + dt.timedelta(hours=1):
        raise InputError(_("A visit cannot be in the future."))
    check_text(note.strip(), _("The note"))
    if len(note) > 500:
        raise InputError(_("The note is too long: use at most 500 characters."))
    with transaction():
        row = VisitRow.create(
            customer=customer_id,
            at=at.replace(microsecond=0),
            rep=rep_id,
            outcome=outcome,
            reason=reason,
            note=note.strip(),
            created_at=clock.now(),
            entered_by=session.current_user(),
        )
    return _record(row, dict(RepRow.select(RepRow.id, RepRow.name).tuples()))


def visits_for(customer_id: CustomerId) -> list[Visit]:
    """A customer's visits, latest first."""
    reps = dict(RepRow.select(RepRow.id, RepRow.name).tuples())
    query = (
        VisitRow.select()
        .where(VisitRow.customer == customer_id)
        .order_by(VisitRow.at.desc(), VisitRow.id.desc())
    )
    return [_record(r, reps) for r in query]


def reason_counts(since: dt.date) -> dict[LateReason, int]:
    """How often each reason was given on visits since a date (for the boss)."""
    counts: dict[LateReason, int] = {}
    query = VisitRow.select(VisitRow.reason).where(
        (VisitRow.at >= dt.datetime.combine(since, dt.time())) & VisitRow.reason.is_null(False)
    )
    for row in query:
        counts[row.reason] = counts.get(row.reason, 0) + 1
    return counts
