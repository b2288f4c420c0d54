"""A statement for WeChat: the phone images (1080 px wide) and the message to send with
them. Opening it copies the first image and the message to the clipboard, ready to
paste into the customer's chat; each page and the message can be copied again, and all
pages saved as PNG files (OUT.png, or OUT-1.png, OUT-2.png …)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui import file_dialogs
from gui.clipboard import put_image_and_text
from gui.operations import Operations
from gui.widgets import Dialog
from models.storage.output_paths import OutputKind
from reports.documents.phone_images import PhoneStatement, write_phone_statement

log = logging.getLogger(__name__)
SHOWN_WIDTH = 360  # the image on screen: a phone's width in points, every page the same


class WeChatDialog(Dialog):
    def __init__(
        self, ops: Operations, result: PhoneStatement, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ops, self.result, self.page = ops, result, 0
        self.images = [QImage.fromData(png, "PNG") for png in result.pngs]
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(SHOWN_WIDTH + 30)
        self.page_label = QLabel()
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.previous_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        QShortcut(QKeySequence("PgUp"), self, lambda: self.show_page(self.page - 1))
        QShortcut(QKeySequence("PgDown"), self, lambda: self.show_page(self.page + 1))
        pages = QHBoxLayout()
        pages.addWidget(self.previous_button)
        pages.addWidget(self.page_label, 1, Qt.AlignmentFlag.AlignCenter)
        pages.addWidget(self.next_button)
        left = QVBoxLayout()
        left.addWidget(scroll, 1)
        left.addLayout(pages)

        self.message_label = QLabel()
        self.message = QPlainTextEdit(result.message)
        self.message.setTabChangesFocus(True)
        self.message_label.setBuddy(self.message)
        self.copied = QLabel()
        self.copied.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(self.message_label)
        right.addWidget(self.message, 1)
        right.addWidget(self.copied)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.copy_page_button = self.buttons.addButton("", role)
        self.copy_text_button = self.buttons.addButton("", role)
        self.save_button = self.buttons.addButton("", role)
        self.copy_page_button.clicked.connect(self.copy_page)
        self.copy_text_button.clicked.connect(self.copy_text)
        self.save_button.clicked.connect(self.save_images)
        self.buttons.rejected.connect(self.reject)
        self.copy_page_button.setDefault(True)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 640)
        self.retranslate()
        self.show_page(0)
        self.copy_page()  # the first page and the message: ready to paste
        self.copy_page_button.setFocus()

    def show_page(self, n: int) -> None:
        if not 0 <= n < len(self.images):
            return
        self.page = n
        shown = QPixmap.fromImage(self.images[n]).scaledToWidth(
            SHOWN_WIDTH, Qt.TransformationMode.SmoothTransformation
        )
        self.picture.setPixmap(shown)
        self.previous_button.setEnabled(n > 0)
        self.next_button.setEnabled(n + 1 < len(self.images))
        self.page_label.setText(
            self.tr("Page {n} of {count}").format(n=n + 1, count=len(self.images))
        )

    def copy_page(self) -> None:
        """The page shown as an image, with the message as its text (an app that
        takes images pastes the image, a text field the message)."""
        put_image_and_text(self.images[self.page], self.message.toPlainText())
        self.copied.setText(
            self.tr("Page {n} and the message are on the clipboard: paste them into WeChat.")
            .format(n=self.page + 1)
        )  # fmt: skip

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.message.toPlainText())
        self.copied.setText(self.tr("The message is on the clipboard."))

    def save_images(self) -> None:
        start = str(Path.home() / f"{self.result.number or 'statement'}.png")
        target = file_dialogs.choose_output(
            self, self.tr("Save images"), start, self.tr("PNG images (*.png)"), OutputKind.IMAGE
        )
        if not target:
            return
        paths = self.ops.read(self, lambda: write_phone_statement(self.result, target))
        if paths:
            self.copied.setText(
                self.tr("Saved: {paths}").format(paths=", ".join(p.name for p in paths))
            )

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Statement {number} for WeChat").format(number=self.result.number)
        )
        self.message_label.setText(self.tr("The message &to send:"))
        self.previous_button.setText(self.tr("◀ Pre&vious"))
        self.next_button.setText(self.tr("Ne&xt ▶"))
        self.copy_page_button.setText(self.tr("&Copy page"))
        self.copy_text_button.setText(self.tr("Copy &message"))
        self.save_button.setText(self.tr("&Save images…"))
        if self.images:
            self.show_page(self.page)
