"""The customer list screen: search as you type (pinyin initials too), filters, and
the table. It loads `customer_summaries()` once per change and filters in memory."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import colours, formatting
from gui.background import BackgroundReader
from gui.customers.filters import CustomerFilter
from gui.customers.table_model import CustomerListModel
from gui.header import keep_arrow_beside_text
from gui.operations import Operations, show_error
from gui.table_export import add_export_action
from models.ledger import customers, people, summaries


def _read_names(include_archived: bool) -> tuple[list, list, list]:
    rows = customers.list_customers(include_archived)
    return rows, people.list_routes(), people.list_reps()


def _read_summaries(include_archived: bool) -> tuple[list, list, list]:
    rows = summaries.customer_summaries(include_archived=include_archived)
    return rows, people.list_routes(), people.list_reps()


def _typed(event: QKeyEvent) -> bool:
    """A key that types a character (not a shortcut, not Space or an arrow)."""
    text = event.text()
    chord = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    chord |= Qt.KeyboardModifier.MetaModifier
    return (
        bool(text) and text.isprintable() and not text.isspace() and not (event.modifiers() & chord)
    )


class CustomerListView(QWidget):
    customer_activated = Signal(int)
    new_requested = Signal()
    edit_requested = Signal(int)
    move_requested = Signal(list)  # customer ids to put on another route
    names_loaded = Signal()  # customers listed and searchable; balances still coming
    loaded = Signal()  # the list was (re)read from the ledger, balances and all

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.model = CustomerListModel(self)
        self._stale = True
        self._phase = "names"
        self.reader = BackgroundReader(self)
        self.reader.loaded.connect(self._loaded)
        self.reader.failed.connect(lambda message: show_error(self, message, None))

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.search.installEventFilter(self)
        self.route_box = QComboBox()
        self.rep_box = QComboBox()
        for box in (self.route_box, self.rep_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.currentIndexChanged.connect(self._filter_changed)
        self.overdue_check = QCheckBox()
        self.over_limit_check = QCheckBox()
        self.broken_check = QCheckBox()
        # Archived customers are read only on demand (to restore one, or look back).
        self.archived_check = QCheckBox()
        self.archived_check.toggled.connect(self.reload)
        for check in (self.overdue_check, self.over_limit_check, self.broken_check):
            check.toggled.connect(self._filter_changed)
        self.count_label = QLabel()
        self.legend = QLabel()  # what red means
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_requested)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self._edit_current)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows (Shift/Ctrl) can be moved to another route at once.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vh = self.table.verticalHeader()
        vh.setVisible(False)
        # Fixed row heights: the view never measures 10,000 rows.
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 8)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(True)
        keep_arrow_beside_text(hh)
        self.table.activated.connect(self._activated)
        self.table.installEventFilter(self)  # typing on the list searches
        self.table.doubleClicked.connect(self._activated)
        add_export_action(self.table, "customers")  # the list as filtered and sorted

        filters = QHBoxLayout()
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        filters.addWidget(self.search_label)
        filters.addWidget(self.search, 3)
        self.route_label = QLabel()
        self.route_label.setBuddy(self.route_box)
        filters.addWidget(self.route_label)
        filters.addWidget(self.route_box)
        self.rep_label = QLabel()
        self.rep_label.setBuddy(self.rep_box)
        filters.addWidget(self.rep_label)
        filters.addWidget(self.rep_box)
        checks = QHBoxLayout()
        checks.addWidget(self.overdue_check)
        checks.addWidget(self.over_limit_check)
        checks.addWidget(self.broken_check)
        checks.addWidget(self.archived_check)
        checks.addStretch(1)
        checks.addWidget(self.new_button)
        checks.addWidget(self.edit_button)
        self.move_button = QPushButton()
        self.move_button.clicked.connect(self._move_selected)
        checks.addWidget(self.move_button)
        # The totals and the legend under the list: beside the buttons they made the
        # window wider than a laptop screen.
        summary = QHBoxLayout()
        summary.addWidget(self.count_label, 1)
        summary.addWidget(self.legend)
        self.count_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(checks)
        layout.addWidget(self.table, 1)
        layout.addLayout(summary)

        # Ctrl+F is the main window's File → Find customer (bound here too, the key
        # was ambiguous and did nothing).
        QShortcut(QKeySequence("Ctrl+Shift+M"), self, self._move_selected)
        ops.changed.connect(self._ledger_changed)
        ops.others_changed.connect(self._others_changed)
        self._keep_scroll: int | None = None  # where to stay after others' change
        self.retranslate()
        # Start reading at once: the worker overlaps with building and showing the window.
        self.reload()

    # --- loading -------------------------------------------------------------------
    def _ledger_changed(self) -> None:
        # Reload now when shown, else when next shown: posting ten entries in a row on a
        # customer page should not recompute the whole list ten times.
        self._stale = True
        if self.isVisible():
            self.reload()

    def _others_changed(self) -> None:
        # Another clerk posted: the list re-reads where the clerk is, not at the top.
        if self.isVisible():
            self._keep_scroll = self.table.verticalScrollBar().value()
        self._ledger_changed()

    def showEvent(self, event: QEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Read every customer's summary once, on a worker thread (over a second on a
        10,000-customer ledger), then re-apply the filter. The old list stays usable
        meanwhile."""
        self._stale = False
        self._update_count()
        archived = self.archived_check.isChecked()
        if self.model.total_count == 0:
            # First load: names first (searchable in a fraction of the time), then
            # the balances. Later reloads keep the old list until the new one is in.
            self._phase = "names"
            self.reader.start(lambda: _read_names(archived))
        else:
            self._phase = "summaries"
            self.reader.start(lambda: _read_summaries(archived))

    def _loaded(self, result: tuple[list, list, list]) -> None:
        rows, routes, reps = result
        current = self.current_customer_id()
        self._fill_combo(self.route_box, routes)
        self._fill_combo(self.rep_box, reps)
        if self._phase == "names":
            self.model.set_customers(rows)
            archived = self.archived_check.isChecked()
            self._phase = "summaries"
            self.reader.start(lambda: _read_summaries(archived))
        else:
            self.model.set_summaries(rows)
        self.model.set_filter(self.current_filter())
        self._update_count()
        if current is not None:
            self.select_customer(current)
        elif self.model.rowCount():
            self.table.selectRow(0)
        if self._keep_scroll is not None:
            self.table.verticalScrollBar().setValue(self._keep_scroll)
            self._keep_scroll = None
        if self.model.pending:
            self.names_loaded.emit()
        else:
            self.loaded.emit()

    def _fill_combo(self, box: QComboBox, items: list) -> None:
        chosen = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("All"), None)
        for item in items:
            box.addItem(item.name, item.id)
        at = box.findData(chosen)
        box.setCurrentIndex(max(at, 0))
        box.blockSignals(False)

    # --- filtering -----------------------------------------------------------------
    def current_filter(self) -> CustomerFilter:
        return CustomerFilter(
            query=self.search.text(),
            route_id=self.route_box.currentData(),
            rep_id=self.rep_box.currentData(),
            overdue_only=self.overdue_check.isChecked(),
            over_limit=self.over_limit_check.isChecked(),
            broken_promises=self.broken_check.isChecked(),
        )

    def _filter_changed(self) -> None:
        self.model.set_filter(self.current_filter())
        self._update_count()
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def _update_count(self) -> None:
        if self.reader.busy and not self.model.total_count:
            self.count_label.setText(self.tr("Loading customers…"))
            return
        shown = self.model.rowCount()
        if self.model.pending:
            self.count_label.setText(
                self.tr("{shown} of {total} customers · reading balances…").format(
                    shown=f"{self.model.rowCount():,}", total=f"{self.model.total_count:,}"
                )
            )
            return
        # Totals of the rows shown: with a filter on, what the filtered customers owe.
        agings = [s.aging for s in self.model.visible_summaries() if s.aging is not None]
        self.count_label.setText(
            self.tr("{shown} of {total} customers · balance {balance} · overdue {overdue}").format(
                shown=f"{shown:,}",
                total=f"{self.model.total_count:,}",
                balance=formatting.balance(sum(a.balance for a in agings)),
                overdue=formatting.money(sum(a.overdue for a in agings)),
            )
        )

    def eventFilter(self, obj: QWidget, event: QEvent) -> bool:  # noqa: N802
        # Down/Enter in the search box move into the list: keyboard-first.
        if obj is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                if not self.table.selectionModel().hasSelection():
                    self.table.selectRow(0)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.model.rowCount():
                row = self.table.currentIndex().row() if self.table.currentIndex().isValid() else 0
                self.customer_activated.emit(self.model.summary_at(row).customer.id)
                return True
        if obj is self.table and event.type() == QEvent.Type.KeyPress and _typed(event):
            # Typing on the list searches (names and pinyin initials, not only the codes
            # the table's own type-ahead knows): a new search, in the search box.
            self.search.setFocus()
            self.search.selectAll()
            self.search.insert(event.text())
            return True
        return super().eventFilter(obj, event)

    # --- selection -----------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def current_customer_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.summary_at(index.row()).customer.id

    def select_customer(self, customer_id: int) -> None:
        row = self.model.row_of(customer_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def selected_customer_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.summary_at(r).customer.id for r in rows if r < self.model.rowCount()]

    def _move_selected(self) -> None:
        ids = self.selected_customer_ids()
        if ids:
            self.move_requested.emit(ids)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.customer_activated.emit(self.model.summary_at(index.row()).customer.id)

    def _edit_current(self) -> None:
        customer_id = self.current_customer_id()
        if customer_id is not None:
            self.edit_requested.emit(customer_id)

    # --- language ------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.search_label.setText(self.tr("&Search:"))
        self.search.setPlaceholderText(
            self.tr("Name, code, phone or pinyin initials (dcwj finds 东城王记)")
        )
        self.route_label.setText(self.tr("&Route:"))
        self.rep_label.setText(self.tr("R&ep:"))
        for box in (self.route_box, self.rep_box):
            if box.count():
                box.setItemText(0, self.tr("All"))
        self.overdue_check.setText(self.tr("&Overdue only"))
        self.over_limit_check.setText(self.tr("Over credit &limit"))
        self.broken_check.setText(self.tr("&Broken promises"))
        self.archived_check.setText(self.tr("Show &archived"))
        self.new_button.setText(self.tr("&New customer…"))
        self.new_button.setToolTip(self.tr("Add a customer (Ctrl+N)"))
        self.edit_button.setText(self.tr("E&dit…"))
        self.move_button.setText(self.tr("Move to route… (Ctrl+Shift+M)"))
        self.legend.setText(
            colours.span("■", colours.error(self.palette()))
            + " "
            + self.tr("red: overdue, or balance over the credit limit")
        )
        self.model.retranslate()
        self._fit_columns()
        self._update_count()

    def _fit_columns(self) -> None:
        """Starting widths, widened where a header (in this language, with its sort
        arrow) needs more."""
        hh = self.table.horizontalHeader()
        for column, width in enumerate((90, 220, 110, 80, 110, 110, 130, 130, 100)):
            self.table.setColumnWidth(column, max(width, hh.sectionSizeHint(column)))
