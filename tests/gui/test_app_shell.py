"""The packaged app's shell: Help menu, crash dialog, one window per user."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from gui import app as app_module
from gui.app import Launcher
from gui.crash import CrashDialog, crash_details, scrub
from gui.mainwindow import MainWindow
from gui.single_instance import InstanceServer, instance_key
from models.storage import db, schema
from models.vocabulary.version import version

ROOT = Path(__file__).resolve().parents[2]


def test_about_names_version_ledger_and_schema(window: MainWindow, ledger: str) -> None:
    dialog = window.help.show_about()
    text = dialog.text.text()
    assert version() in text
    assert f"schema version: {schema.SCHEMA_VERSION}" in text
    if db.is_postgres_url(ledger):
        assert "://" not in text and ":qingkuan@" not in text  # never the URL's password
        assert window.ledger_name in text
    else:
        assert str(Path(ledger)) in text
    dialog.close()


def test_shortcuts_list_every_menu_shortcut(window: MainWindow) -> None:
    dialog = window.help.show_shortcuts()
    rows = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
            for r in range(dialog.table.rowCount())}  # fmt: skip
    assert rows["Print → Call list (promises due)"] == "Ctrl+L"
    assert rows["Help → Keyboard shortcuts"] == "F1"
    assert rows["Customer page → Statement"] == "F8"
    dialog.close()


def test_help_menu_is_reachable_by_keyboard(window: MainWindow) -> None:
    assert window.help.menu.title().startswith("&")
    assert window.help.shortcuts_action.shortcut().toString() == "F1"


def test_open_data_folder_asks_the_desktop(window: MainWindow, monkeypatch, tmp_path) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        "gui.help.menu.QDesktopServices.openUrl", lambda url: opened.append(url.toLocalFile())
    )
    monkeypatch.setattr("gui.help.menu.paths.data_dir", lambda: tmp_path / "data-here")
    window.help.open_data_folder()
    assert opened == [str(tmp_path / "data-here")]
    assert (tmp_path / "data-here").is_dir()


def _raise_with_secret() -> BaseException:
    try:
        raise RuntimeError("cannot reach postgresql://clerk:S3cretPw@db.local/shop")
    except RuntimeError as err:
        return err


def test_crash_details_carry_version_and_traceback_never_a_password() -> None:
    err = _raise_with_secret()
    details = crash_details(type(err), err, err.__traceback__)
    assert f"Qingkuan {version()}" in details
    assert "Traceback" in details and "_raise_with_secret" in details
    assert "S3cretPw" not in details
    assert "postgresql://clerk@db.local/shop" in details
    assert scrub("dbname=x password=hunter2 host=y") == "dbname=x password=*** host=y"


def test_crash_dialog_copies_the_details(qtbot: QtBot, launcher: Launcher, tmp_path) -> None:
    err = _raise_with_secret()
    log = tmp_path / "qingkuan.log"
    shown: list[CrashDialog] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CrashDialog):  # not up yet on a busy machine: look again
            QTimer.singleShot(20, close_it)
            return
        shown.append(dialog)
        dialog.copy_button.click()
        dialog.reject()

    QTimer.singleShot(50, close_it)
    app_module.show_crash(err, crash_details(type(err), err, err.__traceback__), log)
    dialog = shown[0]
    assert str(log) in dialog.message.text()
    assert "S3cretPw" not in dialog.message.text()
    copied = QApplication.clipboard().text()
    assert "Traceback" in copied and version() in copied and "S3cretPw" not in copied
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_excepthook_logs_and_shows_the_dialog(launcher: Launcher, monkeypatch, tmp_path) -> None:
    seen: list[str] = []
    monkeypatch.setattr(app_module, "show_crash", lambda err, details, log: seen.append(details))
    saved = sys.excepthook
    try:
        app_module._install_excepthook(tmp_path / "qingkuan.log")
        err = _raise_with_secret()
        sys.excepthook(type(err), err, err.__traceback__)
    finally:
        sys.excepthook = saved
    assert len(seen) == 1 and "S3cretPw" not in seen[0]


def test_instance_key_is_per_user_and_data_folder(monkeypatch) -> None:
    first = instance_key()
    assert first == instance_key()
    monkeypatch.setattr("gui.single_instance.getpass.getuser", lambda: "someone-else")
    assert instance_key() != first


def _second_start(key: str, target: str) -> subprocess.Popen[str]:
    code = (
        "import sys; from PySide6.QtCore import QCoreApplication;"
        "from gui.single_instance import hand_over;"
        "app = QCoreApplication([]);"
        "sys.exit(0 if hand_over(sys.argv[1], sys.argv[2]) else 1)"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-c", code, key, target], cwd=ROOT, env=env, text=True,
    )  # fmt: skip


def test_second_start_hands_its_ledger_to_the_running_window(
    window: MainWindow, launcher: Launcher, qtbot: QtBot, tmp_path: Path
) -> None:
    other = tmp_path / "other.qkledger"
    db.open_ledger(other)
    db.close_ledger()
    current = db.current_target()
    launcher.open(current) if current else None
    key = f"qk-test-{uuid.uuid4().hex[:10]}"
    server = InstanceServer(key, launcher)
    server.ledger_requested.connect(launcher.open_requested)
    assert server.listen()
    try:
        with qtbot.waitSignal(server.ledger_requested, timeout=10_000) as signal:
            child = _second_start(key, str(other))
        qtbot.waitUntil(lambda: child.poll() is not None, timeout=10_000)
        assert child.returncode == 0  # the second start was answered and can exit
        assert signal.args == [str(other)]
        assert db.current_target() == str(other)
        assert launcher.window is not None
        assert "other.qkledger" in launcher.window.windowTitle()
    finally:
        server.close()


def test_no_running_qingkuan_means_this_start_is_the_first(qapp: object) -> None:
    child = _second_start(f"qk-test-{uuid.uuid4().hex[:10]}", "x.qkledger")
    assert child.wait(timeout=30) == 1


@pytest.mark.parametrize("argv", [["shop.qkledger"], ["/tmp/some folder/shop.qkledger"]])
def test_a_double_clicked_ledger_opens_the_window_on_it(argv: list[str]) -> None:
    from cli.parser import build_parser, ledger_shorthand

    parser = build_parser()
    args = parser.parse_args(ledger_shorthand(argv, parser))
    assert args.command is None and args.db == argv[0]
    assert ledger_shorthand(["check"], parser) == ["check"]
