"""Reading a spreadsheet (CSV or XLSX) into rows of text, for import.

What a clerk hands us is whatever Excel saved: CSV in UTF-8, UTF-8 with a BOM ("CSV
UTF-8"), GB18030/GBK (plain "CSV" on a Chinese Windows), UTF-16 tab-separated ("Unicode
text"), or an XLSX workbook. The encoding is detected, never asked for. Every cell
becomes text, so one parser per column serves both formats; XLSX numbers are written
the way Excel shows them (15 significant digits), so ``1234.56`` stays ``1234.56``.

Row numbers are the spreadsheet's own (the header row included, blank rows counted), so
a message such as "row 7" points at the row the clerk sees in Excel.

An XLSX file is a zip: a small file can inflate to gigabytes. Before openpyxl sees it,
the sizes its members declare are added up (zipfile never inflates a member beyond its
declared size) and refused above `MAX_XLSX_UNCOMPRESSED`; the sheet is then streamed
(read-only mode) and refused past `MAX_ROWS` rows or `MAX_COLUMNS` columns.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import io
import itertools
import os
import re
import stat
import struct
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from models.exchange.xlsx_rows import MAX_CELL_CHARS, CellTooLong, sheet_values, without_sheet_sizes
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _, language

XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"  # Excel 97-2003 (OLE compound file)
MAX_BYTES = 200 * 1024 * 1024  # a ledger import is never this big; protects memory
MAX_XLSX_UNCOMPRESSED = 400 * 1024 * 1024  # the XML of ~1,000,000 rows of ten columns
MAX_ROWS = 1_048_576  # what one Excel sheet holds: a 1,000,000-entry history fits
MAX_COLUMNS = 200  # imports use at most 13; room for columns the clerk keeps beside them
MAX_XLSX_MEMBERS = 10_000  # a workbook has a few dozen parts; millions would fill memory
# Bytes of XML between two tags in the shared strings beyond which a string must be longer
# than `MAX_CELL_CHARS` (a character takes at most 10 bytes there, as ``&#x10FFFF;``).
_MAX_STRING_BYTES = 10 * MAX_CELL_CHARS
_LONG_STRING = re.compile(rb"<[^<]{%d}" % _MAX_STRING_BYTES)

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


@dataclass(frozen=True)
class Column:
    """A column an import understands: its key and the headers that name it."""

    key: str  # the English header, e.g. "customer_code"
    zh: str  # the Chinese header, e.g. "客户编号"
    aliases: tuple[str, ...] = ()  # other headers clerks use; any case and spacing
    required: bool = False


@dataclass(frozen=True)
class ColumnMap:
    """Which cell of a row holds each known column."""

    index: dict[str, int]  # column key -> cell index
    labels: dict[str, str]  # column key -> header as written in the file
    ignored: tuple[str, ...]  # headers the import does not use
    chinese: dict[str, str] = field(default_factory=dict)  # column key -> Chinese header
    # column key -> the value of every row, for a column the file does not have (a saved
    # layout says "every row is a delivery" for an invoicing program's export).
    fixed: dict[str, str] = field(default_factory=dict)

    def cell(self, cells: tuple[str, ...], key: str) -> str:
        i = self.index.get(key)
        if i is None:
            return self.fixed.get(key, "")
        return cells[i].strip() if i < len(cells) else ""

    def label(self, key: str) -> str:
        """The column as the user knows it: its header in the file; a column the file
        lacks is named in the user's language, with what to do about it."""
        if key in self.labels:
            return self.labels[key]
        if key in self.fixed:
            name = self.chinese.get(key, key) if language() == "zh" else key
            return _("{name} (every row: {value})").format(name=name, value=self.fixed[key])
        name = self.chinese.get(key, key) if language() == "zh" else key
        return _("{name} (the file has no such column: add it)").format(name=name)


