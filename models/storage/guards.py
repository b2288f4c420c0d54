"""The ledger's guards: database triggers that keep the rules whoever writes.

- Entries, their delivery lines and their links in the hash chain are never updated or
  deleted (a mistake is voided by a reversal); nor is a cheque's status history, nor a
  customer's reply to a statement or a dispute's outcome.
- A reversal cannot itself be voided.
- The balance cache follows every new entry.
- Each day's total per kind (the review's trend) follows every new entry.
- A delivery's or return's document number is live once per customer: each standing
  one holds a row of `live_document`, whose primary key refuses a second copy; voiding
  frees the number again.
- The audit trail is written for every audited change and never changed or deleted
  (models/storage/audit_guards.py; installed and reported with these).

`missing(db)` names the guards that are gone, disabled or changed (``check`` reports
them); `install(db)` puts them (back) in place. Opening a ledger does both.
"""

from __future__ import annotations

from collections.abc import Collection

import peewee as pw

from models.storage import audit_guards

_REFUSE = "ledger entries are never changed or deleted: void instead"
_IMMUTABLE = ("entry", "entry_line", "entry_chain")
_DOCUMENT_KINDS = "('delivery', 'return')"  # the kinds whose numbers are posted once

# The latest standing payment: a payment raises it; voiding one recomputes it.
_LAST_PAYMENT_SQL = """(SELECT MAX(p.date) FROM entry p
    WHERE p.customer_id = NEW.customer_id AND p.kind = 'payment' AND p.reverses_id IS NULL
      AND p.id NOT IN (SELECT reverses_id FROM entry WHERE reverses_id IS NOT NULL))"""

# When a voided document had a duplicate from before the rule existed (an old ledger:
# `check` reports it), that standing duplicate takes over the number.
_ADOPT_DUPLICATE = """INSERT INTO live_document (customer_id, kind, doc_no, entry_id)
           SELECT e.customer_id, e.kind, e.doc_no, e.id FROM entry e
           WHERE e.customer_id = NEW.customer_id AND e.kind = NEW.kind
             AND e.doc_no = NEW.doc_no AND e.reverses_id IS NULL AND e.id <> NEW.reverses_id
             AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses_id = e.id)
           ORDER BY e.id LIMIT 1"""

