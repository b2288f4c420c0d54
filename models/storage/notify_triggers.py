"""The PostgreSQL triggers that tell open windows the ledger changed: after each
statement on a table a window shows, ``pg_notify('qingkuan_<ledger id>', '<table>')``.
models/storage/change_notices.py listens. SQLite needs none (``PRAGMA data_version``).
"""

from __future__ import annotations

import peewee as pw

LEDGER_ID_KEY = "ledger_id"  # as models/storage/current_ledger.py keeps it
CHANNEL_PREFIX = "qingkuan_"
WATCHED = (
    "customer",
    "entry",
    "cheque",
    "promise",
    "visit",
    "promise_call",
    "setting",
    "rep",
    "route",
)

PG_FUNCTIONS: dict[str, str] = {
    "qk_notify_change": f"""
       BEGIN
         PERFORM pg_notify('{CHANNEL_PREFIX}' || coalesce(
             (SELECT value FROM meta WHERE key = '{LEDGER_ID_KEY}'), 'ledger'), TG_TABLE_NAME);
         RETURN NULL;
       END; """,
}
# name -> (table, when, function); FOR EACH STATEMENT: one notice per statement (and
# PostgreSQL folds equal notices of one transaction), so a bulk import sends a handful.
PG_TRIGGERS: dict[str, tuple[str, str, str]] = {
    f"{table}_notifies": (table, "AFTER INSERT OR UPDATE OR DELETE", "qk_notify_change")
    for table in WATCHED
}


def install(db: pw.Database) -> None:
    """(Re)create the notifying triggers (PostgreSQL only; SQLite needs none)."""
    if not isinstance(db, pw.PostgresqlDatabase):
        return
    for name, body in PG_FUNCTIONS.items():
        db.execute_sql(
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $${body}$$ LANGUAGE plpgsql"
        )
    tables = set(db.get_tables())
    for name, (table, when, function) in PG_TRIGGERS.items():
        if table not in tables:
            continue
        db.execute_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        db.execute_sql(
            f"CREATE TRIGGER {name} {when} ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
        )
