"""Recording what customers answered to their statements (对账回执): agreed (相符), or
disputed (不符) with the balance the customer says and why, and a dispute's outcome.

Every write is one row added, never an edit: a reply that corrects an earlier one says
so (`replace=True`) and replaces it, the earlier one kept as history. The database
refuses a second first reply to a statement and a second replacement of one reply (two
clerks recording the same slip at once: one wins, the other is told), a reply to a
number it never issued (foreign key) and any edit or delete (guards). A dispute stays
open until it has an outcome: a credit note posted (the return or discount entry is
linked), the customer accepted our figure, or written off.
"""

from __future__ import annotations

import peewee as pw

from models.ledger import users
from models.ledger.customers import get_customer
from models.ledger.entries import get_entry
from models.papers.confirmation_reads import confirmation, find_statement, reply_history
from models.storage.db import transaction
from models.storage.session import current_user
from models.storage.tables import DisputeOutcomeRow, StatementReplyRow
from models.vocabulary import clock
from models.vocabulary.confirmation_records import (
    DisputeOutcome,
    StatementRef,
    StatementReply,
)
from models.vocabulary.entry_records import EntryKind
from models.vocabulary.errors import InputError, LedgerError, NotFound
from models.vocabulary.i18n import _
from models.vocabulary.money import Fen, format_money
from models.vocabulary.people_records import Action

REASON_MAX = 300
HANDLER_MAX = 60


def record_agreed(number: str, *, replace: bool = False) -> StatementReply:
    """Record that the customer agreed statement `number` (as typed or scanned)."""
    return _record(number, agreed=True, amount=None, reason="", handler="", replace=replace)


