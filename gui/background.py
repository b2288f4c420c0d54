"""Read-only model calls on a worker thread, so a slow read (every customer's summary
on a 10,000-customer ledger) never freezes the window.

peewee keeps one connection per thread, so the worker reads through its own
connection (SQLite in WAL mode lets it read while the window writes) and closes it
when done. Only reads go here: every write stays on the GUI thread, through
`Operations`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from models.storage import db
from models.storage.targets import scrub
from models.vocabulary.errors import LedgerError

log = logging.getLogger(__name__)


class _Worker(QThread):
    finished_with = Signal(object, object)  # (result, error message or None)

    def __init__(self, call: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.call = call

    def run(self) -> None:
        try:
            result, error = self.call(), None
        except LedgerError as err:
            result, error = None, str(err)
        except Exception as err:  # noqa: BLE001 - reported to the GUI thread and logged
            log.exception("background read failed")
            result, error = None, scrub(str(err))
        finally:
            # This thread's own connection (peewee keeps one per thread).
            if db.database.obj is not None:
                db.close_thread_connection()
        self.finished_with.emit(result, error)


class BackgroundReader(QObject):
    """Runs one read at a time; a newer request supersedes the result of an older one."""

    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._workers: set[_Worker] = set()
        self._retired = False

    @property
    def busy(self) -> bool:
        return bool(self._workers)

    def start(self, call: Callable[[], Any]) -> None:
        if self._retired:
            return  # its window is going away: a thread started now would outlive it
        self._generation += 1
        generation = self._generation
        worker = _Worker(call, self)
        self._workers.add(worker)

        def done(result: object, error: object) -> None:
            self._workers.discard(worker)
            worker.wait()
            worker.deleteLater()
            if generation != self._generation:
                return  # a newer read is under way
            if error is not None:
                self.failed.emit(str(error))
            else:
                self.loaded.emit(result)

        worker.finished_with.connect(done)
        worker.start()

    def wait(self) -> None:
        """Block until running reads finish (their results still arrive)."""
        for worker in list(self._workers):
            worker.wait()

    def cancel(self) -> None:
        """Wait for running reads and drop their results: the ledger is closing."""
        self._generation += 1
        self.wait()

    def retire(self) -> None:
        """Cancel, and start no read ever again: the window holding this reader is being
        replaced (a signal reaching it before its deletion must not start a thread that
        is destroyed while still running)."""
        self._retired = True
        self.cancel()
