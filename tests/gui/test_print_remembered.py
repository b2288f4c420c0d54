"""Issue 19, item 11: a printer chosen once is remembered per document kind (statements
on the laser, IOU notes on the A5 tray), in this computer's preferences; the packet
dialog's Print sends the made packet to its printer without a preview or a viewer.

This computer has no printer: `printers` is given two, and each "printer" writes a PDF
file the test reads back. The system print dialog is replaced (a real one is modal)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from gui.mainwindow import MainWindow
from gui.preferences import Preferences
from gui.printing import printers
from gui.printing.documents import Kind
from gui.printing.packet import PacketDialog
from gui.printing.preview import PreviewDialog
from models.ledger import posting, promises
from tests.gui.test_posting import _save, open_page
from tests.gui.test_route_days import _packet_route

PRINTERS = ["Laser", "A5 tray"]


class FakePrinters:
    """Two printers; each QPrinter made writes a PDF file; the print dialog is answered
    with `answer` (a printer name, or None for Cancel)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
        self.folder = folder
        self.opened: list[str] = []  # the printer each QPrinter was opened on
        self.asked: list[str] = []  # the printer preselected when the dialog showed
        self.answer: str | None = None
        self.files: list[Path] = []
        monkeypatch.setattr(printers, "available_printers", lambda: list(PRINTERS))
        monkeypatch.setattr(printers, "default_printer", lambda: "Laser")
        monkeypatch.setattr(printers, "open_printer", self.open_printer)
        monkeypatch.setattr(printers, "ask_printer", self.ask_printer)
        self.names: dict[int, str] = {}  # id of each QPrinter → the printer it prints on
        monkeypatch.setattr(printers, "printer_name", lambda p: self.names.get(id(p), ""))

    def open_printer(self, name: str) -> QPrinter:
        self.opened.append(name)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        path = self.folder / f"job-{len(self.files) + 1}.pdf"
        printer.setOutputFileName(str(path))
        self.files.append(path)
        self.printer = printer
        self.names[id(printer)] = name or "Laser"
        return printer

    def ask_printer(self, printer: QPrinter, parent: object, page_count: int) -> bool:
        self.asked.append(self.names[id(printer)])
        if self.answer is None:
            return False
        self.names[id(printer)] = self.answer
        return True


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> FakePrinters:
    return FakePrinters(monkeypatch, tmp_path)


@pytest.fixture
def never_open_a_viewer(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    opened: list[object] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    return opened


def _preview(window: MainWindow, qtbot: QtBot) -> PreviewDialog:
    qtbot.waitUntil(lambda: window.findChild(PreviewDialog) is not None)
    preview = window.findChild(PreviewDialog)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.document.pageCount() >= 1)
    return preview


def _close(window: MainWindow, qtbot: QtBot, preview: PreviewDialog) -> None:
    preview.close()
    qtbot.waitUntil(lambda: window.findChild(PreviewDialog) is None)


def _print_statement(window: MainWindow, qtbot: QtBot, shop: int) -> PreviewDialog:
    open_page(window, qtbot, shop)
    _save(qtbot, window.print_statement())
    return _preview(window, qtbot)


def _print_iou(window: MainWindow, qtbot: QtBot, shop: int) -> PreviewDialog:
    promise = promises.make_promise(shop, 100_00, dt.datetime(2026, 12, 3, 10, 0))
    window.print_iou(promise)
    return _preview(window, qtbot)


