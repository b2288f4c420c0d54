"""Move several customers to another route at once (from the customer list)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from gui.form import Button, FormDialog
from gui.operations import Operations
from models.ledger import customers, people


class MoveToRouteDialog(FormDialog):
    """They go after the route's last stop, in the order of the list."""

    def __init__(self, ops: Operations, customer_ids: list[int], parent: QWidget | None = None):
        super().__init__(parent, ok=Button.Ok)
        self.ops, self.customer_ids = ops, customer_ids
        self.intro = QLabel()
        self.route = QComboBox()
        self.route.addItem("", None)
        for route in ops.read(self, people.list_routes) or []:
            self.route.addItem(route.name, route.id)
        # Never "(no route)" by default (Enter would take them off every route): the
        # route they are all on, else the first route.
        current = ops.read(self, lambda: {customers.get_customer(i).route_id for i in customer_ids})
        shared = current.pop() if current and len(current) == 1 else None
        at = self.route.findData(shared) if shared is not None else -1
        self.route.setCurrentIndex(at if at > 0 else min(1, self.route.count() - 1))
        self.form.addRow(self.intro)
        self.row(self.route)
        self.ready(self.route)

    def submit(self) -> None:
        ids, route_id = self.customer_ids, self.route.currentData()
        self.write_and_close(self.ops, lambda: people.move_to_route(ids, route_id))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Move to route"))
        self.intro.setText(self.tr("{n} customer(s) selected.").format(n=len(self.customer_ids)))
        self.set_labels([(self.route, self.tr("&Route:"))])
        self.route.setItemText(0, self.tr("(no route)"))
