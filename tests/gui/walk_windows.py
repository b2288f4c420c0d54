"""Open every window and dialog of the app, as a user would, and report for each one
whether its frame fits the screen's free area and which keyboard mnemonics clash.

Run as a separate process (the screen's size is fixed when Qt starts), by
tests/gui/test_every_window.py:

    QT_QPA_PLATFORM=offscreen:configfile=screen.json python -m tests.gui.walk_windows zh

Prints one JSON object: {"screen": [w, h], "windows": [{"title", "fits", "frame",
"clashes", "shortcut_clashes"}...]}. Menu actions and the customer page's buttons are
discovered, not listed, so a new dialog is walked without changing this file.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from tests.gui.shortcuts import clashes as shortcut_clashes

MNEMONIC = re.compile(r"(?<!&)&([^&\s])")
# Actions that end the session or switch the language: not dialogs to look at.
SKIPPED_ACTIONS = ("quit_action", "chinese_action", "english_action")


def mnemonics(root: QWidget) -> dict[str, list[str]]:
    """Mnemonic letter → the visible texts that use it, within one window."""
    found: dict[str, list[str]] = {}

    def add(text: str) -> None:
        for match in MNEMONIC.finditer(text):
            found.setdefault(match.group(1).lower(), []).append(text)

    menu_bar = getattr(root, "menuBar", None)
    if callable(menu_bar):  # Alt+letter opens a menu of the menu bar too
        for action in menu_bar().actions():
            add(action.text())
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if (
            isinstance(widget, QAbstractButton)
            or isinstance(widget, QLabel)
            and widget.buddy() is not None
        ):
            add(widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget.title())
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(widget.tabText(index))
    return found


def menu_clashes(window: QWidget) -> list[str]:
    """Clashes among the menu bar's titles and within each menu."""
    problems = []
    bar = window.menuBar()  # type: ignore[attr-defined]
    groups = [("menu bar", [a.text() for a in bar.actions()])]
    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            groups.append((action.text(), [a.text() for a in menu.actions() if a.text()]))
    for where, texts in groups:
        seen: dict[str, str] = {}
        for text in texts:
            for match in MNEMONIC.finditer(text):
                letter = match.group(1).lower()
                if letter in seen:
                    problems.append(f"{where}: {seen[letter]!r} and {text!r} share &{letter}")
                seen[letter] = text
    return problems


class Walker:
    def __init__(self) -> None:
        self.results: list[dict[str, object]] = []
        self.seen: list[QWidget] = []  # kept alive, so no two are the same object
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self.close_modal)

    def record(self, widget: QWidget) -> None:
        if any(widget is seen for seen in self.seen) or not widget.isVisible():
            return
        self.seen.append(widget)
        QApplication.processEvents()
        area = widget.screen().availableGeometry()
        frame = widget.frameGeometry()
        clashes = {k: v for k, v in mnemonics(widget).items() if len(v) > 1}
        self.results.append(
            {
                "title": widget.windowTitle() or type(widget).__name__,
                "class": type(widget).__name__,
                "fits": area.contains(frame),
                "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
                "clashes": clashes,
                "shortcut_clashes": shortcut_clashes(widget),
            }
        )

    def close_modal(self) -> None:
        """A dialog run with exec() blocks its caller: look at it from the timer."""
        modal = QApplication.activeModalWidget()
        if modal is not None:
            self.record(modal)
            modal.close()

    def close_others(self, keep: QWidget) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget is not keep and widget.isVisible() and not isinstance(widget, QMenu):
                self.record(widget)
                widget.close()
        QApplication.processEvents()

    def trigger(self, call, keep: QWidget) -> None:  # type: ignore[no-untyped-def]
        self.timer.start()
        try:
            call()
        except Exception as err:  # noqa: BLE001 - a dialog that cannot open is reported
            self.results.append({"title": repr(call), "error": repr(err)})
        QApplication.processEvents()
        self.close_others(keep)
        self.timer.stop()


def build_ledger(folder: Path) -> Path:
    from models.exchange import demo
    from models.ledger import promises
    from models.storage import db
    from models.storage.tables import CustomerRow

    path = folder / "walk.qkledger"
    db.open_ledger(path)
    demo.make_demo(customers=8, days=60, seed=3)
    customer = CustomerRow.select().order_by(CustomerRow.id).first()
    promises.make_promise(customer.id, 100_00, dt.datetime.combine(
        dt.date.today() + dt.timedelta(days=1), dt.time(10)))  # fmt: skip
    db.close_ledger()
    return path


