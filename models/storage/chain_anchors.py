"""Anchors of the chain of entries kept outside the ledger: a cut the file cannot hide.

The hash chain (models/storage/chain.py) shows an entry changed or removed in the middle, but
someone who deletes the newest entries with their links, moves ``meta.entry_chain_tip``
back, fixes the caches and recreates the guards leaves a chain that holds. So this
computer remembers, per ledger (keyed by its identity, ``meta.ledger_id``, which copies
and backups share), where the chain stood:

- ``seen``: the last tip and entry count this computer saw (on opening and closing); it
  only moves forward, so a cut ledger does not move it back;
- ``backups``: the tip and count each backup of it was made at.

`problems` reports a chain that went backwards: fewer links than an anchor, or an
anchored tip no longer in the chain. A restore of an older backup moves the chain back
on purpose: the restore calls `reset_after_restore`. A ledger copied to another computer
has no anchors there yet: nothing to compare, nothing reported.

The anchors live in ``chain-anchors.json`` in the per-user data folder.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote

from models.storage import paths
from models.vocabulary import clock
from models.vocabulary.i18n import _
from models.vocabulary.program import program_name

log = logging.getLogger(__name__)

STORE_NAME = "chain-anchors.json"
KEEP_BACKUPS = 30  # anchors of the newest backups kept per ledger
folder: Path | None = None  # where the store is (None: the per-user data folder); tests set it


@dataclass(frozen=True)
class Anchor:
    """Where a ledger's chain stood: its number of links and its tip ("id:link", as
    ``meta.entry_chain_tip`` holds it), and when (ISO text)."""

    count: int
    tip: str
    at: str = ""

    @property
    def tip_id(self) -> int:
        text = self.tip.partition(":")[0]
        return int(text) if text.isdigit() else 0


def _store() -> Path:
    return (folder or paths.data_dir()) / STORE_NAME


def _load() -> dict[str, dict]:
    try:
        data = json.loads(_store().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as err:  # a damaged store: start again, say so in the log
        log.warning("chain anchors unreadable (%s): starting afresh", err)
        return {}
    return data if isinstance(data, dict) else {}


def _save(data: dict[str, dict]) -> None:
    """Write the store whole (a temporary file renamed over it: never half written)."""
    store = _store()
    try:
        store.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".anchors.", dir=store.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1, sort_keys=True)
        os.replace(name, store)
    except OSError as err:  # a read-only data folder: anchors are evidence, not a gate
        log.warning("cannot keep chain anchors in %s: %s", store, err)


@contextlib.contextmanager
def _locked() -> Iterator[None]:
    """One program of this computer at a time reads, changes and writes the store: the
    window, the clerks' commands and a restore note anchors at once, and without this
    one's write undid another's (a restore's reset among them: `check` then saw a chain
    that "went backwards"). The lock is on a file of its own, never the ledger."""
    store = _store()
    try:
        store.parent.mkdir(parents=True, exist_ok=True)
        fh = open(store.with_name(store.name + ".lock"), "a+b")  # noqa: SIM115 - held below
    except OSError:
        fh = None  # a read-only data folder: anchors are evidence, not a gate
    try:
        if fh is not None:
            _lock(fh)
        yield
    finally:
        if fh is not None:
            fh.close()  # releases the lock


def _lock(fh: BinaryIO) -> None:
    try:
        if os.name == "nt":
            import msvcrt

            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_LOCK, 1)
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
    except OSError as err:
        log.warning("chain anchors not locked: %s", err)


def _anchor(value: object) -> Anchor | None:
    if not isinstance(value, dict):
        return None
    try:
        return Anchor(int(value["count"]), str(value["tip"]), str(value.get("at", "")))
    except (KeyError, TypeError, ValueError):
        return None


def _now() -> str:
    return clock.now().isoformat(sep=" ", timespec="seconds")


# --- the open ledger -----------------------------------------------------------------


def _open_tip() -> tuple[str, str] | None:
    """(identity, chain tip) of the open ledger; None without identity."""
    from models.storage.chain import TIP_KEY
    from models.storage.current_ledger import LEDGER_ID_KEY, read_metas

    # One round trip (while opening: from the meta rows read with the others).
    found = read_metas(LEDGER_ID_KEY, TIP_KEY)
    ledger, tip = found[LEDGER_ID_KEY], found[TIP_KEY]
    if not ledger:
        return None
    return ledger, str(tip) if tip is not None else "0:"


def _open_count() -> int:
    """The open ledger's links (a count over the chain: ~50 ms at a million entries, so
    taken only when the tip moved)."""
    from models.storage.tables import database

    return int(database.execute_sql("SELECT count(*) FROM entry_chain").fetchone()[0])


def _open_ledger_state() -> tuple[str, Anchor] | None:
    """(identity, where its chain stands) of the open ledger; None without identity."""
    found = _open_tip()
    if found is None:
        return None
    ledger, tip = found
    return ledger, Anchor(_open_count(), tip, _now())


def _in_open_chain(anchor: Anchor) -> bool:
    from models.storage.dialect import placeholders
    from models.storage.tables import database

    if anchor.tip_id == 0:
        return True
    row = database.execute_sql(
        placeholders("SELECT hash FROM entry_chain WHERE entry_id = ?"), (anchor.tip_id,)
    ).fetchone()
    return row is not None and f"{anchor.tip_id}:{row[0]}" == anchor.tip


def note_seen() -> None:
    """`_note_seen_unlocked`, with the store locked."""
    with _locked():
        _note_seen_unlocked()


def _note_seen_unlocked() -> None:
    """Remember where the open ledger's chain stands, if it moved forward from the last
    anchor this computer saw (a chain that went back keeps the old anchor: `check`
    goes on reporting it)."""
    try:
        found = _open_tip()
        if found is None:
            return
        ledger, tip = found
        data = _load()
        entry = data.setdefault(ledger, {})
        seen = _anchor(entry.get("seen"))
        if seen is not None and seen.tip == tip:
            return  # where it was: no count needed (opening and closing stay quick)
        now = Anchor(_open_count(), tip, _now())
        if seen is not None and (now.count < seen.count or not _in_open_chain(seen)):
            return
    except Exception as err:  # noqa: BLE001 - a damaged ledger: `check` says what is wrong
        log.info("chain anchor not read: %s", err)
        return
    entry["seen"] = asdict(now)
    _save(data)


def stored() -> dict[str, dict]:
    """Every anchor this computer keeps, as they are now (for `problems`)."""
    with _locked():
        return _load()


def problems(anchors: dict[str, dict] | None = None) -> list[str]:
    """The anchors of the open ledger its chain no longer reaches, as sentences.
    `anchors`: the store as read (by `stored`) before the ledger's read snapshot began."""
    data = stored() if anchors is None else anchors
    state = _open_ledger_state()
    if state is None:
        return []
    ledger, now = state
    entry = data.get(ledger, {})
    found: list[str] = []
    seen = _anchor(entry.get("seen"))
    if seen is not None and _went_back(seen, now):
        found.append(
            _(
                "The chain of entries went backwards: on {at} this computer saw {count} "
                "entries ending with entry {id}, and the ledger now has {now}. Entries were "
                "removed outside Qingkuan, or an older copy replaced the ledger without "
                "‘restore’ (if you did that yourself: ‘{program} check --accept-chain’)."
            ).format(
                at=seen.at or "?",
                count=seen.count,
                id=seen.tip_id,
                now=now.count,
                program=program_name(),
            )
        )
    for backup in (_anchor(b) for b in entry.get("backups", [])):
        if backup is not None and _went_back(backup, now):
            found.append(
                _(
                    "The chain of entries went backwards: the backup made on {at} holds "
                    "{count} entries ending with entry {id}, which the ledger no longer "
                    "has (it has {now}). Entries were removed outside Qingkuan."
                ).format(at=backup.at or "?", count=backup.count, id=backup.tip_id, now=now.count)
            )
            break  # the newest such backup says it; older ones would repeat it
    return found


