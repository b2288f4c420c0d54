"""The Help menu: keyboard shortcuts, the data folder, About."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMainWindow

from gui.help.dialogs import AboutDialog, ShortcutsDialog
from models.storage import db, paths


def page_shortcuts() -> list[tuple[str, str]]:
    """Keys of the customer page and the list, which have buttons rather than menu items."""
    return [
        (QCoreApplication.translate("HelpMenu", "Customer page → Delivery"), "F2"),
        (QCoreApplication.translate("HelpMenu", "Customer page → Payment"), "F3"),
        (QCoreApplication.translate("HelpMenu", "Customer page → Can't pay today: promise"), "F4"),
        (QCoreApplication.translate("HelpMenu", "Customer page → Log a visit"), "F6"),
        (QCoreApplication.translate("HelpMenu", "Customer page → Statement"), "F8"),
        (
            QCoreApplication.translate("HelpMenu", "Customer page → Void the selected entry"),
            "Ctrl+Del",
        ),
        (
            QCoreApplication.translate("HelpMenu", "Customer page → Back to the list"),
            "Esc / Alt+Left",
        ),
        (
            QCoreApplication.translate("HelpMenu", "Customer list → Open the selected customer"),
            "Enter",
        ),
        (QCoreApplication.translate("HelpMenu", "Any dialog → Save / Cancel"), "Enter / Esc"),
    ]


class HelpMenu(QObject):
    """Builds the Help menu on a main window; `ledger()` says what is open (for About)."""

    def __init__(self, window: QMainWindow, ledger_name: str) -> None:
        super().__init__(window)
        self.window = window
        self.ledger_name = ledger_name
        self.menu = window.menuBar().addMenu("")
        self.shortcuts_action = QAction(window, shortcut=QKeySequence("F1"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.data_folder_action = QAction(window)
        self.data_folder_action.triggered.connect(self.open_data_folder)
        self.about_action = QAction(window)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        for action in (self.shortcuts_action, self.data_folder_action, self.about_action):
            self.menu.addAction(action)
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Help"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.data_folder_action.setText(self.tr("Open the &data folder"))
        self.about_action.setText(self.tr("&About Qingkuan"))

    def ledger(self) -> str:
        """The open ledger as the user knows it: the file's full path, or ``host/db``."""
        target = db.current_target()
        return self.ledger_name if not target or db.is_postgres() else str(Path(target))

    def show_about(self) -> AboutDialog:
        try:
            log = paths.log_file(create_folder=False)
        except OSError:
            log = None
        dialog = AboutDialog(self.ledger(), db.schema_version(), log, self.window)
        dialog.open()
        return dialog

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.window, page_shortcuts())
        dialog.open()
        return dialog

    def open_data_folder(self) -> bool:
        folder = paths.data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
