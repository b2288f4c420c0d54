"""The main window wires screens and dialogs together; it does no work itself.

Every dialog is opened non-modally-blocking (`open()`, window-modal) and returned, so
tests and scripts can drive it like a user would.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QThread, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from gui import colours, dates
from gui.background import BackgroundReader
from gui.backups.dialogs import (
    BackupFolderDialog,
    BackupNowDialog,
    RestoreDialog,
    SharedBackupDialog,
)
from gui.backups.keeper import BackupKeeper
from gui.customers.dialogs import CustomerDialog
from gui.customers.move import MoveToRouteDialog
from gui.customers.page import CustomerPage
from gui.customers.view import CustomerListView
from gui.exports.dialog import ExportDialog
from gui.help.menu import HelpMenu
from gui.importing.wizard import ImportWizard
from gui.operations import Operations
from gui.posting.dialogs import PostingDialog, VoidDialog
from gui.printing.dialogs import RouteSheetDialog, StatementDialog
from gui.printing.documents import Printout, iou_pdf
from gui.printing.packet import PacketDialog
from gui.promises.call_list import CallListDialog
from gui.promises.dialogs import PromiseDialog
from gui.settings.dialog import SettingsDialog
from gui.settings.people import PeopleDialog
from gui.settle.grid import SettleDialog
from gui.settle.handover import HandoverDialog
from gui.today.view import TodayView
from gui.visits.dialogs import VisitDialog
from gui.widgets import Dialog
from models.collecting import today as today_model
from models.exchange.importing import ImportKind
from models.ledger import customers
from models.storage import db
from models.vocabulary import clock
from models.vocabulary.collecting_records import Promise, Visit, VisitOutcome
from models.vocabulary.entry_records import Entry, EntryKind

if TYPE_CHECKING:
    from gui.preferences import Preferences
    from gui.printing.preview import PreviewDialog
    from gui.review.view import ReviewView


class MainWindow(QMainWindow):
    language_chosen = Signal(str)
    open_other_requested = Signal()
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
        self.keeper: BackupKeeper | None = None

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

        self._build_menus()
        for screen in (self.customer_list, self.customer_page, self.today):
            self._leave_menu_keys_to_the_menus(screen)
        self.retranslate()
        self.resize(1200, 760)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_action = QAction(self, shortcut=QKeySequence("Ctrl+N"))
        self.new_action.triggered.connect(self.new_customer)
        self.find_action = QAction(self, shortcut=QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.find_customer)
        self.open_action = QAction(self, shortcut=QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_other_requested)
        self.new_ledger_action = QAction(self)
        self.new_ledger_action.triggered.connect(self.new_ledger_requested)
        self.quit_action = QAction(self, shortcut=QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        for action in (self.new_action, self.find_action, self.open_action, self.new_ledger_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.import_action = QAction(self, shortcut=QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(lambda: self.import_wizard())
        self.file_menu.addAction(self.import_action)
        # The invoicing program's daily export: a saved layout makes it two steps.
        self.import_deliveries_action = QAction(self)
        self.import_deliveries_action.triggered.connect(self.import_deliveries)
        self.file_menu.addAction(self.import_deliveries_action)
        self.export_action = QAction(self, shortcut=QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export)
        self.backup_action = QAction(self, shortcut=QKeySequence("Ctrl+B"))
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction(self)
        self.restore_action.triggered.connect(self.restore)
        for action in (self.export_action, self.backup_action, self.restore_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.print_menu = bar.addMenu("")
        self.route_sheet_action = QAction(self, shortcut=QKeySequence("Ctrl+R"))
        self.route_sheet_action.triggered.connect(self.print_route_sheet)
        self.print_menu.addAction(self.route_sheet_action)
        self.packet_action = QAction(self, shortcut=QKeySequence("Ctrl+Shift+R"))
        self.packet_action.triggered.connect(self.print_packet)
        self.print_menu.addAction(self.packet_action)
        self.call_list_action = QAction(self, shortcut=QKeySequence("Ctrl+L"))
        self.call_list_action.triggered.connect(self.show_call_list)
        self.print_menu.addAction(self.call_list_action)

        self.route_menu = bar.addMenu("")
        self.today_action = QAction(self, shortcut=QKeySequence("Ctrl+T"))
        self.today_action.triggered.connect(self.show_today)
        self.settle_action = QAction(self, shortcut=QKeySequence("Ctrl+Shift+S"))
        self.settle_action.triggered.connect(self.settle_route)
        self.handover_action = QAction(self)
        self.handover_action.triggered.connect(lambda: self.show_handover())
        for action in (self.today_action, self.settle_action, self.handover_action):
            self.route_menu.addAction(action)
        self.review_menu = bar.addMenu("")
        self.review_action = QAction(self, shortcut=QKeySequence("F9"))
        self.review_action.triggered.connect(self.show_review)
        self.review_menu.addAction(self.review_action)
        self.review_view: ReviewView | None = None

        self.settings_menu = bar.addMenu("")
        self.settings_action = QAction(self, shortcut=QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.settings_menu.addAction(self.settings_action)
        self.people_action = QAction(self)
        self.people_action.triggered.connect(self.open_people)
        self.settings_menu.addAction(self.people_action)
        self.backup_folder_action = QAction(self)
        self.backup_folder_action.triggered.connect(self.choose_backup_folder)
        self.settings_menu.addAction(self.backup_folder_action)
        self.language_menu = self.settings_menu.addMenu("")
        self.chinese_action = self.language_menu.addAction("中文")
        self.chinese_action.triggered.connect(lambda: self.language_chosen.emit("zh"))
        self.english_action = self.language_menu.addAction("English")
        self.english_action.triggered.connect(lambda: self.language_chosen.emit("en"))
        self.help = HelpMenu(self, self.ledger_name)

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

    def _leave_menu_keys_to_the_menus(self, screen: QWidget) -> None:
        """A key bound twice in one window is ambiguous to Qt: it does nothing. The
        menus' keys (Ctrl+E File → Export…) win over a screen's own actions (a table's
        "Export to Excel or CSV…", Ctrl+E in a dialog), which stay in its context menu."""
        taken = {
            action.shortcut()
            for action in self.findChildren(QAction)
            if action.parent() is self and not action.shortcut().isEmpty()
        }
        for action in screen.findChildren(QAction):
            if action.parent() is not self and action.shortcut() in taken:
                action.setShortcut(QKeySequence())

    def find_customer(self) -> None:
        self.show_list()
        self.customer_list.focus_search()

    # --- dialogs -------------------------------------------------------------------
    def _open(self, dialog):  # type: ignore[no-untyped-def]
        dialog.setParent(self, dialog.windowFlags())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()
        return dialog

    def _dialog_closed(self) -> None:
        # Back to the keyboard: the next F-key works without reaching for the mouse.
        self.activateWindow()
        if self.stack.currentWidget() is self.customer_page:
            self.customer_page.ledger_table.setFocus()

    def new_customer(self) -> CustomerDialog:
        dialog = CustomerDialog(self.ops)
        dialog.accepted.connect(lambda: dialog.saved and self.open_customer(dialog.saved.id))
        return self._open(dialog)

    def edit_customer(self, customer_id: int) -> CustomerDialog | None:
        customer = self.ops.read(self, lambda: customers.get_customer(customer_id))
        if customer is None:
            return None
        return self._open(CustomerDialog(self.ops, customer))

    def move_to_route(self, customer_ids: list[int]) -> MoveToRouteDialog:
        return self._open(MoveToRouteDialog(self.ops, customer_ids))

    def post(self, kind: EntryKind) -> PostingDialog | None:
        customer = self.customer_page.customer
        if customer is None:
            return None
        dialog = PostingDialog(self.ops, customer, kind)
        dialog.accepted.connect(
            lambda: dialog.posted and self.customer_page.select_entry(dialog.posted.id)
        )
        return self._open(dialog)

    def void_entry(self, entry: Entry, bounce: bool = False) -> VoidDialog:
        return self._open(VoidDialog(self.ops, entry, bounce=bounce))

    def promise(
        self, replaces: Promise | None = None, visit: Visit | None = None
    ) -> PromiseDialog | None:
        customer = self.customer_page.customer
        if customer is None:
            return None
        dialog = PromiseDialog(
            self.ops, customer, self.customer_page.balance, replaces=replaces, visit=visit
        )

        def saved() -> None:
            # The IOU note right away: the rep shows it to the customer (§2(14)).
            if dialog.saved is not None and dialog.print_iou.isChecked():
                self.print_iou(dialog.saved)

        dialog.accepted.connect(saved)
        return self._open(dialog)

    def new_date(self, promise: Promise) -> PromiseDialog | None:
        """Agree a new date for `promise` (from the call list or Today): its customer's
        page, then the promise dialog replacing it."""
        self.open_customer(promise.customer_id)
        return self.promise(replaces=promise)

    def print_iou(self, promise: Promise) -> PreviewDialog | None:
        printout = self.ops.write(self, lambda: iou_pdf(promise.id))
        return self.preview(printout) if printout is not None else None

    def log_visit(self) -> VisitDialog | None:
        customer = self.customer_page.customer
        if customer is None:
            return None
        dialog = VisitDialog(self.ops, customer)

        def saved() -> None:
            # "Promised a date": the promise itself comes next, from the visit's date.
            visit = dialog.saved
            if visit is not None and visit.outcome is VisitOutcome.PROMISED:
                self.promise(visit=visit)

        dialog.accepted.connect(saved)
        return self._open(dialog)

    def print_statement(self) -> StatementDialog | None:
        customer = self.customer_page.customer
        if customer is None:
            return None
        dialog = StatementDialog(self.ops, customer)
        dialog.accepted.connect(lambda: dialog.printout and self.preview(dialog.printout))
        return self._open(dialog)

    def print_route_sheet(self) -> RouteSheetDialog:
        dialog = RouteSheetDialog(self.ops)
        dialog.accepted.connect(lambda: dialog.printout and self.preview(dialog.printout))
        return self._open(dialog)

    def prefs(self) -> Preferences | None:
        """This computer's preferences (the printers remembered per document kind)."""
        return self.keeper.prefs if self.keeper is not None else None

    def print_packet(self) -> PacketDialog:
        dialog = PacketDialog(self.ops, prefs=self.prefs())
        dialog.accepted.connect(
            lambda: dialog.printout and not dialog.printed and self.preview(dialog.printout)
        )
        return self._open(dialog)

    def settle_route(self) -> SettleDialog:
        dialog = SettleDialog(self.ops)

        def settled() -> None:
            route = dialog.chosen_route()
            if dialog.settled is not None and route is not None:
                self.show_handover(dates.picked_date(dialog.day), route.id, dialog.settled)

        dialog.accepted.connect(settled)
        return self._open(dialog)

    def show_handover(
        self, day: dt.date | None = None, route_id: int | None = None, settled: object = None
    ) -> HandoverDialog:
        dialog = HandoverDialog(self.ops, day or clock.today(), route_id, settled)  # type: ignore[arg-type]
        dialog.printed.connect(self.preview)
        self.last_handover = self._open(dialog)
        return self.last_handover

    def show_today(self) -> None:
        self.stack.setCurrentWidget(self.today)
        self.today.tree.setFocus()

    def visit_from_today(self, customer_id: int) -> VisitDialog | None:
        """Record a visit from Today (step one for a broken promise; F4 is step two)."""
        customer = self.ops.read(self, lambda: customers.get_customer(customer_id))
        return self._open(VisitDialog(self.ops, customer)) if customer else None

    def stop_reading(self) -> None:
        """Stop the background reads and wait for every worker thread of the window and
        its dialogs (a packet, an import): the ledger is closing or being replaced, and
        closing it closes the connections they would still be reading through."""
        for reader in self.findChildren(BackgroundReader):
            reader.cancel()
        for thread in self.findChildren(QThread):
            thread.wait()

    def retire(self) -> None:
        """This window is being replaced by another ledger's: stop its reads for good and
        wait for its worker threads, so none is running when it is deleted."""
        for reader in self.findChildren(BackgroundReader):
            reader.retire()
        for thread in self.findChildren(QThread):
            thread.wait()

    def preview(self, printout: Printout) -> PreviewDialog:
        # QtPdf is loaded on first preview, not at start-up.
        from gui.printing.preview import PreviewDialog

        self.last_preview = self._open(PreviewDialog(printout, prefs=self.prefs()))
        return self.last_preview

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.ops)
        dialog.language_chosen.connect(self.language_chosen)
        return self._open(dialog)

    def show_call_list(self) -> CallListDialog:
        dialog = CallListDialog(self.ops)
        dialog.customer_chosen.connect(self.open_customer)
        dialog.new_date_requested.connect(self.new_date)
        dialog.printed.connect(self.preview)
        # Not window-modal: the clerk keeps it open while working through the calls.
        dialog.setParent(self, dialog.windowFlags())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_people(self) -> PeopleDialog:
        return self._open(PeopleDialog(self.ops))

    # --- import, export and backups ----------------------------------------------------
    def import_wizard(self, kind: ImportKind | None = None) -> ImportWizard:
        wizard = ImportWizard(self.ops, self.prefs(), kind=kind)
        wizard.customers_requested.connect(self.show_list)
        return self._open(wizard)

    def import_deliveries(self) -> ImportWizard:
        """File → Import deliveries: the import of entries, its file chosen first."""
        wizard = self.import_wizard(ImportKind.ENTRIES)
        wizard.browse.setFocus()
        return wizard

    def export(self) -> ExportDialog:
        on_page = self.stack.currentWidget() is self.customer_page
        customer = self.customer_page.customer if on_page else None
        shown = self.customer_list.model.visible_summaries
        return self._open(ExportDialog(self.ops, shown, customer))

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

    def back_up_now(self) -> Dialog | None:
        if self.keeper is None:
            return None
        if not self.keeper.enabled:
            return self._open(SharedBackupDialog(self.keeper.target))
        return self._open(BackupNowDialog(self.keeper))

    def restore(self) -> RestoreDialog | None:
        if self.keeper is None or not self.keeper.enabled:
            return None
        dialog = RestoreDialog(self.keeper)
        dialog.restore_chosen.connect(self.restore_requested)
        return self._open(dialog)

    def choose_backup_folder(self) -> BackupFolderDialog | None:
        if self.keeper is None or not self.keeper.enabled:
            return None
        return self._open(BackupFolderDialog(self.keeper))

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
        self.file_menu.setTitle(self.tr("&File"))
        self.new_action.setText(self.tr("&New customer…"))
        self.find_action.setText(self.tr("&Find customer"))
        self.open_action.setText(self.tr("&Open another ledger…"))
        self.new_ledger_action.setText(self.tr("New &ledger…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.import_action.setText(self.tr("&Import…"))
        self.import_deliveries_action.setText(self.tr("Import &deliveries…"))
        self.export_action.setText(self.tr("&Export…"))
        shared = self.keeper is not None and not self.keeper.enabled
        self.backup_action.setText(
            self.tr("&Backups of the shared ledger…") if shared else self.tr("&Back up now…")
        )
        self.restore_action.setText(self.tr("&Restore a backup…"))
        self.backup_folder_action.setText(self.tr("&Backup folder…"))
        if self.keeper is not None:
            self.keeper.announce()
        self.print_menu.setTitle(self.tr("&Print"))
        self.route_sheet_action.setText(self.tr("&Route sheet…"))
        self.call_list_action.setText(self.tr("&Call list (promises due)…"))
        self.packet_action.setText(self.tr("Route-day &packet…"))
        self.route_menu.setTitle(self.tr("R&oute"))
        self.today_action.setText(self.tr("&Today"))
        self.settle_action.setText(self.tr("&Settle a route day…"))
        self.handover_action.setText(self.tr("&Hand-over summary…"))
        self.review_menu.setTitle(self.tr("Revie&w"))
        self.review_action.setText(self.tr("The boss's &review"))
        self.settings_menu.setTitle(self.tr("Se&ttings"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.people_action.setText(self.tr("&Reps and routes…"))
        self.language_menu.setTitle(self.tr("&Language / 语言"))
        self.help.retranslate()
