"""Who is at the keyboard: stamped on every entry, promise, visit, call and printed
statement as `entered_by`, and the role that says what they may do.

On a shared (PostgreSQL) ledger it is the login the connection signed in as (the
database's ``session_user``: the database refuses any other name in `entered_by`); on a
ledger file with sign-in turned on, the person who signed in; otherwise the computer's
login name (or the name `set_user` gave), with every right as before.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from models.vocabulary.people_records import Role

_user: str | None = None


@dataclass(frozen=True)
class SignedIn:
    """The person the open ledger knows: their exact name and role (None: a login
    that belongs to none of the ledger's roles, or nobody signed in yet on a ledger
    file that asks for sign-in)."""

    name: str
    role: Role | None


_signed_in: SignedIn | None = None


def current_user() -> str:
    """The name written as `entered_by`."""
    if _signed_in is not None and _signed_in.name:
        return _signed_in.name
    if _user:
        return _user
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name on some service accounts
        return ""


def set_user(name: str) -> None:
    global _user
    _user = name.strip() or None


def signed_in() -> SignedIn | None:
    """Who the open ledger signed in, or None when it does not ask (every right)."""
    return _signed_in


def set_signed_in(person: SignedIn | None) -> None:
    """Set when a ledger opens (PostgreSQL), when a person signs in (a ledger file),
    cleared when the ledger closes."""
    global _signed_in
    _signed_in = person
