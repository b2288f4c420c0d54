"""The demo business's people: its three reps and five routes, and customers named like
Chinese shops, with mixed credit terms, limits and paying habits (`Shop`: one customer's
state while its history is made)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from models.exchange.demo_rows import insert_rows
from models.ledger.search import search_key
from models.storage.tables import CustomerRow
from models.vocabulary.customer_records import Terms, TermsKind

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
REPS = [("张伟", "13800010001"), ("李娜", "13800010002"), ("王强", "13800010003")]
ROUTES = [
    ("城东线", (1, 4), 0),
    ("城西线", (2, 5), 1),
    ("城南线", (3, 6), 2),
    ("城北线", (1, 4), 0),
    ("郊县线", (2, 5), 1),
]


@dataclass
class Shop:
    """One customer's state during the simulation."""

    id: int
    terms: Terms
    habit: float  # share of what is due they pay at a visit (poor payers < 0.6)
    rep_id: int
    open: list[list] = field(default_factory=list)  # [date, open fen, kind, next_date]


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


def add_customers(
    rng: random.Random, n: int, rep_ids: list[int], route_ids: list[int], start: dt.date
) -> list[Shop]:
    """Write `n` customers, spread over the routes (and so the reps), created on `start`;
    return each one's simulation state."""
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
        shops.append(Shop(i, terms, habit, rep))
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
    insert_rows(CustomerRow, cols, rows)
    return shops
