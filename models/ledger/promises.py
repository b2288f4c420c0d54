"""Promises to clear an amount by an agreed date (约定清款) and their IOU notes.

A promise's status is derived, never stored: it is *kept* once the customer's payments
and tail cuts posted after it was made and dated up to its due date cover its amount,
*broken* when its deadline passes without that, *open* before, and *cancelled* when the
office cancelled it (or replaced an open one with a new date). A broken promise keeps
counting against the customer after it is rescheduled; the new promise links to it.
"""

from __future__ import annotations

import datetime as dt

import peewee as pw
from peewee import fn

from models.ledger import users
from models.storage import session
from models.storage.db import is_read_only, placeholders, transaction
from models.storage.tables import CustomerRow, EntryRow, PromiseRow, RepRow, database
from models.vocabulary import clock
from models.vocabulary.collecting_records import Promise, PromiseId, PromiseStatus
from models.vocabulary.customer_records import CustomerId, RepId
from models.vocabulary.entry_records import EntryKind, PaymentMethod
from models.vocabulary.errors import InputError, LedgerError, NotFound, refused_as
from models.vocabulary.i18n import _
from models.vocabulary.money import MAX_FEN, Fen
from models.vocabulary.people_records import Action
from models.vocabulary.text_rules import check_text

COUNTING_KINDS = (EntryKind.PAYMENT, EntryKind.DISCOUNT)
MAX_DAYS_AHEAD = 366


def serial_of(promise_id: PromiseId) -> str:
    return f"QK-{promise_id:06d}"


# What counts toward promise `p`, as a correlated subquery: standing payments and tail
# cuts keyed from the day it was made until its due date. Money keyed on that first day
# before the promise (up to `after_entry_id`) was already in the balance the customer
# promised to clear: it does not count.
PAID_SQL = f"""(SELECT COALESCE(-SUM(e.delta), 0) FROM entry e
     WHERE e.customer_id = p.customer_id
       AND e.kind IN ({", ".join(f"'{k.value}'" for k in COUNTING_KINDS)})
       AND e.date >= p.start_on AND e.date <= p.due_on
       AND (e.date > p.start_on OR e.id > p.after_entry_id)
       AND e.reverses_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM entry v WHERE v.reverses_id = e.id))"""


def _status(row: PromiseRow, paid: Fen, now: dt.datetime) -> PromiseStatus:
    if row.cancelled_at is not None:
        return PromiseStatus.CANCELLED
    if paid >= row.amount:
        return PromiseStatus.KEPT
    if now > row.due_at:
        return PromiseStatus.BROKEN
    return PromiseStatus.OPEN


def _paid(where: pw.Expression) -> dict[int, Fen]:
    """Payments and tail cuts counted toward each promise matching `where`: `PAID_SQL`,
    the one definition that Today, the review and the broken counts use as well."""
    chosen, params = PromiseRow.select(PromiseRow.id).where(where).sql()
    sql = f"SELECT p.id, {PAID_SQL} FROM promise p WHERE p.id IN ({chosen})"
    return {pid: int(paid) for pid, paid in database.execute_sql(sql, params)}


def _records(where: pw.Expression, order: tuple[pw.Node, ...]) -> list[Promise]:
    successor = PromiseRow.alias("successor")
    query = (
        PromiseRow.select(
            PromiseRow, successor.id.alias("replaced_by"), RepRow.name.alias("rep_name")
        )
        .join(successor, pw.JOIN.LEFT_OUTER, on=(successor.replaces == PromiseRow.id))
        .switch(PromiseRow)
        .join(RepRow, pw.JOIN.LEFT_OUTER, on=(PromiseRow.rep == RepRow.id))
        .where(where)
        .order_by(*order)
        .objects()
    )
    rows = list(query)
    # What was paid toward them, asked only when there are any (most customers have
    # no open promise: a statement saves the round trip).
    return _promises(rows, _paid(where) if rows else {})


def _promises(rows: list[PromiseRow], paid: dict[int, Fen]) -> list[Promise]:
    """Records of promise rows read with their successor's id (`replaced_by`) and their
    rep's name (`rep_name`), given what was paid toward each."""
    now = clock.now()
    return [
        Promise(
            id=r.id,
            customer_id=r.customer_id,
            amount=r.amount,
            due_at=r.due_at,
            method=r.method,
            payer=r.payer,
            rep_id=r.rep_id,
            created_at=r.created_at,
            status=_status(r, paid.get(r.id, 0), now),
            paid=paid.get(r.id, 0),
            serial=serial_of(r.id),
            note=r.note,
            replaces_id=r.replaces_id,
            replaced_by_id=r.replaced_by,
            cancelled_at=r.cancelled_at,
            prints=r.prints,
            rep_name=r.rep_name or "",
        )
        for r in rows
    ]


