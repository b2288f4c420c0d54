"""The review's tables: per rep or route, customers behind a figure, broken promises,
reasons, and entries behind a figure. Thin models over the records of `models.review`; the
sort role gives raw fen, counts and dates so every column sorts properly."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

from gui import colours, formatting
from gui.record_model import Column, RecordTableModel
from models.review.groups import GroupReview
from models.review.promise_keeping import BrokenRecord, ReasonCount
from models.review.review import EntryLine
from models.review.trends import Flow
from models.vocabulary.aging_records import AgingRow, bucket_labels


def _percent(value: Decimal | None) -> str:
    return "" if value is None else f"{value}%"


def _rate_key(value: Decimal | None) -> int:
    """Sorts rates, the unknown ones first (tenths of a percent are exact)."""
    return -1 if value is None else int(value * 10)


def _money(header: str, fen_of) -> Column:  # type: ignore[no-untyped-def]
    return Column(header, lambda r: formatting.money(fen_of(r)), fen_of, right=True)


def _count(header: str, count_of) -> Column:  # type: ignore[no-untyped-def]
    return Column(header, lambda r: str(count_of(r)), count_of, right=True)


class GroupModel(RecordTableModel[GroupReview]):
    """One row per rep (or route); the bucket columns follow the aging edges."""

    context = "GroupModel"
    NAME, CUSTOMERS, OWED, OVERDUE, FIRST_BUCKET = 0, 1, 2, 3, 4

    def __init__(self, by: str, parent: object = None) -> None:
        super().__init__(parent)
        self.by = by
        self.set_edges((30, 60, 90))

    def set_edges(self, edges: tuple[int, ...]) -> None:
        self.edges = edges
        if self.by == "rep":
            first = QT_TRANSLATE_NOOP("GroupModel", "Rep")
        else:
            first = QT_TRANSLATE_NOOP("GroupModel", "Route")
        buckets = [
            _money(label, lambda g, i=i: g.buckets[i])
            for i, label in enumerate(bucket_labels(edges))
        ]
        self.columns = (
            # Customers without a rep (route) sort after every name.
            Column(first, self.display_name, lambda g: g.name or "\uffff"),
            _count(QT_TRANSLATE_NOOP("GroupModel", "Customers"), lambda g: g.customers),
            _money(QT_TRANSLATE_NOOP("GroupModel", "Owed"), lambda g: g.balance),
            _money(QT_TRANSLATE_NOOP("GroupModel", "Overdue"), lambda g: g.overdue),
            *buckets,
            Column(
                QT_TRANSLATE_NOOP("GroupModel", "Over 60 days"),
                lambda g: _percent(g.share_over_60),
                lambda g: _rate_key(g.share_over_60),
                right=True,
            ),
            _money(
                QT_TRANSLATE_NOOP("GroupModel", "Collected this month"),
                lambda g: g.activity.collected,
            ),
            _count(
                QT_TRANSLATE_NOOP("GroupModel", "Promises made"), lambda g: g.activity.promises_made
            ),
            _count(QT_TRANSLATE_NOOP("GroupModel", "Kept"), lambda g: g.activity.promises_kept),
            _count(QT_TRANSLATE_NOOP("GroupModel", "Broken"), lambda g: g.activity.promises_broken),
            Column(
                QT_TRANSLATE_NOOP("GroupModel", "Keep rate"),
                lambda g: _percent(g.keep_rate),
                lambda g: _rate_key(g.keep_rate),
                right=True,
            ),
            _money(
                QT_TRANSLATE_NOOP("GroupModel", "Discounts and tail cuts"),
                lambda g: g.activity.discounts,
            ),
            _money(QT_TRANSLATE_NOOP("GroupModel", "Returns"), lambda g: g.activity.returns),
            _money(
                QT_TRANSLATE_NOOP("GroupModel", "Write-offs"),
                lambda g: g.activity.writeoffs,
            ),
            _count(QT_TRANSLATE_NOOP("GroupModel", "Visits"), lambda g: g.activity.visits),
        )

    def display_name(self, g: GroupReview) -> str:
        """The rep's (route's) name, or what stands for customers without one."""
        if g.name:
            return g.name
        if self.by == "rep":
            return self.tr("(no rep)")
        return self.tr("(no route)")

    def foreground(self, record: GroupReview, column: int) -> QColor | None:
        return colours.error() if column == self.OVERDUE and record.overdue > 0 else None


class CustomerRowsModel(RecordTableModel[AgingRow]):
    """Customers behind a figure (or a list: top debtors, over their limit)."""

    context = "CustomerRowsModel"
    columns = (
        Column(QT_TRANSLATE_NOOP("CustomerRowsModel", "Code"), lambda r: r.code, lambda r: r.code),
        Column(
            QT_TRANSLATE_NOOP("CustomerRowsModel", "Customer"), lambda r: r.name, lambda r: r.name
        ),
        Column(
            QT_TRANSLATE_NOOP("CustomerRowsModel", "Rep"),
            lambda r: r.rep_name,
            lambda r: r.rep_name,
        ),
        Column(
            QT_TRANSLATE_NOOP("CustomerRowsModel", "Route"),
            lambda r: r.route_name,
            lambda r: r.route_name,
        ),
        _money(QT_TRANSLATE_NOOP("CustomerRowsModel", "Owed"), lambda r: r.balance),
        _money(QT_TRANSLATE_NOOP("CustomerRowsModel", "Overdue"), lambda r: r.overdue),
        Column(
            QT_TRANSLATE_NOOP("CustomerRowsModel", "Oldest open (days)"),
            lambda r: "" if r.oldest_open_days is None else str(r.oldest_open_days),
            lambda r: -1 if r.oldest_open_days is None else r.oldest_open_days,
            right=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("CustomerRowsModel", "Credit limit"),
            lambda r: formatting.money(r.credit_limit),
            lambda r: r.credit_limit,
            right=True,
        ),
    )

    def foreground(self, record: AgingRow, column: int) -> QColor | None:
        return colours.error() if column == 5 and record.overdue > 0 else None


class BrokenModel(RecordTableModel[BrokenRecord]):
    context = "BrokenModel"
    columns = (
        Column(
            QT_TRANSLATE_NOOP("BrokenModel", "Code"), lambda b: b.row.code, lambda b: b.row.code
        ),
        Column(
            QT_TRANSLATE_NOOP("BrokenModel", "Customer"), lambda b: b.row.name, lambda b: b.row.name
        ),
        Column(
            QT_TRANSLATE_NOOP("BrokenModel", "Rep"),
            lambda b: b.row.rep_name,
            lambda b: b.row.rep_name,
        ),
        _count(QT_TRANSLATE_NOOP("BrokenModel", "Broken"), lambda b: b.broken),
        _count(QT_TRANSLATE_NOOP("BrokenModel", "Promises due"), lambda b: b.made),
        _money(QT_TRANSLATE_NOOP("BrokenModel", "Owed"), lambda b: b.row.balance),
        _money(QT_TRANSLATE_NOOP("BrokenModel", "Overdue"), lambda b: b.row.overdue),
    )


class ReasonModel(RecordTableModel[ReasonCount]):
    context = "ReasonModel"
    columns = (
        Column(
            QT_TRANSLATE_NOOP("ReasonModel", "Reason given"),
            lambda r: r.reason.label,
            lambda r: r.reason.label,
        ),
        _count(QT_TRANSLATE_NOOP("ReasonModel", "Times given"), lambda r: r.visits),
        _count(QT_TRANSLATE_NOOP("ReasonModel", "Customers"), lambda r: len(r.customer_ids)),
    )


class EntryLinesModel(RecordTableModel[EntryLine]):
    context = "EntryLinesModel"
    columns = (
        Column(
            QT_TRANSLATE_NOOP("EntryLinesModel", "Date"),
            lambda e: formatting.date(e.date),
            lambda e: e.date,
        ),
        Column(QT_TRANSLATE_NOOP("EntryLinesModel", "Code"), lambda e: e.code, lambda e: e.code),
        Column(
            QT_TRANSLATE_NOOP("EntryLinesModel", "Customer"), lambda e: e.name, lambda e: e.name
        ),
        Column(
            QT_TRANSLATE_NOOP("EntryLinesModel", "Kind"),
            lambda e: e.kind.label,
            lambda e: e.kind.label,
        ),
        _money(QT_TRANSLATE_NOOP("EntryLinesModel", "Amount"), lambda e: e.amount),
        Column(
            QT_TRANSLATE_NOOP("EntryLinesModel", "Doc. no."), lambda e: e.doc_no, lambda e: e.doc_no
        ),
    )


class MonthModel(RecordTableModel[Flow]):
    """The 13 months of the chart as a table (the keyboard's way into them)."""

    context = "MonthModel"
    COLLECTED, DELIVERED = 2, 3
    columns = (
        Column(
            QT_TRANSLATE_NOOP("MonthModel", "Month"),
            lambda f: f"{f.start:%Y-%m}",
            lambda f: f.start,
        ),
        Column(
            QT_TRANSLATE_NOOP("MonthModel", "Days"),
            lambda f: f"{f.start.day}–{f.end.day}",
            lambda f: f.end,
        ),
        _money(QT_TRANSLATE_NOOP("MonthModel", "Collected"), lambda f: f.collected),
        _money(QT_TRANSLATE_NOOP("MonthModel", "Delivered"), lambda f: f.delivered),
    )
