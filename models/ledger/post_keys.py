"""Posting once: a post carries a key the window made (a uuid4), so a post retried after
a lost reply or a timeout finds the entry it already made instead of making another.

The database keeps the promise: `post_key`'s primary key is written in the same
transaction as the entry, so of two processes racing with one key only one commits;
the other's transaction is rolled back and it returns the winner's entry.
"""

from __future__ import annotations

import string
from collections.abc import Callable

import peewee as pw

from models.ledger.entries import get_entry
from models.storage.tables import PostKeyRow
from models.vocabulary.entry_records import Entry, EntryId
from models.vocabulary.errors import InputError, LedgerError
from models.vocabulary.i18n import _

MAX_KEY = 64
_ALLOWED = frozenset(string.ascii_letters + string.digits + "-_/.:")


def check_key(key: str) -> str:
    """A key is 1–64 letters, digits or - _ / . : (a uuid4 is 36)."""
    if not isinstance(key, str) or not key or len(key) > MAX_KEY or not set(key) <= _ALLOWED:
        raise InputError(
            _(
                "‘{key}’ cannot identify a post: use 1 to 64 letters, digits or - _ / . : "
                "(such as a uuid)."
            ).format(key=str(key)[:80])
        )
    return key


def remember(key: str | None, entry_id: EntryId) -> None:
    """Record that `key` posted `entry_id`; the caller holds the transaction."""
    if key is not None:
        PostKeyRow.insert(key=key, entry=entry_id).execute()


def posted_with(key: str) -> EntryId | None:
    """The entry `key` posted, if any."""
    row = PostKeyRow.select(PostKeyRow.entry).where(PostKeyRow.key == key).tuples().first()
    return row[0] if row else None


def posted_under(prefix: str) -> list[tuple[str, EntryId]]:
    """Keys starting with `prefix` and their entries, in key order (a grid's posts)."""
    return list(
        PostKeyRow.select(PostKeyRow.key, PostKeyRow.entry)
        # Exactly these characters (LIKE would read _ as a wildcard and fold case).
        .where(pw.fn.SUBSTR(PostKeyRow.key, 1, len(prefix)) == prefix)
        .order_by(PostKeyRow.key)
        .tuples()
    )


def once(key: str | None, post: Callable[[], Entry], same: Callable[[Entry], bool]) -> Entry:
    """Run `post` (which calls `remember(key, …)` in its transaction) unless `key`
    already posted an entry: then that entry is returned, nothing is written. `same`
    says whether the found entry is the one asked for (a key reused for another post
    is refused rather than answered with an unrelated entry)."""
    if key is None:
        return post()
    key = check_key(key)
    found = _found(key, same)
    if found is not None:
        return found
    try:
        return post()
    except (pw.IntegrityError, LedgerError):
        # Another process posted with this key between our look and our write: its
        # entry is the answer (the database refused ours, so nothing of ours stayed).
        found = _found(key, same)
        if found is None:
            raise
        return found


def _found(key: str, same: Callable[[Entry], bool]) -> Entry | None:
    entry_id = posted_with(key)
    if entry_id is None:
        return None
    entry = get_entry(entry_id)
    if not same(entry):
        raise InputError(
            _(
                "The key ‘{key}’ was already used for another post (entry {id}): nothing "
                "was posted. Each post needs its own key."
            ).format(key=key, id=entry_id)
        )
    return entry
