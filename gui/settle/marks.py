"""The settle grid's wrong cells: red with their sentence as the tooltip, the first one
made current and its sentence shown under the grid, tints following light and dark.
A part of `SettleDialog` (gui/settle/grid.py), which has the table, the error line and
the boss's button these methods use."""

from __future__ import annotations

from PySide6.QtCore import QEvent

from gui.settle.cells import COLUMN, set_tint, tint_of
from gui.tints import Tint


class CellMarks:
    """Marking and showing the grid's wrong cells (mixed into SettleDialog)."""

    def _clear_marks(self) -> None:
        for r in range(self.table.rowCount()):
            for c in range(self.table.columnCount()):
                item = self.table.item(r, c)
                if tint_of(item) is Tint.WRONG:
                    set_tint(item, None, self.palette())
                if c != COLUMN["left"]:
                    item.setToolTip("")

    def mark(self, errors: dict[int, dict[str, str]]) -> None:
        self._marking = True
        self._clear_marks()
        first = None
        for r, cells in sorted(errors.items()):
            for field, sentence in cells.items():
                c = COLUMN.get(field, 0)
                item = self.table.item(r, c)
                set_tint(item, Tint.WRONG, self.palette())
                item.setToolTip(sentence)
                first = first or (r, c)
        self._marking = False
        if first is not None:
            self.table.setCurrentCell(*first)
            self._show_cell(*first)

    def wrong_cells(self) -> dict[tuple[int, int], str]:
        """Marked cells and their sentences (what the user sees in red)."""
        return {
            (r, c): self.table.item(r, c).toolTip()
            for r in range(self.table.rowCount())
            for c in range(self.table.columnCount())
            if tint_of(self.table.item(r, c)) is Tint.WRONG
        }

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange:  # light ↔ dark: tints follow
            self._marking = True
            for r in range(self.table.rowCount()):
                for c in range(self.table.columnCount()):
                    item = self.table.item(r, c)
                    set_tint(item, tint_of(item), self.palette())
            self._marking = False
        super().changeEvent(event)

    def _show_cell(self, row: int, col: int) -> None:
        item = self.table.item(row, col) if row >= 0 and col >= 0 else None
        if item is not None and item.toolTip() and tint_of(item) is Tint.WRONG:
            self.error.show_message(item.toolTip())
        self._show_boss_button()

    def _show_problem(self, sentence: str) -> None:
        self.error.show_message(sentence)
