"""Print → Route-day packet: the route sheet and every owing stop's statement and IOU
notes in one PDF, made on a worker thread with a progress bar and Cancel.

The window stays responsive while reportlab works; Cancel stops before the next
document and leaves no file. The statements printed are remembered (a write, so on
the GUI thread) once the file is complete; then the preview offers print and save.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from gui import dates
from gui.form import Button, FormDialog
from gui.operations import Operations
from gui.preferences import Preferences
from gui.printing import printers
from gui.printing.documents import Kind, Printout, _font_warning, print_folder
from gui.printing.send import PrintWorker, remember_printer, remembered_printer, stop_worker
from models.collecting import routesheets
from models.ledger import people
from models.storage import db
from models.vocabulary import clock
from models.vocabulary.customer_records import Route
from models.vocabulary.errors import LedgerError

_serial = itertools.count(1)

# Characters Windows refuses in a file name (control characters: every system).
_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def packet_file_name(route_name: str, day: dt.date) -> str:
    """``城东-2026-12-04.pdf``: the route's name and the day, as the clerk would save it,
    safe on Windows (\\ / : * ? " < > | are left out, and a trailing dot or space; the
    date after the name keeps it from being a device name such as CON)."""
    name = _NOT_IN_NAMES.sub("", route_name).strip(" .")[:80].strip(" .")
    return f"{name}-{day.isoformat()}.pdf" if name else f"{day.isoformat()}.pdf"


def _packet_path(route_name: str, day: dt.date) -> Path:
    """Each packet in a folder of its own: an earlier one may still be open in a preview,
    and the file keeps the name the preview's Save offers."""
    folder = print_folder() / f"packet-{next(_serial)}"
    folder.mkdir(exist_ok=True)
    return folder / packet_file_name(route_name, day)


class PacketWorker(QThread):
    """Renders the packet; reads the ledger through this thread's own connection."""

    progressed = Signal(int, int, str)
    finished_with = Signal(object, object)  # (result or None, error message or None)

    def __init__(self, route_id: int, day: dt.date, options: Any, parent: QObject | None = None):
        super().__init__(parent)
        self.route_id, self.day, self.options = route_id, day, options
        self.stop = threading.Event()
        self.printed: list[tuple[int, dt.date, dt.date]] = []
        self.path = _packet_path(people.get_route(route_id).name, day)

    def run(self) -> None:
        from reports.documents.packet import render_packet

        result, error = None, None
        try:
            result = render_packet(
                self.route_id,
                self.day,
                self.path,
                self.options,
                progress=lambda done, total, title: self.progressed.emit(done, total, title),
                cancel=self.stop.is_set,
                remember=self.printed.extend,
            )
        except LedgerError as err:
            error = str(err)
        except Exception as err:  # noqa: BLE001 - shown to the user, not a crash
            error = f"{type(err).__name__}: {err}"
        finally:
            db.close_thread_connection()
        self.finished_with.emit(result, error)


