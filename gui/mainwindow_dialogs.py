"""The dialogs the main window opens, and what each one's result leads to: a posted
entry is selected on the customer page, a printout goes to the preview, a visit that
promised a date goes on to the promise, a settled route day to its hand-over summary.

A part of `MainWindow` (gui/mainwindow.py), which mixes it in. Every dialog is opened
window-modal without blocking (`open()`) and returned, so tests and scripts can drive
it like a user would; the screens ask for them through signals the window wires here.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from gui import dates
from gui.audit.view import AuditDialog
from gui.backups.dialogs import (
    BackupFolderDialog,
    BackupNowDialog,
    RestoreDialog,
    SharedBackupDialog,
)
from gui.confirmations.dialog import ReplyDialog
from gui.customers.dialogs import CustomerDialog
from gui.customers.move import MoveToRouteDialog
from gui.exports.dialog import ExportDialog
from gui.importing.wizard import ImportWizard
from gui.posting.dialogs import PostingDialog, VoidDialog
from gui.printing.dialogs import RouteSheetDialog, StatementDialog
from gui.printing.documents import Printout, iou_pdf
from gui.printing.packet import PacketDialog
from gui.promises.call_list import CallListDialog
from gui.promises.dialogs import PromiseDialog
from gui.settings.dialog import SettingsDialog
from gui.settings.people import PeopleDialog
from gui.settings.users import UsersDialog
from gui.settle.grid import SettleDialog
from gui.settle.handover import HandoverDialog
from gui.visits.dialogs import VisitDialog
from gui.widgets import Dialog
from models.exchange.importing.columns import ImportKind
from models.ledger import customers
from models.vocabulary import clock
from models.vocabulary.collecting_records import Promise, Visit, VisitOutcome
from models.vocabulary.entry_records import Entry, EntryKind

if TYPE_CHECKING:
    from gui.preferences import Preferences
    from gui.printing.preview import PreviewDialog
    from reports.documents.phone_images import PhoneStatement


class WindowDialogs:
    """The dialogs of `MainWindow`, opened and wired."""

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

    def print_statement(self, for_phone: bool = False) -> StatementDialog | None:
        customer = self.customer_page.customer
        if customer is None:
            return None
        dialog = StatementDialog(self.ops, customer, for_phone=for_phone)

        def made() -> None:
            if dialog.phone is not None:
                self.show_for_wechat(dialog.phone)
            elif dialog.printout is not None:
                self.preview(dialog.printout)

        dialog.accepted.connect(made)
        return self._open(dialog)

    def show_for_wechat(self, phone: PhoneStatement) -> Dialog:
        from gui.printing.wechat import WeChatDialog

        return self._open(WeChatDialog(self.ops, phone))

    def record_reply(self, number: str = "") -> ReplyDialog:
        """Record customers' replies to statements, slip after slip."""
        return self._open(ReplyDialog(self.ops, number))

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

    def visit_from_today(self, customer_id: int) -> VisitDialog | None:
        """Record a visit from Today (step one for a broken promise; F4 is step two)."""
        customer = self.ops.read(self, lambda: customers.get_customer(customer_id))
        return self._open(VisitDialog(self.ops, customer)) if customer else None

    def preview(self, printout: Printout) -> PreviewDialog:
        # QtPdf is loaded on first preview, not at start-up.
        from gui.printing.preview import PreviewDialog

        self.last_preview = self._open(PreviewDialog(printout, prefs=self.prefs()))
        return self.last_preview

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.ops)
        dialog.language_chosen.connect(self.language_chosen)
        dialog.reload_requested.connect(self.open_settings)
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

    def show_audit(self) -> AuditDialog:
        """Review → Audit trail: not window-modal, like the call list."""
        dialog = AuditDialog(self.ops)
        dialog.setParent(self, dialog.windowFlags())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_people(self) -> PeopleDialog:
        return self._open(PeopleDialog(self.ops))

    def open_users(self) -> UsersDialog | None:
        """Settings → People (who signs in, and their roles): the boss's only."""
        if not self.users_action.isEnabled():
            return None
        dialog = self._open(UsersDialog(self.ops))
        dialog.finished.connect(self._show_who_signed_in)
        return dialog

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
