"""The settle grid as a clerk keys it (issue 20): Enter moves one row down, a method
picked with ↓/Enter stays in its row, Esc asks before throwing input away, today's
route first, the promised amount, the short payment over the tail-cut limit, and
colours that read in a light and a dark palette."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui import tints
from gui.discard import Answer
from gui.mainwindow import MainWindow
from gui.settle.cells import DEFAULT_ROLE, tint_of
from gui.settle.grid import COLUMN, SettleDialog
from gui.tints import MIN_CONTRAST, Tint, contrast_ratio
from models.ledger import people, posting
from tests.gui.conftest import OFFSCREEN_NOISE, DiscardQuestions, add_customer


def _route(shop: int, stops: int = 4) -> list[int]:
    """城东线 with `shop` and `stops` more customers, each owing something."""
    route = people.route_by_name("城东线")
    assert route is not None
    posting.post_delivery(shop, dt.date(2026, 10, 1), 1240_00)
    ids = [shop]
    for n in range(stops):
        cid = add_customer(f"C1{n:03d}", f"东城{n}号", route_id=route.id)
        posting.post_delivery(cid, dt.date(2026, 10, 1), 100_00 * (n + 1))
        ids.append(cid)
    return ids


def _open(window: MainWindow, qtbot: QtBot) -> SettleDialog:
    dialog = window.settle_route()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return dialog


def _type(text: str) -> None:
    """Key by key into whatever has the focus (the first key opens a cell's editor)."""
    for char in text:
        QTest.keyClicks(QApplication.focusWidget(), char)


def _key(key: Qt.Key) -> None:
    QTest.keyClick(QApplication.focusWidget(), key)


def _at(dialog: SettleDialog) -> tuple[int, int]:
    return dialog.table.currentRow(), dialog.table.currentColumn()


def test_enter_moves_one_row_down_and_the_method_stays(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    _route(shop)
    dialog = _open(window, qtbot)
    assert dialog.table.rowCount() == 5 and _at(dialog) == (0, 0)
    _type("1234.56")
    _key(Qt.Key.Key_Tab)  # to "How": its combo editor opens
    _key(Qt.Key.Key_Down)  # Cash
    _key(Qt.Key.Key_Return)  # picks it; one row down
    QTest.qWait(50)
    assert _at(dialog) == (1, COLUMN["method"])
    _key(Qt.Key.Key_Return)
    QTest.qWait(50)
    assert _at(dialog) == (2, COLUMN["method"])
    assert dialog.table.item(0, COLUMN["method"]).text() == "Cash"
    assert [dialog.table.item(r, COLUMN["method"]).text() for r in (1, 2)] == ["", ""]
    assert dialog.table.item(0, COLUMN["amount"]).text() == "1234.56"


# The offscreen platform cannot grab the keyboard for the open list; real ones can.
@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "^This plugin does not support grabbing the keyboard$")
def test_enter_from_the_method_list_and_the_number_pad(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    _route(shop)
    dialog = _open(window, qtbot)
    _type("100")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert _at(dialog) == (1, COLUMN["amount"])
    _type("200")  # lands on the second customer
    _key(Qt.Key.Key_Tab)
    box = QApplication.focusWidget()
    QTest.keyClick(box, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # the list opens
    qtbot.waitUntil(lambda: box.view().isVisible())
    _key(Qt.Key.Key_Down)
    _key(Qt.Key.Key_Down)
    _key(Qt.Key.Key_Return)  # picks, and the list closes: still on this row
    qtbot.waitUntil(lambda: not box.view().isVisible())
    assert _at(dialog) == (1, COLUMN["method"])
    _key(Qt.Key.Key_Return)
    assert _at(dialog) == (2, COLUMN["method"])
    table = dialog.table
    assert [table.item(r, COLUMN["amount"]).text() for r in range(3)] == ["100", "200", ""]
    assert table.item(1, COLUMN["method"]).text() == "Cheque"
    assert table.item(0, COLUMN["method"]).text() == table.item(2, COLUMN["method"]).text() == ""
    for _ in range(5):  # the last row: Enter stays there
        _key(Qt.Key.Key_Return)
    assert _at(dialog) == (4, COLUMN["method"])


def test_the_grid_opens_on_todays_route(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    from models.vocabulary import clock

    # By name: 一号线 (no weekdays: ad hoc), 三号线 Mon, 二号线 Thu, 城东线 Mon+Thu, 城西线 Tue.
    for name, days in (("一号线", ()), ("三号线", (1,)), ("二号线", (4,)), ("城西线", (2,))):
        people.add_route(name, days)
    for day, expected in (
        (dt.date(2026, 11, 26), "二号线"),  # Thursday: two run, the first of them
        (dt.date(2026, 11, 24), "城西线"),  # Tuesday: the only one
        (dt.date(2026, 11, 27), "一号线"),  # Friday: none runs, the first route
    ):
        clock.pin(day)
        dialog = window.settle_route()
        assert dialog.route.currentText() == expected, day
        assert dialog.chosen_route() is not None and dialog.chosen_route().name == expected
        dialog.close()


def _esc_twice(dialog: SettleDialog) -> None:
    _key(Qt.Key.Key_Escape)  # closes the open cell editor
    if dialog.isVisible():
        QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)


def test_esc_asks_before_throwing_the_grid_away(
    window: MainWindow, qtbot: QtBot, shop: int, discard_questions: DiscardQuestions
) -> None:
    from models.ledger.ledger import balance

    ids = _route(shop)
    dialog = _open(window, qtbot)
    _type("1240")
    _key(Qt.Key.Key_Tab)
    _type("C")
    _key(Qt.Key.Key_Return)  # row 1 of 5 keyed
    discard_questions.answer = Answer.KEEP
    _esc_twice(dialog)
    assert [(w, save) for w, save in discard_questions.asked] == [(dialog, True)]
    assert dialog.isVisible() and dialog.table.item(0, COLUMN["amount"]).text() == "1240"
    discard_questions.answer = Answer.SAVE  # posts it, then closes
    dialog.close()  # the window's close button asks the same
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert len(discard_questions.asked) == 2
    assert balance(ids[0], dt.date(2026, 11, 26)) == 0
    window.last_handover.close()

    dialog = _open(window, qtbot)
    _type("100")
    _key(Qt.Key.Key_Tab)
    discard_questions.answer = Answer.DISCARD
    _esc_twice(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert len(discard_questions.asked) == 3
    assert balance(ids[1], dt.date(2026, 11, 26)) == 100_00  # nothing posted


def test_an_untouched_grid_closes_at_once(
    window: MainWindow, qtbot: QtBot, shop: int, discard_questions: DiscardQuestions
) -> None:
    _route(shop)
    dialog = _open(window, qtbot)
    _type("99")  # typed, then Esc in the cell: the cell goes back to empty
    _esc_twice(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert discard_questions.asked == []


def test_another_route_asks_before_replacing_the_grid(
    window: MainWindow, qtbot: QtBot, shop: int, discard_questions: DiscardQuestions
) -> None:
    west = people.add_route("城西线", (2,))
    add_customer("W0001", "西关一号", route_id=west.id)
    _route(shop)
    dialog = _open(window, qtbot)
    _type("1240")
    _key(Qt.Key.Key_Return)
    discard_questions.answer = Answer.KEEP
    dialog.route.setCurrentIndex(dialog.route.findData(west.id))
    assert discard_questions.asked == [(dialog, False)]  # no Save: it is not this route's
    assert dialog.route.currentText() == "城东线" and dialog.table.rowCount() == 5
    assert dialog.table.item(0, COLUMN["amount"]).text() == "1240"
    discard_questions.answer = Answer.DISCARD
    dialog.route.setCurrentIndex(dialog.route.findData(west.id))
    assert dialog.route.currentText() == "城西线"
    assert not dialog.has_unsaved_input()
    dialog.close()
    assert len(discard_questions.asked) == 2  # the empty grid closed without asking


def _tab_to(dialog: SettleDialog, field: str) -> None:
    """Tab along the row, as the clerk does, until `field` is the current cell."""
    for _ in range(len(COLUMN)):
        if dialog.table.currentColumn() == COLUMN[field]:
            return
        _key(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {field}")


def _save(dialog: SettleDialog) -> None:
    QTest.keyClick(
        QApplication.focusWidget() or dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
    )


def _cell(dialog: SettleDialog, row: int, field: str) -> str:
    return dialog.table.item(row, COLUMN[field]).text()


def test_a_promise_for_part_of_what_is_left(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    """1,240.00 owed, 740.00 paid: the promise defaults to the 500.00 left; 500.01 and
    0 are refused, 500.00 is posted."""
    from models.ledger import promises as promise_list

    _route(shop)
    dialog = _open(window, qtbot)
    _type("740")
    _key(Qt.Key.Key_Tab)
    _type("C")
    _tab_to(dialog, "promise_at")
    _type("2026-11-30 10:00")
    _key(Qt.Key.Key_Tab)  # past "Left owing": straight to the promised amount
    assert _at(dialog) == (0, COLUMN["promise_amount"])
    editor = QApplication.focusWidget()
    assert editor.placeholderText() == "500.00"  # the default: what is left
    assert dialog.table.item(0, COLUMN["promise_amount"]).data(DEFAULT_ROLE) == "500.00"
    for typed, sentence in (
        ("500.01", "Only 500.00 is left owing after today: the promise cannot be for more."),
        ("0", "A promised amount must be more than zero."),
    ):
        _type(typed)
        _save(dialog)
        assert dialog.isVisible()
        assert dialog.wrong_cells() == {(0, COLUMN["promise_amount"]): sentence}
        assert _at(dialog) == (0, COLUMN["promise_amount"])  # on the cell, to type over
        _key(Qt.Key.Key_Delete)
    _type("500.00")
    _save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [made] = dialog.settled.promises
    assert made.amount == 500_00 and made.customer_id == shop
    assert [p.amount for p in promise_list.promises_for(shop)] == [500_00]
    window.last_handover.close()


def _alt(dialog: SettleDialog, key: Qt.Key) -> None:
    dialog.activateWindow()
    QTest.keyClick(QApplication.focusWidget() or dialog, key, Qt.KeyboardModifier.AltModifier)


def test_a_short_payment_over_the_tail_cut_limit_is_not_silent(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    """¥1,234.56 of ¥1,240.00 with a ¥5.00 limit: the row says ¥5.44 stays owing, the
    first Save stops to say so, and the boss's override (Alt+B) cuts it."""
    from models.ledger import ledger

    ids = _route(shop)
    dialog = _open(window, qtbot)
    _type("1234.56")
    _key(Qt.Key.Key_Tab)
    _type("C")
    _key(Qt.Key.Key_Return)  # row 2: one fen under the limit
    dialog.table.setCurrentCell(1, COLUMN["amount"])
    _type("95")  # 100.00 owed: 5.00 short, within the limit
    _key(Qt.Key.Key_Tab)
    _type("C")
    _key(Qt.Key.Key_Return)
    assert _cell(dialog, 0, "left") == "Still owes ¥5.44 (over the ¥5.00 tail-cut limit)."
    assert tint_of(dialog.table.item(0, COLUMN["left"])) is Tint.NOTICE
    assert _cell(dialog, 1, "left") == "Still owes ¥5.00."
    assert tint_of(dialog.table.item(1, COLUMN["left"])) is None
    assert not dialog.boss_button.isEnabled()  # on row 3: nothing to allow
    dialog.table.setCurrentCell(1, COLUMN["method"])
    assert not dialog.boss_button.isEnabled()  # within the limit: the plain offer
    _save(dialog)
    assert dialog.isVisible()  # not posted silently
    assert _cell(dialog, 1, "tail_cut") == "5.00" and _cell(dialog, 0, "tail_cut") == ""
    assert "1 stop(s) paid less than was due by more than the tail-cut limit" in dialog.error.text()
    dialog.table.setCurrentCell(0, COLUMN["method"])
    assert dialog.boss_button.isEnabled()
    _alt(dialog, Qt.Key.Key_B)  # the boss allows it (the button's click is animated)
    qtbot.waitUntil(lambda: _cell(dialog, 0, "tail_cut") == "5.44")
    assert _cell(dialog, 0, "left") == (
        "Paid in full. Tail cut ¥5.44 allowed by the boss (over the ¥5.00 limit)."
    )
    assert not dialog.boss_button.isEnabled()
    _save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    day = dt.date(2026, 11, 26)
    assert ledger.balance(ids[0], day) == 0 and ledger.balance(ids[1], day) == 0
    memos = sorted(e.memo for e in dialog.settled.tail_cuts)
    assert memos == ["Tail cut", "Tail cut over the limit, allowed by the boss"]
    window.last_handover.close()


def test_saved_again_the_short_payment_stays_owing(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    from models.ledger import ledger

    _route(shop)
    dialog = _open(window, qtbot)
    _type("1234.56")
    _key(Qt.Key.Key_Tab)
    _type("C")
    _key(Qt.Key.Key_Return)
    _save(dialog)
    assert dialog.isVisible() and "Press Save again to post it so" in dialog.error.text()
    _save(dialog)  # the clerk read it: post it so
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert ledger.balance(shop, dt.date(2026, 11, 26)) == 5_44
    assert dialog.settled.tail_cuts == ()
    window.last_handover.close()


def _palette(window: str, base: str, text: str, placeholder: str) -> QPalette:
    palette = QPalette(QColor(window))
    for role, colour in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, base),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.PlaceholderText, placeholder),
    ):
        palette.setColor(role, QColor(colour))
    return palette


LIGHT = _palette("#f0f0f0", "#ffffff", "#000000", "#767676")
DARK = _palette("#2d2d2d", "#1e1e1e", "#e8e8e8", "#9a9a9a")  # as macOS / Windows dark


def test_tinted_rows_read_in_a_light_and_a_dark_palette(
    window: MainWindow, qtbot: QtBot, shop: int
) -> None:
    _route(shop)
    dialog = _open(window, qtbot)
    _type("1234.56")  # left owing over the tail-cut limit: a notice
    _key(Qt.Key.Key_Tab)
    _type("C")
    _key(Qt.Key.Key_Return)
    dialog.table.setCurrentCell(1, COLUMN["amount"])
    _type("95")  # a tail cut offered
    _key(Qt.Key.Key_Tab)
    _type("C")
    _key(Qt.Key.Key_Return)
    dialog.table.setCurrentCell(2, COLUMN["amount"])
    _type("12")  # no method: a wrong cell
    _key(Qt.Key.Key_Tab)
    _save(dialog)
    _save(dialog)
    table = dialog.table
    for name, palette in (("light", LIGHT), ("dark", DARK)):
        dialog.setPalette(palette)
        seen = set()
        for r in range(table.rowCount()):
            for c in range(table.columnCount()):
                item = table.item(r, c)
                tint = tint_of(item)
                seen.add(tint)
                set_bg = item.data(Qt.ItemDataRole.BackgroundRole)
                set_fg = item.data(Qt.ItemDataRole.ForegroundRole)
                bg = (
                    QBrush(set_bg).color()
                    if set_bg is not None
                    else palette.color(QPalette.ColorRole.Base)
                )
                fg = (
                    QBrush(set_fg).color()
                    if set_fg is not None
                    else palette.color(QPalette.ColorRole.Text)
                )
                ratio = contrast_ratio(fg, bg)
                assert ratio >= MIN_CONTRAST, (name, r, c, tint, fg.name(), bg.name(), ratio)
        assert seen == {None, Tint.WRONG, Tint.OFFERED, Tint.NOTICE}, name
    assert tints.background(DARK, Tint.WRONG).lightness() < 80  # deep, not pale, in the dark
    dialog.table.setCurrentCell(3, COLUMN["amount"])
    _type("1x")  # the amount editor's own red, as typed
    editor = QApplication.focusWidget()
    assert "color:" in editor.styleSheet() and "background:" in editor.styleSheet()


def test_contrast_ratio_is_wcag() -> None:
    black, white = QColor("#000000"), QColor("#ffffff")
    assert round(contrast_ratio(black, white), 2) == 21.0
    assert round(contrast_ratio(white, white), 2) == 1.0
    assert round(contrast_ratio(QColor("#767676"), white), 2) == 4.54  # the AA grey
    assert contrast_ratio(QColor("#e8e8e8"), QColor(255, 215, 215)) < 1.3  # the old pink
