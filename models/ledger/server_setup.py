"""Setting up a shared ledger on a PostgreSQL server for an office (``setup-server``).

The administrator (a login that may create roles and owns the database) runs it once
on an empty database: it makes the ledger, this ledger's group roles, what each may
touch, the functions through which the boss adds people later, and the first boss's
login. On a database that is already a Qingkuan ledger it is safe to run again: it
upgrades the ledger if needed and re-applies the rights (a boss login that exists is
left as it is). A database holding another program's tables is refused, unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import peewee as pw

from models.ledger import users
from models.storage import db, pg_people
from models.storage.connections import connect_postgres
from models.storage.current_ledger import APP_ID
from models.storage.tables import database
from models.storage.targets import display_target
from models.vocabulary.errors import InputError, LedgerError, LedgerFileError
from models.vocabulary.i18n import _
from models.vocabulary.people_records import Role


@dataclass(frozen=True)
class SetupDone:
    """What `setup_server` did: whether the ledger was made now (else it was there),
    and whether the boss's login was added now (else it was there)."""

    ledger_made: bool
    boss_added: bool


def setup_server(url: str, boss: str, password: Callable[[], str]) -> SetupDone:
    """Set up (or re-apply the rights of) the shared ledger at `url` with `boss` as its
    first boss; `password` is asked only when the boss's login must be made."""
    if not db.is_postgres_url(url):
        raise InputError(
            _("setup-server sets up a shared ledger: give --db a postgresql:// address.")
        )
    users.check_name(boss)
    made = _check_database(url)
    db.open_ledger(url, create=True, upgrade=True)
    try:
        return SetupDone(made, _roles_and_boss(url, boss, password))
    finally:
        db.close_ledger()


def _check_database(url: str) -> bool:
    """True when the database is empty; refuses one holding another program's tables
    and an administrator that may not create roles, before anything is written."""
    raw = connect_postgres(url)
    try:
        tables = raw.get_tables()
        if tables and not _is_ledger(raw, tables):
            shown = ", ".join(sorted(tables)[:5]) + (" …" if len(tables) > 5 else "")
            raise LedgerFileError(
                _(
                    "The database {target} is not empty and is not a Qingkuan ledger (it "
                    "holds {tables}): setup-server needs an empty database (or a Qingkuan "
                    "ledger, to apply its rights again). Nothing was changed. Create a new "
                    "database for the ledger and run it there."
                ).format(target=display_target(url), tables=shown)
            )
        if not pg_people.may_create_roles(raw):
            raise LedgerFileError(_not_admin(url))
        return not tables
    finally:
        raw.close()


def _is_ledger(raw: pw.Database, tables: list[str]) -> bool:
    if "meta" not in tables:
        return False
    try:
        row = raw.execute_sql("SELECT value FROM meta WHERE key = 'app'").fetchone()
    except pw.DatabaseError:
        return False
    return row is not None and row[0] == APP_ID


def _not_admin(url: str) -> str:
    return _(
        "The login of {target} may not create roles: run setup-server as the server's "
        "administrator (a login with CREATEROLE that owns the database, such as "
        "‘postgres’). Nothing was changed."
    ).format(target=display_target(url))


def _roles_and_boss(url: str, boss: str, password: Callable[[], str]) -> bool:
    conn = database.obj
    if not conn.execute_sql("SELECT qk_is_admin()").fetchone()[0]:
        raise LedgerFileError(
            _(
                "The login of {target} does not own the database: run setup-server as the "
                "database's owner. Nothing was changed."
            ).format(target=display_target(url))
        )
    with db.transaction():
        pg_people.make_groups(conn)
        pg_people.grant(conn)
    known = {p.name: p for p in pg_people.people(conn)}
    if boss in known:
        if known[boss].role is not Role.BOSS:
            raise LedgerError(
                _(
                    "‘{name}’ is a person of this ledger already, as {role}: give them the "
                    "boss role with ‘users role {name} boss’."
                ).format(name=boss, role=users.role_label(known[boss].role))
            )
        return False
    secret = users.check_password(password())
    with db.transaction():
        pg_people.add(conn, boss, Role.BOSS, secret)
    return True
