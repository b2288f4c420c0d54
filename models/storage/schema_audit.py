"""A ledger's schema against the app's own definition: what is foreign, what is missing.

A ledger file received from elsewhere can carry triggers of its own: SQLite runs them on
every write, whoever writes (one changed a customer's phone and credit limit on every
payment). Connections run with ``PRAGMA trusted_schema = OFF`` (no unsafe function in a
trigger or view), and the schema is compared with the app's own definition:

- foreign: a table, column, index, trigger or view Qingkuan does not make, or an index
  of Qingkuan's name with another definition. Refused (restore; open for writing) until
  removed with the user's consent (`remove_foreign`).
- missing: damage. A missing index or guard is put back on opening; a missing table or
  column cannot be, and the ledger is refused.
- altered: a trigger of Qingkuan's name with another body (models/storage/guards.py puts it back
  on opening; restore refuses it).

The definition is read from a new ledger made in memory by the app's own create path
(`models.storage.schema.create_schema_objects`), never from a hand-kept list, so it cannot drift.
Tables are compared by name and columns, indexes and triggers by normalised SQL.

PostgreSQL (a server the office administers): `check` reports triggers on the app's
tables that Qingkuan did not make, and missing tables; guards.py reports missing and
altered guards. Nothing there is refused on opening.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import peewee as pw

from models.vocabulary.errors import LedgerFileError
from models.vocabulary.i18n import _
from models.vocabulary.program import program_name

FOREIGN, MISSING, ALTERED, UNUPGRADABLE = "foreign", "missing", "altered", "unupgradable"


@dataclass(frozen=True)
class Schema:
    """What a SQLite ledger's schema holds (objects SQLite makes itself left out)."""

    tables: dict[str, frozenset[str]]  # table -> its column names
    indexes: dict[str, str]  # name -> SQL as stored
    triggers: dict[str, str]
    views: dict[str, str]


@dataclass(frozen=True)
class Problem:
    """One object that differs from the app's definition. `what` is table, column, index,
    trigger or view; a column's `name` is ``table.column``."""

    kind: str  # FOREIGN, MISSING, ALTERED or UNUPGRADABLE (then `name` is the reason)
    what: str
    name: str

    @property
    def must_be_removed(self) -> bool:
        """Refused until removed: foreign objects, and indexes of Qingkuan's name that
        are defined otherwise (an altered trigger is put back by the guards)."""
        return self.kind == FOREIGN or (self.kind == ALTERED and self.what == "index")

    @property
    def thing(self) -> str:
        """The object as a user reads it, e.g. "trigger ‘x’"."""
        template = {
            "table": _("table ‘{name}’"),
            "column": _("column ‘{name}’"),
            "index": _("index ‘{name}’"),
            "trigger": _("trigger ‘{name}’"),
            "view": _("view ‘{name}’"),
        }.get(self.what, "{name}")
        return template.format(name=self.name)

    def phrase(self) -> str:
        """A short phrase for a list ("trigger ‘x’, not made by Qingkuan")."""
        if self.kind == UNUPGRADABLE:
            return _("it cannot be upgraded to this version ({reason})").format(reason=self.name)
        template = {
            FOREIGN: _("{thing}, not made by Qingkuan"),
            MISSING: _("{thing} is missing"),
            ALTERED: _("{thing} was altered"),
        }[self.kind]
        return template.format(thing=self.thing)

    def sentence(self) -> str:
        """The sentence `check` prints."""
        if self.must_be_removed:
            return _(
                "The ledger holds {thing}, which Qingkuan did not make: it could change "
                "figures behind your back. Remove it with ‘{program} check --remove-foreign’ "
                "if you did not add it yourself."
            ).format(thing=self.thing, program=program_name())
        if self.kind == MISSING:
            return _(
                "The ledger's {thing} is missing: the file is damaged. Restore your latest backup."
            ).format(thing=self.thing)
        return _("The ledger's {thing} was altered outside Qingkuan.").format(thing=self.thing)


def read_schema(conn: sqlite3.Connection) -> Schema:
    """The schema of the database on `conn` (a raw connection: no ledger need be open)."""
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    ).fetchall()
    by_type: dict[str, dict[str, str]] = {"table": {}, "index": {}, "trigger": {}, "view": {}}
    for kind, name, sql in rows:
        by_type.setdefault(kind, {})[name] = sql or ""
    tables = {
        name: frozenset(
            c for (c,) in conn.execute("SELECT name FROM pragma_table_info(?)", (name,))
        )
        for name in by_type["table"]
    }
    return Schema(tables, by_type["index"], by_type["trigger"], by_type["view"])


