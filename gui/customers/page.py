"""The customer page: contact, terms, limit and status at a glance; the ledger with
running balance (lazy), promises and visits; actions with keyboard shortcuts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui import colours, formatting
from gui.ledger.table_model import DEFAULT_CAP, WIDTH_CAPS, LedgerModel
from gui.operations import Operations
from gui.promises.table_model import PromiseModel
from gui.table_export import read_only_table
from gui.visits.table_model import VisitModel
from models.collecting import visits
from models.ledger import aging, cheque_status, customers, promises, settings
from models.vocabulary import clock
from models.vocabulary.records import (
    AgingRow,
    ChequeStatus,
    Customer,
    EntryKind,
    Promise,
    PromiseStatus,
    Visit,
    bucket_labels,
)


def _table(model: object, name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)  # type: ignore[arg-type]
    read_only_table(table, name)
    return table


class CustomerPage(QWidget):
    """Emits requests; the main window opens the dialogs (it wires, this presents)."""

    back_requested = Signal()
    post_requested = Signal(str)  # EntryKind value
    void_requested = Signal(object)  # Entry
    bounce_requested = Signal(object)  # Entry
    promise_requested = Signal(object)  # Promise to reschedule, or None for a new one
    iou_requested = Signal(object)  # Promise
    visit_requested = Signal()
    statement_requested = Signal()
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

        # Facts at a glance: label / value pairs in a grid.
        self.facts = QGridLayout()
        self.fact_labels: dict[str, QLabel] = {}
        self.fact_values: dict[str, QLabel] = {}
        keys = ("contact", "phones", "address", "payer", "route", "terms", "limit", "notes")
        for i, key in enumerate(keys):
            label, value = QLabel(), QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(
                value.textInteractionFlags() | value.textInteractionFlags().TextSelectableByMouse
            )
            self.fact_labels[key], self.fact_values[key] = label, value
            row, col = divmod(i, 2)
            self.facts.addWidget(label, row, col * 2)
            self.facts.addWidget(value, row, col * 2 + 1)
        self.facts.setColumnStretch(1, 1)
        self.facts.setColumnStretch(3, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.glance = QLabel()  # the next promise and the last visit
        self.glance.setWordWrap(True)
        status_font = self.status.font()
        status_font.setPointSizeF(status_font.pointSizeF() * 1.15)
        self.status.setFont(status_font)
        # The open balance by age, in the buckets set under Settings → aging edges.
        self.aging_line = QLabel()
        self.aging_line.setWordWrap(True)

        # Actions: the common ones as buttons with F-key shortcuts, the rare in a menu.
        self.action_buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, shortcut, slot in (
            ("delivery", "F2", lambda: self.post_requested.emit(EntryKind.DELIVERY.value)),
            ("payment", "F3", lambda: self.post_requested.emit(EntryKind.PAYMENT.value)),
            ("promise", "F4", lambda: self.promise_requested.emit(None)),
            ("visit", "F6", self.visit_requested.emit),
            ("statement", "F8", self.statement_requested.emit),
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
        self.more_button.setMenu(self.more_menu)
        actions.addWidget(self.more_button)
        actions.addStretch(1)

        self.ledger_model = LedgerModel(self)
        self.ledger_table = _table(self.ledger_model, "ledger")
        self.ledger_model.view = self.ledger_table  # long details get a tooltip
        self.void_button = QPushButton()
        self.void_button.clicked.connect(self._void)
        self.bounce_button = QPushButton()
        self.bounce_button.clicked.connect(self._bounce)
        # A cheque moves on: received → deposited → cleared (bouncing voids the payment).
        self.deposited_button = QPushButton()
        self.deposited_button.clicked.connect(lambda: self._cheque_status(ChequeStatus.DEPOSITED))
        self.cleared_button = QPushButton()
        self.cleared_button.clicked.connect(lambda: self._cheque_status(ChequeStatus.CLEARED))
        # A status set by mistake is set back (the history keeps both moves).
        self.set_back_button = QPushButton()
        self.set_back_button.clicked.connect(self._set_back)
        QShortcut(QKeySequence("Ctrl+Del"), self, self._void)
        self.ledger_count = QLabel()
        ledger_tab = QWidget()
        ledger_buttons = QHBoxLayout()
        ledger_buttons.addWidget(self.ledger_count, 1)
        ledger_buttons.addWidget(self.void_button)
        ledger_buttons.addWidget(self.deposited_button)
        ledger_buttons.addWidget(self.cleared_button)
        ledger_buttons.addWidget(self.set_back_button)
        ledger_buttons.addWidget(self.bounce_button)
        ledger_layout = QVBoxLayout(ledger_tab)
        ledger_layout.addWidget(self.ledger_table, 1)
        ledger_layout.addLayout(ledger_buttons)
        self.ledger_table.selectionModel().currentRowChanged.connect(self._entry_selected)

        self.promise_model = PromiseModel(self)
        self.promise_table = _table(self.promise_model, "promises")
        for column, width in enumerate((90, 130, 110, 110, 80, 90, 120, 80)):
            self.promise_table.setColumnWidth(column, width)
        self.reschedule_button = QPushButton()
        self.reschedule_button.clicked.connect(self._reschedule)
        self.cancel_promise_button = QPushButton()
        self.cancel_promise_button.clicked.connect(self._cancel_promise)
        self.iou_button = QPushButton()
        self.iou_button.clicked.connect(self._iou)
        promise_tab = QWidget()
        promise_buttons = QHBoxLayout()
        promise_buttons.addStretch(1)
        for button in (self.iou_button, self.reschedule_button, self.cancel_promise_button):
            promise_buttons.addWidget(button)
        promise_layout = QVBoxLayout(promise_tab)
        promise_layout.addWidget(self.promise_table, 1)
        promise_layout.addLayout(promise_buttons)
        self.promise_table.selectionModel().currentRowChanged.connect(self._promise_selected)

        self.visit_model = VisitModel(self)
        self.visit_table = _table(self.visit_model, "visits")
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
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence("Alt+Left"), self, self.back_requested.emit)
        ops.changed.connect(self._ledger_changed)
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
        self._show_facts()
        self._entry_selected()
        self._promise_selected()

    def select_entry(self, entry_id: int) -> None:
        """Select (and scroll to) an entry just posted, reading further pages of a long
        ledger until its row is there: the clerk sees what was saved, wherever its date
        put it, not the row that was selected before."""
        row = self.ledger_model.row_of(entry_id)
        while row is None and self.ledger_model.canFetchMore():
            self.ledger_model.fetchMore()
            row = self.ledger_model.row_of(entry_id)
        if row is not None:
            self.ledger_table.selectRow(row)
            self.ledger_table.scrollTo(self.ledger_model.index(row, 0))

    def fit_ledger_columns(self) -> None:
        """Each column as wide as its content (the loaded rows and the header), up to a
        cap; the last column stretches."""
        for column in range(self.ledger_model.columnCount() - 1):
            self.ledger_table.resizeColumnToContents(column)
            cap = WIDTH_CAPS.get(column, DEFAULT_CAP)
            if self.ledger_table.columnWidth(column) > cap:
                self.ledger_table.setColumnWidth(column, cap)

    @property
    def balance(self) -> int:
        return self.aging.balance if self.aging else 0

    def _show_facts(self) -> None:
        c = self.customer
        if c is None:
            return
        self.title.setText(f"{c.name}  {colours.span(c.code, colours.muted(self.palette()))}")
        if c.archived:
            self.title.setText(self.title.text() + "  " + self.tr("(archived)"))
        route = " / ".join(part for part in (c.route_name, c.rep_name) if part)
        values = {
            "contact": c.contact,
            "phones": c.phones,
            "address": c.address,
            "payer": c.payer,
            "route": route,
            "terms": c.terms.label,
            "limit": formatting.money(c.credit_limit)
            if c.credit_limit is not None
            else self.tr("none agreed"),
            "notes": c.notes,
        }
        for key, value in values.items():
            self.fact_values[key].setText(value or "—")
        self._show_status()
        self.ledger_count.setText(
            self.tr("{shown} of {total} entries loaded (scroll for older)").format(
                shown=f"{self.ledger_model.rowCount():,}", total=f"{self.ledger_model.total:,}"
            )
        )

    def _show_status(self) -> None:
        a, c = self.aging, self.customer
        if a is None or c is None:
            return
        red = colours.error(self.palette())
        parts = [self.tr("Balance <b>{amount}</b>").format(amount=formatting.balance(a.balance))]
        if a.overdue:
            overdue = self.tr("overdue <b>{amount}</b>").format(amount=formatting.money(a.overdue))
            parts.append(colours.span(overdue, red))
        if a.oldest_open_days is not None:
            parts.append(self.tr("oldest open {days} days").format(days=a.oldest_open_days))
        if c.credit_limit is not None and a.balance > c.credit_limit:
            parts.append(colours.span(self.tr("over the credit limit"), red))
        if self.broken:
            broken = self.tr("{n} broken promise(s) in 90 days").format(n=self.broken)
            parts.append(colours.span(broken, red))
        self.status.setText(" · ".join(parts))
        self.glance.setText(" · ".join(self._promise_and_visit()))
        self.glance.setVisible(bool(self.glance.text()))
        self._show_aging()

    def _promise_and_visit(self) -> list[str]:
        """'Next promise 1,200.00 on 2026-12-02 at 15:00 · last visit 2026-11-20:
        Not there (Boss not in)'."""
        parts = []
        p = self.next_promise
        if p is not None:
            parts.append(
                self.tr("Next promise <b>{amount}</b> on {date} at {time}").format(
                    amount=formatting.money(p.amount - p.paid),
                    date=formatting.date(p.due_at.date()),
                    time=p.due_at.strftime("%H:%M"),
                )
            )
        v = self.last_visit
        if v is not None:
            outcome = v.outcome.label
            if v.reason is not None:
                outcome = self.tr("{outcome} ({reason})").format(
                    outcome=outcome, reason=v.reason.label
                )
            parts.append(
                self.tr("last visit {date}: {outcome}").format(
                    date=formatting.date(v.at.date()), outcome=outcome
                )
            )
        return parts

    def _show_aging(self) -> None:
        """'By age (days): 0–30 1,000.00 · 31–60 — · >60 500.00'; hidden when nothing
        is open."""
        a = self.aging
        if a is None or not any(a.buckets):
            self.aging_line.hide()
            return
        buckets = [
            f"{label} <b>{formatting.money(fen)}</b>"
            if fen
            else colours.span(f"{label} —", colours.muted(self.palette()))
            for label, fen in zip(bucket_labels(self.edges), a.buckets, strict=False)
        ]
        self.aging_line.setText(
            self.tr("By age (days): {buckets}").format(buckets=" · ".join(buckets))
        )
        self.aging_line.show()

    # --- selection-dependent actions -----------------------------------------------
    def _current_entry(self):  # type: ignore[no-untyped-def]
        index = self.ledger_table.currentIndex()
        return self.ledger_model.entry_at(index.row()) if index.isValid() else None

    def _entry_selected(self, *_args: object) -> None:
        e = self._current_entry()
        can_void = e is not None and not e.is_voided and not e.is_reversal
        self.void_button.setEnabled(can_void)
        cheque = e.cheque if can_void and e is not None else None
        status = cheque.status if cheque is not None else None
        self.bounce_button.setEnabled(status is not None and status is not ChequeStatus.BOUNCED)
        self.deposited_button.setEnabled(status is ChequeStatus.RECEIVED)
        self.cleared_button.setEnabled(status in (ChequeStatus.RECEIVED, ChequeStatus.DEPOSITED))
        self.set_back_button.setEnabled(status in (ChequeStatus.DEPOSITED, ChequeStatus.CLEARED))
        if self.customer is not None:
            self.ledger_count.setText(
                self.tr("{shown} of {total} entries loaded (scroll for older)").format(
                    shown=f"{self.ledger_model.rowCount():,}",
                    total=f"{self.ledger_model.total:,}",
                )
            )

    def _void(self) -> None:
        e = self._current_entry()
        if e is not None and not e.is_voided and not e.is_reversal:
            self.void_requested.emit(e)

    def _bounce(self) -> None:
        e = self._current_entry()
        if e is not None and e.cheque is not None:
            self.bounce_requested.emit(e)

    def _cheque_status(self, status: ChequeStatus) -> None:
        e = self._current_entry()
        if e is not None and e.cheque is not None:
            entry_id = e.id
            self.ops.write(self, lambda: cheque_status.set_cheque_status(entry_id, status))

    def _set_back(self) -> None:
        e = self._current_entry()
        if e is None or e.cheque is None:
            return
        entry_id = e.id
        back = self.ops.read(self, lambda: cheque_status.previous_cheque_status(entry_id))
        if isinstance(back, ChequeStatus):
            self._cheque_status(back)

    def _current_promise(self) -> Promise | None:
        index = self.promise_table.currentIndex()
        return self.promise_model.record_at(index.row()) if index.isValid() else None

    def _promise_selected(self, *_args: object) -> None:
        p = self._current_promise()
        live = p is not None and p.replaced_by_id is None
        self.reschedule_button.setEnabled(
            live and p.status in (PromiseStatus.OPEN, PromiseStatus.BROKEN)
        )
        self.cancel_promise_button.setEnabled(live and p.status is PromiseStatus.OPEN)
        self.iou_button.setEnabled(p is not None)

    def _reschedule(self) -> None:
        p = self._current_promise()
        if p is not None:
            self.promise_requested.emit(p)

    def _cancel_promise(self) -> None:
        p = self._current_promise()
        if p is not None:
            self.ops.write(self, lambda: promises.cancel_promise(p.id))

    def _iou(self) -> None:
        p = self._current_promise()
        if p is not None:
            self.iou_requested.emit(p)

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
        labels = {
            "contact": self.tr("Contact:"),
            "phones": self.tr("Phones:"),
            "address": self.tr("Address:"),
            "payer": self.tr("Pays when the boss is out:"),
            "route": self.tr("Route / rep:"),
            "terms": self.tr("Terms:"),
            "limit": self.tr("Credit limit:"),
            "notes": self.tr("Notes:"),
        }
        for key, text in labels.items():
            self.fact_labels[key].setText(text)
        texts = {
            "delivery": self.tr("Delivery (F2)"),
            "payment": self.tr("Payment (F3)"),
            "promise": self.tr("Can't pay today: promise (F4)"),
            "visit": self.tr("Log visit (F6)"),
            "statement": self.tr("Statement (F8)"),
        }
        for key, text in texts.items():
            self.action_buttons[key].setText(text)
        self.more_button.setText(self.tr("More entries"))
        self.more_actions["return"].setText(self.tr("Goods returned…"))
        self.more_actions["discount"].setText(self.tr("Discount / tail cut…"))
        self.more_actions["writeoff"].setText(self.tr("Write off a bad debt…"))
        self.more_actions["opening"].setText(self.tr("Opening balance…"))
        self.void_button.setText(self.tr("&Void entry…"))
        self.void_button.setToolTip(
            self.tr("Entries are never deleted: a void posts a reversal (Ctrl+Del)")
        )
        self.bounce_button.setText(self.tr("Cheque &bounced…"))
        self.deposited_button.setText(self.tr("Cheque &deposited"))
        self.cleared_button.setText(self.tr("Cheque clea&red"))
        self.set_back_button.setText(self.tr("&Undo cheque status"))
        self.set_back_button.setToolTip(
            self.tr(
                "Sets the cheque back to its status before the last change; the history "
                "(hover the Cheque column) keeps both"
            )
        )
        self.reschedule_button.setText(self.tr("New &date…"))
        self.cancel_promise_button.setText(self.tr("Cancel promise"))
        self.iou_button.setText(self.tr("Print &IOU note…"))
        self.tabs.setTabText(0, self.tr("&Ledger"))
        self.tabs.setTabText(1, self.tr("Pro&mises"))
        self.tabs.setTabText(2, self.tr("V&isits"))
        for model in (self.ledger_model, self.promise_model, self.visit_model):
            model.retranslate()
        self._show_facts()
