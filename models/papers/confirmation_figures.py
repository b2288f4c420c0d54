"""What the screens show of confirmations: open disputes (the customer's page and
Today), statements left unanswered past their reply-by date (Today), a customer's last
confirmed balance, and the review's confirmed vs unconfirmed balances.

Which statement stands for a customer: statements go out on every route day, so an
older one is superseded by a newer. Today chases a customer's *latest* statement only
(the one they hold); the review takes the latest statement whose fate is known
(answered, or past its reply-by date), so a statement printed yesterday does not wipe
last month's signed confirmation before its own reply is due.
"""

from __future__ import annotations

import datetime as dt

from models.ledger.aging import balances_as_of
from models.ledger.settings import get_company
from models.papers.confirmation_reads import confirmations
from models.storage.tables import StatementNoRow, StatementReplyRow
from models.vocabulary.confirmation_records import (
    Confirmation,
    ConfirmationState,
    ConfirmationSummary,
    StatementReply,
)
from models.vocabulary.customer_records import CustomerId


def open_disputes(on: dt.date, customer_id: CustomerId | None = None) -> list[StatementReply]:
    """Disputes with no outcome yet on `on` (the current replies that say 不符), oldest
    first. A dispute stays open whatever was printed since: it is a register entry."""
    return [
        c.reply
        for c in confirmations(on, customer_id, only="disputed")
        if c.reply is not None and c.reply.is_open_dispute
    ]


def unanswered(on: dt.date, customer_id: CustomerId | None = None) -> list[Confirmation]:
    """Customers whose latest statement had no reply by its reply-by date (before
    `on`), oldest reply-by first."""
    latest = confirmations(on, customer_id, only="latest")
    out = [c for c in latest if c.state is ConfirmationState.UNANSWERED]
    return sorted(out, key=lambda c: (c.statement.reply_by, c.statement.statement_id))


def last_confirmed(customer_id: CustomerId, on: dt.date) -> StatementReply | None:
    """The customer's latest agreed statement on `on` (its balance is the last one the
    customer signed for), None when they never agreed one."""
    agreed = [
        c.reply
        for c in confirmations(on, customer_id)
        if c.reply is not None and c.state is ConfirmationState.AGREED
    ]
    return agreed[-1] if agreed else None


def confirmation_summary(as_of: dt.date) -> ConfirmationSummary:
    """Of the customers who owe on `as_of`: how many have their standing statement
    agreed and the balance they signed for, against the rest (disputed, unanswered,
    awaiting, never sent a statement). Read as bare rows: a ledger of 100,000
    statements is summed in a fraction of the time `confirmations` takes."""
    owed = {cid: fen for cid, fen in balances_as_of(as_of).items() if fen > 0}
    end = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time())
    days = dt.timedelta(days=get_company().reply_days)
    current = _current_answers(end)
    standing: dict[CustomerId, tuple[str, int]] = {}
    awaiting: dict[CustomerId, tuple[str, int]] = {}
    query = (
        StatementNoRow.select(
            StatementNoRow.id,
            StatementNoRow.customer,
            StatementNoRow.balance,
            StatementNoRow.created_at,
            StatementNoRow.reply_by,
        )  # fmt: skip
        .where(StatementNoRow.created_at < end)
        .order_by(StatementNoRow.id)
        .tuples()
    )
    for sid, cid, balance, created, reply_by in query:
        if sid in current:
            key = "confirmed" if current[sid] else "disputed"
        else:
            due = _day(reply_by) if reply_by else _day(created) + days
            key = "unanswered" if as_of > due else ""
        if key:
            standing[cid] = (key, balance)  # ids ascend: the latest known wins
        else:
            awaiting[cid] = ("awaiting", balance)
    counts: dict[str, list[int]] = {}
    for cid, fen in owed.items():
        key, amount = standing.get(cid) or awaiting.get(cid) or ("never_sent", fen)
        n_amount = counts.setdefault(key, [0, 0])
        n_amount[0] += 1
        n_amount[1] += amount
    fields: dict[str, int] = {}
    for key, (n, amount) in counts.items():
        fields[key] = n
        fields[f"{key}_amount"] = amount
    return ConfirmationSummary(as_of=as_of, **fields)


def _current_answers(end: dt.datetime) -> dict[int, bool]:
    """Statement id -> whether its current reply (recorded before `end`) is agreed."""
    r = StatementReplyRow
    rows = list(
        r.select(r.id, r.statement, r.agreed, r.replaces)
        .where(r.recorded_at < end)
        .order_by(r.id)
        .tuples()
    )
    replaced = {rep for _id, _sid, _agreed, rep in rows if rep is not None}
    return {sid: bool(agreed) for rid, sid, agreed, _rep in rows if rid not in replaced}


def _day(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