@functools.cache
def definition() -> Schema:
    """The app's own schema: a new ledger made in memory by the app's create path."""
    from models.storage.schema import create_schema_objects

    mem = pw.SqliteDatabase(":memory:")
    try:
        create_schema_objects(mem)
        return read_schema(mem.connection())
    finally:
        mem.close()


def _normal_index(sql: str) -> str:
    """Index SQL with quoting, spacing, case and IF NOT EXISTS taken out (peewee quotes
    names, a migration's hand-written SQL does not)."""
    text = " ".join(sql.replace('"', "").casefold().replace("if not exists ", "").split())
    return re.sub(r"\s*([(),])\s*", r"\1", text)


def _normal_trigger(sql: str) -> str:
    from models.storage.guards import _normal

    return _normal(sql)


def schema_problems(conn: sqlite3.Connection, *, older: bool = False) -> list[Problem]:
    """Every way the schema on `conn` differs from the app's definition. With `older`
    (a ledger of an older version, before its upgrade) only what is foreign: missing
    and altered objects are the upgrade's to add, and indexes older versions made and
    the upgrade drops are not foreign."""
    from models.storage.schema import RETIRED_INDEXES

    want, have = definition(), read_schema(conn)
    found = [Problem(FOREIGN, "view", name) for name in sorted(have.views)]
    for table in sorted(set(have.tables) - set(want.tables)):
        found.append(Problem(FOREIGN, "table", table))
    for table in sorted(set(have.tables) & set(want.tables)):
        found += [
            Problem(FOREIGN, "column", f"{table}.{c}")
            for c in sorted(have.tables[table] - want.tables[table])
        ]
    allowed = set(RETIRED_INDEXES) if older else set()
    for what, wanted, present, normal in (
        ("index", want.indexes, have.indexes, _normal_index),
        ("trigger", want.triggers, have.triggers, _normal_trigger),
    ):
        found += [
            Problem(FOREIGN, what, name) for name in sorted(set(present) - set(wanted) - allowed)
        ]
        if older:
            continue
        found += [Problem(MISSING, what, name) for name in sorted(set(wanted) - set(present))]
        found += [
            Problem(ALTERED, what, name)
            for name in sorted(set(wanted) & set(present))
            if normal(wanted[name]) != normal(present[name])
        ]
    if not older:
        found += [Problem(MISSING, "table", t) for t in sorted(set(want.tables) - set(have.tables))]
        for table in sorted(set(have.tables) & set(want.tables)):
            found += [
                Problem(MISSING, "column", f"{table}.{c}")
                for c in sorted(want.tables[table] - have.tables[table])
            ]
    return found


def is_damage(problem: Problem) -> bool:
    """A missing table or column: the ledger cannot be used (nothing can put it back)."""
    return problem.kind in (MISSING, UNUPGRADABLE) and problem.what in ("table", "column")


def missing_index_sql(conn: sqlite3.Connection) -> dict[str, str]:
    """The app's SQL of each index the ledger on `conn` lacks (to put it back)."""
    present = read_schema(conn).indexes
    return {name: sql for name, sql in definition().indexes.items() if name not in present}


def drop_altered_triggers(conn: sqlite3.Connection) -> None:
    """Before an older ledger is upgraded: triggers of Qingkuan's names whose SQL is not
    this version's go, so none of them fires while the upgrade writes (the upgrade and
    the guards put this version's back)."""
    want, have = definition().triggers, read_schema(conn).triggers
    for name in sorted(set(want) & set(have)):
        if _normal_trigger(want[name]) != _normal_trigger(have[name]):
            conn.execute(f'DROP TRIGGER "{name}"')


def file_problems(conn: sqlite3.Connection, version: int) -> list[Problem]:
    """What stops the ledger file on `conn` (schema `version`) from being restored: the
    foreign objects, and for the current version anything missing or altered. An older
    version is upgraded in memory (its schema only, no data) and the result compared, so
    it must hold what this version needs after its upgrade."""
    from models.storage.schema import SCHEMA_VERSION

    if version >= SCHEMA_VERSION:
        return schema_problems(conn)
    foreign = schema_problems(conn, older=True)
    return foreign or _upgraded_problems(conn, version)


