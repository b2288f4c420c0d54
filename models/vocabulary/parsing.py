"""Text as typed (in a spreadsheet or on the command line) into dates, kinds and methods.

Money has its own parser (`models.vocabulary.money.parse_money`), terms theirs
(`models.ledger.customers.parse_terms`). Each parser raises `InputError` with a sentence that
says what to type instead.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from models.vocabulary.entry_records import EntryKind, PaymentMethod
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _

# Excel shows dates as 2026/12/14 on a Chinese Windows and saves them so in a CSV; clerks
# also type 2026.12.14 or 2026年12月14日. All mean the same day; the order is always Y-M-D.
_DATE = r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
_DATE_ONLY = re.compile(rf"^{_DATE}$")
_DATE_TIME = re.compile(
    rf"^{_DATE}(?:\s*[T ]\s*|\s+)(?P<H>\d{{1,2}})\s*[:：时]\s*(?P<M>\d{{2}})分?(?::\d{{2}})?$"
)

_KINDS = {
    EntryKind.DELIVERY: ("delivery", "送货", "赊销", "销售", "出货"),
    EntryKind.PAYMENT: ("payment", "收款", "回款", "付款"),
    EntryKind.RETURN: ("return", "退货"),
    EntryKind.DISCOUNT: ("discount", "tail cut", "折让", "抹零", "尾数", "折扣"),
    EntryKind.WRITEOFF: ("writeoff", "write-off", "write off", "核销", "坏账", "坏账核销", "呆账"),
    EntryKind.OPENING: ("opening", "opening balance", "期初", "期初余额"),
}
_METHODS = {
    PaymentMethod.CASH: ("cash", "现金"),
    PaymentMethod.CHEQUE: ("cheque", "check", "支票"),
    PaymentMethod.DRAFT: (
        "draft",
        "bank draft",
        "汇票",
        "银行汇票",
        "承兑",
        "银行承兑汇票",
        "承兑汇票",
    ),
    PaymentMethod.TRANSFER: ("transfer", "bank transfer", "转账", "银行转账", "汇款"),
    PaymentMethod.WECHAT: ("wechat", "wechat pay", "weixin", "微信", "微信支付"),
    PaymentMethod.ALIPAY: ("alipay", "支付宝"),
}


def _key(text: str) -> str:
    value = unicodedata.normalize("NFKC", text).strip().lower()
    return " ".join(value.replace("_", " ").split())


_KIND_BY_WORD = {_key(w): kind for kind, words in _KINDS.items() for w in words}
_METHOD_BY_WORD = {_key(w): m for m, words in _METHODS.items() for w in words}


def parse_date(text: str, *, strict: bool = False) -> dt.date:
    """``2026-12-14`` (also ``2026/12/14``, ``2026.12.14``, ``2026年12月14日`` unless
    `strict`) into a date. Only the format is checked here, not whether the date is
    plausible for a ledger entry (`models.ledger.posting.check_date` does that)."""
    raw = unicodedata.normalize("NFKC", str(text)).strip()
    if not raw:
        raise InputError(_("The date is empty: type it as YYYY-MM-DD, such as 2026-12-14."))
    if strict:
        match = re.fullmatch(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", raw)
    else:
        match = _DATE_ONLY.match(raw)
    if match:
        try:
            return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            raise InputError(
                _("‘{text}’ is not a day of the calendar: check the month and the day.").format(
                    text=text
                )
            ) from None
    raise InputError(
        _("‘{text}’ is not a date: type it as YYYY-MM-DD, such as 2026-12-14.").format(text=text)
    )


def parse_datetime(text: str) -> dt.datetime:
    """``2026-12-14 10:00`` (date as `parse_date` accepts it, then a time) into a datetime."""
    raw = unicodedata.normalize("NFKC", str(text)).strip()
    match = _DATE_TIME.match(raw)
    if match:
        try:
            return dt.datetime(
                int(match["y"]), int(match["m"]), int(match["d"]), int(match["H"]), int(match["M"])
            )
        except ValueError:
            raise InputError(
                _("‘{text}’ is not a real date and time: check the day and the hour.").format(
                    text=text
                )
            ) from None
    raise InputError(
        _(
            "‘{text}’ is not a date and time: type it as YYYY-MM-DD HH:MM, such as 2026-12-14 10:00."
        ).format(text=text)
    )


def parse_kind(text: str) -> EntryKind:
    """An entry kind in English or Chinese: delivery/送货, payment/收款, return/退货,
    discount/折让, writeoff/核销, opening/期初."""
    kind = _KIND_BY_WORD.get(_key(text))
    if kind is None:
        raise InputError(
            _(
                "‘{text}’ is not an entry kind: type delivery, payment, return, discount, "
                "writeoff or opening (送货, 收款, 退货, 折让, 核销, 期初)."
            ).format(text=text)
        )
    return kind


def parse_method(text: str) -> PaymentMethod:
    """A payment method in English or Chinese: cash/现金, cheque/支票, draft/汇票,
    transfer/转账, wechat/微信, alipay/支付宝."""
    method = _METHOD_BY_WORD.get(_key(text))
    if method is None:
        raise InputError(
            _(
                "‘{text}’ is not a payment method: type cash, cheque, draft, transfer, wechat "
                "or alipay (现金, 支票, 汇票, 转账, 微信, 支付宝)."
            ).format(text=text)
        )
    return method
