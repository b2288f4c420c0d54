"""Settings → Reps and routes: saving a route keeps its rep, however often the clerk
saves (issue 20, item 3: the first save blanked the rep box, the second removed the
route's rep)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui import discard
from gui.mainwindow import MainWindow
from models.ledger import people


def test_save_twice_keeps_the_routes_rep(window: MainWindow, qtbot: QtBot) -> None:
    rep = people.add_rep("张伟", "13800000000")
    people.add_route("周一东线", (1,), rep.id)
    people.add_route("周四西线", (4,), rep.id)
    dialog = window.open_people()
    qtbot.waitExposed(dialog)
    dialog.routes.setFocus()
    QTest.keyClick(dialog.routes, Qt.Key.Key_Down)  # the clerk picks a route
    QTest.keyClick(dialog.routes, Qt.Key.Key_Down)
    assert dialog.routes.currentRow() == 1
    assert dialog.route_rep.currentText() == "张伟"
    QTest.mouseClick(dialog.save_route_button, Qt.MouseButton.LeftButton)
    assert dialog.route_rep.currentText() == "张伟"  # the box still shows the rep
    QTest.mouseClick(dialog.save_route_button, Qt.MouseButton.LeftButton)
    assert dialog.route_rep.currentText() == "张伟"
    assert [r.rep_id for r in people.list_routes()] == [rep.id, rep.id]


def test_an_inactive_rep_stays_on_the_route_through_saves(window: MainWindow, qtbot: QtBot) -> None:
    rep = people.add_rep("王芳", "")
    route = people.add_route("周二南线", (2,), rep.id)
    people.update_rep(rep.id, rep.name, rep.phone, False)  # left the company
    dialog = window.open_people()
    qtbot.waitExposed(dialog)
    dialog.routes.setCurrentRow(0)
    for _ in range(2):
        QTest.mouseClick(dialog.save_route_button, Qt.MouseButton.LeftButton)
        assert dialog.route_rep.currentText() == "王芳"
    assert people.list_routes(include_inactive=True)[0].rep_id == route.rep_id == rep.id


def test_esc_asks_before_dropping_a_typed_rep(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    people.add_route("周一东线", (1,))
    asked: list[bool] = []

    def keep(parent: object, *, can_save: bool = True) -> discard.Choice:
        asked.append(can_save)
        return discard.Choice.KEEP_EDITING

    monkeypatch.setattr(discard, "ask_discard", keep)
    dialog = window.open_people()
    qtbot.waitExposed(dialog)
    dialog.routes.setFocus()
    QTest.keyClick(dialog.routes, Qt.Key.Key_Down)  # choosing a route fills the fields
    QTest.keyClick(dialog.routes, Qt.Key.Key_Escape)
    assert asked == [] and not dialog.isVisible()  # nothing typed: closes at once

    dialog = window.open_people()
    qtbot.waitExposed(dialog)
    QTest.keyClicks(dialog.rep_name, "Li Na")
    QTest.keyClick(dialog.rep_name, Qt.Key.Key_Escape)
    assert asked == [False] and dialog.isVisible()  # Discard or Keep editing
    QTest.mouseClick(dialog.add_rep_button, Qt.MouseButton.LeftButton)
    QTest.keyClick(dialog.rep_name, Qt.Key.Key_Escape)
    assert asked == [False] and not dialog.isVisible()  # added: nothing left unsaved
