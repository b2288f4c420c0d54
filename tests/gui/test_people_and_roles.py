"""Settings → People: the boss adds people, gives them roles and disables them; other
roles do not see it; the window names who is signed in and asks a ledger file that
wants sign-in for name and password. Never a real modal box."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui import sign_in
from gui.app import Launcher
from gui.mainwindow import MainWindow
from gui.settings.users import UsersDialog
from models.ledger import users
from models.storage import db
from models.vocabulary.people_records import Role
from tests.office import Office, office_fixture  # noqa: F401

BOSS_PW, CLERK_PW = "Boss-secret-1", "Clerk-secret-2"


def _dialog(window: MainWindow, qtbot: QtBot) -> UsersDialog:
    assert window.users_action.isVisible() and window.users_action.isEnabled()
    window.users_action.trigger()
    dialog = window.findChild(UsersDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.width() <= 1280 and dialog.height() <= 720
    return dialog


def _type_person(
    qtbot: QtBot, dialog: UsersDialog, name: str, role: int, pw: str, again: str
) -> None:
    dialog.name.setFocus()
    dialog.name.setText(name)  # QTest types Latin letters only
    dialog.new_role.setCurrentIndex(role)  # clerk, boss, viewer
    qtbot.keyClicks(dialog.password, pw)
    qtbot.keyClicks(dialog.again, again)
    QTest.keyClick(dialog.add_button, Qt.Key.Key_Space)


@pytest.fixture
def file_window(sqlite_ledger: str, launcher: Launcher, qtbot: QtBot) -> MainWindow:
    assert launcher.open(sqlite_ledger)
    window = launcher.window
    qtbot.waitExposed(window)
    return window


def test_the_boss_adds_people_changes_a_role_and_disables(
    file_window: MainWindow, qtbot: QtBot
) -> None:
    dialog = _dialog(file_window, qtbot)
    assert "not against someone who copies the file" in dialog.note.text()
    assert dialog.new_role.currentText() == "boss"  # the first person of a file is its boss
    _type_person(qtbot, dialog, "xiaoli", 0, CLERK_PW, CLERK_PW)
    assert "add a boss first" in dialog.error.text()  # a file's first person is its boss
    assert users.people() == []
    _type_person(qtbot, dialog, "老王", 1, BOSS_PW, BOSS_PW + "x")
    assert "passwords differ" in dialog.error.text() and users.people() == []
    dialog.name.clear()
    _type_person(qtbot, dialog, "老王", 1, BOSS_PW, BOSS_PW)
    assert users.sign_in_required() and users.signed_in_name() == "老王"
    _type_person(qtbot, dialog, "xiaoli", 0, CLERK_PW, CLERK_PW)
    assert [(p.name, p.role) for p in users.people()] == [
        ("xiaoli", Role.CLERK),
        ("老王", Role.BOSS),
    ]
    assert dialog.password.text() == dialog.again.text() == ""  # never kept on screen
    dialog.table.setCurrentCell(0, 0)
    dialog.role.setCurrentIndex(2)
    QTest.keyClick(dialog.role_button, Qt.Key.Key_Space)
    assert users.people()[0].role is Role.VIEWER
    QTest.keyClick(dialog.disable_button, Qt.Key.Key_Space)
    assert users.people()[0].disabled
    assert dialog.table.item(0, 2).text() == "disabled"
    dialog.table.setCurrentCell(1, 0)  # oneself
    QTest.keyClick(dialog.disable_button, Qt.Key.Key_Space)
    assert "cannot disable yourself" in dialog.error.text()
    dialog.reject()
    assert file_window.person_label.text() == "Signed in: 老王 (boss)"


def test_a_clerk_has_no_people_settings(
    sqlite_ledger: str, launcher: Launcher, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    users.turn_on_sign_in("老王", BOSS_PW)
    users.add_person("xiaoli", Role.CLERK, CLERK_PW)
    db.close_ledger()
    attempts: list[str] = []

    def type_in(self: sign_in.SignInDialog) -> int:
        for password in ("wrong-one", CLERK_PW):
            self.name.setText("xiaoli")
            self.password.setText(password)
            self.sign_in()
            attempts.append(self.error.text())
        return self.result()

    monkeypatch.setattr(sign_in.SignInDialog, "exec", type_in)
    assert launcher.open(sqlite_ledger)
    window = launcher.window
    qtbot.waitExposed(window)
    assert "wrong" in attempts[0]
    assert window.person_label.text() == "Signed in: xiaoli (clerk)"
    assert not window.users_action.isVisible() and not window.users_action.isEnabled()
    assert window.open_users() is None


def test_cancelling_the_sign_in_opens_nothing(
    sqlite_ledger: str, launcher: Launcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    users.turn_on_sign_in("老王", BOSS_PW)
    db.close_ledger()
    monkeypatch.setattr(sign_in.SignInDialog, "exec", lambda self: 0)
    assert not launcher.open(sqlite_ledger)
    assert db.current_target() == ""


@pytest.mark.postgres
def test_on_a_shared_ledger_the_boss_adds_a_clerk_who_sees_no_people_settings(
    office: Office, launcher: Launcher, qtbot: QtBot, tmp_path: Path
) -> None:
    db.close_ledger()
    assert launcher.open(office.url("boss"))
    window = launcher.window
    qtbot.waitExposed(window)
    assert window.person_label.text() == f"Signed in: {office.names['boss']} (boss)"
    dialog = _dialog(window, qtbot)
    assert "database itself refuses" in dialog.note.text()
    name = f"clerk2_{office.names['boss'][-8:]}"
    office.made.append(name)
    _type_person(qtbot, dialog, name, 0, CLERK_PW, CLERK_PW)
    assert (name, Role.CLERK) in [(p.name, p.role) for p in users.people()]
    dialog.reject()
    launcher.shutdown()
    clerk = Launcher(tmp_path / "data")
    assert clerk.open(office.url("clerk"))
    qtbot.waitExposed(clerk.window)
    assert not clerk.window.users_action.isVisible()
    assert clerk.window.person_label.text() == f"Signed in: {office.names['clerk']} (clerk)"
    clerk.shutdown()
