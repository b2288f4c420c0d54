"""Ledger targets (a file path or a ``postgresql://`` URL) as the user may see them.

A PostgreSQL URL can carry a password. It must never reach the screen, a message, a log
or a settings file, so everything that shows or remembers a target goes through this
module: `display_target` for showing (``user@host/db``), `without_password` for
remembering, and `scrub` for text we did not write ourselves (a driver's error, a
traceback), which may quote a URL or a connection string.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qsl, quote, unquote

POSTGRES_SCHEMES = ("postgresql://", "postgres://")

# `user:secret@` in any URL, and `password=secret` (libpq's key=value form, quoted or not).
_URL_SECRET = re.compile(r"(?P<head>[a-z][a-z0-9+.-]*://[^\s/:@]*):[^\s@/]*@", re.IGNORECASE)
_DSN_SECRET = re.compile(r"(?P<head>\bpassword\s*=\s*)(?:'(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)
# Passwords seen in this run, scrubbed wherever they appear (a malformed URL can put a
# password where no pattern expects it). Shorter ones would blank out ordinary words.
_secrets: set[str] = set()
_MIN_SECRET = 4
HIDDEN = "***"


def is_postgres_url(target: str | Path) -> bool:
    return str(target).startswith(POSTGRES_SCHEMES)


class PostgresAddress(NamedTuple):
    """The parts of a ``postgresql://user:password@host:port/dbname?options`` URL."""

    scheme: str
    userinfo: str  # as written: "user" or "user:password", still %-quoted
    hostpart: str  # as written: "host:port/dbname?options"
    user: str | None
    password: str | None
    host: str | None
    port: int | None
    dbname: str
    # libpq's other options from the query string (sslmode, connect_timeout,
    # application_name, sslrootcert, options, ...), decoded, in the order written;
    # a ``password`` there is `password`, never one of these.
    options: tuple[tuple[str, str], ...] = ()


def parse_postgres_url(url: str) -> PostgresAddress:
    """Split a PostgreSQL URL. The user part ends at the last ``@``, so a password with
    an unescaped ``/``, ``?``, ``#`` or ``:`` still stays a password (`urllib` would
    read part of it as the port or the database name, and show it in an error).

    The query string's libpq options are kept in `options`: dropping them connected
    ``?sslmode=require`` in plain text. ``user``, ``password``, ``host``, ``port`` and
    ``dbname`` written there override the URL's own, as libpq has it."""
    scheme, _, rest = url.partition("://")
    userinfo, at, hostpart = rest.rpartition("@")
    if not at:
        userinfo, hostpart = "", rest
    user, colon, password = userinfo.partition(":")
    hostport, _, path = hostpart.partition("/")
    hostport, _, query = hostport.partition("?")
    path, _, path_query = path.partition("?")
    query = query or path_query
    if hostport.startswith("["):  # [IPv6]:port
        host, _, port_text = hostport[1:].partition("]")
        port_text = port_text.lstrip(":")
    else:
        host, _, port_text = hostport.partition(":")
    given = dict(parse_qsl(query, keep_blank_values=True))
    port_text = given.pop("port", port_text)
    return PostgresAddress(
        scheme=scheme,
        userinfo=userinfo,
        hostpart=hostpart,
        user=given.pop("user", None) or (unquote(user) if user else None),
        password=given.pop("password", None) or (unquote(password) if colon else None),
        host=given.pop("host", None) or unquote(host) or None,
        port=int(port_text) if port_text.isascii() and port_text.isdigit() else None,
        dbname=given.pop("dbname", None) or unquote(path),
        options=tuple(given.items()),
    )


def _query_without_password(hostpart: str) -> str:
    """`hostpart` (``host:port/dbname?options``) with any ``password=`` option taken out."""
    head, mark, query = hostpart.partition("?")
    if not mark:
        return hostpart
    kept = [part for part in query.split("&") if unquote(part.partition("=")[0]) != "password"]
    return f"{head}?{'&'.join(kept)}" if kept else head


def display_target(target: str | Path, *, short: bool = False) -> str:
    """How a ledger is named to the user: ``user@host/db`` (with ``:port`` when not the
    default) for PostgreSQL, never the password; the path of a file (only its name
    when `short`, for a window title)."""
    if not is_postgres_url(target):
        return Path(target).name if short else str(target)
    address = parse_postgres_url(str(target))
    host = address.host or "localhost"
    if address.port and address.port != 5432:
        host = f"{host}:{address.port}"
    user = f"{address.user}@" if address.user else ""
    return scrub(f"{user}{host}/{address.dbname}")


def password_of(target: str) -> str | None:
    """The password written in a PostgreSQL URL, if any."""
    return parse_postgres_url(target).password if is_postgres_url(target) else None


def without_password(target: str) -> str:
    """The same target with any password taken out of the URL (what settings keep)."""
    if not is_postgres_url(target):
        return target
    address = parse_postgres_url(target)
    user = address.userinfo.partition(":")[0]
    hostpart = _query_without_password(address.hostpart)
    return f"{address.scheme}://{user}@{hostpart}" if user else f"{address.scheme}://{hostpart}"


def with_password(target: str, password: str) -> str:
    """A PostgreSQL URL with `password` put in (replacing any there was)."""
    address = parse_postgres_url(target)
    user = address.userinfo.partition(":")[0]
    hostpart = _query_without_password(address.hostpart)
    return f"{address.scheme}://{user}:{quote(password, safe='')}@{hostpart}"


def remember_secret(target: str) -> None:
    """Note the password of a URL being opened, so `scrub` hides it anywhere."""
    password = password_of(target)
    if password is None or len(password) < _MIN_SECRET:
        return
    if password == parse_postgres_url(target).user:
        return  # shown on purpose as the user name in user@host/db; hiding it hides nothing
    _secrets.update({password, quote(password, safe=""), quote(password)})


def scrub(text: str) -> str:
    """`text` with every password taken out: URLs, key=value strings, known secrets."""
    text = _URL_SECRET.sub(r"\g<head>@", text)
    text = _DSN_SECRET.sub(rf"\g<head>{HIDDEN}", text)
    for secret in sorted(_secrets, key=len, reverse=True):
        text = text.replace(secret, HIDDEN)
    return text


class ScrubbingFormatter(logging.Formatter):
    """A log formatter whose output (message and traceback alike) holds no password."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))
