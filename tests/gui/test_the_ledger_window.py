"""The window reopens "the" ledger: the one opened last, which commands without --db use."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gui.app import Launcher
from models.storage import db, paths


def test_the_window_remembers_and_the_command_line_follows(
    launcher: Launcher, data_dir: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    other = tmp_path / "shop.qkledger"
    db.open_ledger(other)
    db.close_ledger()
    assert launcher.open(str(other))
    assert paths.the_ledger(data_dir) == str(other.resolve())
    launcher.shutdown()
    db.close_ledger()
    again = Launcher(data_dir)
    try:
        assert again.start(None) is again.window  # reopens it, not the welcome screen
        assert db.current_target() == str(other.resolve())
    finally:
        again.shutdown()
        db.close_ledger()


@pytest.mark.parametrize("missing", ["gone.qkledger"])
def test_a_remembered_file_that_is_gone_shows_the_welcome(
    launcher: Launcher, data_dir: Path, missing: str
) -> None:
    paths.remember_ledger(str(data_dir / missing), data_dir)
    assert launcher.start(None) is launcher.welcome
