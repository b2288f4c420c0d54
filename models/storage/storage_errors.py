"""What the database's own errors mean to a user: a full disk, a read-only ledger, a
role without rights. Each becomes one sentence that says nothing was written.

The driver's error is often not the one raised: when SQLite runs out of space it rolls
the transaction back itself, and peewee's own ROLLBACK then fails with "cannot rollback
- no transaction is active", hiding the cause. So the whole chain is searched.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator

from models.vocabulary.errors import LedgerNotWritable
from models.vocabulary.i18n import _

SQLITE_READONLY, SQLITE_FULL = 8, 13
PG_DISK_FULL = "53100"
PG_NO_PRIVILEGE = "42501"
PG_READ_ONLY_TRANSACTION = "25006"  # e.g. a hot-standby replica
# Two transactions got in each other's way; the server rolled one back whole.
PG_SERIALIZATION_FAILURE, PG_DEADLOCK = "40001", "40P01"
SQLITE_BUSY, SQLITE_LOCKED = 5, 6


def causes(err: BaseException) -> Iterator[BaseException]:
    """`err` and every error it was raised from or while handling."""
    seen: set[int] = set()
    current: BaseException | None = err
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _sqlite_code(err: BaseException) -> int | None:
    code = getattr(err, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None  # extended codes keep the base low


def is_disk_full(err: BaseException) -> bool:
    return any(
        _sqlite_code(e) == SQLITE_FULL
        or "database or disk is full" in str(e)
        or getattr(e, "pgcode", None) == PG_DISK_FULL
        or (isinstance(e, OSError) and e.errno == errno.ENOSPC)
        for e in causes(err)
    )


def is_permission_denied(err: BaseException) -> bool:
    return any(getattr(e, "pgcode", None) == PG_NO_PRIVILEGE for e in causes(err))


def is_read_only_refusal(err: BaseException) -> bool:
    return any(
        _sqlite_code(e) == SQLITE_READONLY
        or "attempt to write a readonly database" in str(e)
        or getattr(e, "pgcode", None) == PG_READ_ONLY_TRANSACTION
        for e in causes(err)
    )


def is_conflict(err: BaseException) -> bool:
    """A write that met another one and lost (a serialization failure or a deadlock on
    PostgreSQL, a busy or locked ledger on SQLite): nothing of it stayed, and the same
    write tried again a moment later will usually go through."""
    return any(
        getattr(e, "pgcode", None) in (PG_SERIALIZATION_FAILURE, PG_DEADLOCK)
        or _sqlite_code(e) in (SQLITE_BUSY, SQLITE_LOCKED)
        or (
            type(e).__module__ in ("sqlite3", "peewee")
            and ("database is locked" in str(e) or "database table is locked" in str(e))
        )
        for e in causes(err)
    )


def disk_full() -> LedgerNotWritable:
    return LedgerNotWritable(
        _("The disk is full: nothing was written to the ledger. Free some space and try again.")
    )


def read_only(target: str) -> LedgerNotWritable:
    return LedgerNotWritable(
        _(
            "‘{target}’ is open read-only: nothing can be posted or changed, but you can "
            "view, print and export. To work in it, copy it to a folder you can write to."
        ).format(target=target)
    )


def backup_view(target: str) -> LedgerNotWritable:
    return LedgerNotWritable(
        _(
            "‘{target}’ is a backup, open read-only as a view: nothing can be posted or "
            "changed, but you can view, print and export. To make it your ledger, open the "
            "ledger and use File → Restore (the ledger as it is now is kept)."
        ).format(target=target)
    )


def no_permission_to_change(target: str, user: str) -> LedgerNotWritable:
    return LedgerNotWritable(
        _(
            "You have no permission to change the ledger {target}: nothing was written. Ask "
            "the database administrator to give the role ‘{user}’ write access to its tables."
        ).format(target=target, user=user)
    )


def role_hint(err: BaseException) -> str:
    """What the database's people and role guards refused (models/storage/pg_role_guards.py,
    pg_people.py): their hint ``qk:<what>`` without the ``qk:``; '' for anything else."""
    for e in causes(err):
        hint = getattr(getattr(e, "diag", None), "message_hint", None) or ""
        if hint.startswith("qk:"):
            return hint[3:]
    return ""


def role_refusal(err: BaseException, user: str) -> LedgerNotWritable | None:
    """The sentence for a write the database refused for the signed-in person's role,
    or None when `err` is not one."""
    what = role_hint(err)
    sentences = {
        "writeoff": _("only the boss may write off a debt"),
        "void_old": _("only the boss may void an entry keyed more than 7 days ago"),
        "credit_terms": _("only the boss may change a customer's credit limit or terms"),
        "entered_by": _("a row must name the person signed in as the one who entered it"),
        "meta": _("only the administrator changes the ledger's identity and version"),
        "people": _("only the boss may add or change people"),
        "taken": _("the server already has a login of that name: choose another name"),
        "no_person": _("there is no person of that name in this ledger"),
        "no_role": _("there is no such role: choose clerk, boss or viewer"),
        "last_boss": _("the ledger would have no boss left: make someone else boss first"),
        "self": _("you cannot disable yourself: ask another boss"),
    }
    if what not in sentences:
        return None
    return LedgerNotWritable(
        _("The database refused: {why} (signed in as ‘{user}’). Nothing was changed.").format(
            why=sentences[what], user=user
        )
    )


def write_refusal(err: BaseException, target: str, user: str) -> LedgerNotWritable | None:
    """The sentence for a failed write, or None when `err` is not one of these cases."""
    if is_disk_full(err):
        return disk_full()
    refused = role_refusal(err, user)
    if refused is not None:
        return refused
    if is_permission_denied(err):
        return no_permission_to_change(target, user)
    if is_read_only_refusal(err):
        return read_only(target)
    return None
