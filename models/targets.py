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
from urllib.parse import quote, unquote, urlsplit, urlunsplit

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


def display_target(target: str | Path, *, short: bool = False) -> str:
    """How a ledger is named to the user: ``user@host/db`` (with ``:port`` when not the
    default) for PostgreSQL, never the password; the path of a file (only its name
    when `short`, for a window title)."""
    if not is_postgres_url(target):
        return Path(target).name if short else str(target)
    parts = urlsplit(str(target))
    try:
        port = parts.port
    except ValueError:  # a malformed port: show none rather than fail while reporting
        port = None
    host = parts.hostname or "localhost"
    if port and port != 5432:
        host = f"{host}:{port}"
    user = f"{unquote(parts.username)}@" if parts.username else ""
    return scrub(f"{user}{host}/{unquote(parts.path.lstrip('/'))}")


def password_of(target: str) -> str | None:
    """The password written in a PostgreSQL URL, if any."""
    if not is_postgres_url(target):
        return None
    password = urlsplit(target).password
    return unquote(password) if password else None


def without_password(target: str) -> str:
    """The same target with any password taken out of the URL (what settings keep)."""
    if not is_postgres_url(target):
        return target
    parts = urlsplit(target)
    if parts.password is None:
        return target
    netloc = parts.netloc.rsplit("@", 1)[1]
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    return urlunsplit(parts._replace(netloc=netloc))


def with_password(target: str, password: str) -> str:
    """A PostgreSQL URL with `password` put in (replacing any there was)."""
    parts = urlsplit(without_password(target))
    user, _, hostport = parts.netloc.rpartition("@")
    netloc = f"{user}:{quote(password, safe='')}@{hostport}"
    return urlunsplit(parts._replace(netloc=netloc))


def remember_secret(target: str) -> None:
    """Note the password of a URL being opened, so `scrub` hides it anywhere."""
    password = password_of(target)
    if password is None or len(password) < _MIN_SECRET:
        return
    username = unquote(urlsplit(target).username or "")
    if password == username:
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
