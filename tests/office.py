"""A shared ledger set up for an office, for the people-and-roles tests: this run's
PostgreSQL database set up by `setup-server` (run as the test role, which owns the
database and may create roles), with a boss, a clerk and a viewer, each a login of
their own. Login names carry a random suffix (roles are the whole server's, and other
runs use it too); every login and this ledger's group roles are dropped afterwards.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg2
import pytest

from models.ledger import server_setup, users
from models.storage import db
from models.vocabulary import clock
from tests.conftest import close_test_ledger, postgres_or_skip


def person_url(admin_url: str, name: str, password: str) -> str:
    parts = urlsplit(admin_url)
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit(parts._replace(netloc=f"{quote(name)}:{quote(password)}@{host}"))


@dataclass
class Office:
    """The admin's URL and, per role, the login name, password and URL of one person."""

    admin: str
    names: dict[str, str] = field(default_factory=dict)
    passwords: dict[str, str] = field(default_factory=dict)
    made: list[str] = field(default_factory=list)

    def url(self, role: str) -> str:
        return person_url(self.admin, self.names[role], self.passwords[role])

    def open_as(self, role: str) -> None:
        """Open the ledger signed in as the person of `role` ('admin': the test role)."""
        close_test_ledger()
        db.open_ledger(self.admin if role == "admin" else self.url(role), create=False)

    def add(self, role: str, prefix: str = "") -> tuple[str, str]:
        """Add another person (as the boss, through the model) and remember to drop it."""
        name = f"{prefix or role}_{secrets.token_hex(4)}"
        password = f"Pw-{secrets.token_hex(10)}"
        self.made.append(name)
        users.add_person(name, role, password)
        return name, password

    def raw(self, role: str) -> psycopg2.extensions.connection:
        """A psycopg2 connection as that person, outside Qingkuan."""
        conn = psycopg2.connect(self.url(role), connect_timeout=5)
        return conn


def sql_today(url: str) -> dt.date:
    """The server's today (the 7-day rule counts to it)."""
    conn = psycopg2.connect(url, connect_timeout=5)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT current_date")
            return cur.fetchone()[0]
    finally:
        conn.close()


def drop_people(admin_url: str, logins: list[str]) -> None:
    """Drop the logins and this database's group roles (after its schema is gone, so no
    object still names them)."""
    conn = psycopg2.connect(admin_url, connect_timeout=5)
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT 'qk' || oid::text || '_', current_database() FROM pg_database "
                "WHERE datname = current_database()"
            )
            start, name = cur.fetchone()
            cur.execute("DROP SCHEMA IF EXISTS public CASCADE")
            cur.execute("CREATE SCHEMA public")
            groups = [start + r for r in ("boss", "clerk", "viewer")]
            for role in [*logins, *groups]:
                with contextlib.suppress(psycopg2.Error):
                    cur.execute(f'REVOKE ALL ON DATABASE "{name}" FROM "{role}"')
                with contextlib.suppress(psycopg2.Error):
                    cur.execute(f'DROP ROLE IF EXISTS "{role}"')
    finally:
        conn.close()


@pytest.fixture(name="office")
def office_fixture() -> Iterator[Office]:
    """The run's database set up for an office (boss, clerk, viewer), open as the admin;
    the clock pinned to the server's today at noon."""
    admin = postgres_or_skip()
    clock.pin(dt.datetime.combine(sql_today(admin), dt.time(12, 0)))
    found = Office(admin)
    boss = f"boss_{secrets.token_hex(4)}"
    found.names["boss"], found.passwords["boss"] = boss, f"Pw-{secrets.token_hex(10)}"
    found.made.append(boss)
    try:
        server_setup.setup_server(admin, boss, lambda: found.passwords["boss"])
        db.open_ledger(admin, create=False)
        for role in ("clerk", "viewer"):
            found.names[role], found.passwords[role] = found.add(role)
        yield found
    finally:
        close_test_ledger()
        drop_people(admin, found.made)
