"""The import wizard refuses what the command line refuses (issue 17, point 17): an
amount split at an unquoted thousands comma, and a "file" that never ends."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gui.importing.steps import COLUMNS_PAGE, FILE
from gui.mainwindow import MainWindow
from models.exchange.importing.columns import ImportKind
from models.ledger import customers
from models.storage.tables import EntryRow
from models.vocabulary.customer_records import CustomerDraft
from tests.gui.test_import_wizard import _click, _start


def test_the_dry_run_refuses_a_split_amount(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    customers.add_customer(CustomerDraft(code="C0001", name="东城王记"))
    path = tmp_path / "e.csv"
    path.write_text(
        "customer_code,date,kind,amount,doc_no,method\nC0001,2026-11-20,delivery,1,234,\n",
        encoding="utf-8",
    )
    wizard = _start(window, qtbot, path, ImportKind.ENTRIES)
    qtbot.waitUntil(lambda: wizard.current() == COLUMNS_PAGE)
    _click(qtbot, wizard.next)
    _click(qtbot, wizard.next)
    qtbot.waitUntil(lambda: wizard.problems.count() > 0)
    texts = [wizard.problems.item(i).text() for i in range(wizard.problems.count())]
    assert texts == [
        "row 2, column amount: ‘1’ and the next cell ‘234’ look like one amount, 1,234, "
        'split at its thousands comma: put amounts with thousands separators in quotes ("1,'
        '234") or drop the comma. If the amount really is 1, write it as 1.00.'
    ]
    assert not wizard.next.isEnabled()
    assert EntryRow.select().count() == 0
    wizard.reject()


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_pipe_or_a_device_is_refused_unread(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, kind: str
) -> None:
    if kind == "fifo":
        path = tmp_path / "entries.csv"
        os.mkfifo(path)
    else:
        path = Path("/dev/zero")
    wizard = _start(window, qtbot, path, ImportKind.ENTRIES)
    assert wizard.current() == FILE
    assert wizard.error.text() == (
        f"‘{path}’ is not an ordinary file (it is a device, a pipe or a socket): save the "
        "table as a .csv or .xlsx file and import that file."
    )
    wizard.reject()
