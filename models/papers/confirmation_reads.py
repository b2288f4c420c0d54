"""Reading confirmations: a statement number as a scanner or a clerk types it, the
printed statements with their replies, and where each stands on a day.

A statement's reply-by date is the one its slip printed (issue date + the Settings'
reply days, kept with the number); a statement printed before version 12 kept none and
is reckoned from its issue date with today's setting. No reply by then makes it
unanswered (derived, never stored): on the reply-by day itself it is still awaiting.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import peewee as pw

from models.ledger.settings import get_company
from models.papers.statement_numbers import statement_number
from models.storage.tables import (
    CustomerRow,
    DisputeOutcomeRow,
    EntryRow,
    StatementNoRow,
    StatementReplyRow,
)
from models.vocabulary.confirmation_records import (
    Confirmation,
    ConfirmationState,
    DisputeOutcome,
    StatementRef,
    StatementReply,
)
from models.vocabulary.customer_records import CustomerId
from models.vocabulary.errors import InputError, NotFound
from models.vocabulary.i18n import _

# What a scanner or a hand types for DZ-000123: the prefix may be missing, in any case,
# with or without the dash (a Chinese input method may type it full width: NFKC folds).
_NUMBER = re.compile(r"^(?:DZ)?[-_ ]?0*(\d{1,12})$")


def parse_statement_number(text: str) -> int:
    """The statement id of ``DZ-000123`` as typed: ``dz000123``, ``123``, full width
    or with spaces around it. `InputError` when it is not a statement number."""
    folded = unicodedata.normalize("NFKC", text or "").strip().upper().replace(" ", "")
    match = _NUMBER.match(folded.replace("—", "-").replace("–", "-"))
    if not match or int(match[1]) == 0:
        raise InputError(
            _(
                "‘{text}’ is not a statement number: type or scan the number printed on "
                "the slip, such as DZ-000123."
            ).format(text=(text or "").strip())
        )
    return int(match[1])


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _refs(where: object = None) -> dict[int, StatementRef]:
    """The printed statements (all, or those `where` selects) by id."""
    days = get_company().reply_days
    query = StatementNoRow.select(
        StatementNoRow.id,
        StatementNoRow.customer,
        StatementNoRow.period_to,
        StatementNoRow.balance,
        StatementNoRow.created_at,
        StatementNoRow.reply_by,
        CustomerRow.code,
        CustomerRow.name,
    ).join(CustomerRow, on=StatementNoRow.customer == CustomerRow.id)
    if where is not None:
        query = query.where(where)
    found = {}
    for sid, cid, period_to, balance, created, reply_by, code, name in query.order_by(
        StatementNoRow.id
    ).tuples():
        printed = _as_date(created)
        found[sid] = StatementRef(
            number=statement_number(sid),
            statement_id=sid,
            customer_id=cid,
            customer_code=code,
            customer_name=name,
            period_to=_as_date(period_to),
            balance=balance,
            printed_on=printed,
            reply_by=_as_date(reply_by) if reply_by else printed + dt.timedelta(days=days),
        )
    return found


def find_statement(text: str) -> StatementRef:
    """The printed statement numbered `text` (as typed or scanned); `NotFound` if the
    ledger never issued that number."""
    sid = parse_statement_number(text)
    found = _refs(StatementNoRow.id == sid)
    if sid not in found:
        raise NotFound(
            _(
                "There is no statement {number} in this ledger: check the number on the slip "
                "(statements are numbered when printed, not when previewed)."
            ).format(number=statement_number(sid))
        )
    return found[sid]


def _replies(refs: dict[int, StatementRef], where: object = None) -> list[StatementReply]:
    """Every reply to the statements `refs` (those `where` selects), oldest first, with
    its dispute's outcome."""
    if not refs:
        return []
    r, o = StatementReplyRow, DisputeOutcomeRow
    query = (
        r.select(
            r.id,
            r.statement,
            r.agreed,
            r.customer_amount,
            r.reason,
            r.handler,
            r.recorded_by,
            r.recorded_at,
            r.replaces,
            o.outcome,
            o.entry,
            EntryRow.doc_no,
            o.note,
            o.recorded_by,
            o.recorded_at,
        )  # fmt: skip
        .join(o, pw.JOIN.LEFT_OUTER, on=o.reply == r.id)
        .join(EntryRow, pw.JOIN.LEFT_OUTER, on=o.entry == EntryRow.id)
        .order_by(r.id)
    )
    if len(refs) < 500:  # else by the statements' own condition: no long IN list
        query = query.where(r.statement.in_(list(refs)))
    elif where is not None:
        query = query.where(r.statement.in_(StatementNoRow.select(StatementNoRow.id).where(where)))
    out = []
    for row in query.tuples():
        rid, sid, agreed, amount, reason, handler, by, at, replaces = row[:9]
        outcome, entry_id, doc_no, note, outcome_by, outcome_at = row[9:]
        if sid not in refs:
            continue
        out.append(
            StatementReply(
                id=rid,
                statement=refs[sid],
                agreed=bool(agreed),
                customer_amount=amount,
                reason=reason,
                handler=handler,
                recorded_by=by,
                recorded_at=_as_datetime(at),
                replaces=replaces,
                outcome=DisputeOutcome(outcome) if outcome else None,
                outcome_entry_id=entry_id,
                outcome_doc_no=doc_no or "",
                outcome_note=note or "",
                outcome_by=outcome_by or "",
                outcome_at=_as_datetime(outcome_at) if outcome_at else None,
            )
        )
    return out


