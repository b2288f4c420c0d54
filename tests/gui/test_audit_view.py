"""Review → Audit trail (Ctrl+Shift+A): the changes with who made them, filtered by
person, customer, kind and dates, readable before → after, exported whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui import file_dialogs
from gui.audit.view import AuditDialog
from gui.mainwindow import MainWindow
from models.ledger import customers, people
from models.storage import db, session
from models.vocabulary.customer_records import CustomerDraft


def _changes() -> int:
    session.set_user("clerk2")
    try:
        c1 = customers.add_customer(
            CustomerDraft(code="C1", name="东城王记", credit_limit=5_000_00)
        )
        customers.add_customer(CustomerDraft(code="C2", name="西关李记"))
        session.set_user("boss")
        customers.update_customer(
            c1.id, CustomerDraft(code="C1", name="东城王记", credit_limit=8_000_00)
        )
        people.add_rep("张伟")
    finally:
        session.set_user("")
    return c1.id


def open_audit(window: MainWindow, qtbot: QtBot) -> AuditDialog:
    qtbot.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    found = window.findChildren(AuditDialog)
    assert len(found) == 1
    dialog = found[0]
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def shown(dialog: AuditDialog) -> list[tuple[str, str, str]]:
    model = dialog.model
    return [
        tuple(model.index(r, c).data() for c in (1, 2, 3))  # type: ignore[misc]
        for r in range(model.rowCount())
    ]


def test_every_change_with_its_person(window: MainWindow, qtbot: QtBot) -> None:
    _changes()
    dialog = open_audit(window, qtbot)
    me = "boss"
    if db.is_postgres():
        from models.storage.tables import database

        me = database.execute_sql("SELECT session_user").fetchone()[0]
    rows = shown(dialog)
    assert [r[1] for r in rows] == ["Rep added", "Customer edited", "Customer added",
                                    "Customer added"]  # fmt: skip
    assert rows[1] == (me, "Customer edited", "C1")
    assert dialog.count.text() == "4 changes."
    dialog.table.selectRow(1)
    assert dialog.details.toPlainText() == "Credit limit: 5,000.00 → 8,000.00"
    assert dialog.model.index(1, 5).data() == "Credit limit 5,000.00 → 8,000.00"


def test_filters_by_customer_kind_and_dates(window: MainWindow, qtbot: QtBot) -> None:
    _changes()
    dialog = open_audit(window, qtbot)
    qtbot.keyClicks(dialog.customer, "c1")
    qtbot.keyClick(dialog.customer, Qt.Key.Key_Return)  # the default button: Show
    assert [r[2] for r in shown(dialog)] == ["C1", "C1"]
    dialog.customer.clear()
    dialog.kind.setCurrentIndex(dialog.kind.findData("rep"))
    dialog.show_button.click()
    assert [r[1] for r in shown(dialog)] == ["Rep added"]
    dialog.kind.setCurrentIndex(0)
    day = dialog.model.record_at(0).at.date()
    dialog.by_date.setChecked(True)
    dialog.date_from.setDate(day)
    dialog.date_to.setDate(day)
    dialog.show_button.click()
    assert len(shown(dialog)) == 4
    dialog.date_from.setDate(day + dt.timedelta(days=1))
    dialog.date_to.setDate(day + dt.timedelta(days=2))
    dialog.show_button.click()
    assert shown(dialog) == [] and dialog.count.text() == "0 changes."


def test_a_wrong_filter_says_so_inline(window: MainWindow, qtbot: QtBot) -> None:
    _changes()
    dialog = open_audit(window, qtbot)
    qtbot.keyClicks(dialog.customer, "NOPE")
    dialog.show_button.click()
    assert dialog.error.text() == "There is no customer with code ‘NOPE’."
    assert shown(dialog) == []


@pytest.mark.only_on(
    "sqlite"
)  # PostgreSQL names its login (tests/models/ledger/test_audit_of_people.py)
def test_by_person(window: MainWindow, qtbot: QtBot) -> None:
    _changes()
    dialog = open_audit(window, qtbot)
    assert [dialog.person.itemText(i) for i in range(dialog.person.count())] == [
        "",
        "boss",
        "clerk2",
    ]
    dialog.person.setCurrentIndex(2)
    dialog.show_button.click()
    assert [r[0] for r in shown(dialog)] == ["clerk2", "clerk2"]


def test_a_change_made_meanwhile_shows(window: MainWindow, qtbot: QtBot) -> None:
    _changes()
    dialog = open_audit(window, qtbot)
    window.ops.write(window, lambda: people.add_route("城北线"))
    assert shown(dialog)[0][1] == "Route added"


def test_export_writes_every_match(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _changes()
    dialog = open_audit(window, qtbot)
    out = tmp_path / "audit.xlsx"
    monkeypatch.setattr(file_dialogs, "choose_output", lambda *a, **k: str(out))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert dialog.written == out
    assert dialog.count.text() == f"4 changes written to {out}."
    sheet = openpyxl.load_workbook(out).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:3] == ["When", "Who", "What"]
    assert rows[2][5] == "Credit limit 5,000.00 → 8,000.00"
    assert rows[2][6] == '{"credit_limit": 500000}'
