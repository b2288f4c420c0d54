"""Who is at the keyboard: stamped on every entry as `entered_by`."""

from __future__ import annotations

import getpass

_user: str | None = None


def current_user() -> str:
    if _user:
        return _user
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name on some service accounts
        return ""


def set_user(name: str) -> None:
    global _user
    _user = name.strip() or None