# name -> (table, CREATE statement)
SQLITE_TRIGGERS: dict[str, tuple[str, str]] = {
    f"{table}_no_{op.lower()}": (
        table,
        f"""CREATE TRIGGER IF NOT EXISTS {table}_no_{op.lower()} BEFORE {op} ON {table}
        BEGIN SELECT RAISE(ABORT, '{_REFUSE}'); END""",
    )
    for table in _IMMUTABLE
    for op in ("UPDATE", "DELETE")
}
_CHEQUE_HISTORY = "cheque_status_change"
SQLITE_TRIGGERS.update(
    {
        f"{_CHEQUE_HISTORY}_no_{op.lower()}": (
            _CHEQUE_HISTORY,
            f"""CREATE TRIGGER IF NOT EXISTS {_CHEQUE_HISTORY}_no_{op.lower()}
                BEFORE {op} ON {_CHEQUE_HISTORY}
                BEGIN SELECT RAISE(ABORT, 'the status history of a cheque is never changed'); END""",
        )
        for op in ("UPDATE", "DELETE")
    }
)
# Confirmations: a reply is replaced by a later one, never edited; an outcome is final.
_REPLY_HISTORY = ("statement_reply", "dispute_outcome")
SQLITE_TRIGGERS.update(
    {
        f"{table}_no_{op.lower()}": (
            table,
            f"""CREATE TRIGGER IF NOT EXISTS {table}_no_{op.lower()} BEFORE {op} ON {table}
                BEGIN SELECT RAISE(ABORT, 'a recorded reply is never changed: replace it'); END""",
        )
        for table in _REPLY_HISTORY
        for op in ("UPDATE", "DELETE")
    }
)
# A credit approval (models/ledger/credit_stop.py) is the record of the boss's word: it
# is never deleted, and its only change is being used, once (entry and time, together).
_APPROVAL_KEPT = "a credit approval is used once and never changed or deleted"
_APPROVAL_FIELDS = ("id", "customer_id", "amount", "reasons", "note", "approved_by", "approved_at")
SQLITE_TRIGGERS["credit_approval_no_delete"] = (
    "credit_approval",
    f"""CREATE TRIGGER IF NOT EXISTS credit_approval_no_delete BEFORE DELETE ON credit_approval
       BEGIN SELECT RAISE(ABORT, '{_APPROVAL_KEPT}'); END""",
)
SQLITE_TRIGGERS["credit_approval_used_once"] = (
    "credit_approval",
    f"""CREATE TRIGGER IF NOT EXISTS credit_approval_used_once BEFORE UPDATE ON credit_approval
       WHEN OLD.entry_id IS NOT NULL OR NEW.entry_id IS NULL OR NEW.used_at IS NULL
         OR {" OR ".join(f"NEW.{f} IS NOT OLD.{f}" for f in _APPROVAL_FIELDS)}
       BEGIN SELECT RAISE(ABORT, '{_APPROVAL_KEPT}'); END""",
)
SQLITE_TRIGGERS["entry_no_void_of_reversal"] = (
    "entry",
    """CREATE TRIGGER IF NOT EXISTS entry_no_void_of_reversal BEFORE INSERT ON entry
       WHEN NEW.reverses_id IS NOT NULL AND
            (SELECT reverses_id FROM entry WHERE id = NEW.reverses_id) IS NOT NULL
       BEGIN SELECT RAISE(ABORT, 'a reversal cannot be voided'); END""",
)
SQLITE_TRIGGERS["entry_keeps_balance"] = (
    "entry",
    f"""CREATE TRIGGER IF NOT EXISTS entry_keeps_balance AFTER INSERT ON entry
       BEGIN
         INSERT INTO balance_cache (customer_id, balance, last_date)
         VALUES (NEW.customer_id, NEW.delta, NEW.date)
         ON CONFLICT (customer_id) DO UPDATE
         SET balance = balance + excluded.balance, last_date = max(last_date, excluded.last_date);
         UPDATE balance_cache SET last_payment_on = CASE
             WHEN NEW.reverses_id IS NOT NULL THEN {_LAST_PAYMENT_SQL}
             WHEN last_payment_on IS NULL OR last_payment_on < NEW.date THEN NEW.date
             ELSE last_payment_on END
         WHERE customer_id = NEW.customer_id AND NEW.kind = 'payment';
       END""",
)
SQLITE_TRIGGERS["entry_keeps_live_documents"] = (
    "entry",
    f"""CREATE TRIGGER IF NOT EXISTS entry_keeps_live_documents AFTER INSERT ON entry
       WHEN NEW.doc_no <> '' AND NEW.kind IN {_DOCUMENT_KINDS} AND NEW.reverses_id IS NULL
       BEGIN
         INSERT INTO live_document (customer_id, kind, doc_no, entry_id)
         VALUES (NEW.customer_id, NEW.kind, NEW.doc_no, NEW.id);
       END""",
)
# Apart from the one above: looking for a duplicate to adopt reads the customer's
# documents, which only a void (rare) may do, never a post.
SQLITE_TRIGGERS["entry_frees_live_documents"] = (
    "entry",
    f"""CREATE TRIGGER IF NOT EXISTS entry_frees_live_documents AFTER INSERT ON entry
       WHEN NEW.doc_no <> '' AND NEW.kind IN {_DOCUMENT_KINDS} AND NEW.reverses_id IS NOT NULL
       BEGIN
         DELETE FROM live_document WHERE entry_id = NEW.reverses_id;
         {_ADOPT_DUPLICATE.replace("INSERT INTO", "INSERT OR IGNORE INTO")};
       END""",
)

# Each day's total per kind (the boss's review reads its trend from these), kept like the
# balance cache.
SQLITE_TRIGGERS["entry_keeps_daily_total"] = (
    "entry",
    """CREATE TRIGGER IF NOT EXISTS entry_keeps_daily_total AFTER INSERT ON entry
       BEGIN
         INSERT INTO daily_total (date, kind, total) VALUES (NEW.date, NEW.kind, NEW.delta)
         ON CONFLICT (date, kind) DO UPDATE SET total = total + excluded.total;
       END""",
)

# The audit trail's triggers (models/storage/audit_guards.py), kept like these.
SQLITE_TRIGGERS.update(audit_guards.SQLITE_TRIGGERS)

