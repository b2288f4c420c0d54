"""A table read from a file: `Sheet` (the header row and the data rows below it, as text),
`Rows` (those rows streamed from the file), and how a row shifted by an amount written
with an unquoted thousands comma shows.

Row numbers are the spreadsheet's own (the header row included, blank rows counted), so
a message such as "row 7" points at the row the clerk sees in Excel.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from models.vocabulary.i18n import _

# An amount typed with a thousands comma in an unquoted CSV cell, split in two:
# "1,234.50" → "1" and "234.50", "-12,000" → "-12" and "000".
_SPLIT_HEAD = re.compile(r"[+-]?[¥￥$]?\d{1,3}")
_SPLIT_TAIL = re.compile(r"\d{3}(\.\d*)?")


@dataclass(frozen=True)
class Sheet:
    """A table read from a file: the header row and the data rows below it, as text."""

    source: str  # file name, for messages
    encoding: str  # "utf-8", "utf-8-sig", "gb18030", "utf-16" or "xlsx"
    header_row: int  # spreadsheet row number of the header (1 unless rows above are blank)
    headers: tuple[str, ...]  # as written in the file, stripped
    # (row number, cells) of the non-blank rows below the header: a tuple, or `Rows`
    # streaming them from the file (a million rows never sit in memory at once).
    rows: Sequence[tuple[int, tuple[str, ...]]]

    @functools.cached_property
    def padded(self) -> bool:
        """Does the header row end in empty cells? A program that writes every row as
        wide as the sheet's used range (Excel) pads it; an amount it splits makes a row
        wider than the header, which `overflow` sees."""
        return len(self.headers) > self.width

    @functools.cached_property
    def width(self) -> int:
        """How many columns the header names (up to its last non-empty cell)."""
        return _filled_width(self.headers)

    def overflow(self, cells: tuple[str, ...]) -> str:
        """Why a row cannot be read when its cells are shifted, else "".

        A CSV amount such as 1,000.00 without quotes splits into two cells and shifts
        every cell after it. Filled cells right of the header's last column show it. So
        does a row with more cells than the header row when two neighbouring cells read
        as one amount split at its thousands comma (``…,1,234,,``: the shift only pushed
        an empty cell out). Empty trailing cells are otherwise fine: Excel writes them.
        """
        width = self.width
        if len(cells) <= width:  # the usual row: nothing right of the header's last column
            return ""
        filled = _filled_width(cells)
        if filled <= width:
            if self.encoding == "xlsx" or len(cells) <= len(self.headers):
                return ""
            split = _split_amount(cells)
            if not split:
                return ""
            return _(
                "the row has {cells} cells but the header has {headers}: ‘{amount}’ looks "
                'like an amount with a thousands comma; put it in quotes ("{amount}") or '
                "drop the comma."
            ).format(cells=len(cells), headers=len(self.headers), amount=split)
        if self.encoding == "xlsx":
            return _(
                "the row has values in {cells} columns but the header names only {headers}: "
                "give the extra column a header or delete it."
            ).format(cells=filled, headers=width)
        return _(
            "the row has {cells} cells but the header has {headers}: an amount with a "
            "thousands comma (1,000.00) must be in quotes, or save the file from Excel."
        ).format(cells=filled, headers=width)


def _split_amount(cells: tuple[str, ...]) -> str:
    """ "1,234" when two neighbouring cells read as an amount split at its thousands
    comma ("1" then "234"), else ""."""
    for head, tail in zip(cells, cells[1:], strict=False):
        if _SPLIT_HEAD.fullmatch(head) and _SPLIT_TAIL.fullmatch(tail):
            return f"{head},{tail}"
    return ""


def split_amount_at(cells: tuple[str, ...], i: int) -> tuple[str, str] | None:
    """(head, tail) when cell `i` and the next read as an amount split at its thousands
    comma ("1" then "234" or "234.50"), else None."""
    if (
        i + 1 < len(cells)
        and _SPLIT_HEAD.fullmatch(cells[i])
        and _SPLIT_TAIL.fullmatch(cells[i + 1])
    ):
        return cells[i], cells[i + 1]
    return None


def _filled_width(cells: tuple[str, ...]) -> int:
    """The number of cells up to and including the last non-empty one."""
    for i in range(len(cells) - 1, -1, -1):
        if cells[i]:
            return i + 1
    return 0


class Rows(Sequence[tuple[int, tuple[str, ...]]]):
    """The data rows of a sheet, streamed from the file each time they are walked:
    (spreadsheet row number, stripped cells) of every non-blank row below the header."""

    def __init__(self, records: Callable[[], Iterator[list[str]]], header_row: int) -> None:
        self._records, self._header_row = records, header_row
        self._count: int | None = None

    def __iter__(self) -> Iterator[tuple[int, tuple[str, ...]]]:
        for number, cells in enumerate(self._records(), start=1):
            if number <= self._header_row:
                continue
            stripped = tuple(map(str.strip, cells))
            if any(stripped):
                yield number, stripped

    def __len__(self) -> int:
        """How many rows (a pass over the file the first time)."""
        if self._count is None:
            self._count = sum(1 for _row in self)
        return self._count

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Rows, tuple, list)):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # compared by content, which can change

    def __repr__(self) -> str:
        return f"Rows({tuple(itertools.islice(self, 5))}…)"

    def __getitem__(self, index):  # type: ignore[no-untyped-def,override]
        if isinstance(index, slice):
            return list(itertools.islice(self, index.start, index.stop, index.step))
        for i, row in enumerate(self):
            if i == index:
                return row
        raise IndexError(index)
