"""Sales reps (业务员) and routes (线路): add them, and edit them — rename, change a
route's days and rep, deactivate (history stays; they leave the pick lists), put a
route's customers in visit order. Choosing one in a list puts it in the fields below;
"Save changes" writes the fields back to it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import discard
from gui.operations import Operations
from gui.settings.route_order import RouteOrderDialog
from gui.widgets import Dialog, ErrorLabel, add_row, clear_when_edited, set_form_label
from models.ledger import people


class PeopleDialog(Dialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.rep_box = QGroupBox()
        self.reps = QListWidget()
        self.rep_name = QLineEdit()
        self.rep_phone = QLineEdit()
        self.rep_active = QCheckBox()
        self.rep_active.setChecked(True)
        self.add_rep_button = QPushButton()
        self.add_rep_button.clicked.connect(self.add_rep)
        self.save_rep_button = QPushButton()
        self.save_rep_button.clicked.connect(self.save_rep)
        self.rep_form = QFormLayout()
        add_row(self.rep_form, self.rep_name)
        add_row(self.rep_form, self.rep_phone)
        self.rep_form.addRow(self.rep_active)
        rep_buttons = QHBoxLayout()
        rep_buttons.addWidget(self.add_rep_button)
        rep_buttons.addWidget(self.save_rep_button)
        rep_layout = QVBoxLayout(self.rep_box)
        rep_layout.addWidget(self.reps, 1)
        rep_layout.addLayout(self.rep_form)
        rep_layout.addLayout(rep_buttons)
        self.reps.currentRowChanged.connect(self._rep_chosen)

        self.route_box = QGroupBox()
        self.routes = QListWidget()
        self.route_name = QLineEdit()
        self.weekdays = [QCheckBox() for _ in range(7)]
        days = QHBoxLayout()
        for check in self.weekdays:
            days.addWidget(check)
        self.route_rep = QComboBox()
        self.route_active = QCheckBox()
        self.route_active.setChecked(True)
        self.add_route_button = QPushButton()
        self.add_route_button.clicked.connect(self.add_route)
        self.save_route_button = QPushButton()
        self.save_route_button.clicked.connect(self.save_route)
        self.routes.currentRowChanged.connect(self._route_chosen)
        self.order_button = QPushButton()
        self.order_button.clicked.connect(self.edit_order)
        self.routes.itemDoubleClicked.connect(lambda _item: self.edit_order())
        self.route_form = QFormLayout()
        add_row(self.route_form, self.route_name)
        self.days_label = add_row(self.route_form, days)
        add_row(self.route_form, self.route_rep)
        self.route_form.addRow(self.route_active)
        route_buttons = QHBoxLayout()
        route_buttons.addWidget(self.add_route_button)
        route_buttons.addWidget(self.save_route_button)
        route_layout = QVBoxLayout(self.route_box)
        route_layout.addWidget(self.routes, 1)
        route_layout.addWidget(self.order_button)
        route_layout.addLayout(self.route_form)
        route_layout.addLayout(route_buttons)

        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        columns = QHBoxLayout()
        columns.addWidget(self.rep_box)
        columns.addWidget(self.route_box)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # What the dialog itself put in the fields (a chosen rep or route, or nothing):
        # Esc or Close asks before dropping anything typed over it.
        self.rep_input = discard.InputSnapshot(self.rep_box)
        self.route_input = discard.InputSnapshot(self.route_box)
        self.reload()
        clear_when_edited(self.error, self)
        self.routes.currentRowChanged.connect(self.error.clear_message)  # "choose a route"
        self.retranslate()
        self.resize(820, 480)

    def reload(self) -> None:
        reps = self.ops.read(self, lambda: people.list_reps(include_inactive=True)) or []
        routes = self.ops.read(self, lambda: people.list_routes(include_inactive=True)) or []
        self._reps = reps
        self._routes = routes
        names = {r.id: r.name for r in reps}
        inactive = self.tr("(inactive)")
        rep_row, route_row = self.reps.currentRow(), self.routes.currentRow()
        self.reps.blockSignals(True)
        self.routes.blockSignals(True)
        self.reps.clear()
        self.reps.addItems(
            [
                "  ".join(p for p in (r.name, r.phone, "" if r.active else inactive) if p)
                for r in reps
            ]
        )
        self.routes.clear()
        self.routes.addItems(
            [
                "  ".join(
                    part
                    for part in (
                        r.name,
                        " ".join(self.day_names()[d - 1] for d in r.weekdays),
                        names.get(r.rep_id, ""),
                        "" if r.active else inactive,
                    )
                    if part
                )
                for r in routes
            ]
        )
        # The rep box is refilled: it keeps showing what it showed (a save reloads the
        # lists with their signals blocked, so nothing else would put it back, and the
        # next save would write "no rep").
        shown_rep = self.route_rep.currentData()
        self.route_rep.blockSignals(True)
        self.route_rep.clear()
        self.route_rep.addItem("", None)
        for rep in reps:
            if rep.active:
                self.route_rep.addItem(rep.name, rep.id)
        self._show_route_rep(shown_rep)
        self.route_rep.blockSignals(False)
        self.reps.setCurrentRow(min(rep_row, len(reps) - 1))
        self.routes.setCurrentRow(min(route_row, len(routes) - 1))
        self.reps.blockSignals(False)
        self.routes.blockSignals(False)
        self.save_rep_button.setEnabled(self.reps.currentRow() >= 0)
        self.save_route_button.setEnabled(self.routes.currentRow() >= 0)
        self.rep_input.take()
        self.route_input.take()

    def has_unsaved_input(self) -> bool:
        return self.rep_input.changed() or self.route_input.changed()

    def reject(self) -> None:
        """Esc, Close and the close button: ask before dropping typed input (there are
        two Save buttons here, so the question offers Discard or Keep editing)."""
        asked = self.has_unsaved_input() and discard.ask_discard(self, can_save=False)
        if asked and asked is not discard.Choice.DISCARD:
            return
        super().reject()

    def _rep_chosen(self, row: int) -> None:
        """Put the chosen rep in the fields, to edit it."""
        self.save_rep_button.setEnabled(row >= 0)
        if 0 <= row < len(self._reps):
            rep = self._reps[row]
            self.rep_name.setText(rep.name)
            self.rep_phone.setText(rep.phone)
            self.rep_active.setChecked(rep.active)
            self.rep_input.take()

    def _route_chosen(self, row: int) -> None:
        """Put the chosen route in the fields, to edit it."""
        self.save_route_button.setEnabled(row >= 0)
        if 0 <= row < len(self._routes):
            route = self._routes[row]
            self.route_name.setText(route.name)
            for i, check in enumerate(self.weekdays, start=1):
                check.setChecked(i in route.weekdays)
            self._show_route_rep(route.rep_id)
            self.route_active.setChecked(route.active)
            self.route_input.take()

    def _show_route_rep(self, rep_id: int | None) -> None:
        """Show `rep_id` in the rep box (blank for none)."""
        if rep_id is not None and self.route_rep.findData(rep_id) < 0:
            rep = next((r for r in self._reps if r.id == rep_id), None)
            if rep is not None:  # an inactive rep stays shown on its route
                self.route_rep.addItem(rep.name, rep.id)
        self.route_rep.setCurrentIndex(max(self.route_rep.findData(rep_id), 0))

    def save_rep(self) -> None:
        row = self.reps.currentRow()
        if not 0 <= row < len(self._reps):
            self.error.show_message(self.tr("Choose a rep first."))
            return
        rid = self._reps[row].id
        name, phone, active = (
            self.rep_name.text(),
            self.rep_phone.text(),
            self.rep_active.isChecked(),
        )
        if self.ops.write(
            self,
            lambda: people.update_rep(rid, name, phone, active),
            on_error=self.error.show_message,
        ):
            self.error.show_message("")
            self.reload()

    def save_route(self) -> None:
        row = self.routes.currentRow()
        if not 0 <= row < len(self._routes):
            self.error.show_message(self.tr("Choose a route first."))
            return
        route_id = self._routes[row].id
        name = self.route_name.text()
        days = tuple(i + 1 for i, check in enumerate(self.weekdays) if check.isChecked())
        rep_id, active = self.route_rep.currentData(), self.route_active.isChecked()
        if self.ops.write(
            self,
            lambda: people.update_route(route_id, name, days, rep_id, active),
            on_error=self.error.show_message,
        ):
            self.error.show_message("")
            self.reload()

    def edit_order(self) -> RouteOrderDialog | None:
        row = self.routes.currentRow()
        if not 0 <= row < len(self._routes):
            self.error.show_message(self.tr("Choose a route first."))
            return None
        dialog = RouteOrderDialog(self.ops, self._routes[row], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def add_rep(self) -> None:
        name, phone = self.rep_name.text(), self.rep_phone.text()
        if self.ops.write(
            self, lambda: people.add_rep(name, phone), on_error=self.error.show_message
        ):
            self.error.show_message("")
            self.rep_name.clear()
            self.rep_phone.clear()
            self.reload()

    def add_route(self) -> None:
        name = self.route_name.text()
        days = tuple(i + 1 for i, check in enumerate(self.weekdays) if check.isChecked())
        rep_id = self.route_rep.currentData()
        if self.ops.write(
            self, lambda: people.add_route(name, days, rep_id), on_error=self.error.show_message
        ):
            self.error.show_message("")
            self.route_name.clear()
            for check in self.weekdays:
                check.setChecked(False)
            self.reload()

    def day_names(self) -> tuple[str, ...]:
        return (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reps and routes"))
        if self.routes.count():
            self.reload()
        self.rep_box.setTitle(self.tr("Sales reps"))
        self.route_box.setTitle(self.tr("Routes"))
        for form, field, text in (
            (self.rep_form, self.rep_name, self.tr("&Name:")),
            (self.rep_form, self.rep_phone, self.tr("&Phone:")),
            (self.route_form, self.route_name, self.tr("Route na&me:")),
            (self.route_form, self.route_rep, self.tr("Rep &in charge:")),
        ):
            set_form_label(form, field, text)
        self.days_label.setText(self.tr("Visit days:"))
        names = (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        )
        for check, name in zip(self.weekdays, names, strict=True):
            check.setText(name)
        self.add_rep_button.setText(self.tr("Add &rep"))
        self.add_route_button.setText(self.tr("Add rou&te"))
        self.save_rep_button.setText(self.tr("Save rep changes"))
        self.save_route_button.setText(self.tr("Save route changes"))
        self.rep_active.setText(self.tr("Active (inactive: kept, left out of the pick lists)"))
        self.route_active.setText(self.tr("Active (inactive: kept, left out of the pick lists)"))
        self.order_button.setText(self.tr("&Visit order…"))
