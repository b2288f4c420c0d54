"""An entry read back from the ledger as the `Entry` record: with its void state (the
reversal that voids it, or the entry it voids), its cheque and its delivery lines.
"""

from __future__ import annotations

from collections.abc import Iterable

from models.storage.tables import ChequeRow, EntryLineRow, EntryRow
from models.vocabulary.entry_records import Cheque, DeliveryLine, Entry, EntryId
from models.vocabulary.errors import NotFound
from models.vocabulary.i18n import _


def to_entry(
    row: EntryRow,
    voided_by: EntryRow | None = None,
    cheque: ChequeRow | None = None,
    lines: Iterable[EntryLineRow] = (),
    voided_cheque: ChequeRow | None = None,
) -> Entry:
    return Entry(
        id=row.id,
        customer_id=row.customer_id,
        date=row.date,
        kind=row.kind,
        amount=row.amount,
        delta=row.delta,
        doc_no=row.doc_no,
        memo=row.memo,
        method=row.method,
        reverses_id=row.reverses_id,
        voided_by_id=voided_by.id if voided_by else None,
        void_reason=voided_by.void_reason if voided_by else row.void_reason,
        void_kind=voided_by.void_kind if voided_by else row.void_kind,
        void_number=voided_cheque.number if voided_cheque else "",
        entered_by=row.entered_by,
        created_at=row.created_at,
        cheque=_cheque(cheque) if cheque else None,
        lines=tuple(DeliveryLine(ln.product, ln.qty, ln.unit_price, ln.amount) for ln in lines),
    )


def _cheque(row: ChequeRow) -> Cheque:
    return Cheque(
        entry_id=row.entry_id,
        number=row.number,
        bank=row.bank,
        written_on=row.written_on,
        due_on=row.due_on,
        status=row.status,
    )


def get_entry(entry_id: EntryId) -> Entry:
    """One entry with its void state, cheque and delivery lines."""
    row = EntryRow.get_or_none(EntryRow.id == entry_id)
    if row is None:
        raise NotFound(_("There is no entry number {id}.").format(id=entry_id))
    voided_by = EntryRow.get_or_none(EntryRow.reverses == entry_id)
    cheque = ChequeRow.get_or_none(ChequeRow.entry == entry_id)
    lines = EntryLineRow.select().where(EntryLineRow.entry == entry_id).order_by(EntryLineRow.id)
    voided_cheque = (
        ChequeRow.get_or_none(ChequeRow.entry == row.reverses_id) if row.reverses_id else None
    )
    return to_entry(row, voided_by, cheque, lines, voided_cheque)
