from __future__ import annotations

import datetime as dt

from models.ledger import aging, customers, posting, promises
from models.vocabulary.customer_records import CustomerDraft, Terms, TermsKind
from models.vocabulary.entry_records import PaymentMethod


def test_post_and_age(ledger: str) -> None:
    c = customers.add_customer(
        CustomerDraft(code="C1", name="东城王记", terms=Terms(TermsKind.DAYS, 30))
    )
    posting.post_delivery(c.id, dt.date(2026, 8, 1), 100_00, doc_no="D1")
    posting.post_delivery(c.id, dt.date(2026, 10, 1), 200_00, doc_no="D2")
    posting.post_payment(c.id, dt.date(2026, 10, 5), 150_00, PaymentMethod.CASH)
    row = aging.age_customer(c.id)
    assert row.balance == 150_00
    assert sum(row.buckets) == 150_00
    p = promises.make_promise(c.id, 150_00, dt.datetime(2026, 11, 28, 10, 0))
    assert p.status.value == "open"
