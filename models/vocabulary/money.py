"""Money: integer fen (分) everywhere, one parser and one formatter.

`Decimal` is used only here, at the edge where text becomes fen. Floats never appear.
"""

from __future__ import annotations

import re
import unicodedata

from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _

Fen = int
MAX_FEN = 10**12 * 100 - 1  # amounts of 10^12 yuan or more are refused

_FULLWIDTH = str.maketrans({"，": ",", "．": ".", "。": ".", "￥": "¥", "－": "-", "＋": "+"})
_NUMBER = re.compile(r"^(?P<int>\d{1,3}(?:,\d{3})+|\d+)?(?:\.(?P<frac>\d*))?$")


def parse_money(text: str, *, allow_negative: bool = False, allow_zero: bool = False) -> Fen:
    """Parse what a clerk typed (``1,234.5``, ``¥1,234.50``, full-width digits) into fen.

    Raises `InputError` with a sentence that says what to type instead.
    """
    raw = unicodedata.normalize("NFKC", str(text)).translate(_FULLWIDTH).strip()
    raw = raw.replace(" ", "").replace("\u00a0", "")
    if raw.upper().startswith(("RMB", "CNY")):
        raw = raw[3:]
    if raw.endswith("元"):
        raw = raw[:-1]
    negative = False
    if raw[:1] in "+-" and raw:
        negative = raw[0] == "-"
        raw = raw[1:]
    raw = raw.lstrip("¥$")
    if raw[:1] == "-" and not negative:
        negative, raw = True, raw[1:]
    if not raw:
        raise InputError(_("The amount is empty: type an amount such as 1,234.50."))
    match = _NUMBER.match(raw)
    if not match or (match["int"] is None and not match["frac"]):
        raise InputError(
            _(
                "‘{text}’ is not an amount: use digits, an optional comma every three digits "
                "and a decimal point, such as 1,234.50."
            ).format(text=text)
        )
    frac = match["frac"] or ""
    if len(frac) > 2:
        raise InputError(
            _("‘{text}’ has more than two decimals: amounts go to the fen, such as 12.35.").format(
                text=text
            )
        )
    whole = int((match["int"] or "0").replace(",", ""))
    fen = whole * 100 + int(frac.ljust(2, "0"))
    if fen > MAX_FEN:
        raise InputError(
            _("‘{text}’ is too large: amounts must be below 1,000,000,000,000 yuan.").format(
                text=text
            )
        )
    if negative and fen:
        if not allow_negative:
            raise InputError(_("The amount cannot be negative here: type it without a minus sign."))
        fen = -fen
    if fen == 0 and not allow_zero:
        raise InputError(_("The amount must be more than zero."))
    return fen


def format_money(fen: Fen, symbol: str = "", *, grouping: bool = True) -> str:
    """Format fen as ``1,234.50`` (or ``¥1,234.50`` with a symbol; ``-¥12.00`` when negative)."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    whole = f"{yuan:,}" if grouping else str(yuan)
    return f"{sign}{symbol}{whole}.{cents:02d}"


def format_plain(fen: Fen) -> str:
    """Format fen for files (CSV): ``1234.56``, no grouping, ``-`` for negatives.
    Written out rather than through `format_money`: an export writes 60,000 of these."""
    if fen < 0:
        return "-" + format_plain(-fen)
    return f"{fen // 100}.{fen % 100:02d}"


def fen_share(amount: Fen, numerator: int, denominator: int) -> Fen:
    """`amount` × `numerator` / `denominator` in whole fen, rounded half up (a negative
    amount as the negative of its positive): the one place a share of money is rounded
    (commission = amount × basis points / 10,000; a promise's expected part)."""
    if denominator <= 0:
        raise ValueError("the denominator must be positive")
    if amount < 0:
        return -fen_share(-amount, numerator, denominator)
    return (2 * amount * numerator + denominator) // (2 * denominator)