def test_each_kind_remembers_its_printer(
    window: MainWindow, qtbot: QtBot, shop: int, fake: FakePrinters, data_dir: Path
) -> None:
    posting.post_delivery(shop, dt.date(2026, 11, 2), 456_00)
    statement = _print_statement(window, qtbot, shop)
    assert statement.printout.kind == Kind.STATEMENT
    fake.answer = "Laser"
    statement.activateWindow()
    qtbot.waitUntil(statement.isActiveWindow)
    qtbot.keyClick(statement, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # Ctrl+P
    qtbot.waitUntil(lambda: statement.print_worker is None, timeout=60_000)
    assert fake.opened == [""]  # nothing remembered yet: the system's default
    assert PdfReader(fake.files[-1]).pages  # printed
    _close(window, qtbot, statement)

    iou = _print_iou(window, qtbot, shop)
    assert iou.printout.kind == Kind.IOU
    fake.answer = "A5 tray"
    iou.print_document()
    qtbot.waitUntil(lambda: iou.print_worker is None, timeout=60_000)
    assert fake.opened[-1] == ""  # IOU notes had no printer yet: not the laser
    _close(window, qtbot, iou)

    prefs = Preferences(data_dir)  # kept on this computer, not in the ledger
    assert prefs.printer(Kind.STATEMENT) == "Laser" and prefs.printer(Kind.IOU) == "A5 tray"

    fake.answer = None  # the clerk looks at the dialog and cancels
    again = _print_statement(window, qtbot, shop)
    again.print_document()
    assert fake.opened[-1] == "Laser" and fake.asked[-1] == "Laser"
    _close(window, qtbot, again)
    iou_again = _print_iou(window, qtbot, shop)
    iou_again.print_document()
    assert fake.opened[-1] == "A5 tray" and fake.asked[-1] == "A5 tray"
    _close(window, qtbot, iou_again)


def test_a_printer_no_longer_there_is_not_offered(
    window: MainWindow, qtbot: QtBot, shop: int, fake: FakePrinters, data_dir: Path
) -> None:
    Preferences(data_dir).set_printer(Kind.STATEMENT, "Old printer in the back office")
    posting.post_delivery(shop, dt.date(2026, 11, 2), 456_00)
    preview = _print_statement(window, qtbot, shop)
    preview.print_document()  # cancelled: fake.answer is None
    assert fake.opened == [""]  # the system's default, not a printer that is gone
    _close(window, qtbot, preview)


def _on_accept(dialog: PacketDialog) -> dict[str, object]:
    """What the dialog holds when accepted (it is deleted once closed)."""
    seen: dict[str, object] = {}

    def accepted() -> None:
        assert dialog.printout is not None
        seen.update(printed=dialog.printed, path=dialog.printout.path,
                    duplex=dialog.printout.duplex)  # fmt: skip

    dialog.accepted.connect(accepted)
    return seen


def test_packet_prints_without_preview_or_viewer(
    window: MainWindow,
    qtbot: QtBot,
    shop: int,
    fake: FakePrinters,
    never_open_a_viewer: list[object],
    data_dir: Path,
) -> None:
    _packet_route(shop, stops=3)
    dialog = window.print_packet()
    assert [dialog.printer.itemText(i) for i in range(dialog.printer.count())] == PRINTERS
    assert dialog.printer.currentText() == "Laser"  # the system's default at first
    dialog.printer.setCurrentIndex(1)  # the clerk picks the A5 tray
    dialog.duplex.setChecked(True)
    done = _on_accept(dialog)
    with qtbot.waitSignal(dialog.finished, timeout=60_000):
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert done["printed"] and done["duplex"]
    assert fake.opened == ["A5 tray"]
    printed, made = PdfReader(fake.files[-1]).pages, PdfReader(done["path"]).pages
    assert len(printed) == len(made) >= 4
    assert [round(float(p.mediabox.width)) for p in printed] == [
        round(float(p.mediabox.width)) for p in made
    ]
    assert window.findChild(PreviewDialog) is None  # no preview
    assert never_open_a_viewer == []  # and no PDF viewer
    assert Preferences(data_dir).printer(Kind.PACKET) == "A5 tray"

    again = window.print_packet()  # the next packet offers the printer the last went to
    assert again.printer.currentText() == "A5 tray"
    again.reject()


def test_packet_print_by_keyboard(
    window: MainWindow,
    qtbot: QtBot,
    shop: int,
    fake: FakePrinters,
    never_open_a_viewer: list[object],
) -> None:
    _packet_route(shop, stops=2)
    dialog = window.print_packet()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    done = _on_accept(dialog)
    with qtbot.waitSignal(dialog.finished, timeout=60_000):
        qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # &Print
    assert done["printed"] and fake.opened == ["Laser"]
    assert never_open_a_viewer == [] and window.findChild(PreviewDialog) is None


def test_packet_without_printers_says_so(
    window: MainWindow, qtbot: QtBot, shop: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(printers, "available_printers", lambda: [])
    monkeypatch.setattr(printers, "default_printer", lambda: "")
    _packet_route(shop, stops=1)
    dialog = window.print_packet()
    assert not dialog.printer.isEnabled() and dialog.printer.currentText()
    dialog.make_and_print()
    assert dialog.worker is None and "no printer" in dialog.error.text()
    dialog.reject()


def test_packet_refused_by_the_printer_can_go_again_or_to_the_preview(
    window: MainWindow,
    qtbot: QtBot,
    shop: int,
    fake: FakePrinters,
    monkeypatch: pytest.MonkeyPatch,
    data_dir: Path,
) -> None:
    """A refusal is said in the dialog; the packet is made (its statements counted as
    printed), so Print sends the same file again — and the first button previews it."""
    real = printers.print_pdf
    calls: list[Path] = []

    def refuse_once(path: Path, printer: QPrinter, **kw: object) -> printers.PrintReport:
        calls.append(path)
        if len(calls) == 1:
            raise printers.PrintError("The printer refused the job: out of paper")
        return real(path, printer, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(printers, "print_pdf", refuse_once)
    _packet_route(shop, stops=2)
    dialog = window.print_packet()
    dialog.make_and_print()
    qtbot.waitUntil(lambda: "out of paper" in dialog.error.text(), timeout=60_000)
    assert dialog.isVisible() and not dialog.route.isEnabled()  # made: only the printer
    assert dialog.printer.isEnabled() and "view" in dialog.ok_button.text()
    assert Preferences(data_dir).printer(Kind.PACKET) is None  # nothing printed yet
    dialog.printer.setCurrentIndex(1)
    done = _on_accept(dialog)
    with qtbot.waitSignal(dialog.finished, timeout=60_000):
        dialog.make_and_print()
    assert calls[0] == calls[1] and done["printed"]  # the same file, not a new packet
    assert Preferences(data_dir).printer(Kind.PACKET) == "A5 tray"


def test_cancel_stops_the_printing(
    window: MainWindow,
    qtbot: QtBot,
    shop: int,
    fake: FakePrinters,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    drawn = threading.Event()
    real = printers.render_page

    def slow(*args: object) -> object:  # a slow printer: Cancel comes between pages
        drawn.set()
        time.sleep(0.3)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(printers, "render_page", slow)
    _packet_route(shop, stops=4)
    dialog = window.print_packet()
    dialog.make_and_print()
    qtbot.waitUntil(drawn.is_set, timeout=60_000)
    assert "Printing page" in dialog.status.text() or dialog.progress.isVisible()
    dialog.cancel_clicked()
    qtbot.waitUntil(lambda: dialog.print_worker is None, timeout=60_000)
    assert dialog.isVisible() and not dialog.printed
    assert "cancelled" in dialog.status.text()
    assert Preferences(data_dir).printer(Kind.PACKET) is None
    dialog.reject()
