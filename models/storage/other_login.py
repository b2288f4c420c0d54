"""A short second connection to the open PostgreSQL ledger as another login: the boss
approving at a clerk's keyboard (models/ledger/credit_stop.py) writes as themself, so
the database records the boss's session_user, and the boss group's grants apply.

The password is used to connect and nowhere else: it is never in a message, a log line
or an exception's text (errors are replaced, not chained).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg2
import psycopg2.extensions

from models.storage import pg_failures
from models.storage.current_ledger import current_target
from models.storage.targets import parse_postgres_url

# A wrong or missing password, an unknown name (the server says the same) or a login
# that may not sign in: one refusal.
_REFUSED = (pg_failures.PASSWORD, "no_password", pg_failures.LOGIN_DISABLED)


class LoginRefused(Exception):
    """The server refused the name and password (or the name is not a login)."""


class Unreachable(Exception):
    """The server could not be reached; `reason` is safe to show."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@contextmanager
def connected_as(name: str, password: str) -> Iterator[psycopg2.extensions.connection]:
    """A connection to the open ledger's server and database as login `name`, in one
    transaction: committed when the block ends, rolled back if it raises; then closed.
    `LoginRefused` for a wrong name or password, `Unreachable` otherwise."""
    address = parse_postgres_url(current_target())
    options = dict(address.options)
    options.setdefault("connect_timeout", str(pg_failures.DEFAULT_CONNECT_TIMEOUT))
    try:
        conn = psycopg2.connect(
            dbname=address.dbname,
            user=name,
            password=password,
            host=address.host,
            port=address.port,
            **options,
        )
    except psycopg2.OperationalError as err:
        text = str(err)
        # The server's refusals in its own words, English or Chinese (pg_failures).
        if pg_failures.said(text) in _REFUSED:
            raise LoginRefused() from None
        # libpq's own words name the host and the reason, never the password.
        raise Unreachable(text.replace(password, "***").strip()) from None
    try:
        with conn:  # commits on success, rolls back on an exception
            yield conn
    finally:
        conn.close()
