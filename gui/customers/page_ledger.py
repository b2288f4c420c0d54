"""The customer page's ledger tab: the entries with their running balance (read a page
at a time as the clerk scrolls), and what acts on the selected entry: void it, move
its cheque on (deposited, cleared, bounced) or set the cheque's status back.

A part of `CustomerPage` (gui/customers/page.py), which mixes it in; voiding and
bouncing are requests the main window answers with a dialog. Its texts keep the
page's translation context ("CustomerPage").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.ledger.table_model import DEFAULT_CAP, WIDTH_CAPS, LedgerModel
from gui.table_export import read_only_view
from models.ledger import cheque_status
from models.vocabulary.entry_records import ChequeStatus


class PageLedger:
    """The ledger tab of `CustomerPage` and the actions on its selected entry."""

    # --- the tab -------------------------------------------------------------------
    def _ledger_tab(self) -> QWidget:
        self.ledger_model = LedgerModel(self)
        self.ledger_table = read_only_view(self.ledger_model, "ledger")
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
        return ledger_tab

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

    # --- the selected entry --------------------------------------------------------
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
            self._show_ledger_count()

    def _show_ledger_count(self) -> None:
        self.ledger_count.setText(
            QCoreApplication.translate(
                "CustomerPage", "{shown} of {total} entries loaded (scroll for older)"
            ).format(
                shown=f"{self.ledger_model.rowCount():,}", total=f"{self.ledger_model.total:,}"
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

    # --- language ----------------------------------------------------------------
    def _retranslate_ledger_tab(self) -> None:
        self.void_button.setText(QCoreApplication.translate("CustomerPage", "&Void entry…"))
        self.void_button.setToolTip(
            QCoreApplication.translate(
                "CustomerPage", "Entries are never deleted: a void posts a reversal (Ctrl+Del)"
            )
        )
        self.bounce_button.setText(QCoreApplication.translate("CustomerPage", "Cheque &bounced…"))
        self.deposited_button.setText(
            QCoreApplication.translate("CustomerPage", "Cheque &deposited")
        )
        self.cleared_button.setText(QCoreApplication.translate("CustomerPage", "Cheque clea&red"))
        self.set_back_button.setText(
            QCoreApplication.translate("CustomerPage", "&Undo cheque status")
        )
        self.set_back_button.setToolTip(
            QCoreApplication.translate(
                "CustomerPage",
                "Sets the cheque back to its status before the last change; the history "
                "(hover the Cheque column) keeps both",
            )
        )