def file_problem(path: str | Path) -> str:
    """Why `path` cannot be imported before anything is read from it, else "": a
    folder, or anything but a regular file (a device such as /dev/zero never ends, a
    named pipe blocks the opening itself). A missing file is left to the caller."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode  # follows a link: what would be read
    except FileNotFoundError:
        return ""
    except OSError as err:
        return _("‘{path}’ cannot be read: {reason}").format(path=path, reason=err.strerror)
    if stat.S_ISDIR(mode):
        return _("‘{path}’ is a folder, not a file to import.").format(path=path)
    if not stat.S_ISREG(mode):
        return _(
            "‘{path}’ is not an ordinary file (it is a device, a pipe or a socket): save the "
            "table as a .csv or .xlsx file and import that file."
        ).format(path=path)
    return ""


def check_file(path: str | Path) -> None:
    """Raise `InputError` with `file_problem(path)` when there is one."""
    problem = file_problem(path)
    if problem:
        raise InputError(problem)


def _refuse_ledger(path: Path) -> None:
    """A ledger is not a sheet, and the one open here must never be opened outside
    SQLite (models/storage/live_files.py)."""
    from models.storage.output_paths import is_ledger_file

    if is_ledger_file(path):
        raise InputError(
            _(
                "‘{path}’ is a ledger, not a file to import: choose the .xlsx or .csv file "
                "that holds the rows."
            ).format(path=path)
        )


def sheet_names(path: str | Path) -> list[str]:
    """The worksheets of an XLSX workbook, in order; a CSV file has none (empty list)."""
    path = Path(path)
    check_file(path)
    _refuse_ledger(path)
    with path.open("rb") as fh:
        if fh.read(4) != XLSX_MAGIC:
            return []
    import openpyxl

    try:
        _check_xlsx_size(path.read_bytes(), path.name)
        with without_sheet_sizes():
            book = openpyxl.load_workbook(path, read_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise InputError(
            _("‘{name}’ is not a valid Excel workbook: {reason}").format(name=path.name, reason=err)
        ) from err
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def read_sheet(path: str | Path, sheet: str | None = None) -> Sheet:
    """Read a CSV or XLSX file (chosen by its content, not its name) into a `Sheet`;
    from an XLSX the worksheet named `sheet` (default: the first).

    Raises `InputError` when the file cannot be read, is of another kind, or is empty.
    `OSError` (missing file, no permission) is left to the caller, which knows the path.
    """
    path = Path(path)
    check_file(path)
    _refuse_ledger(path)
    with path.open("rb") as fh:
        head = fh.read(4096)
    if path.stat().st_size > MAX_BYTES:
        raise InputError(_("‘{path}’ is too large to import.").format(path=path.name))
    if head.startswith(XLS_MAGIC) or path.suffix.lower() == ".xls":
        raise InputError(
            _(
                "‘{name}’ is an old Excel 97-2003 workbook: in Excel choose Save As and pick "
                "‘Excel Workbook (.xlsx)’ or ‘CSV UTF-8’, then import that file."
            ).format(name=path.name)
        )
    if not head.startswith(XLSX_MAGIC) and path.suffix.lower() in (".xlsx", ".xlsm"):
        raise InputError(
            _(
                "‘{name}’ is not an Excel workbook, although its name ends in {suffix}: open "
                "it in Excel and save it as an .xlsx workbook or as ‘CSV UTF-8’."
            ).format(name=path.name, suffix=path.suffix)
        )
    if head.startswith(XLSX_MAGIC):
        _open_workbook(path, sheet).close()  # a bad or oversized workbook is refused now
        return _sheet(path.name, "xlsx", lambda: _xlsx_records(path, sheet))
    encoding = detect_encoding(path)
    delimiter = _delimiter(_first_line(path, encoding))
    return _sheet(path.name, encoding, lambda: _csv_records(path, encoding, delimiter))


def decode_text(data: bytes, name: str = "") -> tuple[str, str]:
    """Decode a CSV file's bytes; returns (text, encoding name).

    A BOM decides; otherwise strict UTF-8 is tried first because GB18030 would decode
    almost any bytes (wrongly) — UTF-8 text is practically never valid by accident.
    """
    if data.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8-sig", "utf-8-sig")]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [("utf-16", "utf-16")]
    else:
        candidates = [("utf-8", "utf-8"), ("gb18030", "gb18030")]
    for codec, label in candidates:
        try:
            return data.decode(codec), label
        except UnicodeDecodeError:
            continue
    raise InputError(
        _(
            "The text of ‘{name}’ cannot be read: save it from Excel as ‘CSV UTF-8’ or as "
            "an .xlsx workbook."
        ).format(name=name)
    )


def detect_encoding(path: Path) -> str:
    """The encoding of a CSV file, read a megabyte at a time: a BOM decides; otherwise
    strict UTF-8 if the whole file is valid UTF-8, else GB18030 (see `decode_text`)."""
    with path.open("rb") as fh:
        head = fh.read(4)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    for codec in ("utf-8", "gb18030"):
        decoder = codecs.getincrementaldecoder(codec)()
        try:
            with path.open("rb") as fh:
                while chunk := fh.read(1 << 20):
                    decoder.decode(chunk)
            decoder.decode(b"", final=True)
            return codec
        except UnicodeDecodeError:
            continue
    raise InputError(
        _(
            "The text of ‘{name}’ cannot be read: save it from Excel as ‘CSV UTF-8’ or as "
            "an .xlsx workbook."
        ).format(name=path.name)
    )


def _first_line(path: Path, encoding: str) -> str:
    with path.open(encoding=encoding, newline="") as fh:
        for line in fh:
            if line.strip():
                return line
    return ""


def _delimiter(first: str) -> str:
    """Comma, or tab/semicolon when the first non-blank line clearly uses those."""
    counts = {d: first.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def _csv_records(path: Path, encoding: str, delimiter: str) -> Iterator[list[str]]:
    # One csv record is one spreadsheet row, even when a quoted cell spans lines, so the
    # record index is the row number Excel shows.
    with path.open(encoding=encoding, newline="") as fh:
        reader = csv.reader(fh, delimiter=delimiter)
        try:
            yield from reader
        except csv.Error as err:
            raise InputError(
                _("The file is not a valid CSV table: {reason}").format(reason=err)
            ) from err


def _open_workbook(path: Path, sheet_name: str | None):  # type: ignore[no-untyped-def]
    """The workbook, read-only, after refusing one that would inflate too far."""
    # Imported lazily: openpyxl is slow to import and only XLSX files need it.
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        _check_xlsx_size(path.read_bytes(), path.name)
        with without_sheet_sizes():
            return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise InputError(
            _("‘{name}’ is not a valid Excel workbook: {reason}").format(name=path.name, reason=err)
        ) from err


def _xlsx_records(path: Path, sheet_name: str | None = None) -> Iterator[list[str]]:
    book = _open_workbook(path, sheet_name)
    try:
        sheet = book[sheet_name] if sheet_name in book.sheetnames else book.worksheets[0]
        # Read as openpyxl reads it without the sheet size (some programs write a wrong
        # one), but with expat: a million rows in seconds rather than minutes.
        try:
            for number, row in enumerate(sheet_values(book, sheet), start=1):
                if number > MAX_ROWS or len(row) > MAX_COLUMNS:
                    raise InputError(_too_big(path.name))
                yield [cell_text(v) for v in row]
        except CellTooLong as err:
            raise InputError(_cell_too_long(path.name, err.coordinate)) from None
    finally:
        book.close()


def _check_xlsx_size(data: bytes, name: str) -> None:
    """Refuse a workbook whose members inflate past `MAX_XLSX_UNCOMPRESSED` (a zip bomb
    or far more than a ledger import), before anything is inflated. The member count is
    read from the zip's end record first: zipfile builds an object for every member."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))  # end of central directory
    members = struct.unpack_from("<H", data, end + 10)[0] if 0 <= end <= len(data) - 12 else 0
    if members > MAX_XLSX_MEMBERS:
        raise InputError(_too_big(name))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_XLSX_UNCOMPRESSED:
            raise InputError(_too_big(name))
        # openpyxl reads the shared strings whole when it opens the workbook: a string
        # longer than a cell holds is refused first, in one quick pass over their XML.
        strings = [i for i in archive.infolist() if i.filename.endswith("sharedStrings.xml")]
        for info in strings:
            if info.file_size > _MAX_STRING_BYTES and _has_long_string(archive, info):
                raise InputError(_cell_too_long(name, ""))


