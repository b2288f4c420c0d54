"""Ask before throwing away what the clerk typed.

A dialog holding unsaved input (posting, promise, customer, settings …) never drops it
on Esc, Cancel or the window's close button without asking; an untouched dialog closes
at once. Two parts:

- `InputSnapshot(root)` remembers what every input field under `root` holds; `changed()`
  says whether any differs now (typing and deleting again is no change).
- `ask_discard(parent, can_save=…)` asks "Save / Discard / Keep editing" (or "Discard /
  Keep editing" where nothing can be saved) and returns the `Choice`.

`gui.form.FormDialog(guard_input=True)` wires both into its `reject()`; a dialog that
knows better when it holds input (the settle grid) overrides `has_unsaved_input()`. `confirm_discard(parent)` asks without a Save
button. Tests never see a real box: tests/gui/conftest.py answers it
(`discard_questions`), a modal box would wait for a click forever.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QGroupBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    KEEP_EDITING = "keep"
    KEEP = "keep"  # the same answer, shorter


Answer = Choice  # the settle grid's name for it


def _value(widget: QWidget) -> object:
    """What the clerk can change in `widget`, or None for a widget that holds no input."""
    if isinstance(widget, QLineEdit):
        if isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
            return None  # the spin box or combo's own value covers it
        return widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return None if widget.isReadOnly() else widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, (QAbstractButton, QGroupBox)) and widget.isCheckable():
        return widget.isChecked()
    return None


class InputSnapshot:
    """The values of the input fields under `root` at one moment."""

    def __init__(self, root: QWidget) -> None:
        self.root = root
        self._values = self._read()

    def _read(self) -> dict[int, object]:
        values: dict[int, object] = {}
        for widget in self.root.findChildren(QWidget):
            value = _value(widget)
            if value is not None:
                values[id(widget)] = value
        return values

    def take(self) -> None:
        """Remember the fields as they are now (e.g. after the dialog filled them)."""
        self._values = self._read()

    def changed(self) -> bool:
        """True when some field holds something else than when the snapshot was taken."""
        now = self._read()
        return any(now.get(key) != value for key, value in self._values.items()) or any(
            key not in self._values for key in now
        )


def ask_discard(parent: QWidget, *, can_save: bool = True) -> Choice:
    """Ask whether to save, discard or keep editing the typed input (Keep editing is
    the default: Enter or Esc on the question loses nothing)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Discard", "Unsaved input"))
    box.setText(
        QCoreApplication.translate("Discard", "Save what you typed before closing?")
        if can_save
        else QCoreApplication.translate("Discard", "Discard what you typed?")
    )
    save = (
        box.addButton(
            QCoreApplication.translate("Discard", "&Save"), QMessageBox.ButtonRole.AcceptRole
        )
        if can_save
        else None
    )
    discard = box.addButton(
        QCoreApplication.translate("Discard", "&Discard"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(
        QCoreApplication.translate("Discard", "&Keep editing"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    clicked = box.clickedButton()
    if save is not None and clicked is save:
        return Choice.SAVE
    if clicked is discard:
        return Choice.DISCARD
    return Choice.KEEP_EDITING


def confirm_discard(parent: QWidget) -> bool:
    """True when the user agrees to throw away what was typed (no Save offered)."""
    return ask_discard(parent, can_save=False) is Choice.DISCARD
