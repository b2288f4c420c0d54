"""Settling a route (回单录入): when the rep is back, the day's results of every stop
are keyed into one grid and posted together.

Each row may hold money collected (and how), a tail cut (抹零), a new promised date,
and the visit's outcome. Saving posts the whole grid in one transaction: if any row is
wrong nothing is posted, and each wrong cell gets its sentence (`SettleRejected`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models import clock
from models.db import transaction
from models.errors import InputError, LedgerError
from models.i18n import _
from models.money import MAX_FEN, Fen
from models.posting import post_discount, post_payment
from models.promises import make_promise
from models.records import (
    Entry,
    LateReason,
    PaymentMethod,
    Promise,
    RouteId,
    RouteStop,
    Visit,
    VisitOutcome,
)
from models.routesheets import route_sheet
from models.settings import get_company
from models.visits import log_visit


@dataclass(frozen=True)
class SettleRow:
    """One stop's results as keyed; an empty row (nothing filled in) is skipped."""

    customer_id: int
    amount: Fen = 0  # collected
    method: PaymentMethod | None = None
    cheque_no: str = ""
    bank: str = ""
    cheque_due: dt.date | None = None
    tail_cut: Fen = 0
    promise_at: dt.datetime | None = None
    promise_amount: Fen | None = None  # None: what is still owed after today
    outcome: VisitOutcome | None = None  # None: follows from the money and the promise
    reason: LateReason | None = None
    note: str = ""

    @property
    def empty(self) -> bool:
        return not (
            self.amount or self.tail_cut or self.promise_at or self.outcome or self.note.strip()
        )


@dataclass(frozen=True)
class Settled:
    """What one save posted."""

    payments: tuple[Entry, ...] = ()
    tail_cuts: tuple[Entry, ...] = ()
    promises: tuple[Promise, ...] = ()
    visits: tuple[Visit, ...] = ()

    @property
    def collected(self) -> Fen:
        return sum(e.amount for e in self.payments)


class SettleRejected(InputError):
    """Some rows are wrong; nothing was posted. `errors[row][field]` is the sentence
    for each wrong cell (fields are `SettleRow` attribute names, or "row")."""

    def __init__(self, errors: dict[int, dict[str, str]]) -> None:
        self.errors = errors
        n = len(errors)
        text = (
            _("1 row has a mistake: nothing was posted. Correct the marked cells and save again.")
            if n == 1
            else _(
                "{n} rows have mistakes: nothing was posted. Correct the marked cells and "
                "save again."
            ).format(n=n)
        )
        super().__init__(text)


def settle_stops(route_id: RouteId, day: dt.date) -> list[RouteStop]:
    """The grid's rows: the stops on that day's route sheet, in visit order."""
    return list(route_sheet(route_id, day).stops)


def expected(stop: RouteStop) -> Fen:
    """What the rep was to collect: the day's promises still open, else the balance."""
    promised = sum(max(p.amount - p.paid, 0) for p in stop.promises_due)
    return promised or max(stop.balance, 0)


def tail_cut_offers(stops: list[RouteStop], rows: list[SettleRow]) -> dict[int, Fen]:
    """Rows whose money falls a little short of what was due (within the Settings'
    tail-cut limit): row index → the difference to record as a tail cut (抹零)."""
    limit = get_company().tail_cut_limit
    by_customer = {s.customer.id: s for s in stops}
    offers: dict[int, Fen] = {}
    for i, row in enumerate(rows):
        stop = by_customer.get(row.customer_id)
        if stop is None or row.amount <= 0 or row.tail_cut:
            continue
        short = expected(stop) - row.amount
        if 0 < short <= limit:
            offers[i] = short
    return offers


def _visit_time(day: dt.date) -> dt.datetime:
    now = clock.now()
    if day > now.date():
        raise InputError(_("A route day in the future cannot be settled yet."))
    return now if day == now.date() else dt.datetime.combine(day, dt.time(18, 0))


