"""Which debits each credit settled (FIFO), for the figures that need to know per credit:
a payment's age for the collection commission, and how long a customer usually takes to
pay for the cash forecast.

The rule is the aging's own (`models.ledger.aging`): payments, returns, discounts and
write-offs settle the oldest open debits first; voided entries and their reversals are
left out. Here it is walked forwards: every standing credit, in the order of its date
and id, takes what is still open of the oldest standing debits (by date and id). What
no credit reached is exactly what the aging reports open (its newest debits adding up to
the balance); tests/models/ledger/test_settlement.py checks the two agree.

A credit larger than all the debits so far (money paid in advance, a customer in
credit) takes the debits posted after it as they come; what no debit ever meets stays
unmatched (`Part.debit_id` None).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from models.ledger.aging import voided_ids
from models.storage.db import placeholders
from models.storage.tables import database
from models.vocabulary.entry_records import EntryKind
from models.vocabulary.money import Fen

_KINDS = {k.value: k for k in EntryKind}


@functools.lru_cache(maxsize=8192)
def _parse_date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _as_date(value: object) -> dt.date:
    """A date column as SQLite (ISO text) or PostgreSQL (a date) gives it."""
    return value if isinstance(value, dt.date) else _parse_date(str(value))


def _part(cid: int, credit: list, debit: list | None, amount: Fen) -> Part:
    """The share `amount` of `credit` ([id, date, kind, left]) that settled `debit`
    ([id, date, kind, amount, open]), with its age in days (never below 0)."""
    if debit is None:
        return Part(cid, credit[0], credit[1], credit[2], None, None, amount, 0)
    age = (credit[1] - debit[1]).days
    return Part(cid, credit[0], credit[1], credit[2], debit[0], debit[1], amount, max(age, 0))


@dataclass(frozen=True)
class Part:
    """The share of one credit that settled (part of) one debit.

    `amount` is positive fen. `debit_id`/`debit_on` are None for the share that found no
    debit (paid in advance). `age` is the days from the debit to the credit, never below
    0 (a debit posted after the advance that settles it counts as settled on its day;
    money paid in advance is 0 days old)."""

    customer_id: int
    credit_id: int
    credit_on: dt.date
    credit_kind: EntryKind
    debit_id: int | None
    debit_on: dt.date | None
    amount: Fen
    age: int


@dataclass(frozen=True)
class OpenDebit:
    """What no credit through the date reached: a debit's open remainder."""

    customer_id: int
    debit_id: int
    debit_on: dt.date
    kind: EntryKind
    amount: Fen  # as posted
    open: Fen


@dataclass(frozen=True)
class Settlement:
    """Every customer's credits split into `parts` and their `open` debits, as of `through`."""

    through: dt.date
    parts: tuple[Part, ...]
    open: tuple[OpenDebit, ...]


_SQL = (
    "SELECT id, customer_id, date, kind, delta FROM entry WHERE date <= ? "
    "AND reverses_id IS NULL AND delta <> 0{customers} ORDER BY customer_id, date, id"
)


def settle(
    through: dt.date,
    customer_ids: Iterable[int] | None = None,
    *,
    parts_from: dt.date | None = None,
) -> Settlement:
    """Split every standing credit dated up to `through` into the debits it settled
    (FIFO), for all customers or those of `customer_ids`. With `parts_from`, only the
    parts of credits dated from then on are kept (the earlier ones are walked all the
    same: they settled the oldest debits)."""
    keep = _Keep(parts_from)
    voided = voided_ids()
    params: list[object] = [through]
    where = ""
    if customer_ids is not None:
        ids = sorted(set(customer_ids))
        if not ids:
            return Settlement(through, (), ())
        where = f" AND customer_id IN ({', '.join('?' * len(ids))})"
        params += ids
    rows = database.execute_sql(placeholders(_SQL.format(customers=where)), params)
    open_debits: list[OpenDebit] = []
    current: int | None = None
    debits: deque[list] = deque()  # [id, date, kind, amount, open] of the current customer
    credits: list[list] = []  # [id, date, kind, left] waiting for a later debit
    for entry_id, cid, on, kind, delta in rows:
        if entry_id in voided:
            continue
        if cid != current:
            _close(current, debits, credits, keep, open_debits)
            current, debits, credits = cid, deque(), []
        on, kind, delta = _as_date(on), _KINDS[kind], int(delta)
        if delta > 0:
            debits.append([entry_id, on, kind, delta, delta])
            _take_waiting(cid, debits[-1], credits, keep)
        else:
            credits.append([entry_id, on, kind, -delta])
            _apply(cid, credits, debits, keep)
    _close(current, debits, credits, keep, open_debits)
    return Settlement(through, tuple(keep.parts), tuple(open_debits))


class _Keep:
    """The parts kept: those of credits dated `since` or later (all without `since`)."""

    def __init__(self, since: dt.date | None) -> None:
        self.since = since
        self.parts: list[Part] = []

    def add(self, cid: int, credit: list, debit: list | None, amount: Fen) -> None:
        if self.since is None or credit[1] >= self.since:
            self.parts.append(_part(cid, credit, debit, amount))


def _apply(cid: int, credits: list[list], debits: deque[list], keep: _Keep) -> None:
    """The newest credit takes the oldest open debits; what is left of it waits."""
    credit = credits[-1]
    for debit in debits:
        if credit[3] == 0:
            break
        if debit[4] == 0:
            continue
        take = min(debit[4], credit[3])
        debit[4] -= take
        credit[3] -= take
        keep.add(cid, credit, debit, take)
    # Settled debits are done with: drop them so the walk stays short.
    while debits and debits[0][4] == 0:
        debits.popleft()
    if credit[3] == 0:
        credits.pop()


def _take_waiting(cid: int, debit: list, credits: list[list], keep: _Keep) -> None:
    """A new debit is settled by money paid in advance, the oldest advance first."""
    while credits and debit[4] > 0:
        credit = credits[0]
        take = min(debit[4], credit[3])
        debit[4] -= take
        credit[3] -= take
        keep.add(cid, credit, debit, take)
        if credit[3] == 0:
            credits.pop(0)


def _close(
    cid: int | None,
    debits: deque[list],
    credits: list[list],
    keep: _Keep,
    open_debits: list[OpenDebit],
) -> None:
    if cid is None:
        return
    for credit in credits:  # met no debit: paid in advance
        keep.add(cid, credit, None, credit[3])
    for entry_id, on, kind, amount, left in debits:
        if left:
            open_debits.append(OpenDebit(cid, entry_id, on, kind, amount, left))
