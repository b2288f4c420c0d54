"""The boss's review in the window: figures, measures, charts and tables as of a date.

The review is computed on a worker thread (`BackgroundReader`): on a 10,000-customer
ledger it takes about a second, and the window stays responsive. Every figure is a
button: click it (or Tab to it and press Space) to see the customers or entries behind
it. Every table sorts by any column and exports (Ctrl+E).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui import formatting
from gui.background import BackgroundReader
from gui.dates import date_edit, picked_date
from gui.operations import Operations, show_error
from gui.review.charts import AGE, COLLECTED, DELIVERED, BarChart
from gui.review.chase_table import ChaseNeedsPage
from gui.review.commission_dialog import CommissionDialog, last_month
from gui.review.forecast_tab import ForecastTab
from gui.review.table_models import (
    BrokenModel,
    CustomerRowsModel,
    GroupModel,
    MonthModel,
    ReasonModel,
)
from gui.review.tables import DrillDialog, SortedTable
from models.papers.confirmation_figures import confirmation_summary
from models.review.groups import GroupReview
from models.review.measures import measure_help, measure_name
from models.review.promise_keeping import ReasonCount
from models.review.review import Review, customers_behind, entries_behind, review
from models.review.trends import Flow
from models.vocabulary import clock
from models.vocabulary.aging_records import AgingRow, bucket_labels
from models.vocabulary.confirmation_records import ConfirmationSummary
from models.vocabulary.entry_records import EntryKind

# Columns of the per-rep table whose figure is made of entries of these kinds.
_ENTRY_COLUMNS = {
    "Collected this month": (EntryKind.PAYMENT,),
    "Discounts and tail cuts": (EntryKind.DISCOUNT,),
    "Returns": (EntryKind.RETURN,),
    "Write-offs": (EntryKind.WRITEOFF,),
}


def _figure_button() -> QPushButton:
    button = QPushButton()
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet("text-align: left; font-weight: bold; padding: 2px 4px;")
    return button


class ReviewView(QWidget):
    """The dashboard. Emits `customer_chosen` to open a customer and `printout_ready`
    with a PDF to preview; `back_requested` on Esc."""

    customer_chosen = Signal(int)
    printout_ready = Signal(object)
    back_requested = Signal()
    loaded = Signal()

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.data: Review | None = None
        self.confirmed: ConfirmationSummary | None = None
        self.last_drill: DrillDialog | None = None
        self._stale = True
        self.reader = BackgroundReader(self)
        self.reader.loaded.connect(self._loaded)
        self.reader.failed.connect(lambda message: show_error(self, message, None))

        self.as_of_label = QLabel()
        self.as_of = date_edit(self, clock.today())
        self.as_of_label.setBuddy(self.as_of)
        self.as_of.dateChanged.connect(lambda _d: self.reload())
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.reload)
        self.status = QLabel()
        self.print_review_button = QPushButton()
        self.print_review_button.clicked.connect(self.print_review)
        self.print_rep_button = QPushButton()
        self.print_rep_button.clicked.connect(lambda: self.print_aging("rep"))
        self.print_route_button = QPushButton()
        self.print_route_button.clicked.connect(lambda: self.print_aging("route"))
        self.commission_button = QPushButton()
        self.commission_button.clicked.connect(self.show_commission)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back_requested)
        bar = QHBoxLayout()
        for w in (self.as_of_label, self.as_of, self.refresh_button, self.status):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (
            self.print_review_button,
            self.print_rep_button,
            self.print_route_button,
            self.commission_button,
            self.back_button,
        ):
            bar.addWidget(w)

        self.tabs = QTabWidget()
        self.tabs.currentChanged.connect(lambda _i: self._load_chasing())
        self.tabs.addTab(self._overview(), "")
        self.rep_model, self.route_model = GroupModel("rep", self), GroupModel("route", self)
        self.rep_table = SortedTable(self.rep_model, "reps", self)
        self.route_table = SortedTable(self.route_model, "routes", self)
        self.debtor_model = CustomerRowsModel(self)
        self.debtor_table = SortedTable(self.debtor_model, "top-debtors", self)
        self.broken_model = BrokenModel(self)
        self.broken_table = SortedTable(self.broken_model, "broken-promises", self)
        self.limit_model = CustomerRowsModel(self)
        self.limit_table = SortedTable(self.limit_model, "over-limit", self)
        self.reason_model = ReasonModel(self)
        self.reason_table = SortedTable(self.reason_model, "reasons", self)
        self.month_model = MonthModel(self)
        self.month_table = SortedTable(self.month_model, "months", self)
        self.chase_page = ChaseNeedsPage(self)
        for table in (
            self.rep_table,
            self.route_table,
            self.debtor_table,
            self.broken_table,
            self.limit_table,
            self.reason_table,
            self.month_table,
            self.chase_page.table,
        ):
            self.tabs.addTab(table if table is not self.chase_page.table else self.chase_page, "")
            table.activated.connect(lambda index, t=table: self._table_activated(t, index))
            table.doubleClicked.connect(lambda index, t=table: self._table_activated(t, index))
        self.forecast_tab = ForecastTab(self)
        self.tabs.addTab(self.forecast_tab, "")

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back_requested.emit)
        QShortcut(QKeySequence("F5"), self, self.reload)
        ops.changed.connect(self._ledger_changed)
        ops.others_changed.connect(self._ledger_changed)
        self.retranslate()

    # --- layout ----------------------------------------------------------------------
    def _overview(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout()
        self.figure_labels: dict[str, QLabel] = {}
        self.figures: dict[str, QPushButton] = {}
        keys = ["total", "overdue", "over_60", "over_limit", "dso", "best_dso", "add", "cei"]
        for i, key in enumerate(keys):
            label, button = QLabel(), _figure_button()
            label.setBuddy(button)
            button.clicked.connect(lambda _c=False, k=key: self.show_figure(k))
            row, col = divmod(i, 4)
            grid.addWidget(label, row * 2, col)
            grid.addWidget(button, row * 2 + 1, col)
            self.figure_labels[key], self.figures[key] = label, button
        # The buckets as figures too: exact amounts, and a way in from the keyboard.
        self.bucket_row = QHBoxLayout()
        self.bucket_buttons: list[QPushButton] = []
        self.flow_buttons: dict[str, QPushButton] = {}
        flows = QGridLayout()
        self.flow_labels: dict[str, QLabel] = {}
        for i, key in enumerate(("this_month", "last_month", "last_year")):
            label = QLabel()
            collected, delivered = _figure_button(), _figure_button()
            collected.clicked.connect(lambda _c=False, k=key: self.show_flow(k, EntryKind.PAYMENT))
            delivered.clicked.connect(lambda _c=False, k=key: self.show_flow(k, EntryKind.DELIVERY))
            flows.addWidget(label, 0, i)
            flows.addWidget(collected, 1, i)
            flows.addWidget(delivered, 2, i)
            self.flow_labels[key] = label
            self.flow_buttons[f"{key}:collected"] = collected
            self.flow_buttons[f"{key}:delivered"] = delivered
        self.aging_chart = BarChart()
        self.aging_chart.bar_clicked.connect(lambda i, _k: self.show_figure("bucket", i))
        self.months_chart = BarChart()
        self.months_chart.bar_clicked.connect(self._month_clicked)
        charts = QHBoxLayout()
        charts.addWidget(self.aging_chart, 2)
        charts.addWidget(self.months_chart, 3)
        # The customers' own signatures: the boss's strongest evidence of what is owed.
        self.confirm_line = QLabel()
        self.confirm_line.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addLayout(grid)
        layout.addWidget(self.confirm_line)
        layout.addLayout(self.bucket_row)
        layout.addLayout(flows)
        layout.addLayout(charts, 1)
        return page

    # --- loading ---------------------------------------------------------------------
    def _ledger_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Compute the review as of the chosen date on a worker thread."""
        self._stale = False
        self.chase_page.asked = None  # its figures are read again when next shown
        as_of = picked_date(self.as_of)
        self.status.setText(self.tr("Computing…"))
        self.reader.start(lambda: (review(as_of), confirmation_summary(as_of)))
        self.forecast_tab.reload(as_of)

    def _loaded(self, loaded: tuple[Review, ConfirmationSummary]) -> None:
        data, self.confirmed = loaded
        self.data = data
        self.status.setText("")
        self._show_figures()
        labels = [self.tr("{range} d").format(range=x) for x in bucket_labels(data.edges)]
        self.aging_chart.show_bars(
            self.tr("Open balance by age (yuan)"),
            labels,
            [(self.tr("Open"), data.buckets, AGE)],
            late_from=(len(labels) + 1) // 2,
        )
        self.months_chart.show_bars(
            self.tr("Collections and deliveries, 13 months (yuan)"),
            [f"{m.start:%y-%m}" for m in data.months],
            [
                (self.tr("Collections"), [m.collected for m in data.months], COLLECTED),
                (self.tr("Deliveries"), [m.delivered for m in data.months], DELIVERED),
            ],
        )
        for model in (self.rep_model, self.route_model):
            model.set_edges(data.edges)
            model.set_rows(data.reps if model.by == "rep" else data.routes)
        self.debtor_model.set_rows(data.top_debtors)
        self.broken_model.set_rows(data.broken_promises)
        self.limit_model.set_rows(data.over_limit)
        self.reason_model.set_rows(data.reasons)
        self.month_model.set_rows(data.months)
        self._load_chasing()
        for table in (self.rep_table, self.route_table, self.debtor_table):
            table.fit_columns()
        self.loaded.emit()

    def _load_chasing(self, again: bool = False) -> None:
        """The Chasing tab reads its figures when shown, over the review's window."""
        if self.data is not None and self.tabs.currentWidget() is self.chase_page:
            self.chase_page.load(self.data.window_start, self.data.as_of, again=again)

    def _show_figures(self) -> None:
        data = self.data
        if data is None:
            return
        late = sum(data.over_60.values())
        values = {
            "total": formatting.money(data.total),
            "overdue": formatting.money(data.overdue),
            "over_60": formatting.money(late),
            "over_limit": str(len(data.over_limit)),
            "dso": self._days(data.dso),
            "best_dso": self._days(data.best_dso),
            "add": self._days(data.add),
            "cei": "—" if data.cei is None else f"{data.cei}%",
        }
        for key, text in values.items():
            self.figures[key].setText(text)
        self._show_buckets(data)
        self._show_confirmed()
        titles = {
            "this_month": self.tr("This month"),
            "last_month": self.tr("Last month, same days"),
            "last_year": self.tr("Same month last year"),
        }
        for key, title in titles.items():
            flow: Flow = getattr(data, key)
            self.flow_labels[key].setText(
                self.tr("{title}: {start} to {end}").format(
                    title=title, start=formatting.date(flow.start), end=formatting.date(flow.end)
                )
            )
            self.flow_buttons[f"{key}:collected"].setText(
                self.tr("Collected {amount}").format(amount=formatting.money(flow.collected))
            )
            self.flow_buttons[f"{key}:delivered"].setText(
                self.tr("Delivered {amount}").format(amount=formatting.money(flow.delivered))
            )

    def _show_confirmed(self) -> None:
        """'Confirmed by the customers: 12 customers, 85,000.00 · not confirmed: 30,
        120,000.00 (disputed 2 …, unanswered 5 …, awaiting 8 …, never sent 15 …)'."""
        c = self.confirmed
        if c is None:
            self.confirm_line.setText("")
            return
        m = formatting.money
        self.confirm_line.setText(
            self.tr(
                "Balances confirmed by the customer: <b>{n}</b> customers, <b>{amount}</b> · "
                "not confirmed: <b>{un}</b>, <b>{un_amount}</b> (disputed {d}, {d_amount}; "
                "unanswered {u}, {u_amount}; awaiting reply {a}, {a_amount}; no statement "
                "{s}, {s_amount})"
            ).format(
                n=c.confirmed, amount=m(c.confirmed_amount), un=c.unconfirmed,
                un_amount=m(c.unconfirmed_amount), d=c.disputed, d_amount=m(c.disputed_amount),
                u=c.unanswered, u_amount=m(c.unanswered_amount), a=c.awaiting,
                a_amount=m(c.awaiting_amount), s=c.never_sent, s_amount=m(c.never_sent_amount),
            )
        )  # fmt: skip

    def _show_buckets(self, data: Review) -> None:
        labels = bucket_labels(data.edges)
        while len(self.bucket_buttons) < len(labels):
            button = _figure_button()
            index = len(self.bucket_buttons)
            button.clicked.connect(lambda _c=False, i=index: self.show_figure("bucket", i))
            self.bucket_row.insertWidget(index, button)
            self.bucket_buttons.append(button)
        for i, button in enumerate(self.bucket_buttons):
            button.setVisible(i < len(labels))
            if i < len(labels):
                button.setText(
                    self.tr("{range} days: {amount}").format(
                        range=labels[i], amount=formatting.money(data.buckets[i])
                    )
                )

    def _days(self, value: object) -> str:
        return "—" if value is None else self.tr("{n} days").format(n=value)

    # --- click-through ---------------------------------------------------------------
    def _drill(
        self, title: str, customers: list[AgingRow] | None = None, entries: list | None = None
    ) -> DrillDialog:
        dialog = DrillDialog(title, customers, entries, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.customer_chosen.connect(self.customer_chosen)
        dialog.open()
        self.last_drill = dialog
        return dialog

    def show_figure(self, key: str, index: int = 0) -> DrillDialog | None:
        """The customers behind a figure (a measure shows the customers who owe)."""
        if self.data is None:
            return None
        figure = {"dso": "total", "best_dso": "total", "add": "overdue", "cei": "total"}
        rows = customers_behind(self.data, figure.get(key, key), index)
        if key == "bucket":
            label = bucket_labels(self.data.edges)[index]
            title = self.tr("Customers with amounts open {range} days").format(range=label)
        else:
            title = self.figure_labels[key].text().replace("&", "")
        return self._drill(title, customers=rows)

    def _entries(
        self,
        title: str,
        kinds: tuple[EntryKind, ...],
        start: dt.date,
        end: dt.date,
        ids: tuple[int, ...] | None = None,
    ) -> DrillDialog:
        found = self.ops.read(self, lambda: entries_behind(kinds, start, end, ids))
        return self._drill(title, entries=found or [])

    def show_flow(self, key: str, kind: EntryKind) -> DrillDialog | None:
        """The payments (or deliveries) behind this month's, last month's or last
        year's figure."""
        if self.data is None:
            return None
        return self.show_entries_of(getattr(self.data, key), kind)

    def show_entries_of(self, flow: Flow, kind: EntryKind) -> DrillDialog:
        """The payments (or deliveries) of a stretch of days: a month's bar or row."""
        title = f"{kind.label} {formatting.date(flow.start)} – {formatting.date(flow.end)}"
        return self._entries(title, (kind,), flow.start, flow.end)

    def _month_clicked(self, index: int, which: int) -> None:
        if self.data is not None:
            kind = EntryKind.PAYMENT if which == 0 else EntryKind.DELIVERY
            self.show_entries_of(self.data.months[index], kind)

    def _table_activated(self, table: SortedTable, index) -> DrillDialog | None:  # type: ignore[no-untyped-def]
        record = table.record_at(index.row())
        if isinstance(record, GroupReview):
            return self._group_clicked(table, record, index.column())
        if isinstance(record, Flow):
            delivered = index.column() == MonthModel.DELIVERED
            return self.show_entries_of(
                record, EntryKind.DELIVERY if delivered else EntryKind.PAYMENT
            )
        if isinstance(record, ReasonCount) and self.data is not None:
            return self._drill(record.reason.label, customers=self.data.rows(record.customer_ids))
        customer_id = getattr(record, "customer_id", None) or getattr(
            getattr(record, "row", None), "customer_id", None
        )
        if customer_id is not None:
            self.customer_chosen.emit(customer_id)
        return None

    def _group_clicked(
        self, table: SortedTable, group: GroupReview, column: int
    ) -> DrillDialog | None:
        if self.data is None:
            return None
        header = table.source.columns[column].header
        model = self.rep_model if table is self.rep_table else self.route_model
        name = model.display_name(group)
        kinds = _ENTRY_COLUMNS.get(header)
        if kinds is not None:
            title = f"{name} · {kinds[0].label}"
            return self._entries(
                title, kinds, self.data.month_start, self.data.as_of, group.customer_ids
            )
        return self._drill(str(name), customers=self.data.rows(group.customer_ids))

    # --- printing --------------------------------------------------------------------
    def print_review(self) -> None:
        from gui.review.printing import review_pdf

        as_of = picked_date(self.as_of)
        printout = self.ops.read(self, lambda: review_pdf(as_of))
        if printout is not None:
            self.printout_ready.emit(printout)

    def print_aging(self, by: str) -> None:
        from gui.review.printing import aging_pdf

        as_of = picked_date(self.as_of)
        printout = self.ops.read(self, lambda: aging_pdf(as_of, by))
        if printout is not None:
            self.printout_ready.emit(printout)

    def show_forecast(self) -> None:
        self.tabs.setCurrentWidget(self.forecast_tab)

    def show_commission(self) -> CommissionDialog:
        """The commission of the review's month (its previous month on the 1st-5th,
        when last month's commission is what is being worked out)."""
        as_of = picked_date(self.as_of)
        month = last_month(as_of) if as_of.day <= 5 else as_of.replace(day=1)
        dialog = CommissionDialog(self.ops, month, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.printout_ready.connect(self.printout_ready)
        dialog.open()
        self.last_commission = dialog
        return dialog

    # --- language --------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.as_of_label.setText(self.tr("&As of"))
        self.refresh_button.setText(self.tr("Refresh (F5)"))
        self.print_review_button.setText(self.tr("Print &review…"))
        self.print_rep_button.setText(self.tr("Aging by r&ep…"))
        self.print_route_button.setText(self.tr("Aging by ro&ute…"))
        self.commission_button.setText(self.tr("&Commission…"))
        self.back_button.setText(self.tr("&Back (Esc)"))
        names = {
            "total": self.tr("Total owed"),
            "overdue": self.tr("Overdue"),
            "over_60": self.tr("Open over 60 days"),
            "over_limit": self.tr("Customers over their credit limit"),
        }
        for key, label in self.figure_labels.items():
            label.setText(names.get(key) or measure_name(key))
            tip = measure_help(key) if key not in names else self.tr("Click to see the customers")
            label.setToolTip(tip)
            self.figures[key].setToolTip(tip)
        titles = (
            self.tr("Overview"),
            self.tr("Per rep"),
            self.tr("Per route"),
            self.tr("Top debtors"),
            self.tr("Most broken promises"),
            self.tr("Over credit limit"),
            self.tr("Reasons for not paying"),
            self.tr("Months"),
            self.tr("Chasing steps"),
            self.tr("Cash forecast"),
        )
        for i, text in enumerate(titles):
            self.tabs.setTabText(i, text)
        for model in (
            self.rep_model,
            self.route_model,
            self.debtor_model,
            self.broken_model,
            self.limit_model,
            self.reason_model,
            self.month_model,
        ):
            model.retranslate()
        self.chase_page.retranslate()
        if self.data is not None:
            self._loaded(
                (self.data, self.confirmed)
            )  # charts, figures and headers in the new language
