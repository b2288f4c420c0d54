"""Reading a spreadsheet (CSV or XLSX) into rows of text, for import.

What a clerk hands us is whatever Excel saved: CSV in UTF-8, UTF-8 with a BOM ("CSV
UTF-8"), GB18030/GBK (plain "CSV" on a Chinese Windows), UTF-16 tab-separated ("Unicode
text"), or an XLSX workbook. The encoding is detected, never asked for. Every cell
becomes text, so one parser per column serves both formats; XLSX numbers are written
the way Excel shows them (15 significant digits), so ``1234.56`` stays ``1234.56``
(`workbooks` opens and reads an XLSX file). Before anything is read, a file that is
not one (a folder, a device, a pipe) or is a ledger is refused.
"""

from __future__ import annotations

import codecs
import csv
import os
import stat
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from models.exchange.importing.sheet import Rows, Sheet
from models.exchange.importing.workbooks import check_xlsx_size, open_workbook, xlsx_records
from models.exchange.xlsx_rows import without_sheet_sizes
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _

XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"  # Excel 97-2003 (OLE compound file)
MAX_BYTES = 200 * 1024 * 1024  # a ledger import is never this big; protects memory


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
        check_xlsx_size(path.read_bytes(), path.name)
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
        open_workbook(path, sheet).close()  # a bad or oversized workbook is refused now
        return _sheet(path.name, "xlsx", lambda: xlsx_records(path, sheet))
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


def _sheet(source: str, encoding: str, records: Callable[[], Iterator[list[str]]]) -> Sheet:
    for number, cells in enumerate(records(), start=1):
        stripped = tuple(c.strip() for c in cells)
        if any(stripped):
            return Sheet(source, encoding, number, stripped, Rows(records, number))
    raise InputError(_("‘{name}’ is empty: it has no header row.").format(name=source))
