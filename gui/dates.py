"""Date pickers that default to the model's 'today' (which tests pin)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

from models.vocabulary import clock

DATE_FORMAT = "yyyy-MM-dd"
_WEEKDAYS = (
    QT_TRANSLATE_NOOP("Weekdays", "Mon"),
    QT_TRANSLATE_NOOP("Weekdays", "Tue"),
    QT_TRANSLATE_NOOP("Weekdays", "Wed"),
    QT_TRANSLATE_NOOP("Weekdays", "Thu"),
    QT_TRANSLATE_NOOP("Weekdays", "Fri"),
    QT_TRANSLATE_NOOP("Weekdays", "Sat"),
    QT_TRANSLATE_NOOP("Weekdays", "Sun"),
)


def weekday_names() -> tuple[str, ...]:
    """Short weekday names in the UI language, Monday first (ISO day 1 is index 0)."""
    return tuple(QCoreApplication.translate("Weekdays", name) for name in _WEEKDAYS)


class DateEdit(QDateEdit):
    """A date field that one Tab leaves: Qt's own moves Tab through the year, month and
    day sections first. ←/→ (or typing, or '-') still move between sections."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802
        return QWidget.focusNextPrevChild(self, next)


class DateTimeEdit(QDateTimeEdit):
    """A date-and-time field that one Tab leaves (see `DateEdit`)."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802
        return QWidget.focusNextPrevChild(self, next)


def date_edit(parent: QWidget | None = None, day: dt.date | None = None) -> QDateEdit:
    edit = DateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setDate(QDate(day or clock.today()))
    return edit


def datetime_edit(
    parent: QWidget | None = None, moment: dt.datetime | None = None
) -> QDateTimeEdit:
    edit = DateTimeEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT + " HH:mm")
    moment = moment or clock.now()
    edit.setDateTime(QDateTime(QDate(moment.date()), QTime(moment.hour, moment.minute)))
    return edit


def picked_date(edit: QDateEdit) -> dt.date:
    return edit.date().toPython()


def picked_datetime(edit: QDateTimeEdit) -> dt.datetime:
    d, t = edit.date().toPython(), edit.time().toPython()
    return dt.datetime.combine(d, t.replace(second=0, microsecond=0))
