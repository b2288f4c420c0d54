"""What the user sees when Qingkuan hits a bug: what happened, that nothing half-done
was saved, where the log is, and a button that copies the details for a bug report
(version, system, traceback; never a password)."""

from __future__ import annotations

import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.widgets import Dialog
from models.storage.targets import scrub
from models.vocabulary.version import version

__all__ = ["CrashDialog", "crash_details", "scrub"]  # scrub: models.storage.targets' one


def crash_details(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    """The text a developer needs: version, system, the traceback (scrubbed)."""
    lines = [
        f"Qingkuan {version()}",
        f"{platform.platform()} · Python {sys.version.split()[0]} · PySide6 {pyside_version}",
        "",
        *traceback.format_exception(kind, error, tb),
    ]
    return scrub("\n".join(line.rstrip("\n") for line in lines))


class CrashDialog(Dialog):
    def __init__(self, error: BaseException, details: str, log_path: Path | None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.error, self.details, self.log_path = error, details, log_path
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setMaximumHeight(220)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton()
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.details_view)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Unexpected error"))
        self.message.setText(
            self.tr(
                "Something went wrong: {error}\n\nNothing half-done was saved: every change is "
                "written in one step or not at all. The details are in {log}. Copy them and "
                "send them to whoever supports Qingkuan for you."
            ).format(error=scrub(str(self.error)), log=self.log_path or self.tr("the log"))
        )
        self.copy_button.setText(self.tr("&Copy the details"))

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
