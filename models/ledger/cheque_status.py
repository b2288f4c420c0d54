"""The life of a cheque or draft after it is received: its status moves (received →
deposited → cleared, or a step back when one was set by mistake), their kept history,
bouncing (跳票: the payment is voided, which reopens the debt) and the list of cheques.
"""

from __future__ import annotations

from models.ledger import users
from models.ledger.entries import get_entry
from models.ledger.posting import void
from models.storage import session
from models.storage.db import transaction
from models.storage.tables import ChequeRow, ChequeStatusChangeRow
from models.vocabulary import clock
from models.vocabulary.entry_records import (
    CHEQUE_MOVES,
    VOID_BOUNCED,
    Cheque,
    ChequeStatus,
    ChequeStatusChange,
    Entry,
    EntryId,
)
from models.vocabulary.errors import LedgerError, NotFound
from models.vocabulary.i18n import _
from models.vocabulary.people_records import Action


def set_cheque_status(entry_id: EntryId, status: ChequeStatus) -> Cheque:
    """Move a cheque along (received → deposited → cleared), or back a step when it was
    set by mistake; each move is kept in its history. Bouncing goes through
    `bounce_cheque`, which also voids the payment."""
    users.require(Action.SETTLE)
    status = ChequeStatus(status)
    if status is ChequeStatus.BOUNCED:
        raise LedgerError(_("Use ‘bounce’ to mark a cheque as bounced: it also reopens the debt."))
    row = ChequeRow.get_or_none(ChequeRow.entry == entry_id)
    if row is None:
        raise NotFound(_("Entry {id} is not a cheque or draft.").format(id=entry_id))
    if row.status is ChequeStatus.BOUNCED:
        raise LedgerError(_("This cheque has bounced; its status cannot change any more."))
    if status is row.status:
        raise LedgerError(_("This cheque is already {status}.").format(status=status.label.lower()))
    if status not in CHEQUE_MOVES[row.status]:
        raise LedgerError(
            _("A cheque cannot go from {old} to {new}.").format(
                old=row.status.label.lower(), new=status.label.lower()
            )
        )
    with transaction():
        _move_cheque(entry_id, row.status, status)
    return get_entry(entry_id).cheque  # type: ignore[return-value]


def _move_cheque(entry_id: EntryId, old: ChequeStatus, new: ChequeStatus) -> None:
    """Change the status only if it is still `old` (another clerk may have moved it
    meanwhile: then nothing is written) and record the move."""
    now = clock.now()
    moved = (
        ChequeRow.update(status=new, status_at=now)
        .where((ChequeRow.entry == entry_id) & (ChequeRow.status == old))
        .execute()
    )
    if not moved:
        current = ChequeRow.select(ChequeRow.status).where(ChequeRow.entry == entry_id).scalar()
        if current in (ChequeStatus.BOUNCED, ChequeStatus.BOUNCED.value):
            raise LedgerError(_("This cheque has bounced; its status cannot change any more."))
        raise LedgerError(
            _("Someone else changed this cheque's status meanwhile; look again and retry.")
        )
    ChequeStatusChangeRow.create(
        entry=entry_id,
        from_status=old,
        to_status=new,
        changed_by=session.current_user(),
        changed_at=now,
    )


def previous_cheque_status(entry_id: EntryId) -> ChequeStatus | None:
    """The status to set a cheque back to when its last move was a mistake: the one
    before its last recorded move (or the step before, for a cheque moved before its
    history was kept). None when there is nothing to set back."""
    row = ChequeRow.get_or_none(ChequeRow.entry == entry_id)
    if row is None or row.status in (ChequeStatus.RECEIVED, ChequeStatus.BOUNCED):
        return None
    last = (
        ChequeStatusChangeRow.select()
        .where(ChequeStatusChangeRow.entry == entry_id)
        .order_by(ChequeStatusChangeRow.id.desc())
        .first()
    )
    if last is not None and last.to_status is row.status:
        return last.from_status
    return {
        ChequeStatus.DEPOSITED: ChequeStatus.RECEIVED,
        ChequeStatus.CLEARED: ChequeStatus.DEPOSITED,
    }[row.status]


def cheque_history(entry_id: EntryId) -> list[ChequeStatusChange]:
    """A cheque's status moves, oldest first."""
    query = (
        ChequeStatusChangeRow.select()
        .where(ChequeStatusChangeRow.entry == entry_id)
        .order_by(ChequeStatusChangeRow.id)
    )
    return [
        ChequeStatusChange(
            entry_id=entry_id,
            from_status=r.from_status,
            to_status=r.to_status,
            changed_by=r.changed_by,
            changed_at=r.changed_at,
        )
        for r in query
    ]


def bounce_cheque(entry_id: EntryId, reason: str = "") -> Entry:
    """A cheque or draft bounced (跳票): mark it and void its payment. Returns the reversal."""
    row = ChequeRow.get_or_none(ChequeRow.entry == entry_id)
    if row is None:
        raise NotFound(_("Entry {id} is not a cheque or draft.").format(id=entry_id))
    with transaction():
        # The kind, not a sentence: each document says "cheque … bounced" in its language.
        reversal = void(entry_id, reason, kind=VOID_BOUNCED)  # refuses a second bounce
        _move_cheque(entry_id, row.status, ChequeStatus.BOUNCED)
    return reversal


def cheques(status: ChequeStatus | None = None) -> list[Entry]:
    """Cheques and drafts, optionally with one status, by due date."""
    query = ChequeRow.select().order_by(ChequeRow.due_on, ChequeRow.entry)
    if status is not None:
        query = query.where(ChequeRow.status == status)
    return [get_entry(c.entry_id) for c in query]