# PostgreSQL: function name -> body (what pg_proc.prosrc holds, compared as is).
# The entry triggers run once per INSERT statement over its rows (the transition table
# `new_rows`), one set-based statement per derived table: an import of 100,000 entries
# costs a few statements instead of 400,000 trigger calls, and a single post the same
# as before. Entry writers take turns at the chain's tip (models/storage/chain.py), so
# two statements never upsert the same cache rows at once; the ORDER BYs keep the lock
# order fixed all the same.
_DOCUMENT_ROWS = f"doc_no <> '' AND kind IN {_DOCUMENT_KINDS}"
# What only a void needs is done only for a statement holding one: PL/pgSQL keeps the
# plan a session first made, and one made while `entry` was nearly empty (a new
# ledger's first import, the demo) joined every entry with every new row, each time:
# building the 1,000-customer demo took 287 s, the 10,000-customer one over an hour.
_HAS_VOIDS = "EXISTS (SELECT 1 FROM new_rows WHERE reverses_id IS NOT NULL)"
PG_FUNCTIONS: dict[str, str] = {
    "qk_refuse_change": f"""
       BEGIN RAISE EXCEPTION '{_REFUSE}'; END;
       """,
    "qk_approval_used_once": f"""
       BEGIN
         IF TG_OP = 'DELETE' OR OLD.entry_id IS NOT NULL OR NEW.entry_id IS NULL
            OR NEW.used_at IS NULL
            OR ({", ".join(f"NEW.{f}" for f in _APPROVAL_FIELDS)})
               IS DISTINCT FROM ({", ".join(f"OLD.{f}" for f in _APPROVAL_FIELDS)}) THEN
           RAISE EXCEPTION '{_APPROVAL_KEPT}';
         END IF;
         RETURN NEW;
       END;
       """,
    "qk_refuse_reply_change": """
       BEGIN RAISE EXCEPTION 'a recorded reply is never changed: replace it'; END;
       """,
    "qk_entries_refuse_void_of_reversal": f"""
       BEGIN
         IF {_HAS_VOIDS} THEN
           IF EXISTS (SELECT 1 FROM new_rows n JOIN entry e ON e.id = n.reverses_id
                      WHERE n.reverses_id IS NOT NULL AND e.reverses_id IS NOT NULL) THEN
             RAISE EXCEPTION 'a reversal cannot be voided';
           END IF;
         END IF;
         RETURN NULL;
       END; """,
    # A voided payment may have been the latest: its customer's is looked up again.
    "qk_entries_keep_balance": f"""
       BEGIN
         INSERT INTO balance_cache (customer_id, balance, last_date, last_payment_on)
         SELECT customer_id, SUM(delta), MAX(date),
                MAX(date) FILTER (WHERE kind = 'payment' AND reverses_id IS NULL)
         FROM new_rows GROUP BY customer_id ORDER BY customer_id
         ON CONFLICT (customer_id) DO UPDATE
         SET balance = balance_cache.balance + EXCLUDED.balance,
             last_date = GREATEST(balance_cache.last_date, EXCLUDED.last_date),
             last_payment_on = GREATEST(balance_cache.last_payment_on, EXCLUDED.last_payment_on);
         IF {_HAS_VOIDS} THEN
           UPDATE balance_cache b SET last_payment_on = (
               SELECT MAX(p.date) FROM entry p
               WHERE p.customer_id = b.customer_id AND p.kind = 'payment' AND p.reverses_id IS NULL
                 AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses_id = p.id))
           WHERE b.customer_id IN (SELECT customer_id FROM new_rows
                                   WHERE kind = 'payment' AND reverses_id IS NOT NULL);
         END IF;
         RETURN NULL;
       END; """,
    # Voids free their numbers first, so that a void and a new posting of its number may
    # come in one statement; a standing duplicate (`_ADOPT_DUPLICATE`) takes over last.
    "qk_entries_keep_live_documents": f"""
       BEGIN
         IF {_HAS_VOIDS} THEN
           DELETE FROM live_document WHERE entry_id IN (
               SELECT reverses_id FROM new_rows
               WHERE reverses_id IS NOT NULL AND {_DOCUMENT_ROWS});
         END IF;
         INSERT INTO live_document (customer_id, kind, doc_no, entry_id)
         SELECT customer_id, kind, doc_no, id FROM new_rows
         WHERE reverses_id IS NULL AND {_DOCUMENT_ROWS} ORDER BY id;
         IF {_HAS_VOIDS} THEN
           INSERT INTO live_document (customer_id, kind, doc_no, entry_id)
           SELECT DISTINCT ON (e.customer_id, e.kind, e.doc_no)
                  e.customer_id, e.kind, e.doc_no, e.id
           FROM new_rows v JOIN entry e ON e.customer_id = v.customer_id AND e.kind = v.kind
                AND e.doc_no = v.doc_no
           WHERE v.reverses_id IS NOT NULL AND v.doc_no <> '' AND v.kind IN {_DOCUMENT_KINDS}
             AND e.reverses_id IS NULL AND e.id <> v.reverses_id
             AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses_id = e.id)
           ORDER BY e.customer_id, e.kind, e.doc_no, e.id
           ON CONFLICT DO NOTHING;
         END IF;
         RETURN NULL;
       END; """,
    "qk_entries_keep_daily_total": """
       BEGIN
         INSERT INTO daily_total (date, kind, total)
         SELECT date, kind, SUM(delta) FROM new_rows GROUP BY date, kind ORDER BY date, kind
         ON CONFLICT (date, kind) DO UPDATE SET total = daily_total.total + EXCLUDED.total;
         RETURN NULL;
       END; """,
}
# The functions of row-level entry triggers before version 12 (dropped by its migration).
RETIRED_PG_FUNCTIONS = (
    "qk_refuse_void_of_reversal",
    "qk_keep_balance",
    "qk_keep_live_documents",
    "qk_keep_daily_total",
)

