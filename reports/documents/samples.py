"""Hand-made records for previews, tests and benchmarks (no ledger needed).

The settings screen can preview a font or the document language with
`sample_statement()`; tests and `bench/bench_reports.py` build documents of any size
from them without a database.
"""

from __future__ import annotations

import datetime as dt
import random

from models.vocabulary.aging_records import AgingRow
from models.vocabulary.collecting_records import Promise, PromiseStatus, RouteSheet, RouteStop
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.customer_records import Customer, Route, Terms, TermsKind
from models.vocabulary.entry_records import (
    Cheque,
    ChequeStatus,
    DeliveryLine,
    Entry,
    EntryKind,
    LedgerRow,
    PaymentMethod,
)
from models.vocabulary.paper_records import IouNote, Statement

COMPANY = CompanySettings(
    name="广州市清源副食品批发有限公司",
    address="广州市白云区石井大道 128 号 3 栋 102",
    phone="020-8666 1234",
    bank_account="中国工商银行广州石井支行 3602 0012 0920 0123 456",
)

_NAMES = [
    "白云区好又多便利店",
    "老李烧烤",
    "石井镇联华超市",
    "金穗酒楼",
    "阿芳士多店",
    "兴隆批发部",
    "大润发石井店",
    "东北饺子馆",
]
_PRODUCTS = [
    ("青岛啤酒 500ml×12", 4800),
    ("可口可乐 330ml×24", 5400),
    ("康师傅红烧牛肉面", 4200),
    ("农夫山泉 550ml×24", 2880),
    ("王老吉 310ml×24", 6600),
]


def sample_customer(i: int = 1, *, name: str | None = None) -> Customer:
    """A customer on route 1 with 30-day terms and a credit limit."""
    return Customer(
        id=i,
        code=f"C{i:04d}",
        name=name or _NAMES[(i - 1) % len(_NAMES)],
        contact="李老板",
        phones="138 0013 8000, 020-3628 1122",
        address="广州市白云区石井街道庆丰路 18 号",
        payer="老板娘（王姐）",
        route_id=1,
        route_position=i,
        rep_id=1,
        terms=Terms(TermsKind.DAYS, 30),
        credit_limit=5_000_000,
        route_name="石井线",
        rep_name="张伟",
    )


def sample_promise(
    i: int = 1,
    customer: Customer | None = None,
    *,
    prints: int = 0,
    due_at: dt.datetime = dt.datetime(2026, 12, 14, 10, 0),
    amount: int = 1_000_507,
    paid: int = 0,
) -> Promise:
    """An open promise to clear ¥10,005.07 on 14 Dec 2026 at 10:00, in cash."""
    customer = customer or sample_customer()
    return Promise(
        id=i,
        customer_id=customer.id,
        amount=amount,
        due_at=due_at,
        method=PaymentMethod.CASH,
        payer=customer.payer,
        rep_id=1,
        created_at=dt.datetime(2026, 12, 12, 16, 30),
        status=PromiseStatus.OPEN,
        paid=paid,
        serial=f"QK-{i:06d}",
        note="",
        prints=prints,
        rep_name="张伟",
    )


def sample_note(promise: Promise, owed: int | None = None, on: dt.date | None = None) -> IouNote:
    """`promise`'s IOU note for a customer owing `owed` (default: just what the promise
    still asks for) on `on` (default the day the promise was made)."""
    owed = promise.amount - promise.paid if owed is None else owed
    return IouNote(
        promise, owed, on or promise.created_at.date(), min(promise.amount - promise.paid, owed)
    )


