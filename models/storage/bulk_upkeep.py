"""The entry triggers' and indexes' work done once per bulk import (SQLite only).

Posting one entry, the database's triggers (models/storage/guards.py) keep three derived tables:
the balance cache, each day's total per kind and the live document numbers. At a million
imported entries that is three statements per row, and the entry table's five indexes
take a million random inserts each: most of an import's time.

So while the import's one transaction writes entries, `SqliteUpkeep`:

- sets aside the three triggers that only keep derived tables and, before the commit,
  adds the new entries to those tables with one statement each (the same sums the
  triggers would have added, the same refusal of a second live document number);
- once the import has written more entries than the ledger held before, sets aside the
  entry table's indexes and rebuilds them before the commit (a sorted build is many
  times faster than as many random inserts; a unique index refuses a duplicate then).

Everything is put back from the text SQLite kept for it, inside the same transaction:
BEGIN IMMEDIATE admits no other writer until the commit and readers see the last
commit, so no other connection ever sees the ledger without its guards, and an error
or a rejected file rolls the set-aside back with the rows. The guards that refuse a
bad write (never changed, never deleted, no void of a reversal) stay in place
throughout. An import never writes a reversal (checked before the commit): the
triggers' void branches have nothing to do.
"""

from __future__ import annotations

from models.storage.tables import database
from models.vocabulary.errors import LedgerError

# The triggers that only keep derived tables from each new entry (models/storage/guards.py).
DERIVED_TRIGGERS = ("entry_keeps_balance", "entry_keeps_daily_total", "entry_keeps_live_documents")
# Indexes set aside once an import writes this many entries and more than the ledger had.
REINDEX_AFTER = 50_000

_NEW_BALANCES = """
INSERT INTO balance_cache (customer_id, balance, last_date, last_payment_on)
SELECT customer_id, SUM(delta), MAX(date), MAX(CASE WHEN kind = 'payment' THEN date END)
FROM entry WHERE id >= ? GROUP BY customer_id
ON CONFLICT (customer_id) DO UPDATE SET
    balance = balance + excluded.balance,
    last_date = max(last_date, excluded.last_date),
    last_payment_on = CASE
        WHEN excluded.last_payment_on IS NULL THEN last_payment_on
        WHEN last_payment_on IS NULL OR last_payment_on < excluded.last_payment_on
            THEN excluded.last_payment_on
        ELSE last_payment_on END
"""
_NEW_DAILY_TOTALS = """
INSERT INTO daily_total (date, kind, total)
SELECT date, kind, SUM(delta) FROM entry WHERE id >= ? GROUP BY date, kind
ON CONFLICT (date, kind) DO UPDATE SET total = total + excluded.total
"""
_NEW_LIVE_DOCUMENTS = """
INSERT INTO live_document (customer_id, kind, doc_no, entry_id)
SELECT customer_id, kind, doc_no, id FROM entry
WHERE id >= ? AND doc_no <> '' AND kind IN ('delivery', 'return') AND reverses_id IS NULL
ORDER BY customer_id, kind, doc_no
"""


class SqliteUpkeep:
    """Sets aside the derived tables' triggers (and later the entry indexes) for the
    entries a bulk import writes from id `first_id` on; `finish` puts everything back."""

    def __init__(self, first_id: int, *, keep_indexes: tuple[str, ...] = ()) -> None:
        self.first_id = first_id
        self.keep_indexes = ("entry_reverses_once", *keep_indexes)
        self.triggers = self._set_aside("trigger", DERIVED_TRIGGERS)
        self.indexes: list[str] | None = None  # set aside: their CREATE text
        self.before = first_id - 1  # entries already in the ledger (ids are never reused)

    def written(self, count: int) -> None:
        """`count` entries written so far: past the ledger's size, the indexes go aside."""
        if self.indexes is not None or count < max(REINDEX_AFTER, self.before):
            return
        names = [
            name
            for (name,) in database.execute_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entry' "
                "AND sql IS NOT NULL"
            )
            if name not in self.keep_indexes
        ]
        self.indexes = self._set_aside("index", names)

    def finish(self) -> None:
        """Add the new entries to the derived tables, put the indexes and triggers back."""
        found = database.execute_sql(
            "SELECT 1 FROM entry WHERE id >= ? AND reverses_id IS NOT NULL LIMIT 1",
            (self.first_id,),
        ).fetchone()
        if found:  # a bug, not a clerk's mistake: the sums below ignore voids
            raise LedgerError("a bulk import may not write a reversal")
        for sql in (_NEW_BALANCES, _NEW_DAILY_TOTALS, _NEW_LIVE_DOCUMENTS):
            database.execute_sql(sql, (self.first_id,))
        for sql in [*(self.indexes or ()), *self.triggers]:
            database.execute_sql(sql)
        self.indexes, self.triggers = None, []

    @staticmethod
    def _set_aside(kind: str, names: tuple[str, ...] | list[str]) -> list[str]:
        """Drop the named triggers or indexes that exist; returns their CREATE text."""
        kept = []
        for name in names:
            row = database.execute_sql(
                "SELECT sql FROM sqlite_master WHERE type = ? AND name = ?", (kind, name)
            ).fetchone()
            if row is None or row[0] is None:
                continue
            kept.append(row[0])
            database.execute_sql(f'DROP {kind.upper()} "{name}"')
        return kept