ROW, STATEMENT = "ROW", "STATEMENT"
# PostgreSQL: trigger name -> (table, when, function, for each ROW or STATEMENT)
PG_TRIGGERS: dict[str, tuple[str, str, str, str]] = {
    **{
        f"{table}_immutable": (table, "BEFORE UPDATE OR DELETE", "qk_refuse_change", ROW)
        for table in (*_IMMUTABLE, _CHEQUE_HISTORY)
    },
    **{
        f"{table}_immutable": (table, "BEFORE UPDATE OR DELETE", "qk_refuse_reply_change", ROW)
        for table in _REPLY_HISTORY
    },
    "entry_no_void_of_reversal": (
        "entry",
        "AFTER INSERT",
        "qk_entries_refuse_void_of_reversal",
        STATEMENT,
    ),
    "entry_keeps_balance": (
        "entry",
        "AFTER INSERT",
        "qk_entries_keep_balance",
        STATEMENT,
    ),
    "entry_keeps_live_documents": (
        "entry",
        "AFTER INSERT",
        "qk_entries_keep_live_documents",
        STATEMENT,
    ),
    "entry_keeps_daily_total": (
        "entry",
        "AFTER INSERT",
        "qk_entries_keep_daily_total",
        STATEMENT,
    ),
    "credit_approval_used_once": (
        "credit_approval",
        "BEFORE UPDATE OR DELETE",
        "qk_approval_used_once",
        ROW,
    ),
}
# The entry triggers that were row-level before version 12.
# The functions that keep the derived tables run as the ledger's owner: nobody else may
# write those tables (models/storage/pg_people.py), so no person can skew a balance.
KEEPERS = frozenset(
    {"qk_entries_keep_balance", "qk_entries_keep_live_documents", "qk_entries_keep_daily_total"}
)
PER_STATEMENT = tuple(name for name, spec in PG_TRIGGERS.items() if spec[3] == STATEMENT)


def install(db: pw.Database, replace: Collection[str] = ()) -> None:
    """Create the guards that are absent, and recreate those named in `replace`.

    Guards on tables an older ledger does not have yet are left for the migration that
    adds the table.
    """
    tables = set(db.get_tables())
    if isinstance(db, pw.PostgresqlDatabase):
        for name, body in PG_FUNCTIONS.items():  # CREATE OR REPLACE: bodies get updated
            owner = " SECURITY DEFINER SET search_path FROM CURRENT" if name in KEEPERS else ""
            db.execute_sql(
                f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $${body}$$ "
                f"LANGUAGE plpgsql{owner}"
            )
        present = _pg_trigger_names(db)
        for name, (table, when, function, each) in PG_TRIGGERS.items():
            if not _ready(name, table, tables) or (name in present and name not in replace):
                continue
            db.execute_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            # A statement's rows are the transition table `new_rows` (AFTER INSERT only).
            rows = " REFERENCING NEW TABLE AS new_rows" if each == STATEMENT else ""
            db.execute_sql(
                f"CREATE TRIGGER {name} {when} ON {table}{rows} "
                f"FOR EACH {each} EXECUTE FUNCTION {function}()"
            )
        audit_guards.install_pg(db, replace)
        return
    for name, (table, sql) in SQLITE_TRIGGERS.items():
        if not _ready(name, table, tables):
            continue
        if name in replace or name == "entry_keeps_balance":  # its body changed in v2
            db.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
        db.execute_sql(sql)


