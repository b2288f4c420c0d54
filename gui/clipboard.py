"""An image and its text on the clipboard together (a statement page and the message
for WeChat): an app that takes images pastes the image, a text field the message.

A QMimeData made in Python and left on the clipboard crashes the process when Qt
tears the clipboard down at exit (PySide 6.11, seen offscreen). `hand_over()`, called
when the app shuts down, puts the same image and text back in a QMimeData Qt made
itself, so what was copied stays pasteable after Qingkuan closes.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData
from PySide6.QtGui import QGuiApplication, QImage

OURS = "application/x-qingkuan-copy"  # marks a QMimeData this module made


def put_image_and_text(image: QImage, text: str) -> None:
    data = QMimeData()
    data.setImageData(image)
    data.setText(text)
    data.setData(OURS, QByteArray(b"1"))
    QGuiApplication.clipboard().setMimeData(data)


def hand_over() -> None:
    """Replace our QMimeData on the clipboard by one Qt made, same image and text."""
    app = QGuiApplication.instance()
    if app is None:
        return
    clipboard = QGuiApplication.clipboard()
    current = clipboard.mimeData()
    if current is None or not current.hasFormat(OURS):
        return
    image, text = clipboard.image(), clipboard.text()
    clipboard.setImage(image)
    replaced = clipboard.mimeData()
    if replaced is not None and text:
        replaced.setText(text)
