"""Connect to a shared ledger…: fill in the server, test the connection, connect; the
password goes to the keychain when asked and nowhere else (issue 22, connecting)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui import app as gui_app
from gui.app import Launcher
from gui.connecting.dialog import ConnectDialog
from gui.mainwindow import MainWindow
from models.storage import db, paths
from tests.conftest import RUN_PG_DB, MemoryKeyring, postgres_or_skip
from tests.pg_roles import make_role, superuser_sql

__all__ = ["make_role"]  # the fixture, used by name

pytestmark = pytest.mark.postgres


@pytest.fixture
def clerk(make_role: Callable[..., tuple[str, str]]) -> tuple[str, str]:
    """(role, password) of a clerk who may work in this run's Qingkuan ledger."""
    url = postgres_or_skip()
    db.open_ledger(url)
    db.close_ledger()
    role, password = make_role("qk_dialog")
    superuser_sql(
        f"GRANT USAGE ON SCHEMA public TO {role}; "
        f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}; "
        f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}",
        RUN_PG_DB,
    )
    return role, password


def fill(dialog: ConnectDialog, user: str, password: str, port: int = 5432) -> None:
    dialog.host.setText("localhost")
    dialog.port.setValue(port)
    dialog.dbname.setText(RUN_PG_DB)
    dialog.user.setText(user)
    dialog.password.setText(password)


def checked(qtbot: QtBot, dialog: ConnectDialog) -> None:
    """Wait for the check on the worker thread to report."""
    qtbot.waitUntil(lambda: dialog._worker is None, timeout=20_000)


def every_setting(data_dir: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in data_dir.rglob("*") if p.is_file())


def test_test_connect_and_the_keychain_keeps_the_password(
    launcher: Launcher,
    data_dir: Path,
    qtbot: QtBot,
    clerk: tuple[str, str],
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setattr(gui_app, "tell_user", lambda *a: pytest.fail(f"a message box: {a}"))
    role, password = clerk
    welcome = launcher.show_welcome()
    qtbot.mouseClick(welcome.shared_button, Qt.MouseButton.LeftButton)
    dialog = welcome.connect_dialog
    assert isinstance(dialog, ConnectDialog) and dialog.isVisible()
    assert dialog.remember.isEnabled() and dialog.remember.isChecked()
    assert not dialog.keychain_note.isVisible()
    fill(dialog, role, password)

    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    checked(qtbot, dialog)
    assert dialog.result.text().startswith(
        f"Connected to {role}@localhost/{RUN_PG_DB} as ‘{role}’: a Qingkuan ledger, on PostgreSQL "
    )
    assert db.database.obj is None  # testing opens nothing
    assert memory_keyring.entries == {}  # nor keeps anything

    assert dialog.focusWidget() is dialog.test_button  # not Cancel, as Enter goes on
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # Enter: Connect
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=20_000)
    window = launcher.window
    assert isinstance(window, MainWindow)
    assert window.windowTitle() == f"Qingkuan 清款 – {role}@localhost/{RUN_PG_DB}"
    assert memory_keyring.entries == {("Qingkuan", f"{role}@localhost:5432/{RUN_PG_DB}"): password}
    remembered = paths.the_ledger(data_dir)
    assert remembered == f"postgresql://{role}@localhost/{RUN_PG_DB}"
    assert password not in every_setting(data_dir)
    launcher.shutdown()
    db.close_ledger()

    # The next start opens it without asking: the keychain has the password.
    monkeypatch.setattr(gui_app, "ask_password", lambda *a: pytest.fail("asked anyway"))
    again = Launcher(data_dir)
    try:
        assert again.start(None) is again.window
    finally:
        again.shutdown()
        db.close_ledger()
    assert password not in caplog.text + "".join(capsys.readouterr())


def test_a_remembered_ledger_fills_the_dialog_and_unticking_forgets_the_password(
    launcher: Launcher,
    data_dir: Path,
    qtbot: QtBot,
    clerk: tuple[str, str],
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setattr(gui_app, "tell_user", lambda *a: pytest.fail(f"a message box: {a}"))
    role, password = clerk
    address = f"postgresql://{role}@localhost/{RUN_PG_DB}"
    paths.remember_ledger(address, data_dir)
    memory_keyring.set_password("Qingkuan", f"{role}@localhost:5432/{RUN_PG_DB}", password)
    dialog = launcher.show_welcome().open_shared()
    assert (dialog.host.text(), dialog.port.value(), dialog.dbname.text(), dialog.user.text()) == (
        "localhost",
        5432,
        RUN_PG_DB,
        role,
    )
    assert dialog.password.text() == ""
    assert dialog.password.placeholderText() == "kept in this computer's keychain"
    assert dialog.password.hasFocus() or dialog.focusWidget() is dialog.password
    dialog.remember.setChecked(False)
    dialog.submit()  # the keychain's password connects; then it is forgotten
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=20_000)
    assert memory_keyring.entries == {}


