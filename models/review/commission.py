"""The collection commission (回款提成) of a month, per rep.

Reps are paid on the money collected in the month, at a lower rate for older debt
(`CommissionRules`, set in Settings). How it is reckoned:

- **Which money.** Every standing payment dated in the month (voided ones and their
  reversals cancel, as everywhere), so the report's "collected" adds up to the review's
  collections of that month, to the fen.
- **How old.** A payment settles the customer's oldest open debits first (FIFO, the
  aging's own rule: `models.ledger.settlement`). It is split into parts, one per debit it
  settled, and each part is as old as that debit on the payment's day (payment date −
  debit date, in days). A part paid in advance (no open debit yet) is 0 days old.
- **Rate.** Each part earns the rate of its age band, in basis points; its commission is
  part × rate / 10,000 rounded half up to the fen, per part (`fen_share`), and a
  payment's commission is the sum of its parts'.
- **Whose.** The customer's rep *now*: entries carry no rep and the ledger keeps no
  history of who looked after a customer, and the review groups by the same rep, so the
  per-rep rows add up to the review's figures. Customers without a rep form a row of
  their own (name "").
- **Tail cuts and write-offs.** Listed always; taken off when the rules say so, reckoned
  like a payment (split FIFO, the rate of each part's band) and subtracted: a rep who
  lets a tail go loses what collecting it would have earned. A rep's month can end
  below zero (a clawback, settled as the office sees fit).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from models.ledger.aging import voided_ids
from models.ledger.commission_rules import get_commission_rules
from models.ledger.settlement import Part, settle
from models.review.raw_rows import KINDS, as_date
from models.review.trends import first_of_month, same_day_in
from models.storage.db import placeholders, read_snapshot
from models.storage.tables import database
from models.vocabulary.commission_records import CommissionRules
from models.vocabulary.entry_records import EntryKind
from models.vocabulary.money import Fen, fen_share

BP_PER_WHOLE = 10_000
COMMISSION_KINDS = (EntryKind.PAYMENT, EntryKind.DISCOUNT, EntryKind.WRITEOFF)


@dataclass(frozen=True)
class CommissionLine:
    """One payment, tail cut or write-off of the month and what it earns (or costs)."""

    entry_id: int
    date: dt.date
    customer_id: int
    code: str
    name: str
    kind: EntryKind
    doc_no: str
    amount: Fen  # positive, as written on the document
    by_band: tuple[Fen, ...]  # the amount split by the age band of the debts it settled
    commission: Fen  # earned (a payment) or deducted (negative), 0 when not counted


@dataclass(frozen=True)
class RepCommission:
    """A rep's month: the lines and their sums."""

    rep_id: int | None
    name: str
    lines: tuple[CommissionLine, ...]
    bands: int  # how many age bands the rules have

    def _of(self, kind: EntryKind) -> list[CommissionLine]:
        return [line for line in self.lines if line.kind is kind]

    @property
    def collected(self) -> Fen:
        return sum(line.amount for line in self._of(EntryKind.PAYMENT))

    @property
    def collected_by_band(self) -> tuple[Fen, ...]:
        return _column_sums(self._of(EntryKind.PAYMENT), self.bands)

    @property
    def earned(self) -> Fen:
        """Commission on the payments, before any deduction."""
        return sum(line.commission for line in self._of(EntryKind.PAYMENT))

    @property
    def tail_cuts(self) -> Fen:
        return sum(line.amount for line in self._of(EntryKind.DISCOUNT))

    @property
    def writeoffs(self) -> Fen:
        return sum(line.amount for line in self._of(EntryKind.WRITEOFF))

    @property
    def deducted(self) -> Fen:
        """What the tail cuts and write-offs cost, as a positive number."""
        return -sum(line.commission for line in self.lines if line.kind is not EntryKind.PAYMENT)

    @property
    def commission(self) -> Fen:
        """What the rep is paid for the month: earned less deducted."""
        return sum(line.commission for line in self.lines)


