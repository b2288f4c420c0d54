"""PostgreSQL reads every owing customer's open debits in one walk down the entry index
(`aging._open_debits_pg`, a page of debits per customer per query); SQLite reads them by
customer (`aging._debits`). Both must give the same rows, item by item: on seeded
random ledgers with voids, returns, payments, several terms and as-of dates before the
last entry, with pages of 1, 2 and 16 debits (a small page makes every walk go on)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

import pytest

from models.ledger import aging, customers, posting
from models.storage import db
from models.vocabulary.customer_records import CustomerDraft, Terms, TermsKind
from models.vocabulary.entry_records import PaymentMethod
from tests.conftest import close_test_ledger, postgres_or_skip

START = dt.date(2026, 5, 1)
LAST = dt.date(2026, 11, 20)
TERMS = (
    Terms(TermsKind.CASH),
    Terms(TermsKind.DAYS, 30),
    Terms(TermsKind.MONTHLY),
    Terms(TermsKind.NEXT),
)


def random_ledger(seed: int, n_customers: int = 12, n_entries: int = 400) -> None:
    """Customers with many small debits (long walks), payments, returns, discounts,
    write-offs, openings and voids of any of them, in random order and dates."""
    rnd = random.Random(seed)
    ids = [
        customers.add_customer(
            CustomerDraft(code=f"R{i:03}", name=f"店{i}", terms=rnd.choice(TERMS))
        ).id
        for i in range(n_customers)
    ]
    voidable: list[int] = []
    for n in range(n_entries):
        cid = rnd.choice(ids)
        on = START + dt.timedelta(days=rnd.randrange((LAST - START).days + 1))
        roll = rnd.random()
        if roll < 0.55:
            entry = posting.post_delivery(cid, on, rnd.randrange(1, 500) * 100, doc_no=f"D{n}")
        elif roll < 0.6:
            entry = posting.post_opening(cid, on, rnd.randrange(1, 2000) * 100)
        elif roll < 0.85:
            entry = posting.post_payment(cid, on, rnd.randrange(1, 900) * 100, PaymentMethod.CASH)
        elif roll < 0.92:
            entry = posting.post_return(cid, on, rnd.randrange(1, 200) * 100, doc_no=f"T{n}")
        elif roll < 0.97:
            entry = posting.post_discount(cid, on, rnd.randrange(1, 50) * 100)
        else:
            entry = posting.post_writeoff(cid, on, rnd.randrange(1, 50) * 100, memo="bad debt")
        voidable.append(entry.id)
        if rnd.random() < 0.06:
            posting.void(voidable.pop(rnd.randrange(len(voidable))), "mistake")


def covering(customer_id: int, balance: int, as_of: dt.date) -> list[tuple]:
    """The per-customer reading, stopped where `age_debits` stops."""
    found, remaining = [], balance
    voided = aging.voided_ids(customer_id)
    for debit in aging._debits(customer_id, as_of, voided):
        if remaining <= 0:
            break
        found.append(debit)
        remaining -= debit[2]
    return found


@pytest.fixture
def pg_ledger() -> Iterator[str]:
    url = postgres_or_skip()
    db.open_ledger(url)
    try:
        yield url
    finally:
        close_test_ledger()


AS_OF = (LAST, LAST + dt.timedelta(days=30), dt.date(2026, 8, 15), START)


@pytest.mark.postgres
@pytest.mark.parametrize("seed", [1, 2])
def test_the_walk_returns_what_each_customers_reading_does(
    pg_ledger: str, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    random_ledger(seed)
    for page in (1, 2, 16):
        monkeypatch.setattr(aging, "_PAGE", page)
        for as_of in AS_OF:
            owed = {c: b for c, b in aging.balances_as_of(as_of).items() if b > 0}
            walked = aging._open_debits_pg(as_of, owed, aging.voided_ids())
            expected = {c: covering(c, b, as_of) for c, b in owed.items()}
            assert {c: rows for c, rows in walked.items()} == {
                c: rows for c, rows in expected.items() if rows
            }, (page, as_of)


@pytest.mark.postgres
def test_a_page_the_server_sends_out_of_order_is_put_in_order(
    pg_ledger: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The arrays follow the page's order as the server reads it; should a server ever
    hand them over in another order, the walk still takes the newest first."""
    random_ledger(4)
    newest = "ORDER BY e.date DESC, e.id DESC LIMIT %(page)s) e"
    assert newest in aging._OPEN_DEBITS_PG
    oldest_first = "ORDER BY e.date DESC, e.id DESC LIMIT %(page)s) e ORDER BY e.date, e.id) e"
    reordered = aging._OPEN_DEBITS_PG.replace(
        "FROM (SELECT e.id, e.date", "FROM (SELECT * FROM (SELECT e.id, e.date"
    ).replace(newest, oldest_first)
    monkeypatch.setattr(aging, "_OPEN_DEBITS_PG", reordered)
    monkeypatch.setattr(aging, "_PAGE", 3)
    owed = {c: b for c, b in aging.balances_as_of(LAST).items() if b > 0}
    walked = aging._open_debits_pg(LAST, owed, aging.voided_ids())
    expected = {c: covering(c, b, LAST) for c, b in owed.items()}
    assert walked == {c: rows for c, rows in expected.items() if rows}


@pytest.mark.postgres
def test_aging_all_at_once_equals_aging_each_customer(
    pg_ledger: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    random_ledger(3)
    monkeypatch.setattr(aging, "_PAGE", 2)
    for as_of in AS_OF:
        report = aging.age_all(as_of)
        assert list(report.rows) == [aging.age_customer(r.customer_id, as_of) for r in report.rows]
    # A few customers (Today's slow ones) walk only their own debits.
    some = customers.list_customers()[:3]
    assert aging.age_customers(some, LAST).rows == tuple(
        aging.age_customer(c.id, LAST) for c in some
    )


@pytest.mark.postgres
@pytest.mark.parametrize("page", [1, 2, 3, 16])
def test_the_walk_stops_where_the_balance_is_exactly_covered(
    pg_ledger: str, page: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(aging, "_PAGE", page)
    c = customers.add_customer(CustomerDraft(code="X1", name="整", terms=TERMS[1]))
    for n, amount in enumerate((100_00, 200_00, 300_00, 400_00, 500_00, 600_00)):
        posting.post_delivery(c.id, START + dt.timedelta(days=n), amount)
    posting.post_payment(c.id, LAST, 100_00 + 200_00 + 300_00, PaymentMethod.CASH)
    walked = aging._open_debits_pg(LAST, {c.id: 1_500_00}, set())
    assert [d[2] for d in walked[c.id]] == [600_00, 500_00, 400_00]
    assert walked == {c.id: covering(c.id, 1_500_00, LAST)}
