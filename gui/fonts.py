"""Pick a UI font that has Chinese glyphs, so no label shows empty boxes (tofu).

The system's Chinese fonts come first; a computer without any (a bare Linux install)
gets the font that ships with the app for the documents, WenQuanYi Micro Hei.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

# Preferred first: the system UI fonts of Windows and macOS, then common Linux ones.
CJK_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "SimHei",
    "SimSun",
)

log = logging.getLogger(__name__)


def cjk_family() -> str | None:
    """The first installed family of `CJK_FAMILIES` that can write Simplified Chinese."""
    installed = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    # Any font that claims Simplified Chinese beats tofu.
    return sorted(installed)[0] if installed else None


def bundled_family() -> str | None:
    """Load the app's own Chinese font into Qt and return its family (None if it fails)."""
    # Imported here: reportlab is not needed to start the window on an ordinary computer.
    from reports.typesetting.fonts import BUNDLED_CJK

    font_id = QFontDatabase.addApplicationFont(str(BUNDLED_CJK))
    if font_id < 0:
        log.warning("the app's own Chinese font %s could not be loaded", BUNDLED_CJK)
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    # The collection's first face is the proportional one; its second is monospaced.
    return families[0] if families else None


def apply_ui_font(app: QApplication) -> str | None:
    """Make the application font CJK-capable, keeping the platform's size."""
    family = cjk_family() or bundled_family()
    if family is None:
        return None
    font = QFont(app.font())
    font.setFamilies([family, *font.families()])
    app.setFont(font)
    return family
