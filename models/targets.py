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
from urllib.parse import quote, unquote

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


def parse_postgres_url(url: str) -> PostgresAddress:
    """Split a PostgreSQL URL. The user part ends at the last ``@``, so a password with
    an unescaped ``/``, ``?``, ``#`` or ``:`` still stays a password (`urllib` would
    read part of it as the port or the database name, and show it in an error)."""
    scheme, _, rest = url.partition("://")
    userinfo, at, hostpart = rest.rpartition("@")
    if not at:
        userinfo, hostpart = "", rest
    user, colon, password = userinfo.partition(":")
    hostport, _, path = hostpart.partition("/")
    hostport = hostport.split("?", 1)[0]
    if hostport.startswith("["):  # [IPv6]:port
        host, _, port_text = hostport[1:].partition("]")
        port_text = port_text.lstrip(":")
    else:
        host, _, port_text = hostport.partition(":")
    return PostgresAddress(
        scheme=scheme,
        userinfo=userinfo,
        hostpart=hostpart,
        user=unquote(user) if user else None,
        password=unquote(password) if colon else None,
        host=unquote(host) or None,
        port=int(port_text) if port_text.isascii() and port_text.isdigit() else None,
        dbname=unquote(path.split("?", 1)[0]),
    )


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
    return (
        f"{address.scheme}://{user}@{address.hostpart}"
        if user
        else (f"{address.scheme}://{address.hostpart}")
    )


def with_password(target: str, password: str) -> str:
    """A PostgreSQL URL with `password` put in (replacing any there was)."""
    address = parse_postgres_url(target)
    user = address.userinfo.partition(":")[0]
    return f"{address.scheme}://{user}:{quote(password, safe='')}@{address.hostpart}"


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