def get_promise(promise_id: PromiseId) -> Promise:
    found = _records(PromiseRow.id == promise_id, (PromiseRow.id,))
    if not found:
        raise NotFound(_("There is no promise number {id}.").format(id=promise_id))
    return found[0]


def promises_for(customer_id: CustomerId) -> list[Promise]:
    """A customer's promises, latest due first."""
    return _records(
        PromiseRow.customer == customer_id, (PromiseRow.due_at.desc(), PromiseRow.id.desc())
    )


# A customer's pending promises (`open_promises`), written out: a statement asks for
# them every time, and peewee took longer to compile the joined query than the server
# took to answer it. `PromiseRow.raw` still reads each column as its field does.
_PENDING_SQL = (
    "SELECT p.*, s.id AS replaced_by, r.name AS rep_name FROM promise p "
    "LEFT JOIN promise s ON s.replaces_id = p.id LEFT JOIN rep r ON r.id = p.rep_id "
    "WHERE p.customer_id = ? AND p.start_on <= ? AND p.due_on >= ? "
    "AND p.cancelled_at IS NULL ORDER BY p.due_at, p.id"
)


def open_promises(customer_id: CustomerId, as_of: dt.date | None = None) -> list[Promise]:
    """Promises pending on `as_of`: made by then, due then or later, not cancelled or kept."""
    day = PromiseRow.due_on.db_value(as_of or clock.today())
    rows = list(PromiseRow.raw(placeholders(_PENDING_SQL), customer_id, day, day))
    paid = _paid(PromiseRow.id.in_([r.id for r in rows])) if rows else {}
    return [p for p in _promises(rows, paid) if p.status is not PromiseStatus.KEPT]


def open_promised(customer_id: CustomerId) -> Fen:
    """What the customer's open promises still cover (amount less what was paid toward
    them): a new promise for the balance would promise the same money twice."""
    return sum(
        p.amount - p.paid for p in promises_for(customer_id) if p.status is PromiseStatus.OPEN
    )


def promises_due_on(day: dt.date) -> list[Promise]:
    """Every customer's promises due on `day` and not yet kept or cancelled (call list)."""
    where = (PromiseRow.due_on == day) & PromiseRow.cancelled_at.is_null()
    return [
        p
        for p in _records(where, (PromiseRow.due_at, PromiseRow.id))
        if p.status in (PromiseStatus.OPEN, PromiseStatus.BROKEN)
    ]


def next_open_promises() -> dict[CustomerId, Promise]:
    """Each customer's earliest open promise."""
    where = (PromiseRow.due_at >= clock.now()) & PromiseRow.cancelled_at.is_null()
    result: dict[CustomerId, Promise] = {}
    for p in _records(where, (PromiseRow.due_at, PromiseRow.id)):
        if p.status is PromiseStatus.OPEN and p.customer_id not in result:
            result[p.customer_id] = p
    return result


def _validate(customer_id: CustomerId, amount: Fen, due_at: dt.datetime) -> None:
    if not CustomerRow.select().where(CustomerRow.id == customer_id).exists():
        raise NotFound(_("There is no customer number {id}.").format(id=customer_id))
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise InputError(_("The promised amount must be more than zero."))
    if amount > MAX_FEN:
        raise InputError(
            _("The amount is too large: amounts must be below 1,000,000,000,000 yuan.")
        )
    if not isinstance(due_at, dt.datetime):
        raise InputError(_("Give the clearance date and time, such as 2026-12-14 10:00."))
    now = clock.now()
    if due_at <= now:
        raise InputError(_("The agreed clearance time must be later than now."))
    if due_at > now + dt.timedelta(days=MAX_DAYS_AHEAD):
        raise InputError(_("The agreed clearance date is more than a year ahead: check the year."))


