"""The entries' hash chain: evidence of edits made to the ledger outside Qingkuan.

Each entry has a link: a hash of its own fields and of the link before it, entries in id
order. Changing an entry with another tool, removing one or slipping one in breaks the
chain there, and `check` names the first entry where it breaks. The last link is also
kept in `meta` (the tip), so removing the newest entries shows too.

It is evidence, not a seal: someone who reads this code can recompute the links. It
catches what a database tool, a spreadsheet plug-in or a hand-typed statement does.

Writers take turns at the tip: on PostgreSQL `SELECT … FOR UPDATE` locks the tip's row
before the entry is inserted, so ids, links and commits follow one order even with
several clerks posting at once; on SQLite BEGIN IMMEDIATE already admits one writer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from json.encoder import encode_basestring
from typing import Any

import peewee as pw

from models.storage.dialect import insert_rows, is_postgres, placeholders, rows_after
from models.storage.tables import CustomerRow, EntryRow, database
from models.vocabulary.i18n import _

TIP_KEY = "entry_chain_tip"
GENESIS = "0" * 32  # the link "before" the first entry
BATCH = 20_000

# The fields a link covers, in this order (also the column order `extend` expects).
COLUMNS = (
    "id",
    "customer_id",
    "date",
    "kind",
    "amount",
    "delta",
    "doc_no",
    "memo",
    "method",
    "reverses_id",
    "void_reason",
    "entered_by",
    "created_at",
    "import_key",
)


def link(previous: str, values: Sequence[Any]) -> str:
    """The link of an entry with these `COLUMNS` values after the link `previous`.

    Text is written as JSON strings, so no field's text can pass for another field's;
    128 bits of SHA-256 are plenty to make an accidental match impossible and keep the
    table small. An f-string, not json.dumps: `check` recomputes a million of these.
    """
    (eid, cid, on, kind, amount, delta, doc_no, memo, method, reverses, reason, by,
     created, key) = values  # fmt: skip
    on = on if isinstance(on, str) else on.isoformat()
    # SQLite returns the ISO text its adapter stored; PostgreSQL a datetime.
    created = created if isinstance(created, str) else created.isoformat(sep=" ")
    text = (
        f"{previous}|{eid}|{cid}|{_text(on)}|{_text(str(kind))}|{int(amount)}|{int(delta)}|"
        f"{_text(doc_no)}|{_text(memo)}|{_text(method)}|{reverses}|{_text(reason)}|"
        f"{_text(by)}|{_text(created)}|{_text(key)}"
    )
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _text(value: object) -> str:
    return "null" if value is None else encode_basestring(str(value))


def tip(*, lock: bool) -> tuple[int, str]:
    """(Last chained entry id, its link). With `lock`, holds the tip until the caller's
    transaction ends, so no other writer can chain an entry meanwhile (PostgreSQL)."""
    query = "SELECT value FROM meta WHERE key = ?"
    if lock and is_postgres():
        # The audit trail's tip first (models/storage/audit_trail.py): its triggers lock it
        # too (a void's, inside a post), and two tips always taken in one order cannot
        # deadlock one clerk's void against another's customer edit and post.
        database.execute_sql(
            "SELECT 1 FROM meta WHERE key = 'audit_chain_tip' FOR UPDATE"
        ).fetchall()
        query += " FOR UPDATE"
    row = database.execute_sql(placeholders(query), (TIP_KEY,)).fetchone()
    if row is None:  # a ledger made before the chain: the migration adds the tip
        start_tip(database.obj)
        row = database.execute_sql(placeholders(query), (TIP_KEY,)).fetchone()
    last, _sep, value = row[0].partition(":")
    return int(last), value


def start_tip(db: pw.Database) -> None:
    """Record an empty chain's tip, unless there is one."""
    db.execute_sql(
        placeholders("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING"),
        (TIP_KEY, f"0:{GENESIS}"),
    )


def _set_tip(entry_id: int, value: str) -> None:
    database.execute_sql(
        placeholders("UPDATE meta SET value = ? WHERE key = ?"), (f"{entry_id}:{value}", TIP_KEY)
    )


def add_entry(**fields: Any) -> EntryRow:
    """Insert an entry with its link; the caller holds the transaction."""
    _last, previous = tip(lock=True)
    row = EntryRow.create(**fields)
    value = link(previous, [getattr(row, c) for c in COLUMNS])
    database.execute_sql(
        placeholders("INSERT INTO entry_chain (entry_id, hash) VALUES (?, ?)"), (row.id, value)
    )
    _set_tip(row.id, value)
    return row


