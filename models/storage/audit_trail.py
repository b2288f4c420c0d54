"""The audit trail: who changed what, when, from what to what, written by the database.

Every row of `audit_log` is written by a trigger (models/storage/audit_guards.py) or by
`note` (restores, people and roles: what no trigger sees), never updated or deleted (the
database refuses it). Rows are linked into a hash chain like the entries'
(models/storage/chain.py): each row's link covers its fields and the link before it, and
the last link is the tip in `meta`. The database computes the link inside the trigger:
PostgreSQL with sha256() in plpgsql, SQLite with `qk_audit_link`, registered here on
every connection. Writers take turns at the tip: on PostgreSQL the trigger locks the
tip's row (`SELECT … FOR UPDATE`), on SQLite BEGIN IMMEDIATE admits one writer.

Who: PostgreSQL's `session_user` (the person signed in to the server); on SQLite
`qk_who()`, which returns `models.storage.session.current_user()`.

`check` recomputes every link (`problems`) and names the first row where the chain breaks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from models.storage import session
from models.storage.dialect import is_postgres, placeholders, rows_after
from models.storage.tables import database
from models.vocabulary import clock
from models.vocabulary.i18n import _

TIP_KEY = "audit_chain_tip"
GENESIS = "0" * 32
BATCH = 20_000

# The fields a link covers, in this order.
COLUMNS = ("id", "at", "who", "kind", "subject", "customer_id", "old_values", "new_values")
_AT_FORMAT = "%Y-%m-%d %H:%M:%S"  # PostgreSQL: to_char(at, 'YYYY-MM-DD HH24:MI:SS')


def _part(value: object) -> str:
    """A field as the link reads it: its length in characters, a colon, the text (so no
    field's text can pass for another's); a missing value is '-'. plpgsql writes the
    same with char_length()."""
    if value is None:
        return "-"
    text = str(value)
    return f"{len(text)}:{text}"


def at_text(value: object) -> str:
    """The time as the link covers it: SQLite stores this text, PostgreSQL a timestamp."""
    if isinstance(value, dt.datetime):
        return value.strftime(_AT_FORMAT)
    return str(value)


def link(previous: str, values: Sequence[Any]) -> str:
    """The link of an audit row with these `COLUMNS` values after the link `previous`."""
    row_id, at, who, kind, subject, customer_id, old, new = values
    text = "|".join(
        (
            previous,
            str(int(row_id)),
            _part(at_text(at)),
            _part(who),
            _part(kind),
            _part(subject),
            "-" if customer_id is None else str(int(customer_id)),
            _part(old),
            _part(new),
        )
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _link_after_tip(tip: str | None, *values: Any) -> str:
    """SQLite's `qk_audit_link(tip, …)`: the tip is meta's 'id:link' (None: no tip yet)."""
    previous = (tip or "").partition(":")[2] or GENESIS
    return link(previous, values)


def _now_text() -> str:
    return clock.now().strftime(_AT_FORMAT)


def register_functions(conn: sqlite3.Connection) -> None:
    """The functions SQLite's audit triggers call, on one connection. None has a side
    effect: a trigger calling them can do nothing but write the audit row it writes."""
    conn.create_function("qk_who", 0, session.current_user)
    conn.create_function("qk_now", 0, _now_text)
    conn.create_function("qk_audit_link", 9, _link_after_tip, deterministic=True)


# SQLite: one audit row and the new tip. `{kind}`, `{subject}`, … are SQL expressions
# (NEW.code inside a trigger, ? for `note`).
SQLITE_WRITE = """INSERT INTO audit_log
  (id, at, who, kind, subject, customer_id, old_values, new_values, link)
SELECT n.id, n.at, n.who, n.kind, n.subject, n.customer_id, n.old_values, n.new_values,
  qk_audit_link((SELECT value FROM meta WHERE key = 'audit_chain_tip'), n.id, n.at, n.who,
    n.kind, n.subject, n.customer_id, n.old_values, n.new_values)
FROM (SELECT COALESCE((SELECT MAX(id) FROM audit_log), 0) + 1 AS id, qk_now() AS at,
  qk_who() AS who, {kind} AS kind, {subject} AS subject, {customer} AS customer_id,
  {old} AS old_values, {new} AS new_values) n;
