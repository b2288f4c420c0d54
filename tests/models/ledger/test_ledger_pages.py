from __future__ import annotations

from models.ledger import ledger, posting
from models.vocabulary.entry_records import PaymentMethod
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


def test_last_payment_follows_voids(ledger_target: None) -> None:
    from models.ledger.check import check_ledger

    c = make_customer()
    other = make_customer("C002", "西关李家")
    posting.post_delivery(c.id, D(2026, 10, 1), 900_00)
    posting.post_payment(c.id, D(2026, 11, 1), 100_00, PaymentMethod.CASH)
    late = posting.post_payment(c.id, D(2026, 11, 20), 100_00, PaymentMethod.WECHAT)
    posting.post_payment(c.id, D(2026, 11, 5), 100_00, PaymentMethod.CASH)  # back-dated
    assert ledger.last_payment_dates() == {c.id: D(2026, 11, 20)}
    posting.void(late.id, "posted to the wrong shop")
    posting.post_payment(other.id, D(2026, 11, 21), 5_00, PaymentMethod.ALIPAY)
    assert ledger.last_payment_dates() == {c.id: D(2026, 11, 5), other.id: D(2026, 11, 21)}
    assert ledger.last_payment_dates() == ledger.last_payment_dates_from_entries()
    assert check_ledger() == []
