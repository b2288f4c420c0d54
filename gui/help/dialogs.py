"""Help → About and Help → Keyboard shortcuts."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.icon import app_icon
from gui.widgets import Dialog
from models.vocabulary.version import version


class AboutDialog(Dialog):
    """The version, the open ledger (path or ``host/db``, never a password), its schema
    version, and where the log is: what a support call needs."""

    def __init__(
        self, ledger: str, schema: int, log_path: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ledger, self.schema, self.log_path = ledger, schema, log_path
        self.icon = QLabel()
        self.icon.setPixmap(app_icon().pixmap(64, 64))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(self.text.textInteractionFlags().TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.icon)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Qingkuan"))
        lines = [
            self.tr("Qingkuan 清款, version {version}").format(version=version()),
            self.tr("The collections ledger for small distributors."),
            "",
            self.tr("Ledger: {ledger}").format(ledger=self.ledger),
            self.tr("Ledger schema version: {schema}").format(schema=self.schema),
            self.tr("Log file: {log}").format(log=self.log_path or "—"),
            self.tr("System: {system}").format(system=platform.platform(terse=True)),
        ]
        self.text.setText("\n".join(lines))


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what, keys) for every action with a shortcut in the window's menus, in menu order."""
    rows: list[tuple[str, str]] = []

    def walk(actions: list[QAction], prefix: str) -> None:
        for action in actions:
            menu = action.menu()
            name = action.text().replace("&", "").rstrip("…").strip()
            if isinstance(menu, QMenu):
                walk(menu.actions(), f"{prefix}{name} → ")
            elif not action.shortcut().isEmpty():
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                rows.append((prefix + name, keys))

    walk(window.menuBar().actions(), "")  # type: ignore[attr-defined]
    return rows


class ShortcutsDialog(Dialog):
    """Every keyboard shortcut of the window: the menus' own, read from the actions (so
    the list cannot go stale), then the ones that work on a screen without a menu."""

    def __init__(self, window: QWidget, extra: list[tuple[str, str]]) -> None:
        super().__init__(window)
        self.window_ = window
        self.extra = extra
        self.table = QTableWidget(0, 2)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 520)
        self.retranslate()

    def rows(self) -> list[tuple[str, str]]:
        return shortcut_rows(self.window_) + self.extra

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
