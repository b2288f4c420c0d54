"""A customer's promises (约定清款) with kept / broken status."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

from gui import colours, formatting
from gui.record_model import Column, RecordTableModel
from models.vocabulary.collecting_records import Promise, PromiseStatus

# Chosen for the palette in use when drawn: readable in light and dark mode.
_STATUS_COLORS = {
    PromiseStatus.KEPT: colours.good,
    PromiseStatus.BROKEN: colours.error,
    PromiseStatus.CANCELLED: colours.muted,
}


class PromiseModel(RecordTableModel[Promise]):
    context = "PromiseModel"
    columns = (
        Column(QT_TRANSLATE_NOOP("PromiseModel", "IOU no."), lambda p: p.serial, lambda p: p.id),
        Column(
            QT_TRANSLATE_NOOP("PromiseModel", "Clear by"),
            lambda p: formatting.datetime(p.due_at),
            lambda p: p.due_at,
        ),
        Column(
            QT_TRANSLATE_NOOP("PromiseModel", "Amount"),
            lambda p: formatting.money(p.amount),
            lambda p: p.amount,
            right=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("PromiseModel", "Paid toward it"),
            lambda p: formatting.money_or_blank(p.paid),
            lambda p: p.paid,
            right=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("PromiseModel", "Status"),
            lambda p: p.status.label,
            lambda p: p.status.value,
        ),
        Column(
            QT_TRANSLATE_NOOP("PromiseModel", "Method"),
            lambda p: p.method.label if p.method else "",
            lambda p: p.method.value if p.method else "",
        ),
        Column(QT_TRANSLATE_NOOP("PromiseModel", "Who pays"), lambda p: p.payer, lambda p: p.payer),
        Column(
            QT_TRANSLATE_NOOP("PromiseModel", "Rep"), lambda p: p.rep_name, lambda p: p.rep_name
        ),
        Column(QT_TRANSLATE_NOOP("PromiseModel", "Note"), lambda p: p.note, lambda p: p.note),
    )

    def foreground(self, record: Promise, column: int) -> QColor | None:
        color = _STATUS_COLORS.get(record.status) if column == 4 else None
        return color() if color is not None else None
