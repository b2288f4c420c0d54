"""Connect to a shared ledger: the office server's name, port, database, your user name
and password, whether to keep the password in this computer's keychain and whether to
insist on an encrypted connection; "Test connection" says in plain words whether that
ledger can be used, and Connect checks the same before the ledger opens.

The check runs on a worker thread (a server that does not answer takes up to its
connect timeout), on a connection of its own: the ledger open in the window stays as
it is until the new one opens. The password lives in the password field and in
`target` (for the one open that follows) only: never in a setting, a title or a log;
the keychain keeps it when asked (models/storage/keychain.py).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from gui import colours
from gui.form import Button, FormDialog
from models.storage import keychain, shared_ledger
from models.storage.targets import is_postgres_url, password_of, scrub, with_password
from models.vocabulary.errors import InputError, LedgerError, PasswordNeeded

log = logging.getLogger(__name__)


class _Check(QThread):
    """`shared_ledger.check_shared_ledger` on a worker thread."""

    done = Signal(object, object)  # (SharedLedgerCheck or None, LedgerError or None)

    def __init__(self, url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.url = url

    def run(self) -> None:
        result: Any = None
        error: Any = None
        try:
            result = shared_ledger.check_shared_ledger(self.url)
        except LedgerError as err:
            error = err
        except Exception as err:  # noqa: BLE001 - a bug: logged, and said as it is
            log.exception("checking a shared ledger failed")
            error = LedgerError(scrub(str(err)))
        self.done.emit(result, error)


class ConnectDialog(FormDialog):
    """Fills itself from `last` (the shared ledger used last, without its password);
    when accepted, `target` is the address to open (with the password typed, if any)."""

    def __init__(self, parent: QWidget | None = None, last: str = "") -> None:
        super().__init__(parent, ok=Button.Ok)
        self.setObjectName("connect_dialog")
        self.target = ""
        self._worker: _Check | None = None
        self.password_saved = False  # the keychain keeps the password of `last`
        self._focus_before: QWidget | None = None
        self._connect_after = False
        self.host = QLineEdit()
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(shared_ledger.DEFAULT_PORT)
        self.port.setMaximumWidth(self.port.fontMetrics().horizontalAdvance("0") * 12)
        self.dbname = QLineEdit("qingkuan")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox()
        self.encrypted = QCheckBox()
        self.keychain_note = QLabel()
        self.keychain_note.setWordWrap(True)
        self.keychain_note.setStyleSheet(colours.css(colours.muted(self.palette())))
        for field in (self.host, self.port, self.dbname, self.user, self.password):
            self.row(field)
        # Under the form, not in it: a form row squeezes a wrapped sentence to one line.
        for widget in (self.remember, self.keychain_note, self.encrypted):
            self.body.addWidget(widget)
        self.result = QLabel()
        self.result.setObjectName("connection_result")
        self.result.setWordWrap(True)
        self.result.hide()
        self.body.addWidget(self.result)
        self.body.addStretch(1)  # room the dialog gains goes below, not between lines
        self.test_button = QPushButton()
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test_connection)
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.has_keychain = keychain.available()
        self.remember.setEnabled(self.has_keychain)
        self.keychain_note.setVisible(not self.has_keychain)
        self._fill(last)
        self.ready(self.host if not self.host.text() else self.password)
        for edit in (self.host, self.dbname, self.user, self.password):
            edit.textEdited.connect(self.result.hide)
        self.host.editingFinished.connect(self._address_pasted)
        self.setMinimumWidth(560)
        self.adjustSize()

    # --- filling -----------------------------------------------------------------
    def _fill(self, url: str) -> None:
        """The fields from a remembered address; "remember" ticked wherever there is a
        keychain; the password field stays empty when the keychain keeps the password
        (it supplies it, and the field says so)."""
        if not is_postgres_url(url):
            self.remember.setChecked(self.has_keychain)
            return
        host, port, dbname, user, encrypted = shared_ledger.address_parts(url)
        self.host.setText(host)
        self.port.setValue(port)
        self.dbname.setText(dbname)
        self.user.setText(user)
        self.encrypted.setChecked(encrypted)
        self.password_saved = keychain.saved_password(url) is not None
        self.remember.setChecked(self.has_keychain)
        self._placeholders()

    def _address_pasted(self) -> None:
        """A whole postgresql:// address pasted into the server field fills every field
        (its password, if it holds one, goes to the password field, not a setting)."""
        text = self.host.text().strip()
        if not is_postgres_url(text):
            return
        self._fill(text)
        password = password_of(text)
        if password:
            self.password.setText(password)

    def _placeholders(self) -> None:
        self.password.setPlaceholderText(
            self.tr("kept in this computer's keychain") if self.password_saved else ""
        )

    # --- the address ---------------------------------------------------------------
    def _url(self) -> str | None:
        """The address typed (without the password), or None after saying what is missing."""
        try:
            return shared_ledger.shared_ledger_url(
                self.host.text(),
                self.port.value(),
                self.dbname.text(),
                self.user.text(),
                encrypted=self.encrypted.isChecked(),
            )
        except InputError as err:
            empty = next(
                (f for f in (self.host, self.dbname, self.user) if not f.text().strip()),
                self.port,
            )
            self.show_error(err, empty)
            return None

    def _with_typed_password(self, url: str) -> str:
        typed = self.password.text()
        return with_password(url, typed) if typed else url

    # --- checking --------------------------------------------------------------------
    def test_connection(self) -> None:
        """Check the ledger typed and say what was found (nothing opens)."""
        self._start(connect_after=False)

    def submit(self) -> None:
        """Connect: the same check, then the dialog closes with `target` set."""
        self._start(connect_after=True)

    def _start(self, *, connect_after: bool) -> None:
        if self._worker is not None:
            return
        url = self._url()
        if url is None:
            return
        self.error.clear_message()
        self._connect_after = connect_after
        self._set_busy(True)
        self._show_result(self.tr("Connecting to the server…"))
        self._worker = _Check(self._with_typed_password(url), self)
        self._worker.done.connect(self._checked)
        self._worker.start()

    def _set_busy(self, busy: bool) -> None:
        if busy:
            # Disabling the focused button would hand the focus (and with it Enter) to
            # Cancel: it comes back where it was once the check is done.
            self._focus_before = self.focusWidget()
            self.setFocus()
        for widget in (self.test_button, self.buttons.button(Button.Ok)):
            if widget is not None:
                widget.setEnabled(not busy)
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            return
        QApplication.restoreOverrideCursor()
        if self._focus_before is not None:
            self._focus_before.setFocus()

    def _checked(self, found: shared_ledger.SharedLedgerCheck | None, error: Any) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.wait()
            worker.deleteLater()
        self._set_busy(False)
        if error is not None:
            self.result.hide()
            field = self.password if isinstance(error, PasswordNeeded) else None
            self.show_error(str(error), field)
            return
        assert found is not None
        self._show_result(found.sentence())
        if self._connect_after:
            self._connect()

    def _connect(self) -> None:
        url = self._url()
        if url is None:
            return
        typed = self.password.text()
        if self.remember.isChecked():
            if typed and not keychain.remember_password(url, typed):
                log.warning("the password could not be kept in the keychain")
        else:
            # Not to be kept: the keychain's password (if the check used it) serves this
            # one connection, then it is forgotten.
            typed = typed or keychain.saved_password(url) or ""
            keychain.forget_password(url)
        self.target = with_password(url, typed) if typed else url
        self.accept()

    def _show_result(self, text: str) -> None:
        self.result.setText(text)
        self.result.setVisible(bool(text))
        self._fit()

    def show_error(self, message: object, field: QWidget | None = None) -> None:
        super().show_error(message, field)  # type: ignore[arg-type]
        self._fit()

    def _fit(self) -> None:
        """Taller when a sentence appears under the form, never squeezing the others."""
        if self.height() < self.sizeHint().height():
            self.resize(self.width(), self.sizeHint().height())

    def reject(self) -> None:
        if self._worker is not None:  # let the check end; its answer is dropped
            self._worker.done.disconnect()
            self._worker.wait()
            self._worker = None
            self._set_busy(False)
        super().reject()

    # --- the language --------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Connect to a shared ledger"))
        self.set_labels(
            [
                (self.host, self.tr("&Server:")),
                (self.port, self.tr("P&ort:")),
                (self.dbname, self.tr("&Database:")),
                (self.user, self.tr("&User name:")),
                (self.password, self.tr("Pass&word:")),
            ]
        )
        self.host.setPlaceholderText(self.tr("the office server's name or address"))
        self.user.setPlaceholderText(self.tr("your user name on the server"))
        self.remember.setText(self.tr("&Remember the password in this computer's keychain"))
        self.keychain_note.setText(
            self.tr(
                "This computer has no keychain Qingkuan can use (on Linux: a Secret Service "
                "such as GNOME Keyring or KWallet), so the password is asked for each time. "
                "~/.pgpass or PGPASSWORD can hold it instead."
            )
        )
        self.encrypted.setText(self.tr("&Encrypted connection (TLS) required"))
        self.test_button.setText(self.tr("&Test connection"))
        ok = self.buttons.button(Button.Ok)
        if ok is not None:
            ok.setText(self.tr("&Connect"))
        self._placeholders()
