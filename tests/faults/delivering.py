"""A delivery as the storm's clerks key it: when the credit stop refuses it, the boss
approves it on the spot (nobody signs in to these ledgers: every right) and it posts
with that approval, as the office does (models/ledger/credit_stop.py)."""

from __future__ import annotations

import datetime as dt

from models.ledger import credit_stop, posting
from models.ledger.credit_stop import CreditStopped
from models.vocabulary.entry_records import Entry


def deliver(customer: int, on: dt.date, amount: int, doc: str) -> Entry:
    try:
        return posting.post_delivery(customer, on, amount, doc_no=doc)
    except CreditStopped:
        approval = credit_stop.approve(customer, amount, on=on)
        return posting.post_delivery(customer, on, amount, doc_no=doc, approval=approval.id)