def walk(lang: str) -> dict[str, object]:
    from gui import language
    from gui.app import Launcher, make_application
    from models.ledger import ledger
    from models.storage import db
    from models.vocabulary.entry_records import EntryKind

    app = make_application(sys.argv[:1])
    # Never block on a file dialog or a message box: answer them at once.
    from gui import file_dialogs

    file_dialogs.get_open_file_name = lambda *a, **k: ("", "")  # type: ignore[assignment]
    file_dialogs.get_save_file_name = lambda *a, **k: ("", "")  # type: ignore[assignment]
    folder = Path(tempfile.mkdtemp(prefix="qk-walk-"))
    data = folder / "data"
    data.mkdir()
    ledger_path = build_ledger(folder)
    launcher = Launcher(data)
    language.set_language(lang)
    walker = Walker()

    welcome = launcher.show_welcome()
    walker.record(welcome)
    welcome.close()
    launcher.welcome = None

    assert launcher.open(str(ledger_path))
    window = launcher.window
    assert window is not None
    for _ in range(50):
        QApplication.processEvents()
    walker.record(window)
    menu_problems = menu_clashes(window)

    for name in dir(window):
        action = getattr(window, name, None)
        if isinstance(action, QAction) and name not in SKIPPED_ACTIONS and action.menu() is None:
            walker.trigger(action.trigger, window)
    help_menu = getattr(window, "help", None)
    if help_menu is not None:
        for name in dir(help_menu):
            action = getattr(help_menu, name, None)
            if isinstance(action, QAction) and name != "data_folder_action":
                walker.trigger(action.trigger, window)

    # The customer page with its buttons, every kind of posting, a void and a bounce.
    from models.storage.tables import CustomerRow

    customer_id = CustomerRow.select().order_by(CustomerRow.id).first().id
    window.open_customer(customer_id)
    for _ in range(20):
        QApplication.processEvents()
    walker.seen.remove(window)
    walker.record(window)
    back = (
        window.customer_page.back_button if hasattr(window.customer_page, "back_button") else None
    )
    buttons = [b for b in window.customer_page.findChildren(QAbstractButton)
               if b.isVisible() and b.isEnabled() and b.text() and b is not back
               and b.menu() is None and not b.text().startswith("←")]  # fmt: skip
    for button in buttons:
        walker.trigger(button.click, window)
    for kind in EntryKind:
        walker.trigger(lambda kind=kind: window.post(kind), window)
    # A delivery the credit stop refuses: its reasons and the boss's button, and the
    # boss's name-and-password dialog.
    from gui.posting.credit_stop import BossApprovalDialog, stop_text
    from models.ledger import customers
    from models.vocabulary.aging_records import CreditWarning, WarningKind

    def stopped_delivery() -> None:
        dialog = window.post(EntryKind.DELIVERY)
        reason = CreditWarning(WarningKind.OVER_LIMIT, "¥12,345.67 over the credit limit " * 3)
        dialog.warnings.setText(stop_text([reason, reason]))
        dialog.warnings.show()
        dialog.approve_button.show()

    walker.trigger(stopped_delivery, window)
    shop = customers.get_customer(customer_id)
    walker.trigger(
        lambda: BossApprovalDialog(window.ops, shop, 12_345_67, dt.date.today(), window).open(),
        window,
    )
    _opening, rows = ledger.ledger_rows(customer_id, dt.date(1990, 1, 1), dt.date(2100, 1, 1))
    if rows:
        walker.trigger(lambda: window.void_entry(rows[-1].entry), window)
    walker.trigger(lambda: window.edit_customer(customer_id), window)
    # The statement for WeChat: the period, then the phone images with the message.
    walker.trigger(lambda: window.print_statement(for_phone=True), window)
    from gui.printing.documents import statement_images

    today = dt.date.today()
    phone = statement_images(customer_id, today - dt.timedelta(days=89), today)
    walker.trigger(lambda: window.show_for_wechat(phone), window)
    from models.ledger import promises

    for promise in promises.open_promises(customer_id)[:1]:
        walker.trigger(lambda promise=promise: window.print_iou(promise), window)

    launcher.shutdown()
    db.close_ledger()
    screen = app.primaryScreen().availableGeometry()
    return {
        "screen": [screen.width(), screen.height()],
        "windows": walker.results,
        "menu_clashes": menu_problems,
    }


if __name__ == "__main__":
    QMessageBox.critical = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok)  # type: ignore[method-assign]
    print(json.dumps(walk(sys.argv[1] if len(sys.argv) > 1 else "en"), ensure_ascii=False))
