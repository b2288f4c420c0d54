"""Connecting to a shared ledger on an office server: the address made from what the
user typed (host, port, database, user, whether to insist on encryption), and the check
behind "Test connection", which says in plain words whether that ledger can be used.

The check runs on a connection of its own: the ledger open in the window stays open
and untouched. It reads, never writes: an empty database is not set up here (that is
``setup-server``), an older ledger is not upgraded (opening it does that).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import peewee as pw

from models.storage import pg_failures, schema
from models.storage.connections import connect_postgres
from models.storage.current_ledger import APP_ID, no_permission_to_open
from models.storage.tables import ALL_TABLES
from models.storage.targets import display_target, parse_postgres_url
from models.storage.version_check import newer_version
from models.vocabulary.errors import CannotConnect, InputError
from models.vocabulary.i18n import _

DEFAULT_PORT = pg_failures.DEFAULT_PORT
SCHEMA = "public"  # where a shared ledger's tables are (peewee's default)


def shared_ledger_url(host: str, port: int, dbname: str, user: str, *, encrypted: bool) -> str:
    """The ``postgresql://user@host:port/dbname`` address (no password: it is given
    apart, and never kept in an address). `encrypted` insists on TLS (sslmode=require);
    otherwise libpq uses it when the server offers it."""
    host, dbname, user = host.strip(), dbname.strip(), user.strip()
    if not host:
        raise InputError(_("Type the server's name or address, such as 192.168.1.10."))
    if not dbname:
        raise InputError(_("Type the name of the database on the server, such as qingkuan."))
    if not user:
        raise InputError(_("Type your user name on the server."))
    if not 1 <= port <= 65535:
        raise InputError(_("The port is a number from 1 to 65535 (PostgreSQL's is 5432)."))
    shown_host = f"[{host}]" if ":" in host else quote(host, safe=".-_")
    where = shown_host if port == DEFAULT_PORT else f"{shown_host}:{port}"
    query = "?sslmode=require" if encrypted else ""
    return f"postgresql://{quote(user, safe='')}@{where}/{quote(dbname, safe='')}{query}"


@dataclass(frozen=True)
class SharedLedgerCheck:
    """What "Test connection" found: a Qingkuan ledger that can be opened."""

    target: str  # user@host/db, never the password
    signed_in_as: str
    server_version: str  # "15.18"
    schema_version: int
    read_only: bool  # the account may read but not change it

    def sentence(self) -> str:
        """The result in one or two sentences for the user."""
        said = [
            _(
                "Connected to {target} as ‘{user}’: a Qingkuan ledger, on PostgreSQL {version}."
            ).format(target=self.target, user=self.signed_in_as, version=self.server_version)
        ]
        if self.read_only:
            said.append(_("Your account may only read it (view, print, export), not change it."))
        if self.schema_version < schema.SCHEMA_VERSION:
            said.append(
                _(
                    "It was made by an older Qingkuan and is upgraded when you connect "
                    "(back it up first)."
                )
            )
        return " ".join(said)


def check_shared_ledger(url: str) -> SharedLedgerCheck:
    """Connect to `url` on a connection of its own and check that it is a Qingkuan
    ledger this program can open and this account may read; raises `CannotConnect`
    (its `kind` one of models/storage/pg_failures.py's) saying why not and what to do."""
    db = connect_postgres(url)
    try:
        return _check(db, url)
    finally:
        db.close()


def _check(db: pw.PostgresqlDatabase, url: str) -> SharedLedgerCheck:
    tables = set(db.get_tables(schema=SCHEMA))  # named: a role without USAGE has no
    # current_schema(), and would find an "empty" database
    if not tables:
        raise pg_failures.not_qingkuan(url, empty=True)
    if "meta" not in tables:
        raise pg_failures.not_qingkuan(url, empty=False)
    user, may_read, may_write = _rights(db)
    if not may_read:
        refusal = no_permission_to_open(url, user)
        raise CannotConnect(str(refusal), pg_failures.NO_PERMISSION)
    meta = dict(
        db.execute_sql(
            f"SELECT key, value FROM {SCHEMA}.meta WHERE key IN ('app', 'schema_version')"
        ).fetchall()
    )
    version = meta.get("schema_version") or ""
    if meta.get("app") != APP_ID or not version.isdigit():
        raise pg_failures.not_qingkuan(url, empty=False)
    if int(version) > schema.SCHEMA_VERSION:
        raise newer_version(int(version))
    server = db.server_version
    return SharedLedgerCheck(
        target=display_target(url),
        signed_in_as=user,
        server_version=f"{server // 10000}.{server % 10000}",
        schema_version=int(version),
        read_only=not may_write,
    )


def _rights(db: pw.PostgresqlDatabase) -> tuple[str, bool, bool]:
    """The signed-in user, and whether it may read every table of the ledger and write
    them (as models/storage/db.py decides when it opens one)."""
    names = [model._meta.table_name for model in ALL_TABLES]
    row = db.execute_sql(
        "SELECT current_user, has_schema_privilege(%s, 'USAGE'),"
        " coalesce(bool_and(has_table_privilege(c.oid, 'SELECT')), false),"
        " coalesce(bool_and(has_table_privilege(c.oid, 'INSERT')), false)"
        " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = %s AND c.relname = ANY(%s)",
        (SCHEMA, SCHEMA, names),
    ).fetchone()
    return str(row[0]), bool(row[1] and row[2]), bool(row[1] and row[3])


def address_parts(url: str) -> tuple[str, int, str, str, bool]:
    """(host, port, database, user, encrypted) of a shared ledger's address, to fill
    the connect dialog with the one used last."""
    address = parse_postgres_url(url)
    encrypted = dict(address.options).get("sslmode") in ("require", "verify-ca", "verify-full")
    return (
        address.host or "",
        address.port or DEFAULT_PORT,
        address.dbname,
        address.user or "",
        encrypted,
    )
