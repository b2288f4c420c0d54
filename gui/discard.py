"""Unsaved input is never thrown away without asking (issue 20, the same rule in every
dialog): Esc, Cancel and the window's close button all end in `QDialog.reject()`.

A dialog that takes input mixes in `AsksBeforeDiscarding` (before its Qt base) and says
when it holds something the user typed::

    class PromiseDialog(AsksBeforeDiscarding, FormDialog):
        def has_unsaved_input(self) -> bool:
            return bool(self.amount.text().strip())

Then reject() asks first: Save runs `submit()` (which closes on success, or stays and
says what is wrong), Discard closes, Keep editing (also Esc or closing the box) stays.
An untouched dialog closes at once.

`ask_discard(parent)` is the one question; `confirm_discard(parent)` asks without a
Save button (e.g. before reloading a form). Tests never see a real box: a modal box
would wait for a click forever; tests/gui/conftest.py answers it (`discard_questions`).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


class Answer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    KEEP = "keep"  # keep editing: nothing happens


def ask_discard(parent: QWidget, *, can_save: bool = True) -> Answer:
    """Ask whether to throw away what was typed in `parent`. Keep editing is both the
    default and the Esc answer: a key pressed once too often never loses anything."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(
        parent.windowTitle() or QCoreApplication.translate("AsksBeforeDiscarding", "Unsaved input")
    )
    box.setText(
        QCoreApplication.translate("AsksBeforeDiscarding", "What you typed here is not saved yet.")
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "AsksBeforeDiscarding", "Save it, throw it away, or keep editing?"
        )
        if can_save
        else QCoreApplication.translate("AsksBeforeDiscarding", "Throw it away, or keep editing?")
    )
    buttons = {}
    if can_save:
        buttons[
            box.addButton(
                QCoreApplication.translate("AsksBeforeDiscarding", "&Save"),
                QMessageBox.ButtonRole.AcceptRole,
            )
        ] = Answer.SAVE
    discard = box.addButton(
        QCoreApplication.translate("AsksBeforeDiscarding", "&Discard"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    buttons[discard] = Answer.DISCARD
    keep = box.addButton(
        QCoreApplication.translate("AsksBeforeDiscarding", "&Keep editing"),
        QMessageBox.ButtonRole.RejectRole,
    )
    buttons[keep] = Answer.KEEP
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return buttons.get(box.clickedButton(), Answer.KEEP)


def confirm_discard(parent: QWidget) -> bool:
    """True when the user agrees to throw away what was typed (no Save offered)."""
    return ask_discard(parent, can_save=False) is Answer.DISCARD


class AsksBeforeDiscarding:
    """Mix into a QDialog (listed before it): reject() asks while
    `has_unsaved_input()`; Save calls the dialog's `submit()`. QDialog's closeEvent
    goes through reject() too, so the window's close button asks the same."""

    def has_unsaved_input(self) -> bool:
        """True when closing now would lose something the user typed."""
        return False

    def reject(self) -> None:
        if self.has_unsaved_input():
            assert isinstance(self, QWidget)
            answer = ask_discard(self)
            if answer is Answer.KEEP:
                return
            if answer is Answer.SAVE:
                self.submit()  # type: ignore[attr-defined]  # closes when saved, else says why
                return
        super().reject()  # type: ignore[misc]
