"""The customer page: contact, terms, limit and status at a glance; the ledger with
running balance (lazy), promises and visits; actions with keyboard shortcuts.

This module holds the page itself: the top bar, the row of actions (F-keys and More
entries), the tabs, and reading the customer (again after every change). Its parts
live beside it: page_glance.py (the facts and status lines), page_ledger.py (the
ledger tab and what acts on an entry), page_promises.py (the promises tab).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.customers.page_glance import PageGlance
from gui.customers.page_ledger import PageLedger
from gui.customers.page_promises import PagePromises
from gui.operations import Operations
from gui.table_export import read_only_view
from gui.visits.table_model import VisitModel
from models.collecting import visits
from models.ledger import aging, customers, promises, settings
from models.papers import confirmation_figures
from models.papers.statement_numbers import last_statement_number
from models.vocabulary import clock
from models.vocabulary.aging_records import AgingRow
from models.vocabulary.collecting_records import Promise, PromiseStatus, Visit
from models.vocabulary.confirmation_records import StatementReply
from models.vocabulary.customer_records import Customer
from models.vocabulary.entry_records import EntryKind


class CustomerPage(PageGlance, PageLedger, PagePromises, QWidget):
    """Emits requests; the main window opens the dialogs (it wires, this presents)."""

    back_requested = Signal()
    post_requested = Signal(str)  # EntryKind value
    void_requested = Signal(object)  # Entry
    bounce_requested = Signal(object)  # Entry
    promise_requested = Signal(object)  # Promise to reschedule, or None for a new one
    iou_requested = Signal(object)  # Promise
    visit_requested = Signal()
    statement_requested = Signal()
    wechat_requested = Signal()  # the statement as phone images
    reply_requested = Signal(str)  # record a reply to this statement number
    edit_requested = Signal(int)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.customer: Customer | None = None
        self.aging: AgingRow | None = None
        self.edges: tuple[int, ...] = ()  # the company's aging edges (Settings)
        self.broken = 0
        self.next_promise: Promise | None = None  # the soonest open promise
        self.last_visit: Visit | None = None
        self.disputes: list[StatementReply] = []  # open disputes of the customer
        self.confirmed: StatementReply | None = None  # the last statement agreed
        self.last_number = ""  # the customer's last statement number
        self._stale = False

        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back_requested)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self._edit)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        top.addWidget(self.edit_button)

        self._build_glance()

        # Actions: the common ones as buttons with F-key shortcuts, the rare in a menu.
        self.action_buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, shortcut, slot in (
            ("delivery", "F2", lambda: self.post_requested.emit(EntryKind.DELIVERY.value)),
            ("payment", "F3", lambda: self.post_requested.emit(EntryKind.PAYMENT.value)),
            ("promise", "F4", lambda: self.promise_requested.emit(None)),
            ("visit", "F6", self.visit_requested.emit),
            ("statement", "F8", self.statement_requested.emit),
            ("wechat", "Ctrl+Shift+W", self.wechat_requested.emit),
        ):
            button = QPushButton()
            button.clicked.connect(slot)
            QShortcut(QKeySequence(shortcut), self, slot)
            self.action_buttons[key] = button
            actions.addWidget(button)
        self.more_button = QPushButton()
        self.more_menu = QMenu(self)
        self.more_actions = {}
        for kind in (EntryKind.RETURN, EntryKind.DISCOUNT, EntryKind.WRITEOFF, EntryKind.OPENING):
            action = self.more_menu.addAction("")
            action.triggered.connect(lambda _=False, k=kind: self.post_requested.emit(k.value))
            self.more_actions[kind.value] = action
        self.more_menu.addSeparator()
        self.reply_action = self.more_menu.addAction("")
        self.reply_action.triggered.connect(lambda: self.reply_requested.emit(self.last_number))
        self.more_button.setMenu(self.more_menu)
        actions.addWidget(self.more_button)
        actions.addStretch(1)

        ledger_tab = self._ledger_tab()
        promise_tab = self._promises_tab()

        self.visit_model = VisitModel(self)
        self.visit_table = read_only_view(self.visit_model, "visits")
        for column, width in enumerate((130, 120, 260, 80)):
            self.visit_table.setColumnWidth(column, width)

        self.tabs = QTabWidget()
        self.tabs.addTab(ledger_tab, "")
        self.tabs.addTab(promise_tab, "")
        self.tabs.addTab(self.visit_table, "")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.facts)
        layout.addWidget(self.status)
        layout.addWidget(self.glance)
        layout.addWidget(self.aging_line)
        layout.addWidget(self.confirm_line)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence("Alt+Left"), self, self.back_requested.emit)
        ops.changed.connect(self._ledger_changed)
        ops.others_changed.connect(self._ledger_changed)  # another clerk posted
        self.retranslate()

    # --- loading -------------------------------------------------------------------
    def show_customer(self, customer_id: int) -> None:
        def load() -> None:
            self.customer = customers.get_customer(customer_id)
            self._read_status(customer_id)
            self.ledger_model.load(customer_id)
            self._show_records(promises.promises_for(customer_id), visits.visits_for(customer_id))

        self.ops.read(self, load)
        self.fit_ledger_columns()
        self.tabs.setCurrentIndex(0)
        self._show_facts()
        self._entry_selected()
        self._promise_selected()
        self.ledger_table.setFocus()
        if self.ledger_model.rowCount():
            self.ledger_table.selectRow(0)

    def _read_status(self, customer_id: int) -> None:
        self.edges = settings.get_company().aging_edges
        self.aging = aging.age_customer(customer_id, edges=self.edges)
        since = clock.today() - dt.timedelta(days=90)
        self.broken = promises.broken_counts(since, customer_id).get(customer_id, 0)
        today = clock.today()
        self.disputes = confirmation_figures.open_disputes(today, customer_id)
        self.confirmed = confirmation_figures.last_confirmed(customer_id, today)
        self.last_number = last_statement_number(customer_id)

    def _show_records(self, promise_rows: list[Promise], visit_rows: list[Visit]) -> None:
        self.promise_model.set_rows(promise_rows)
        self.visit_model.set_rows(visit_rows)
        live = [
            p for p in promise_rows if p.status is PromiseStatus.OPEN and p.replaced_by_id is None
        ]
        self.next_promise = min(live, key=lambda p: p.due_at, default=None)
        self.last_visit = visit_rows[0] if visit_rows else None  # latest first

    def _ledger_changed(self) -> None:
        if self.customer is None:
            return
        if not self.isVisible():
            self._stale = True
            return
        self.refresh()

    def showEvent(self, event: QEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale and self.customer is not None:
            self.refresh()

    def refresh(self) -> None:
        """Re-read everything of the current customer after a change."""
        self._stale = False
        if self.customer is None:
            return
        cid = self.customer.id
        current = self._current_entry()
        scrolled = self.ledger_table.verticalScrollBar().value()

        def load() -> None:
            self.customer = customers.get_customer(cid)
            self._read_status(cid)
            self.ledger_model.reload()
            self._show_records(promises.promises_for(cid), visits.visits_for(cid))

        self.ops.read(self, load)
        self.fit_ledger_columns()
        # The entry just acted on stays selected, so the clerk sees its row change.
        row = self.ledger_model.row_of(current.id) if current is not None else None
        if row is not None:
            self.ledger_table.selectRow(row)
        self.ledger_table.verticalScrollBar().setValue(scrolled)  # stays where it was read
        self._show_facts()
        self._entry_selected()
        self._promise_selected()

    def _edit(self) -> None:
        if self.customer is not None:
            self.edit_requested.emit(self.customer.id)

    # --- language ------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("← &Customers"))
        self.back_button.setToolTip(self.tr("Back to the customer list (Esc or Alt+Left)"))
        self.edit_button.setText(self.tr("&Edit customer…"))
        self._retranslate_glance()
        texts = {
            "delivery": self.tr("Delivery (F2)"),
            "payment": self.tr("Payment (F3)"),
            "promise": self.tr("Can't pay today: promise (F4)"),
            "visit": self.tr("Log visit (F6)"),
            "statement": self.tr("Statement (F8)"),
            "wechat": self.tr("For WeChat (Ctrl+Shift+W)"),
        }
        for key, text in texts.items():
            self.action_buttons[key].setText(text)
        self.more_button.setText(self.tr("More entries"))
        self.more_actions["return"].setText(self.tr("Goods returned…"))
        self.more_actions["discount"].setText(self.tr("Discount / tail cut…"))
        self.more_actions["writeoff"].setText(self.tr("Write off a bad debt…"))
        self.more_actions["opening"].setText(self.tr("Opening balance…"))
        self.reply_action.setText(self.tr("Record a &reply to a statement…"))
        self._retranslate_ledger_tab()
        self._retranslate_promises_tab()
        self.tabs.setTabText(0, self.tr("&Ledger"))
        self.tabs.setTabText(1, self.tr("Pro&mises"))
        self.tabs.setTabText(2, self.tr("V&isits"))
        for model in (self.ledger_model, self.promise_model, self.visit_model):
            model.retranslate()
        self._show_facts()
