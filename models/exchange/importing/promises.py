"""Importing payment promises: checking each row and recording the new promises.

A promise with the same customer, amount and clearance time that is not cancelled is
"already recorded"; the same promise twice in one file is an error. Who pays and the rep
default to the customer's own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.exchange.importing.rows import Run, customer_ids
from models.ledger import people, promises
from models.storage.tables import CustomerRow, PromiseRow
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.i18n import _
from models.vocabulary.money import Fen, format_plain, parse_money
from models.vocabulary.parsing import parse_datetime, parse_method


def import_promises(run: Run) -> None:
    """Check every row of a promises file and record each new promise in its savepoint."""
    ids = customer_ids()
    seen: dict[tuple[int, Fen, dt.datetime], int] = {}
    for row in run.rows():
        customer_id = row.customer_id(ids)
        amount = row.parse("amount", parse_money)
        due_at = row.parse("due", parse_datetime)
        method = row.optional("method", parse_method)
        payer, rep_name, note = row.text("payer"), row.text("rep"), row.text("note")
        if row.bad:
            continue
        same = (customer_id, amount, due_at)
        if same in seen:
            row.problem("", _("This is the same promise as row {other}.").format(other=seen[same]))
            continue
        seen[same] = row.number  # type: ignore[index]
        if _promise_exists(customer_id, amount, due_at):  # type: ignore[arg-type]
            run.skip(
                row,
                _("already recorded"),
                row.text("customer_code"),
                format_plain(amount),  # type: ignore[arg-type]  # not None: the row is not bad
                due_at.strftime("%Y-%m-%d %H:%M"),  # type: ignore[union-attr]
            )
            continue
        new_rep = bool(rep_name) and people.rep_by_name(rep_name) is None
        promise = _PromiseDraft(customer_id, amount, due_at, method, payer, rep_name, note)  # type: ignore[arg-type]
        if run.write(row, "due", promise.make):
            run.added += 1
            if new_rep:
                run.created_reps.append(rep_name)


@dataclass(frozen=True)
class _PromiseDraft:
    customer_id: int
    amount: Fen
    due_at: dt.datetime
    method: PaymentMethod | None
    payer: str
    rep_name: str
    note: str

    def make(self) -> None:
        """Record it; who pays and the rep default to the customer's own."""
        customer = CustomerRow.get_by_id(self.customer_id)
        rep_id = people.ensure_rep(self.rep_name).id if self.rep_name else customer.rep_id
        promises.make_promise(
            self.customer_id,
            self.amount,
            self.due_at,
            method=self.method,
            payer=self.payer or customer.payer,
            rep_id=rep_id,
            note=self.note,
        )


def _promise_exists(customer_id: int, amount: Fen, due_at: dt.datetime) -> bool:
    return (
        PromiseRow.select()
        .where(
            (PromiseRow.customer == customer_id)
            & (PromiseRow.amount == amount)
            & (PromiseRow.due_at == due_at)
            & PromiseRow.cancelled_at.is_null()
        )
        .exists()
    )