def _check_row(row: SettleRow, stop: RouteStop, limit: Fen) -> dict[str, str]:
    """The wrong cells of one row (before anything is posted)."""
    wrong: dict[str, str] = {}
    balance = stop.balance
    if row.empty:
        return wrong
    if row.amount < 0 or row.amount > MAX_FEN:
        wrong["amount"] = _("The amount must be more than zero.")
    if row.amount > 0 and row.method is None:
        wrong["method"] = _("Say how the money was paid.")
    if row.amount == 0 and row.method is not None and not row.tail_cut:
        wrong["amount"] = _("Type the amount collected, or leave the method empty.")
    if row.method is not None and row.method.is_instrument and not row.cheque_no.strip():
        wrong["cheque_no"] = _("A cheque or draft needs its number.")
    if row.tail_cut < 0 or row.tail_cut > limit:
        wrong["tail_cut"] = _("A tail cut must be from 0 to {limit} (Settings).").format(
            limit=f"{limit / 100:.2f}"
        )
    if row.promise_at is not None:
        left = balance - row.amount - row.tail_cut
        amount = row.promise_amount if row.promise_amount is not None else left
        if amount <= 0:
            wrong["promise_at"] = _("Nothing is left owing after today: no promise is needed.")
    elif row.promise_amount:
        wrong["promise_at"] = _("Give the new promised date and time.")
    outcome = row.outcome or _outcome(row, stop)
    if outcome in (VisitOutcome.PROMISED, VisitOutcome.REFUSED) and row.reason is None:
        wrong["reason"] = _("No money came: choose the reason the customer gave.")
    return wrong


def settle(route_id: RouteId, day: dt.date, rows: list[SettleRow]) -> Settled:
    """Post the grid in one transaction; raises `SettleRejected` (nothing posted) when
    any row is wrong. Visits are logged for every row that has something in it."""
    at = _visit_time(day)
    sheet = route_sheet(route_id, day, every_stop=True)
    stops = {s.customer.id: s for s in sheet.stops}
    limit = get_company().tail_cut_limit
    rep_id = sheet.route.rep_id
    errors: dict[int, dict[str, str]] = {}
    for i, row in enumerate(rows):
        stop = stops.get(row.customer_id)
        if stop is None:
            errors[i] = {"row": _("This customer is not on the route any more.")}
            continue
        wrong = _check_row(row, stop, limit)
        if wrong:
            errors[i] = wrong
    if errors:
        raise SettleRejected(errors)
    payments: list[Entry] = []
    cuts: list[Entry] = []
    made: list[Promise] = []
    visits: list[Visit] = []
    with transaction():
        for i, row in enumerate(rows):
            if row.empty:
                continue
            stop = stops[row.customer_id]
            try:
                _post_row(row, day, at, stop, rep_id, payments, cuts, made, visits)
            except _CellError as err:  # e.g. a promised time already past
                errors[i] = {err.field: str(err)}
        if errors:
            raise SettleRejected(errors)  # rolls the whole grid back
    return Settled(tuple(payments), tuple(cuts), tuple(made), tuple(visits))


class _CellError(LedgerError):
    def __init__(self, field: str, err: LedgerError) -> None:
        super().__init__(str(err))
        self.field = field


def _post_row(
    row: SettleRow,
    day: dt.date,
    at: dt.datetime,
    stop: RouteStop,
    rep_id: int | None,
    payments: list[Entry],
    cuts: list[Entry],
    made: list[Promise],
    visits: list[Visit],
) -> None:
    cid = row.customer_id
    field = "amount"
    try:
        if row.amount > 0 and row.method is not None:
            payments.append(
                post_payment(
                    cid,
                    day,
                    row.amount,
                    row.method,
                    cheque_no=row.cheque_no,
                    bank=row.bank,
                    due_on=row.cheque_due,
                    memo=row.note,
                )
            )
        field = "tail_cut"
        if row.tail_cut > 0:
            cuts.append(post_discount(cid, day, row.tail_cut, memo=_("Tail cut")))
        field = "promise_at"
        if row.promise_at is not None:
            left = stop.balance - row.amount - row.tail_cut
            amount = row.promise_amount if row.promise_amount is not None else left
            made.append(make_promise(cid, amount, row.promise_at, note=row.note))
        field = "note"
        outcome = row.outcome or _outcome(row, stop)
        reason = row.reason if outcome is not VisitOutcome.PAID else None
        visits.append(log_visit(cid, at, outcome, rep_id=rep_id, reason=reason, note=row.note))
    except LedgerError as err:
        raise _CellError(field, err) from err


def _outcome(row: SettleRow, stop: RouteStop) -> VisitOutcome:
    if row.amount + row.tail_cut >= expected(stop) and row.amount > 0:
        return VisitOutcome.PAID
    if row.amount > 0:
        return VisitOutcome.PART_PAID
    if row.promise_at is not None:
        return VisitOutcome.PROMISED
    return VisitOutcome.NOT_THERE
