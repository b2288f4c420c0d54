"""Small shared widgets: the amount field with its Chinese capitals, the inline error
line, and a dialog base that re-reads its texts when the language changes."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from gui import colours
from gui.screen import fit_on_screen
from models.vocabulary.capitals import rmb_capitals
from models.vocabulary.errors import InputError
from models.vocabulary.money import Fen, format_money, parse_money


class ErrorLabel(QLabel):
    """A red sentence under a form; empty and hidden when there is nothing wrong.

    It clears itself when the language changes: the sentence was written in the old
    language, and Save or the next check says it again in the new one if still true.
    `cleared` fires when it empties (a form un-marks the field it was about)."""

    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, colours.error(palette))
        self.setPalette(palette)
        self.setObjectName("error")
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        if not text:
            self.cleared.emit()

    def clear_message(self) -> None:
        self.show_message("")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.clear_message()
        super().changeEvent(event)


def clear_when_edited(error: ErrorLabel, root: QWidget, *, skip: tuple[QWidget, ...] = ()) -> None:
    """Hide `error` as soon as the user changes any field under `root`: the sentence was
    about what was there before (Save checks again). `AmountEdit`s keep their own
    as-you-type check; widgets under `skip` manage the error themselves."""

    def clear() -> None:
        error.clear_message()

    def skipped(widget: QWidget) -> bool:
        return any(widget is s or s.isAncestorOf(widget) for s in skip)

    for widget in root.findChildren(QWidget):
        if skipped(widget) or isinstance(widget, AmountEdit):
            continue
        if isinstance(widget, QLineEdit):
            if isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
                continue  # the spin box or combo's own signal below covers it
            widget.textEdited.connect(clear)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(clear)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(clear)
        elif isinstance(widget, QDateTimeEdit):
            widget.dateTimeChanged.connect(clear)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(clear)
        elif isinstance(widget, (QAbstractButton, QGroupBox)) and widget.isCheckable():
            widget.toggled.connect(clear)


class AmountEdit(QLineEdit):
    """Money as typed (``1,234.50``, full-width digits too), parsed by the model's one
    parser as the clerk types. `amount_changed` carries fen, or None when not valid;
    `problem` is the parser's sentence."""

    amount_changed = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        allow_negative: bool = False,
        allow_zero: bool = False,
    ) -> None:
        super().__init__(parent)
        self.allow_negative = allow_negative
        self.allow_zero = allow_zero
        self.problem = ""
        self._fen: Fen | None = None
        self.textChanged.connect(self._parse)

    def _parse(self, text: str) -> None:
        try:
            self._fen = parse_money(
                text, allow_negative=self.allow_negative, allow_zero=self.allow_zero
            )
            self.problem = ""
        except InputError as err:
            self._fen, self.problem = None, str(err)
        self.amount_changed.emit(self._fen)

    def fen(self) -> Fen:
        """The amount in fen; raises the model's `InputError` when it is not valid."""
        return parse_money(
            self.text(), allow_negative=self.allow_negative, allow_zero=self.allow_zero
        )

    def value(self) -> Fen | None:
        return self._fen

    def set_fen(self, fen: Fen | None) -> None:
        self.setText("" if fen is None else format_money(fen))


class CapitalsLabel(QLabel):
    """The amount in Chinese capitals (人民币大写), to compare with a cheque or IOU."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextInteractionFlags(self.textInteractionFlags())
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("壹") * 16)

    def show_fen(self, fen: Fen | None) -> None:
        self.setText(rmb_capitals(fen, prefix=True) if fen is not None else "")


class Dialog(QDialog):
    """A dialog whose `retranslate()` runs on construction and on every language change,
    and that never opens bigger than the screen's free area."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        fit_on_screen(self)
        super().showEvent(event)

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass


E = TypeVar("E", bound=StrEnum)


def enum_data(box: QComboBox, enum_cls: type[E], index: int | None = None) -> E | None:
    """The enum stored in a combo item (Qt hands StrEnum items back as plain str)."""
    data = box.currentData() if index is None else box.itemData(index)
    return None if data is None else enum_cls(data)


def relabel_enum_items(box: QComboBox, enum_cls: type[StrEnum]) -> None:
    """Re-read the translated `label` of every enum item (after a language change)."""
    for i in range(box.count()):
        member = enum_data(box, enum_cls, i)
        if member is not None:
            box.setItemText(i, member.label)  # type: ignore[attr-defined]


def first_widget(layout: QLayout) -> QWidget | None:
    """The first widget of a row layout: the one its label's mnemonic focuses."""
    for i in range(layout.count()):
        widget = layout.itemAt(i).widget()
        if widget is not None:
            return widget
    return None


def set_form_label(form: QFormLayout, field: QWidget | QLayout, text: str) -> None:
    """Set the text of `field`'s row label (on retranslate)."""
    label = form.labelForField(field)
    if label is not None:
        label.setText(text)


def add_row(form: QFormLayout, field: QWidget | QLayout) -> QLabel:
    """Add `field` with a label whose text `retranslate()` sets later (QFormLayout makes
    no label for an empty text, so `labelForField` would find none)."""
    label = QLabel(" ")
    # A label shows its &-mnemonic only with a buddy: a row layout's first widget.
    buddy = field if isinstance(field, QWidget) else first_widget(field)
    if buddy is not None:
        label.setBuddy(buddy)
    form.addRow(label, field)
    return label
