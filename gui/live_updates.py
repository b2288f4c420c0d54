"""What other clerks post shows in an open window without a restart.

models/storage/change_notices.py knows how to learn of others' changes (LISTEN/NOTIFY on
PostgreSQL, ``PRAGMA data_version`` on SQLite); this only wires it to Qt: a socket
notifier wakes it when a PostgreSQL notice arrives, a timer polls SQLite (and checks a
PostgreSQL listener is still connected), and `others_changed` fires once for a burst of
changes (debounced), so ten posts in a second re-read the screens once.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from models.storage import change_notices
from models.storage.change_notices import ChangeWatcher

log = logging.getLogger(__name__)

SQLITE_POLL_MS = 1500  # a PRAGMA read costs microseconds: often enough to feel live
LISTENER_CHECK_MS = 30_000  # PostgreSQL: the socket says when; this notices a lost link
DEBOUNCE_MS = 400


class LiveUpdates(QObject):
    """Emits `others_changed` (after a short quiet) when another program changed the
    open ledger. `stop()` before the ledger is closed."""

    others_changed = Signal()

    def __init__(self, parent: QObject | None = None, watcher: ChangeWatcher | None = None) -> None:
        super().__init__(parent)
        self.watcher = watcher if watcher is not None else change_notices.watch()
        self.notifier: QSocketNotifier | None = None
        self._fd: int | None = None
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.others_changed.emit)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self._watch_socket()
        self.timer.start(SQLITE_POLL_MS if self._fd is None else LISTENER_CHECK_MS)

    def _watch_socket(self) -> None:
        """Follow the listener's socket (again after it reconnected)."""
        fd = self.watcher.fileno()
        if fd == self._fd:
            return
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
            self.notifier = None
        self._fd = fd
        if fd is not None:
            self.notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            self.notifier.activated.connect(self.check)

    def check(self) -> None:
        """Ask the watcher what changed; schedule one `others_changed` if anything did."""
        changed = self.watcher.poll()
        self._watch_socket()
        if changed:
            log.debug("changed by others: %s", ", ".join(sorted(changed)))
            self.debounce.start()

    def stop(self) -> None:
        self.timer.stop()
        self.debounce.stop()
        if self.notifier is not None:
            self.notifier.setEnabled(False)
        self.watcher.close()
