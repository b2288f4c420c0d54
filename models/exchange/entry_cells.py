"""Reading a clean row of an entries file quickly: the bulk import's common case.

A million-row import spends most of its time asking, for each cell, "is it too long, does
it hold a control character, what does it mean". Most rows are clean and most of their
cells repeat (a few hundred dates, six kinds, six methods), so `QuickEntries` checks a
row in one pass, with each distinct date, kind and method parsed once per import by the
same parsers. It only ever says "this row is clean, and here are its values": any doubt
(an unknown code, a bad date, a rule broken, a cell too long) and it answers None, and
the import reads that row the careful way, which words every problem exactly as before.
So a row is accepted here only when the careful way would accept it, with the same values.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from operator import itemgetter
from typing import Any, NamedTuple, TypeVar

from models.exchange.importing.headers import ColumnMap
from models.ledger.posting import check_date
from models.vocabulary.entry_records import EntryKind, PaymentMethod
from models.vocabulary.errors import InputError
from models.vocabulary.money import Fen, parse_money
from models.vocabulary.parsing import parse_date, parse_kind, parse_method
from models.vocabulary.text_rules import CONTROL_CHARACTERS

T = TypeVar("T")

# The entries file's columns, in the order `QuickEntries` reads them.
KEYS = (
    "customer_code",
    "date",
    "kind",
    "amount",
    "doc_no",
    "memo",
    "method",
    "cheque_no",
    "cheque_due",
    "bank",
)
# An amount with nothing to interpret: digits, at most two decimals, below MAX_FEN.
_PLAIN_AMOUNT = re.compile(r"[0-9]{1,12}(?:\.[0-9]{1,2})?")
_CACHED = 10_000  # distinct texts remembered per parser (a file has a few hundred)


class EntryFields(NamedTuple):
    """One entry as a clean row gives it."""

    customer_id: int
    code: str
    on: dt.date
    kind: EntryKind
    amount: Fen
    doc_no: str
    memo: str
    method: PaymentMethod | None
    cheque_no: str
    cheque_due: dt.date | None
    bank: str


class QuickEntries:
    """`quick(cells)`: the row's `EntryFields` when it is clean, else None."""

    def __init__(self, columns: ColumnMap, ids: dict[str, int], limits: dict[str, int]) -> None:
        self.ids = ids
        positions = [columns.index.get(k) for k in KEYS]
        self.cells: Callable[[tuple[str, ...]], Any] | None = None
        if None not in positions:  # every column present: one C call picks them
            self.cells = itemgetter(*positions)  # type: ignore[arg-type]
        self.width = max((p for p in positions if p is not None), default=0) + 1
        self.positions = positions
        self.limits = tuple(limits.get(k, 0) for k in KEYS)
        self.dates: dict[str, dt.date] = {}
        self.kinds: dict[str, EntryKind] = {}
        self.methods: dict[str, PaymentMethod] = {}
        self.dues: dict[str, dt.date] = {}

    def texts(self, cells: tuple[str, ...]) -> tuple[str, ...]:
        """The row's cells for `KEYS`, stripped ("" for a missing column or cell)."""
        if self.cells is not None and len(cells) >= self.width:
            return tuple(map(str.strip, self.cells(cells)))
        n = len(cells)
        return tuple(cells[i].strip() if i is not None and i < n else "" for i in self.positions)

    def __call__(self, cells: tuple[str, ...]) -> EntryFields | None:
        texts = self.texts(cells)
        if CONTROL_CHARACTERS.search("".join(texts)):
            return None
        for text, limit in zip(texts, self.limits, strict=True):
            if limit and len(text) > limit:
                return None
        code, on_t, kind_t, amount_t, doc_no, memo, method_t, cheque_no, due_t, bank = texts
        customer_id = self.ids.get(code) if code else None
        on = _known(self.dates, on_t, lambda t: check_date(parse_date(t)))
        kind = _known(self.kinds, kind_t, parse_kind)
        if customer_id is None or on is None or kind is None:
            return None
        amount = _amount(amount_t, kind)
        if amount is None:
            return None
        method = None
        if method_t:
            if kind is not EntryKind.PAYMENT:
                return None  # only payments have a method
            method = _known(self.methods, method_t, parse_method)
            if method is None:
                return None
        elif kind is EntryKind.PAYMENT:
            return None  # a payment says how it was made
        due = None
        if method is not None and method.is_instrument:
            if not cheque_no:
                return None
            if due_t:
                due = _known(self.dues, due_t, parse_date)
                if due is None:
                    return None
        elif cheque_no or due_t or bank:
            return None  # only a cheque or draft has these
        if kind is EntryKind.WRITEOFF and not memo:
            return None
        return EntryFields(
            customer_id, code, on, kind, amount, doc_no, memo, method, cheque_no, due, bank
        )


def _known(cache: dict[str, T], text: str, parse: Callable[[str], T]) -> T | None:
    """`parse(text)`, remembered; None when it refuses the text."""
    value = cache.get(text)
    if value is None:
        try:
            value = parse(text)
        except InputError:
            return None
        if len(cache) < _CACHED:
            cache[text] = value
    return value


def _amount(text: str, kind: EntryKind) -> Fen | None:
    """The amount in fen as `parse_money` reads it for this kind, None when it refuses."""
    if _PLAIN_AMOUNT.fullmatch(text):
        whole, _dot, frac = text.partition(".")
        fen = int(whole) * 100 + int(frac.ljust(2, "0"))
        return fen or None  # zero is refused
    try:
        return parse_money(text, allow_negative=kind is EntryKind.OPENING)
    except InputError:
        return None
