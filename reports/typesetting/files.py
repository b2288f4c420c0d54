"""Writing a report's file safely: the destination checked before any work, the bytes
written to a temporary file beside it and renamed into place, errors as sentences.

No reportlab here: a spreadsheet export must not pay for loading the PDF library.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from models.storage.output_paths import refuse_ledger
from models.vocabulary.errors import LedgerError
from models.vocabulary.i18n import _


class OutputError(LedgerError):
    """The file cannot be written where the user asked; nothing was left behind."""


def check_destination(out: str | Path, *, spreadsheet: bool = False) -> Path:
    """Refuse, before any work is done, a destination that cannot be written or is a
    ledger (models/storage/output_paths.py)."""
    path = Path(out).expanduser()
    refuse_ledger(path)
    if path.is_dir():
        text = (
            _("‘{path}’ is a folder: give a file name such as aging.xlsx.")
            if spreadsheet
            else _("‘{path}’ is a folder: give a file name such as statement.pdf.")
        )
        raise OutputError(text.format(path=path))
    folder = path.parent if str(path.parent) else Path(".")
    if folder.exists() and not folder.is_dir():
        raise OutputError(
            _("‘{folder}’ is a file, not a folder: choose another place for the file.").format(
                folder=folder
            )
        )
    if not folder.is_dir():
        text = (
            _("The folder ‘{folder}’ does not exist: choose another place for the file.")
            if spreadsheet
            else _("The folder ‘{folder}’ does not exist: choose another place for the PDF.")
        )
        raise OutputError(text.format(folder=folder))
    if not os.access(folder, os.W_OK):
        raise OutputError(
            _("You have no permission to write in ‘{folder}’: choose another folder.").format(
                folder=folder
            )
        )
    return path


def write_atomic(out: str | Path, data: bytes, *, sync: bool = True) -> Path:
    """Write `data` to `out` via a temporary file in the same folder and `os.replace`.

    With `sync` the data is flushed to disk before the rename (a few milliseconds; batches
    of hundreds of files skip it: a printout can be made again, a ledger cannot).
    """
    path = check_destination(out)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = _new_temporary(folder, path.name)
    except OSError as err:
        raise _os_error(path, err) from err
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as err:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(err, OSError):
            raise _os_error(path, err) from err
        raise
    return path


def _new_temporary(folder: Path, name: str) -> tuple[int, str]:
    """A new file beside the destination, created with the permissions the user's umask
    gives (0644 under umask 022), like any file a program saves. `tempfile.mkstemp`
    would make it 0600 and `os.replace` would keep that: a PDF nobody else could read."""
    while True:
        tmp = str(folder / f".{name}.{secrets.token_hex(4)}.part")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666), tmp
        except FileExistsError:
            continue


_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
_UNWRITABLE_PLACE = {errno.ENOENT, errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOTDIR}


def _os_error(path: Path, err: OSError) -> OutputError:
    if err.errno == errno.ENOSPC:
        msg = _("The disk is full: ‘{path}’ was not written. Free some space and try again.")
    elif isinstance(err, PermissionError) and path.exists():
        # On Windows a PDF open in a viewer cannot be replaced.
        msg = _("‘{path}’ is open in another program or read-only: close it there and try again.")
    elif isinstance(err, PermissionError):
        msg = _("You have no permission to write ‘{path}’: choose another folder.")
    elif err.errno in _UNWRITABLE_PLACE:
        # E.g. /proc or a read-only disk: the system's words ("No such file or
        # directory") would send the user looking for a missing file.
        msg = _("Files cannot be written in the folder of ‘{path}’: choose another folder.")
    else:
        msg = _("‘{path}’ could not be written: {reason}.")
    return OutputError(msg.format(path=path, reason=err.strerror or err))
