"""The one path for changes (Anki's operations): run a model call, show a
`LedgerError`'s message, and announce that the ledger changed.

Screens never call each other to refresh: they listen to `Operations.changed`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from models.storage.targets import scrub
from models.vocabulary.errors import LedgerError

T = TypeVar("T")
log = logging.getLogger(__name__)


class Operations(QObject):
    """Runs model calls for the GUI. `changed` fires after every successful write."""

    changed = Signal()
    # Another clerk or program changed the ledger (gui/live_updates.py): screens re-read
    # as after `changed`, keeping what is selected and where they are scrolled.
    others_changed = Signal()
    # Fired after the UI language switched (models re-read their translated labels).
    language_changed = Signal()

    def write(
        self,
        parent: QWidget | None,
        call: Callable[[], T],
        *,
        on_error: Callable[[str], None] | None = None,
    ) -> T | None:
        """Run a model write; on success emit `changed` and return its result.

        On a `LedgerError` nothing was written (the model runs each write in one
        transaction): its message goes to `on_error` (an inline label) or a dialog, and
        None is returned.
        """
        result = self.read(parent, call, on_error=on_error, _fail=_FAILED)
        if result is _FAILED:
            return None
        self.changed.emit()
        return result  # type: ignore[return-value]

    def read(
        self,
        parent: QWidget | None,
        call: Callable[[], T],
        *,
        on_error: Callable[[str], None] | None = None,
        _fail: object = None,
    ) -> T | None:
        """Run a model read; show a `LedgerError` like `write` does."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return call()
        except LedgerError as err:
            log.info("refused: %s", err)
            show_error(parent, str(err), on_error)
            return _fail  # type: ignore[return-value]
        finally:
            QApplication.restoreOverrideCursor()


_FAILED = object()


def show_error(parent: QWidget | None, message: str, sink: Callable[[str], None] | None) -> None:
    """Put a model's message where the user is looking: inline when possible."""
    message = scrub(message)  # a driver's error may quote a connection string
    if sink is not None:
        sink(message)
        return
    QMessageBox.warning(parent, QApplication.translate("Operations", "Qingkuan"), message)