def _went_back(anchor: Anchor, now: Anchor) -> bool:
    return now.count < anchor.count or not _in_open_chain(anchor)


def accept_open_chain() -> None:
    """`_accept_open_chain_unlocked`, with the store locked."""
    with _locked():
        _accept_open_chain_unlocked()


def _accept_open_chain_unlocked() -> None:
    """The user says the open ledger's chain is right as it is (they replaced it by an
    older copy themselves): this computer's anchors for it start again from here, like
    after a restore."""
    state = _open_ledger_state()
    if state is None:
        return
    ledger, now = state
    data = _load()
    entry = data.setdefault(ledger, {})
    entry["seen"] = asdict(now)
    entry["backups"] = [
        b
        for b in entry.get("backups", [])
        if (a := _anchor(b)) is not None and not _went_back(a, now)
    ]
    _save(data)


# --- ledger files (backups, restores) ----------------------------------------------


def _file_state(path: Path) -> tuple[str, Anchor, sqlite3.Connection] | None:
    conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        meta = dict(
            conn.execute(
                "SELECT key, value FROM meta WHERE key IN ('ledger_id', 'entry_chain_tip')"
            ).fetchall()
        )
        (count,) = conn.execute("SELECT count(*) FROM entry_chain").fetchone()
    except sqlite3.Error:
        conn.close()
        return None
    if not meta.get("ledger_id"):
        conn.close()
        return None
    return meta["ledger_id"], Anchor(int(count), meta.get("entry_chain_tip", "0:"), _now()), conn


