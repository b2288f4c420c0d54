"""The message sent with a statement's phone images (WeChat): the overdue reminder in
the company's own template when part of the balance is overdue (models/collecting/
reminders.py), else a greeting with the balance; then the statement's number and the
request to reply 相符 or say what differs, by the reply-by date.

Same tone as the reminders (§3(7)): the amount and the date stated plainly, no apology.
"""

from __future__ import annotations

import datetime as dt

from models.collecting.reminders import _common, _day, overdue_reminder
from models.ledger.aging import age_customer
from models.ledger.customers import get_customer
from models.ledger.settings import get_company
from models.vocabulary.customer_records import CustomerId
from models.vocabulary.money import Fen, format_money

_GREETING = {
    "zh": "{customer}您好，这里是{company}。截至{date}，贵店的账面余额为{balance}。",
    "en": "Hello {customer}, this is {company}. As of {date} your account stands at {balance}.",
}
_ASK = {
    "zh": "附上对账单（编号{number}），请核对：相符请回复“相符”，不符请告知金额和原因{by}。",
    "en": "The statement (no. {number}) is attached: please check it and reply ‘agreed’, "
    "or tell us the amount that differs and why{by}.",
}
_BY = {"zh": "，请于{date}前回复", "en": " by {date}"}


def statement_message(
    customer_id: CustomerId,
    number: str,
    on: dt.date,
    balance: Fen,
    reply_by: dt.date | None = None,
    lang: str = "zh",
) -> str:
    """The text to send with statement `number` of the customer, as of `on`, whose
    balance it shows is `balance` (fen)."""
    lang = "en" if lang == "en" else "zh"
    company = get_company()
    if age_customer(customer_id, on).overdue > 0:
        head = overdue_reminder(customer_id, on, lang)
    else:
        values = _common(get_customer(customer_id), company, lang)
        head = _GREETING[lang].format(
            customer=values["customer"],
            company=values["company"],
            date=_day(on, lang),
            balance=format_money(balance, company.currency_symbol),
        )
    by = _BY[lang].format(date=_day(reply_by, lang)) if reply_by else ""
    # On a line of its own: the reminder may end with the contact, without a full stop.
    return head + "\n" + _ASK[lang].format(number=number or "—", by=by)
