"""The one "discard unsaved input?" question (gui.discard), answered by keys from a
timer: a modal box left open would wait forever."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from gui.discard import Answer, ask_discard

REAL_ASK = ask_discard  # the fixture `discard_questions` stands in for it in gui.discard


def _answer_with(
    key: Qt.Key, seen: list[list[str]], mods: Qt.KeyboardModifier = Qt.KeyboardModifier.AltModifier
) -> None:
    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append([b.text() for b in box.buttons()])
        QTest.keyClick(box, key, mods)

    QTimer.singleShot(50, press)


def test_the_question_and_its_keys(qtbot: QtBot) -> None:
    parent = QDialog()
    qtbot.addWidget(parent)
    seen: list[list[str]] = []
    none = Qt.KeyboardModifier.NoModifier
    _answer_with(Qt.Key.Key_Escape, seen, none)
    assert REAL_ASK(parent) is Answer.KEEP  # Esc once too often loses nothing
    _answer_with(Qt.Key.Key_Return, seen, none)
    assert REAL_ASK(parent) is Answer.KEEP  # nor does Enter
    _answer_with(Qt.Key.Key_D, seen)
    assert REAL_ASK(parent) is Answer.DISCARD
    _answer_with(Qt.Key.Key_S, seen)
    assert REAL_ASK(parent) is Answer.SAVE
    _answer_with(Qt.Key.Key_D, seen)
    assert REAL_ASK(parent, can_save=False) is Answer.DISCARD
    assert sorted(seen[0]) == ["&Discard", "&Keep editing", "&Save"]
    assert sorted(seen[-1]) == ["&Discard", "&Keep editing"]
