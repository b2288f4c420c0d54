"""Where Qingkuan keeps its files by default. Shared by the command line and the GUI.

No Qt here: both `main.py` and `gui.app` call `default_ledger_path()`, so "the ledger in
the user's data folder" is the same file whichever way the program is started.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir, user_log_dir

APP_NAME = "Qingkuan"
LEDGER_FILE_NAME = "ledger.qkledger"
LOG_FILE_NAME = "qingkuan.log"


def data_dir() -> Path:
    """The per-user data folder (e.g. ``~/.local/share/Qingkuan``, ``%LOCALAPPDATA%\\Qingkuan``)."""
    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_ledger_path(*, create_folder: bool = False) -> Path:
    """The ledger used when none is named: ``ledger.qkledger`` in the user's data folder.

    With `create_folder`, the folder is made if missing (opening a ledger refuses a
    missing folder, which is right for a path the user typed but not for this one).
    """
    folder = data_dir()
    if create_folder:
        folder.mkdir(parents=True, exist_ok=True)
    return folder / LEDGER_FILE_NAME


def log_file(*, create_folder: bool = True) -> Path:
    """The log file where unexpected errors leave their traceback for a developer."""
    folder = Path(user_log_dir(APP_NAME, appauthor=False))
    if create_folder:
        folder.mkdir(parents=True, exist_ok=True)
    return folder / LOG_FILE_NAME