class PacketDialog(FormDialog):
    """`printout` holds the finished packet when the dialog is accepted; `printed` says
    it went to the printer (Print) rather than waiting for the preview (Make packet)."""

    def __init__(
        self, ops: Operations, parent: QWidget | None = None, prefs: Preferences | None = None
    ) -> None:
        super().__init__(parent, ok=Button.Ok)
        self.ops = ops
        self.prefs = prefs
        self.printout: Printout | None = None
        self.printed = False
        self._print_when_made = False
        self.print_worker: PrintWorker | None = None
        self.worker: PacketWorker | None = None
        self.routes = {r.id: r for r in ops.read(self, people.list_routes) or []}
        self.route = QComboBox()
        for route in self.routes.values():
            self.route.addItem(route.name, route.id)
        # The packet is printed the evening before: tomorrow's route, else the first.
        tomorrow = clock.today() + dt.timedelta(days=1)
        running = routesheets.first_route_on(list(self.routes.values()), tomorrow)
        if running is not None:
            self.route.setCurrentIndex(self.route.findData(running.id))
        self.day = dates.date_edit(day=clock.today() + dt.timedelta(days=1))
        self.every_stop = QCheckBox()
        self.since_last = QRadioButton()
        self.since_last.setChecked(True)
        self.last_days = QRadioButton()
        self.days = QSpinBox()
        self.days.setRange(1, 366)
        self.days.setValue(30)
        period = QHBoxLayout()
        period.addWidget(self.since_last)
        period.addWidget(self.last_days)
        period.addWidget(self.days)
        period.addStretch(1)
        self.language = QComboBox()
        self.language.addItem("", None)
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.duplex = QCheckBox()
        self.printer = QComboBox()
        self._list_printers()
        self.print_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.make_and_print)
        self.row(self.route)
        self.row(self.day)
        self.period_label = self.row(period)
        self.row(self.language)
        self.form.addRow(self.every_stop)
        self.form.addRow(self.duplex)
        self.row(self.printer)
        self.progress = QProgressBar()
        self.progress.hide()
        self.status = QLabel()
        self.body.addWidget(self.progress)
        self.body.addWidget(self.status)
        self.route.currentIndexChanged.connect(self._route_changed)
        self._route_changed()
        self.ready()
        self.setMinimumWidth(460)

    def chosen_route(self) -> Route | None:
        return self.routes.get(self.route.currentData())

    def _list_printers(self) -> None:
        """This computer's printers, the one the last packet went to chosen (else the
        system's default)."""
        names = printers.available_printers()
        for name in names:
            self.printer.addItem(name, name)
        chosen = remembered_printer(self.prefs, Kind.PACKET) or printers.default_printer()
        if chosen in names:
            self.printer.setCurrentIndex(names.index(chosen))
        if not names:
            self.printer.addItem("", None)  # "no printer": its text in retranslate
            self.printer.setEnabled(False)

    def _route_changed(self) -> None:
        route = self.chosen_route()
        if route is not None:  # by default the route's next day
            self.day.setDate(routesheets.next_route_day(route, clock.today()))

    def options(self) -> Any:
        from reports.documents.packet import PacketOptions

        return PacketOptions(
            every_stop=self.every_stop.isChecked(),
            days=self.days.value() if self.last_days.isChecked() else None,
            lang=self.language.currentData(),
            duplex=self.duplex.isChecked(),
        )

    def submit(self) -> None:
        if self.printout is not None:  # made, but the printer refused it: the preview
            self.accept()
            return
        self.make()

    def make_and_print(self) -> None:
        """Make the packet, then send it to the chosen printer (no preview). Once made
        (a printer refused it), Print sends the same packet again."""
        if self.printer.currentData() is None:
            self.show_error(self.tr("There is no printer on this computer."), self.printer)
            return
        if self.printout is not None:
            self.send_to_printer(self.printout)
            return
        self._print_when_made = True
        self.make()
        if self.worker is None:  # refused before it started
            self._print_when_made = False

    def make(self) -> None:
        route = self.chosen_route()
        if route is None:
            self.show_error(self.tr("There are no routes in this ledger yet."))
            return
        if self.worker is not None:
            return
        self.error.clear_message()
        self.worker = PacketWorker(route.id, dates.picked_date(self.day), self.options(), self)
        self.worker.progressed.connect(self._progressed)
        self.worker.finished_with.connect(self._finished)
        for widget in self._choices():
            widget.setEnabled(False)
        assert self.ok_button is not None
        self.ok_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Reading the route…"))
        self.worker.start()

    def _choices(self) -> tuple[QWidget, ...]:
        return (self.route, self.day, self.since_last, self.last_days, self.days,
                self.language, self.every_stop, self.duplex, self.printer,
                self.print_button)  # fmt: skip

    def _progressed(self, done: int, total: int, title: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(
            self.tr("{done} of {total}: {title}").format(done=done, total=total, title=title)
        )

    def _finished(self, result: Any, error: Any) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.wait()
            worker.deleteLater()
        for widget in self._choices():
            widget.setEnabled(True)
        self.printer.setEnabled(self.printer.currentData() is not None)
        print_now, self._print_when_made = self._print_when_made, False
        assert self.ok_button is not None
        self.ok_button.setEnabled(True)
        self.progress.hide()
        self.status.clear()
        if error is not None:
            self.error.show_message(error)
            return
        if result is None or result.cancelled:
            self.reject()
            return
        from models.papers.statement_prints import record_printed

        printed = worker.printed if worker is not None else []
        self.ops.write(self, lambda: record_printed(printed))
        route = self.chosen_route()
        name = route.name if route else ""
        self.printout = Printout(
            result.files[0],
            f"{name} {dates.picked_date(self.day)}",
            _font_warning(),
            Kind.PACKET,
            duplex=self.duplex.isChecked(),
        )
        if print_now:
            self.send_to_printer(self.printout)
            return
        self.accept()

    def send_to_printer(self, printout: Printout) -> None:
        """Print the made packet on the chosen printer (on a worker thread, with the
        progress bar and Cancel) and remember the printer for the next packet."""
        printer = printers.open_printer(self.printer.currentData() or "")
        self.error.clear_message()
        self.print_worker = PrintWorker(printout, printer, self)
        self.print_worker.progressed.connect(self._print_progressed)
        self.print_worker.finished_with.connect(lambda error: self._printed(printer, error))
        self._busy(True)
        self.status.setText(self.tr("Sending to the printer…"))
        self.print_worker.start()

    def _busy(self, busy: bool) -> None:
        """While printing nothing can be changed; once made, only the printer can."""
        made = self.printout is not None
        for widget in self._choices():
            widget.setEnabled(not busy and not made)
        self.printer.setEnabled(not busy and self.printer.currentData() is not None)
        self.print_button.setEnabled(not busy)
        assert self.ok_button is not None
        self.ok_button.setEnabled(not busy)
        self.progress.setRange(0, 0)
        self.progress.setVisible(busy)

    def _print_progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(
            self.tr("Printing page {done} of {total}…").format(done=done, total=total)
        )

    def _printed(self, printer: object, error: str | None) -> None:
        worker, self.print_worker = self.print_worker, None
        if worker is not None:
            worker.wait()
            worker.deleteLater()
        self._busy(False)
        self.status.clear()
        if error is None:
            remember_printer(self.prefs, Kind.PACKET, printer)  # type: ignore[arg-type]
            self.printed = True
            self.accept()
            return
        # Made but not printed: Print tries again (another printer?), the first button
        # opens the preview instead; the statements stay remembered as printed.
        assert self.ok_button is not None
        self.ok_button.setText(self.tr("Pre&view"))
        if error:
            self.error.show_message(error)
        else:
            self.status.setText(self.tr("Printing cancelled."))

    def cancel_clicked(self) -> None:
        """Cancel stops the packet (no file is left) or the printing; when idle it closes."""
        if self.print_worker is not None:
            self.status.setText(self.tr("Cancelling…"))
            self.print_worker.stop.set()
            return
        if self.worker is not None:
            self.status.setText(self.tr("Cancelling…"))
            self.worker.stop.set()
            return
        self.reject()

    def done(self, code: int) -> None:
        """Esc or closing the window also stops the work (and leaves no file)."""
        printing, self.print_worker = self.print_worker, None
        stop_worker(printing)
        worker, self.worker = self.worker, None
        stop_worker(worker)
        super().done(code)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print route-day packet"))
        self.set_labels(
            (
                (self.route, self.tr("&Route:")),
                (self.day, self.tr("Route &day:")),
                (self.language, self.tr("&Language:")),
                (self.printer, self.tr("Print t&o:")),
            )
        )
        if self.printer.currentData() is None:
            self.printer.setItemText(0, self.tr("No printer on this computer"))
        self.print_button.setText(self.tr("&Print"))
        self.print_button.setToolTip(
            self.tr("Make the packet and send it to the printer, without a preview")
        )
        self.period_label.setText(self.tr("Statements:"))
        self.since_last.setText(self.tr("S&ince the last one printed"))
        self.last_days.setText(self.tr("Last &N days:"))
        self.language.setItemText(0, self.tr("As in Settings"))
        self.every_stop.setText(self.tr("&Every stop, also those owing nothing"))
        self.duplex.setText(self.tr("&Two-sided printing: each customer starts on a new sheet"))
        assert self.ok_button is not None
        self.ok_button.setText(self.tr("&Make packet"))
