"""Choose what to print: a statement's period and as-of date, a route sheet's day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from gui import dates
from gui.operations import Operations
from gui.printing.documents import Printout, route_sheet_pdf, statement_pdf
from gui.widgets import Dialog, ErrorLabel, add_row, set_form_label
from models import clock, people, routesheets
from models.records import Customer, Route
from models.statement_prints import last_printed, next_period, record_printed


class _PrintChoiceDialog(Dialog):
    """A small form with a Preview button; `printout` holds the PDF made."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.printout: Printout | None = None
        self.form = QFormLayout()
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.make)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)

    def make(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _label(self, field: QWidget, text: str) -> None:
        set_form_label(self.form, field, text)


class StatementDialog(_PrintChoiceDialog):
    def __init__(self, ops: Operations, customer: Customer, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.customer = customer
        # From the day after the last statement printed for them (else 90 days).
        last = ops.read(self, lambda: last_printed([customer.id]).get(customer.id))
        start, end = next_period(clock.today(), last)
        self.period_from = dates.date_edit(day=start)
        self.period_to = dates.date_edit(day=end)
        # The route day the rep carries it, usually tomorrow: aging and promises as then.
        self.as_of = dates.date_edit(day=end)
        self.form.addRow(QLabel(f"<b>{customer.code} {customer.name}</b>"))
        add_row(self.form, self.period_from)
        add_row(self.form, self.period_to)
        add_row(self.form, self.as_of)
        self.period_to.dateChanged.connect(lambda d: self.as_of.setDate(d))
        self.retranslate()

    def make(self) -> None:
        cid = self.customer.id
        start, end = dates.picked_date(self.period_from), dates.picked_date(self.period_to)
        as_of = dates.picked_date(self.as_of)
        made = self.ops.read(
            self, lambda: statement_pdf(cid, start, end, as_of), on_error=self.error.show_message
        )
        if made is not None:
            self.ops.write(self, lambda: record_printed([(cid, start, end)]))
            self.printout = made
            self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print statement"))
        self._label(self.period_from, self.tr("Period &from:"))
        self._label(self.period_to, self.tr("Period &to:"))
        self._label(self.as_of, self.tr("&Aged as of:"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Preview"))


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
        self.off_day.setStyleSheet("color: #a05a00;")
        self.off_day.hide()
        add_row(self.form, self.route)
        add_row(self.form, self.day)
        self.form.addRow(self.off_day)
        self.every_stop = QCheckBox()  # stops owing nothing are left out unless ticked
        self.form.addRow(self.every_stop)
        self.route.currentIndexChanged.connect(self._route_changed)
        self.day.dateChanged.connect(self._check_day)
        self._route_changed()
        self.retranslate()

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
            self.error.show_message(self.tr("There are no routes in this ledger yet."))
            return
        day, every = dates.picked_date(self.day), self.every_stop.isChecked()
        made = self.ops.read(
            self, lambda: route_sheet_pdf(route_id, day, every), on_error=self.error.show_message
        )
        if made is not None:
            self.printout = made
            self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print route sheet"))
        self._label(self.route, self.tr("&Route:"))
        self._label(self.day, self.tr("Route &day:"))
        self.every_stop.setText(self.tr("&Every stop, also those owing nothing"))
        self._check_day()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Preview"))
