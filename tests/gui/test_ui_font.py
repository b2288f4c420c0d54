"""The window's font on a computer without Chinese fonts: the app's own, never tofu.

Qt reads the font list once, when the application starts: each case runs in a fresh
process, with fontconfig pointed at an empty folder to hide the system's fonts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What make_application does with the fonts, and what a label would then be drawn with.
SCRIPT = """
import json
from PySide6.QtGui import QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication, QLabel
from gui.fonts import apply_ui_font
app = QApplication([])
cjk = QFontDatabase.WritingSystem.SimplifiedChinese
system = QFontDatabase.families(cjk)
chosen = apply_ui_font(app)
label = QLabel("清款 对账单")
print(json.dumps({"system": system, "chosen": chosen,
                  "drawn": QFontInfo(label.font()).family(),
                  "families": app.font().families()}))
"""


def _ui_fonts(tmp_path: Path, hide_system: bool) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if hide_system:
        (tmp_path / "empty").mkdir()
        (tmp_path / "cache").mkdir()
        conf = tmp_path / "fonts.conf"
        conf.write_text(
            '<?xml version="1.0"?><fontconfig>'
            f"<dir>{tmp_path / 'empty'}</dir><cachedir>{tmp_path / 'cache'}</cachedir>"
            "</fontconfig>",
            encoding="utf-8",
        )
        env["FONTCONFIG_FILE"] = str(conf)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(sys.platform != "linux", reason="hides the fonts through fontconfig")
def test_without_system_fonts_the_window_uses_the_bundled_font(tmp_path: Path) -> None:
    seen = _ui_fonts(tmp_path, hide_system=True)
    assert seen["system"] == [], "fontconfig still shows Chinese fonts"
    assert seen["chosen"] == "WenQuanYi Micro Hei"
    assert seen["drawn"] == "WenQuanYi Micro Hei"


@pytest.mark.skipif(sys.platform != "linux", reason="compares with fontconfig's list")
def test_a_system_chinese_font_is_preferred(tmp_path: Path) -> None:
    seen = _ui_fonts(tmp_path, hide_system=False)
    if not seen["system"]:
        pytest.skip("no Chinese font installed")
    assert seen["chosen"] in seen["system"]
    assert seen["families"][0] == seen["chosen"]  # type: ignore[index]
