"""What the paper tests compare against: amounts summed from the entries a test posted,
capitals written by a small converter of its own, and a PDF read back with pdfplumber
(the characters as placed, so a figure is read where it is printed, beside its label).

Nothing here calls the code that printed the paper: a mistake shared by the report and
its check would let both agree.
"""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber

DIGITS = "零壹贰叁肆伍陆柒捌玖"


def _four(n: int) -> str:
    """0 < n < 10,000 in capitals, a run of inner zeros as one 零 (壹仟零伍拾)."""
    words, zero = "", False
    for place, unit in ((1000, "仟"), (100, "佰"), (10, "拾"), (1, "")):
        d = n // place % 10
        if d == 0:
            zero = bool(words)
            continue
        words += ("零" if zero else "") + DIGITS[d] + unit
        zero = False
    return words


def capitals(fen: int) -> str:
    """人民币 capitals of a non-negative amount, as the People's Bank writes them:
    every 拾 written, one 零 for a run of zeros, 零 before 角 when the 元 digit is 0,
    before 分 when 角 is 0, 整 after 元."""
    assert fen >= 0
    yuan, jiao, fen_digit = fen // 100, fen // 10 % 10, fen % 10
    groups = [(yuan // 10**8, "亿"), (yuan // 10**4 % 10**4, "万"), (yuan % 10**4, "")]
    words, zero = "", False
    for value, unit in groups:
        if value == 0:
            zero = bool(words)
            continue
        if words and (zero or value < 1000):
            words += "零"
        words += _four(value) + unit
        zero = False
    if yuan:
        words += "元"
    if not jiao and not fen_digit:
        return "人民币" + (words or "零元") + "整"
    if jiao:
        words += ("零" if yuan and yuan % 10 == 0 else "") + DIGITS[jiao] + "角"
    if fen_digit:
        words += ("零" if yuan and not jiao else "") + DIGITS[fen_digit] + "分"
    return "人民币" + words


def figure(fen: int, symbol: str = "") -> str:
    """``¥12,345.67``: an amount as the papers print it (negative with a minus)."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{symbol}{yuan:,}.{cents:02d}"


def fen_of(text: str) -> int:
    """``¥12,345.67`` / ``-1,000.00`` → fen."""
    cleaned = text.replace("¥", "").replace(",", "")
    sign = -1 if cleaned.startswith(("-", "−")) else 1
    yuan, _dot, cents = cleaned.lstrip("-−").partition(".")
    return sign * (int(yuan) * 100 + int(cents or 0))


def page_texts(path: str | Path) -> list[str]:
    """Each page's text with all whitespace removed (lines wrap where the layout says)."""
    with pdfplumber.open(path) as pdf:
        return ["".join((page.extract_text() or "").split()) for page in pdf.pages]


def text_of(path: str | Path) -> str:
    return "".join(page_texts(path))


MONEY = r"-?¥?[\d,]+\.\d\d"


def amounts_after(text: str, label: str) -> list[int]:
    """Every amount printed right after `label` (in fen), in reading order."""
    return [fen_of(m) for m in re.findall(re.escape(label) + f"({MONEY})", text)]
