"""Move several customers to another route at once (from the customer list)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from gui.operations import Operations
from gui.widgets import Dialog, ErrorLabel, add_row, set_form_label
from models import people


class MoveToRouteDialog(Dialog):
    """They go after the route's last stop, in the order of the list."""

    def __init__(self, ops: Operations, customer_ids: list[int], parent: QWidget | None = None):
        super().__init__(parent)
        self.ops, self.customer_ids = ops, customer_ids
        self.intro = QLabel()
        self.route = QComboBox()
        self.route.addItem("", None)
        for route in ops.read(self, people.list_routes) or []:
            self.route.addItem(route.name, route.id)
        self.form = QFormLayout()
        add_row(self.form, self.route)
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.move)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()

    def move(self) -> None:
        ids, route_id = self.customer_ids, self.route.currentData()
        moved = self.ops.write(
            self, lambda: people.move_to_route(ids, route_id), on_error=self.error.show_message
        )
        if moved is not None:
            self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Move to route"))
        self.intro.setText(self.tr("{n} customer(s) selected.").format(n=len(self.customer_ids)))
        set_form_label(self.form, self.route, self.tr("&Route:"))
        self.route.setItemText(0, self.tr("(no route)"))
