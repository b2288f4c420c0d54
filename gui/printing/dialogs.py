"""Choose what to print: a statement's period and as-of date, a route sheet's day."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QLabel, QWidget

from gui import colours, dates
from gui.form import Button, FormDialog
from gui.operations import Operations
from gui.printing.documents import Printout, route_sheet_pdf, statement_images, statement_pdf
from models.collecting import routesheets
from models.ledger import people
from models.papers.statement_prints import last_printed, next_period, record_printed
from models.vocabulary import clock
from models.vocabulary.customer_records import Customer, Route

if TYPE_CHECKING:
    from reports.documents.phone_images import PhoneStatement


class _PrintChoiceDialog(FormDialog):
    """A small form with a Preview button; `printout` holds the PDF made."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent, ok=Button.Ok)
        self.ops = ops
        self.printout: Printout | None = None
        self.setMinimumWidth(380)

    def submit(self) -> None:
        self.make()

    def make(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def retranslate(self) -> None:
        assert self.ok_button is not None
        self.ok_button.setText(self.tr("&Preview"))


class StatementDialog(_PrintChoiceDialog):
    """The period of a statement, then the PDF preview (`printout`), or with "For
    WeChat" (the OK button when `for_phone`) the phone images (`phone`)."""

    def __init__(
        self,
        ops: Operations,
        customer: Customer,
        parent: QWidget | None = None,
        *,
        for_phone: bool = False,
    ) -> None:
        super().__init__(ops, parent)
        self.customer, self.for_phone = customer, for_phone
        self.phone: PhoneStatement | None = None
        self.phone_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.phone_button.clicked.connect(self.make_images)
        self.phone_button.setVisible(not for_phone)
        # From the day after the last statement printed for them (else 90 days).
        last = ops.read(self, lambda: last_printed([customer.id]).get(customer.id))
        start, end = next_period(clock.today(), last)
        self.period_from = dates.date_edit(day=start)
        self.period_to = dates.date_edit(day=end)
        # The route day the rep carries it, usually tomorrow: aging and promises as then.
        self.as_of = dates.date_edit(day=end)
        self.form.addRow(QLabel(f"<b>{customer.code} {customer.name}</b>"))
        for field in (self.period_from, self.period_to, self.as_of):
            self.row(field)
        self.period_to.dateChanged.connect(lambda d: self.as_of.setDate(d))
        self.ready()

    def make(self) -> None:
        if self.for_phone:
            self.make_images()
            return
        cid = self.customer.id
        start, end = dates.picked_date(self.period_from), dates.picked_date(self.period_to)
        as_of = dates.picked_date(self.as_of)
        made = self.ops.read(
            self, lambda: statement_pdf(cid, start, end, as_of), on_error=self.show_error
        )
        if made is not None:
            self.ops.write(self, lambda: record_printed([(cid, start, end)]))
            self.printout = made
            self.accept()

    def make_images(self) -> None:
        """The statement as phone images for WeChat, numbered and counted as printed."""
        cid = self.customer.id
        start, end = dates.picked_date(self.period_from), dates.picked_date(self.period_to)
        as_of = dates.picked_date(self.as_of)
        made = self.ops.read(
            self, lambda: statement_images(cid, start, end, as_of), on_error=self.show_error
        )
        if made is not None:
            self.ops.write(self, lambda: record_printed([(cid, start, end)]))
            self.phone = made
            self.accept()

    def retranslate(self) -> None:
        super().retranslate()
        self.phone_button.setText(self.tr("For &WeChat"))
        if self.for_phone:
            assert self.ok_button is not None
            self.ok_button.setText(self.tr("For &WeChat"))
        self.setWindowTitle(
            self.tr("Statement for WeChat") if self.for_phone else self.tr("Print statement")
        )
        self.set_labels(
            (
                (self.period_from, self.tr("Period &from:")),
                (self.period_to, self.tr("Period &to:")),
                (self.as_of, self.tr("&Aged as of:")),
            )
        )


class RouteSheetDialog(_PrintChoiceDialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.routes = {route.id: route for route in people.list_routes()}
        self.route = QComboBox()
        for route in self.routes.values():
            self.route.addItem(route.name, route.id)
        self.day = dates.date_edit(day=clock.today() + dt.timedelta(days=1))
        # Printing on another day stays possible (a make-up run): it is only flagged.
        self.off_day = QLabel()
        self.off_day.setWordWrap(True)
        self.off_day.setStyleSheet(colours.css(colours.warning(self.palette())))
        self.off_day.hide()
        self.row(self.route)
        self.row(self.day)
        self.form.addRow(self.off_day)
        self.every_stop = QCheckBox()  # stops owing nothing are left out unless ticked
        self.form.addRow(self.every_stop)
        self.route.currentIndexChanged.connect(self._route_changed)
        self.day.dateChanged.connect(self._check_day)
        self._route_changed()
        self.ready()

    def chosen_route(self) -> Route | None:
        return self.routes.get(self.route.currentData())

    def _route_changed(self) -> None:
        """Each route has its days: the sheet is for the route's next one."""
        route = self.chosen_route()
        if route is not None:
            self.day.setDate(routesheets.next_route_day(route, clock.today()))
        self._check_day()

    def _check_day(self) -> None:
        route = self.chosen_route()
        off = route is not None and not routesheets.is_route_day(route, dates.picked_date(self.day))
        if off and route is not None:
            names = dates.weekday_names()
            self.off_day.setText(
                self.tr("{route} runs on {days}").format(
                    route=route.name,
                    days=self.tr(", ").join(names[d - 1] for d in sorted(route.weekdays)),
                )
            )
        self.off_day.setVisible(off)

    def make(self) -> None:
        route_id = self.route.currentData()
        if route_id is None:
            self.show_error(self.tr("There are no routes in this ledger yet."))
            return
        day, every = dates.picked_date(self.day), self.every_stop.isChecked()
        made = self.ops.read(
            self, lambda: route_sheet_pdf(route_id, day, every), on_error=self.show_error
        )
        if made is not None:
            self.printout = made
            self.accept()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Print route sheet"))
        self.set_labels(((self.route, self.tr("&Route:")), (self.day, self.tr("Route &day:"))))
        self.every_stop.setText(self.tr("&Every stop, also those owing nothing"))
        self._check_day()
