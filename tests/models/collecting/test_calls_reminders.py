"""The call list with answers, and reminders ready to paste into WeChat."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from pypdf import PdfReader

from models.collecting import calls, reminders
from models.ledger import posting, promises, settings
from models.vocabulary import clock
from models.vocabulary.collecting_records import CallOutcome
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.errors import InputError
from reports.documents.calllist import export_call_list, print_call_list
from tests.models.helpers import D, make_customer

FRIDAY_10 = dt.datetime(2026, 11, 27, 10, 0)


@pytest.fixture
def promised(ledger_target: None):  # type: ignore[no-untyped-def]
    c = make_customer("C1", "东城王记便利店")
    posting.post_delivery(c.id, D(2026, 10, 1), 1200_00)
    settings.save_company(
        dataclasses.replace(settings.get_company(), name="顺发商贸", bank_account="工行 6222 0001")
    )
    return promises.make_promise(c.id, 500_00, FRIDAY_10)


def test_call_list_shows_tomorrows_unpaid_promises_and_the_latest_answer(promised) -> None:  # type: ignore[no-untyped-def]
    [line] = calls.call_list(D(2026, 11, 27))
    assert line.answer is None and line.outstanding == 500_00
    calls.record_call(promised.id, CallOutcome.UNREACHABLE)
    clock.pin(dt.datetime(2026, 11, 26, 16, 0))
    calls.record_call(promised.id, CallOutcome.CONFIRMED, "老板娘接的")
    [line] = calls.call_list(D(2026, 11, 27))
    assert line.answer is not None and line.answer.outcome is CallOutcome.CONFIRMED
    assert calls.call_list(D(2026, 11, 26)) == []
    posting.post_payment(line.customer.id, D(2026, 11, 26), 500_00, PaymentMethod.CASH)
    assert calls.call_list(D(2026, 11, 27)) == []  # paid: no call needed


def test_call_list_prints_and_exports(promised, tmp_path) -> None:  # type: ignore[no-untyped-def]
    calls.record_call(promised.id, CallOutcome.CONFIRMED)
    lines = calls.call_list(D(2026, 11, 27))
    pdf = print_call_list(D(2026, 11, 27), lines, settings.get_company(), tmp_path / "c.pdf", "zh")
    text = PdfReader(pdf).pages[0].extract_text()
    assert "东城王记便利店" in text and "500.00" in text and "已确认" in text
    out = export_call_list(lines, tmp_path / "c.csv")
    content = out.read_text(encoding="utf-8-sig")
    assert "C1 东城王记便利店" in content and "500.00" in content and "Confirmed" in content


def test_promise_reminder_in_chinese_by_default(promised) -> None:  # type: ignore[no-untyped-def]
    text = reminders.promise_reminder(promised.id)
    assert "东城王记便利店" in text and "¥500.00" in text
    assert "11月27日（星期五） 10:00" in text and "工行 6222 0001" in text and "顺发商贸" in text
    english = reminders.promise_reminder(promised.id, "en")
    assert "Fri 27 Nov at 10:00" in english and "¥500.00" in english


def test_overdue_reminder_and_nothing_overdue(promised) -> None:  # type: ignore[no-untyped-def]
    text = reminders.overdue_reminder(promised.customer_id, D(2026, 11, 26))
    assert "¥1,200.00" in text  # 30-day terms: the October delivery is overdue
    fresh = make_customer("C2", "新客")
    posting.post_delivery(fresh.id, D(2026, 11, 26), 100_00)  # due on 26 December
    with pytest.raises(InputError, match="overdue"):
        reminders.overdue_reminder(fresh.id, D(2026, 11, 26))


def test_templates_are_checked_on_save(promised) -> None:  # type: ignore[no-untyped-def]
    company = settings.get_company()
    with pytest.raises(InputError, match=r"\{amout\}"):
        settings.save_company(dataclasses.replace(company, reminder_promise="请付 {amout}"))
    with pytest.raises(InputError, match="braces"):
        settings.save_company(dataclasses.replace(company, reminder_overdue="欠 {amount"))
    settings.save_company(
        dataclasses.replace(company, reminder_promise="{customer}：{date} {time} 请备好 {amount}")
    )
    assert (
        reminders.promise_reminder(promised.id)
        == "东城王记便利店：11月27日（星期五） 10:00 请备好 ¥500.00"
    )
