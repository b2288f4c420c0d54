"""The demo business's history, one customer at a time: deliveries on route days,
payments in every method (cheques and drafts, one of them bounced), tail cuts, returns,
promises kept and broken, and visits with the guide's reasons."""

from __future__ import annotations

import datetime as dt
import random

from models.exchange.demo_customers import Shop
from models.exchange.demo_rows import Rows
from models.ledger.aging import due_date
from models.vocabulary import clock
from models.vocabulary.collecting_records import LateReason, VisitOutcome
from models.vocabulary.customer_records import Terms
from models.vocabulary.entry_records import VOID_BOUNCED, ChequeStatus, EntryKind, PaymentMethod

BANKS = ["工商银行", "农业银行", "建设银行", "中国银行", "农村信用社", "招商银行"]
METHODS = [
    (PaymentMethod.CASH, 50),
    (PaymentMethod.TRANSFER, 15),
    (PaymentMethod.WECHAT, 14),
    (PaymentMethod.ALIPAY, 10),
    (PaymentMethod.CHEQUE, 8),
    (PaymentMethod.DRAFT, 3),
]


def _amount(rng: random.Random) -> int:
    """A delivery: mostly a few hundred yuan, sometimes a few thousand, in 0.5-yuan steps."""
    yuan = min(int(rng.lognormvariate(6.3, 0.8)), 30_000)
    return max(yuan, 30) * 100 + rng.choice((0, 0, 50))


def simulate(
    rng: random.Random,
    shop: Shop,
    route_days: tuple[int, ...],
    start: dt.date,
    end: dt.date,
    rows: Rows,
) -> None:
    """Make `shop`'s history from `start` to `end` into `rows`: perhaps an opening
    balance, then a visit with a delivery on most of its route's days."""
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


def _due_now(shop: Shop, day: dt.date) -> int:
    total = 0
    for on, open_fen, kind, next_on in shop.open:
        due = due_date(on, kind, shop.terms, next_on)
        if due is not None and due <= day:
            total += open_fen
    return total


def _settle(shop: Shop, amount: int) -> None:
    """Apply a credit FIFO to the simulated open deliveries."""
    while amount > 0 and shop.open:
        head = shop.open[0]
        take = min(head[1], amount)
        head[1] -= take
        amount -= take
        if head[1] == 0:
            shop.open.pop(0)


def _visit_day(
    rng: random.Random, shop: Shop, day: dt.date, rows: Rows, doc: int, end: dt.date
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
    rng: random.Random, shop: Shop, day: dt.date, at: dt.datetime, due: int, rows: Rows
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
    shop: Shop,
    day: dt.date,
    at: dt.datetime,
    due: int,
    rows: Rows,
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
    rows: Rows,
    shop: Shop,
    at: dt.datetime,
    outcome: VisitOutcome,
    reason: LateReason | None,
    note: str = "",
) -> None:
    rows.visits.append(
        (shop.id, at, shop.rep_id, outcome.value, reason.value if reason else None, note, at)
    )


def _entry(
    rows: Rows,
    shop: Shop,
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


def bounce_one(rng: random.Random, rows: Rows) -> None:
    """Bounce one cheque still pending: void its payment, reopening the debt."""
    pending = [i for i, c in enumerate(rows.cheques) if c[5] == ChequeStatus.RECEIVED.value]
    if not pending:
        return
    idx = rng.choice(pending)
    cheque = rows.cheques[idx]
    original = rows.cheque_entries[cheque[0]]
    shop = Shop(original[1], Terms(), 1.0, 0)
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
