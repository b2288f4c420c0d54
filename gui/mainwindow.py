"""The main window wires screens and dialogs together; it does no work itself.

This module holds the window: its screens (the customer list, the customer page,
Today, the review) and moving between them, the read-only banner and the status bar,
and closing. Its menus are in mainwindow_menus.py; the dialogs it opens, and what
each one's result leads to, in mainwindow_dialogs.py.

Every dialog is opened non-modally-blocking (`open()`, window-modal) and returned, so
tests and scripts can drive it like a user would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from gui import colours
from gui.background import BackgroundReader
from gui.backups.keeper import BackupKeeper
from gui.customers.page import CustomerPage
from gui.customers.view import CustomerListView
from gui.live_updates import LiveUpdates
from gui.mainwindow_dialogs import WindowDialogs
from gui.mainwindow_menus import WindowMenus
from gui.operations import Operations
from gui.today.view import TodayView
from models.collecting import today as today_model
from models.ledger import users
from models.storage import db
from models.vocabulary.entry_records import EntryKind
from models.vocabulary.people_records import Action

if TYPE_CHECKING:
    from gui.review.view import ReviewView


class MainWindow(WindowMenus, WindowDialogs, QMainWindow):
    language_chosen = Signal(str)
    open_other_requested = Signal()
    connect_shared_requested = Signal()  # "Connect to a shared ledger…"
    restore_requested = Signal(object)  # the Path of a checked backup
    new_ledger_requested = Signal()  # the welcome screen's new-ledger form
    closing = Signal()

    def __init__(self, ops: Operations, ledger_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.ledger_name = ledger_name
        self.customer_list = CustomerListView(ops)
        self.customer_page = CustomerPage(ops)
        self.today = TodayView(ops)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.customer_list)
        self.stack.addWidget(self.customer_page)
        # A read-only ledger (read-only file or medium, or a role that may only read)
        # says so at the top, before anyone tries to post.
        self.stack.addWidget(self.today)
        self.read_only_banner = QLabel()
        self.read_only_banner.setObjectName("read_only_banner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet(
            "QLabel { background: #fff3cd; color: #5c4400; padding: 6px 10px; }"
        )
        self.read_only_banner.setVisible(db.is_read_only())
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.read_only_banner)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.ledger_label = QLabel(ledger_name)
        self.backup_label = QLabel()
        self.statusBar().addPermanentWidget(self.backup_label)
        self.statusBar().addPermanentWidget(self.ledger_label)
        self.person_label = QLabel()  # who is signed in, where the ledger asks
        self.person_label.setObjectName("signed_in_label")
        self.statusBar().addPermanentWidget(self.person_label)
        self.keeper: BackupKeeper | None = None
        self.live: LiveUpdates | None = None  # set by gui/app.py for the open ledger

        self.customer_list.customer_activated.connect(self.open_customer)
        self.customer_list.new_requested.connect(self.new_customer)
        self.customer_list.edit_requested.connect(self.edit_customer)
        self.customer_list.move_requested.connect(self.move_to_route)
        page = self.customer_page
        page.back_requested.connect(self.show_list)
        page.edit_requested.connect(self.edit_customer)
        page.post_requested.connect(lambda kind: self.post(EntryKind(kind)))
        page.void_requested.connect(self.void_entry)
        page.bounce_requested.connect(lambda e: self.void_entry(e, bounce=True))
        page.promise_requested.connect(self.promise)
        page.iou_requested.connect(self.print_iou)
        page.visit_requested.connect(self.log_visit)
        page.statement_requested.connect(self.print_statement)
        page.wechat_requested.connect(lambda: self.print_statement(for_phone=True))
        page.reply_requested.connect(self.record_reply)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), page, self.show_list)
        today = self.today
        today.customer_activated.connect(self.open_customer)
        today.list_requested.connect(self.show_list)
        today.visit_requested.connect(self.visit_from_today)
        today.new_date_requested.connect(self.new_date)
        today.call_list_requested.connect(self.show_call_list)
        today.settle_requested.connect(self.settle_route)
        # The window opens on Today once the ledger has customers.
        if self.ops.read(self, today_model.has_customers):
            self.stack.setCurrentWidget(self.today)

        self.review_view: ReviewView | None = None  # built on first use (show_review)
        self._build_menus()
        for screen in (self.customer_list, self.customer_page, self.today):
            self._leave_menu_keys_to_the_menus(screen)
        self.retranslate()
        self.resize(1200, 760)

    # --- navigation ----------------------------------------------------------------
    def open_customer(self, customer_id: int) -> None:
        self.customer_page.show_customer(customer_id)
        self.stack.setCurrentWidget(self.customer_page)

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.customer_list)
        if self.customer_page.customer is not None:
            self.customer_list.select_customer(self.customer_page.customer.id)
        self.customer_list.table.setFocus()

    def show_review(self) -> ReviewView:
        """The boss's review (built on first use: QtCharts loads then, not at start-up)."""
        if self.review_view is None:
            from gui.review.view import ReviewView

            self.review_view = ReviewView(self.ops)
            self.review_view.back_requested.connect(self.show_list)
            self.review_view.customer_chosen.connect(self.open_customer)
            self.review_view.printout_ready.connect(self.preview)
            self.stack.addWidget(self.review_view)
            self._leave_menu_keys_to_the_menus(self.review_view)
        self.stack.setCurrentWidget(self.review_view)
        return self.review_view

    def find_customer(self) -> None:
        self.show_list()
        self.customer_list.focus_search()

    def show_today(self) -> None:
        self.stack.setCurrentWidget(self.today)
        self.today.tree.setFocus()

    def stop_reading(self) -> None:
        """Stop the background reads and wait for every worker thread of the window and
        its dialogs (a packet, an import): the ledger is closing or being replaced, and
        closing it closes the connections they would still be reading through."""
        if self.live is not None:
            self.live.stop()
        for reader in self.findChildren(BackgroundReader):
            reader.cancel()
        for thread in self.findChildren(QThread):
            thread.wait()

    def retire(self) -> None:
        """This window is being replaced by another ledger's: stop its reads for good and
        wait for its worker threads, so none is running when it is deleted."""
        if self.live is not None:
            self.live.stop()
        for reader in self.findChildren(BackgroundReader):
            reader.retire()
        for thread in self.findChildren(QThread):
            thread.wait()

    def set_keeper(self, keeper: BackupKeeper) -> None:
        """Automatic backups of this ledger; a shared ledger shows the server's commands."""
        self.keeper = keeper
        keeper.status_changed.connect(self._backup_status)
        self.restore_action.setVisible(keeper.enabled)
        self.backup_folder_action.setVisible(keeper.enabled)
        self.retranslate()

    def _backup_status(self, text: str, warning: bool) -> None:
        self.backup_label.setText(text)
        self.backup_label.setStyleSheet(
            colours.css(colours.error(self.palette())) if warning else ""
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.closing.emit()
        super().closeEvent(event)

    # --- language ------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Qingkuan 清款 – {ledger}").format(ledger=self.ledger_name))
        if db.is_read_only():  # the model's sentence, in the language just chosen
            self.read_only_banner.setText(str(db.read_only_refusal()))
        self._retranslate_menus()
        self._show_who_signed_in()
        if self.keeper is not None:
            self.keeper.announce()

    def _show_who_signed_in(self) -> None:
        """The status bar names who is signed in (and their role); Settings → People
        is there only for a role that may change people."""
        name = users.signed_in_name()
        self.person_label.setVisible(bool(name))
        self.person_label.setText(
            self.tr("Signed in: {name} ({role})").format(
                name=name, role=users.role_label(users.current_role())
            )
            if name
            else ""
        )
        allowed = users.may(Action.PEOPLE)
        self.users_action.setVisible(allowed)
        self.users_action.setEnabled(allowed)
