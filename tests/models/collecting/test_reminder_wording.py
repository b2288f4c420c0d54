"""A reminder says 结清 only when the promise covers the whole balance; a part reads
"支付约定的货款 ¥2,851.28". Transfer details name the account holder (户名), and the message
ends with the clerk's name and phone. Tested at the boundary: a promise equal to the
balance, and one fen less."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from models.collecting import reminders
from models.ledger import posting, promises, settings
from models.vocabulary.collecting_records import Promise
from tests.models.helpers import D, make_customer

OWED = 2_851_29  # fen: ¥2,851.29
DUE = dt.datetime(2026, 11, 27, 10, 0)


@pytest.fixture
def shop(ledger_target: None) -> int:
    c = make_customer("C1", "东城王记便利店")
    posting.post_delivery(c.id, D(2026, 10, 1), OWED)
    settings.save_company(
        dataclasses.replace(
            settings.get_company(),
            name="顺发商贸",
            phone="0757-8888 6666",
            bank_account="工行 6222 0001",
            account_holder="佛山市顺发商贸有限公司",
            contact_name="王会计",
            contact_phone="138 0000 1234",
        )
    )
    return c.id


def promise(shop: int, amount: int) -> Promise:
    return promises.make_promise(shop, amount, DUE)


def test_a_promise_of_the_whole_balance_says_settle(shop: int) -> None:
    text = reminders.promise_reminder(promise(shop, OWED).id)
    assert "结清货款¥2,851.29" in text and "约定的货款" not in text
    english = reminders.promise_reminder(promise(shop, OWED).id, "en")
    assert "your balance of ¥2,851.29 is to be settled" in english


def test_a_promise_one_fen_short_of_the_balance_says_the_agreed_payment(shop: int) -> None:
    text = reminders.promise_reminder(promise(shop, OWED - 1).id)
    assert "支付约定的货款 ¥2,851.28" in text and "结清" not in text
    english = reminders.promise_reminder(promise(shop, OWED - 1).id, "en")
    assert "a payment of ¥2,851.28 is due" in english and "settled" not in english


def test_transfer_details_name_the_account_holder(shop: int) -> None:
    text = reminders.promise_reminder(promise(shop, OWED).id)
    assert "也可转账至：工行 6222 0001（户名：佛山市顺发商贸有限公司）。" in text
    english = reminders.promise_reminder(promise(shop, OWED).id, "en")
    assert "工行 6222 0001 (account holder: 佛山市顺发商贸有限公司)" in english


def test_both_reminders_end_with_the_clerks_name_and_phone(shop: int) -> None:
    pid = promise(shop, OWED).id
    assert reminders.promise_reminder(pid).endswith(
        "谢谢您的支持与配合！联系人：王会计 138 0000 1234"
    )
    assert reminders.promise_reminder(pid, "en").endswith("Contact: 王会计, 138 0000 1234.")
    overdue = reminders.overdue_reminder(shop, D(2026, 11, 26))
    assert overdue.endswith("联系人：王会计 138 0000 1234")


def test_without_a_contact_phone_the_companys_phone(shop: int) -> None:
    company = settings.get_company()
    settings.save_company(dataclasses.replace(company, contact_phone=""))
    text = reminders.promise_reminder(promise(shop, OWED).id)
    assert text.endswith("联系人：王会计 0757-8888 6666")
    settings.save_company(dataclasses.replace(company, contact_name="", contact_phone="", phone=""))
    assert reminders.promise_reminder(promise(shop, OWED).id).endswith("谢谢您的支持与配合！")
