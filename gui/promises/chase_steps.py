"""The chasing steps due on a day, as the call list shows them under the promises: the
customer, phones, which step, what is owed and since when (models/collecting/chasing.py)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui import formatting
from gui.record_model import Column, RecordTableModel
from models.vocabulary.chase_records import ChaseLine


class ChaseStepsModel(RecordTableModel[ChaseLine]):
    context = "ChaseStepsModel"
    columns = (
        Column(
            QT_TRANSLATE_NOOP("ChaseStepsModel", "Customer"),
            lambda s: f"{s.customer.code} {s.customer.name}",
            lambda s: s.customer.code,
        ),
        Column(
            QT_TRANSLATE_NOOP("ChaseStepsModel", "Phones"),
            lambda s: s.customer.phones,
            lambda s: s.customer.phones,
        ),
        Column(
            QT_TRANSLATE_NOOP("ChaseStepsModel", "Step"),
            lambda s: f"{s.step_no}/{s.steps} {s.step.action.label}",
            lambda s: (s.step_no, s.day),
        ),
        Column(
            QT_TRANSLATE_NOOP("ChaseStepsModel", "Amount"),
            lambda s: formatting.money(s.amount),
            lambda s: s.amount,
            right=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("ChaseStepsModel", "Since"),
            lambda s: formatting.date(s.day),
            lambda s: s.day,
        ),
    )