def make_promise(
    customer_id: CustomerId,
    amount: Fen,
    due_at: dt.datetime,
    *,
    method: PaymentMethod | None = None,
    payer: str = "",
    rep_id: RepId | None = None,
    note: str = "",
    replaces_id: PromiseId | None = None,
) -> Promise:
    """Record a promise to clear `amount` by `due_at` (local time, later than now)."""
    _validate(customer_id, amount, due_at)
    check_text(payer.strip(), _("Who pays"))
    check_text(note.strip(), _("The note"))
    due_at = due_at.replace(second=0, microsecond=0)
    now = clock.now()
    with transaction():
        last_entry = EntryRow.select(fn.MAX(EntryRow.id)).scalar() or 0
        row = _create(
            after_entry_id=last_entry,
            customer=customer_id,
            amount=amount,
            due_at=due_at,
            start_on=now.date(),
            due_on=due_at.date(),
            method=PaymentMethod(method) if method else None,
            payer=payer.strip(),
            rep=rep_id,
            note=note.strip(),
            created_at=now,
            replaces=replaces_id,
        )
    return get_promise(row.id)


def _create(**fields: object) -> PromiseRow:
    users.require(Action.PROMISE)
    fields["entered_by"] = session.current_user()
    # Another clerk may reschedule the same promise first: promise_replaces_once.
    with refused_as(LedgerError(_("This promise has already been given a new date.")), "replaces"):
        return PromiseRow.create(**fields)


def cancel_promise(promise_id: PromiseId) -> Promise:
    """Cancel an open promise (a broken one stays broken: it happened)."""
    users.require(Action.PROMISE)
    promise = get_promise(promise_id)
    if promise.status is not PromiseStatus.OPEN:
        raise LedgerError(
            _("Only an open promise can be cancelled; this one is {status}.").format(
                status=promise.status.label
            )
        )
    with transaction():
        if not _cancel(promise_id):
            raise LedgerError(
                _refusal(
                    get_promise(promise_id),
                    _("Only an open promise can be cancelled; this one is {status}."),
                )
            )
    return get_promise(promise_id)


def _cancel(promise_id: PromiseId) -> bool:
    """Cancel a promise not yet cancelled, in one statement (a cancellation or a new date
    committed by another clerk meanwhile wins); False when it was already cancelled."""
    return bool(
        PromiseRow.update(cancelled_at=clock.now())
        .where((PromiseRow.id == promise_id) & PromiseRow.cancelled_at.is_null())
        .execute()
    )


def _refusal(promise: Promise, sentence: str) -> str:
    """Why a promise that changed meanwhile was refused (`sentence` takes its status)."""
    if promise.replaced_by_id is not None:
        return _("This promise has already been given a new date.")
    return sentence.format(status=promise.status.label)


def reschedule(
    promise_id: PromiseId,
    due_at: dt.datetime,
    *,
    amount: Fen | None = None,
    method: PaymentMethod | None = None,
    payer: str | None = None,
    note: str = "",
) -> Promise:
    """Agree a new date for a broken (or still open) promise. Returns the new promise.

    The new promise links to the old one. An open promise is cancelled by being
    replaced; a broken one stays broken and keeps counting against the customer.
    """
    old = get_promise(promise_id)
    if old.replaced_by_id is not None:
        raise LedgerError(_("This promise has already been given a new date."))
    if old.status not in (PromiseStatus.OPEN, PromiseStatus.BROKEN):
        raise LedgerError(
            _("Only an open or broken promise can get a new date; this one is {status}.").format(
                status=old.status.label
            )
        )
    outstanding = amount if amount is not None else max(old.amount - old.paid, 1)
    with transaction():
        if old.status is PromiseStatus.OPEN and not _cancel(promise_id):
            raise LedgerError(
                _refusal(
                    get_promise(promise_id),
                    _("Only an open or broken promise can get a new date; this one is {status}."),
                )
            )
        new = make_promise(
            old.customer_id,
            outstanding,
            due_at,
            method=method if method is not None else old.method,
            payer=payer if payer is not None else old.payer,
            rep_id=old.rep_id,
            note=note,
            replaces_id=old.id,
        )
    return new


def mark_printed(promise_id: PromiseId) -> Promise:
    """Count a print of the promise's IOU note; later prints are marked as reprints.

    A read-only ledger prints but cannot count: the note is printed all the same."""
    get_promise(promise_id)
    if is_read_only():
        return get_promise(promise_id)
    with transaction():
        PromiseRow.update(prints=PromiseRow.prints + 1).where(PromiseRow.id == promise_id).execute()
    return get_promise(promise_id)