def _has_long_string(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Does the member hold more than `_MAX_STRING_BYTES` bytes between two tags?"""
    carry = 0  # bytes since the last "<" of the chunks before
    with archive.open(info) as source:
        while chunk := source.read(1 << 20):
            first = chunk.find(b"<")
            if first < 0:
                carry += len(chunk)
                if carry > _MAX_STRING_BYTES:
                    return True
                continue
            if carry + first > _MAX_STRING_BYTES or _LONG_STRING.search(chunk, first):
                return True
            carry = len(chunk) - chunk.rfind(b"<") - 1
    return carry > _MAX_STRING_BYTES


def _cell_too_long(name: str, cell: str) -> str:
    if cell:
        text = _(
            "‘{name}’: cell {cell} holds more than {n:,} characters, more than Excel itself "
            "allows in a cell: empty that cell or import another sheet."
        )
    else:
        text = _(
            "‘{name}’ holds a cell of more than {n:,} characters, more than Excel itself "
            "allows in a cell: open it in Excel, empty that cell and save it again."
        )
    return text.format(name=name, cell=cell, n=MAX_CELL_CHARS)


def _too_big(name: str) -> str:
    return _(
        "‘{name}’ is too large to import: a workbook may hold at most {rows:,} rows, "
        "{columns} columns and {mb} MB of unpacked data. Split it into smaller files, or "
        "delete stray cells far right or below the table."
    ).format(
        name=name,
        rows=MAX_ROWS,
        columns=MAX_COLUMNS,
        mb=MAX_XLSX_UNCOMPRESSED // (1024 * 1024),
    )


def cell_text(value: object) -> str:
    """An XLSX cell value as the text a clerk would type for it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # Excel shows (and computes with) 15 significant digits; 0.1+0.2 is "0.3" there.
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(value, ".15g")
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value)


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


