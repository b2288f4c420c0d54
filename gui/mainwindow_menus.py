"""The main window's menus: File, Print, Route, Review and Settings (Help is
gui/help/menu.py), each item an action with its shortcut, connected to what the
window does.

A part of `MainWindow` (gui/mainwindow.py), which mixes it in: the actions are the
window's own (`window.import_deliveries_action`), so their shortcuts work on every
screen and win over a screen's own keys. Its texts keep the window's translation
context ("MainWindow").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from gui.help.menu import HelpMenu


class WindowMenus:
    """The menu bar of `MainWindow`."""

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_action = QAction(self, shortcut=QKeySequence("Ctrl+N"))
        self.new_action.triggered.connect(self.new_customer)
        self.find_action = QAction(self, shortcut=QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.find_customer)
        self.open_action = QAction(self, shortcut=QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_other_requested)
        self.connect_action = QAction(self, shortcut=QKeySequence("Ctrl+Shift+O"))
        self.connect_action.triggered.connect(self.connect_shared_requested)
        self.new_ledger_action = QAction(self)
        self.new_ledger_action.triggered.connect(self.new_ledger_requested)
        self.quit_action = QAction(self, shortcut=QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        for action in (
            self.new_action,
            self.find_action,
            self.open_action,
            self.connect_action,
            self.new_ledger_action,
        ):
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
        # Replies to statements (对账回执), slip after slip from a desk scanner.
        self.reply_action = QAction(self, shortcut=QKeySequence("F7"))
        self.reply_action.triggered.connect(lambda: self.record_reply())
        for action in (
            self.today_action, self.settle_action, self.handover_action, self.reply_action
        ):  # fmt: skip
            self.route_menu.addAction(action)
        self.review_menu = bar.addMenu("")
        self.review_action = QAction(self, shortcut=QKeySequence("F9"))
        self.review_action.triggered.connect(self.show_review)
        self.review_menu.addAction(self.review_action)
        self.commission_action = QAction(self, shortcut=QKeySequence("Ctrl+Shift+K"))
        self.commission_action.triggered.connect(lambda: self.show_review().show_commission())
        self.review_menu.addAction(self.commission_action)
        self.forecast_action = QAction(self, shortcut=QKeySequence("Ctrl+Shift+F"))
        self.forecast_action.triggered.connect(lambda: self.show_review().show_forecast())
        self.review_menu.addAction(self.forecast_action)
        self.audit_action = QAction(self, shortcut=QKeySequence("Ctrl+Shift+A"))
        self.audit_action.triggered.connect(self.show_audit)
        self.review_menu.addAction(self.audit_action)

        self.settings_menu = bar.addMenu("")
        self.settings_action = QAction(self, shortcut=QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.settings_menu.addAction(self.settings_action)
        self.people_action = QAction(self)
        self.people_action.triggered.connect(self.open_people)
        self.settings_menu.addAction(self.people_action)
        # Who signs in, and their roles: shown to those whose role may change them.
        self.users_action = QAction(self)
        self.users_action.triggered.connect(self.open_users)
        self.settings_menu.addAction(self.users_action)
        self.backup_folder_action = QAction(self)
        self.backup_folder_action.triggered.connect(self.choose_backup_folder)
        self.settings_menu.addAction(self.backup_folder_action)
        self.language_menu = self.settings_menu.addMenu("")
        self.chinese_action = self.language_menu.addAction("中文")
        self.chinese_action.triggered.connect(lambda: self.language_chosen.emit("zh"))
        self.english_action = self.language_menu.addAction("English")
        self.english_action.triggered.connect(lambda: self.language_chosen.emit("en"))
        self.help = HelpMenu(self, self.ledger_name)

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

    # --- language ----------------------------------------------------------------
    def _retranslate_menus(self) -> None:
        self.file_menu.setTitle(QCoreApplication.translate("MainWindow", "&File"))
        self.new_action.setText(QCoreApplication.translate("MainWindow", "&New customer…"))
        self.find_action.setText(QCoreApplication.translate("MainWindow", "&Find customer"))
        self.open_action.setText(QCoreApplication.translate("MainWindow", "&Open another ledger…"))
        self.connect_action.setText(
            QCoreApplication.translate("MainWindow", "Connect to a s&hared ledger…")
        )
        self.new_ledger_action.setText(QCoreApplication.translate("MainWindow", "New &ledger…"))
        self.quit_action.setText(QCoreApplication.translate("MainWindow", "&Quit"))
        self.import_action.setText(QCoreApplication.translate("MainWindow", "&Import…"))
        self.import_deliveries_action.setText(
            QCoreApplication.translate("MainWindow", "Import &deliveries…")
        )
        self.export_action.setText(QCoreApplication.translate("MainWindow", "&Export…"))
        shared = self.keeper is not None and not self.keeper.enabled
        self.backup_action.setText(
            QCoreApplication.translate("MainWindow", "&Backups of the shared ledger…")
            if shared
            else QCoreApplication.translate("MainWindow", "&Back up now…")
        )
        self.restore_action.setText(QCoreApplication.translate("MainWindow", "&Restore a backup…"))
        self.backup_folder_action.setText(
            QCoreApplication.translate("MainWindow", "&Backup folder…")
        )
        self.print_menu.setTitle(QCoreApplication.translate("MainWindow", "&Print"))
        self.route_sheet_action.setText(QCoreApplication.translate("MainWindow", "&Route sheet…"))
        self.call_list_action.setText(
            QCoreApplication.translate("MainWindow", "&Call list (promises due)…")
        )
        self.packet_action.setText(QCoreApplication.translate("MainWindow", "Route-day &packet…"))
        self.route_menu.setTitle(QCoreApplication.translate("MainWindow", "R&oute"))
        self.today_action.setText(QCoreApplication.translate("MainWindow", "&Today"))
        self.settle_action.setText(QCoreApplication.translate("MainWindow", "&Settle a route day…"))
        self.handover_action.setText(
            QCoreApplication.translate("MainWindow", "&Hand-over summary…")
        )
        self.reply_action.setText(
            QCoreApplication.translate("MainWindow", "Record a statement &reply…")
        )
        self.review_menu.setTitle(QCoreApplication.translate("MainWindow", "Revie&w"))
        self.review_action.setText(QCoreApplication.translate("MainWindow", "The boss's &review"))
        self.commission_action.setText(
            QCoreApplication.translate("MainWindow", "Collection &commission…")
        )
        self.forecast_action.setText(QCoreApplication.translate("MainWindow", "Cash &forecast"))
        self.audit_action.setText(QCoreApplication.translate("MainWindow", "&Audit trail…"))
        self.settings_menu.setTitle(QCoreApplication.translate("MainWindow", "Se&ttings"))
        self.settings_action.setText(QCoreApplication.translate("MainWindow", "&Settings…"))
        self.people_action.setText(QCoreApplication.translate("MainWindow", "&Reps and routes…"))
        self.users_action.setText(QCoreApplication.translate("MainWindow", "P&eople and roles…"))
        self.language_menu.setTitle(QCoreApplication.translate("MainWindow", "&Language / 语言"))
        self.help.retranslate()
