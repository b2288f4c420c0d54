"""The one skeleton of every dialog that takes input.

Labelled rows whose &-mnemonic reaches the field, one error line under the form that
says what the model refused (and marks the offending row) and clears as soon as the
clerk edits, Save/Cancel with Enter = Save and Esc = Cancel, and a window that fits
the screen (gui.widgets.Dialog). A dialog builds its fields, puts them in with `row()`,
and names them in `retranslate()` with `set_labels()`; `submit()` does the work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import colours, discard
from gui.operations import Operations
from gui.widgets import (
    AmountEdit,
    Dialog,
    ErrorLabel,
    add_row,
    clear_when_edited,
    set_form_label,
)
from models.vocabulary.errors import InputError, LedgerError
from models.vocabulary.money import Fen

Button = QDialogButtonBox.StandardButton
Field = QWidget | QLayout
T = TypeVar("T")


class FormDialog(Dialog):
    """`form` holds the labelled rows, `body` what a dialog adds under them (a table,
    a group box), then `error` and `buttons` (inside `footer`, a row a dialog may add
    its own controls to). `ok_button` is None when the dialog brings its own.

    With `guard_input`, Esc, Cancel and the close button ask before discarding what the
    clerk typed (gui.discard); an untouched dialog closes at once. "Untouched" means
    every field holds what it held when the dialog was first shown."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        ok: Button = Button.Save,
        cancel: Button = Button.Cancel,
        enter_submits: bool = True,
        guard_input: bool = False,
    ) -> None:
        super().__init__(parent)
        self.guard_input = guard_input
        self.input_snapshot: discard.InputSnapshot | None = None
        self._shown_once = False
        self.form = QFormLayout()
        self.body = QVBoxLayout()
        self.error = ErrorLabel()
        self.error.cleared.connect(self._unmark)
        self._marked: QLabel | None = None
        self.buttons = QDialogButtonBox(ok | cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.cancel_clicked)
        self.ok_button: QPushButton | None = self.buttons.button(ok)
        self._ok = ok
        self.footer = QHBoxLayout()
        self.footer.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.error)
        layout.addLayout(self.footer)
        if self.ok_button is not None:
            # Now that the button is in the dialog: the dialog remembers it as the one
            # Enter presses, even after another button had the focus for a while.
            self.ok_button.setDefault(enter_submits)
            if not enter_submits:
                # Enter belongs to the fields (a grid moves down): Save is Ctrl+S.
                self.ok_button.setAutoDefault(False)
                QShortcut(QKeySequence.StandardKey.Save, self, self.submit)

    # --- building ----------------------------------------------------------------
    def row(self, field: Field, form: QFormLayout | None = None) -> QLabel:
        """A labelled row (its text comes in `retranslate`); the label's mnemonic
        focuses the field."""
        return add_row(self.form if form is None else form, field)

    def ready(self, focus: QWidget | None = None, *, skip: tuple[QWidget, ...] = ()) -> None:
        """Call once the fields are built: errors clear when any field (not under
        `skip`, which shows its own) is edited, the texts are read, `focus` has it."""
        clear_when_edited(self.error, self, skip=skip)
        self._retranslate_buttons()
        self.retranslate()
        if focus is not None:
            focus.setFocus()
        if self.guard_input:
            self.input_snapshot = discard.InputSnapshot(self)

    # --- unsaved input -------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        # What the dialog put in its fields before it showed is its default, not input.
        if not self._shown_once and self.input_snapshot is not None:
            self.input_snapshot.take()
        self._shown_once = True
        super().showEvent(event)

    def has_unsaved_input(self) -> bool:
        return self.input_snapshot is not None and self.input_snapshot.changed()

    def reject(self) -> None:
        """Esc, Cancel and the close button: ask first when the clerk typed something."""
        if self.has_unsaved_input():
            choice = discard.ask_discard(self, can_save=self.ok_button is not None)
            if choice is discard.Choice.KEEP_EDITING:
                return
            if choice is discard.Choice.SAVE:
                self.submit()  # closes when the write succeeds, else shows why and stays
                return
        super().reject()

    # --- the language ------------------------------------------------------------
    def set_labels(
        self, rows: Iterable[tuple[Field, str]], form: QFormLayout | None = None
    ) -> None:
        for field, text in rows:
            set_form_label(self.form if form is None else form, field, text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_buttons()  # first: the dialog's retranslate() may rename
        super().changeEvent(event)

    def _retranslate_buttons(self) -> None:
        # Qt's own "Save" has no mnemonic: give it one, the same in every dialog.
        if self._ok == Button.Save and self.ok_button is not None:
            self.ok_button.setText(QCoreApplication.translate("FormDialog", "&Save"))

    # --- errors ------------------------------------------------------------------
    def show_error(self, message: str | LedgerError, field: QWidget | None = None) -> None:
        """The one way a dialog says what is wrong: the model's sentence under the form,
        and, when it is about one field, that row's label in red and the field focused
        with its text selected, ready to be typed over. Editing clears both."""
        self._unmark()
        self.error.show_message(str(message))
        if field is None or not str(message):
            return
        label = self.label_of(field)
        if label is not None:
            label.setStyleSheet(colours.css(colours.error(label.palette())))  # "": as it was
            self._marked = label
        field.setFocus()
        if isinstance(field, (QLineEdit, QAbstractSpinBox)):
            field.selectAll()

    def amount_of(self, edit: AmountEdit) -> Fen | None:
        """The amount typed in `edit`, or None once the parser's sentence is shown."""
        try:
            return edit.fen()
        except InputError as err:
            self.show_error(err, edit)
            return None

    def label_of(self, field: QWidget) -> QLabel | None:
        """The row label of `field`, in whichever of the dialog's forms it sits."""
        for form in self.findChildren(QFormLayout):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                return label
        return None

    def _unmark(self) -> None:
        if self._marked is not None:
            self._marked.setStyleSheet("")
            self._marked = None

    def write_and_close(self, ops: Operations, call: Callable[[], T]) -> T | None:
        """Run the model write; on success keep what it returned in `saved` (those who
        listen to `accepted` read it) and close; otherwise say why, and stay."""
        saved = ops.write(self, call, on_error=self.show_error)
        if saved is not None:
            self.saved = saved
            self.accept()
        return saved

    def cancel_clicked(self) -> None:
        """The Cancel button. Esc goes straight to reject() (QDialog): a dialog with
        work running can make the button stop the work and stay, to say it stopped."""
        self.reject()

    def submit(self) -> None:  # pragma: no cover - overridden
        """Save / OK / Enter: check, write through `ops`, then accept()."""
        raise NotImplementedError
