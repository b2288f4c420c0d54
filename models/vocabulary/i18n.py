"""Translation of the model's and the documents' user-visible strings.

The GUI translates its own widgets with Qt Linguist; the model layer must not import
Qt, so its messages (errors, document labels, enum names) go through this small
catalogue instead. Source strings are English; `translations/zh_CN.json` maps each to
Simplified Chinese. A test checks that every string passed to `_()` in `models/` and
`reports/` has a translation.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

LANGUAGES = ("zh", "en")
_CATALOG_DIR = Path(__file__).resolve().parent.parent / "translations"  # models/translations
# A context variable, not a global: a document printed in English on a worker thread
# must not switch the language of messages on the GUI thread.
_current: ContextVar[str] = ContextVar("qingkuan_language", default="zh")
_default = "zh"


@cache
def _catalog(lang: str) -> dict[str, str]:
    if lang == "en":
        return {}
    path = _CATALOG_DIR / "zh_CN.json"
    return json.loads(path.read_text(encoding="utf-8"))


def set_language(lang: str) -> None:
    """Choose the language of messages raised from now on ("zh" or "en")."""
    global _default
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _default = lang
    _current.set(lang)


def language() -> str:
    return _current.get(_default)


@contextmanager
def using_language(lang: str) -> Iterator[None]:
    """Temporarily switch language, e.g. to print an English document from a Chinese UI."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    token = _current.set(lang)
    try:
        yield
    finally:
        _current.reset(token)


def _(text: str) -> str:
    """Translate `text` into the current language (identity for English)."""
    return _catalog(language()).get(text, text)


def translate(text: str, lang: str) -> str:
    """Translate `text` into `lang` regardless of the current language."""
    return _catalog(lang).get(text, text)
