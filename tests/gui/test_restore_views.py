"""A backup opened through "Open a ledger file…" is a read-only view, never the live
ledger; a ledger that will not open is offered its latest good backup on the welcome
screen, restored in one step."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gui.app import Launcher
from models.ledger import customers
from models.storage import backup, backup_folder, db
from models.vocabulary.errors import LedgerNotWritable
from tests.gui.conftest import add_customer


def test_a_file_from_the_backups_folder_opens_as_a_read_only_view(
    sqlite_ledger: str, launcher: Launcher, qtbot: QtBot
) -> None:
    add_customer("C1", "东城王记")
    saved = backup_folder.auto_backup(sqlite_ledger)
    db.close_ledger()
    launcher.prefs.set_last_ledger(sqlite_ledger)
    assert launcher.open(str(saved))
    window = launcher.window
    assert window is not None
    qtbot.waitUntil(lambda: not window.customer_list.reader.busy)
    assert db.is_read_only() and [c.code for c in customers.list_customers()] == ["C1"]
    assert window.read_only_banner.isVisibleTo(window)
    assert "is a backup, open read-only as a view" in window.read_only_banner.text()
    with pytest.raises(LedgerNotWritable):
        add_customer("C2", "不该写进备份")
    assert not launcher.keeper.enabled and not (saved.parent / "backups").exists()
    assert launcher.prefs.the_ledger() == sqlite_ledger  # still "the" ledger
    launcher.shutdown()
    db.close_ledger()
    assert backup.read_totals(saved).customers == 1
    assert sorted(p.name for p in saved.parent.iterdir()) == [saved.name]  # no -wal, -shm


def test_a_ledger_that_will_not_open_is_offered_its_latest_good_backup(
    sqlite_ledger: str, launcher: Launcher, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gui import app

    add_customer("C1", "东城王记")
    saved = backup_folder.auto_backup(sqlite_ledger)
    db.close_ledger()
    damaged = bytes(range(256)) * 64  # page 1 and all: it will not open
    Path(sqlite_ledger).write_bytes(damaged)
    told: list[str] = []
    monkeypatch.setattr(app, "tell_user", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(app, "inform_user", lambda _p, _t, text: told.append(text))
    welcome = launcher.start(sqlite_ledger)
    assert welcome is launcher.welcome and welcome.recovery_box.isVisibleTo(welcome)
    text = welcome.recovery_text.text()
    assert "Its latest good backup was taken 2026-11-26 09:00:00: 1 customers, 0 entries" in text
    assert str(saved) in text
    welcome.recover_button.click()  # one step
    assert launcher.window is not None
    assert [c.code for c in customers.list_customers()] == ["C1"]
    assert told[-1].startswith(f"{sqlite_ledger} restored from {saved}")
    kept = backup_folder.list_backups(saved.parent, sqlite_ledger)
    assert any(b.kind == backup_folder.DAMAGED and b.path.read_bytes() == damaged for b in kept)
    qtbot.waitUntil(lambda: not launcher.keeper.runner.busy)
