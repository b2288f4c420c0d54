"""Choosing files without opening the ledger behind the program's back.

Qt's file dialog tells each file's type by reading its first bytes when the name does not
tell (a ``.qkledger`` does not): it opens and closes every such file in the folder shown,
on the window's thread. Closing the ledger file that way drops every lock this process
holds on it (POSIX), and the next program to close the ledger deletes its -wal and -shm
files under the window's connections: committed posts vanish, or a page of the ledger is
overwritten (issue 17, items 1 and 2; GTK's in-process dialog sniffs files the same way).

So every file dialog of the window comes from here: Qt's own dialog with file types and
icons told by the name alone. Windows keeps its native dialog: its file locks belong to
a handle, and another handle closing drops none of SQLite's. `choose_output` also keeps
a document or an export from being saved over a ledger (models/storage/output_paths.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QFileInfo, QMimeDatabase
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

from gui.operations import show_error
from models.storage.output_paths import OutputKind, OutputRefused, check_output


class NameOnlyIcons(QAbstractFileIconProvider):
    """File icons and type names from the file's name, never from its content."""

    def __init__(self) -> None:
        super().__init__()
        self._mimes = QMimeDatabase()
        self._plain = QFileIconProvider()

    def icon(self, what: object) -> QIcon:  # type: ignore[override]
        if isinstance(what, QFileInfo):
            kind = (
                QAbstractFileIconProvider.IconType.Folder
                if what.isDir()
                else QAbstractFileIconProvider.IconType.File
            )
            return self._plain.icon(kind)
        return self._plain.icon(what)  # type: ignore[call-overload]

    def type(self, info: QFileInfo) -> str:  # type: ignore[override]
        if info.isDir():
            return self._plain.type(info)  # a folder is never opened to tell it
        match = QMimeDatabase.MatchMode.MatchExtension
        return self._mimes.mimeTypeForFile(info, match).comment()


_icons: NameOnlyIcons | None = None


def _native() -> bool:
    return sys.platform.startswith("win")


def _dialog(parent: QWidget | None, caption: str, start: str, name_filter: str) -> QFileDialog:
    global _icons
    if _icons is None:
        _icons = NameOnlyIcons()
    dialog = QFileDialog(parent, caption, "", name_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setIconProvider(_icons)
    if start:
        where = Path(start).expanduser()
        if where.is_dir():
            dialog.setDirectory(str(where))
        else:
            if str(where.parent) not in ("", "."):
                dialog.setDirectory(str(where.parent))
            dialog.selectFile(where.name)
    return dialog


def _chosen(dialog: QFileDialog) -> tuple[str, str]:
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return "", ""
    return dialog.selectedFiles()[0], dialog.selectedNameFilter()


def get_open_file_name(
    parent: QWidget | None, caption: str, start: str = "", name_filter: str = ""
) -> tuple[str, str]:
    """Like `QFileDialog.getOpenFileName`: (the file chosen or "", the filter used)."""
    if _native():
        return QFileDialog.getOpenFileName(parent, caption, start, name_filter)
    dialog = _dialog(parent, caption, start, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _chosen(dialog)


def get_save_file_name(
    parent: QWidget | None, caption: str, start: str = "", name_filter: str = ""
) -> tuple[str, str]:
    """Like `QFileDialog.getSaveFileName` (the dialog asks before replacing a file)."""
    if _native():
        return QFileDialog.getSaveFileName(parent, caption, start, name_filter)
    dialog = _dialog(parent, caption, start, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    return _chosen(dialog)


def get_existing_directory(parent: QWidget | None, caption: str, start: str = "") -> str:
    """Like `QFileDialog.getExistingDirectory`: the folder chosen, or ""."""
    if _native():
        return QFileDialog.getExistingDirectory(parent, caption, start)
    dialog = _dialog(parent, caption, start, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return _chosen(dialog)[0]


def choose_output(
    parent: QWidget | None, caption: str, start: str, name_filter: str, kind: OutputKind
) -> str:
    """Ask where to save a document (`OutputKind.PDF`) or an export; "" when cancelled
    or when the file chosen may not be written (a ledger, a wrong ending: said so)."""
    path, _filter = get_save_file_name(parent, caption, start, name_filter)
    if not path:
        return ""
    try:
        return str(check_output(path, kind))
    except OutputRefused as err:
        show_error(parent, str(err), None)
        return ""
