"""Search keys for customers: name, code, phone digits, full pinyin and pinyin initials.

Typing ``dcwj`` finds 东城王记, as every Chinese business program does. The key is
computed once when a customer is saved, so filtering 10,000 customers as the clerk types
is a substring test per customer.
"""

from __future__ import annotations

import re

_SEP = "\x1f"


def _pinyin(name: str) -> tuple[str, str]:
    from pypinyin import Style, lazy_pinyin  # imported lazily: its dictionaries are large

    full = lazy_pinyin(name, errors="ignore")
    initials = lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")
    return "".join(full).lower(), "".join(initials).lower()


def search_key(code: str, name: str, phones: str = "", contact: str = "") -> str:
    """The text a query is matched against (lower case, fields joined by a separator)."""
    full, initials = _pinyin(name)
    digits = re.sub(r"\D", "", phones)
    parts = [code.lower(), name.lower(), contact.lower(), digits, full, initials]
    parts += [p.strip() for p in re.split(r"[,;，；/\s]+", phones) if p.strip()]
    return _SEP.join(parts)


def normalise_query(query: str) -> str:
    """Lower case, words separated by one space ("罗  饭" → "罗 饭"); full-width
    spaces count as spaces, since a Chinese input method types them."""
    return " ".join(query.lower().split())


def matches(key: str, query: str) -> bool:
    """True when every word of the (normalised) query is found in the key: "罗 饭" finds
    罗记饭店, "luo 饭" too. A word never spans two fields (they are joined by a
    separator no one types)."""
    if " " not in query:
        return query in key
    return all(word in key for word in query.split(" "))
