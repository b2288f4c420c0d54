"""Opening ledgers the window cannot simply open: a shared ledger that wants its
password (remembered without it), a read-only ledger (a banner), an empty file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from gui import app as gui_app
from gui.app import Launcher
from gui.welcome.view import WelcomeScreen
from models.ledger import customers
from models.storage import db
from models.vocabulary.customer_records import CustomerDraft
from tests.conftest import postgres_or_skip
from tests.models.storage.test_ledger_file import _as_ordinary_user, public_dir
from tests.pg_roles import TEST_DB, make_role, url_for

__all__ = ["make_role", "public_dir"]  # fixtures, used by name


def answer_password(qtbot: QtBot, answers: list[str], labels: list[str]) -> None:
    """Type each of `answers` into the password dialogs as they come up."""

    def type_next() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, type_next)
            return
        assert dialog.textEchoMode() == QLineEdit.EchoMode.Password
        labels.append(dialog.labelText())
        dialog.setTextValue(answers.pop(0))
        dialog.accept()
        if answers:
            QTimer.singleShot(20, type_next)

    QTimer.singleShot(20, type_next)


def test_shared_ledger_is_remembered_without_its_password_and_asks_for_it(
    launcher: Launcher,
    data_dir: Path,
    qtbot: QtBot,
    make_role: Callable[..., tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    postgres_or_skip()  # an empty database: the role makes the ledger
    role, password = make_role("qk_reopen", "GRANT ALL ON SCHEMA public TO {role}")
    assert launcher.open(url_for(role, password))
    assert launcher.window is not None
    shown = f"{role}@localhost/{TEST_DB}"
    assert launcher.window.windowTitle() == f"Qingkuan 清款 – {shown}"
    launcher.shutdown()
    db.close_ledger()
    settings = (data_dir / "current-ledger.txt").read_text(encoding="utf-8")
    assert f"postgresql://{role}@localhost/{TEST_DB}" in settings
    assert password not in settings

    # The next start reopens the shared ledger, asking for the password: a wrong one
    # is asked again, cancelling nothing; the right one opens it.
    again = Launcher(data_dir)
    labels: list[str] = []
    answer_password(qtbot, ["not-it", password], labels)
    try:
        assert again.start(None) is again.window
        assert labels == [
            f"Password for {shown}:",
            f"The password was not accepted. Password for {shown}:",
        ]
    finally:
        again.shutdown()
        db.close_ledger()

    # With PGPASSWORD (or ~/.pgpass) libpq finds it: no question.
    monkeypatch.setenv("PGPASSWORD", password)
    monkeypatch.setattr(gui_app, "ask_password", lambda *a: pytest.fail("asked anyway"))
    third = Launcher(data_dir)
    try:
        assert third.start(None) is third.window
    finally:
        third.shutdown()
        db.close_ledger()


def test_cancelled_password_goes_back_to_the_welcome_screen(
    launcher: Launcher, make_role: Callable[..., tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    role, _password = make_role("qk_cancel")
    monkeypatch.setattr(gui_app, "ask_password", lambda *a: None)
    assert isinstance(launcher.start(url_for(role, "")), WelcomeScreen)
    assert db.database.obj is None


def test_read_only_ledger_opens_with_a_banner(
    launcher: Launcher, public_dir: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = public_dir / "cd-rom.qkledger"
    db.open_ledger(path)
    customers.add_customer(CustomerDraft(code="C1", name="东城王记"))
    db.close_ledger()
    path.chmod(0o444)
    public_dir.chmod(0o555)

    def as_ordinary_user(target: str) -> None:
        with _as_ordinary_user():
            db.open_ledger(target, create=False)

    monkeypatch.setattr(gui_app, "open_ledger", as_ordinary_user)
    try:
        assert launcher.open(str(path))
        window = launcher.window
        assert window is not None
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.customer_list.reader.busy is False)
        assert window.read_only_banner.isVisible()
        assert "is open read-only" in window.read_only_banner.text()
    finally:
        launcher.shutdown()
        db.close_ledger()


def test_writable_ledger_has_no_banner(window: object) -> None:
    assert not window.read_only_banner.isVisible()  # type: ignore[attr-defined]


@pytest.mark.parametrize("agreed", [True, False])
def test_a_ledger_with_a_foreign_trigger_asks_before_removing_it(
    launcher: Launcher, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, agreed: bool
) -> None:
    import sqlite3

    from gui import ledger_files
    from tests.models.storage.test_schema_audit import ATTACK, _ledger_file

    path = _ledger_file(tmp_path / "received.qkledger")
    con = sqlite3.connect(path)
    con.executescript(ATTACK)
    con.close()
    asked: list[list[str]] = []
    monkeypatch.setattr(
        ledger_files, "ask_to_remove_foreign", lambda _parent, names: asked.append(names) or agreed
    )
    shown: list[str] = []
    monkeypatch.setattr(gui_app, "tell_user", lambda _parent, _title, text: shown.append(text))
    result = launcher.start(str(path))
    assert asked == [["trigger ‘sync_contacts’"]]
    assert shown == []  # the question was the message
    if agreed:
        assert result is launcher.window and not db.is_read_only()
        assert "sync_contacts" not in str(
            db.database.execute_sql("SELECT name FROM sqlite_master").fetchall()
        )
    else:
        assert isinstance(result, WelcomeScreen)
        con = sqlite3.connect(path)
        assert con.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'sync_contacts'"
        ).fetchone() == (1,)
        con.close()
