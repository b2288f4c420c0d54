"""The Qt binding must not leak or over-release references in signal delivery.

PySide6 6.12.0 dropped a reference to a signal's argument on every delivery to a Python
slot: after about a thousand checkbox toggles True's count reached zero and the app
aborted ("bool_dealloc"). pyproject.toml keeps that version out; this test fails if
such a binding comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot


class _Emitter(QObject):
    flag = Signal(bool)


def test_toggling_a_checkbox_many_times_keeps_true_and_false_alive(qtbot: QtBot) -> None:
    box = QCheckBox()
    qtbot.addWidget(box)
    seen: list[bool] = []
    box.toggled.connect(seen.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(300):
        box.setChecked(not box.isChecked())
    seen.clear()
    after = sys.getrefcount(True), sys.getrefcount(False)
    # A reference or two may be cached; the broken binding lost one per toggle (300).
    assert abs(after[0] - before[0]) <= 2 and abs(after[1] - before[1]) <= 2


def test_python_emitted_signals_keep_their_argument_alive(qtbot: QtBot) -> None:
    emitter = _Emitter()
    emitter.flag.connect(lambda value: None)
    before = sys.getrefcount(True)
    for _ in range(300):
        emitter.flag.emit(True)
    assert abs(sys.getrefcount(True) - before) <= 2
