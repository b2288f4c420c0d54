"""Amounts in Chinese capitals (人民币大写) for bills, cheques and IOU notes.

Follows the People's Bank of China rules for writing amounts on bills and vouchers
(支付结算办法, 附件一《正确填写票据和结算凭证的基本规定》):
- every digit is written, so ten is 壹拾 and 100,000 is 壹拾万;
- a run of zeros between digits is written as one 零 (陆仟零柒元);
- a zero in the 元 place before non-zero 角 is written 零 (壹仟陆佰捌拾元零叁角贰分)
  — the rules allow either; we always write it, as banks prefer the unambiguous form;
- 角 zero before non-zero 分 is written 零 (壹万陆仟肆佰零玖元零贰分);
- 整 follows an amount that ends at 元; nothing follows 角 or 分.
"""

from __future__ import annotations

from models.vocabulary.money import MAX_FEN, Fen

DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PLACE = ("", "拾", "佰", "仟")
_GROUP = ("", "万", "亿")


def _yuan_words(yuan: int) -> str:
    digits = str(yuan)
    words: list[str] = []
    pending_zero = False
    for i, ch in enumerate(digits):
        power = len(digits) - 1 - i
        place, group = power % 4, power // 4
        d = int(ch)
        if d == 0:
            pending_zero = bool(words)
        else:
            if pending_zero:
                words.append("零")
                pending_zero = False
            words.append(DIGITS[d] + _PLACE[place])
        if place == 0 and group > 0:
            group_digits = digits[max(0, i - 3) : i + 1]
            if int(group_digits):
                words.append(_GROUP[group])
                pending_zero = False if d else pending_zero
            # A zero at a 万/亿 boundary is not written before the unit (壹拾万柒仟).
            if d == 0 and int(group_digits):
                pending_zero = False
    return "".join(words)


def rmb_capitals(fen: Fen, *, prefix: bool = False) -> str:
    """Write `fen` in capitals: 10005.07 yuan → 壹万零伍元零柒分.

    With ``prefix=True`` the result starts with 人民币. Negative amounts start with 负.
    """
    if abs(fen) > MAX_FEN:
        raise ValueError("amount out of range")
    sign = "负" if fen < 0 else ""
    yuan, rest = divmod(abs(fen), 100)
    jiao, fen_digit = divmod(rest, 10)
    parts: list[str] = []
    if yuan:
        parts.append(_yuan_words(yuan) + "元")
    if jiao:
        if yuan and yuan % 10 == 0:
            parts.append("零")
        parts.append(DIGITS[jiao] + "角")
    if fen_digit:
        if yuan and not jiao:
            parts.append("零")
        parts.append(DIGITS[fen_digit] + "分")
    if not parts:
        parts.append("零元")
    if not jiao and not fen_digit:
        parts.append("整")
    text = sign + "".join(parts)
    return ("人民币" + text) if prefix else text
