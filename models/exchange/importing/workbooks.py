"""Opening an XLSX workbook for import without letting it fill memory, and its cells as
the text a clerk would type.

An XLSX file is a zip: a small file can inflate to gigabytes. Before openpyxl sees it,
the sizes its members declare are added up (zipfile never inflates a member beyond its
declared size) and refused above `MAX_XLSX_UNCOMPRESSED`; the sheet is then streamed
(read-only mode) and refused past `MAX_ROWS` rows or `MAX_COLUMNS` columns.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path

from models.exchange.xlsx_rows import MAX_CELL_CHARS, CellTooLong, sheet_values, without_sheet_sizes
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _

MAX_XLSX_UNCOMPRESSED = 400 * 1024 * 1024  # the XML of ~1,000,000 rows of ten columns
MAX_ROWS = 1_048_576  # what one Excel sheet holds: a 1,000,000-entry history fits
MAX_COLUMNS = 200  # imports use at most 13; room for columns the clerk keeps beside them
MAX_XLSX_MEMBERS = 10_000  # a workbook has a few dozen parts; millions would fill memory
# Bytes of XML between two tags in the shared strings beyond which a string must be longer
# than `MAX_CELL_CHARS` (a character takes at most 10 bytes there, as ``&#x10FFFF;``).
_MAX_STRING_BYTES = 10 * MAX_CELL_CHARS
_LONG_STRING = re.compile(rb"<[^<]{%d}" % _MAX_STRING_BYTES)


def open_workbook(path: Path, sheet_name: str | None):  # type: ignore[no-untyped-def]
    """The workbook, read-only, after refusing one that would inflate too far."""
    # Imported lazily: openpyxl is slow to import and only XLSX files need it.
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        check_xlsx_size(path.read_bytes(), path.name)
        with without_sheet_sizes():
            return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise InputError(
            _("‘{name}’ is not a valid Excel workbook: {reason}").format(name=path.name, reason=err)
        ) from err


def xlsx_records(path: Path, sheet_name: str | None = None) -> Iterator[list[str]]:
    """The rows of the worksheet `sheet_name` (default: the first) as the text of their
    cells, streamed; a sheet past `MAX_ROWS` rows or `MAX_COLUMNS` columns is refused."""
    book = open_workbook(path, sheet_name)
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


def check_xlsx_size(data: bytes, name: str) -> None:
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
