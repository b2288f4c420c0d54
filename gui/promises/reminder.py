"""A ready-to-send reminder: the text in the chosen language, editable, copied to the
clipboard with one key to paste into WeChat or an SMS."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from gui.operations import Operations
from gui.widgets import Dialog, ErrorLabel


class ReminderDialog(Dialog):
    """`make(lang)` returns the message; Chinese is chosen first (the customers')."""

    def __init__(
        self, ops: Operations, make: Callable[[str], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ops, self.make = ops, make
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.currentIndexChanged.connect(self.refresh)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.error = ErrorLabel()
        self.copied = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setDefault(True)
        # Ctrl+C stays the text field's own (copy a selection); this copies it all.
        QShortcut(QKeySequence("Ctrl+Shift+C"), self, self.copy)
        self.copy_button.clicked.connect(self.copy)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.copied)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.refresh()
        self.copy_button.setFocus()  # Enter or Space copies; Tab reaches the text
        self.resize(520, 300)

    def refresh(self) -> None:
        lang = self.language.currentData()
        made = self.ops.read(self, lambda: self.make(lang), on_error=self.error.show_message)
        self.text.setPlainText(made or "")
        self.copy_button.setEnabled(bool(made))
        self.copied.clear()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        self.copied.setText(self.tr("Copied: paste it into WeChat or a text message."))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reminder"))
        self.language_label.setText(self.tr("&Language:"))
        self.copy_button.setText(self.tr("Copy all (Ctrl+Shift+C)"))
