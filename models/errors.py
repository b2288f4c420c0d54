"""Errors the model raises. Every message is a translated sentence a user can act on."""

from __future__ import annotations


class LedgerError(Exception):
    """A rule was broken or input was bad; `str(err)` is the message to show."""


class InputError(LedgerError):
    """A value typed or imported is not acceptable; nothing was written."""


class NotFound(LedgerError):
    """A customer, entry, promise, rep or route that was asked for does not exist."""


class LedgerFileError(LedgerError):
    """The ledger cannot be opened: not a ledger, newer version, locked, damaged."""


class PasswordNeeded(LedgerFileError):
    """A shared ledger refused the connection for want of the right password."""


class LedgerNotWritable(LedgerError):
    """A write could not be made (read-only ledger, no permission, full disk); nothing
    was written."""
