"""Documents with the longest values a ledger holds, for the "never cut" tests.

A 60-character customer name, 30-character codes and document numbers, and amounts
of ¥999,999,999,999.99 on every document.
"""

from __future__ import annotations

import dataclasses

from models.vocabulary.collecting_records import RouteSheet
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.entry_records import Entry, EntryKind, LedgerRow
from reports.documents.samples import (
    COMPANY,
    sample_customer,
    sample_note,
    sample_promise,
    sample_route_sheet,
    sample_statement,
)

HUGE = 99_999_999_999_999  # ¥999,999,999,999.99
HUGE_TEXT = "999,999,999,999.99"
LONG_NAME = (
    "广州市白云区石井街道庆丰路十八号好又多连锁便利店第一百二十三号分店（原老李烧烤副食品批发部）"[
        :60
    ]
)
LONG_CODE = "C" + "1234567890" * 2 + "ABCDEFGHI"  # 30 characters
LONG_DOC = "SH-2026-" + "0" * 18 + "1234"  # 30 characters
LONG_SERIAL = "QK-2026-" + "0" * 18 + "5678"  # 30 characters
LONG_ADDRESS = "广东省广州市白云区石井街道庆丰路十八号石井综合批发市场东区三栋二楼二百零八号铺位旁边小巷进去第三家"
LONG_PHONES = "138 0013 8000, 020-3628 1122, 139 2222 3333"


def long_company(paper: str = "A4", lang: str = "zh") -> CompanySettings:
    return dataclasses.replace(
        COMPANY,
        name="广州市清源副食品批发有限公司白云区石井镇第一分公司（华南区域结算中心）",
        paper_size=paper,
        doc_language=lang,
        account_holder="广州市清源副食品批发有限公司",
        contact_name="王会计",
        contact_phone="020-8666 1235",
    )


def long_customer(i: int = 1):  # noqa: ANN201 - a Customer
    return dataclasses.replace(
        sample_customer(i, name=LONG_NAME),
        code=LONG_CODE,
        address=LONG_ADDRESS,
        phones=LONG_PHONES,
        contact="李老板（李建国）",
        payer="老板娘（王秀英）或店长陈小明",
    )


def long_statement(company: CompanySettings):  # noqa: ANN201 - a Statement
    """A statement with huge amounts and long numbers in every column."""
    base = sample_statement(12, customer=long_customer(), company=company)
    first = base.period_from
    extra = HUGE - base.closing_balance  # the closing balance is ¥999,999,999,999.99
    big = Entry(
        9001, 1, first, EntryKind.DELIVERY, extra, extra, doc_no=LONG_DOC, memo="送货上门，" * 30
    )
    rows = [LedgerRow(big, base.opening_balance + extra)]
    rows += [LedgerRow(r.entry, r.balance + extra) for r in base.rows]
    aging = dataclasses.replace(
        base.aging,
        balance=HUGE,
        buckets=(HUGE, HUGE, HUGE, HUGE),
        overdue=HUGE,
    )
    promise = sample_promise(1, long_customer(), amount=HUGE)
    promise = dataclasses.replace(promise, serial=LONG_SERIAL, payer=long_customer().payer)
    return dataclasses.replace(
        base,
        rows=tuple(rows),
        closing_balance=HUGE,
        aging=aging,
        open_promises=(sample_note(promise, HUGE),),
    )


def long_promise():  # noqa: ANN201 - a Promise
    p = sample_promise(1, long_customer(), amount=HUGE, paid=1)
    return dataclasses.replace(p, serial=LONG_SERIAL, payer=long_customer().payer)


def long_route_sheet() -> RouteSheet:
    sheet = sample_route_sheet(4)
    stops = []
    for stop in sheet.stops:
        promises = tuple(
            dataclasses.replace(p, amount=HUGE, paid=0, payer=long_customer().payer)
            for p in stop.promises_due
        )
        stops.append(
            dataclasses.replace(
                stop,
                customer=long_customer(stop.position),
                balance=HUGE,
                overdue=HUGE,
                promises_due=promises,
            )
        )
    return dataclasses.replace(sheet, stops=tuple(stops))
