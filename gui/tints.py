"""Cell colours that read in a light and in a dark palette (issue 20, item 14).

A fixed pale background (#ffd7d7) under the palette's text colour is unreadable in
dark mode, where the text is near white. A tint is the hue mixed into the palette's
own Base colour instead — pale on a light palette, deep on a dark one — and goes with
the palette's Text colour as foreground. `contrast_ratio` is WCAG 2's, for tests:
body text needs at least 4.5.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QColor, QPalette

MIN_CONTRAST = 4.5  # WCAG 2 AA, normal text


class Tint(Enum):
    """What a tinted cell says, by its hue."""

    WRONG = QColor(230, 40, 40)  # the model refused this cell
    OFFERED = QColor(240, 190, 0)  # filled in for the clerk to confirm (a tail cut)
    NOTICE = QColor(240, 130, 0)  # worth a look before saving (left owing over a limit)


STRENGTH = 0.22  # how much of the hue goes into the base colour


def background(palette: QPalette, tint: Tint) -> QColor:
    """The tint's background under `palette`: its hue mixed into the Base colour."""
    base = palette.color(QPalette.ColorRole.Base)
    hue = tint.value
    mix = [
        round(b + (h - b) * STRENGTH)
        for b, h in zip(
            (base.red(), base.green(), base.blue()),
            (hue.red(), hue.green(), hue.blue()),
            strict=True,
        )
    ]
    return QColor(*mix)


def foreground(palette: QPalette) -> QColor:
    """The text colour on a tint: the palette's own."""
    return palette.color(QPalette.ColorRole.Text)


def _luminance(colour: QColor) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in (colour.red(), colour.green(), colour.blue()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