def _sheet(source: str, encoding: str, records: Callable[[], Iterator[list[str]]]) -> Sheet:
    for number, cells in enumerate(records(), start=1):
        stripped = tuple(c.strip() for c in cells)
        if any(stripped):
            return Sheet(source, encoding, number, stripped, Rows(records, number))
    raise InputError(_("‘{name}’ is empty: it has no header row.").format(name=source))


_BRACKETED = re.compile(r"\(.*?\)|\[.*?\]|【.*?】")
_SEPARATORS = re.compile(r"[\s\-_./]+")


def normalise_header(text: str) -> str:
    """``" Customer Code "`` → ``customer_code``; ``金额（元）`` → ``金额``; ``编号*`` → ``编号``."""
    value = unicodedata.normalize("NFKC", text).replace("\ufeff", "").strip().lower()
    value = _BRACKETED.sub("", value).strip(" *:：")
    return _SEPARATORS.sub("_", value).strip("_")


def guess_mapping(headers: tuple[str, ...], columns: tuple[Column, ...]) -> dict[int, str]:
    """Which of our column keys each header (by position) names, from its English or
    Chinese name or a usual alias; headers no column claims are left out."""
    by_alias = {normalise_header(a): c.key for c in columns for a in (c.key, c.zh, *c.aliases)}
    guessed: dict[int, str] = {}
    for i, header in enumerate(headers):
        key = by_alias.get(normalise_header(header))
        if key is not None and key not in guessed.values():
            guessed[i] = key
    return guessed


def map_columns(
    sheet: Sheet,
    columns: tuple[Column, ...],
    chosen: dict[int, str] | None = None,
    fixed: dict[str, str] | None = None,
) -> ColumnMap:
    """Match the sheet's headers to `columns` (or take `chosen`: header position → our
    column key, as the clerk mapped them in the import wizard). `fixed` gives columns
    the file does not have one value for every row (a column of the file wins).

    Raises `InputError` naming every required column that is missing and every column
    that appears twice. Headers no column claims are returned as `ignored`.
    """
    by_alias = {normalise_header(a): c.key for c in columns for a in (c.key, c.zh, *c.aliases)}
    index: dict[str, int] = {}
    labels: dict[str, str] = {}
    ignored: list[str] = []
    problems: list[str] = []
    for i, header in enumerate(sheet.headers):
        key = chosen.get(i) if chosen is not None else by_alias.get(normalise_header(header))
        if key is None:
            if header:
                ignored.append(header)
        elif key in index:
            problems.append(
                _("The column ‘{column}’ appears twice in the header row.").format(column=header)
            )
        else:
            index[key], labels[key] = i, header
    fixed = {k: v for k, v in (fixed or {}).items() if k not in index and v.strip()}
    missing = [c for c in columns if c.required and c.key not in index and c.key not in fixed]
    if missing:
        names = ", ".join(f"{c.key} ({c.zh})" for c in missing)
        if len(missing) == 1:
            text = _("Row {row}: the header lacks the column {names}.")
        else:
            text = _("Row {row}: the header lacks the columns {names}.")
        problems.insert(0, text.format(row=sheet.header_row, names=names))
    if problems:
        raise InputError(" ".join(problems))
    return ColumnMap(index, labels, tuple(ignored), {c.key: c.zh for c in columns}, fixed)
