"""Settings, statement and route sheet previews, the network-share warning, and the
rule that gui/ reaches the ledger through the model API only."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui import language
from gui.app import Launcher
from gui.mainwindow import MainWindow
from gui.printing.dialogs import RouteSheetDialog, StatementDialog
from gui.printing.preview import PreviewDialog
from gui.settings.dialog import SettingsDialog
from models.ledger import customers, posting, settings
from tests.gui.test_posting import _save, open_page


def test_settings_saved_and_validated(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.open_settings()
    assert isinstance(dialog, SettingsDialog)
    dialog.name.setText("佛山东城食品批发部")
    dialog.edges.setText("30, 20")
    _save(qtbot, dialog)
    assert dialog.isVisible() and "increase" in dialog.error.text()  # the model's rule
    dialog.edges.setText("15，45，90")  # full-width commas are fine
    dialog.paper.setCurrentIndex(dialog.paper.findData("A5"))
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, dialog)
    company = settings.get_company()
    assert company.name == "佛山东城食品批发部"
    assert company.aging_edges == (15, 45, 90) and company.paper_size == "A5"


def test_optional_clauses_and_credit_code_are_off_until_set(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Issue 18: "no reply counts as confirmed" and the IOU's late-payment clause are
    off by default, switched on in Settings; the credit code is checked on Save."""
    dialog = window.open_settings()
    assert not dialog.silence_confirms.isChecked() and not dialog.iou_clause.isChecked()
    dialog.credit_code.setText("9144-0101")
    _save(qtbot, dialog)
    assert dialog.isVisible() and "18" in dialog.error.text()
    dialog.credit_code.setText("91440101ma59abcd1x")  # typed in lower case: kept in capitals
    dialog.silence_confirms.setChecked(True)
    dialog.iou_clause.setChecked(True)
    dialog.iou_clause_text.setPlainText("逾期每日按欠款万分之五支付违约金。")
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, dialog)
    company = settings.get_company()
    assert company.credit_code == "91440101MA59ABCD1X"
    assert company.silence_confirms and company.iou_default_clause
    assert company.iou_clause_text == "逾期每日按欠款万分之五支付违约金。"


def test_statement_and_route_sheet_previews(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    posting.post_delivery(shop, dt.date(2026, 11, 2), 456_00, doc_no="S-9")
    open_page(window, qtbot, shop)
    dialog = window.print_statement()
    assert isinstance(dialog, StatementDialog)
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: window.findChild(PreviewDialog) is not None)
    preview = window.findChild(PreviewDialog)
    assert preview.printout.path.read_bytes().startswith(b"%PDF")
    preview.close()
    qtbot.waitUntil(lambda: window.findChild(PreviewDialog) is None)

    sheet = window.print_route_sheet()
    assert isinstance(sheet, RouteSheetDialog)
    assert sheet.route.count() == 1
    _save(qtbot, sheet)
    qtbot.waitUntil(lambda: window.findChild(PreviewDialog) is not None)
    route_preview = window.findChild(PreviewDialog)
    assert "route" in route_preview.printout.path.name
    route_preview.close()


def test_archive_customer_from_the_edit_dialog(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    dialog = window.edit_customer(shop)
    assert dialog is not None and not dialog.archived.isHidden()
    dialog.archived.setChecked(True)
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, dialog)
    assert customers.get_customer(shop).archived
    with qtbot.waitSignal(window.customer_list.loaded):
        window.show_list()
    assert window.customer_list.model.row_of(shop) is None  # hidden from the daily list


def test_gui_uses_the_model_api_only() -> None:
    """No SQL in gui/: it never imports peewee, the tables, or a database driver."""
    forbidden = ("peewee", "models.storage.tables", "sqlite3", "psycopg2")
    gui = Path(__file__).resolve().parents[2] / "gui"
    offenders = []
    for path in gui.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.startswith(forbidden)]
    assert offenders == []


def test_add_rep_and_route(window: MainWindow, qtbot: QtBot) -> None:
    from gui.settings.people import PeopleDialog
    from models.ledger import people

    dialog = window.open_people()
    assert isinstance(dialog, PeopleDialog)
    dialog.rep_name.setText("李娜")
    qtbot.mouseClick(dialog.add_rep_button, Qt.MouseButton.LeftButton)
    assert [r.name for r in people.list_reps()] == ["李娜"]
    qtbot.mouseClick(dialog.add_rep_button, Qt.MouseButton.LeftButton)  # empty name
    assert dialog.error.text()
    dialog.route_name.setText("城西线")
    dialog.weekdays[1].setChecked(True)
    dialog.route_rep.setCurrentIndex(1)
    qtbot.mouseClick(dialog.add_route_button, Qt.MouseButton.LeftButton)
    [route] = people.list_routes()
    assert route.weekdays == (2,) and route.rep_id == people.list_reps()[0].id
    assert dialog.routes.count() == 1 and "Tue" in dialog.routes.item(0).text()