@dataclass(frozen=True)
class CommissionReport:
    """Every rep's commission for the month `start`..`end`."""

    start: dt.date
    end: dt.date
    rules: CommissionRules
    reps: tuple[RepCommission, ...]

    @property
    def collected(self) -> Fen:
        return sum(r.collected for r in self.reps)

    @property
    def collected_by_band(self) -> tuple[Fen, ...]:
        bands = len(self.rules.rates_bp)
        return tuple(sum(r.collected_by_band[i] for r in self.reps) for i in range(bands))

    @property
    def earned(self) -> Fen:
        return sum(r.earned for r in self.reps)

    @property
    def deducted(self) -> Fen:
        return sum(r.deducted for r in self.reps)

    @property
    def commission(self) -> Fen:
        return sum(r.commission for r in self.reps)


def _column_sums(lines: list[CommissionLine], bands: int) -> tuple[Fen, ...]:
    return tuple(sum(line.by_band[i] for line in lines) for i in range(bands))


def part_commission(part: Part, rules: CommissionRules) -> Fen:
    """What one payment part earns: its amount at its band's rate, half up to the fen."""
    return fen_share(part.amount, rules.rates_bp[rules.band_of(part.age)], BP_PER_WHOLE)


def month_bounds(month: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of `month`'s month."""
    start = first_of_month(month)
    return start, same_day_in(start, 31)


_LINES_SQL = (
    "SELECT e.id, e.date, e.customer_id, c.code, c.name, c.rep_id, r.name, e.kind, e.amount, "
    "e.doc_no FROM entry e JOIN customer c ON c.id = e.customer_id "
    "LEFT JOIN rep r ON r.id = c.rep_id "
    "WHERE e.date >= ? AND e.date <= ? AND e.kind IN (?, ?, ?) AND e.reverses_id IS NULL "
    "ORDER BY e.date, e.id"
)


def commission(month: dt.date, rules: CommissionRules | None = None) -> CommissionReport:
    """The commission of the month that `month` falls in, per rep (by name; the
    customers without a rep last), with the stored rules unless `rules` are given."""
    start, end = month_bounds(month)
    with read_snapshot():  # one snapshot: the lines and their split agree
        rules = rules or get_commission_rules()
        voided = voided_ids()
        found = [
            row
            for row in database.execute_sql(
                placeholders(_LINES_SQL), (start, end, *(k.value for k in COMMISSION_KINDS))
            )
            if row[0] not in voided
        ]
        settlement = settle(end, {row[2] for row in found}, parts_from=start) if found else None
    parts_of: dict[int, list[Part]] = defaultdict(list)
    if settlement is not None:
        for part in settlement.parts:
            if start <= part.credit_on:
                parts_of[part.credit_id].append(part)
    by_rep: dict[int | None, list[CommissionLine]] = defaultdict(list)
    names: dict[int | None, str] = {None: ""}
    for eid, on, cid, code, name, rep_id, rep_name, kind, amount, doc_no in found:
        kind = KINDS[kind]
        line = _line(eid, as_date(on), cid, code, name, kind, int(amount), doc_no or "",
                     parts_of[eid], rules)  # fmt: skip
        by_rep[rep_id].append(line)
        names[rep_id] = rep_name or ""
    reps = [
        RepCommission(key, names[key], tuple(lines), len(rules.rates_bp))
        for key, lines in by_rep.items()
    ]
    reps.sort(key=lambda r: (r.rep_id is None, r.name))
    return CommissionReport(start, end, rules, tuple(reps))


def _line(
    eid: int,
    on: dt.date,
    cid: int,
    code: str,
    name: str,
    kind: EntryKind,
    amount: Fen,
    doc_no: str,
    parts: list[Part],
    rules: CommissionRules,
) -> CommissionLine:
    by_band = [0] * len(rules.rates_bp)
    earned = 0
    for part in parts:
        by_band[rules.band_of(part.age)] += part.amount
        earned += part_commission(part, rules)
    if kind is EntryKind.DISCOUNT:
        earned = -earned if rules.deduct_tail_cuts else 0
    elif kind is EntryKind.WRITEOFF:
        earned = -earned if rules.deduct_writeoffs else 0
    return CommissionLine(eid, on, cid, code, name, kind, doc_no, amount, tuple(by_band), earned)
