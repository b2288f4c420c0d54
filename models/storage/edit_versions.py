"""Edit versions: the database bumps a row's `version` on every change of a customer or
a setting, and stamps who and when, so that a save can be made "only if nobody else
saved since I read it" in one compare-and-set UPDATE (`save_if_unchanged`).

The bump is a trigger, not the app's UPDATE: a raw edit with a database tool bumps it
too, and so a window holding the older version is refused rather than overwriting it.
The app's saves stamp who and when (`stamp`); any other edit is stamped "now" and, on
PostgreSQL, the signed-in role (SQLite has none: '').
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import peewee as pw

from models.vocabulary import clock
from models.vocabulary.errors import ChangedMeanwhile
from models.vocabulary.i18n import _

VERSIONED = ("customer", "setting")
_KEYS = {"customer": "id", "setting": "key"}
_COLUMNS = (
    ("version", "INTEGER NOT NULL DEFAULT 1"),
    ("changed_by", "VARCHAR(60) NOT NULL DEFAULT ''"),
    ("changed_at", "TIMESTAMP"),
)

# The app's own saves set version to STAMPED with who and when; any other UPDATE (a
# database tool) is stamped by the trigger: now, and on PostgreSQL the signed-in role.
STAMPED = -1

# SQLite: recursive triggers are off (its default), so the trigger's own UPDATE does
# not fire it again.
SQLITE_TRIGGERS: dict[str, tuple[str, str]] = {
    f"{table}_bumps_version": (
        table,
        f"""CREATE TRIGGER IF NOT EXISTS {table}_bumps_version AFTER UPDATE ON {table}
        BEGIN
          UPDATE {table} SET version = OLD.version + 1,
            changed_by = CASE WHEN NEW.version = {STAMPED} THEN NEW.changed_by ELSE '' END,
            changed_at = CASE WHEN NEW.version = {STAMPED} THEN NEW.changed_at
                              ELSE strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime') END
          WHERE {_KEYS[table]} = NEW.{_KEYS[table]};
        END""",
    )
    for table in VERSIONED
}

PG_FUNCTIONS: dict[str, str] = {
    "qk_bump_version": """
       BEGIN
         IF NEW.version IS DISTINCT FROM -1 THEN
           NEW.changed_at := localtimestamp(0);
           NEW.changed_by := session_user;
         END IF;
         NEW.version := OLD.version + 1;
         RETURN NEW;
       END; """,
}
# name -> (table, when, function); FOR EACH ROW
PG_TRIGGERS: dict[str, tuple[str, str, str]] = {
    f"{table}_bumps_version": (table, "BEFORE UPDATE", "qk_bump_version") for table in VERSIONED
}


def add_columns(db: pw.Database) -> None:
    """The version, who and when columns, on ledgers made before them (a table the
    ledger lacks is left for the schema check to name as missing)."""
    tables = set(db.get_tables())
    for table in VERSIONED:
        if table not in tables:
            continue
        present = {c.name for c in db.get_columns(table)}
        for name, sql in _COLUMNS:
            if name not in present:
                db.execute_sql(f"ALTER TABLE {table} ADD COLUMN {name} {sql}")


def install(db: pw.Database) -> None:
    """(Re)create the triggers that bump versions (on the tables there are)."""
    tables = set(db.get_tables())
    if isinstance(db, pw.PostgresqlDatabase):
        for name, body in PG_FUNCTIONS.items():
            db.execute_sql(
                f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $${body}$$ "
                "LANGUAGE plpgsql"
            )
        for name, (table, when, function) in PG_TRIGGERS.items():
            if table not in tables:
                continue
            db.execute_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            db.execute_sql(
                f"CREATE TRIGGER {name} {when} ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {function}()"
            )
        return
    for _name, (table, sql) in SQLITE_TRIGGERS.items():
        if table in tables:
            db.execute_sql(sql)


def save_if_unchanged(
    db: pw.Database,
    table: str,
    key: Any,
    version: int,
    fields: dict[str, Any],
    by: str,
    what: str,
) -> None:
    """UPDATE the row `key` of `table` with `fields` only if its version is still
    `version`: one statement, so no other save can slip between a check and the write.
    Raises `ChangedMeanwhile` naming who saved it and when; the caller's transaction
    rolls back. `what` names the row for the message ("customer C0001")."""
    fields = {**fields, **stamp(by)}
    sets = ", ".join(f"{n} = {db.param}" for n in fields)
    sql = f"UPDATE {table} SET {sets} WHERE {_KEYS[table]} = {db.param} AND version = {db.param}"
    values = [*fields.values(), key, version]
    if db.execute_sql(sql, values).rowcount == 1:
        return
    raise changed_meanwhile(db, table, key, what)


def stamp(by: str) -> dict[str, Any]:
    """The columns an app's save sets besides its own: who, when, and the marker that
    tells the trigger they were set (it then bumps the version past the one read)."""
    # As text: the same on both databases (sqlite3's datetime adapter is deprecated).
    return {"version": STAMPED, "changed_by": by, "changed_at": clock.now().isoformat(sep=" ")}


def changed_meanwhile(db: pw.Database, table: str, key: Any, what: str) -> ChangedMeanwhile:
    """The refusal for a save made over someone else's: who saved `what`, and when."""
    row = db.execute_sql(
        f"SELECT changed_by, changed_at FROM {table} WHERE {_KEYS[table]} = {db.param}", (key,)
    ).fetchone()
    by, at = (row[0] or "", _as_datetime(row[1])) if row else ("", None)
    return ChangedMeanwhile(refusal_text(what, by, at), by, at)


def refusal_text(what: str, by: str, at: dt.datetime | None) -> str:
    """‘… changed by clerk2 at 14:05 — reload’ in the screen's language."""
    when = ""
    if at is not None:
        when = at.strftime("%H:%M") if at.date() == clock.today() else at.strftime("%Y-%m-%d %H:%M")
    if by and when:
        return _(
            "{what}: changed by {by} at {when} while you were editing — nothing was "
            "saved. Reload to see their change, then make yours again."
        ).format(what=what, by=by, when=when)
    return _(
        "{what}: changed by someone else while you were editing — nothing was saved. "
        "Reload to see their change, then make yours again."
    ).format(what=what)


def _as_datetime(value: object) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None


def current_version(db: pw.Database, table: str, key: Any) -> int:
    """The row's version now (0: no such row yet)."""
    row = db.execute_sql(
        f"SELECT version FROM {table} WHERE {_KEYS[table]} = {db.param}", (key,)
    ).fetchone()
    return int(row[0]) if row else 0
