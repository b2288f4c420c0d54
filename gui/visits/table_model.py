"""A customer's visits, latest first, with the reason when no money came."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui import formatting
from gui.record_model import Column, RecordTableModel
from models.vocabulary.collecting_records import Visit


class VisitModel(RecordTableModel[Visit]):
    context = "VisitModel"
    columns = (
        Column(
            QT_TRANSLATE_NOOP("VisitModel", "When"),
            lambda v: formatting.datetime(v.at),
            lambda v: v.at,
        ),
        Column(
            QT_TRANSLATE_NOOP("VisitModel", "Outcome"),
            lambda v: v.outcome.label,
            lambda v: v.outcome.value,
        ),
        Column(
            QT_TRANSLATE_NOOP("VisitModel", "Reason (no money came)"),
            lambda v: v.reason.label if v.reason else "",
            lambda v: v.reason.value if v.reason else "",
        ),
        Column(QT_TRANSLATE_NOOP("VisitModel", "Rep"), lambda v: v.rep_name, lambda v: v.rep_name),
        Column(QT_TRANSLATE_NOOP("VisitModel", "Note"), lambda v: v.note, lambda v: v.note),
    )