def test_each_refusal_is_said_in_the_dialog_which_stays(
    launcher: Launcher, qtbot: QtBot, clerk: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gui_app, "tell_user", lambda *a: pytest.fail("a message box"))
    role, password = clerk
    dialog = launcher.show_welcome().open_shared()
    fill(dialog, role, password + "x")
    dialog.submit()
    checked(qtbot, dialog)
    assert dialog.error.text() == (
        f"The server at localhost did not accept the user ‘{role}’ with this password: the "
        "password is wrong (capitals count) or there is no such user. Check both, or ask the "
        "boss to check your account."
    )
    assert dialog.focusWidget() is dialog.password and dialog.password.selectedText()
    assert dialog.isVisible() and launcher.window is None and db.database.obj is None

    fill(dialog, role, password, port=1)
    dialog.test_connection()
    checked(qtbot, dialog)
    assert dialog.error.text().startswith("Nothing answers at localhost, port 1:")

    dialog.host.clear()
    dialog.test_connection()
    assert dialog.error.text() == "Type the server's name or address, such as 192.168.1.10."
    assert dialog.focusWidget() is dialog.host


def test_without_a_keychain_the_dialog_says_the_password_is_asked_each_time(
    launcher: Launcher, qtbot: QtBot
) -> None:
    dialog = launcher.show_welcome().open_shared()  # the tests' keyring: none usable
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    assert dialog.keychain_note.isVisible()
    assert "so the password is asked for each time" in dialog.keychain_note.text()


def test_from_the_file_menu_and_by_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    shown = db.current_target()
    assert window.connect_action.shortcut().toString() == "Ctrl+Shift+O"
    window.connect_action.trigger()
    dialog = window.findChild(ConnectDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.width() <= 1280 and dialog.height() <= 720
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    # Every field has its Alt key, and so has each button.
    for letter, field in (
        ("S", dialog.host),
        ("O", dialog.port),
        ("D", dialog.dbname),
        ("U", dialog.user),
        ("W", dialog.password),
    ):
        QTest.keyClick(
            QApplication.focusWidget(), Qt.Key(ord(letter)), Qt.KeyboardModifier.AltModifier
        )
        assert field.hasFocus() or field.isAncestorOf(QApplication.focusWidget()), letter
    assert [b.text() for b in (dialog.test_button, dialog.remember, dialog.encrypted)] == [
        "&Test connection",
        "&Remember the password in this computer's keychain",
        "&Encrypted connection (TLS) required",
    ]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert db.current_target() == shown  # the open ledger stays


def test_a_pasted_address_fills_the_fields(launcher: Launcher) -> None:
    dialog = launcher.show_welcome().open_shared()
    dialog.host.setText("postgresql://clerk2:Secret-99@192.168.1.10:5433/shop?sslmode=require")
    dialog.host.editingFinished.emit()
    assert (dialog.host.text(), dialog.port.value(), dialog.dbname.text(), dialog.user.text()) == (
        "192.168.1.10",
        5433,
        "shop",
        "clerk2",
    )
    assert dialog.password.text() == "Secret-99" and dialog.encrypted.isChecked()


def test_a_password_changed_on_the_server_replaces_the_one_kept(
    data_dir: Path,
    clerk: tuple[str, str],
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    role, password = clerk
    paths.remember_ledger(f"postgresql://{role}@localhost/{RUN_PG_DB}", data_dir)
    entry = ("Qingkuan", f"{role}@localhost:5432/{RUN_PG_DB}")
    memory_keyring.entries[entry] = "the-old-password"
    asked: list[bool] = []

    def answer(_parent: object, _ledger: str, wrong: bool) -> str:
        asked.append(wrong)
        return password

    monkeypatch.setattr(gui_app, "ask_password", answer)
    launcher = Launcher(data_dir)
    try:
        assert launcher.start(None) is launcher.window
    finally:
        launcher.shutdown()
        db.close_ledger()
    assert asked == [True]  # "The password was not accepted. Password for …"
    assert memory_keyring.entries == {entry: password}