def _as_datetime(value: object) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _current(replies: list[StatementReply]) -> dict[int, tuple[StatementReply, int]]:
    """Each statement's current reply (the one nobody replaced) and how many it
    replaced, by statement id."""
    replaced = {r.replaces for r in replies if r.replaces is not None}
    counts: dict[int, int] = {}
    for r in replies:
        counts[r.statement.statement_id] = counts.get(r.statement.statement_id, 0) + 1
    return {
        r.statement.statement_id: (r, counts[r.statement.statement_id] - 1)
        for r in replies
        if r.id not in replaced
    }


def _state(ref: StatementRef, reply: StatementReply | None, on: dt.date) -> ConfirmationState:
    if reply is not None:
        return ConfirmationState.AGREED if reply.agreed else ConfirmationState.DISPUTED
    return ConfirmationState.UNANSWERED if on > ref.reply_by else ConfirmationState.AWAITING


def confirmations(
    on: dt.date,
    customer_id: CustomerId | None = None,
    *,
    statement_id: int | None = None,
    only: str = "",
) -> list[Confirmation]:
    """Every printed statement (of one customer, or one statement) and where its
    confirmation stands on `on`, oldest first. Replies and outcomes recorded after `on`
    do not count yet, nor statements printed after it. `only` narrows the read in the
    database: "disputed" (statements that ever had a disputed reply), "latest" (each
    customer's latest statement)."""
    end = dt.datetime.combine(on + dt.timedelta(days=1), dt.time())
    where = StatementNoRow.created_at < end
    if customer_id is not None:
        where &= StatementNoRow.customer == customer_id
    if statement_id is not None:
        where &= StatementNoRow.id == statement_id
    if only == "disputed":
        disputed = StatementReplyRow.select(StatementReplyRow.statement).where(
            ~StatementReplyRow.agreed & (StatementReplyRow.recorded_at < end)
        )
        where &= StatementNoRow.id.in_(disputed)
    elif only == "latest":
        latest = (
            StatementNoRow.select(pw.fn.MAX(StatementNoRow.id))
            .where(where)
            .group_by(StatementNoRow.customer)
        )
        where &= StatementNoRow.id.in_(latest)
    refs = _refs(where)
    replies = [r for r in _replies(refs, where) if r.recorded_at < end]
    replies = [
        r if r.outcome_at is None or r.outcome_at < end else _without_outcome(r) for r in replies
    ]
    current = _current(replies)
    out = []
    for sid, ref in refs.items():
        reply, replaced = current.get(sid, (None, 0))
        out.append(Confirmation(ref, _state(ref, reply, on), reply, replaced))
    return out


def _without_outcome(reply: StatementReply) -> StatementReply:
    from dataclasses import replace

    return replace(
        reply,
        outcome=None,
        outcome_entry_id=None,
        outcome_doc_no="",
        outcome_note="",
        outcome_by="",
        outcome_at=None,
    )


def confirmation(text: str, on: dt.date) -> Confirmation:
    """Where statement `text` (as typed or scanned) stands on `on`."""
    ref = find_statement(text)
    found = confirmations(max(on, ref.printed_on), statement_id=ref.statement_id)
    return found[0]


def reply_history(text: str) -> list[StatementReply]:
    """Every reply recorded to statement `text`, oldest first (the last is current)."""
    ref = find_statement(text)
    return _replies({ref.statement_id: ref})
