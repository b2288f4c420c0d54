"""The window honours QK_LANG as the command line does, and its normal size (what
"restore down" returns to) fits the screen before it is maximised (issue 20, item 10)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gui import language
from gui.app import Launcher, make_application


@pytest.fixture
def fresh_launcher(
    qapp: object, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Launcher]:
    make_application([])
    monkeypatch.setenv("QK_LANG", "zh")  # the preferences say English (data_dir)
    launcher = Launcher(data_dir)
    yield launcher
    launcher.shutdown()
    language.set_language("en")


def test_qk_lang_wins_over_the_saved_language(fresh_launcher: Launcher, ledger: str) -> None:
    assert language.current() == "zh"
    assert fresh_launcher.open(ledger)
    assert fresh_launcher.window is not None
    assert fresh_launcher.window.file_menu.title() == "文件(&F)"


@pytest.mark.parametrize(
    ("env", "chosen", "expected"),
    [({"QK_LANG": "en"}, "zh", "en"), ({"QK_LANG": "ZH"}, "en", "zh"), ({}, "zh", "zh"),
     ({"QK_LANG": "fr"}, "en", "en")],
)  # fmt: skip
def test_startup_language(env: dict[str, str], chosen: str, expected: str) -> None:
    assert language.startup_language(chosen, env) == expected


def test_the_normal_size_fits_the_screen_before_maximising(
    launcher: Launcher, ledger: str, qtbot: QtBot
) -> None:
    assert launcher.open(ledger)  # the first time: no remembered geometry
    window = launcher.window
    assert window is not None
    qtbot.waitExposed(window)
    area = window.screen().availableGeometry()
    normal = window.normalGeometry().size()
    assert normal.width() <= area.width() and normal.height() <= area.height() - 30, (
        normal,
        area,
    )
