"""The collection commission: bands by the age of the debt a payment settles (boundary
days), rounding per part, tail cuts and write-offs as the office chooses, and the
month's total against the collections worked out here."""

from __future__ import annotations

import pytest

from models.ledger import posting
from models.ledger.commission_rules import get_commission_rules, save_commission_rules
from models.review.commission import commission
from models.review.review import review
from models.vocabulary.commission_records import CommissionRules
from models.vocabulary.entry_records import EntryKind, PaymentMethod
from models.vocabulary.errors import InputError
from tests.models.helpers import D, make_customer

CASH = PaymentMethod.CASH
NOV = D(2026, 11, 1)


def _rep_line(report, rep: str = "张伟"):  # type: ignore[no-untyped-def]
    (found,) = [r for r in report.reps if r.name == rep]
    return found


@pytest.mark.parametrize(
    ("debit_on", "band", "fen"),
    [
        (D(2026, 10, 2), 0, 1_00),  # 30 days before 11-01: ≤ 30, 1.0 %
        (D(2026, 10, 1), 1, 50),  # 31 days: 0.5 %
        (D(2026, 8, 3), 1, 50),  # 90 days
        (D(2026, 8, 2), 2, 20),  # 91 days: 0.2 %
    ],
)
def test_each_band_from_its_boundary_day(
    ledger_target: None, debit_on: object, band: int, fen: int
) -> None:
    c = make_customer(rep="张伟")
    posting.post_delivery(c.id, debit_on, 100_00)  # type: ignore[arg-type]
    posting.post_payment(c.id, NOV, 100_00, CASH)
    rep = _rep_line(commission(NOV))
    expected = [0, 0, 0]
    expected[band] = 100_00
    assert rep.collected_by_band == tuple(expected)
    assert rep.commission == fen


def test_a_payment_split_over_bands_earns_each_part_its_rate(ledger_target: None) -> None:
    c = make_customer(rep="张伟")
    posting.post_delivery(c.id, D(2026, 7, 1), 300_00)  # 123 days old on 11-01
    posting.post_delivery(c.id, D(2026, 9, 15), 200_00)  # 47 days
    posting.post_delivery(c.id, D(2026, 10, 20), 500_00)  # 12 days
    posting.post_payment(c.id, NOV, 700_00, CASH)
    rep = _rep_line(commission(NOV))
    assert rep.collected_by_band == (200_00, 200_00, 300_00)
    # 200 × 1 % + 200 × 0.5 % + 300 × 0.2 % = 2.00 + 1.00 + 0.60
    assert rep.commission == 3_60


def test_rounding_is_half_up_per_part(ledger_target: None) -> None:
    save_commission_rules(CommissionRules(rates_bp=(100, 50, 20)))
    c = make_customer(rep="张伟")
    posting.post_delivery(c.id, D(2026, 10, 20), 50)
    posting.post_delivery(c.id, D(2026, 10, 21), 50)
    posting.post_delivery(c.id, D(2026, 10, 22), 49)
    posting.post_payment(c.id, NOV, 149, CASH)
    line = _rep_line(commission(NOV)).lines[0]
    # 0.5 fen → 1, 0.5 fen → 1, 0.49 fen → 0: two fen (rounding the whole 1.49 gives 1).
    assert line.commission == 2


def test_paid_in_advance_counts_in_the_youngest_band(ledger_target: None) -> None:
    c = make_customer(rep="张伟")
    posting.post_payment(c.id, NOV, 100_00, CASH)
    rep = _rep_line(commission(NOV))
    assert rep.collected_by_band == (100_00, 0, 0)
    assert rep.commission == 1_00


def _with_tail_cut_and_writeoff() -> None:
    c = make_customer(rep="张伟")
    posting.post_delivery(c.id, D(2026, 10, 20), 1000_00)
    posting.post_delivery(c.id, D(2026, 11, 2), 500_00)
    posting.post_payment(c.id, D(2026, 11, 10), 995_00, CASH)
    posting.post_discount(c.id, D(2026, 11, 10), 5_00)  # the tail of the October delivery
    posting.post_writeoff(c.id, D(2026, 11, 20), 500_00, memo="shop closed")


@pytest.mark.parametrize(
    ("tails", "writeoffs", "expected"),
    [
        (False, False, 9_95),
        (True, False, 9_95 - 5),  # the 5.00 tail at 1 %: 0.05
        (False, True, 9_95 - 5_00),  # the 500.00 written off at 1 %
        (True, True, 9_95 - 5 - 5_00),
    ],
)
def test_tail_cuts_and_writeoffs_deducted_as_chosen(
    ledger_target: None, tails: bool, writeoffs: bool, expected: int
) -> None:
    save_commission_rules(CommissionRules(deduct_tail_cuts=tails, deduct_writeoffs=writeoffs))
    _with_tail_cut_and_writeoff()
    rep = _rep_line(commission(NOV))
    assert rep.collected == 995_00
    assert rep.earned == 9_95
    assert (rep.tail_cuts, rep.writeoffs) == (5_00, 500_00)
    assert rep.commission == expected
    assert rep.deducted == 9_95 - expected


def test_the_month_adds_up_to_its_collections(ledger_target: None) -> None:
    a = make_customer("A1", rep="张伟")
    b = make_customer("B1", rep="李娜")
    c = make_customer("C1")  # no rep
    for cust in (a, b, c):
        posting.post_delivery(cust.id, D(2026, 9, 1), 2000_00)
    posted = [
        posting.post_payment(a.id, D(2026, 10, 31), 100_00, CASH),  # October: not counted
        posting.post_payment(a.id, D(2026, 11, 1), 123_45, CASH),
        posting.post_payment(b.id, D(2026, 11, 15), 678_90, CASH),
        posting.post_payment(c.id, D(2026, 11, 26), 50_01, CASH),
        posting.post_payment(b.id, D(2026, 11, 20), 999_99, CASH),
    ]
    posting.void(posted[-1].id, "wrong customer")
    collected_here = 123_45 + 678_90 + 50_01
    report = commission(D(2026, 11, 17))
    assert (report.start, report.end) == (NOV, D(2026, 11, 30))
    assert report.collected == collected_here
    assert report.collected == review(D(2026, 11, 30)).this_month.collected
    assert sum(sum(r.collected_by_band) for r in report.reps) == collected_here
    assert [r.name for r in report.reps] == sorted(["张伟", "李娜"]) + [""]
    assert report.commission == sum(r.commission for r in report.reps)
    assert all(line.kind is EntryKind.PAYMENT for r in report.reps for line in r.lines)


def test_rules_are_checked_and_kept(ledger_target: None) -> None:
    assert get_commission_rules() == CommissionRules()
    for bad in (
        CommissionRules(edges=(30, 30), rates_bp=(1, 2, 3)),
        CommissionRules(edges=(30, 90), rates_bp=(1, 2)),
        CommissionRules(edges=(0,), rates_bp=(1, 2)),
        CommissionRules(edges=(30,), rates_bp=(10_001, 2)),
        CommissionRules(edges=(30,), rates_bp=(-1, 2)),
    ):
        with pytest.raises(InputError):
            save_commission_rules(bad)
    assert get_commission_rules() == CommissionRules()
    mine = CommissionRules(edges=(15, 45, 120), rates_bp=(150, 100, 50, 0), deduct_tail_cuts=False)
    save_commission_rules(mine)
    assert get_commission_rules() == mine
