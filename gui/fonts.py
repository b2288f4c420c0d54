"""Pick a UI font that has Chinese glyphs, so no label shows empty boxes (tofu)."""

from __future__ import annotations

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


def cjk_family() -> str | None:
    """The first installed family of `CJK_FAMILIES` that can write Simplified Chinese."""
    installed = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    # Any font that claims Simplified Chinese beats tofu.
    return sorted(installed)[0] if installed else None


def apply_ui_font(app: QApplication) -> str | None:
    """Make the application font CJK-capable, keeping the platform's size."""
    family = cjk_family()
    if family is None:
        return None
    font = QFont(app.font())
    font.setFamilies([family, *font.families()])
    app.setFont(font)
    return family
