"""Today: the screen the window opens on once the ledger has customers.

One model call (`models.collecting.today.today`) on a worker thread fills a tree of sections —
today's and tomorrow's routes, the promises due, broken promises with no new date,
cheques, customers to watch, the chasing steps due — under the day's totals. Enter or a
double-click on a line opens its customer; on a broken promise, F6 records a visit and
F4 agrees a new date (the two steps of §二3); on a chasing step, Ctrl+M shows what to say
and Ctrl+D records the step done. Esc goes to the customer list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import colours, dates, formatting
from gui.background import BackgroundReader
from gui.operations import Operations, show_error
from gui.promises.reminder import ReminderDialog
from models.collecting import chasing, reminders
from models.collecting import today as today_model
from models.collecting.calls import PromiseLine
from models.collecting.today import RouteDay, TodayReport
from models.papers import confirmation_figures
from models.vocabulary import clock
from models.vocabulary.chase_records import ChaseLine
from models.vocabulary.collecting_records import Promise
from models.vocabulary.confirmation_records import Confirmation, StatementReply

CUSTOMER = Qt.ItemDataRole.UserRole
PROMISE = Qt.ItemDataRole.UserRole + 1
CHASE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class TodayScreen:
    """What the screen shows: the day's report, and the statements to follow up
    (open disputes, statements unanswered past their reply-by date)."""

    report: TodayReport
    disputes: list[StatementReply]
    unanswered: list[Confirmation]


def read_today() -> TodayScreen:
    """The day's report and the confirmations to follow up (on a worker thread)."""
    report = today_model.today()
    return TodayScreen(
        report,
        confirmation_figures.open_disputes(report.day),
        confirmation_figures.unanswered(report.day),
    )


