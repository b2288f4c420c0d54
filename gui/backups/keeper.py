"""Automatic backups of the open SQLite ledger: when it is opened, every hour it is open
with changes, and when it is closed. The copy runs on a worker thread (the model's
backup reads through its own SQLite connection), so the window never waits for it,
except at closing, when the last backup must be finished before the program ends."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from gui.background import BackgroundReader
from gui.operations import Operations
from gui.preferences import Preferences
from models.storage import backup_folder, db
from models.vocabulary import clock
from models.vocabulary.errors import LedgerError

log = logging.getLogger(__name__)
HOUR_MS = 3600 * 1000


class BackupKeeper(QObject):
    """Makes the automatic backups of one open ledger and says how they stand."""

    # (sentence for the status line, True when it is a warning)
    status_changed = Signal(str, bool)
    backed_up = Signal(object)  # the Path of a backup just made

    def __init__(self, ops: Operations, prefs: Preferences, target: str) -> None:
        super().__init__(ops)
        self.prefs, self.target = prefs, target
        self.enabled = not db.is_postgres_url(target)
        self.dirty = False
        self.problem = ""  # the last backup's failure, "" when it worked
        self.runner = BackgroundReader(self)
        self.runner.loaded.connect(self._done)
        self.runner.failed.connect(self._failed)
        self.timer = QTimer(self)
        self.timer.setInterval(HOUR_MS)
        self.timer.timeout.connect(self.hourly)
        ops.changed.connect(self._changed)

    @property
    def ledger(self) -> Path:
        return Path(self.target)

    def folder(self) -> Path:
        return self.prefs.backup_folder() or backup_folder.default_folder(self.target)

    def start(self) -> None:
        """The ledger was opened: back it up, then every hour with changes."""
        if not self.enabled:
            return
        self.timer.start()
        self.back_up()

    def _changed(self) -> None:
        self.dirty = True

    def hourly(self) -> None:
        if self.dirty:
            self.back_up()

    def back_up(self) -> None:
        """Start a backup on the worker thread; `backed_up` or the status tell the end."""
        if not self.enabled:
            return
        self.dirty = False
        folder, ledger = self.folder(), self.ledger
        self.runner.start(lambda: backup_folder.auto_backup(ledger, folder))

    def finish(self) -> None:
        """The ledger is closing: wait for a running backup, then make the last one."""
        self.timer.stop()
        if not self.enabled:
            return
        self.runner.wait()
        try:
            backup_folder.auto_backup(self.ledger, self.folder())
        except LedgerError as err:
            log.warning("backup at closing failed: %s", err)

    def retire(self) -> None:
        """Its ledger was replaced by another: no more backups from this keeper."""
        self.enabled = False
        self.timer.stop()
        self.runner.retire()
        self.deleteLater()

    def _done(self, path: object) -> None:
        self.problem = ""
        log.info("backup written: %s", path)
        self.backed_up.emit(path)
        self.announce()

    def _failed(self, message: str) -> None:
        self.problem = message
        log.warning("backup failed: %s", message)
        self.announce()

    def announce(self) -> None:
        text, warning = self.status()
        self.status_changed.emit(text, warning)

    def status(self, now: dt.datetime | None = None) -> tuple[str, bool]:
        """The status line's sentence about backups, and whether it is a warning."""
        if not self.enabled:
            return "", False
        if self.problem:
            return self.problem, True
        last = backup_folder.last_backup(self.folder(), self.ledger)
        if last is None:
            return self.tr("No backup yet"), True
        moment = now or clock.now()
        stamp = last.taken_at.strftime("%Y-%m-%d %H:%M")
        if backup_folder.backup_overdue(self.folder(), self.ledger, moment):
            days = (moment - last.taken_at).days
            return (
                self.tr("No backup for {n} days (last {at}): File → Back up now").format(
                    n=days, at=stamp
                ),
                True,
            )
        return self.tr("Last backup {at}").format(at=stamp), False
