"""The review's Chasing tab: how many chasing steps each customer needed before paying
(models/review/chase_needs.py), with the office-wide spread above the table. Read on a
worker thread when the tab is first shown for a date: it walks every debt paid in the
window, which the rest of the review does not need."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from gui import formatting
from gui.background import BackgroundReader
from gui.record_model import Column, RecordTableModel
from gui.review.tables import SortedTable
from models.review.chase_needs import ChaseNeeds, CustomerNeeds, chase_needs


def _count(header: str, count_of) -> Column:  # type: ignore[no-untyped-def]
    return Column(header, lambda r: str(count_of(r)), count_of, right=True)


class ChaseNeedsModel(RecordTableModel[CustomerNeeds]):
    context = "ChaseNeedsModel"
    columns = (
        Column(QT_TRANSLATE_NOOP("ChaseNeedsModel", "Code"), lambda n: n.code, lambda n: n.code),
        Column(
            QT_TRANSLATE_NOOP("ChaseNeedsModel", "Customer"), lambda n: n.name, lambda n: n.name
        ),
        _count(QT_TRANSLATE_NOOP("ChaseNeedsModel", "Debts paid"), lambda n: n.paid),
        Column(
            QT_TRANSLATE_NOOP("ChaseNeedsModel", "Steps on average"),
            lambda n: str(n.average),
            lambda n: n.average,
            right=True,
        ),
        _count(QT_TRANSLATE_NOOP("ChaseNeedsModel", "Most steps"), lambda n: n.most),
    )


class ChaseNeedsPage(QWidget):
    """The spread (debts paid after 0, 1, 2 … steps) and the table per customer; Enter
    on a customer opens their page (the review's table handling)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spread = QLabel()
        self.spread.setWordWrap(True)
        self.model = ChaseNeedsModel(self)
        self.table = SortedTable(self.model, "chasing-steps", self)
        self.needs: ChaseNeeds | None = None
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)  # the name takes the room, not the last count
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.asked: tuple[dt.date, dt.date] | None = None  # the window read or being read
        self.reader = BackgroundReader(self)
        self.reader.loaded.connect(self.show_needs)
        self.reader.failed.connect(self.spread.setText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.spread)
        layout.addWidget(self.table, 1)

    def load(self, start: dt.date, end: dt.date, *, again: bool = False) -> None:
        """Read the steps needed for debts paid from `start` to `end` (unless already
        read for them, or `again` after the ledger changed)."""
        if (start, end) == self.asked and not again:
            return
        self.asked = (start, end)
        self.spread.setText(self.tr("Computing…"))
        self.reader.start(lambda: chase_needs(start, end))

    def show_needs(self, needs: ChaseNeeds | None) -> None:
        self.needs = needs
        self.model.set_rows(needs.customers if needs else [])
        self.table.fit_columns()
        self.retranslate()

    def retranslate(self) -> None:
        self.model.retranslate()
        needs = self.needs
        if needs is None:
            self.spread.setText("")
            return
        parts = [
            self.tr("after {n} steps: {count}").format(n=k, count=count)
            for k, count in enumerate(needs.office)
        ]
        self.spread.setText(
            self.tr("Debts paid from {start} to {end}, by the chasing steps they needed: ").format(
                start=formatting.date(needs.start), end=formatting.date(needs.end)
            )
            + " · ".join(parts)
        )
