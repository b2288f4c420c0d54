"""Settings → People: who signs in to the ledger and with which role (boss only).

Add a person (name, role, password typed twice), give the chosen person another role,
or disable them. Every change goes through models.ledger.users (which says what a role
may do); this dialog only shows the answer. On a ledger file the first boss added
turns sign-in on, and the dialog says plainly what that protects against.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.operations import Operations
from gui.widgets import Dialog, ErrorLabel, add_row, clear_when_edited, set_form_label
from models.ledger import users
from models.vocabulary.people_records import Person, Role

ROLES = (Role.CLERK, Role.BOSS, Role.VIEWER)


class UsersDialog(Dialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("users_dialog")
        self.ops = ops
        self.people: list[Person] = []
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_cells: self._chosen())

        self.chosen_box = QGroupBox()
        self.role = QComboBox()
        self.role_button = QPushButton()
        self.role_button.clicked.connect(self.change_role)
        self.disable_button = QPushButton()
        self.disable_button.clicked.connect(self.disable)
        chosen = QHBoxLayout(self.chosen_box)
        chosen.addWidget(self.role, 1)
        chosen.addWidget(self.role_button)
        chosen.addWidget(self.disable_button)

        self.add_box = QGroupBox()
        self.name = QLineEdit()
        self.new_role = QComboBox()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add)
        self.form = QFormLayout(self.add_box)
        for field in (self.name, self.new_role, self.password, self.again):
            add_row(self.form, field)
        self.form.addRow(self.add_button)

        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chosen_box)
        layout.addWidget(self.add_box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        clear_when_edited(self.error, self)
        self.retranslate()
        self.reload()
        self.resize(620, 560)

    # --- reading -------------------------------------------------------------------------
    def reload(self, choose: str = "") -> None:
        self.people = self.ops.read(self, users.people) or []
        if not self.people and self._is_file():  # a file's first person is its boss
            self.new_role.setCurrentIndex(ROLES.index(Role.BOSS))
        self.table.setRowCount(len(self.people))
        for row, person in enumerate(self.people):
            state = self.tr("disabled") if person.disabled else ""
            for column, text in enumerate((person.name, users.role_label(person.role), state)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
            if person.name == choose:
                self.table.setCurrentCell(row, 0)
        self._chosen()

    def chosen(self) -> Person | None:
        row = self.table.currentRow()
        return self.people[row] if 0 <= row < len(self.people) else None

    def _chosen(self) -> None:
        person = self.chosen()
        self.chosen_box.setEnabled(person is not None and not person.disabled)
        if person is not None and person.role in ROLES:
            self.role.setCurrentIndex(ROLES.index(person.role))

    # --- changes -------------------------------------------------------------------------
    def add(self) -> None:
        if self.password.text() != self.again.text():
            self.password.clear()
            self.again.clear()
            self.error.show_message(self.tr("The two passwords differ: type them again."))
            self.password.setFocus()
            return
        name, role = self.name.text(), ROLES[self.new_role.currentIndex()]
        password = self.password.text()
        added = self.ops.write(
            self, lambda: users.add_person(name, role, password), on_error=self.error.show_message
        )
        self.password.clear()
        self.again.clear()
        if added is not None:
            self.name.clear()
            self.reload(choose=name)
            self.retranslate()

    def change_role(self) -> None:
        person = self.chosen()
        if person is None:
            return
        role = ROLES[self.role.currentIndex()]
        done = self.ops.write(
            self,
            lambda: users.set_person_role(person.name, role),
            on_error=self.error.show_message,
        )
        if done is not None:
            self.reload(choose=person.name)

    def disable(self) -> None:
        person = self.chosen()
        if person is None:
            return
        done = self.ops.write(
            self, lambda: users.disable_person(person.name), on_error=self.error.show_message
        )
        if done is not None:
            self.reload(choose=person.name)

    def _is_file(self) -> bool:
        from models.storage.db import is_postgres

        return not is_postgres()

    # --- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("People and roles"))
        if not self._is_file():
            note = self.tr(
                "Each person signs in to the shared ledger with their own name and password; "
                "the database itself refuses what their role may not do. Clerks post, "
                "promise, visit, settle, print and import; the boss does everything; viewers "
                "review, print and export."
            )
        elif users.sign_in_required():
            note = self.tr(
                "This ledger file asks who is at the keyboard. On a file this guards against "
                "mistakes, not against someone who copies the file: anyone with the file can "
                "read and change it with other tools."
            )
        else:
            note = self.tr(
                "Nobody signs in to this ledger file yet. Adding a boss turns sign-in on. On a "
                "file this guards against mistakes, not against someone who copies the file."
            )
        self.note.setText(note)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Disabled")]
        )
        self.chosen_box.setTitle(self.tr("The person chosen above"))
        labels = [self.tr("clerk"), self.tr("boss"), self.tr("viewer")]
        for box in (self.role, self.new_role):
            index = box.currentIndex()
            box.clear()
            box.addItems(labels)
            box.setCurrentIndex(max(index, 0))
        self.role_button.setText(self.tr("Gi&ve this role"))
        self.disable_button.setText(self.tr("&Disable"))
        self.add_box.setTitle(self.tr("Add a person"))
        set_form_label(self.form, self.name, self.tr("&Name:"))
        set_form_label(self.form, self.new_role, self.tr("&Role:"))
        set_form_label(self.form, self.password, self.tr("&Password:"))
        set_form_label(self.form, self.again, self.tr("Password a&gain:"))
        self.add_button.setText(self.tr("&Add"))
