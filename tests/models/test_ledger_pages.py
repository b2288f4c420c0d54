from __future__ import annotations

from models import ledger, posting
from models.records import PaymentMethod
from tests.models.helpers import D, make_customer


def test_pages_carry_the_running_balance(ledger_target: None) -> None:
    c = make_customer()
    ids = []
    for day in range(1, 29):
        ids.append(posting.post_delivery(c.id, D(2026, 10, day), day * 100).id)
        if day % 3 == 0:
            posting.post_payment(c.id, D(2026, 10, day), 250, PaymentMethod.CASH)
    posting.void(ids[4], "typo")
    full = ledger.ledger_page(c.id, 0, 1000, newest_first=False)
    assert full.total == ledger.entry_count(c.id) == 28 + 9 + 1
    running = 0
    for row in full.rows:
        if not row.entry.is_voided and not row.entry.is_reversal:
            running += row.entry.delta
        assert row.balance == running
    assert full.rows[-1].balance == ledger.balance(c.id)
    # newest-first pages of 7 agree with the full listing
    seen = []
    for offset in range(0, full.total, 7):
        seen.extend(ledger.ledger_page(c.id, offset, 7).rows)
    assert [r.balance for r in seen] == [r.balance for r in reversed(full.rows)]
    assert [r.entry.id for r in seen] == [r.entry.id for r in reversed(full.rows)]
