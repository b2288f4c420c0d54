"""Dialogs default to the route the clerk means (issue 20, item 5): the packet, printed
the evening before, to tomorrow's route; moving customers never to "(no route)"."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui.mainwindow import MainWindow
from models.collecting import routesheets
from models.ledger import customers, people
from models.vocabulary import clock
from tests.gui.conftest import add_customer


def week_routes() -> dict[int, int]:
    """An on-demand route first, then one route for each weekday: weekday → route id."""
    people.add_route("临时线", ())
    return {day: people.add_route(f"线路{day}", (day,)).id for day in (1, 2, 3, 4, 5, 6, 7)}


def test_packet_defaults_to_tomorrows_route(window: MainWindow, qtbot: QtBot) -> None:
    routes = week_routes()
    tomorrow = clock.today() + dt.timedelta(days=1)
    dialog = window.print_packet()
    qtbot.waitExposed(dialog)
    assert dialog.chosen_route().id == routes[tomorrow.isoweekday()]
    assert dialog.day.date().toPython() == tomorrow
    dialog.close()


def test_packet_without_a_route_tomorrow_takes_the_first(window: MainWindow, qtbot: QtBot) -> None:
    tomorrow = (clock.today() + dt.timedelta(days=1)).isoweekday()
    first = people.add_route("东线", (tomorrow % 7 + 1,))
    people.add_route("西线", ((tomorrow + 1) % 7 + 1,))
    dialog = window.print_packet()
    qtbot.waitExposed(dialog)
    assert dialog.chosen_route().id == first.id
    dialog.close()


def test_first_route_on_follows_the_weekdays() -> None:
    from models.vocabulary.customer_records import Route

    mon, any_day = Route(1, "一", (1,), None, True), Route(2, "随时", (), None, True)
    assert routesheets.first_route_on([any_day, mon], dt.date(2026, 11, 30)) is mon
    assert routesheets.first_route_on([any_day, mon], dt.date(2026, 12, 1)) is None


def test_move_to_route_defaults_to_their_route_never_to_none(
    window: MainWindow, qtbot: QtBot
) -> None:
    routes = week_routes()
    a = add_customer("C0001", "东城王记", route_id=routes[3])
    b = add_customer("C0002", "西关李记", route_id=routes[3])
    c = add_customer("C0003", "南门张记")
    dialog = window.move_to_route([a, b])
    qtbot.waitExposed(dialog)
    assert dialog.route.currentData() == routes[3]  # the route they are on
    dialog.close()
    dialog = window.move_to_route([c])
    qtbot.waitExposed(dialog)
    assert dialog.route.currentData() is not None  # not "(no route)": the first route
    QTest.keyClick(dialog.route, Qt.Key.Key_Return)  # the clerk just presses Enter
    assert customers.get_customer(c).route_id == dialog.route.itemData(1)
