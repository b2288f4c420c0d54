"""A worksheet's values, row by row, read with expat: openpyxl's read-only values, faster.

openpyxl's read-only mode builds an element tree for every cell and a dictionary of its
attributes: a million-row sheet took 94 s to read, most of a bulk import's time. This
reader streams the sheet's XML through expat (C) and keeps per cell only what a value
needs, taking everything else from the workbook openpyxl opened (shared strings, which
styles are dates, the 1900 or 1904 epoch) and converting exactly as openpyxl's
`WorkSheetParser.parse_cell` and `ReadOnlyWorksheet._cells_by_row` do with
``values_only=True`` and no sheet size: the same rows, the same numbering (a missing
row is an empty one), the same values (int or float, dates, booleans, inline and rich
text without phonetic runs, cached formula results). tests/models/exchange/test_xlsx_rows.py
holds it to openpyxl's own output.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from string import digits
from typing import Any
from xml.parsers import expat

from openpyxl.utils.cell import column_index_from_string, coordinate_to_tuple
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import _cast_number
from openpyxl.xml.constants import SHEET_MAIN_NS

_CHUNK = 1 << 20  # bytes of XML parsed at a time
# The most characters Excel itself holds in a cell: a longer value is no spreadsheet a
# clerk made, and reading it whole (a 350 MB cell) took a minute and most of the memory.
MAX_CELL_CHARS = 32_767


class CellTooLong(ValueError):
    """A cell's text is longer than `MAX_CELL_CHARS`; `coordinate` says which (e.g. "E2",
    "" when the sheet does not say)."""

    def __init__(self, coordinate: str) -> None:
        super().__init__(coordinate)
        self.coordinate = coordinate


_SIZES = threading.Lock()


@contextmanager
def without_sheet_sizes() -> Iterator[None]:
    """Open read-only workbooks without reading each sheet's size. openpyxl reads it when
    it opens the workbook, and a sheet without a <dimension> element (openpyxl's own
    write-only files have none) costs a whole pass over its XML: a minute at a million
    rows, per opening. The import reads every row whatever the size says."""
    with _SIZES:
        saved = ReadOnlyWorksheet._get_size
        ReadOnlyWorksheet._get_size = lambda self: None  # type: ignore[method-assign]
        try:
            yield
        finally:
            ReadOnlyWorksheet._get_size = saved  # type: ignore[method-assign]


def sheet_values(
    book: Any, sheet: Any, max_chars: int = MAX_CELL_CHARS
) -> Iterator[tuple[Any, ...]]:
    """The rows of `sheet` (a read-only worksheet of `book`, opened with data_only).
    Raises `CellTooLong` as soon as a cell's text passes `max_chars`, before the rest of
    it is read."""
    reader = _SheetReader(book, sheet._shared_strings, max_chars)
    with book._archive.open(sheet._worksheet_path) as source:
        yield from reader.rows(source)


class _SheetReader:
    def __init__(self, book: Any, strings: list[str], max_chars: int = MAX_CELL_CHARS) -> None:
        self.strings = strings
        self.max_chars = max_chars
        self.run_chars = 0  # characters of the inline string's runs so far
        self.epoch = book.epoch
        self.dates = book._date_formats
        self.durations = book._timedelta_formats
        self.columns: dict[str, int] = {}
        self.done: list[tuple[int, list[tuple[int, Any]]]] = []  # rows parsed, not yet given
        self.row_number = 0
        self.cells: list[tuple[int, Any]] = []
        self.column = 0
        self.cell: tuple[str, str | None, int] | None = None  # (type, coordinate, style)
        self.text: str | None = None  # the characters of the <v> or <t> being read
        self.value: str | None = None  # the cell's <v>
        self.plain: str | None = None  # an inline string's own <t>
        self.runs: list[str] | None = None  # its rich-text runs' <t>s
        self.inline = False
        self.depth_in_run = 0
        self.phonetic = 0

    def rows(self, source: Any) -> Iterator[tuple[Any, ...]]:
        # No namespace processing (it doubles the time): the root element says which
        # prefix the sheet gives the spreadsheet namespace, and that names the elements.
        self.parser = expat.ParserCreate()
        self.parser.buffer_text = True
        self.parser.StartElementHandler = self.root
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.characters
        counter = 1
        while True:
            chunk = source.read(_CHUNK)
            self.parser.Parse(chunk, not chunk)
            for number, cells in self.done:
                while counter < number:  # missing rows are empty ones
                    counter += 1
                    yield ()
                if counter <= number:
                    counter += 1
                    yield _values(cells)
            self.done.clear()
            if not chunk:
                return

    def root(self, name: str, attrs: dict[str, str]) -> None:
        prefix = "" if attrs.get("xmlns") == SHEET_MAIN_NS else "\x00"  # \x00: no rows
        for key, value in attrs.items():
            if key.startswith("xmlns:") and value == SHEET_MAIN_NS:
                prefix = key[6:] + ":"
        self.row_tag, self.cell_tag, self.value_tag = prefix + "row", prefix + "c", prefix + "v"
        self.inline_tag, self.text_tag = prefix + "is", prefix + "t"
        self.run_tag, self.phonetic_tag = prefix + "r", prefix + "rPh"
        self.parser.StartElementHandler = self.start

    def start(self, name: str, attrs: dict[str, str]) -> None:
        # The usual elements first: a million rows call this ten million times.
        if name == self.cell_tag:
            self.cell = (attrs.get("t", "n"), attrs.get("r"), int(attrs.get("s", 0) or 0))
            self.value = self.plain = self.runs = None
            self.inline = False
            self.run_chars = 0
        elif name == self.value_tag:
            if self.cell is not None and not self.inline and self.value is None:
                self.text = ""  # the first <v> counts
        elif name == self.text_tag:
            if self.inline and not self.phonetic:
                self.text = ""
        elif name == self.inline_tag:
            if self.cell is not None:
                self.inline, self.runs = True, []
        elif name == self.row_tag:
            self.row_number = _row_number(attrs.get("r"), self.row_number)
            self.cells, self.column = [], 0
        elif name == self.run_tag:
            if self.inline:
                self.depth_in_run += 1
        elif name == self.phonetic_tag:
            self.phonetic += 1

    def end(self, name: str) -> None:
        if name == self.cell_tag:
            self.end_cell()
        elif name == self.value_tag:
            if self.text is not None and not self.inline:
                self.value, self.text = self.text, None
        elif name == self.text_tag:
            if self.text is not None:
                if self.depth_in_run:
                    self.run_chars += len(self.text)
                    if self.run_chars > self.max_chars:
                        self.too_long()
                    self.runs.append(self.text)  # type: ignore[union-attr]
                else:
                    self.plain = self.text  # the last plain <t> wins, as in openpyxl
                self.text = None
        elif name == self.row_tag:
            self.done.append((self.row_number, self.cells))
        elif name == self.run_tag:
            if self.inline:
                self.depth_in_run -= 1
        elif name == self.phonetic_tag:
            self.phonetic -= 1

    def characters(self, data: str) -> None:
        if self.text is not None:
            self.text += data
            # expat hands buffered text over 8 KB at a time: stop a long cell early.
            if len(self.text) > self.max_chars:
                self.too_long()

    def too_long(self) -> None:
        raise CellTooLong((self.cell[1] if self.cell is not None else None) or "")

    def end_cell(self) -> None:
        kind, coordinate, style = self.cell  # type: ignore[misc]
        self.cell = None
        if coordinate:
            self.column = self.column_of(coordinate)
        else:
            self.column += 1
        value: Any = self.value or None
        if kind == "inlineStr":
            value = None
            if self.runs is not None:  # openpyxl: Text.content, phonetic runs left out
                value = (self.plain or "") + "".join(self.runs)
        elif value is not None:
            value = self.convert(kind, value, style, coordinate)
        self.cells.append((self.column, value))

    def convert(self, kind: str, value: str, style: int, coordinate: str | None) -> Any:
        if kind == "n":
            number = _cast_number(value)
            if style in self.dates:
                try:
                    return from_excel(number, self.epoch, timedelta=style in self.durations)
                except (OverflowError, ValueError):
                    warnings.warn(
                        f"Cell {coordinate} is marked as a date but the serial value {number} "
                        "is outside the limits for dates. The cell will be treated as an error.",
                        stacklevel=2,
                    )
                    return "#VALUE!"
            return number
        if kind == "s":
            text = self.strings[int(value)]
            if len(text) > self.max_chars:
                raise CellTooLong(coordinate or "")
            return text
        if kind == "b":
            return bool(int(value))
        if kind == "d":
            return from_ISO8601(value)
        return value  # "str" (a formula's text), "e" (an error such as #N/A)

    def column_of(self, coordinate: str) -> int:
        letters = coordinate.rstrip(digits)
        column = self.columns.get(letters)
        if column is None:
            if not letters or letters == coordinate:  # malformed: as openpyxl reads it
                return coordinate_to_tuple(coordinate)[1]
            column = self.columns[letters] = column_index_from_string(letters)
        return column


def _row_number(text: str | None, previous: int) -> int:
    if text is None:
        return previous + 1
    try:
        return int(text)
    except ValueError:
        number = float(text)
        if number.is_integer():
            return int(number)
        raise ValueError(f"{text} is not a valid row number") from None


def _values(cells: list[tuple[int, Any]]) -> tuple[Any, ...]:
    """A row as openpyxl's `_get_row` makes it: as wide as its last cell's column."""
    if not cells:
        return ()
    width = cells[-1][0]
    row: list[Any] = [None] * width
    for column, value in cells:
        if 1 <= column <= width:
            row[column - 1] = value
    return tuple(row)
