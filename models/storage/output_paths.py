"""Where a document or an export may be written: never over a ledger.

A printed document (`--out`, the preview's "Save as…") and an export are files the user
names; a slip of the keyboard or a click on the wrong file in a dialog must not turn the
ledger into a PDF. `check_output` is the one rule, for the command line and the window
alike: a ledger (a SQLite file, ours or not, open or not, or one this program has open
through SQLite, under any name) or any name ending in ``.qkledger`` is refused, a print
must end in ``.pdf``, an export in ``.csv`` or ``.xlsx``. The ledger itself is never
opened here to tell (models/storage/live_files.py).
"""

from __future__ import annotations

import enum
from pathlib import Path

from models.storage import live_files
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _

LEDGER_SUFFIX = ".qkledger"
SQLITE_HEADER = b"SQLite format 3\x00"


class OutputKind(enum.Enum):
    PDF = "pdf"
    SPREADSHEET = "spreadsheet"
    IMAGE = "image"  # the phone images of a statement (PNG)


_SUFFIXES = {
    OutputKind.PDF: (".pdf",),
    OutputKind.SPREADSHEET: (".csv", ".xlsx"),
    OutputKind.IMAGE: (".png",),
}


class OutputRefused(InputError):
    """The file named for a document or an export must not be written; nothing was."""


def is_ledger_file(path: str | Path) -> bool:
    """True when `path` is a ledger or another SQLite database (by its first bytes), or
    a file this process has open through SQLite. A missing or unreadable file is not."""
    path = Path(path).expanduser()
    if live_files.is_open_here(path):
        return True
    try:
        return path.is_file() and live_files.read_header(path) == SQLITE_HEADER
    except OSError:
        return False


def refuse_ledger(path: str | Path) -> None:
    """Refuse `path` when it is a ledger or is named like one (any kind of output)."""
    path = Path(path).expanduser()
    if path.name.lower().endswith(LEDGER_SUFFIX) or is_ledger_file(path):
        raise OutputRefused(
            _(
                "‘{path}’ is a ledger file: nothing is ever written over a ledger. Choose "
                "another file name."
            ).format(path=path)
        )


def check_output(path: str | Path, kind: OutputKind) -> Path:
    """The path a document (`OutputKind.PDF`) or an export (`OutputKind.SPREADSHEET`)
    may be written to; raises `OutputRefused` saying why not."""
    path = Path(path).expanduser()
    refuse_ledger(path)
    if path.suffix.lower() not in _SUFFIXES[kind]:
        if kind is OutputKind.PDF:
            text = _(
                "‘{path}’ does not end in .pdf: a printed document is saved as a PDF file. "
                "Give a name such as statement.pdf."
            )
        elif kind is OutputKind.IMAGE:
            text = _(
                "‘{path}’ does not end in .png: the phone images are PNG files. Give a name "
                "such as statement.png."
            )
        else:
            text = _(
                "‘{path}’ does not end in .csv or .xlsx: an export is saved as a CSV or "
                "Excel file. Give a name such as aging.xlsx."
            )
        raise OutputRefused(text.format(path=path))
    return path
