"""Ready-to-send reminders: a short, polite message for a promise or an overdue
balance, to paste into WeChat or an SMS.

The wording follows the field guide (§3(7), §2(4)): courteous and measured, the amount
and the date stated plainly, no apology for asking and no threat. The company may write
its own templates in Settings; placeholders are checked when they are saved.

A promise for part of the balance is not "结清货款" (clear the account): the customer
would read it as the whole debt. It reads "支付约定的货款 ¥2,851.28" then, and 结清 only
when the promise covers what is owed. Transfer details name the account holder (户名),
and the message ends with whom to call: the contact name and phone from Settings.
"""

from __future__ import annotations

import datetime as dt

from models.ledger.aging import age_customer
from models.ledger.customers import get_customer
from models.ledger.ledger import balance
from models.ledger.promises import get_promise
from models.ledger.settings import get_company
from models.vocabulary.collecting_records import PromiseId
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.customer_records import Customer, CustomerId
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _
from models.vocabulary.money import format_money

DEFAULTS = {
    ("promise", "zh"): "{customer}您好，这里是{company}。按约定，贵店应于{date} {time}{pay}，"
    "届时我们的业务员上门收款。{how_to_pay}谢谢您的支持与配合！{contact}",
    ("promise", "en"): "Hello {customer}, this is {company}. As agreed, {pay} on {date} at "
    "{time}; our rep will call to collect it. {how_to_pay}Thank you for your cooperation."
    "{contact}",
    ("overdue", "zh"): "{customer}您好，这里是{company}。截至{date}，贵店尚欠货款{balance}，"
    "其中{amount}已过约定付款期。请安排结清，或告诉我们方便付款的日期。{how_to_pay}"
    "谢谢您的支持与配合！{contact}",
    ("overdue", "en"): "Hello {customer}, this is {company}. As of {date} your account "
    "stands at {balance}, of which {amount} is past its agreed payment date. Please settle "
    "it, or tell us a date that suits you. {how_to_pay}Thank you for your cooperation."
    "{contact}",
}
# What the promise asks for: the whole balance (结清) or the agreed part of it.
_PAY = {
    ("whole", "zh"): "结清货款{amount}",
    ("part", "zh"): "支付约定的货款 {amount}",
    ("whole", "en"): "your balance of {amount} is to be settled",
    ("part", "en"): "a payment of {amount} is due",
}
_HOW_TO_PAY = {
    "zh": "也可转账至：{account}。",
    "en": "You can also pay by bank transfer to {account}. ",
}
_HOLDER = {"zh": "{account}（户名：{holder}）", "en": "{account} (account holder: {holder})"}
_CONTACT = {"zh": "联系人：{who}", "en": " Contact: {who}."}
_WEEKDAYS = {
    "zh": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day(on: dt.date, lang: str) -> str:
    weekday = _WEEKDAYS[lang][on.weekday()]
    if lang == "zh":
        return f"{on.month}月{on.day}日（{weekday}）"
    return f"{weekday} {on.day} {_MONTHS[on.month - 1]}"


def _common(customer: Customer, company: CompanySettings, lang: str) -> dict[str, str]:
    account, holder = company.bank_account.strip(), company.account_holder.strip()
    if account and holder:
        account = _HOLDER[lang].format(account=account, holder=holder)
    # Whom to call: the contact in Settings, with their phone (or the company's).
    phone = company.contact_phone.strip() or company.phone.strip()
    who = (" " if lang == "zh" else ", ").join(
        p for p in (company.contact_name.strip(), phone) if p
    )
    return {
        "customer": customer.contact.strip() or customer.name,
        "company": company.name.strip() or ("我们公司" if lang == "zh" else "us"),
        "bank_account": account,
        "how_to_pay": _HOW_TO_PAY[lang].format(account=account) if account else "",
        "contact": _CONTACT[lang].format(who=who) if who else "",
    }


def _template(kind: str, company: CompanySettings, lang: str) -> str:
    own = company.reminder_promise if kind == "promise" else company.reminder_overdue
    return own.strip() or DEFAULTS[(kind, lang)]


def promise_reminder(promise_id: PromiseId, lang: str = "zh") -> str:
    """The reminder of a promise: what is still to pay, the agreed date and time."""
    lang = "en" if lang == "en" else "zh"
    promise = get_promise(promise_id)
    company = get_company()
    values = _common(get_customer(promise.customer_id), company, lang)
    outstanding = max(promise.amount - promise.paid, 0)
    if outstanding == 0:
        raise InputError(_("This promise is already paid: there is nothing to remind of."))
    amount = format_money(outstanding, company.currency_symbol)
    # 结清 only when the promise covers all that is owed now; a part is "the agreed" one.
    whole = outstanding >= balance(promise.customer_id)
    values |= {
        "amount": amount,
        "pay": _PAY[("whole" if whole else "part", lang)].format(amount=amount),
        "date": _day(promise.due_at.date(), lang),
        "time": f"{promise.due_at:%H:%M}",
    }
    return _template("promise", company, lang).format(**values).strip()


def overdue_reminder(customer_id: CustomerId, on: dt.date, lang: str = "zh") -> str:
    """The reminder of an overdue balance as of `on`."""
    lang = "en" if lang == "en" else "zh"
    company = get_company()
    aging = age_customer(customer_id, on)
    if aging.overdue <= 0:
        raise InputError(_("Nothing of this customer's balance is overdue."))
    values = _common(get_customer(customer_id), company, lang) | {
        "amount": format_money(aging.overdue, company.currency_symbol),
        "balance": format_money(aging.balance, company.currency_symbol),
        "date": _day(on, lang),
    }
    return _template("overdue", company, lang).format(**values).strip()
