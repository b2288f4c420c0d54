"""Where Qingkuan keeps its files by default. Shared by the command line and the GUI.

No Qt here: both `main.py` and `gui.app` call `default_ledger_path()`, so "the ledger in
the user's data folder" is the same file whichever way the program is started.
"""

from __future__ import annotations

import logging
from pathlib import Path

from platformdirs import user_data_dir, user_log_dir

APP_NAME = "Qingkuan"
LEDGER_FILE_NAME = "ledger.qkledger"
DEMO_FILE_NAME = "demo.qkledger"
CURRENT_FILE_NAME = "current-ledger.txt"
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


def demo_ledger_path(folder: Path | None = None) -> Path:
    """The demo ledger: one file, built the same way by the window and by ``demo``."""
    return (folder or data_dir()) / DEMO_FILE_NAME


def the_ledger(folder: Path | None = None) -> str:
    """The ledger used when none is named: the one last opened in the window (or made by
    ``demo``), else ``ledger.qkledger`` in the data folder. The window starts on it and
    every command without ``--db`` uses it, so the two always agree. `folder` is the data
    folder (default: the user's)."""
    folder = folder or data_dir()
    remembered = folder / CURRENT_FILE_NAME
    try:
        text = remembered.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        text = ""
    return text or str(folder / LEDGER_FILE_NAME)


def remember_ledger(target: str, folder: Path | None = None) -> None:
    """Make `target` "the" ledger. A PostgreSQL URL is kept without its password."""
    from models.storage.targets import is_postgres_url, without_password

    target = without_password(target) if is_postgres_url(target) else str(Path(target).resolve())
    path = (folder or data_dir()) / CURRENT_FILE_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(target + "\n", encoding="utf-8")
    except OSError:
        # A read-only data folder: the default ledger stays "the" ledger; nothing the
        # user asked for failed, so a log line is enough.
        logging.getLogger(__name__).warning("cannot remember the ledger in %s", path)


def log_file(*, create_folder: bool = True) -> Path:
    """The log file where unexpected errors leave their traceback for a developer."""
    folder = Path(user_log_dir(APP_NAME, appauthor=False))
    if create_folder:
        folder.mkdir(parents=True, exist_ok=True)
    return folder / LOG_FILE_NAME