def sample_statement(
    entries: int = 40,
    *,
    customer: Customer | None = None,
    company: CompanySettings = COMPANY,
    seed: int = 1,
    opening: int = 1_234_500,
    with_void: bool = True,
    in_credit: bool = False,
    period_to: dt.date = dt.date(2026, 12, 13),
) -> Statement:
    """A statement with `entries` entries (deliveries, payments, a bounced cheque, a tail
    cut), plus one open promise. `in_credit` ends the period with the customer in credit."""
    rnd = random.Random(seed)
    customer = customer or sample_customer()
    period_from = period_to - dt.timedelta(days=89)
    rows: list[LedgerRow] = []
    balance = opening
    next_id = 1

    def add(entry: Entry) -> None:
        nonlocal balance
        standing = entry.voided_by_id is None and entry.reverses_id is None
        if standing:
            balance += entry.delta
        rows.append(LedgerRow(entry, balance))

    days = sorted(rnd.randrange(90) for _ in range(entries))
    for k, offset in enumerate(days):
        on = period_from + dt.timedelta(days=offset)
        eid = next_id
        next_id += 1
        if k % 3 != 2:
            product, price = _PRODUCTS[rnd.randrange(len(_PRODUCTS))]
            qty = rnd.randrange(1, 20)
            amount = qty * price
            add(
                Entry(
                    eid,
                    customer.id,
                    on,
                    EntryKind.DELIVERY,
                    amount,
                    amount,
                    doc_no=f"SH{on:%y%m%d}{k:02d}",
                    lines=(DeliveryLine(product, str(qty), price, amount),),
                )
            )
        else:
            # Customers pay most of what they owe, rounded to ten yuan.
            amount = max(10_000, balance * rnd.randrange(50, 95) // 100 // 1000 * 1000)
            method = PaymentMethod.CHEQUE if k % 9 == 5 else PaymentMethod.CASH
            cheque = (
                Cheque(
                    eid,
                    f"{rnd.randrange(10**7, 10**8)}",
                    "工商银行",
                    on,
                    on + dt.timedelta(days=30),
                    ChequeStatus.RECEIVED,
                )
                if method is PaymentMethod.CHEQUE
                else None
            )
            add(
                Entry(
                    eid,
                    customer.id,
                    on,
                    EntryKind.PAYMENT,
                    amount,
                    -amount,
                    doc_no=f"SK{on:%y%m%d}{k:02d}",
                    method=method,
                    cheque=cheque,
                )
            )
    if with_void and entries >= 4:
        on = period_from + dt.timedelta(days=45)
        reason = "支票 88012345 跳票：存款不足"
        add(
            Entry(
                next_id,
                customer.id,
                on,
                EntryKind.PAYMENT,
                300_000,
                -300_000,
                doc_no="SK-VOID",
                method=PaymentMethod.CHEQUE,
                voided_by_id=next_id + 1,
                void_reason=reason,
                cheque=Cheque(next_id, "88012345", "农业银行", on, on, ChequeStatus.BOUNCED),
            )
        )
        add(
            Entry(
                next_id + 1,
                customer.id,
                on,
                EntryKind.PAYMENT,
                300_000,
                300_000,
                doc_no="SK-VOID",
                method=PaymentMethod.CHEQUE,
                reverses_id=next_id,
                void_reason=reason,
            )
        )
        next_id += 2
        add(Entry(next_id, customer.id, on, EntryKind.DISCOUNT, 37, -37, memo="抹零"))
        next_id += 1
    if in_credit:
        pay = balance + 50_000
        add(
            Entry(
                next_id,
                customer.id,
                period_to,
                EntryKind.PAYMENT,
                pay,
                -pay,
                doc_no="SK-ADV",
                method=PaymentMethod.TRANSFER,
                memo="预付货款",
            )
        )
    rows.sort(key=lambda r: (r.entry.date, r.entry.id))
    # Recompute running balances in date order (entries were added out of order).
    fixed, bal = [], opening
    for r in rows:
        if r.entry.voided_by_id is None and r.entry.reverses_id is None:
            bal += r.entry.delta
        fixed.append(LedgerRow(r.entry, bal))
    standing = [r.entry for r in fixed if not r.entry.is_voided and not r.entry.is_reversal]
    owed = max(bal, 0)
    buckets = (owed // 2, owed // 4, owed // 8, owed - owed // 2 - owed // 4 - owed // 8)
    aging = AgingRow(
        customer.id,
        customer.code,
        customer.name,
        customer.rep_name,
        customer.route_name,
        bal,
        buckets if bal > 0 else (0, 0, 0, 0),
        overdue=owed - owed // 2,
        oldest_open_days=97 if bal > 0 else None,
    )
    promises = (
        () if in_credit else (sample_promise(1, customer, amount=min(owed, 1_000_507) or 100),)
    )
    return Statement(
        company=company,
        customer=customer,
        period_from=period_from,
        period_to=period_to,
        as_of=period_to + dt.timedelta(days=1),
        opening_balance=opening,
        rows=tuple(fixed),
        closing_balance=bal,
        aging=aging,
        edges=company.aging_edges,
        open_promises=tuple(sample_note(p, bal, period_to) for p in promises),
        total_debit=sum(e.debit for e in standing),
        total_credit=sum(e.credit for e in standing),
    )


def sample_route_sheet(stops: int = 12, *, day: dt.date = dt.date(2026, 12, 14)) -> RouteSheet:
    """A route day with `stops` customers, some with promises due that day."""
    result = []
    for i in range(1, stops + 1):
        cust = sample_customer(i)
        promises: tuple[Promise, ...] = ()
        if i % 3 == 1:
            promises = (
                sample_promise(
                    i,
                    cust,
                    amount=200_000 * i,
                    due_at=dt.datetime.combine(day, dt.time(9 + i % 8, 30)),
                ),
            )
        if i == 4:
            promises += (
                sample_promise(
                    100 + i, cust, amount=55_000, due_at=dt.datetime.combine(day, dt.time(16, 0))
                ),
            )
        balance = 150_000 * i + 3_456
        result.append(RouteStop(i, cust, balance, balance // 3 if i % 2 else 0, promises))
    return RouteSheet(Route(1, "石井线", (1, 4), 1), day, "张伟", tuple(result))
