"""Colours that stay readable in the light and the dark palette (macOS, Windows).

A colour set on text or a background without its partner becomes unreadable when the
system switches to dark mode: a pale red row under the palette's white text, a dark red
or grey sentence on a dark window. Every colour here is chosen for the palette in use
(its window or base colour decides whether it is dark) and, where a screen sets a
background, comes with the foreground that goes on it. tests/gui/test_dark_palette.py
checks each against its background for WCAG contrast ≥ 4.5.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QTableWidgetItem

# (light palette, dark palette)
_ERROR = ("#b41e1e", "#ff8a80")  # error sentences, overdue amounts, broken promises
_WARNING = ("#8a4d00", "#f0b35e")  # warnings that do not stop the clerk
_GOOD = ("#1e7832", "#7bd88f")  # kept promises
_PROBLEM_BACKGROUND = ("#ffe0e0", "#6e1e1e")  # the cell a problem is about


def palette(source: QPalette | None = None) -> QPalette:
    return source if source is not None else QGuiApplication.palette()


def is_dark(source: QPalette | None = None) -> bool:
    """Is the palette dark (light text on a dark window)?"""
    pal = palette(source)
    return (
        pal.color(QPalette.ColorRole.Window).lightness()
        < pal.color(QPalette.ColorRole.WindowText).lightness()
    )


def _pick(pair: tuple[str, str], source: QPalette | None) -> QColor:
    return QColor(pair[1] if is_dark(source) else pair[0])


def error(source: QPalette | None = None) -> QColor:
    """Red text: error sentences, overdue amounts, broken promises."""
    return _pick(_ERROR, source)


def warning(source: QPalette | None = None) -> QColor:
    """Amber text: a warning the clerk may go past."""
    return _pick(_WARNING, source)


def good(source: QPalette | None = None) -> QColor:
    """Green text: a promise kept."""
    return _pick(_GOOD, source)


def muted(source: QPalette | None = None) -> QColor:
    """Grey text (a code beside a name, a voided entry): the palette's text colour two
    thirds of the way, so it reads on the palette's own background in either mode."""
    pal = palette(source)
    text, base = pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Base)
    mix = 0.62

    def channel(a: int, b: int) -> int:
        return round(a * mix + b * (1 - mix))

    return QColor(
        channel(text.red(), base.red()),
        channel(text.green(), base.green()),
        channel(text.blue(), base.blue()),
    )


def css(color: QColor) -> str:
    """``color: #rrggbb;`` for a style sheet."""
    return f"color: {color.name()};"


def span(text: str, color: QColor) -> str:
    """Rich text in `color` (the text is already escaped)."""
    return f"<span style='color:{color.name()}'>{text}</span>"


def mark_problem(item: QTableWidgetItem, source: QPalette | None = None) -> None:
    """Mark a table cell as the one a problem is about: a red tint with the palette's
    text colour on it (both set, so it reads in the light and the dark palette)."""
    item.setBackground(QBrush(_pick(_PROBLEM_BACKGROUND, source)))
    item.setForeground(QBrush(palette(source).color(QPalette.ColorRole.Text)))