def note_backup(backup: str | Path) -> None:
    """`_note_backup_unlocked`, with the store locked."""
    with _locked():
        _note_backup_unlocked(backup)


def _note_backup_unlocked(backup: str | Path) -> None:
    """Remember where the chain stood in a backup just made (never fails the backup)."""
    state = _file_state(Path(backup))
    if state is None:
        return
    ledger, anchor, conn = state
    conn.close()
    data = _load()
    entry = data.setdefault(ledger, {})
    backups = [b for b in entry.get("backups", []) if _anchor(b) is not None]
    entry["backups"] = [*backups, asdict(anchor)][-KEEP_BACKUPS:]
    _save(data)


def reset_after_restore(ledger: str | Path) -> None:
    """`_reset_after_restore_unlocked`, with the store locked."""
    with _locked():
        _reset_after_restore_unlocked(ledger)


def _reset_after_restore_unlocked(ledger: str | Path) -> None:
    """After the ledger file `ledger` was restored from a backup: its chain moved back on
    purpose. This computer's anchors for it become the restored chain's tip, and backups
    whose tip the restored chain does not reach are forgotten. Call it once the restore
    has replaced the file."""
    state = _file_state(Path(ledger))
    if state is None:
        return
    ledger_id, now, conn = state
    try:
        data = _load()
        entry = data.setdefault(ledger_id, {})
        entry["seen"] = asdict(now)
        entry["backups"] = [
            b
            for b in entry.get("backups", [])
            if (a := _anchor(b)) is not None and a.count <= now.count and _in_file_chain(conn, a)
        ]
    finally:
        conn.close()
    _save(data)


def _in_file_chain(conn: sqlite3.Connection, anchor: Anchor) -> bool:
    if anchor.tip_id == 0:
        return True
    row = conn.execute(
        "SELECT hash FROM entry_chain WHERE entry_id = ?", (anchor.tip_id,)
    ).fetchone()
    return row is not None and f"{anchor.tip_id}:{row[0]}" == anchor.tip


def forget_all() -> None:
    """Drop every anchor this computer keeps (tests; a user who moves computers)."""
    with contextlib.suppress(FileNotFoundError):
        _store().unlink()
