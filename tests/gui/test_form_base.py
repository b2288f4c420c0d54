"""Every dialog built on the form base (gui/form.py) behaves the same for the clerk:
a bad value shows its sentence (and marks the row) until that field is edited, Esc
closes without writing anything, Enter does the dialog's job, and every labelled field
is one Alt+letter away."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

import gui.printing.dialogs as print_dialogs
from gui.form import FormDialog
from gui.importing.steps import COLUMNS_PAGE
from gui.mainwindow import MainWindow
from gui.posting.dialogs import PostingDialog
from gui.settings.route_order import RouteOrderDialog
from gui.settle.grid import COLUMN, SettleDialog
from gui.widgets import first_widget
from models.ledger import customers, people, posting
from models.storage.tables import ALL_TABLES
from models.vocabulary.collecting_records import VisitOutcome
from models.vocabulary.entry_records import EntryKind, PaymentMethod
from models.vocabulary.errors import LedgerError
from tests.gui.conftest import OFFSCREEN_NOISE, add_customer
from tests.gui.test_posting import _save, open_page
from tests.gui.walk_windows import MNEMONIC

# Not in NAMES, with the reason: each has its own tests of the same behaviour.
NOT_HERE = {
    "PacketDialog": "no field can be wrong; Cancel/Esc stop it: test_route_days",
    "RestoreDialog": "SQLite ledgers with backups only: test_backups_exports",
    "BackupFolderDialog": "needs the backup keeper: test_backups_exports",
    "ConnectDialog": "needs a PostgreSQL server and writes nothing: test_connect_dialog",
    "ReplyDialog": "a printed statement's number first; errors: test_confirmations",
    "BossApprovalDialog": "opened from a stopped delivery: test_credit_stop_dialog",
}


def ledger_now() -> list[list[dict]]:
    """Everything the ledger holds (a test ledger is small)."""
    return [list(table.select().dicts()) for table in ALL_TABLES]


def closed(dialog: QWidget) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def key(widget: QWidget, which: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    QTest.keyClick(widget, which, modifier)


@dataclass
class Case:
    """`open` the dialog; `bad` gives it a wrong value and submits, `edit` then changes
    the field the sentence was about (`field`, whose row turns red, or None when the
    sentence is about the whole form); `fill` types a good value and returns the widget
    to press Enter in; `done` says the dialog did its job."""

    open: Callable[[MainWindow, QtBot, int], FormDialog]
    bad: Callable[[QtBot, FormDialog], None]
    edit: Callable[[QtBot, FormDialog], None]
    field: Callable[[FormDialog], QWidget | None]
    fill: Callable[[QtBot, FormDialog], QWidget]
    done: Callable[[MainWindow, FormDialog, list], bool]


def wrote(_window: MainWindow, dialog: FormDialog, before: list) -> bool:
    return closed(dialog) and ledger_now() != before


def _payment(window: MainWindow, qtbot: QtBot, shop: int) -> FormDialog:
    posting.post_delivery(shop, dt.date(2026, 11, 1), 500_00)
    open_page(window, qtbot, shop)
    return window.post(EntryKind.PAYMENT)  # type: ignore[return-value]


def _amount(text: str) -> Callable[[QtBot, FormDialog], QWidget]:
    def fill(qtbot: QtBot, d: FormDialog) -> QWidget:
        d.amount.selectAll()  # type: ignore[attr-defined]
        qtbot.keyClicks(d.amount, text)  # type: ignore[attr-defined]
        return d.amount  # type: ignore[attr-defined]

    return fill


def _void(window: MainWindow, qtbot: QtBot, shop: int) -> FormDialog:
    entry = posting.post_payment(shop, dt.date(2026, 11, 26), 100_00, PaymentMethod.CASH)
    return window.void_entry(entry)


def _promise(window: MainWindow, qtbot: QtBot, shop: int) -> FormDialog:
    posting.post_delivery(shop, dt.date(2026, 11, 1), 300_00)
    open_page(window, qtbot, shop)
    dialog = window.promise()
    assert dialog is not None
    dialog.print_iou.setChecked(False)
    return dialog


def _visit(window: MainWindow, qtbot: QtBot, shop: int) -> FormDialog:
    open_page(window, qtbot, shop)
    return window.log_visit()  # type: ignore[return-value]


def _customer(code: str) -> Callable[[QtBot, FormDialog], QWidget]:
    def fill(qtbot: QtBot, d: FormDialog) -> QWidget:
        qtbot.keyClicks(d.name, "Corner shop")  # type: ignore[attr-defined]
        qtbot.keyClicks(d.code, code)  # type: ignore[attr-defined]
        return d.name  # type: ignore[attr-defined]

    return fill


def _refused(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> None:
    def refuse(*_a: object, **_k: object) -> None:
        raise LedgerError("This ledger is open read-only: nothing can be saved.")

    monkeypatch.setattr(module, name, refuse)


def _move(window: MainWindow, qtbot: QtBot, shop: int) -> FormDialog:
    return window.move_to_route([shop])


def _route_order(window: MainWindow, qtbot: QtBot, shop: int) -> FormDialog:
    add_customer("C0002", "西关李记", route_id=customers.get_customer(shop).route_id)
    route = people.route_by_name("城东线")
    assert route is not None
    return window._open(RouteOrderDialog(window.ops, route))


def _statement(window: MainWindow, qtbot: QtBot, shop: int) -> FormDialog:
    open_page(window, qtbot, shop)
    return window.print_statement()  # type: ignore[return-value]


def _previewed(window: MainWindow, dialog: FormDialog, _before: list) -> bool:
    preview = getattr(window, "last_preview", None)
    return closed(dialog) and preview is not None and preview.isVisible()


def _settle(window: MainWindow, qtbot: QtBot, shop: int) -> FormDialog:
    posting.post_delivery(shop, dt.date(2026, 10, 1), 1000_00)
    add_customer("C0002", "西关李记", route_id=customers.get_customer(shop).route_id)
    dialog = window.settle_route()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _type_cell(qtbot: QtBot, d: FormDialog, text: str) -> None:
    """Type into the first stop's 'Collected' cell as the clerk does (the first key
    opens the editor) and leave it with Tab."""
    table = d.table  # type: ignore[attr-defined]
    table.setCurrentCell(0, COLUMN["amount"])
    table.setFocus()
    for char in text:
        QTest.keyClicks(QApplication.focusWidget(), char)
    key(QApplication.focusWidget(), Qt.Key.Key_Tab)


def _settle_fill(qtbot: QtBot, d: FormDialog) -> QWidget:
    _type_cell(qtbot, d, "1000")  # Tab: on to "How", a combo editor
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QComboBox))
    QTest.keyClicks(QApplication.focusWidget(), "C")  # Cash
    return QApplication.focusWidget()


def _wizard_fill(tmp_path: Path) -> Callable[[QtBot, FormDialog], QWidget]:
    def fill(qtbot: QtBot, d: FormDialog) -> QWidget:
        book = tmp_path / "customers.csv"
        book.write_text("code,name\nC7,七号店\n", encoding="utf-8")
        d.path.setText(str(book))  # type: ignore[attr-defined]
        d.path.setFocus()  # type: ignore[attr-defined]
        return d.path  # type: ignore[attr-defined]

    return fill


def cases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Case]:
    export_to = tmp_path / "aging.xlsx"
    return {
        "PostingDialog": Case(
            _payment,
            bad=lambda qtbot, d: (qtbot.keyClicks(d.amount, "12x"), _save(qtbot, d)),
            edit=lambda qtbot, d: key(d.amount, Qt.Key.Key_Backspace),
            field=lambda d: d.amount,
            fill=_amount("100"),
            done=wrote,
        ),
        "VoidDialog": Case(
            _void,
            bad=lambda qtbot, d: _save(qtbot, d),  # no reason given
            edit=lambda qtbot, d: qtbot.keyClicks(d.reason, "t"),
            field=lambda d: None,
            fill=lambda qtbot, d: (qtbot.keyClicks(d.reason, "typed twice"), d.reason)[1],
            done=wrote,
        ),
        "PromiseDialog": Case(
            _promise,
            bad=lambda qtbot, d: (
                d.due_at.setDateTime(dt.datetime(2026, 11, 20, 10)),
                _save(qtbot, d),
            ),
            edit=lambda qtbot, d: d.due_at.setDateTime(dt.datetime(2026, 11, 28, 10)),
            field=lambda d: None,
            fill=_amount("200"),
            done=wrote,
        ),
        "VisitDialog": Case(
            _visit,
            bad=lambda qtbot, d: _save(qtbot, d),  # no outcome chosen
            edit=lambda qtbot, d: d.outcome.setCurrentIndex(
                d.outcome.findData(VisitOutcome.NOT_THERE.value)
            ),
            field=lambda d: d.outcome,
            fill=lambda qtbot, d: (
                d.outcome.setCurrentIndex(d.outcome.findData(VisitOutcome.NOT_THERE.value)),
                d.note,
            )[1],
            done=wrote,
        ),
        "CustomerDialog": Case(
            lambda window, qtbot, shop: window.new_customer(),
            bad=lambda qtbot, d: (_customer("C0001")(qtbot, d), _save(qtbot, d)),  # taken
            edit=lambda qtbot, d: qtbot.keyClicks(d.code, "9"),
            field=lambda d: None,
            fill=_customer("C0009"),
            done=wrote,
        ),
        "MoveToRouteDialog": Case(
            _move,
            bad=lambda qtbot, d: (_refused(monkeypatch, people, "move_to_route"), _save(qtbot, d)),
            # Another route than the default (the customers' own, issue 20).
            edit=lambda qtbot, d: d.route.setCurrentIndex(0 if d.route.currentIndex() else 1),
            field=lambda d: None,
            fill=lambda qtbot, d: (d.route.setCurrentIndex(0), d.route)[1],  # off the route
            done=wrote,
        ),
        "SettingsDialog": Case(
            lambda window, qtbot, shop: window.open_settings(),
            bad=lambda qtbot, d: (d.edges.setText("30, sixty"), _save(qtbot, d)),
            edit=lambda qtbot, d: qtbot.keyClicks(d.edges, "0"),
            field=lambda d: d.edges,
            fill=lambda qtbot, d: (qtbot.keyClicks(d.name, "East Wholesale"), d.name)[1],
            done=wrote,
        ),
        "RouteOrderDialog": Case(
            _route_order,
            bad=lambda qtbot, d: (
                _refused(monkeypatch, customers, "set_route_order"),
                _save(qtbot, d),
            ),
            edit=lambda qtbot, d: qtbot.mouseClick(d.down_button, Qt.MouseButton.LeftButton),
            field=lambda d: None,
            fill=lambda qtbot, d: (
                qtbot.mouseClick(d.down_button, Qt.MouseButton.LeftButton),
                d.stops,
            )[1],
            done=wrote,
        ),
        "ExportDialog": Case(
            lambda window, qtbot, shop: window.export(),
            bad=lambda qtbot, d: (d.path.setText(str(tmp_path / "aging.pdf")), _save(qtbot, d)),
            edit=lambda qtbot, d: qtbot.keyClicks(d.path, "x"),
            field=lambda d: None,
            fill=lambda qtbot, d: (d.path.setText(str(export_to)), d.path)[1],
            # It stays open to say where the file went.
            done=lambda window, d, before: export_to.exists() and d.isVisible(),
        ),
        "StatementDialog": Case(
            _statement,
            bad=lambda qtbot, d: (d.period_from.setDate(dt.date(2026, 12, 31)), _save(qtbot, d)),
            edit=lambda qtbot, d: d.period_from.setDate(dt.date(2026, 11, 1)),
            field=lambda d: None,
            fill=lambda qtbot, d: d.period_to,
            done=_previewed,
        ),
        "RouteSheetDialog": Case(
            lambda window, qtbot, shop: window.print_route_sheet(),
            bad=lambda qtbot, d: (
                _refused(monkeypatch, print_dialogs, "route_sheet_pdf"),
                _save(qtbot, d),
            ),
            edit=lambda qtbot, d: d.every_stop.setChecked(True),
            field=lambda d: None,
            fill=lambda qtbot, d: (d.every_stop.setChecked(True), d.day)[1],  # none owes yet
            done=_previewed,
        ),
        "SettleDialog": Case(
            _settle,
            bad=lambda qtbot, d: (_type_cell(qtbot, d, "12x"), _save(qtbot, d)),
            edit=lambda qtbot, d: _type_cell(qtbot, d, "1000"),
            field=lambda d: None,
            fill=_settle_fill,
            done=wrote,
        ),
        "ImportWizard": Case(
            lambda window, qtbot, shop: window.import_wizard(),
            bad=lambda qtbot, d: qtbot.mouseClick(d.next, Qt.MouseButton.LeftButton),  # no file
            edit=lambda qtbot, d: qtbot.keyClicks(d.path, "c"),
            field=lambda d: None,
            fill=_wizard_fill(tmp_path),
            # Enter is Next: the file is read and the columns come next; nothing written.
            done=lambda window, d, before: d.current() == COLUMNS_PAGE and ledger_now() == before,
        ),
    }


NAMES = [
    "PostingDialog", "VoidDialog", "PromiseDialog", "VisitDialog", "CustomerDialog",
    "MoveToRouteDialog", "SettingsDialog", "RouteOrderDialog", "ExportDialog",
    "StatementDialog", "RouteSheetDialog", "SettleDialog", "ImportWizard",
]  # fmt: skip


@pytest.fixture
def case(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Case:
    return cases(tmp_path, monkeypatch)[request.param]


def _all_subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub, *_all_subclasses(sub)}
    return found


def test_every_form_dialog_is_walked_here() -> None:
    import gui.backups.dialogs  # noqa: F401 - the dialogs not imported above
    import gui.confirmations.dialog  # noqa: F401
    import gui.posting.credit_stop  # noqa: F401
    import gui.printing.packet  # noqa: F401

    names = {c.__name__ for c in _all_subclasses(FormDialog) if not c.__name__.startswith("_")}
    assert names == set(NAMES) | set(NOT_HERE)


@pytest.mark.parametrize("case", NAMES, indirect=True)
def test_the_error_shows_and_clears_when_that_field_is_edited(
    window: MainWindow, qtbot: QtBot, shop: int, case: Case
) -> None:
    dialog = case.open(window, qtbot, shop)
    assert not dialog.error.isVisible()
    case.bad(qtbot, dialog)
    qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.error.text() and dialog.isVisible()
    field = case.field(dialog)
    label = dialog.label_of(field) if field is not None else None
    if label is not None:  # the row the sentence is about is marked, the field focused
        assert "color" in label.styleSheet() and dialog.focusWidget() is field
    case.edit(qtbot, dialog)
    assert not dialog.error.isVisible() and not dialog.error.text(), dialog.error.text()
    if label is not None:
        assert label.styleSheet() == ""


@pytest.mark.parametrize("case", NAMES, indirect=True)
def test_esc_closes_without_writing(
    window: MainWindow, qtbot: QtBot, shop: int, case: Case
) -> None:
    dialog = case.open(window, qtbot, shop)
    before = ledger_now()
    focus = case.fill(qtbot, dialog)
    key(focus, Qt.Key.Key_Escape)
    if not closed(dialog) and isinstance(dialog, SettleDialog):
        key(dialog.table, Qt.Key.Key_Escape)  # the first Esc closed the open cell editor
    qtbot.waitUntil(lambda: closed(dialog))
    assert ledger_now() == before
    assert getattr(window, "last_preview", None) is None


# Qt says this when Ctrl+S takes the text of a grid cell still being edited (the edit
# is kept), as in test_route_days.
@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "commitData called with an editor that does not belong")
@pytest.mark.parametrize("case", NAMES, indirect=True)
def test_enter_does_the_job(window: MainWindow, qtbot: QtBot, shop: int, case: Case) -> None:
    dialog = case.open(window, qtbot, shop)
    before = ledger_now()
    focus = case.fill(qtbot, dialog)
    if isinstance(dialog, SettleDialog):
        # Enter belongs to the grid (it moves down: test_route_days); Ctrl+S saves.
        key(focus, Qt.Key.Key_Return)
        assert dialog.isVisible() and ledger_now() == before
        key(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    else:
        key(focus, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: case.done(window, dialog, before), timeout=20_000)


def _first_widget(field: QWidget | QLayout) -> QWidget | None:
    return field if isinstance(field, QWidget) else first_widget(field)


@pytest.mark.parametrize("case", NAMES, indirect=True)
def test_every_labelled_field_has_a_mnemonic(
    window: MainWindow, qtbot: QtBot, shop: int, case: Case
) -> None:
    dialog = case.open(window, qtbot, shop)
    if isinstance(dialog, PostingDialog):
        dialog.method.setCurrentIndex(dialog.method.findData(PaymentMethod.CHEQUE.value))
    missing = []
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label_item is None or field_item is None:
                continue  # a spanning row: a note, or a check box with its own mnemonic
            label = label_item.widget()
            field = _first_widget(field_item.widget() or field_item.layout())
            if not isinstance(label, QLabel) or field is None or not label.isVisibleTo(dialog):
                continue
            if field.focusPolicy() == Qt.FocusPolicy.NoFocus:
                continue  # shown, not typed in ("In words:")
            if isinstance(field, QAbstractButton) and "&" in field.text():
                continue  # a radio button or tick box carries its own
            if label.buddy() is not field or "&" not in label.text():
                missing.append(label.text())
    assert missing == []


def _mnemonic_rows(dialog: FormDialog) -> list[tuple[str, QWidget]]:
    """(Alt+letter, the field it should focus) for the form rows the clerk can see."""
    rows = []
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if not isinstance(label, QLabel) or not label.isVisibleTo(dialog):
                continue
            buddy = label.buddy()
            match = MNEMONIC.search(label.text())
            if match and buddy is not None and buddy.isEnabled() and buddy.isVisibleTo(dialog):
                rows.append((match.group(1), buddy))
    return rows


@pytest.mark.parametrize("case", ["PostingDialog", "CustomerDialog", "ExportDialog"], indirect=True)
def test_alt_letter_focuses_the_field(
    window: MainWindow, qtbot: QtBot, shop: int, case: Case
) -> None:
    dialog = case.open(window, qtbot, shop)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    rows = _mnemonic_rows(dialog)
    assert len(rows) >= 3
    for letter, buddy in rows:
        key(
            QApplication.focusWidget(), Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier
        )
        assert buddy.hasFocus() or buddy.isAncestorOf(QApplication.focusWidget()), letter
    dialog.reject()
