"""Signing in to a ledger file that asks who is at the keyboard: name and password,
asked when the ledger opens (a shared ledger signs in with the server's login instead).
The check is models.ledger.users.sign_in; a refusal shows under the fields."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from gui.widgets import Dialog, ErrorLabel, add_row, clear_when_edited, set_form_label
from models.ledger import users
from models.vocabulary.errors import LedgerError


class SignInDialog(Dialog):
    def __init__(self, ledger: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sign_in_dialog")
        self.ledger = ledger
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form = QFormLayout()
        add_row(self.form, self.name)
        add_row(self.form, self.password)
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        clear_when_edited(self.error, self)
        self.retranslate()
        self.resize(440, 220)

    def sign_in(self) -> None:
        try:
            users.sign_in(self.name.text(), self.password.text())
        except LedgerError as err:
            self.password.clear()
            self.error.show_message(str(err))
            self.password.setFocus()
            return
        self.password.clear()
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in"))
        self.note.setText(
            self.tr(
                "The ledger {ledger} asks who you are. (On a ledger file this guards against "
                "mistakes, not against someone who copies the file.)"
            ).format(ledger=self.ledger)
        )
        set_form_label(self.form, self.name, self.tr("&Name:"))
        set_form_label(self.form, self.password, self.tr("&Password:"))


def ask_sign_in(parent: QWidget | None, ledger: str) -> bool:
    """Ask until the person signs in (True) or cancels (False)."""
    dialog = SignInDialog(ledger, parent)
    return dialog.exec() == SignInDialog.DialogCode.Accepted
