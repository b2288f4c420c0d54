"""Start the desktop app: `run()` is what `main.py` calls.

`Launcher` decides what the user sees first: the ledger named on the command line, the
default ledger in the user's data folder, or the welcome screen when there is none.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from types import TracebackType

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from gui import clipboard, file_dialogs, language
from gui.backups.keeper import BackupKeeper
from gui.connecting.dialog import ConnectDialog
from gui.crash import CrashDialog, crash_details
from gui.fonts import apply_ui_font
from gui.icon import app_icon
from gui.ledger_files import ask_about_shared_folder, ask_password, open_ledger, remove_foreign
from gui.live_updates import LiveUpdates
from gui.mainwindow import MainWindow
from gui.operations import Operations
from gui.preferences import Preferences, default_data_dir
from gui.screen import fit_on_screen
from gui.sign_in import ask_sign_in
from gui.single_instance import FileOpenFilter, InstanceServer, hand_over, instance_key
from gui.welcome.view import WelcomeScreen
from models.ledger import users
from models.storage import backup_folder, db, keychain, paths, restoring
from models.storage.shared_folders import SharedFolderError, copy_to_local
from models.storage.targets import (
    ScrubbingFormatter,
    display_target,
    is_postgres_url,
    password_of,
    scrub,
    with_password,
    without_password,
)
from models.vocabulary.errors import ForeignSchema, LedgerError, LedgerFileError, PasswordNeeded
from models.vocabulary.version import version

log = logging.getLogger(__name__)


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName("Qingkuan")
    app.setApplicationName("Qingkuan")
    app.setApplicationDisplayName("Qingkuan 清款")
    app.setApplicationVersion(version())
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("qingkuan")  # Wayland/X11 match the window to qingkuan.desktop
    apply_ui_font(app)
    return app  # type: ignore[return-value]


class Launcher(QObject):
    """Owns the top-level windows and the open ledger for one run of the app."""

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.prefs = Preferences(data_dir)
        self.ops = Operations(self)
        self.window: MainWindow | None = None
        self.welcome: WelcomeScreen | None = None
        self.keeper: BackupKeeper | None = None
        self.live: LiveUpdates | None = None  # others' changes, for the open window
        # A ledger that would not open, with its latest good backup (the welcome offers it).
        self.offer: tuple[str, restoring.GoodBackup] | None = None
        language.set_language(language.startup_language(self.prefs.language()))

    def start(self, target: str | None) -> QWidget:
        """Open `target`, or "the" ledger (the last one opened, shared with the command
        line; a shared ledger is remembered without its password and asks for it), or
        show the welcome screen."""
        if target is None:
            remembered = self.prefs.the_ledger()
            if is_postgres_url(remembered) or Path(remembered).is_file():
                target = remembered
        if target is not None and self.open(target):
            return self.window  # type: ignore[return-value]
        return self.show_welcome()

    def open(self, target: str, parent: QWidget | None = None) -> bool:
        """Open a ledger and show it; a file that cannot be opened gets a dialog, a
        shared ledger that wants a password asks for it, a file holding triggers (…)
        Qingkuan did not make asks whether to remove them."""
        try:
            try:
                target = self._open_asking_password(target, parent)
            except ForeignSchema as foreign:
                if not remove_foreign(parent or self.welcome, target, foreign.names):
                    return False
                target = self._open_asking_password(target, parent)
        except SharedFolderError as err:
            return self._open_shared(err, parent)
        except LedgerFileError as err:
            log.info("cannot open %s: %s", display_target(target), err)
            tell_user(parent or self.welcome, self.tr("Cannot open the ledger"), scrub(str(err)))
            self.offer = self._latest_good(target)
            if self.offer is not None and self.welcome is not None:
                self.welcome.offer_backup(*self.offer)
            return False
        if target is None:
            return False  # the password was not given
        if not self._is_backup(target):  # a backup's view is never "the" ledger
            self.prefs.set_last_ledger(without_password(target))
        self._show_main(target)
        if db.guards_warning():
            warn_user(self.window, self.tr("Ledger safeguards put back"), db.guards_warning())
        return True

    def _open_shared(self, err: SharedFolderError, parent: QWidget | None) -> bool:
        """A ledger in a shared folder is never written there: work on a copy made on
        this computer (through the backup API; it becomes the ledger), or look at it
        read-only (not remembered, no automatic backups into the shared folder)."""
        choice = ask_about_shared_folder(parent or self.welcome, err)
        try:
            if choice == "copy":
                copy = copy_to_local(err.path, self.prefs.data_dir)
                log.info("copied %s from a shared folder to %s", err.path, copy)
                return self.open(str(copy), parent)
            if choice == "view":
                open_ledger(str(err.path), reading=True)
                self._show_main(str(err.path), backups=False)
                return True
        except LedgerError as failed:
            tell_user(parent or self.welcome, self.tr("Cannot open the ledger"), str(failed))
        return False

    def _open_asking_password(self, target: str, parent: QWidget | None) -> str | None:
        """Open `target`; while a shared ledger refuses the password, ask for it.
        Returns the target that opened (with the password typed), None if cancelled."""
        wrong = password_of(target) is not None
        asked = False
        self.stop_reading()  # opening closes the ledger open now, and its connections
        while True:
            try:
                if self._is_backup(target):
                    open_ledger(target, backup_view=True)
                else:
                    open_ledger(target)
                if users.sign_in_required() and not ask_sign_in(
                    parent or self.welcome, display_target(target)
                ):
                    db.close_ledger()
                    return None
            except PasswordNeeded:
                # The keychain's password, refused: say so, as for a wrong one typed.
                wrong = wrong or (not asked and keychain.saved_password(target) is not None)
                password = ask_password(parent or self.welcome, display_target(target), wrong)
                if password is None:
                    return None
                target, wrong = with_password(target, password), True
                asked = True
            else:
                if asked:
                    _replace_kept_password(target)
                return target

    def stop_reading(self) -> None:
        """Wait for the window's worker threads (the ledger is about to close)."""
        if self.window is not None:
            self.window.stop_reading()

    def _latest_good(self, target: str) -> tuple[str, restoring.GoodBackup] | None:
        """A ledger file that will not open because it is damaged (or gone), with its
        latest good backup; None when there is none or it failed for another reason."""
        if is_postgres_url(target) or self._is_backup(target) or Path(target).is_dir():
            return None
        if not restoring.is_damaged(target):
            return None
        good = restoring.latest_good(target, self._backup_folder(target))
        return (target, good) if good is not None else None

    def _backup_folder(self, target: str) -> Path:
        return self.prefs.backup_folder() or backup_folder.default_folder(target)

    def restore_latest(self, target: str, source: Path) -> bool:
        """The welcome screen's one step: restore the ledger that would not open from
        its latest good backup (keeping it as it was), open it, say what was done."""
        try:
            done = restoring.restore(target, source, self._backup_folder(target))
        except LedgerError as err:
            tell_user(self.welcome, self.tr("Cannot restore the backup"), str(err))
            return False
        self.offer = None
        if not self.open(target, self.welcome):
            return False
        inform_user(self.window, self.tr("Backup restored"), "\n\n".join(done.lines()))
        return True

    def _is_backup(self, target: str) -> bool:
        """A file from a backups folder: opened read-only as a view (see
        `models.storage.backup_folder.is_backup_file`), without automatic backups of its own."""
        return not is_postgres_url(target) and backup_folder.is_backup_file(
            target, self.prefs.backup_folder()
        )

    def open_requested(self, target: str) -> None:
        """A later start (a double-clicked ledger) asked this one to open `target` (a
        shared ledger comes without its password: the open asks for it); the ledger open
        already (under any name) is only brought to the front."""
        if target and not _same_ledger(target, db.current_target()):
            if self.window is not None:
                self.window.stop_reading()
            current = db.current_target()
            if not self.open(target, self.window or self.welcome) and current:
                open_ledger(current)  # stay with the ledger that was open
                self.start_live()
        front = self.window or self.welcome
        if front is not None:
            front.show()
            front.raise_()
            front.activateWindow()

    def _show_main(self, target: str, *, backups: bool = True) -> None:
        old, old_keeper = self.window, self.keeper
        if old is not None:
            old.retire()
        self.window = MainWindow(self.ops, display_target(target, short=True))
        self.start_live()
        self.keeper = BackupKeeper(self.ops, self.prefs, target)
        self.keeper.enabled = self.keeper.enabled and backups
        if self._is_backup(target):
            self.keeper.enabled = False  # no backups/backups
        self.window.set_keeper(self.keeper)
        self.window.closing.connect(self.keeper.finish)
        self.window.restore_requested.connect(self.restore_backup)
        window = self.window
        window.closing.connect(lambda: self.prefs.set_geometry(window.saveGeometry()))
        self.window.language_chosen.connect(self.set_language)
        self.window.open_other_requested.connect(self.open_other)
        self.window.connect_shared_requested.connect(self.connect_shared)
        self.window.new_ledger_requested.connect(self.new_ledger)
        geometry = self.prefs.geometry()
        if geometry is None:
            # The first time: all the screen there is; "restore down" then returns to a
            # size that fits it too (1200×760 is taller than a 768 or 1080@150% screen).
            fit_on_screen(window)
            window.showMaximized()
        else:
            # Remembered size and place, clamped to the screen it opens on now (a laptop
            # undocked from the office monitor).
            window.restoreGeometry(geometry)
            if not window.isMaximized():
                fit_on_screen(window)
            window.show()
        self.keeper.start()
        if old is not None:
            old.close()
            old.retire()  # closing may have asked for a read: none starts, none runs
            old.deleteLater()
        if old_keeper is not None:  # its last backup was made at closing
            old_keeper.retire()
        if self.welcome is not None:
            self.welcome.close()
            self.welcome.deleteLater()
            self.welcome = None

    def start_live(self) -> None:
        """Show others' changes in the window of the ledger open now (the window stops
        it when its ledger is about to close)."""
        if self.live is not None:
            self.live.stop()
        self.live = LiveUpdates(self)
        self.live.others_changed.connect(self.ops.others_changed)
        if self.window is not None:
            self.window.live = self.live

    def show_welcome(self) -> WelcomeScreen:
        self.welcome = WelcomeScreen(self.prefs)
        self.welcome.opening.connect(self.stop_reading)
        self.welcome.ledger_chosen.connect(self.open)
        self.welcome.restore_chosen.connect(self.restore_latest)
        if self.offer is not None:
            self.welcome.offer_backup(*self.offer)
        self.welcome.language_chosen.connect(self.set_language)
        self.welcome.resize(900, 620)
        fit_on_screen(self.welcome)
        self.welcome.show()
        return self.welcome

    def new_ledger(self) -> WelcomeScreen:
        """File → New ledger: the welcome screen's new-ledger form, over the open
        ledger's window (which stays until the new ledger opens)."""
        if self.welcome is None or not shiboken6.isValid(self.welcome):
            self.show_welcome()
        assert self.welcome is not None
        self.welcome.show()
        self.welcome.raise_()
        self.welcome.activateWindow()
        self.welcome.company_name.setFocus()
        return self.welcome

    def open_other(self) -> None:
        target, _filter = file_dialogs.get_open_file_name(
            self.window,
            self.tr("Open a ledger"),
            str(self.prefs.data_dir),
            self.tr("Qingkuan ledgers (*.qkledger);;All files (*)"),
        )
        if target:
            self._switch_to(target)

    def connect_shared(self) -> ConnectDialog:
        """File → Connect to a shared ledger…: the dialog over the window (not blocking);
        the ledger it connects to replaces the open one, which stays if it fails."""
        last = self.prefs.the_ledger()
        dialog = ConnectDialog(self.window, last if is_postgres_url(last) else "")
        dialog.accepted.connect(lambda: self._switch_to(dialog.target))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _switch_to(self, target: str) -> None:
        """Open `target` in place of the open ledger; stay with that one if it fails."""
        self.stop_reading()
        current = db.current_target()
        if not self.open(target, self.window) and current:
            open_ledger(current)  # stay with the ledger that was open
            self.start_live()

    def restore_backup(self, source: Path) -> bool:
        """Replace the open ledger by a checked backup (keeping it as it was), reopen,
        and say what was restored and where the replaced ledger is kept."""
        target, keeper = db.current_target(), self.keeper
        self.stop_reading()
        if keeper is not None:
            keeper.runner.wait()
            keeper.enabled = False  # the ledger it knew is being replaced
        db.close_ledger()  # the restore's own connection must be the only one
        try:
            done = restoring.restore(target, source, keeper.folder() if keeper else None)
        except LedgerError as err:
            tell_user(self.window, self.tr("Cannot restore the backup"), str(err))
            if keeper is not None:
                keeper.enabled = True
            open_ledger(target)
            self.start_live()
            return False
        opened = self.open(target, self.window)
        if opened:
            inform_user(self.window, self.tr("Backup restored"), "\n\n".join(done.lines()))
        return opened

    def shutdown(self) -> None:
        """Stop background reads and delete the windows while Qt is still running
        (deleting Qt objects after the QApplication is gone can crash the process)."""
        if self.window is not None:
            self.window.stop_reading()
        if self.live is not None:
            self.live.stop()
        if self.keeper is not None:
            self.keeper.runner.cancel()
        clipboard.hand_over()  # what was copied for WeChat outlives the app, safely
        for widget in (self.window, self.welcome):
            if widget is not None and shiboken6.isValid(widget):
                widget.close()
                widget.deleteLater()
        self.window = self.welcome = None

    def set_language(self, lang: str) -> None:
        """Switch the UI (and model messages) at once and remember the choice."""
        language.set_language(lang)
        self.prefs.set_language(lang)
        self.ops.language_changed.emit()