INSERT INTO meta (key, value)
VALUES ('audit_chain_tip', (SELECT id || ':' || link FROM audit_log ORDER BY id DESC LIMIT 1))
ON CONFLICT (key) DO UPDATE SET value = excluded.value;"""


def note(
    kind: str,
    subject: str,
    before: str = "{}",
    after: str = "{}",
    customer_id: int | None = None,
) -> None:
    """Record an event no trigger sees (a restore, a person's role) in the open ledger's
    audit trail, in the caller's transaction. `before` and `after` are JSON objects as
    text. PostgreSQL: `qk_audit_note`, the same function any SQL client may call."""
    if is_postgres():
        database.execute_sql(
            "SELECT qk_audit_write(%s, %s, %s, %s, %s)",
            (kind, subject, customer_id, before, after),
        )
        return
    note_on(database.connection(), kind, subject, before, after, customer_id)


def note_on(
    conn: sqlite3.Connection,
    kind: str,
    subject: str,
    before: str = "{}",
    after: str = "{}",
    customer_id: int | None = None,
) -> None:
    """`note` on a SQLite connection of the caller's own (a restore's), which need not
    have the functions yet. The caller holds the transaction."""
    register_functions(conn)
    first, second = SQLITE_WRITE.format(
        kind="?", subject="?", customer="?", old="?", new="?"
    ).split(";\n")
    conn.execute(first, (kind, subject, customer_id, before, after))
    conn.execute(second)


def note_in_file(
    ledger: sqlite3.Connection | Path, kind: str, subject: str, before: str, after: str
) -> None:
    """`note` in a SQLite ledger that is not open as the ledger (a restore's connection,
    or its file), in a transaction of its own. A ledger older than the trail has none."""
    conn = ledger if isinstance(ledger, sqlite3.Connection) else _connect(ledger)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit_log'").fetchone():
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            note_on(conn, kind, subject, before, after)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        if conn is not ledger:
            conn.close()


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, timeout=5, isolation_level=None)


def _rows_after(row_id: int) -> Iterator[tuple]:
    """Audit rows with id above `row_id`, in id order, with their stored link."""
    columns = ", ".join(COLUMNS)
    query = f"SELECT {columns}, link FROM audit_log WHERE id > ? ORDER BY id"
    return rows_after(query, row_id, BATCH)


def _recomputed(previous: str, values: Sequence[Any]) -> str | None:
    try:
        return link(previous, values)
    except (TypeError, ValueError):  # an id that is not a number: edited outside Qingkuan
        return None


def problems(limit: int) -> list[str]:
    """Where the audit trail's chain breaks, as sentences (at most `limit`; empty: it
    holds). After a break the check goes on from the stored link, so each changed,
    removed or added row is named where it shows rather than everything after it."""
    if "audit_log" not in database.obj.get_tables():
        return []  # an older ledger, read without upgrading: no trail yet
    found: list[str] = []
    previous, last_id, last_link = GENESIS, 0, GENESIS
    for *values, stored in _rows_after(0):
        if _recomputed(previous, values) != stored:
            found.append(
                _(
                    "The audit trail's chain breaks at row {id} ({kind}, {at}): that row was "
                    "changed, or one before it removed or slipped in, outside Qingkuan."
                ).format(id=values[0], kind=values[3], at=at_text(values[1]))
            )
            if len(found) >= limit:
                return found
        previous, last_id, last_link = stored, values[0], stored
    found += _tip_problems(last_id, last_link)
    return found[:limit]


def _tip_problems(last_id: int, last_link: str) -> list[str]:
    row = database.execute_sql(
        placeholders("SELECT value FROM meta WHERE key = ?"), (TIP_KEY,)
    ).fetchone()
    if row is None:
        if last_id == 0:
            return []
        return [_("The end of the audit trail is not recorded: it was removed outside Qingkuan.")]
    tip_text, _sep, tip_link = str(row[0]).partition(":")
    tip_id = int(tip_text) if tip_text.isdigit() else -1
    if tip_id > last_id:
        return [
            _(
                "The audit trail ends at row {tip}, but its last row is {last}: the newest "
                "rows were removed outside Qingkuan."
            ).format(tip=tip_id, last=last_id)
        ]
    if (tip_id, tip_link) != (last_id, last_link if last_id else GENESIS):
        return [
            _(
                "The end of the audit trail does not match row {id}: the trail was rewritten "
                "outside Qingkuan."
            ).format(id=last_id)
        ]
    return []


def start_tip(db: Any) -> None:
    """Record an empty trail's tip, unless there is one."""
    db.execute_sql(
        "INSERT INTO meta (key, value) VALUES ('audit_chain_tip', "
        f"'0:{GENESIS}') ON CONFLICT (key) DO NOTHING"
    )