_WINDOW_SQL = f"""
SELECT p.id, p.customer_id, p.amount, p.due_at, p.method, p.payer, p.rep_id, p.created_at,
  p.note, p.replaces_id, p.cancelled_at, p.prints, r.name,
  (SELECT MIN(s.id) FROM promise s WHERE s.replaces_id = p.id),
  {PAID_SQL}
FROM promise p LEFT JOIN rep r ON r.id = p.rep_id
WHERE p.cancelled_at IS NULL AND (
  (p.due_on >= ? AND p.due_on <= ?)
  OR (p.due_on >= ? AND p.due_on < ?
      AND NOT EXISTS (SELECT 1 FROM promise s WHERE s.customer_id = p.customer_id
                      AND s.created_at > p.created_at)))
ORDER BY p.due_at, p.id
"""
_METHODS = {m.value: m for m in PaymentMethod}


def _moment(value: object) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value  # type: ignore[return-value]
    return dt.datetime.fromisoformat(str(value))


def promises_for_day(
    first: dt.date, last: dt.date, broken_since: dt.date, broken_before: dt.date
) -> list[Promise]:
    """Promises (not cancelled) due from `first` to `last`, and the broken ones due from
    `broken_since` until `broken_before` (not covered, not rescheduled) that no later
    promise of the customer followed, by time: the records `promises_for` gives, in one
    hand-written query (Today and the route sheet read them for a whole ledger at once).
    Broken promises are judged by the day, not the clock: money dated after a promise's
    due date never counts toward it."""
    now = clock.now()
    result = []
    for (pid, cid, amount, due_at, method, payer, rep_id, created_at, note, replaces_id,
         cancelled_at, prints, rep_name, replaced_by, paid) in database.execute_sql(
        placeholders(_WINDOW_SQL), (first, last, broken_since, broken_before)
    ):  # fmt: skip
        amount, paid, due = int(amount), int(paid), _moment(due_at)
        assert due is not None
        if due.date() < first and (paid >= amount or replaced_by is not None):
            continue  # kept or given a new date: no record to build
        if paid >= amount:
            status = PromiseStatus.KEPT
        elif now > due:
            status = PromiseStatus.BROKEN
        else:
            status = PromiseStatus.OPEN
        result.append(
            Promise(
                id=pid,
                customer_id=cid,
                amount=amount,
                due_at=due,
                method=_METHODS[method] if method else None,
                payer=payer,
                rep_id=rep_id,
                created_at=_moment(created_at),  # type: ignore[arg-type]
                status=status,
                paid=paid,
                serial=serial_of(pid),
                note=note,
                replaces_id=replaces_id,
                replaced_by_id=replaced_by,
                cancelled_at=_moment(cancelled_at),
                prints=prints,
                rep_name=rep_name or "",
            )
        )
    return result


_BREAKING_SQL = f"""
SELECT p.customer_id, COUNT(*) FROM promise p
WHERE p.due_on >= ? AND p.due_at < ? AND p.cancelled_at IS NULL AND p.amount > {PAID_SQL}
  {{customer}}
GROUP BY p.customer_id HAVING COUNT(*) >= ?
"""


def broken_counts(
    since: dt.date, customer_id: CustomerId | None = None, *, at_least: int = 1
) -> dict[CustomerId, int]:
    """How many promises each customer broke with a due date from `since` until now
    (past due, not cancelled, not covered: see `_status`), for the customers with at
    least `at_least` of them, in one query."""
    params: list[object] = [since, clock.now()]
    if customer_id is not None:
        params.append(customer_id)
    sql = _BREAKING_SQL.format(customer="AND p.customer_id = ?" if customer_id is not None else "")
    found = database.execute_sql(placeholders(sql), (*params, at_least))
    return {cid: int(n) for cid, n in found}


def frequent_breakers(since: dt.date, at_least: int = 2) -> dict[CustomerId, int]:
    """Customers who broke at least `at_least` promises due from `since` until now."""
    return broken_counts(since, at_least=at_least)


def promised_between(first: dt.date, last: dt.date) -> Fen:
    """The amount of the promises (not cancelled) due from `first` to `last`."""
    total = (
        PromiseRow.select(fn.SUM(PromiseRow.amount))
        .where(
            (PromiseRow.due_on >= first)
            & (PromiseRow.due_on <= last)
            & PromiseRow.cancelled_at.is_null()
        )
        .scalar()
    )
    return int(total or 0)
