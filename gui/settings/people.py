"""Sales reps (业务员) and routes (线路): list them and add new ones, so a new ledger
can put its customers on routes."""

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

from gui.operations import Operations
from gui.settings.route_order import RouteOrderDialog
from gui.widgets import Dialog, ErrorLabel, add_row, clear_when_edited, set_form_label
from models import people


class PeopleDialog(Dialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.rep_box = QGroupBox()
        self.reps = QListWidget()
        self.rep_name = QLineEdit()
        self.rep_phone = QLineEdit()
        self.add_rep_button = QPushButton()
        self.add_rep_button.clicked.connect(self.add_rep)
        self.rep_form = QFormLayout()
        add_row(self.rep_form, self.rep_name)
        add_row(self.rep_form, self.rep_phone)
        rep_layout = QVBoxLayout(self.rep_box)
        rep_layout.addWidget(self.reps, 1)
        rep_layout.addLayout(self.rep_form)
        rep_layout.addWidget(self.add_rep_button)

        self.route_box = QGroupBox()
        self.routes = QListWidget()
        self.route_name = QLineEdit()
        self.weekdays = [QCheckBox() for _ in range(7)]
        days = QHBoxLayout()
        for check in self.weekdays:
            days.addWidget(check)
        self.route_rep = QComboBox()
        self.add_route_button = QPushButton()
        self.add_route_button.clicked.connect(self.add_route)
        self.order_button = QPushButton()
        self.order_button.clicked.connect(self.edit_order)
        self.routes.itemDoubleClicked.connect(lambda _item: self.edit_order())
        self.route_form = QFormLayout()
        add_row(self.route_form, self.route_name)
        self.days_label = add_row(self.route_form, days)
        add_row(self.route_form, self.route_rep)
        route_layout = QVBoxLayout(self.route_box)
        route_layout.addWidget(self.routes, 1)
        route_layout.addWidget(self.order_button)
        route_layout.addLayout(self.route_form)
        route_layout.addWidget(self.add_route_button)

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
        self.reload()
        clear_when_edited(self.error, self)
        self.routes.currentRowChanged.connect(self.error.clear_message)  # "choose a route"
        self.retranslate()
        self.resize(820, 480)

    def reload(self) -> None:
        reps = self.ops.read(self, people.list_reps) or []
        routes = self.ops.read(self, people.list_routes) or []
        self._routes = routes
        names = {r.id: r.name for r in reps}
        self.reps.clear()
        self.reps.addItems([f"{r.name}  {r.phone}".strip() for r in reps])
        self.routes.clear()
        self.routes.addItems(
            [
                "  ".join(
                    part
                    for part in (
                        r.name,
                        " ".join(self.day_names()[d - 1] for d in r.weekdays),
                        names.get(r.rep_id, ""),
                    )
                    if part
                )
                for r in routes
            ]
        )
        self.route_rep.clear()
        self.route_rep.addItem("", None)
        for rep in reps:
            self.route_rep.addItem(rep.name, rep.id)

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
        self.order_button.setText(self.tr("&Visit order…"))