def test_print_draws_every_page(
    window: MainWindow, qtbot: QtBot, shop: int, tmp_path: Path
) -> None:
    """The print path (what QPrintDialog hands a printer to), printing to a PDF file."""
    from PySide6.QtPrintSupport import QPrinter

    posting.post_delivery(shop, dt.date(2026, 11, 2), 456_00)
    open_page(window, qtbot, shop)
    dialog = window.print_statement()
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: window.findChild(PreviewDialog) is not None)
    preview = window.findChild(PreviewDialog)
    qtbot.waitUntil(lambda: preview.document.pageCount() >= 1)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    preview.print_to(printer)
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 5_000
    preview.close()


def test_enter_in_the_list_opens_the_customer(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    view = window.customer_list
    with qtbot.waitSignal(view.loaded):
        window.ops.changed.emit()
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.customer_page)
    assert window.customer_page.customer.id == shop
    qtbot.keyClick(window.customer_page, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.customer_list


def test_preview_says_when_the_pdf_font_fell_back(
    window: MainWindow, qtbot: QtBot, shop: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gui.printing import documents
    from reports.typesetting.fonts import FontNotice

    # What reports.typesetting.fonts says on a computer without a Chinese TrueType font.
    monkeypatch.setattr(documents, "_font_warning", lambda: FontNotice("builtin").text)
    posting.post_delivery(shop, dt.date(2026, 11, 2), 10_00)
    open_page(window, qtbot, shop)
    _save(qtbot, window.print_statement())
    qtbot.waitUntil(lambda: window.findChild(PreviewDialog) is not None)
    preview = window.findChild(PreviewDialog)
    assert not preview.font_warning.isHidden()
    assert "STSong" in preview.font_warning.text()
    preview.close()


def test_route_visit_order(window: MainWindow, qtbot: QtBot, shop: int) -> None:
    from gui.settings.route_order import RouteOrderDialog
    from models.ledger import people
    from tests.gui.conftest import add_customer

    route = people.list_routes()[0]
    second = add_customer("C0002", "二号店", route_id=route.id)
    dialog = window.open_people()
    dialog.routes.setCurrentRow(0)
    order = dialog.edit_order()
    assert isinstance(order, RouteOrderDialog)
    assert order.order() == [shop, second]
    order.stops.setCurrentRow(1)
    qtbot.mouseClick(order.up_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, order)
    assert [c.id for c in customers.route_customers(route.id)] == [second, shop]


def test_screen_language_applies_on_save_only(
    window: MainWindow, launcher: Launcher, qtbot: QtBot
) -> None:
    dialog = window.open_settings()
    dialog.ui_language.setCurrentIndex(dialog.ui_language.findData("zh"))
    assert language.current() == "en"  # not yet: only Save applies it
    dialog.reject()
    qtbot.wait(50)  # a LanguageChange would be posted: give it the chance to arrive
    assert language.current() == "en" and launcher.prefs.language() == "en"
    assert window.file_menu.title() == "&File"  # the screen stayed in English

    dialog = window.open_settings()
    dialog.ui_language.setCurrentIndex(dialog.ui_language.findData("zh"))
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, dialog)
    assert language.current() == "zh" and launcher.prefs.language() == "zh"
    qtbot.waitUntil(lambda: window.file_menu.title() != "&File")  # LanguageChange is posted


def test_settings_for_the_papers(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    """Account holder, who answers questions about a statement, the slip's reply days,
    the binding margin and the company's own payment QR picture."""
    from PIL import Image

    dialog = window.open_settings()
    assert isinstance(dialog, SettingsDialog)
    assert dialog.sizeHint().height() <= 720 and dialog.sizeHint().width() <= 1280
    assert dialog.binding.isChecked() and dialog.reply_days.value() == 7
    not_a_picture = tmp_path / "qr.png"
    not_a_picture.write_text("hello")
    dialog.load_qr(str(not_a_picture))
    _save(qtbot, dialog)
    assert dialog.isVisible() and "PNG or JPEG" in dialog.error.text()
    picture = tmp_path / "wechat.png"
    Image.new("RGB", (30, 30), "white").save(picture)
    dialog.load_qr(str(picture))
    assert "KB" in dialog.qr_state.text() and dialog.qr_remove.isEnabled()
    dialog.account_holder.setText("佛山东城食品批发部")
    dialog.contact_name.setText("王会计")
    dialog.contact_phone.setText("0757-1234 5678")
    dialog.reply_days.setValue(10)
    dialog.binding.setChecked(False)
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, dialog)
    company = settings.get_company()
    assert company.account_holder == "佛山东城食品批发部" and company.reply_days == 10
    assert (company.contact_name, company.contact_phone) == ("王会计", "0757-1234 5678")
    assert not company.binding_margin and company.payment_qr == picture.read_bytes()
    again = window.open_settings()
    again._remove_qr()
    with qtbot.waitSignal(window.ops.changed):
        _save(qtbot, again)
    assert settings.get_company().payment_qr == b""
