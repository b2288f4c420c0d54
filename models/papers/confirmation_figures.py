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
from models.papers.confirmation_reads import confirmations
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


def _by_customer(found: list[Confirmation]) -> dict[CustomerId, list[Confirmation]]:
    out: dict[CustomerId, list[Confirmation]] = {}
    for c in found:
        out.setdefault(c.statement.customer_id, []).append(c)
    return out


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


def standing(group: list[Confirmation]) -> Confirmation:
    """The statement that stands for a customer (oldest first in `group`): the latest
    whose fate is known, else the latest (still awaiting its reply)."""
    known = [c for c in group if c.state is not ConfirmationState.AWAITING]
    return known[-1] if known else group[-1]


def confirmation_summary(as_of: dt.date) -> ConfirmationSummary:
    """Of the customers who owe on `as_of`: how many have their standing statement
    agreed and the balance they signed for, against the rest (disputed, unanswered,
    awaiting, never sent a statement)."""
    owed = {cid: fen for cid, fen in balances_as_of(as_of).items() if fen > 0}
    groups = _by_customer(confirmations(as_of))
    counts: dict[str, list[int]] = {}
    for cid, fen in owed.items():
        if cid not in groups:
            key, amount = "never_sent", fen
        else:
            st = standing(groups[cid])
            key = {
                ConfirmationState.AGREED: "confirmed",
                ConfirmationState.DISPUTED: "disputed",
                ConfirmationState.UNANSWERED: "unanswered",
                ConfirmationState.AWAITING: "awaiting",
            }[st.state]
            amount = st.statement.balance
        n_amount = counts.setdefault(key, [0, 0])
        n_amount[0] += 1
        n_amount[1] += amount
    fields: dict[str, int] = {}
    for key, (n, amount) in counts.items():
        fields[key] = n
        fields[f"{key}_amount"] = amount
    return ConfirmationSummary(as_of=as_of, **fields)