class TodayView(QWidget):
    customer_activated = Signal(int)
    list_requested = Signal()
    visit_requested = Signal(int)  # customer id
    new_date_requested = Signal(object)  # Promise
    call_list_requested = Signal()
    settle_requested = Signal()

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.report: TodayReport | None = None
        self.disputes: list[StatementReply] = []
        self.unanswered: list[Confirmation] = []
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.itemActivated.connect(self._activated)
        self.customers_button = QPushButton()
        self.customers_button.clicked.connect(self.list_requested)
        self.calls_button = QPushButton()
        self.calls_button.clicked.connect(self.call_list_requested)
        self.settle_button = QPushButton()
        self.settle_button.clicked.connect(self.settle_requested)
        self.visit_button = QPushButton()
        self.visit_button.clicked.connect(self.visit)
        self.new_date_button = QPushButton()
        self.new_date_button.clicked.connect(self.new_date)
        self.reminder_button = QPushButton()
        self.reminder_button.clicked.connect(self.reminder)
        self.done_button = QPushButton()
        self.done_button.clicked.connect(self.step_done)
        buttons = QHBoxLayout()
        for button in (
            self.customers_button,
            self.calls_button,
            self.settle_button,
            self.visit_button,
            self.new_date_button,
            self.reminder_button,
            self.done_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.totals)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.list_requested.emit)
        QShortcut(QKeySequence(Qt.Key.Key_F6), self, self.visit)
        QShortcut(QKeySequence(Qt.Key.Key_F4), self, self.new_date)
        QShortcut(QKeySequence("Ctrl+M"), self, self.reminder)
        QShortcut(QKeySequence("Ctrl+D"), self, self.step_done)
        self.tree.currentItemChanged.connect(lambda *_a: self._enable())
        self.reader = BackgroundReader(self)
        self.reader.loaded.connect(self._loaded)
        self.reader.failed.connect(lambda message: show_error(self, message, None))
        ops.changed.connect(self.reload)
        ops.others_changed.connect(self.reload)
        self.retranslate()
        self._enable()

    # --- loading -------------------------------------------------------------------
    def reload(self) -> None:
        if self.isVisible() or self.report is None:
            self.totals.setText(self.tr("Reading the ledger…"))
            self.reader.start(read_today)
        else:
            self.report = None  # stale: read again when shown

    def showEvent(self, event: Any) -> None:  # noqa: N802
        if self.report is None and not self.reader.busy:
            self.reload()
        super().showEvent(event)

    def _loaded(self, screen: TodayScreen) -> None:
        self.disputes, self.unanswered = screen.disputes, screen.unanswered
        self.report = screen.report
        self._show()

    def _show(self) -> None:
        report = self.report
        if report is None:
            return
        self.title.setText(
            self.tr("Today, {date} {weekday}").format(
                date=formatting.date(report.day),
                weekday=dates.weekday_names()[report.day.weekday()],
            )
        )
        self.totals.setText(
            self.tr(
                "Owed <b>{owed}</b> · overdue <b>{overdue}</b> · promised this week "
                "<b>{week}</b> · collected today <b>{today}</b> · this month <b>{month}</b>"
            ).format(
                owed=formatting.money(report.owed),
                overdue=formatting.money(report.overdue),
                week=formatting.money(report.promised_this_week),
                today=formatting.money(report.collected_today),
                month=formatting.money(report.collected_this_month),
            )
        )
        current = self.tree.currentItem()
        keep = (current.text(0), current.parent() is None) if current else None
        scrolled = self.tree.verticalScrollBar().value()
        self.tree.clear()
        self._routes(self.tr("Today's routes"), report.routes_today)
        self._routes(self.tr("Tomorrow's routes"), report.routes_tomorrow)
        self._promises(self.tr("Promises due today"), report.promises_today)
        self._promises(self.tr("Promises due tomorrow"), report.promises_tomorrow)
        self._promises(self.tr("Broken promises without a new date"), report.broken, dated=True)
        self._chasing(report.chasing)
        self._section(
            self.tr("Cheques and drafts maturing within 7 days"),
            [
                (f"{c.customer.code} {c.customer.name} · {c.number} {c.bank}",
                 formatting.money(c.amount), str(c.due_on or ""), c.customer.id, None)
                for c in report.cheques_maturing
            ],
        )  # fmt: skip
        self._section(
            self.tr("Bounced cheques not yet re-paid"),
            [
                (f"{c.customer.code} {c.customer.name} · {c.number}",
                 formatting.money(c.amount),
                 self.tr("re-paid {amount}").format(amount=formatting.money(c.repaid)),
                 c.customer.id, None)
                for c in report.cheques_bounced
            ],
        )  # fmt: skip
        self._section(
            self.tr("Over the credit limit"),
            [
                (f"{f.customer.code} {f.customer.name}", formatting.money(f.balance),
                 self.tr("limit {limit}").format(limit=formatting.money(f.credit_limit or 0)),
                 f.customer.id, None)
                for f in report.over_limit
            ],
        )  # fmt: skip
        self._section(
            self.tr("Two or more broken promises in 90 days"),
            [
                (f"{f.customer.code} {f.customer.name}", formatting.money(f.balance),
                 self.tr("{n} broken").format(n=f.broken), f.customer.id, None)
                for f in report.breaking_promises
            ],
        )  # fmt: skip
        self._confirmations()
        self._restore(keep)
        self.tree.verticalScrollBar().setValue(scrolled)
        self._enable()

    def _confirmations(self) -> None:
        """Open disputes (who handles them) and statements unanswered past reply-by."""
        self._section(
            self.tr("Open disputes about statements"),
            [
                (f"{d.statement.number}  {d.statement.customer_code} "
                 f"{d.statement.customer_name} · {d.reason}",
                 formatting.money(d.difference),
                 self.tr("handled by {who}").format(who=d.handler or "—"),
                 d.statement.customer_id, None)
                for d in self.disputes
            ],
        )  # fmt: skip
        self._section(
            self.tr("Statements unanswered past their reply-by date"),
            [
                (f"{c.statement.number}  {c.statement.customer_code} "
                 f"{c.statement.customer_name}",
                 formatting.money(c.statement.balance),
                 self.tr("reply was due {date}").format(
                     date=formatting.date(c.statement.reply_by)),
                 c.statement.customer_id, None)
                for c in self.unanswered
            ],
        )  # fmt: skip

    def _section(
        self, title: str, lines: list[tuple[str, str, str, int | None, Promise | None]]
    ) -> QTreeWidgetItem:
        top = QTreeWidgetItem(self.tree, [f"{title} ({len(lines)})", "", ""])
        font = QFont(top.font(0))
        font.setBold(True)
        top.setFont(0, font)
        for text, amount, note, customer_id, promise in lines:
            item = QTreeWidgetItem(top, [text, amount, note])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(0, CUSTOMER, customer_id)
            item.setData(0, PROMISE, promise)
        top.setExpanded(bool(lines))
        return top

    def _route_line(self, route: RouteDay) -> str:
        # Two strings, not Qt's %n plural: that needs an English .qm for "1 stop".
        if len(route.stops) == 1:
            return self.tr("{route}{rep}: 1 stop, {owing} owing")
        return self.tr("{route}{rep}: {stops} stops, {owing} owing")

    def _routes(self, title: str, routes: tuple[RouteDay, ...]) -> None:
        top = self._section(title, [])
        for route in routes:
            rep = self.tr(" ({rep})").format(rep=route.rep_name) if route.rep_name else ""
            item = QTreeWidgetItem(
                top,
                [
                    self._route_line(route).format(
                        route=route.route.name, rep=rep, stops=len(route.stops),
                        owing=route.owing_stops,
                    ),
                    formatting.money(route.owed),
                    self.tr("overdue {amount}").format(amount=formatting.money(route.overdue)),
                ],
            )  # fmt: skip
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for stop in route.stops:
                if stop.balance <= 0:
                    continue
                line = QTreeWidgetItem(
                    item,
                    [
                        f"{stop.customer.code} {stop.customer.name}",
                        formatting.money(stop.balance),
                        self.tr("overdue {amount}").format(amount=formatting.money(stop.overdue))
                        if stop.overdue
                        else "",
                    ],
                )
                line.setTextAlignment(
                    1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                line.setData(0, CUSTOMER, stop.customer.id)
                if stop.overdue:
                    line.setForeground(2, colours.error(self.palette()))
        top.setText(0, f"{title} ({len(routes)})")
        top.setExpanded(bool(routes))

    def _promises(self, title: str, lines: tuple[PromiseLine, ...], dated: bool = False) -> None:
        rows = []
        for line in lines:
            p = line.promise
            when = f"{p.due_at:%m-%d %H:%M}" if dated else f"{p.due_at:%H:%M}"
            if line.covered:
                state = self.tr("covered")
            else:
                state = self.tr("to collect {amount}").format(
                    amount=formatting.money(line.outstanding)
                )
            if line.answer is not None:
                state += f" · {line.answer.outcome.label}"
            rows.append(
                (f"{when}  {line.customer.code} {line.customer.name}  {line.customer.phones}",
                 formatting.money(p.amount), state, line.customer.id, p)
            )  # fmt: skip
        self._section(title, rows)

    def _chasing(self, lines: tuple[ChaseLine, ...]) -> None:
        top = self._section(self.tr("Chasing steps due"), [])
        day = self.report.day if self.report else clock.today()
        for line in lines:
            state = self.tr("step {n}/{m}: {action}").format(
                n=line.step_no, m=line.steps, action=line.step.action.label
            )
            if line.day < day:
                state += " · " + self.tr("since {date}").format(date=f"{line.day:%m-%d}")
            c = line.customer
            item = QTreeWidgetItem(
                top, [f"{c.code} {c.name}  {c.phones}", formatting.money(line.amount), state]
            )
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(0, CUSTOMER, c.id)
            item.setData(0, CHASE, line)
            item.setToolTip(0, line.text)
        top.setText(0, f"{self.tr('Chasing steps due')} ({len(lines)})")
        top.setExpanded(bool(lines))

    def _restore(self, keep: tuple[str, bool] | None) -> None:
        first = self.tree.topLevelItem(0)
        self.tree.setCurrentItem(first)
        if keep is None:
            return
        found = self.tree.findItems(
            keep[0], Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
        )
        if found:
            self.tree.setCurrentItem(found[0])

    # --- acting on a line -----------------------------------------------------------
    def current_customer(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, CUSTOMER) if item is not None else None

    def current_step(self) -> ChaseLine | None:
        item = self.tree.currentItem()
        return item.data(0, CHASE) if item is not None else None

    def current_promise(self) -> Promise | None:
        item = self.tree.currentItem()
        return item.data(0, PROMISE) if item is not None else None

    def _activated(self, item: QTreeWidgetItem) -> None:
        customer_id = item.data(0, CUSTOMER)
        if customer_id is not None:
            self.customer_activated.emit(customer_id)
        else:
            item.setExpanded(not item.isExpanded())

    def visit(self) -> None:
        customer_id = self.current_customer()
        if customer_id is not None:
            self.visit_requested.emit(customer_id)

    def new_date(self) -> None:
        promise = self.current_promise()
        if promise is not None:
            self.new_date_requested.emit(promise)

    def reminder(self) -> ReminderDialog | None:
        """A reminder of the line's promise, or else of the customer's overdue balance."""
        promise, customer_id = self.current_promise(), self.current_customer()
        step = self.current_step()
        if step is not None:
            cid, day = step.customer.id, self.report.day if self.report else clock.today()
            dialog = ReminderDialog(self.ops, lambda lang: chasing.step_text(cid, day, lang), self)
        elif promise is not None:
            pid = promise.id
            dialog = ReminderDialog(
                self.ops, lambda lang: reminders.promise_reminder(pid, lang), self
            )
        elif customer_id is not None:
            cid, day = customer_id, self.report.day if self.report else clock.today()
            dialog = ReminderDialog(
                self.ops, lambda lang: reminders.overdue_reminder(cid, day, lang), self
            )
        else:
            return None
        dialog.open()
        self.last_reminder = dialog
        return dialog

    def step_done(self) -> None:
        """Record the current line's chasing step as done today (it leaves the list)."""
        step = self.current_step()
        if step is None:
            return
        cid, day = step.customer.id, self.report.day if self.report else clock.today()
        self.ops.write(self, lambda: chasing.record_step_done(cid, day))

    def _enable(self) -> None:
        self.done_button.setEnabled(self.current_step() is not None)
        self.reminder_button.setEnabled(self.current_customer() is not None)
        self.visit_button.setEnabled(self.current_customer() is not None)
        self.new_date_button.setEnabled(self.current_promise() is not None)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("What"), self.tr("Amount"), self.tr("Note")])
        self.customers_button.setText(self.tr("Customers (Esc)"))
        self.calls_button.setText(self.tr("Call list (Ctrl+L)"))
        self.settle_button.setText(self.tr("Settle a route (Ctrl+Shift+S)"))
        self.visit_button.setText(self.tr("Record a visit (F6)"))
        self.new_date_button.setText(self.tr("New date (F4)"))
        self.reminder_button.setText(self.tr("Reminder… (Ctrl+M)"))
        self.done_button.setText(self.tr("Step done (Ctrl+D)"))
        if self.report is not None:
            self._show()
