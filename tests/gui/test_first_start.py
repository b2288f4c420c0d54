"""First start on an empty data folder, opening errors, and the demo ledger."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui import app as gui_app
from gui.app import Launcher
from gui.welcome.view import WelcomeScreen
from models.exchange import demo
from models.ledger import settings
from models.storage import db


def test_empty_folder_shows_welcome_and_creates_ledger(
    launcher: Launcher, data_dir: Path, qtbot: QtBot
) -> None:
    shown = launcher.start(None)
    assert isinstance(shown, WelcomeScreen)
    # No name: an inline message, nothing created.
    qtbot.mouseClick(shown.create_button, Qt.MouseButton.LeftButton)
    assert shown.new_error.isVisible()
    assert not (data_dir / "ledger.qkledger").exists()

    shown.company_name.setText("佛山东城食品批发部")  # keyClicks types ASCII only
    shown.phone.setText("0757-1234567")
    qtbot.mouseClick(shown.create_button, Qt.MouseButton.LeftButton)
    try:
        assert (data_dir / "ledger.qkledger").exists()
        assert launcher.window is not None and launcher.window.isVisible()
        assert settings.get_company().name == "佛山东城食品批发部"
        assert settings.get_company().phone == "0757-1234567"
    finally:
        launcher.shutdown()  # every reader stopped (Today's too) before the ledger closes
        db.close_ledger()


def test_second_start_opens_default_ledger(launcher: Launcher, data_dir: Path) -> None:
    db.open_ledger(str(data_dir / "ledger.qkledger"))
    db.close_ledger()
    try:
        shown = launcher.start(None)
        assert shown is launcher.window
    finally:
        launcher.shutdown()  # every reader stopped (Today's too) before the ledger closes
        db.close_ledger()


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("not a ledger at all, just some notes", "not a Qingkuan ledger"),
        ("", "is empty: it is not a Qingkuan ledger"),  # never silently made a new ledger
    ],
)
def test_unopenable_file_gets_a_dialog_not_a_traceback(
    launcher: Launcher, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, said: str
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(gui_app, "tell_user", lambda _parent, _title, text: shown.append(text))
    bogus = tmp_path / "notes.qkledger"
    bogus.write_text(content, encoding="utf-8")
    result = launcher.start(str(bogus))
    assert isinstance(result, WelcomeScreen)  # back to the choices
    assert len(shown) == 1 and said in shown[0]
    assert bogus.read_text(encoding="utf-8") == content  # untouched


def test_demo_ledger_is_a_copy(
    launcher: Launcher, data_dir: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo, "DEMO_CUSTOMERS", 12)
    monkeypatch.setattr(demo, "DEMO_DAYS", 30)
    welcome = launcher.start(None)
    assert isinstance(welcome, WelcomeScreen)
    qtbot.mouseClick(welcome.demo_button, Qt.MouseButton.LeftButton)
    try:
        assert (data_dir / "demo.qkledger").exists()
        assert not (data_dir / "ledger.qkledger").exists()  # the real one stays clean
        window = launcher.window
        assert window is not None
        qtbot.waitUntil(lambda: window.customer_list.model.rowCount() == 12)
    finally:
        launcher.shutdown()  # every reader stopped (Today's too) before the ledger closes
        db.close_ledger()


def test_guards_put_back_on_opening_are_shown(
    launcher: Launcher, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[tuple[str, str]] = []
    monkeypatch.setattr(
        gui_app, "warn_user", lambda _parent, title, text: warned.append((title, text))
    )
    path = tmp_path / "x.qkledger"
    db.open_ledger(str(path))
    db.database.execute_sql("DROP TRIGGER entry_line_no_delete")
    db.close_ledger()
    try:
        assert launcher.start(str(path)) is launcher.window
        assert warned == [("Ledger safeguards put back", db.guards_warning())]
        assert "(entry_line_no_delete) and have been put back" in warned[0][1]
    finally:
        launcher.shutdown()  # every reader stopped (Today's too) before the ledger closes
        db.close_ledger()


def test_new_ledger_from_the_file_menu_after_the_demo(
    launcher: Launcher, data_dir: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo, "DEMO_CUSTOMERS", 3)
    monkeypatch.setattr(demo, "DEMO_DAYS", 10)
    welcome = launcher.start(None)
    assert isinstance(welcome, WelcomeScreen)
    qtbot.mouseClick(welcome.demo_button, Qt.MouseButton.LeftButton)
    try:
        demo_window = launcher.window
        assert demo_window is not None
        actions = [a.text() for a in demo_window.file_menu.actions()]
        assert "New &ledger…" in actions
        demo_window.new_ledger_action.trigger()  # the welcome screen's own form
        form = launcher.welcome
        assert isinstance(form, WelcomeScreen) and form.isVisible()
        form.company_name.setText("西关李记商行")
        qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
        assert (data_dir / "ledger.qkledger").exists()
        assert launcher.window is not demo_window
        assert db.current_target().endswith("ledger.qkledger")
        assert settings.get_company().name == "西关李记商行"
        launcher.window.stop_reading()

        # A second new ledger never opens or changes the first one: it gets its own file.
        launcher.window.new_ledger_action.trigger()
        launcher.welcome.company_name.setText("第二家公司")
        qtbot.mouseClick(launcher.welcome.create_button, Qt.MouseButton.LeftButton)
        assert db.current_target().endswith("ledger-2.qkledger")
        launcher.window.stop_reading()
        db.open_ledger(str(data_dir / "ledger.qkledger"), create=False)
        assert settings.get_company().name == "西关李记商行"
    finally:
        launcher.shutdown()
        db.close_ledger()


def test_opening_an_empty_file_from_the_window_leaves_it_empty(
    launcher: Launcher, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(gui_app, "tell_user", lambda _parent, _title, text: shown.append(text))
    db.open_ledger(str(data_dir / "ledger.qkledger"))
    db.close_ledger()
    try:
        window = launcher.start(None)
        assert window is launcher.window
        empty = tmp_path / "empty.qkledger"
        empty.write_bytes(b"")
        monkeypatch.setattr(
            gui_app.file_dialogs, "get_open_file_name", lambda *a, **k: (str(empty), "")
        )
        window.open_action.trigger()  # File → Open another ledger…
        assert len(shown) == 1 and "is empty" in shown[0]
        assert empty.stat().st_size == 0  # never turned into a ledger
        assert db.current_target().endswith("ledger.qkledger")  # still on the one open
    finally:
        launcher.shutdown()  # every reader stopped (Today's too) before the ledger closes
        db.close_ledger()
