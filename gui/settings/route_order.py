"""Put a route's customers in visit order: the route sheet lists them that way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.form import FormDialog
from gui.operations import Operations
from models.ledger import customers
from models.vocabulary.customer_records import Route


class RouteOrderDialog(FormDialog):
    def __init__(self, ops: Operations, route: Route, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops, self.route = ops, route
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.stops = QListWidget()
        for c in ops.read(self, lambda: customers.route_customers(route.id)) or []:
            item = QListWidgetItem(f"{c.code}  {c.name}")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.stops.addItem(item)
        self.stops.setCurrentRow(0)
        self.stops.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)  # or drag
        self.up_button = QPushButton()
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button = QPushButton()
        self.down_button.clicked.connect(lambda: self.move(1))
        QShortcut(QKeySequence("Ctrl+Up"), self, lambda: self.move(-1))
        QShortcut(QKeySequence("Ctrl+Down"), self, lambda: self.move(1))
        side = QVBoxLayout()
        side.addWidget(self.up_button)
        side.addWidget(self.down_button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.stops, 1)
        middle.addLayout(side)
        self.body.addWidget(self.hint)
        self.body.addLayout(middle, 1)
        self.ready(self.stops)
        self.resize(480, 520)

    def move(self, step: int) -> None:
        row = self.stops.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.stops.count():
            return
        item = self.stops.takeItem(row)
        self.stops.insertItem(target, item)
        self.stops.setCurrentRow(target)
        self.error.clear_message()  # it was about the order before this move

    def order(self) -> list[int]:
        return [
            self.stops.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.stops.count())
        ]

    def submit(self) -> None:
        route_id, ids = self.route.id, self.order()
        # It returns nothing: True stands for "done".
        self.write_and_close(self.ops, lambda: customers.set_route_order(route_id, ids) or True)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Visit order: {route}").format(route=self.route.name))
        self.hint.setText(
            self.tr(
                "The route sheet lists customers in this order. Drag a customer, or move the "
                "selected one with Ctrl+↑ / Ctrl+↓."
            )
        )
        self.up_button.setText(self.tr("Move &up"))
        self.down_button.setText(self.tr("Move &down"))