def _ready(name: str, table: str, tables: set[str]) -> bool:
    """A guard goes in once its table exists (and the table it keeps: both come in
    version 4 for live documents; the audit trail's come with its table in version 12)."""
    if name in audit_guards.SQLITE_TRIGGERS:
        return audit_guards.ready(table, tables)
    if "live_documents" in name and "live_document" not in tables:
        return False
    if "daily_total" in name and "daily_total" not in tables:
        return False
    return table in tables


def missing(
    db: pw.Database,
    found: list[tuple] | None = None,
    tables: Collection[str] | None = None,
    functions: dict[str, str] | None = None,
) -> list[str]:
    """The guards that are not in place as this program made them (gone, disabled or
    with another body), by name. PostgreSQL: `found` are the triggers as
    `PG_TRIGGERS_FOUND` read them, if they were read already."""
    if isinstance(db, pw.PostgresqlDatabase):
        return _pg_missing(db, found, tables, functions)
    found = dict(db.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    return [
        name
        for name, (_table, sql) in SQLITE_TRIGGERS.items()
        if _normal(found.get(name) or "") != _normal(sql)
    ]


def _normal(sql: str) -> str:
    """SQLite keeps a trigger's text as written, less IF NOT EXISTS; spacing may vary."""
    return " ".join(sql.replace("IF NOT EXISTS ", "").split())


def _pg_trigger_names(db: pw.Database) -> set[str]:
    return {row[0] for row in _pg_triggers(db)}


_TRIGGERS_FOUND = (
    "SELECT t.tgname, c.relname, t.tgenabled, p.proname, {body}, "
    "CASE WHEN t.tgtype & 1 = 1 THEN 'ROW' ELSE 'STATEMENT' END "
    "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
    "JOIN pg_proc p ON p.oid = t.tgfoid "
    "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace"
)
# (name, table, enabled, function, its body, ROW or STATEMENT) of each trigger in the
# ledger's schema.
PG_TRIGGERS_FOUND = _TRIGGERS_FOUND.format(body="p.prosrc")
# The same without the bodies, for opening (models/storage/db.py): it reads the ledger's
# functions' bodies anyway, and each body came twice (24 KB a time). In the body's
# place, whether the function is the ledger's own (another schema's of the same name
# has no body here).
PG_TRIGGERS_FOUND_LEAN = _TRIGGERS_FOUND.format(
    body="p.pronamespace = current_schema()::regnamespace"
)


def with_bodies(lean: list[tuple], functions: dict[str, str]) -> list[tuple]:
    """`PG_TRIGGERS_FOUND_LEAN` rows as `PG_TRIGGERS_FOUND` would read them, the bodies
    taken from `functions` (the ledger's own qk_… functions, name -> body)."""
    return [
        (name, table, enabled, function, functions.get(function) if own else None, each)
        for name, table, enabled, function, own, each in lean
    ]


def _pg_triggers(db: pw.Database) -> list[tuple]:
    """`PG_TRIGGERS_FOUND`, as tuples."""
    return [tuple(row) for row in db.execute_sql(PG_TRIGGERS_FOUND)]


def _pg_missing(
    db: pw.Database,
    found_rows: list[tuple] | None = None,
    tables: Collection[str] | None = None,
    functions: dict[str, str] | None = None,
) -> list[str]:
    rows = _pg_triggers(db) if found_rows is None else found_rows
    found = {name: tuple(rest) for name, *rest in rows}
    gone = audit_guards.missing_pg(db, tables, rows, functions)
    # Enabled is 'O' (fires) or 'A' (always); 'D' is disabled, 'R' fires only for replicas.
    return [
        name
        for name, (table, _when, function, each) in PG_TRIGGERS.items()
        if found.get(name)
        not in (
            (table, "O", function, PG_FUNCTIONS[function], each),
            (table, "A", function, PG_FUNCTIONS[function], each),
        )
    ] + gone
