"""The reminder of a chasing step, in the field guide's tone (§3(7), §2(4)): courteous and
measured, the amount and the date stated plainly, no apology for asking (理直气壮) and no
threat. A step's own wording (Settings) replaces the built-in one of its action; both are
filled in like the promise and overdue reminders (`models.collecting.reminders`)."""

from __future__ import annotations

import datetime as dt

from models.collecting.reminders import _common, _day
from models.vocabulary.chase_records import ChaseAction, ChaseStep
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.customer_records import Customer
from models.vocabulary.money import Fen, format_money

BUILT_IN = {
    (ChaseAction.NOTE, "zh"): "{customer}您好，这里是{company}。贵店货款{amount}将于{due_date}"
    "到期，请提前安排。{how_to_pay}谢谢您的支持与配合！{contact}",
    (ChaseAction.NOTE, "en"): "Hello {customer}, this is {company}. Your payment of {amount} "
    "falls due on {due_date}; please arrange it in good time. {how_to_pay}Thank you for "
    "your cooperation.{contact}",
    (ChaseAction.CALL, "zh"): "{customer}您好，这里是{company}。贵店货款{amount}的付款日是"
    "{due_date}，请安排结清，或告诉我们具体哪天、几点付款。{how_to_pay}谢谢！{contact}",
    (ChaseAction.CALL, "en"): "Hello {customer}, this is {company}. Your payment of {amount} "
    "was due on {due_date}. Please settle it, or tell us the day and time you will pay. "
    "{how_to_pay}Thank you.{contact}",
    (ChaseAction.VISIT, "zh"): "{customer}您好，这里是{company}。贵店货款{amount}已于{due_date}"
    "到期，至今未付。{date}我们的业务员将与经理一同上门，当面核对账目并收款，请安排好。"
    "谢谢您的配合！{contact}",
    (ChaseAction.VISIT, "en"): "Hello {customer}, this is {company}. Your payment of {amount} "
    "was due on {due_date} and is still open. On {date} our rep and the manager will call "
    "on you to go through the account and collect it; please have it ready. Thank you."
    "{contact}",
}


def step_reminder(
    step: ChaseStep,
    customer: Customer,
    company: CompanySettings,
    *,
    amount: Fen,
    balance: Fen,
    due_on: dt.date,
    day: dt.date,
    lang: str,
) -> str:
    """The step's reminder for `customer`: `amount` is what is due by `due_on` (or
    overdue by now), `day` the day of the step."""
    lang = "en" if lang == "en" else "zh"
    template = step.text.strip() or BUILT_IN[(step.action, lang)]
    values = _common(customer, company, lang) | {
        "amount": format_money(amount, company.currency_symbol),
        "balance": format_money(balance, company.currency_symbol),
        "due_date": _day(due_on, lang),
        "date": _day(day, lang),
    }
    return template.format(**values).strip()
