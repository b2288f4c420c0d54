"""Writing checked rows in bulk, inside the import's transaction.

`EntryWriter` inserts entries (and their cheques) many rows per statement, with ids it
reserves itself (`reserve_ids`) so each cheque can name its entry; on SQLite the derived
tables are brought up to date once per import (models/storage/bulk_upkeep.py). Here too
is what marks a written entry: its `import_key`, and the hash of a delivery's or return's
document number that a second posting of it is found by.
"""

from __future__ import annotations

import hashlib

import peewee as pw
from peewee import fn

from models.exchange.entry_cells import EntryFields
from models.storage import chain, session
from models.storage.bulk_upkeep import SqliteUpkeep
from models.storage.db import is_postgres
from models.storage.dialect import insert_rows
from models.storage.tables import ChequeRow, EntryRow, database
from models.vocabulary import clock
from models.vocabulary.entry_records import CREDIT_KINDS, ChequeStatus, EntryKind


def import_key(*parts: str) -> str:
    """A 64-character import key (fits `EntryRow.import_key`)."""
    return hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()


# The kinds whose document number stands once per customer.
DOCUMENT_KINDS = (EntryKind.DELIVERY, EntryKind.RETURN)


def stable_hash(text: str) -> int:
    """64 bits of BLAKE2b: equal in every run (Python's own str hash is not), so a
    million rows are remembered as small ints instead of their text."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def document_hash(customer_id: int, kind: EntryKind, doc_no: str) -> int:
    """A delivery's or return's number for its customer, as 64 bits (`stable_hash`)."""
    return stable_hash(f"{customer_id}\x1f{kind.value}\x1f{doc_no}")


def _live_documents() -> set[int]:
    """The standing deliveries' and returns' document numbers in the ledger, read once
    (a voided document may be posted again)."""
    voided = EntryRow.select(EntryRow.reverses).where(EntryRow.reverses.is_null(False))
    query = EntryRow.select(EntryRow.customer, EntryRow.kind, EntryRow.doc_no).where(
        EntryRow.kind.in_(DOCUMENT_KINDS)
        & (EntryRow.doc_no != "")
        & EntryRow.reverses.is_null()
        & EntryRow.id.not_in(voided)
    )
    return {document_hash(c, k, d) for c, k, d in query.tuples().iterator()}


class EntryWriter:
    """Inserts checked entries (and their cheques) many rows per statement, with ids it
    reserves itself so each cheque can name its entry."""

    # The chained columns (models/storage/chain.py) in their order; an import never reverses.
    ENTRY_COLUMNS = tuple(c for c in chain.COLUMNS if c != "reverses_id")
    CHEQUE_COLUMNS = ("entry_id", "number", "bank", "due_on", "status", "status_at")

    def __init__(self, *, keys_checked: bool = False) -> None:
        self.by = session.current_user()
        self.now = EntryRow.created_at.db_value(clock.now())
        self.next_id = 0
        self.written = 0
        self.live: set[int] | None = None  # read at the first document number
        # The import keys' index stays while each batch's keys are looked up in it.
        self.keep_indexes = ("entry_import_key_once",) if keys_checked else ()
        self.upkeep: SqliteUpkeep | None = None

    def posted(self, draft: EntryFields) -> bool:
        """Is this delivery's or return's number already standing in the ledger?"""
        if self.live is None:
            self.live = _live_documents()
        return document_hash(draft.customer_id, draft.kind, draft.doc_no) in self.live

    def _ids(self, n: int) -> list[int]:
        if is_postgres():
            return reserve_ids("entry", EntryRow, n)
        if not self.next_id:  # BEGIN IMMEDIATE: no other writer until we commit
            self.next_id = reserve_ids("entry", EntryRow, 1)[0]
            self.upkeep = SqliteUpkeep(self.next_id, keep_indexes=self.keep_indexes)
        first, self.next_id = self.next_id, self.next_id + n
        return list(range(first, first + n))

    def write(self, new: list[tuple[EntryFields, str]]) -> None:
        if not new:
            return
        entries, cheques = [], []
        for entry_id, (d, key) in zip(self._ids(len(new)), new, strict=True):
            delta = -d.amount if d.kind in CREDIT_KINDS else d.amount
            entries.append(
                (
                    entry_id,
                    d.customer_id,
                    EntryRow.date.db_value(d.on),
                    EntryRow.kind.db_value(d.kind),
                    d.amount,
                    delta,
                    d.doc_no,
                    d.memo,
                    EntryRow.method.db_value(d.method),
                    "",
                    self.by,
                    self.now,
                    key,
                )
            )
            if d.method is not None and d.method.is_instrument:
                cheques.append(
                    (
                        entry_id,
                        d.cheque_no,
                        d.bank,
                        ChequeRow.due_on.db_value(d.cheque_due),
                        ChequeRow.status.db_value(ChequeStatus.RECEIVED),
                        self.now,
                    )
                )
        insert_many("entry", self.ENTRY_COLUMNS, entries)
        insert_many("cheque", self.CHEQUE_COLUMNS, cheques)
        self.written += len(entries)
        if self.upkeep is not None:
            self.upkeep.written(self.written)

    def finish(self) -> None:
        """Bring the derived tables and indexes up to date (before the chain and commit)."""
        if self.upkeep is not None:
            self.upkeep.finish()
            self.upkeep = None


def insert_many(table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Many rows in one go (PostgreSQL: COPY; models/storage/dialect.py)."""
    insert_rows(table, columns, rows)


def reserve_ids(table: str, model: type[pw.Model], n: int) -> list[int]:
    """`n` new ids for rows inserted with their id (so other rows can point at them).
    SQLite: after the highest (the import's BEGIN IMMEDIATE admits no other writer);
    PostgreSQL: from the table's sequence, which other writers share."""
    if is_postgres():
        query = (
            f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, %s)"
        )
        return [i for (i,) in database.execute_sql(query, (n,)).fetchall()]
    first = (model.select(fn.MAX(model.id)).scalar() or 0) + 1
    return list(range(first, first + n))
