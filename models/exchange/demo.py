"""A realistic demo ledger: Chinese shops on five routes, a year of trade.

Three reps, five routes, customers with mixed terms and habits, deliveries, payments in
every method (cheques and drafts, one of them bounced), tail cuts, returns, a few voided
typing slips, promises kept and broken, and visits with the guide's reasons. With
``customers=10000`` and a year of days it writes about a million entries, for
benchmarks; rows go in with bulk inserts inside one transaction.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from models.exchange import demo_defaults
from models.ledger.aging import due_date
from models.ledger.search import search_key
from models.ledger.settings import save_company
from models.storage import chain
from models.storage.db import close_ledger, is_postgres, open_ledger, transaction
from models.storage.tables import (
    ChequeRow,
    CustomerRow,
    EntryRow,
    PromiseRow,
    RepRow,
    RouteRow,
    VisitRow,
    database,
)
from models.vocabulary import clock
from models.vocabulary.collecting_records import LateReason, VisitOutcome
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.customer_records import Terms, TermsKind
from models.vocabulary.entry_records import VOID_BOUNCED, ChequeStatus, EntryKind, PaymentMethod
from models.vocabulary.errors import LedgerError
from models.vocabulary.i18n import _

PLACES = [
    "东城",
    "西关",
    "南街",
    "北苑",
    "新华",
    "人民路",
    "解放路",
    "和平",
    "建设路",
    "中山",
    "河西",
    "桥头",
    "老街",
    "滨江",
    "光明",
    "胜利",
    "青年路",
    "朝阳",
    "文化路",
    "站前",
]
SURNAMES = [
    "王",
    "李",
    "张",
    "刘",
    "陈",
    "杨",
    "黄",
    "赵",
    "周",
    "吴",
    "徐",
    "孙",
    "马",
    "朱",
    "胡",
    "郭",
    "何",
    "林",
    "罗",
    "高",
]
STYLES = ["记", "家", "氏", "大", "老", "小"]
SHOPS = [
    "便利店",
    "超市",
    "烟酒店",
    "小卖部",
    "副食店",
    "餐馆",
    "饭店",
    "批发部",
    "商行",
    "食杂店",
    "酒家",
    "茶餐厅",
    "粮油店",
    "百货",
]
GIVEN = [
    "建国",
    "秀英",
    "志强",
    "桂兰",
    "海燕",
    "国华",
    "丽娟",
    "永胜",
    "晓东",
    "春梅",
    "德明",
    "玉兰",
]
BANKS = ["工商银行", "农业银行", "建设银行", "中国银行", "农村信用社", "招商银行"]
REPS = [("张伟", "13800010001"), ("李娜", "13800010002"), ("王强", "13800010003")]
ROUTES = [
    ("城东线", (1, 4), 0),
    ("城西线", (2, 5), 1),
    ("城南线", (3, 6), 2),
    ("城北线", (1, 4), 0),
    ("郊县线", (2, 5), 1),
]
METHODS = [
    (PaymentMethod.CASH, 50),
    (PaymentMethod.TRANSFER, 15),
    (PaymentMethod.WECHAT, 14),
    (PaymentMethod.ALIPAY, 10),
    (PaymentMethod.CHEQUE, 8),
    (PaymentMethod.DRAFT, 3),
]
CHUNK = 20_000


@dataclass
class _Shop:
    """One customer's state during the simulation."""

    id: int
    terms: Terms
    habit: float  # share of what is due they pay at a visit (poor payers < 0.6)
    rep_id: int
    open: list[list] = field(default_factory=list)  # [date, open fen, kind, next_date]


@dataclass
class _Rows:
    entries: list[tuple] = field(default_factory=list)
    cheques: list[tuple] = field(default_factory=list)
    promises: list[tuple] = field(default_factory=list)
    visits: list[tuple] = field(default_factory=list)
    cheque_entries: dict[int, tuple] = field(default_factory=dict)
    next_entry: int = 1
    next_promise: int = 1


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = rng.choice(PLACES) + rng.choice(SURNAMES) + rng.choice(STYLES) + rng.choice(SHOPS)
        if name not in used:
            used.add(name)
            return name
        name += f"{rng.randint(2, 99)}号店"
        if name not in used:
            used.add(name)
            return name


