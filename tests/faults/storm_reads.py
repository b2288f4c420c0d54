"""Reading what the fault storm wrote (tests/faults/storm.py): its own entries, by
document number or settle tag, in a ledger file, a kept copy or a PostgreSQL ledger."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import psycopg2

OURS = "Z"  # every document number and settle note the storm writes starts with it

_OURS_SQL = (
    "SELECT e.doc_no, e.memo, e.kind FROM entry e WHERE e.reverses_id IS NULL "
    "AND (e.doc_no LIKE 'Z%' OR e.memo LIKE 'ZS%')"
)


def ours(rows: list[tuple[str, str, str]]) -> Counter[str]:
    """The storm's own entries: a delivery by its document number, a settle payment by
    its grid's tag (as many as the grid had rows)."""
    found: Counter[str] = Counter()
    for doc_no, memo, kind in rows:
        found[memo if kind == "payment" and memo.startswith(f"{OURS}S") else doc_no] += 1
    return found


def read_file(path: Path) -> Counter[str]:
    """The storm's entries in a ledger file that nobody writes (a kept copy)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return ours(conn.execute(_OURS_SQL).fetchall())
    finally:
        conn.close()


def read_target(target: str) -> Counter[str]:
    """The storm's entries in the ledger at the end (file or PostgreSQL)."""
    # Every program is gone by now: an ordinary connection.
    pg = target.startswith("postgresql")
    conn = psycopg2.connect(target) if pg else sqlite3.connect(target)
    try:
        cur = conn.cursor()
        cur.execute(_OURS_SQL)
        return ours(cur.fetchall())
    finally:
        conn.close()
