"""Windows that fit the screen they open on.

A 15" laptop at Windows' default 150% scaling has 1280×720 logical pixels, less the
taskbar: a dialog laid out for a desktop monitor would hang its buttons off the bottom.
Every dialog (gui.widgets.Dialog) and the main window pass through `fit_on_screen` when
they are shown.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget


def screen_of(widget: QWidget) -> QScreen:
    """The screen the widget is on (or will open on: its parent's, else the primary)."""
    window = widget.window()
    parent = widget.parentWidget()
    for candidate in (window, parent.window() if parent is not None else None):
        if candidate is not None and candidate.screen() is not None:
            return candidate.screen()
    return QGuiApplication.primaryScreen()


def available(widget: QWidget) -> QRect:
    return screen_of(widget).availableGeometry()


def frame_margins(widget: QWidget) -> QSize:
    """How much the window frame (title bar, borders) adds; a guess before it is shown."""
    frame, inner = widget.frameGeometry(), widget.geometry()
    extra = QSize(frame.width() - inner.width(), frame.height() - inner.height())
    if widget.isVisible() and extra.height() > 0:
        return extra
    return QSize(16, 40)  # a typical title bar and borders on Windows and macOS


def fit_on_screen(widget: QWidget) -> None:
    """Shrink the window to the screen's free area (frame included) and move it fully
    onto that area; it keeps its size when it already fits."""
    area = available(widget)
    margins = frame_margins(widget)
    limit = QSize(area.width() - margins.width(), area.height() - margins.height())
    size = widget.size().boundedTo(limit)
    minimum = widget.minimumSize()
    if minimum.width() > limit.width() or minimum.height() > limit.height():
        widget.setMinimumSize(minimum.boundedTo(limit))
    if size != widget.size():
        QWidget.resize(widget, size)
    pos = widget.pos()
    x = min(max(pos.x(), area.left()), area.right() - size.width() - margins.width() + 1)
    y = min(max(pos.y(), area.top()), area.bottom() - size.height() - margins.height() + 1)
    if QPoint(x, y) != pos:
        QWidget.move(widget, x, y)  # unbound: a dialog may define its own move()


def fill_screen(widget: QWidget, share: float = 0.95) -> None:
    """Size the window to (nearly) the screen's free area, e.g. a print preview."""
    area = available(widget)
    margins = frame_margins(widget)
    QWidget.resize(
        widget,
        int((area.width() - margins.width()) * share),
        int((area.height() - margins.height()) * share),
    )
    QWidget.move(widget, area.left() + (area.width() - widget.width()) // 2, area.top())