def _terms(rng: random.Random) -> Terms:
    roll = rng.random()
    if roll < 0.15:
        return Terms(TermsKind.CASH)
    if roll < 0.35:
        return Terms(TermsKind.NEXT)
    if roll < 0.60:
        return Terms(TermsKind.MONTHLY)
    return Terms(TermsKind.DAYS, rng.choice((7, 15, 30, 45)))


# The demo business: the window's "Try the demo" and the command line's ``demo`` build
# the same one (models/exchange/demo_defaults.py).
DEMO_CUSTOMERS = demo_defaults.DEMO_CUSTOMERS
DEMO_DAYS = demo_defaults.DEMO_DAYS


def build_demo_file(
    path: Path, progress: Callable[[int, int], None] | None = None, **options: int
) -> int:
    """Build a demo ledger as the file `path` (which must not exist yet) and return the
    entries written. It is built under a temporary name and renamed when done, so a
    half-built demo never opens. Leaves no ledger open."""
    partial = path.with_name(path.name + ".building")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    open_ledger(str(partial))
    try:
        written = make_demo(progress=progress, **options)
    finally:
        close_ledger()
    os.replace(partial, path)
    return written


def _is_empty() -> bool:
    return not (CustomerRow.select().exists() or EntryRow.select().exists())


def make_demo(
    customers: int | None = None,
    days: int | None = None,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Fill an empty ledger with a demo business. Returns the number of entries written.

    Refuses (LedgerError) to write into a ledger that already has customers or entries.
    `customers` and `days` default to the demo business (DEMO_CUSTOMERS, DEMO_DAYS).
    """
    customers = DEMO_CUSTOMERS if customers is None else customers
    days = DEMO_DAYS if days is None else days
    low, high = demo_defaults.DEMO_CUSTOMERS_RANGE
    if not low <= customers <= high:
        raise LedgerError(_("The demo needs between 1 and 100,000 customers."))
    low, high = demo_defaults.DEMO_DAYS_RANGE
    if not low <= days <= high:
        raise LedgerError(_("The demo needs between 7 and 3,650 days."))
    if not _is_empty():
        raise LedgerError(
            _("This ledger already has customers or entries: the demo only fills an empty ledger.")
        )
    rng = random.Random(seed)
    end = clock.today()
    start = end - dt.timedelta(days=days - 1)
    save_company(
        CompanySettings(
            name="清款示范商贸有限公司",
            address="广东省佛山市禅城区建设路88号",
            phone="0757-8888 6666",
            bank_account="工商银行佛山分行 2013 0088 6666 1234 567",
        )
    )
    with transaction():
        rep_ids = [RepRow.create(name=n, phone=p).id for n, p in REPS]
        route_ids = [
            RouteRow.create(name=n, weekdays=",".join(map(str, w)), rep=rep_ids[r]).id
            for n, w, r in ROUTES
        ]
        shops = _customers(rng, customers, rep_ids, route_ids, start)
        rows = _Rows()
        for i, shop in enumerate(shops):
            route_days = ROUTES[(shop.id - 1) % len(ROUTES)][1]
            _simulate(rng, shop, route_days, start, end, rows)
            if len(rows.entries) >= CHUNK:
                _flush(rows)
            if progress and i % 500 == 0:
                progress(i, len(shops))
        _bounce_one(rng, rows)
        _flush(rows, final=True)
    database.execute_sql("ANALYZE")
    return EntryRow.select().count()


def _customers(
    rng: random.Random, n: int, rep_ids: list[int], route_ids: list[int], start: dt.date
) -> list[_Shop]:
    used: set[str] = set()
    rows, shops = [], []
    now = dt.datetime.combine(start, dt.time(8, 0))
    for i in range(1, n + 1):
        route = (i - 1) % len(route_ids)
        rep = rep_ids[ROUTES[route][2]]
        name = _name(rng, used)
        code = f"C{i:05d}"
        phone = f"13{rng.randint(0, 9)}{rng.randint(10_000_000, 99_999_999)}"
        terms = _terms(rng)
        limit = rng.choice((None, 3_000_00, 5_000_00, 10_000_00, 20_000_00))
        contact = rng.choice(SURNAMES) + rng.choice(GIVEN)
        rows.append(
            (
                i,
                code,
                name,
                contact,
                phone,
                f"{rng.choice(PLACES)}{rng.randint(1, 300)}号",
                rng.choice(("老板娘", "店长", "收银员", "")),
                route_ids[route],
                i,
                rep,
                terms.kind.value,
                terms.days,
                limit,
                "",
                False,
                search_key(code, name, phone, contact),
                now,
            )
        )
        habit = rng.choice((1.0, 1.0, 1.0, 0.9, 0.8, 0.5, 0.3))
        shops.append(_Shop(i, terms, habit, rep))
    cols = [
        "id",
        "code",
        "name",
        "contact",
        "phones",
        "address",
        "payer",
        "route_id",
        "route_position",
        "rep_id",
        "terms_kind",
        "terms_days",
        "credit_limit",
        "notes",
        "archived",
        "search_key",
        "created_at",
    ]
    _insert(CustomerRow, cols, rows)
    return shops


def _amount(rng: random.Random) -> int:
    """A delivery: mostly a few hundred yuan, sometimes a few thousand, in 0.5-yuan steps."""
    yuan = min(int(rng.lognormvariate(6.3, 0.8)), 30_000)
    return max(yuan, 30) * 100 + rng.choice((0, 0, 50))


def _simulate(
    rng: random.Random,
    shop: _Shop,
    route_days: tuple[int, ...],
    start: dt.date,
    end: dt.date,
    rows: _Rows,
) -> None:
    if rng.random() < 0.3:
        amount = rng.randint(200, 8_000) * 100
        _entry(rows, shop, start, EntryKind.OPENING, amount, "", "从旧账本转入", None)
        shop.open.append([start, amount, EntryKind.OPENING, None])
    day = start
    doc = 0
    while day <= end:
        if day.isoweekday() in route_days and rng.random() < 0.6:
            doc += 1
            _visit_day(rng, shop, day, rows, doc, end)
        day += dt.timedelta(days=1)


def _due_now(shop: _Shop, day: dt.date) -> int:
    total = 0
    for on, open_fen, kind, next_on in shop.open:
        due = due_date(on, kind, shop.terms, next_on)
        if due is not None and due <= day:
            total += open_fen
    return total


def _settle(shop: _Shop, amount: int) -> None:
    """Apply a credit FIFO to the simulated open deliveries."""
    while amount > 0 and shop.open:
        head = shop.open[0]
        take = min(head[1], amount)
        head[1] -= take
        amount -= take
        if head[1] == 0:
            shop.open.pop(0)


def _visit_day(
    rng: random.Random, shop: _Shop, day: dt.date, rows: _Rows, doc: int, end: dt.date
) -> None:
    at = dt.datetime.combine(day, dt.time(rng.choice((9, 10, 11, 16, 17)), rng.choice((0, 15, 30))))
    if shop.open:
        shop.open[-1][3] = day  # this delivery makes the previous batch due (压批)
    amount = _amount(rng)
    _entry(rows, shop, day, EntryKind.DELIVERY, amount, f"SH{shop.id:05d}-{doc:04d}", "", None, at)
    shop.open.append([day, amount, EntryKind.DELIVERY, None])
    if rng.random() < 0.02:
        back = max(amount // 10, 100)
        _entry(
            rows,
            shop,
            day,
            EntryKind.RETURN,
            back,
            f"TH{shop.id:05d}-{doc:04d}",
            "破损退回",
            None,
            at,
        )
        _settle(shop, back)
    due = _due_now(shop, day)
    if due <= 0:
        return
    if rng.random() < shop.habit:
        _pay(rng, shop, day, at, due, rows)
        _log_visit(rows, shop, at, VisitOutcome.PAID, None)
    elif rng.random() < 0.6:
        _promise(rng, shop, day, at, due, rows, end)
    else:
        reason = rng.choice(list(LateReason))
        outcome = rng.choice((VisitOutcome.REFUSED, VisitOutcome.NOT_THERE))
        _log_visit(rows, shop, at, outcome, reason if outcome is VisitOutcome.REFUSED else None)


def _pay(
    rng: random.Random, shop: _Shop, day: dt.date, at: dt.datetime, due: int, rows: _Rows
) -> None:
    method = rng.choices([m for m, _w in METHODS], [w for _m, w in METHODS])[0]
    pay = due
    tail = pay % 1000  # the odd yuan and fen under ten yuan
    if method is PaymentMethod.CASH and tail and pay > 1000 and rng.random() < 0.35:
        pay -= tail  # 抹零: the customer rounds down, the rep lets the tail go
    else:
        tail = 0
    entry_id = _entry(rows, shop, day, EntryKind.PAYMENT, pay, "", "", method, at)
    if method.is_instrument:
        rows.cheque_entries[entry_id] = rows.entries[-1]
        status = ChequeStatus.CLEARED if (clock.today() - day).days > 30 else ChequeStatus.RECEIVED
        rows.cheques.append(
            (
                entry_id,
                f"{rng.randint(10_000_000, 99_999_999)}",
                rng.choice(BANKS),
                day,
                day + dt.timedelta(days=rng.choice((0, 15, 30))),
                status.value,
                at,
            )
        )
    _settle(shop, pay)
    if tail:
        _entry(rows, shop, day, EntryKind.DISCOUNT, tail, "", "抹零", None, at)
        _settle(shop, tail)


def _promise(
    rng: random.Random,
    shop: _Shop,
    day: dt.date,
    at: dt.datetime,
    due: int,
    rows: _Rows,
    end: dt.date,
) -> None:
    due_at = dt.datetime.combine(day + dt.timedelta(days=rng.choice((1, 2, 3))), dt.time(10, 0))
    pid = rows.next_promise
    rows.next_promise += 1
    method = rng.choice((PaymentMethod.CASH, PaymentMethod.TRANSFER, PaymentMethod.CHEQUE))
    rows.promises.append(
        (
            pid,
            shop.id,
            due,
            due_at,
            day,
            due_at.date(),
            method.value,
            rng.choice(("老板", "老板娘", "")),
            shop.rep_id,
            "",
            at,
            None,
            None,
            0,
            rows.next_entry - 1,  # made after the visit's delivery was posted
        )
    )
    reason = rng.choice(list(LateReason))
    _log_visit(rows, shop, at, VisitOutcome.PROMISED, reason, "说今天不方便")
    keeps = rng.random() < 0.65
    if keeps and due_at.date() <= end:
        pay_at = due_at.replace(hour=rng.choice((9, 10)))
        _entry(
            rows,
            shop,
            due_at.date(),
            EntryKind.PAYMENT,
            due,
            "",
            "按约清款",
            method if not method.is_instrument else PaymentMethod.TRANSFER,
            pay_at,
        )
        _settle(shop, due)


def _log_visit(
    rows: _Rows,
    shop: _Shop,
    at: dt.datetime,
    outcome: VisitOutcome,
    reason: LateReason | None,
    note: str = "",
) -> None:
    rows.visits.append(
        (shop.id, at, shop.rep_id, outcome.value, reason.value if reason else None, note, at)
    )


def _entry(
    rows: _Rows,
    shop: _Shop,
    on: dt.date,
    kind: EntryKind,
    amount: int,
    doc_no: str,
    memo: str,
    method: PaymentMethod | None,
    at: dt.datetime | None = None,
    reverses: int | None = None,
    reason: str = "",
    delta: int | None = None,
    void_kind: str = "",
) -> int:
    entry_id = rows.next_entry
    rows.next_entry += 1
    if delta is None:
        delta = amount if kind in (EntryKind.DELIVERY, EntryKind.OPENING) else -amount
    created = at or dt.datetime.combine(on, dt.time(8, 30))
    rows.entries.append(
        (
            entry_id,
            shop.id,
            on,
            kind.value,
            amount,
            delta,
            doc_no,
            memo,
            method.value if method else None,
            reverses,
            reason,
            "demo",
            created,
            None,
            void_kind,
        )
    )
    return entry_id


def _bounce_one(rng: random.Random, rows: _Rows) -> None:
    """Bounce one cheque still pending: void its payment, reopening the debt."""
    pending = [i for i, c in enumerate(rows.cheques) if c[5] == ChequeStatus.RECEIVED.value]
    if not pending:
        return
    idx = rng.choice(pending)
    cheque = rows.cheques[idx]
    original = rows.cheque_entries[cheque[0]]
    shop = _Shop(original[1], Terms(), 1.0, 0)
    reason = "余额不足"  # what the clerk typed; "cheque … bounced" is the stored kind
    _entry(
        rows,
        shop,
        original[2],
        EntryKind.PAYMENT,
        original[4],
        original[6],
        original[7],
        PaymentMethod(original[8]),
        clock.now(),
        reverses=original[0],
        reason=reason,
        delta=-original[5],
        void_kind=VOID_BOUNCED,
    )
    rows.cheques[idx] = (*cheque[:5], ChequeStatus.BOUNCED.value, clock.now())


# Entries are built in the order their links cover (models/storage/chain.py), then the reason kind.
_ENTRY_COLUMNS = [*chain.COLUMNS, "void_kind"]
_PROMISE_COLUMNS = [
    "id",
    "customer_id",
    "amount",
    "due_at",
    "start_on",
    "due_on",
    "method",
    "payer",
    "rep_id",
    "note",
    "created_at",
    "replaces_id",
    "cancelled_at",
    "prints",
    "after_entry_id",
]


def _flush(rows: _Rows, final: bool = False) -> None:
    """Write what the simulation produced so far; cheques go last, after all entries."""
    _insert(EntryRow, _ENTRY_COLUMNS, rows.entries)
    chain.extend(row[: len(chain.COLUMNS)] for row in rows.entries)
    rows.entries.clear()
    _insert(PromiseRow, _PROMISE_COLUMNS, rows.promises)
    rows.promises.clear()
    _insert(
        VisitRow,
        ["customer_id", "at", "rep_id", "outcome", "reason", "note", "created_at"],
        rows.visits,
    )
    rows.visits.clear()
    if final:
        _insert(
            ChequeRow,
            ["entry_id", "number", "bank", "written_on", "due_on", "status", "status_at"],
            rows.cheques,
        )


def _adapt(value: object) -> object:
    """SQLite stores dates and times as ISO text (as peewee does); PostgreSQL takes them as is."""
    if is_postgres():
        return value
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _insert(table: type, columns: list[str], rows: list[tuple]) -> None:
    if not rows:
        return
    name = table._meta.table_name
    cursor = database.cursor()
    if is_postgres():
        from psycopg2.extras import execute_values

        execute_values(
            cursor, f"INSERT INTO {name} ({', '.join(columns)}) VALUES %s", rows, page_size=5000
        )
        if "id" in columns:
            database.execute_sql(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), (SELECT MAX(id) FROM {name}))"
            )
    else:
        marks = ", ".join("?" * len(columns))
        cursor.executemany(
            f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})",
            [tuple(_adapt(v) for v in row) for row in rows],
        )
