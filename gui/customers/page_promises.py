"""The customer page's promises tab: every promise to pay, kept or not, and what acts
on the selected one: a new date, cancelling it, its IOU note.

A part of `CustomerPage` (gui/customers/page.py), which mixes it in; a new date and
the IOU note are requests the main window answers. Its texts keep the page's
translation context ("CustomerPage").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from gui.promises.table_model import PromiseModel
from gui.table_export import read_only_view
from models.ledger import promises
from models.vocabulary.collecting_records import Promise, PromiseStatus


class PagePromises:
    """The promises tab of `CustomerPage` and the actions on its selected promise."""

    # --- the tab -------------------------------------------------------------------
    def _promises_tab(self) -> QWidget:
        self.promise_model = PromiseModel(self)
        self.promise_table = read_only_view(self.promise_model, "promises")
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
        return promise_tab

    # --- the selected promise ------------------------------------------------------
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

    # --- language ----------------------------------------------------------------
    def _retranslate_promises_tab(self) -> None:
        self.reschedule_button.setText(QCoreApplication.translate("CustomerPage", "New &date…"))
        self.cancel_promise_button.setText(
            QCoreApplication.translate("CustomerPage", "Cancel promise")
        )
        self.iou_button.setText(QCoreApplication.translate("CustomerPage", "Print &IOU note…"))
