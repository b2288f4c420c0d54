"""Errors the model raises. Every message is a translated sentence a user can act on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager


class LedgerError(Exception):
    """A rule was broken or input was bad; `str(err)` is the message to show."""


class InputError(LedgerError):
    """A value typed or imported is not acceptable; nothing was written."""


class NotFound(LedgerError):
    """A customer, entry, promise, rep or route that was asked for does not exist."""


class LedgerFileError(LedgerError):
    """The ledger cannot be opened: not a ledger, newer version, locked, damaged."""


class ForeignSchema(LedgerFileError):
    """The ledger holds triggers, views, tables … Qingkuan did not make; `names` lists
    them as a user reads them (the window asks whether to remove them)."""

    def __init__(self, message: str, names: list[str]) -> None:
        super().__init__(message)
        self.names = names


class CannotConnect(LedgerFileError):
    """A shared ledger could not be connected to or is not one to use; `kind` says why
    (one of models/storage/pg_failures.py's kinds), the message what to do."""

    def __init__(self, message: str, kind: str = "") -> None:
        super().__init__(message)
        self.kind = kind


class PasswordNeeded(CannotConnect):
    """A shared ledger refused the connection for want of the right password (none was
    given, or a wrong one, or there is no such user: the server does not say which)."""

    def __init__(self, message: str, kind: str = "password") -> None:
        super().__init__(message, kind)


class ChangedMeanwhile(LedgerError):
    """Someone else saved the record after it was read for editing: nothing was
    written; `by` and `at` say who and when (the window offers to reload)."""

    def __init__(self, message: str, by: str = "", at: dt.datetime | None = None) -> None:
        super().__init__(message)
        self.by, self.at = by, at


class LedgerNotWritable(LedgerError):
    """A write could not be made (read-only ledger, no permission, full disk); nothing
    was written."""


@contextmanager
def refused_as(error: LedgerError, constraint: str = "") -> Iterator[None]:
    """Turn the database's refusal (a unique key named like `constraint`) into `error`.

    The model checks its rules before writing, to say what is wrong; the database's keys
    enforce them when another clerk wrote the same thing between the check and the
    write. The loser then gets the check's own sentence.
    """
    import peewee as pw  # here, not at the top: `--help` must not load the database layer

    try:
        yield
    except pw.IntegrityError as err:
        if constraint not in str(err):
            raise
        raise error from err


class NotAllowed(LedgerError):
    """The signed-in person's role may not do this (models/ledger/users.py); nothing
    was written."""
