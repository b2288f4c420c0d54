"""The UI language: Qt Linguist translations for widgets, kept in step with the model's
message language (`models.vocabulary.i18n`), switchable while the app runs.

The compiled `translations/qingkuan_zh_CN.qm` is committed beside its `.ts` source
(force-added: the skeleton's .gitignore lists *.qm), so `uv run main.py` needs no build
step; `tests/gui/test_language.py` fails when the `.qm` is stale or a string is
untranslated. Should the .qm be missing anyway, it is compiled once into a temporary
folder with the `pyside6-lrelease` that ships with PySide6. Regenerate both with
`uv run python -m gui.translations`.
"""

from __future__ import annotations

import logging
import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from models.vocabulary import i18n

LANGUAGES = ("zh", "en")
TRANSLATIONS_DIR = Path(__file__).parent / "translations"
QM_FILE = TRANSLATIONS_DIR / "qingkuan_zh_CN.qm"

_installed: list[QTranslator] = []
log = logging.getLogger(__name__)


def _qm_file() -> Path:
    if QM_FILE.exists():
        return QM_FILE
    import tempfile

    from gui.translations.__main__ import TS, lrelease

    compiled = (
        Path(tempfile.gettempdir())
        / f"qingkuan-{os.getuid() if hasattr(os, 'getuid') else 0}-{QM_FILE.name}"
    )
    try:
        lrelease(TS, compiled)
    except (OSError, subprocess.CalledProcessError):
        log.exception("compiling the translations failed: the UI stays in English")
    return compiled


def system_language() -> str:
    """Chinese when the system locale is Chinese, English otherwise."""
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def startup_language(chosen: str | None, env: Mapping[str, str] | None = None) -> str:
    """The language the window opens in: ``QK_LANG`` (``zh`` or ``en``) when set, as on
    the command line (cli.language); else the one chosen in the window last time; else
    the system's."""
    forced = (os.environ if env is None else env).get("QK_LANG", "").strip().lower()[:2]
    if forced in LANGUAGES:
        return forced
    return chosen if chosen in LANGUAGES else system_language()


def current() -> str:
    return i18n.language()


def set_language(lang: str) -> None:
    """Switch widgets and model messages to `lang`. Qt sends every widget a
    LanguageChange event, on which it re-reads its texts (nothing typed is lost)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    app = QCoreApplication.instance()
    # The model language first: widgets re-read model labels on LanguageChange.
    i18n.set_language(lang)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang == "zh":
        ours = QTranslator(app)
        if ours.load(str(_qm_file())):
            _installed.append(ours)
        # Qt's own strings (OK/Cancel, file dialogs) from the translations Qt ships.
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        base = QTranslator(app)
        if base.load("qtbase_zh_CN", qt_dir):
            _installed.append(base)
    for translator in _installed:
        app.installTranslator(translator)
