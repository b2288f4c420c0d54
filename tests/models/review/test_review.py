"""The review's figures against calculations written out here, on a fixed business
(tests/review_data.py; the table there gives each customer's aging)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from models.ledger import ledger, settings
from models.review.measures import collection_effectiveness, countback_days, percent
from models.review.review import entries_behind, review
from models.vocabulary.collecting_records import LateReason
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.entry_records import EntryKind
from tests.models.helpers import D
from tests.review_data import AS_OF, build_review_ledger

# Every debit that is a credit sale (deliveries only), newest first: (date, fen).
DELIVERIES = [
    (D(2026, 11, 20), 400_00),
    (D(2026, 11, 2), 1000_00),
    (D(2026, 10, 20), 300_00),
    (D(2026, 10, 5), 120_00),
    (D(2026, 9, 15), 200_00),
    (D(2026, 7, 1), 100_00),
    (D(2025, 11, 10), 80_00),
]
TOTAL = 750_00 + 649_50 + 600_00 - 30_00
OVERDUE = 350_00 + 649_50 + 480_00


def one_place(value: Fraction) -> Decimal:
    """Round half up to one place, written independently of models.review.measures."""
    tenths = value * 10
    whole = int(tenths)
    if tenths - whole >= Fraction(1, 2):
        whole += 1
    return Decimal(whole) / 10


def countback(receivable: int, as_of: dt.date) -> Decimal:
    """Countback by deliveries (not by days): each delivery's age plus the part of it
    still needed, for deliveries in the 90 days up to `as_of`."""
    remaining = receivable
    for on, amount in DELIVERIES:
        age = (as_of - on).days
        if age >= 90:
            break
        if remaining <= amount:
            return one_place(age + Fraction(remaining, amount))
        remaining -= amount
    raise AssertionError("the fixed data covers the receivable within 90 days")


@pytest.fixture
def ids(ledger_target: None) -> dict[str, int]:
    return build_review_ledger()


def test_totals_buckets_and_overdue(ids: dict[str, int]) -> None:
    r = review(AS_OF)
    assert r.total == TOTAL == sum(ledger.balance(i, AS_OF) for i in ids.values())
    assert r.overdue == OVERDUE
    assert r.buckets == (400_00 + 649_50, 300_00 + 120_00, 50_00, 480_00)
    by_code = {row.code: row for row in r.aging.rows}
    assert by_code["A001"].buckets == (400_00, 300_00, 50_00, 0)
    assert by_code["D004"].balance == -30_00


def test_dso_best_dso_and_add_by_countback(ids: dict[str, int]) -> None:
    r = review(AS_OF)
    # 1,969.50 owed: 6 days to the 400 of 20 Nov … 72 days to 15 Sep's 200, of which
    # 149.50 is needed: 72.7475 days.
    assert r.dso == countback(TOTAL, AS_OF) == Decimal("72.7")
    # Not yet due: 490.00 → 24 days back to 2 Nov's 1,000, of which 90 is needed.
    assert r.best_dso == countback(TOTAL - OVERDUE, AS_OF) == Decimal("24.1")
    assert r.add == Decimal("48.6")


def test_cei_for_the_month(ids: dict[str, int]) -> None:
    r = review(AS_OF)
    opening = sum(ledger.balance(i, D(2026, 10, 31)) for i in ids.values())
    assert opening == 600_00 + 620_00
    sales = 400_00 + 1000_00
    # Collected in November by every means: payments, the tail cut, the return, the
    # write-off (the voided payment nets out).
    collected = 250_00 + 300_00 + 30_00 + 50 + 50_00 + 20_00
    assert opening + sales - TOTAL == collected
    expected = one_place(Fraction(100 * collected, opening + sales - (TOTAL - OVERDUE)))
    assert r.cei == expected == Decimal("30.5")


def test_per_rep_rows_add_up_to_the_ledger(ids: dict[str, int]) -> None:
    r = review(AS_OF)
    reps = {g.name: g for g in r.reps}
    assert set(reps) == {"张伟", "李娜", ""}
    assert sum(g.balance for g in r.reps) == r.total
    assert sum(g.overdue for g in r.reps) == r.overdue
    assert sum(g.customers for g in r.reps) == 4
    zhang, li, nobody = reps["张伟"], reps["李娜"], reps[""]
    assert (zhang.customers, zhang.balance, zhang.overdue) == (2, 720_00, 350_00)
    assert zhang.activity.collected == 250_00 + 30_00
    assert (zhang.activity.promises_made, zhang.activity.promises_kept) == (2, 0)
    assert zhang.activity.promises_broken == 1  # 5 Nov; today's is still open at 09:00
    assert zhang.keep_rate == Decimal("0.0")
    assert zhang.activity.visits == 2
    assert zhang.share_over_60 == percent(50_00, 750_00) == Decimal("6.7")
    assert li.keep_rate == Decimal("100.0")
    assert (li.activity.discounts, li.activity.returns) == (50, 50_00)
    assert (nobody.key, nobody.activity.writeoffs, nobody.activity.collected) == (None, 20_00, 0)
    assert nobody.share_over_60 == Decimal("80.0")
    assert nobody.keep_rate is None  # no promise fell due: no rate, not 0 %


def test_per_route_rows(ids: dict[str, int]) -> None:
    r = review(AS_OF)
    routes = {g.name: g for g in r.routes}
    assert sum(g.balance for g in r.routes) == r.total
    assert routes["城西线"].balance == 649_50 - 30_00
    assert routes["城西线"].activity.collected == 300_00 + 30_00
    assert routes["城东线"].buckets == (400_00, 300_00, 50_00, 0)
    assert r.routes[-1].key is None and r.routes[-1].name == ""


def test_months_and_comparisons(ids: dict[str, int]) -> None:
    r = review(AS_OF)
    assert len(r.months) == 13
    assert r.months[0].start == D(2025, 11, 1) and r.months[-1].end == AS_OF
    assert (r.this_month.collected, r.this_month.delivered) == (580_00, 1400_00)
    assert r.last_month.end == D(2026, 10, 26)
    assert (r.last_month.collected, r.last_month.delivered) == (0, 420_00)
    assert (r.last_year.collected, r.last_year.delivered) == (80_00, 80_00)
    assert sum(m.delivered for m in r.months) == sum(a for _d, a in DELIVERIES)


def test_lists_for_the_boss(ids: dict[str, int]) -> None:
    r = review(AS_OF)
    assert [row.code for row in r.top_debtors] == ["A001", "B002", "C003"]
    assert [(b.row.code, b.broken, b.made) for b in r.broken_promises] == [
        ("A001", 1, 2),
        ("C003", 1, 1),
    ]
    assert [row.code for row in r.over_limit] == ["A001"]
    # The reason given on 1 Aug is older than the 90 days.
    assert [(c.reason, c.visits) for c in r.reasons] == [(LateReason.QUALITY, 2)]
    assert r.reasons[0].customer_ids == tuple(sorted((ids["A001"], ids["C003"])))


def test_entries_behind_a_month_add_up_to_its_figure(ids: dict[str, int]) -> None:
    r = review(AS_OF)
    paid = entries_behind([EntryKind.PAYMENT], r.this_month.start, r.this_month.end)
    assert [e.code for e in paid] == ["D004", "B002", "A001"]  # the voided one is left out
    assert sum(e.amount for e in paid) == r.this_month.collected
    zhang = next(g for g in r.reps if g.name == "张伟")
    mine = entries_behind([EntryKind.PAYMENT], r.month_start, AS_OF, zhang.customer_ids)
    assert sum(e.amount for e in mine) == zhang.activity.collected


def test_other_edges_still_give_the_share_over_60_days(ids: dict[str, int]) -> None:
    settings.save_company(CompanySettings(aging_edges=(45,)))
    r = review(AS_OF)
    assert r.edges == (45,)
    by_code = {row.code: row for row in r.aging.rows}
    assert by_code["A001"].buckets == (700_00, 50_00)
    assert r.over_60[ids["A001"]] == 50_00 and r.over_60[ids["C003"]] == 480_00


def test_as_of_a_past_date(ids: dict[str, int]) -> None:
    r = review(D(2026, 10, 31))
    assert r.total == sum(ledger.balance(i, D(2026, 10, 31)) for i in ids.values())
    assert r.this_month.delivered == 420_00
    # C003's promise of 20 Oct was broken by then; A001's of 5 Nov was not yet due.
    assert [(b.row.code, b.broken) for b in r.broken_promises] == [("C003", 1)]


def test_empty_ledger_has_no_measures(ledger_target: None) -> None:
    r = review(AS_OF)
    assert (r.total, r.dso, r.cei, r.add) == (0, Decimal("0.0"), None, Decimal("0.0"))
    assert r.reps == () and r.top_debtors == ()


@pytest.mark.parametrize(
    ("owed", "sales", "days"),
    [
        (0, [100], Decimal("0.0")),
        (100, [100], Decimal("1.0")),  # exactly today's sales
        (101, [100, 0, 100], Decimal("2.0")),  # a day without sales still counts
        (99, [100], Decimal("1.0")),  # 0.99 rounds half up
        (95, [100], Decimal("1.0")),
        (94, [100], Decimal("0.9")),
        (300, [100, 100], Decimal("3.0")),  # beyond the window at its average
        (100, [0, 0], None),
    ],
)
def test_countback_boundaries(owed: int, sales: list[int], days: Decimal | None) -> None:
    assert countback_days(owed, sales) == days


def test_cei_without_anything_to_collect_is_unknown() -> None:
    assert collection_effectiveness(0, 0, 0, 0) is None
    assert collection_effectiveness(100, 0, 0, 0) == Decimal("100.0")


def test_archived_customers_count_while_they_owe(ids: dict[str, int]) -> None:
    from models.ledger import customers, posting
    from models.vocabulary.customer_records import CustomerDraft
    from models.vocabulary.entry_records import PaymentMethod

    settled = customers.add_customer(CustomerDraft(code="E005", name="早已结清的老客户"))
    posting.post_delivery(settled.id, D(2026, 1, 5), 10_00)
    posting.post_payment(settled.id, D(2026, 2, 5), 10_00, PaymentMethod.CASH)
    customers.set_archived(settled.id)
    customers.set_archived(ids["C003"])  # archived, but still owes 600.00
    r = review(AS_OF)
    codes = {row.code for row in r.aging.rows}
    assert "C003" in codes and "E005" not in codes
    assert r.total == TOTAL
