"""Every printed statement and its confirmation as a spreadsheet
(``main.py export confirmations``): one row per statement number, oldest first, under
the header ``statement_no,code,name,period_to,printed_on,reply_by,our_balance,state,
customer_amount,difference,reason,handler,recorded_by,recorded_at,replaced_replies,
outcome,outcome_doc_no,outcome_note,outcome_by,outcome_at``.

``state`` is ``agreed``, ``disputed``, ``unanswered`` (no reply by the reply-by date)
or ``awaiting``; the reply columns are those of the current reply (``replaced_replies``
counts the earlier ones it replaced); ``difference`` is the customer's amount less our
balance. Amounts are numbers, text never a formula (`reports.spreadsheets.safe_export`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from models.papers.confirmation_reads import confirmations
from models.vocabulary import clock
from models.vocabulary.confirmation_records import Confirmation
from reports.spreadsheets.exports import write_table
from reports.spreadsheets.safe_export import Amount, Cell

HEADER = (
    "statement_no", "code", "name", "period_to", "printed_on", "reply_by", "our_balance",
    "state", "customer_amount", "difference", "reason", "handler", "recorded_by",
    "recorded_at", "replaced_replies", "outcome", "outcome_doc_no", "outcome_note",
    "outcome_by", "outcome_at",
)  # fmt: skip


def _when(moment: dt.datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


def confirmation_row(c: Confirmation) -> list[Cell]:
    """One statement's row, in `HEADER`'s order."""
    ref, r = c.statement, c.reply
    row: list[Cell] = [
        ref.number, ref.customer_code, ref.customer_name, ref.period_to, ref.printed_on,
        ref.reply_by, Amount(ref.balance), c.state.value,
    ]  # fmt: skip
    if r is None:
        return [*row, None, None, "", "", "", "", c.replaced, "", "", "", "", ""]
    disputed = not r.agreed and r.customer_amount is not None
    return [
        *row,
        Amount(r.customer_amount) if disputed else None,
        Amount(r.difference) if disputed else None,
        r.reason,
        r.handler,
        r.recorded_by,
        _when(r.recorded_at),
        c.replaced,
        r.outcome.value if r.outcome else "",
        r.outcome_doc_no,
        r.outcome_note,
        r.outcome_by,
        _when(r.outcome_at),
    ]


def export_confirmations(
    out: str | Path, as_of: dt.date | None = None, *, bom: bool = False
) -> tuple[Path, int]:
    """Write every statement printed up to `as_of` (default today) with where its
    confirmation stands to `out` (.csv or .xlsx); the path and the number of rows."""
    found = confirmations(as_of or clock.today())
    return write_table(out, "confirmations", HEADER, (confirmation_row(c) for c in found), bom=bom)
