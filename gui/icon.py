"""Qingkuan's icon, drawn once as an SVG (gui/assets/qingkuan.svg) for the window, the
taskbar or dock, and (through deploy/icons.py) the installers."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

SVG = Path(__file__).resolve().parent / "assets" / "qingkuan.svg"


@cache
def app_icon() -> QIcon:
    """The icon at every size Qt asks for (the SVG icon engine renders it)."""
    return QIcon(str(SVG))