def extend(rows: Iterable[Sequence[Any]]) -> None:
    """Chain entries already inserted (`COLUMNS` values, ascending ids, all after the
    tip): the demo builder's and the migration's bulk path."""
    _last, previous = tip(lock=True)
    links = []
    for values in rows:
        previous = link(previous, values)
        links.append((values[0], previous))
    if not links:
        return
    insert_rows("entry_chain", ("entry_id", "hash"), links)
    _set_tip(*links[-1])


def _entries_after(entry_id: int, with_links: bool) -> Iterator[tuple]:
    """Entries with id above `entry_id` in id order (optionally with their stored link),
    read a batch at a time so a million entries never sit in memory at once."""
    columns = ", ".join(f"e.{c}" for c in COLUMNS)
    join = " LEFT JOIN entry_chain c ON c.entry_id = e.id" if with_links else ""
    extra = ", c.hash" if with_links else ""
    query = f"SELECT {columns}{extra} FROM entry e{join} WHERE e.id > ? ORDER BY e.id"
    return rows_after(query, entry_id, BATCH)


def chain_existing(db: pw.Database) -> None:
    """Give every entry after the tip its link (the migration for older ledgers)."""
    start_tip(db)
    last, _value = tip(lock=True)
    batch: list[tuple] = []
    for row in _entries_after(last, with_links=False):
        batch.append(row)
        if len(batch) >= BATCH:
            extend(batch)
            batch = []
    extend(batch)


def problems(limit: int) -> list[str]:
    """Where the chain breaks, as sentences (at most `limit`; empty: it holds).

    After a break the check goes on from the stored link, so each changed, removed or
    added entry is named once rather than everything after the first.
    """
    codes = dict(CustomerRow.select(CustomerRow.id, CustomerRow.code).tuples())
    found: list[str] = []
    previous, last_id, last_link = GENESIS, 0, GENESIS
    for *values, stored in _entries_after(0, with_links=True):
        eid, cid = values[0], values[1]
        code = codes.get(cid, cid)
        if stored is None:
            found.append(
                _(
                    "Entry {id} of customer {code} has no link in the chain of entries: it "
                    "was added outside Qingkuan."
                ).format(id=eid, code=code)
            )
        else:
            if _recomputed(previous, values) != stored:
                found.append(
                    _(
                        "The chain of entries breaks at entry {id} of customer {code}: that "
                        "entry was changed, or one before it removed, outside Qingkuan."
                    ).format(id=eid, code=code)
                )
            previous, last_id, last_link = stored, eid, stored
        if len(found) >= limit:
            return found
    found += _orphans(limit - len(found))
    found += _tip_problems(last_id, last_link)
    return found[:limit]


def _recomputed(previous: str, values: Sequence[Any]) -> str | None:
    """The link as it should be; None when a value is not even of its kind (an amount
    that is text, a date that is missing): that too was done outside Qingkuan."""
    try:
        return link(previous, values)
    except (TypeError, ValueError, AttributeError):
        return None


def _orphans(limit: int) -> list[str]:
    query = placeholders(
        "SELECT c.entry_id FROM entry_chain c LEFT JOIN entry e ON e.id = c.entry_id "
        f"WHERE e.id IS NULL ORDER BY c.entry_id LIMIT {max(limit, 0)}"
    )
    return [
        _(
            "Entry {id} was removed outside Qingkuan: its link in the chain of entries is "
            "still there."
        ).format(id=eid)
        for (eid,) in database.execute_sql(query)
    ]


def _tip_problems(last_id: int, last_link: str) -> list[str]:
    row = database.execute_sql(
        placeholders("SELECT value FROM meta WHERE key = ?"), (TIP_KEY,)
    ).fetchone()
    if row is None:
        return [
            _("The end of the chain of entries is not recorded: it was removed outside Qingkuan.")
        ]
    tip_text, _sep, tip_link = str(row[0]).partition(":")
    tip_id = int(tip_text) if tip_text.isdigit() else -1
    if tip_id > last_id:
        return [
            _(
                "The chain of entries ends at entry {tip}, but the last entry with a link is "
                "{last}: the newest entries were removed outside Qingkuan."
            ).format(tip=tip_id, last=last_id)
        ]
    if (tip_id, tip_link) != (last_id, last_link):
        return [
            _(
                "The end of the chain of entries does not match entry {id}: the chain was "
                "rewritten outside Qingkuan."
            ).format(id=last_id)
        ]
    return []