def _replace_kept_password(target: str) -> None:
    """The password typed for `target` opened it: when the keychain keeps another
    (changed on the server since), keep the new one instead; nothing is added to a
    keychain the user did not ask to keep it in."""
    address, typed = without_password(target), password_of(target)
    kept = keychain.saved_password(address)
    if typed and kept is not None and kept != typed:
        keychain.remember_password(address, typed)


def tell_user(parent: QWidget | None, title: str, message: str) -> None:
    """A blocking message box (tests replace this function, not the Qt class)."""
    QMessageBox.critical(parent, title, message)


def inform_user(parent: QWidget | None, title: str, message: str) -> None:
    """A blocking information box (tests replace this function, not the Qt class)."""
    QMessageBox.information(parent, title, message)


def warn_user(parent: QWidget | None, title: str, message: str) -> None:
    """A blocking warning box (tests replace this function, not the Qt class)."""
    QMessageBox.warning(parent, title, message)


def _log_to_file() -> Path | None:
    """Unexpected errors leave their traceback in the log file (unless main.py has set
    up logging already)."""
    try:
        path = paths.log_file()
    except OSError:
        return None
    if not logging.getLogger().handlers:
        handler = logging.FileHandler(path, encoding="utf-8")
        # A driver's error or a traceback may quote a connection string.
        handler.setFormatter(ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logging.basicConfig(level=logging.INFO, handlers=[handler])
    return path


def _install_excepthook(log_path: Path | None) -> None:
    """A bug shows what happened and where the log is, never a silent crash."""

    def hook(kind: type[BaseException], err: BaseException, tb: TracebackType | None) -> None:
        details = crash_details(kind, err, tb)
        log.error("unexpected error\n%s", details)
        show_crash(err, details, log_path)

    sys.excepthook = hook


def show_crash(err: BaseException, details: str, log_path: Path | None) -> CrashDialog:
    """The crash dialog (modal); tests call this with a real error."""
    dialog = CrashDialog(err, details, log_path, QApplication.activeWindow())
    dialog.exec()
    return dialog


def _report_ready(launcher: Launcher, where: str) -> None:
    """QK_READY_REPORT=1 (the packaged app's smoke test and start-up bench): print
    ``ready <seconds since the epoch> <title>`` once customers are searchable (or the
    welcome screen is up), then quit as the user would by closing the window.
    QK_READY_REPORT=<file> appends the line to that file instead: Windows' qingkuan.exe
    has no console to print to (deploy/smoke.py)."""

    def ready() -> None:
        front = launcher.window or launcher.welcome
        title = front.windowTitle() if front is not None else ""
        line = f"ready {time.time():.3f} {title}"
        if where == "1":
            print(line, flush=True)
        else:
            with open(where, "a", encoding="utf-8") as report:
                report.write(line + "\n")
        if front is not None:
            QTimer.singleShot(0, front.close)

    window = launcher.window
    if window is not None:
        window.customer_list.names_loaded.connect(lambda: QTimer.singleShot(0, ready))
    else:
        QTimer.singleShot(0, ready)


def _same_ledger(target: str, current: str) -> bool:
    """The same ledger: the same URL (passwords aside), or the same file under any path."""
    if without_password(target) == without_password(current):
        return True
    if not current or db.is_postgres_url(target) or db.is_postgres_url(current):
        return False
    try:
        return os.path.samefile(target, current)
    except OSError:
        return False


def _is_file(target: str | None) -> bool:
    return bool(target) and not db.is_postgres_url(target)  # type: ignore[arg-type]


def run(db_target: str | None, argv: list[str]) -> int:
    """Create the QApplication, open `db_target` (path or postgresql:// URL) or the
    default ledger, and run until the last window closes. Returns the exit code."""
    _install_excepthook(_log_to_file())
    app = make_application(argv)
    key = instance_key()
    if hand_over(key, str(Path(db_target).resolve()) if _is_file(db_target) else db_target or ""):
        return 0  # the running Qingkuan opens it
    launcher = Launcher(default_data_dir())
    server = InstanceServer(key, launcher)
    server.ledger_requested.connect(launcher.open_requested)
    server.listen()
    opener = FileOpenFilter(launcher)
    opener.file_opened.connect(launcher.open_requested)
    app.installEventFilter(opener)
    launcher.start(db_target)
    report_to = os.environ.get("QK_READY_REPORT", "")
    if report_to not in ("", "0"):
        _report_ready(launcher, report_to)
    code = app.exec()
    server.close()
    launcher.shutdown()
    db.close_ledger()
    return code


if __name__ == "__main__":  # pragma: no cover - for running without main.py
    sys.exit(run(sys.argv[1] if len(sys.argv) > 1 else None, sys.argv))
