"""First start: start a new ledger, open the demo ledger (a copy), or open a file."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import colours, file_dialogs, language
from gui.connecting.dialog import ConnectDialog
from gui.ledger_files import build_demo
from gui.preferences import Preferences
from gui.widgets import ErrorLabel, add_row, set_form_label
from models.ledger import settings
from models.storage import db
from models.storage.restoring import GoodBackup
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.errors import LedgerError

log = logging.getLogger(__name__)


class WelcomeScreen(QWidget):
    """Emits `ledger_chosen(target)` with a path or URL ready to open; a new ledger has
    already been created with the company details."""

    ledger_chosen = Signal(str)
    language_chosen = Signal(str)
    opening = Signal()  # a ledger is about to be created and opened
    restore_chosen = Signal(str, object)  # the ledger that will not open, its backup's Path

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.title.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.language_box = QComboBox()
        self.language_box.addItem("中文", "zh")
        self.language_box.addItem("English", "en")
        self.language_box.setCurrentIndex(self.language_box.findData(language.current()))
        self.language_box.currentIndexChanged.connect(
            lambda: self.language_chosen.emit(self.language_box.currentData())
        )

        self.new_box = QGroupBox()
        self.company_name = QLineEdit()
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.bank_account = QLineEdit()
        self.new_form = QFormLayout()
        add_row(self.new_form, self.company_name)
        add_row(self.new_form, self.address)
        add_row(self.new_form, self.phone)
        add_row(self.new_form, self.bank_account)
        self.create_button = QPushButton()
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_ledger)
        self.new_error = ErrorLabel()
        new_layout = QVBoxLayout(self.new_box)
        new_layout.addLayout(self.new_form)
        new_layout.addWidget(self.new_error)
        new_layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        self.company_name.returnPressed.connect(self.create_ledger)

        # A ledger that would not open: its latest good backup, restored in one step.
        self.recovery_box = QGroupBox()
        self.recovery_text = QLabel()
        self.recovery_text.setWordWrap(True)
        self.recover_button = QPushButton()
        self.recover_button.clicked.connect(self._restore_offered)
        recovery_layout = QVBoxLayout(self.recovery_box)
        recovery_layout.addWidget(self.recovery_text)
        recovery_layout.addWidget(self.recover_button, 0, Qt.AlignmentFlag.AlignRight)
        self.recovery_box.hide()
        self.offered: tuple[str, GoodBackup] | None = None
        self.connect_dialog: ConnectDialog | None = None  # the last one opened

        self.demo_button = QPushButton()
        self.demo_button.clicked.connect(self.open_demo)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_file)
        self.shared_button = QPushButton()
        self.shared_button.clicked.connect(self.open_shared)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setStyleSheet(colours.css(colours.muted(self.palette())))

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        self.language_label = QLabel()
        top.addWidget(self.language_label)
        top.addWidget(self.language_box)
        others = QHBoxLayout()
        others.addWidget(self.demo_button)
        others.addWidget(self.open_button)
        others.addWidget(self.shared_button)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addLayout(top)
        column.addWidget(self.intro)
        column.addSpacing(12)
        column.addWidget(self.recovery_box)
        column.addWidget(self.new_box)
        column.addSpacing(12)
        column.addLayout(others)
        column.addWidget(self.where)
        column.addStretch(2)
        # A readable column in the middle of a large window.
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 4)
        outer.addStretch(1)
        self.retranslate()
        self.company_name.setFocus()

    def create_ledger(self) -> None:
        name = self.company_name.text().strip()
        if not name:
            self.new_error.show_message(
                self.tr("Type your company's name: it heads every document.")
            )
            self.company_name.setFocus()
            return
        path = self._free_ledger_path()
        company = CompanySettings(
            name=name,
            address=self.address.text().strip(),
            phone=self.phone.text().strip(),
            bank_account=self.bank_account.text().strip(),
            doc_language=language.current(),
        )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.opening.emit()  # File → New ledger: the window's workers stop first
            db.open_ledger(str(path))
            settings.save_company(company)
        except LedgerError as err:
            self.new_error.show_message(str(err))
            return
        except OSError as err:
            log.exception("creating the data folder failed")
            self.new_error.show_message(
                self.tr("The folder ‘{folder}’ cannot be created: {reason}").format(
                    folder=path.parent, reason=err.strerror or err
                )
            )
            return
        self.ledger_chosen.emit(str(path))

    def _free_ledger_path(self) -> Path:
        """The default ledger file, or when one is there already (a second ledger from
        File → New ledger), the next free name beside it: a new ledger never opens or
        changes a file that exists."""
        path = self.prefs.default_ledger
        n = 2
        while path.exists():
            path = self.prefs.default_ledger.with_name(
                f"{self.prefs.default_ledger.stem}-{n}{self.prefs.default_ledger.suffix}"
            )
            n += 1
        return path

    def offer_backup(self, ledger: str, good: GoodBackup) -> None:
        """Show the ledger that would not open and its latest good backup (time and
        totals), with the button that restores it."""
        self.offered = (ledger, good)
        self._show_offer()
        self.recovery_box.show()
        self.recover_button.setFocus()

    def _show_offer(self) -> None:
        if self.offered is None:
            return
        ledger, good = self.offered
        last = good.totals.last_entry_on
        self.recovery_text.setText(
            self.tr(
                "The ledger {ledger} cannot be opened. Its latest good backup was taken "
                "{time}: {customers} customers, {entries} entries, last entry {last} "
                "({path}). Restoring it keeps the ledger as it is now beside the backups."
            ).format(
                ledger=ledger,
                time=good.backup.label(),
                customers=f"{good.totals.customers:,}",
                entries=f"{good.totals.entries:,}",
                last=last.isoformat() if last else "—",
                path=good.backup.path,
            )
        )

    def _restore_offered(self) -> None:
        if self.offered is not None:
            ledger, good = self.offered
            self.restore_chosen.emit(ledger, good.backup.path)

    def open_demo(self) -> None:
        path = self.prefs.demo_ledger
        if not path.exists():
            from PySide6.QtWidgets import QApplication

            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                self.opening.emit()  # building it closes the ledger open in the window
                build_demo(path)
            except (LedgerError, OSError) as err:
                log.exception("building the demo failed")
                self.new_error.show_message(str(err))
                return
            finally:
                QApplication.restoreOverrideCursor()
        self.ledger_chosen.emit(str(path))

    def open_file(self) -> None:
        target, _filter = file_dialogs.get_open_file_name(
            self,
            self.tr("Open a ledger"),
            str(self.prefs.data_dir),
            self.tr("Qingkuan ledgers (*.qkledger);;All files (*)"),
        )
        if target:
            self.ledger_chosen.emit(target)

    def open_shared(self) -> ConnectDialog:
        """ "Connect to a shared ledger…": the dialog (not blocking); once it connects,
        the ledger it names is chosen."""
        last = self.prefs.the_ledger()
        dialog = ConnectDialog(self, last if db.is_postgres_url(last) else "")
        dialog.accepted.connect(lambda: self.ledger_chosen.emit(dialog.target))
        dialog.finished.connect(dialog.deleteLater)
        self.connect_dialog = dialog
        dialog.open()
        return dialog

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to Qingkuan"))
        self.title.setText(self.tr("Welcome to Qingkuan 清款"))
        self.intro.setText(
            self.tr(
                "Qingkuan keeps what your customers owe: deliveries, payments, promises to "
                "pay and the statements and IOU notes your reps carry."
            )
        )
        self.language_label.setText(self.tr("Language:"))
        # The language may have been switched elsewhere: show the one in use.
        self.language_box.blockSignals(True)
        self.language_box.setCurrentIndex(self.language_box.findData(language.current()))
        self.language_box.blockSignals(False)
        self.new_box.setTitle(self.tr("Start a new ledger"))
        for field, text in (
            (self.company_name, self.tr("&Company name:")),
            (self.address, self.tr("&Address:")),
            (self.phone, self.tr("&Phone:")),
            (self.bank_account, self.tr("&Bank account:")),
        ):
            set_form_label(self.new_form, field, text)
        self.company_name.setPlaceholderText(self.tr("e.g. 佛山市东城食品批发部"))
        self.bank_account.setPlaceholderText(self.tr("Printed on statements for transfers"))
        self.create_button.setText(self.tr("Create &ledger"))
        self.recovery_box.setTitle(self.tr("Restore the latest good backup"))
        self.recover_button.setText(self.tr("&Restore this backup"))
        self._show_offer()
        self.demo_button.setText(self.tr("Try the &demo ledger (a copy)"))
        self.open_button.setText(self.tr("&Open a ledger file…"))
        self.shared_button.setText(self.tr("Connect to a &shared ledger…"))
        self.where.setText(
            self.tr("Your ledger will be kept in {folder}").format(folder=Path(self.prefs.data_dir))
        )
