"""Which language the command line speaks.

Messages follow the system locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``; on Windows the
user's locale): a Chinese locale (``zh…``) gives Chinese, anything else English. The
``QK_LANG`` environment variable (``zh`` or ``en``) overrides both, for scripts that
parse the output and for tests. Printed documents have their own ``--lang``.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping

from models.vocabulary.i18n import LANGUAGES


def _from_locale_name(name: str) -> str:
    name = name.strip().lower()
    return "zh" if name.startswith(("zh", "chinese")) else "en"


def message_language(env: Mapping[str, str] | None = None) -> str:
    """ "zh" or "en" for the command line's messages, as described in the module doc."""
    env = os.environ if env is None else env
    forced = env.get("QK_LANG", "").strip().lower()[:2]
    if forced in LANGUAGES:
        return forced
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "").strip()
        if value:
            return _from_locale_name(value)
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:  # an unparsable locale setting: fall back to English
        name = ""
    return _from_locale_name(name)