def _upgraded_problems(conn: sqlite3.Connection, version: int) -> list[Problem]:
    """Upgrade a copy of the schema (and the meta rows) in memory, then compare. Needs
    the models' database free: with a ledger open in this process it returns [] (the
    restore checks again once the ledger is closed; opening also checks)."""
    from models.storage import schema
    from models.storage.tables import database

    if database.obj is not None:
        return []
    mem = pw.SqliteDatabase(":memory:")
    copy = mem.connection()
    order = {"table": 0, "index": 1, "trigger": 2}
    rows = conn.execute(
        "SELECT type, sql FROM sqlite_master WHERE sql IS NOT NULL AND type <> 'view' "
        "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    ).fetchall()
    database.initialize(mem)
    try:
        for _kind, sql in sorted(rows, key=lambda r: order.get(r[0], 3)):
            copy.execute(sql)
        if "meta" in read_schema(copy).tables:
            copy.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                conn.execute("SELECT key, value FROM meta").fetchall(),
            )
        with mem.atomic():
            drop_altered_triggers(copy)
            schema.run_migrations(mem, version)
        return schema_problems(copy)
    except (pw.DatabaseError, sqlite3.Error, KeyError, ValueError) as err:
        return [Problem(UNUPGRADABLE, "", str(err))]
    finally:
        database.initialize(None)
        mem.close()


def refusal_text(problems: list[Problem]) -> str:
    """The problems as one list for a message: "trigger ‘x’, not made by Qingkuan; …"."""
    return "; ".join(p.phrase() for p in problems)


def remove_foreign(path: str | Path) -> list[Problem]:
    """Remove what Qingkuan did not make from the ledger file at `path` (the user agreed):
    foreign triggers, views, indexes, columns and tables (with their rows), and indexes
    of Qingkuan's names defined otherwise (put back as Qingkuan makes them). One
    transaction: all or nothing. The ledger must not be open in this process. Returns
    what was removed. Raises `LedgerFileError` (nothing removed) when it cannot."""
    try:
        return _remove_all(Path(path))
    except sqlite3.Error as err:
        raise LedgerFileError(
            _("Nothing was removed from ‘{path}’: {reason}").format(path=path, reason=err)
        ) from err


def _remove_all(path: Path) -> list[Problem]:
    from models.storage.schema import SCHEMA_VERSION

    conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("BEGIN IMMEDIATE")
        version = _version(conn)
        found = [
            p for p in schema_problems(conn, older=version < SCHEMA_VERSION) if p.must_be_removed
        ]
        for problem in _removal_order(found):
            _remove(conn, problem)
        conn.execute("COMMIT")
        return found
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()


def _version(conn: sqlite3.Connection) -> int:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.Error:
        return 0
    value = str(row[0]).strip() if row else ""
    return int(value) if value.isdigit() else 0


def _removal_order(found: list[Problem]) -> list[Problem]:
    """Triggers and views first (they may name the rest), then indexes, columns, tables."""
    rank = {"trigger": 0, "view": 1, "index": 2, "column": 3, "table": 4}
    return sorted(found, key=lambda p: rank.get(p.what, 5))


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _remove(conn: sqlite3.Connection, problem: Problem) -> None:
    if problem.what == "column":
        table, _dot, column = problem.name.partition(".")
        conn.execute(f"ALTER TABLE {_quoted(table)} DROP COLUMN {_quoted(column)}")
        return
    conn.execute(f"DROP {problem.what.upper()} {_quoted(problem.name)}")
    if problem.kind == ALTERED:  # an index of Qingkuan's name: put Qingkuan's back
        conn.execute(definition().indexes[problem.name])


def postgres_problems(db: pw.Database) -> list[Problem]:
    """PostgreSQL: tables of the app that are missing, and triggers on the app's tables
    that Qingkuan did not make (missing or altered guards: models/storage/guards.py)."""
    from models.storage import edit_versions, notify_triggers
    from models.storage.audit_guards import PG_TRIGGERS as AUDIT_TRIGGERS
    from models.storage.guards import PG_TRIGGERS, _pg_triggers
    from models.storage.pg_role_guards import SETUP_TRIGGERS, TRIGGERS
    from models.storage.tables import ALL_TABLES

    tables = set(db.get_tables())
    found = [
        Problem(MISSING, "table", model._meta.table_name)
        for model in ALL_TABLES
        if model._meta.table_name not in tables
    ]
    found += [
        Problem(FOREIGN, "trigger", name)
        for name, *_details in sorted(_pg_triggers(db))
        if name
        not in {
            **PG_TRIGGERS,
            **TRIGGERS,
            **SETUP_TRIGGERS,
            **edit_versions.PG_TRIGGERS,
            **notify_triggers.PG_TRIGGERS,
            **AUDIT_TRIGGERS,
        }
    ]
    return found