def record_disputed(
    number: str,
    customer_amount: Fen,
    reason: str,
    handler: str | None = None,
    *,
    replace: bool = False,
) -> StatementReply:
    """Record that the customer disputed statement `number`: the balance they say
    (`customer_amount`, fen; may be 0 or negative) and why. `handler` (who sorts it out)
    defaults to the customer's rep, else whoever records it."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise InputError(_("Say why the customer disagrees (the reason they wrote on the slip)."))
    if len(reason) > REASON_MAX:
        raise InputError(
            _("The reason is too long: keep it under {n} characters.").format(n=REASON_MAX)
        )
    if not isinstance(customer_amount, int) or isinstance(customer_amount, bool):
        raise InputError(_("The customer's amount must be an amount in yuan, such as 1234.50."))
    ref = find_statement(number)
    if customer_amount == ref.balance:
        raise InputError(
            _(
                "The customer's amount is the balance on statement {number} ({amount}): "
                "record the reply as agreed."
            ).format(number=ref.number, amount=format_money(ref.balance))
        )
    handler = (handler or "").strip() or get_customer(ref.customer_id).rep_name or current_user()
    if len(handler) > HANDLER_MAX:
        raise InputError(_("The handler's name is too long."))
    return _record(
        number, agreed=False, amount=customer_amount, reason=reason, handler=handler,
        replace=replace,
    )  # fmt: skip


def _record(
    number: str, *, agreed: bool, amount: Fen | None, reason: str, handler: str, replace: bool
) -> StatementReply:
    users.require(Action.SETTLE)  # reconciling with the customer: a clerk's work
    ref = find_statement(number)
    now = clock.now()
    try:
        with transaction():
            current = _current_reply(ref)
            if current is not None and not replace:
                raise LedgerError(_already_answered(ref, current))
            row = StatementReplyRow.create(
                statement=ref.statement_id,
                agreed=agreed,
                customer_amount=amount,
                reason=reason,
                handler=handler,
                replaces=current.id if current is not None else None,
                recorded_by=current_user()[:60],
                recorded_at=now,
            )
    except pw.IntegrityError as err:
        # Another clerk recorded a reply to this slip between our look and our write.
        if "statement_reply" not in str(err) and "replace" not in str(err):
            raise
        winner = _current_reply(ref)
        if winner is None:
            raise
        if replace:
            raise LedgerError(
                _(
                    "Someone else changed the reply to statement {number} at the same moment "
                    "({who}): look at it, and record yours again if it is still needed."
                ).format(number=ref.number, who=winner.recorded_by or "—")
            ) from err
        raise LedgerError(_already_answered(ref, winner)) from err
    return next(r for r in reply_history(ref.number) if r.id == row.id)


def _current_reply(ref: StatementRef) -> StatementReply | None:
    history = reply_history(ref.number)
    replaced = {r.replaces for r in history}
    current = [r for r in history if r.id not in replaced]
    return current[-1] if current else None


def _already_answered(ref: StatementRef, reply: StatementReply) -> str:
    what = _("agreed") if reply.agreed else _("disputed")
    return _(
        "Statement {number} already has a reply ({what}, recorded by {who} on {when}). "
        "To change it, record the new reply as a replacement; the first is kept as history."
    ).format(
        number=ref.number,
        what=what,
        who=reply.recorded_by or "—",
        when=reply.recorded_at.strftime("%Y-%m-%d %H:%M"),
    )


def record_outcome(
    number: str,
    outcome: DisputeOutcome,
    *,
    entry_id: int | None = None,
    note: str = "",
) -> StatementReply:
    """Close the open dispute on statement `number` with `outcome`. A credit note names
    the entry that posted it (a return or a discount of the same customer); a write-off
    may name its write-off entry. Once only: an outcome is final."""
    users.require(Action.SETTLE)
    ref = find_statement(number)
    reply = confirmation(number, clock.today()).reply
    if reply is None or reply.agreed:
        raise InputError(
            _("Statement {number} has no dispute to close: its reply is not ‘disputed’.").format(
                number=ref.number
            )
        )
    if reply.outcome is not None:
        raise LedgerError(_closed_already(ref, reply))
    note = " ".join((note or "").split())
    if len(note) > REASON_MAX:
        raise InputError(
            _("The note is too long: keep it under {n} characters.").format(n=REASON_MAX)
        )
    _check_outcome_entry(ref, outcome, entry_id)
    try:
        with transaction():
            DisputeOutcomeRow.create(
                reply=reply.id,
                outcome=outcome.value,
                entry=entry_id,
                note=note,
                recorded_by=current_user()[:60],
                recorded_at=clock.now(),
            )
    except pw.IntegrityError as err:
        again = confirmation(number, clock.today()).reply
        if again is None or again.outcome is None:
            raise
        raise LedgerError(_closed_already(ref, again)) from err
    return next(r for r in reply_history(ref.number) if r.id == reply.id)


def _closed_already(ref: StatementRef, reply: StatementReply) -> str:
    return _("The dispute on statement {number} is already closed: {outcome}.").format(
        number=ref.number, outcome=reply.outcome.label if reply.outcome else ""
    )


_ENTRY_KINDS = {
    DisputeOutcome.CREDIT_NOTE: (EntryKind.RETURN, EntryKind.DISCOUNT),
    DisputeOutcome.WRITTEN_OFF: (EntryKind.WRITEOFF,),
    DisputeOutcome.ACCEPTED: (),
}


def _check_outcome_entry(ref: StatementRef, outcome: DisputeOutcome, entry_id: int | None) -> None:
    if outcome is DisputeOutcome.CREDIT_NOTE and entry_id is None:
        raise InputError(_("Name the return or discount entry that posted the credit note."))
    if entry_id is None:
        return
    kinds = _ENTRY_KINDS[outcome]
    if not kinds:
        raise InputError(_("‘Customer accepted our figure’ links no entry."))
    entry = get_entry(entry_id)  # NotFound for an unknown id
    if entry.customer_id != ref.customer_id:
        raise InputError(_("That entry is another customer's: link one of this customer's."))
    if entry.kind not in kinds or entry.reverses_id is not None or entry.is_voided:
        names = " / ".join(k.label for k in kinds)
        raise InputError(
            _("Link a standing entry of kind {kinds} for this outcome.").format(kinds=names)
        )


def outcome_entry(number: str, outcome: DisputeOutcome, doc_no: str | None) -> int | None:
    """The id of the customer's standing entry numbered `doc_no` that `outcome` links
    (a return or discount for a credit note, a write-off), None without `doc_no`;
    `NotFound` when the customer has none."""
    if not (doc_no or "").strip():
        return None
    from models.storage.tables import EntryRow

    ref = find_statement(number)
    kinds = _ENTRY_KINDS[outcome] or tuple(EntryKind)
    voided = EntryRow.select(EntryRow.reverses).where(EntryRow.reverses.is_null(False))
    found = (
        EntryRow.select(EntryRow.id)
        .where(
            (EntryRow.customer == ref.customer_id)
            & (EntryRow.doc_no == doc_no.strip())
            & EntryRow.kind.in_([k.value for k in kinds])
            & EntryRow.reverses.is_null()
            & EntryRow.id.not_in(voided)
        )
        .order_by(EntryRow.id.desc())
        .first()
    )
    if found is None:
        names = " / ".join(k.label for k in kinds)
        raise NotFound(
            _("{code} has no standing {kinds} entry numbered ‘{doc}’.").format(
                code=ref.customer_code, kinds=names, doc=doc_no.strip()
            )
        )
    return found.id
