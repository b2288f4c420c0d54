"""The UI language switches at runtime without losing what was typed, and every
string of the GUI is translated (the .ts is complete and the committed .qm current)."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui import language
from gui.app import Launcher
from gui.mainwindow import MainWindow
from gui.translations.__main__ import QM, TS, lrelease, lupdate
from models.vocabulary import i18n
from models.vocabulary.entry_records import EntryKind
from tests.gui.test_posting import open_page


def _unfinished(ts: Path) -> list[str]:
    tree = ET.parse(ts)
    problems = []
    for context in tree.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source")
            kind = translation.get("type") if translation is not None else "missing"
            if kind in ("unfinished", "missing") or not (translation.text or "").strip():
                problems.append(f"{name}: {source!r}")
    return problems


def test_ts_has_no_unfinished_translation() -> None:
    assert _unfinished(TS) == []


def test_every_string_in_the_code_is_in_the_ts(tmp_path: Path) -> None:
    """lupdate over today's sources finds nothing new to translate."""
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    lupdate(fresh)
    assert _unfinished(fresh) == [], "run `uv run python -m gui.translations` and translate"


def test_committed_qm_is_current(tmp_path: Path) -> None:
    compiled = tmp_path / QM.name
    lrelease(TS, compiled)
    assert compiled.read_bytes() == QM.read_bytes(), "run `uv run python -m gui.translations`"


def test_switch_language_keeps_typed_work(
    window: MainWindow, launcher: Launcher, qtbot: QtBot, shop: int
) -> None:
    qtbot.keyClicks(window.customer_list.search, "dcwj")
    open_page(window, qtbot, shop)
    dialog = window.post(EntryKind.PAYMENT)
    qtbot.keyClicks(dialog.amount, "88.80")
    assert window.file_menu.title() == "&File"

    launcher.set_language("zh")
    qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")
    assert i18n.language() == "zh"  # model messages follow
    assert dialog.windowTitle() == "收款"
    assert dialog.amount.text() == "88.80"  # nothing typed is lost
    assert window.customer_list.search.text() == "dcwj"
    assert window.customer_page.action_buttons["payment"].text() == "收款 (F3)"
    model = window.customer_list.model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "编码"
    kind = window.customer_page.ledger_model
    assert kind.headerData(1, Qt.Orientation.Horizontal) == "类别"
    assert launcher.prefs.language() == "zh"  # remembered for the next start

    launcher.set_language("en")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
    assert dialog.windowTitle() == "Payment received"
    assert language.current() == "en"
