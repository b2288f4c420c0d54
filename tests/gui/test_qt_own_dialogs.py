"""Qt's own dialogs (file dialog, message box buttons, print dialog) speak Chinese in the
Chinese interface: no label or button of theirs is left in English."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QWidget,
)

from gui import language
from gui.app import Launcher

ENGLISH = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture
def chinese(launcher: Launcher) -> Iterator[None]:
    language.set_language("zh")
    yield
    language.set_language("en")


def english_texts(dialog: QWidget) -> list[str]:
    texts = [w.text() for w in dialog.findChildren(QLabel)]
    texts += [b.text() for b in dialog.findChildren(QAbstractButton)]
    return [t for t in texts if ENGLISH.search(t.replace("&", ""))]


def test_file_dialog_labels_and_buttons(chinese: None) -> None:
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    assert english_texts(dialog) == []
    assert any("查找范围" in label.text() for label in dialog.findChildren(QLabel))


def test_message_box_buttons(chinese: None) -> None:
    box = QMessageBox()
    box.setStandardButtons(
        QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
    )
    assert english_texts(box) == []


def test_print_dialog(chinese: None) -> None:
    dialog = QPrintDialog(QPrinter())
    leftovers = [t for t in english_texts(dialog) if not t.startswith("/")]  # paths stay
    assert leftovers == []
    assert isinstance(dialog, QDialog)
