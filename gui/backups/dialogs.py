"""File → Back up now…, File → Restore…, Settings → Backup folder…, and for a shared
PostgreSQL ledger the pg_dump/pg_restore commands instead."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import file_dialogs, formatting
from gui.background import BackgroundReader
from gui.backups.keeper import BackupKeeper
from gui.form import Button, FormDialog
from gui.widgets import Dialog, ErrorLabel
from models.storage import backup, backup_folder, restoring


def ask(parent: QWidget, title: str, question: str) -> bool:
    """Yes or no (tests replace this function, not the Qt class)."""
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(size // 1024, 1)} KB"


class BackupNowDialog(Dialog):
    """Backs up at once (on a worker thread) and says where the copy went."""

    def __init__(self, keeper: BackupKeeper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keeper = keeper
        self.written: Path | None = None
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the backup API does it in one step
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.folder_label, self.progress, self.result_label, self.error):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        self.runner = BackgroundReader(self)
        self.runner.loaded.connect(self._done)
        self.runner.failed.connect(self._failed)
        self.setMinimumWidth(520)
        self.retranslate()
        folder, ledger = keeper.folder(), keeper.ledger
        self.runner.start(lambda: backup_folder.auto_backup(ledger, folder))

    def _done(self, path: object) -> None:
        self.written = Path(str(path))
        self.progress.hide()
        self.result_label.setText(
            self.tr("Backup written: {path} ({size}).").format(
                path=self.written, size=size_text(self.written.stat().st_size)
            )
        )
        self.keeper.problem = ""
        self.keeper.announce()

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.error.show_message(message)

    def reject(self) -> None:
        self.runner.wait()  # a backup half-way is finished, never abandoned
        super().reject()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Back up now"))
        self.folder_label.setText(
            self.tr("Backing up {ledger} to {folder}…").format(
                ledger=self.keeper.ledger.name, folder=self.keeper.folder()
            )
        )


def _read_list(folder: Path, ledger: Path) -> list[tuple[backup_folder.BackupFile, object]]:
    """Each backup with its totals (or the sentence why it cannot be read)."""
    rows: list[tuple[backup_folder.BackupFile, object]] = []
    for b in backup_folder.list_backups(folder, ledger):
        try:
            rows.append((b, backup.read_totals(b.path, check=False)))
        except backup.LedgerFileError as err:
            rows.append((b, str(err)))
    return rows


class RestoreDialog(FormDialog):
    """Lists the backups with date, size and totals; the chosen one is checked in full
    before anything is touched. `restore_chosen` carries the checked file."""

    restore_chosen = Signal(object)
    COLUMNS = 6

    def __init__(self, keeper: BackupKeeper, parent: QWidget | None = None) -> None:
        super().__init__(parent, ok=Button.Ok)
        self.keeper = keeper
        self.chosen: Path | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.submit)
        self.other = QPushButton()
        self.other.clicked.connect(self.choose_file)
        self.status = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.other)
        row.addStretch(1)
        row.addWidget(self.status)
        self.body.addWidget(self.intro)
        self.body.addWidget(self.table, 1)
        self.body.addLayout(row)
        self.lister = BackgroundReader(self)
        self.lister.loaded.connect(self._listed)
        self.checker = BackgroundReader(self)
        self.checker.loaded.connect(self._checked)
        self.checker.failed.connect(self._check_failed)
        self.resize(820, 480)
        self.ready()
        folder, ledger = keeper.folder(), keeper.ledger
        self.lister.start(lambda: _read_list(folder, ledger))

    def _listed(self, rows: list[tuple[backup_folder.BackupFile, object]]) -> None:
        self.table.setRowCount(0)
        for b, totals in rows:
            # The label tells same-second backups and the copies restores kept apart.
            self._add_row(b.path, b.label(), b.size, totals)
        if self.table.rowCount():
            self.table.selectRow(0)
        self.table.setFocus()

    def _add_row(self, path: Path, taken: str, size: int, totals: object) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        if isinstance(totals, backup.LedgerTotals):
            last = totals.last_entry_on
            cells = [
                taken,
                size_text(size),
                f"{totals.customers:,}",
                f"{totals.entries:,}",
                formatting.money(totals.balance),
                last.isoformat() if last else "—",
            ]
        else:
            cells = [taken, size_text(size), str(totals), "", "", ""]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            if column >= 1:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)

    def choose_file(self) -> None:
        name, _filter = file_dialogs.get_open_file_name(
            self,
            self.tr("Restore from a file"),
            str(self.keeper.folder()),
            self.tr("Qingkuan ledgers (*.qkledger);;All files (*)"),
        )
        if name:
            self.add_file(Path(name))

    def add_file(self, path: Path) -> None:
        """Offer a backup from elsewhere (a USB stick), and select it."""
        try:
            totals: object = backup.read_totals(path, check=False)
        except backup.LedgerFileError as err:
            totals = str(err)
        self._add_row(path, path.name, path.stat().st_size, totals)
        self.table.selectRow(self.table.rowCount() - 1)

    def selected(self) -> Path | None:
        items = self.table.selectedItems()
        return Path(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def submit(self) -> None:
        path = self.selected()
        self.error.clear_message()
        if path is None:
            self.error.show_message(self.tr("Choose the backup to restore."))
            return
        self.status.setText(self.tr("Checking the backup…"))
        self.buttons.setEnabled(False)
        self.checker.start(lambda: (path, backup.read_totals(path)))

    def _check_failed(self, message: str) -> None:
        self.status.clear()
        self.buttons.setEnabled(True)
        self.error.show_message(message)

    def _checked(self, result: tuple[Path, backup.LedgerTotals]) -> None:
        path, totals = result
        self.status.clear()
        self.buttons.setEnabled(True)
        last = totals.last_entry_on
        question = self.tr(
            "Replace the ledger {ledger} by this backup (taken {time}: {customers} customers, "
            "{entries} entries, {balance} owed, last entry {last})?\n\nThe ledger as it is "
            "now is kept first, as a copy named ‘before restore’."
        ).format(
            ledger=self.keeper.ledger.name,
            time=restoring.taken_label(path),
            customers=f"{totals.customers:,}",
            entries=f"{totals.entries:,}",
            balance=formatting.money(totals.balance),
            last=last.isoformat() if last else "—",
        )
        if ask(self, self.tr("Restore"), question):
            self.chosen = path
            self.restore_chosen.emit(path)
            self.accept()

    def reject(self) -> None:
        self.lister.cancel()
        self.checker.cancel()
        super().reject()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Restore a backup"))
        self.intro.setText(
            self.tr(
                "Backups of {ledger} in {folder}, newest first. The one you choose is checked "
                "before anything is changed."
            ).format(ledger=self.keeper.ledger.name, folder=self.keeper.folder())
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Taken"),
                self.tr("Size"),
                self.tr("Customers"),
                self.tr("Entries"),
                self.tr("Owed"),
                self.tr("Last entry"),
            ]
        )
        self.other.setText(self.tr("&Other file…"))
        assert self.ok_button is not None
        self.ok_button.setText(self.tr("&Restore"))


class BackupFolderDialog(FormDialog):
    """Settings → Backup folder: beside the ledger (default) or another folder."""

    def __init__(self, keeper: BackupKeeper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keeper = keeper
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.path = QLineEdit(str(keeper.folder()))
        self.browse = QPushButton()
        self.browse.clicked.connect(self.choose)
        self.default = QPushButton()
        self.default.clicked.connect(
            lambda: self.path.setText(str(backup_folder.default_folder(keeper.ledger)))
        )
        self.folder_row = QHBoxLayout()
        self.folder_row.addWidget(self.path, 1)
        self.folder_row.addWidget(self.browse)
        self.folder_row.addWidget(self.default)
        self.form.addRow(self.intro)
        self.row(self.folder_row)
        self.setMinimumWidth(620)
        self.ready(self.path)

    def choose(self) -> None:
        folder = file_dialogs.get_existing_directory(
            self, self.tr("Backup folder"), self.path.text()
        )
        if folder:
            self.path.setText(folder)

    def submit(self) -> None:
        folder = Path(self.path.text().strip()).expanduser()
        default = backup_folder.default_folder(self.keeper.ledger)
        warning = backup_folder.folder_warning(folder, self.keeper.ledger)
        if warning:
            self.show_error(warning, self.path)
            return
        self.keeper.prefs.set_backup_folder(None if folder == default else folder)
        self.keeper.announce()
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Backup folder"))
        self.intro.setText(
            self.tr(
                "Automatic backups go to this folder: beside the ledger, or a USB stick or a "
                "synced folder. If it is missing, the window warns and makes no backup."
            )
        )
        self.set_labels([(self.folder_row, self.tr("&Folder:"))])
        self.browse.setText(self.tr("&Browse…"))
        self.default.setText(self.tr("Beside the &ledger"))


class SharedBackupDialog(Dialog):
    """A shared PostgreSQL ledger is backed up by its server: the commands to use."""

    def __init__(self, target: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        dump, restore = backup.postgres_commands(target)
        self.commands = QPlainTextEdit(f"{dump}\n\n{restore}")
        self.commands.setReadOnly(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.commands)
        layout.addWidget(self.buttons)
        self.resize(720, 300)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Backups of a shared ledger"))
        self.intro.setText(
            self.tr(
                "This ledger lives on a PostgreSQL server, which several computers share. "
                "Back it up on the server with the first command (it asks for the password), "
                "and restore it with the second, after everyone has closed Qingkuan."
            )
        )
