"""The route-day packet is named after its route and day (城东线-2026-11-30.pdf), not
packet-5-2026-11-30-1.pdf, and the preview's Save offers that name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui import file_dialogs
from gui.mainwindow import MainWindow
from gui.printing.packet import packet_file_name
from models.ledger import posting

DAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    ("route", "name"),
    [
        ("城东", "城东-2026-12-04.pdf"),
        ('城东/城南: "周一"?', "城东城南 周一-2026-12-04.pdf"),
        ("a\\b*c<d>e|f\tg", "abcdefg-2026-12-04.pdf"),
        ("  城西线. ", "城西线-2026-12-04.pdf"),
        ("///", "2026-12-04.pdf"),
    ],
)
def test_the_name_is_the_route_and_the_day_safe_on_windows(route: str, name: str) -> None:
    assert packet_file_name(route, DAY) == name


def test_the_packet_and_its_save_are_named_after_the_route(
    window: MainWindow, qtbot: QtBot, shop: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    posting.post_delivery(shop, dt.date(2026, 11, 1), 800_00)
    dialog = window.print_packet()
    assert dialog.chosen_route() is not None and dialog.chosen_route().name == "城东线"
    dialog.make()
    qtbot.waitUntil(lambda: dialog.printout is not None, timeout=60_000)
    assert dialog.printout.path.name == "城东线-2026-11-30.pdf"
    qtbot.waitUntil(lambda: getattr(window, "last_preview", None) is not None)
    offered: list[str] = []

    def choose(_parent, _caption, start, _filter, _kind):  # type: ignore[no-untyped-def]
        offered.append(start)
        return ""  # the clerk cancels: no real file dialog opens

    monkeypatch.setattr(file_dialogs, "choose_output", choose)
    preview = window.last_preview
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert [Path(p).name for p in offered] == ["城东线-2026-11-30.pdf"]
    # A second packet of the same day while the first is still open: its own file.
    first = dialog.printout.path
    again = window.print_packet()
    again.make()
    qtbot.waitUntil(lambda: again.printout is not None, timeout=60_000)
    assert again.printout.path.name == first.name and again.printout.path != first
    assert first.exists()
    qtbot.waitUntil(lambda: window.last_preview is not preview)
    window.last_preview.close()
    preview.close()
