"""Settling a route (回单录入): when the rep is back, the day's results of every stop
are keyed into one grid and posted together.

Each row may hold money collected (and how), a tail cut (抹零), a new promised date,
and the visit's outcome. Saving posts the whole grid in one transaction: if any row is
wrong nothing is posted, and each wrong cell gets its sentence (`SettleRejected`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from models.collecting.routesheets import route_sheet
from models.collecting.visits import log_visit
from models.ledger import post_keys
from models.ledger.entries import get_entry
from models.ledger.posting import post_discount, post_payment
from models.ledger.promises import make_promise
from models.ledger.settings import MAX_TAIL_CUT, get_company
from models.storage import chain
from models.storage.db import transaction
from models.storage.transactions import retried
from models.vocabulary import clock
from models.vocabulary.collecting_records import LateReason, Promise, RouteStop, Visit, VisitOutcome
from models.vocabulary.customer_records import RouteId
from models.vocabulary.entry_records import Entry, EntryKind, PaymentMethod
from models.vocabulary.errors import InputError, LedgerError
from models.vocabulary.i18n import _
from models.vocabulary.money import MAX_FEN, Fen, format_money


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
    # The boss allowed a tail cut over the Settings' limit (up to MAX_TAIL_CUT and what
    # is left owing); posted with a memo that says so, for the review.
    boss_allows_cut: bool = False
    promise_at: dt.datetime | None = None
    promise_amount: Fen | None = None  # None: what is still owed after today
    outcome: VisitOutcome | None = None  # None: follows from the money and the promise
    reason: LateReason | None = None
    note: str = ""

    @property
    def empty(self) -> bool:
        return not (
            self.amount
            or self.tail_cut
            or self.promise_at
            or self.promise_amount is not None
            or self.outcome
            or self.note.strip()
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


@dataclass(frozen=True)
class Shortfall:
    """What a row with money in it leaves owing, for the note beside the row."""

    left: Fen  # owed after the row's money and tail cut; negative: paid more than owed
    short: Fen  # how far money and tail cut fall short of what was due (`expected`)
    limit: Fen  # the Settings' tail-cut limit
    cut: Fen  # the row's tail cut
    boss_allows_cut: bool

    @property
    def boss_may_allow(self) -> Fen:
        """The tail cut the boss may allow over the limit (0: none to offer): the whole
        shortfall, when it is over the limit but still an odd tail (≤ MAX_TAIL_CUT) and
        no more than is left owing."""
        if self.cut or not self.limit < self.short <= min(MAX_TAIL_CUT, self.left):
            return 0
        return self.short

    @property
    def over_limit(self) -> bool:
        """Left owing only because the shortfall is over the tail-cut limit."""
        return self.boss_may_allow > 0

    def note(self, symbol: str = "¥") -> str:
        """The sentence shown in the row, e.g. ‘Still owes ¥5.44 (over the ¥5.00
        tail-cut limit)’."""

        def money(fen: Fen) -> str:
            return format_money(fen, symbol)

        if self.left < 0:
            return _("Paid {amount} more than is owed.").format(amount=money(-self.left))
        allowed = ""
        if self.boss_allows_cut and self.cut > self.limit:
            allowed = _("Tail cut {cut} allowed by the boss (over the {limit} limit).").format(
                cut=money(self.cut), limit=money(self.limit)
            )
        if self.left == 0:
            return " ".join(filter(None, (_("Paid in full."), allowed)))
        if not self.over_limit:
            owes = _("Still owes {left}.").format(left=money(self.left))
        elif self.short == self.left:
            owes = _("Still owes {left} (over the {limit} tail-cut limit).").format(
                left=money(self.left), limit=money(self.limit)
            )
        else:
            owes = _(
                "Still owes {left}: {short} short of what was due, over the {limit} tail-cut limit."
            ).format(left=money(self.left), short=money(self.short), limit=money(self.limit))
        return " ".join(filter(None, (owes, allowed)))


def shortfall(stop: RouteStop, row: SettleRow, limit: Fen) -> Shortfall | None:
    """What `row` leaves owing at `stop` (None when it has no money or tail cut in it)."""
    if row.amount <= 0 and row.tail_cut <= 0:
        return None
    paid = row.amount + row.tail_cut
    return Shortfall(
        left=stop.balance - paid,
        short=max(expected(stop) - paid, 0),
        limit=limit,
        cut=row.tail_cut,
        boss_allows_cut=row.boss_allows_cut,
    )


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
    if row.tail_cut < 0 or (row.tail_cut > limit and not row.boss_allows_cut):
        wrong["tail_cut"] = _("A tail cut must be from 0 to {limit} (Settings).").format(
            limit=f"{limit / 100:.2f}"
        )
    elif row.boss_allows_cut and row.tail_cut > min(MAX_TAIL_CUT, balance - row.amount):
        wrong["tail_cut"] = _(
            "Even the boss can allow a tail cut of at most {most}, and no more than is left "
            "owing: post a discount instead."
        ).format(most=format_money(MAX_TAIL_CUT))
    left = balance - row.amount - row.tail_cut
    if row.promise_at is not None:
        if left <= 0:
            wrong["promise_at"] = _("Nothing is left owing after today: no promise is needed.")
        elif row.promise_amount is not None and row.promise_amount <= 0:
            wrong["promise_amount"] = _("A promised amount must be more than zero.")
        elif row.promise_amount is not None and row.promise_amount > left:
            wrong["promise_amount"] = _(
                "Only {left} is left owing after today: the promise cannot be for more."
            ).format(left=format_money(left))
    elif row.promise_amount is not None:
        wrong["promise_at"] = _("Give the new promised date and time.")
    outcome = row.outcome or _outcome(row, stop)
    if outcome in (VisitOutcome.PROMISED, VisitOutcome.REFUSED) and row.reason is None:
        wrong["reason"] = _("No money came: choose the reason the customer gave.")
    return wrong


def settle(
    route_id: RouteId, day: dt.date, rows: list[SettleRow], *, post_key: str | None = None
) -> Settled:
    """Post the grid in one transaction; raises `SettleRejected` (nothing posted) when
    any row is wrong. Visits are logged for every row that has something in it.

    `post_key`: the window's id for this save. Saving again with it (a lost reply, a
    timeout, two processes racing) posts nothing more and returns the payments and tail
    cuts the first save made (models/ledger/post_keys.py)."""
    if post_key is not None:
        post_keys.check_key(post_key)
        post_keys.check_key(_row_key(post_key, len(rows), "pay"))
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

    @retried
    def save() -> Settled:
        payments: list[Entry] = []
        cuts: list[Entry] = []
        made: list[Promise] = []
        visits: list[Visit] = []
        with transaction():
            if post_key is not None:
                # Take the writers' turn first: a save racing with this key has then
                # committed, and its posts are seen below.
                chain.tip(lock=True)
                before = _saved_before(post_key)
                if before is not None:
                    return before
            for i, row in enumerate(rows):
                if row.empty:
                    continue
                stop = stops[row.customer_id]
                key = None if post_key is None else lambda kind, i=i: _row_key(post_key, i, kind)
                try:
                    _post_row(row, day, at, stop, rep_id, payments, cuts, made, visits, key)
                except _CellError as err:  # e.g. a promised time already past
                    errors[i] = {err.field: str(err)}
            if errors:
                raise SettleRejected(errors)  # rolls the whole grid back
        return Settled(tuple(payments), tuple(cuts), tuple(made), tuple(visits))

    return save()


def _row_key(post_key: str, row: int, kind: str) -> str:
    return f"{post_key}/{row}/{kind}"


def _saved_before(post_key: str) -> Settled | None:
    """What an earlier save with `post_key` posted (its promises and visits are not
    repeated either: they were saved with it), or None."""
    found = post_keys.posted_under(post_key + "/")
    if not found:
        return None
    entries = sorted((get_entry(entry_id) for _key, entry_id in found), key=lambda e: e.id)
    return Settled(
        tuple(e for e in entries if e.kind is EntryKind.PAYMENT),
        tuple(e for e in entries if e.kind is EntryKind.DISCOUNT),
    )


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
    key: Callable[[str], str] | None = None,
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
                    post_key=key and key("pay"),
                )
            )
        field = "tail_cut"
        if row.tail_cut > 0:
            memo = (
                _("Tail cut over the limit, allowed by the boss")
                if row.boss_allows_cut and row.tail_cut > get_company().tail_cut_limit
                else _("Tail cut")
            )
            cuts.append(
                post_discount(cid, day, row.tail_cut, memo=memo, post_key=key and key("cut"))
            )
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
