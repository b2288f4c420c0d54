"""The window's own process for the fault storm: the real `Launcher` and `MainWindow`
(offscreen), with a clerk at the keyboard played by timers.

``python -m tests.faults.window TARGET DATA_DIR PREFIX`` opens TARGET as the app does and
then, until killed: posts deliveries through `Operations` (the window's one path for
writes), printing ``post DOC`` once the write has returned; reloads the customer list,
Today and the review (shown every other moment) on their background readers; backs up on the keeper's worker
thread; and re-opens the ledger now and then as File → Open a ledger file… does. Its
background threads hold their own connections meanwhile, as in a clerk's day.

Message boxes would wait for a click that never comes: their text is printed instead
(``said …``), so the storm's log shows what the clerk would have read. Exit status 3: the
ledger would not open (why was said).
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import random
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from gui import app  # noqa: E402
from models.storage.tables import CustomerRow  # noqa: E402
from tests.faults.delivering import deliver  # noqa: E402

DAY = dt.date(2026, 11, 20)


def _say(*args: object, **_kw: object) -> QMessageBox.StandardButton:
    words = [a for a in args if isinstance(a, str)]
    print("said", " | ".join(words).replace("\n", " "), flush=True)
    return QMessageBox.StandardButton.Ok


class Clerk:
    """The timers that play the clerk on one `Launcher`."""

    def __init__(self, launcher: app.Launcher, target: str, prefix: str) -> None:
        self.launcher, self.target, self.prefix = launcher, target, prefix
        self.rng = random.Random(prefix)
        self.numbers = itertools.count()
        self.ids = [c for (c,) in CustomerRow.select(CustomerRow.id).tuples()]
        self.timers = [
            self._every(60, self.post),
            self._every(300, self.reload),
            self._every(700, self.back_up),
            self._every(1200, self.reopen),
            self._every(1700, self.switch_screen),
        ]

    def _every(self, ms: int, slot: object) -> QTimer:
        timer = QTimer()
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        timer.start()
        return timer

    def post(self) -> None:
        window = self.launcher.window
        if window is None:
            return
        doc = f"{self.prefix}-{next(self.numbers)}"
        customer = self.rng.choice(self.ids)
        done = self.launcher.ops.write(
            window,
            lambda: deliver(customer, DAY, 2_00, doc),
            on_error=lambda message: _say(message),
        )
        if done is not None:
            print(f"post {doc}", flush=True)

    def reload(self) -> None:
        window = self.launcher.window
        if window is not None:
            window.customer_list.reload()
            window.today.reload()

    def switch_screen(self) -> None:
        """Between the customer list and the boss's review (F9), which reloads on its
        reader after every change while it is shown."""
        window = self.launcher.window
        if window is None:
            return
        if window.stack.currentWidget() is window.review_view:
            window.show_list()
        else:
            window.show_review()

    def back_up(self) -> None:
        if self.launcher.keeper is not None:
            self.launcher.keeper.back_up()

    def reopen(self) -> None:
        """File → Open a ledger file… on the same ledger (Launcher.open_other)."""
        window = self.launcher.window
        if window is None:
            return
        window.stop_reading()
        if self.launcher.open(self.target, window):
            print("reopened", flush=True)


def main(target: str, data_dir: str, prefix: str) -> int:
    qt = app.make_application([sys.argv[0]])
    for name in ("warning", "critical", "information", "question"):
        setattr(QMessageBox, name, staticmethod(_say))
    app.tell_user = app.warn_user = _say  # the launcher's own message boxes
    launcher = app.Launcher(Path(data_dir))
    if not launcher.open(target):
        return 3  # refused to open, and said why (a "said" line)
    QTimer.singleShot(0, lambda: print("ready", flush=True))
    clerk = Clerk(launcher, target, prefix)
    code = qt.exec()
    del clerk
    return code


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
