"""Fixtures for the document tests. (The ledger fixtures live in tests/conftest.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from reports.typesetting.fonts import FontSet, find_fonts, system_cjk_fonts

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
DROID = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")


@pytest.fixture(scope="session")
def cjk_fonts() -> FontSet:
    """The Chinese TrueType font a user's computer would get: the system's (CI installs
    fonts-wqy-microhei), else the app's own; skips only if both are missing."""
    fonts = find_fonts()
    if not fonts.embedded:
        pytest.skip(
            "no Chinese TrueType font found (looked at "
            f"{len(system_cjk_fonts())} places, and the app's own is missing)"
        )
    return fonts


@pytest.fixture(scope="session")
def builtin_fonts() -> FontSet:
    """Fonts as on a computer without any Chinese TrueType font."""
    return find_fonts(candidates=[])
