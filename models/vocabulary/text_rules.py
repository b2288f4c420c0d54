"""Rules for text a clerk types or imports: no control characters, codes compared loosely.

Control characters (NUL, ESC, BEL, the rest of C0, DEL and C1) come in through pasted
text and broken spreadsheets. They are invisible on screen, PostgreSQL refuses NUL,
and XLSX cannot hold most of them, so a ledger that took one could never be exported
again. They are refused where text enters the ledger (every model function the
dialogs and the import call), with a sentence naming the character.

Customer codes are compared after NFKC and case folding: ``c0001``, ``C0001`` and the
full-width ``Ｃ０００１`` are the same code to a clerk reading a printed statement.
"""

from __future__ import annotations

import re
import unicodedata

from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _

# C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
CONTROL_CHARACTERS = _CONTROL  # for a quick "any at all?" over many cells at once
# What a multi-line field (a customer's notes) may hold besides printable text.
_LINE_BREAKS = frozenset("\t\n\r")


def control_character(text: str, *, multiline: bool = False) -> str | None:
    """The first control character in `text` that the field may not hold, or None.

    Tab and line breaks are allowed only in a multi-line field."""
    for match in _CONTROL.finditer(text):
        char = match.group()
        if not (multiline and char in _LINE_BREAKS):
            return char
    return None


def describe_character(char: str) -> str:
    """ "a line break", "a tab" or "an invisible control character (U+001B)"."""
    if char in "\n\r":
        return _("a line break")
    if char == "\t":
        return _("a tab")
    return _("an invisible control character (U+{code:04X})").format(code=ord(char))


def control_problem(text: str, *, multiline: bool = False) -> str:
    """The sentence for a cell or field holding a control character, else ""."""
    char = control_character(text, multiline=multiline)
    if char is None:
        return ""
    return _("It contains {what}: retype the text without it.").format(
        what=describe_character(char)
    )


def check_text(text: str, what: str, *, multiline: bool = False) -> str:
    """`text` unchanged, or `InputError` when it holds a control character; `what`
    names the field for the message, e.g. "The name"."""
    char = control_character(text, multiline=multiline)
    if char is not None:
        raise InputError(
            _("{what} contains {char}: retype it without it.").format(
                what=what, char=describe_character(char)
            )
        )
    return text


def code_key(code: str) -> str:
    """The form in which two customer codes are compared: ``Ｃ０００１`` → ``c0001``."""
    folded = unicodedata.normalize("NFKC", code).casefold()
    return unicodedata.normalize("NFKC", folded).strip()  # NFKC_Casefold, as Unicode does
