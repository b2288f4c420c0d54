"""Settling a route: a good grid posts everything in one go, one bad row posts nothing,
the tail-cut offer, and a hand-over that matches the entries posted."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from models.collecting import visits
from models.collecting.handover import handover
from models.collecting.settling import (
    SettleRejected,
    SettleRow,
    settle,
    settle_stops,
    shortfall,
    tail_cut_offers,
)
from models.ledger import people, posting, promises, settings
from models.ledger.ledger import balance
from models.vocabulary import clock, i18n
from models.vocabulary.collecting_records import LateReason, VisitOutcome
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.money import format_money
from tests.models.helpers import D, make_customer

THU = D(2026, 11, 26)


@pytest.fixture
def route(ledger_target: None) -> dict:
    rep = people.add_rep("张伟")
    east = people.add_route("城东", (4,), rep.id)
    ids = {}
    for code, owed in (("A1", 1000_00), ("A2", 503_00), ("A3", 800_00), ("A4", 300_00)):
        c = make_customer(code, f"东城{code}", route="城东")
        posting.post_delivery(c.id, D(2026, 10, 1), owed)
        ids[code] = c.id
    clock.pin(dt.datetime(2026, 11, 20, 9, 0))
    promises.make_promise(ids["A2"], 503_00, dt.datetime(2026, 11, 26, 10, 0))
    clock.pin(dt.datetime(2026, 11, 26, 19, 0))  # the rep is back in the evening
    return {"route": east.id, **ids}


def good_grid(r: dict) -> list[SettleRow]:
    return [
        SettleRow(r["A1"], 1000_00, PaymentMethod.CASH),
        SettleRow(r["A2"], 500_00, PaymentMethod.WECHAT, tail_cut=3_00),
        SettleRow(
            r["A3"],
            300_00,
            PaymentMethod.CHEQUE,
            cheque_no="CK-77",
            bank="工行",
            cheque_due=D(2026, 12, 10),
            promise_at=dt.datetime(2026, 11, 30, 10, 0),
        ),  # fmt: skip
        SettleRow(
            r["A4"], promise_at=dt.datetime(2026, 11, 28, 15, 0), reason=LateReason.NOT_SELLING
        ),  # fmt: skip
    ]


def test_a_good_grid_posts_everything(route: dict) -> None:
    done = settle(route["route"], THU, good_grid(route))
    assert done.collected == 1800_00 and len(done.payments) == 3
    assert [e.amount for e in done.tail_cuts] == [3_00]
    assert [(p.amount, p.due_at.day) for p in done.promises] == [(500_00, 30), (300_00, 28)]
    assert [v.outcome for v in done.visits] == [
        VisitOutcome.PAID, VisitOutcome.PAID, VisitOutcome.PART_PAID, VisitOutcome.PROMISED
    ]  # fmt: skip
    assert balance(route["A1"], THU) == 0 and balance(route["A2"], THU) == 0
    assert visits.visits_for(route["A4"])[0].reason is LateReason.NOT_SELLING


def test_one_bad_row_posts_nothing_and_marks_its_cells(route: dict) -> None:
    grid = good_grid(route)
    grid[2] = dataclasses.replace(grid[2], cheque_no="")  # a cheque without its number
    grid[3] = dataclasses.replace(grid[3], reason=None)  # no money, no reason
    with pytest.raises(SettleRejected) as caught:
        settle(route["route"], THU, grid)
    assert set(caught.value.errors) == {2, 3}
    assert "number" in caught.value.errors[2]["cheque_no"]
    assert "reason" in caught.value.errors[3]["reason"]
    assert "2 rows" in str(caught.value)
    assert balance(route["A1"], THU) == 1000_00  # the good rows were not posted either
    assert visits.visits_for(route["A1"]) == []


def test_a_row_failing_while_posting_rolls_back_the_rows_before_it(route: dict) -> None:
    grid = good_grid(route)
    grid[3] = dataclasses.replace(grid[3], promise_at=dt.datetime(2026, 11, 26, 8, 0))  # past
    with pytest.raises(SettleRejected) as caught:
        settle(route["route"], THU, grid)
    assert list(caught.value.errors) == [3] and "promise_at" in caught.value.errors[3]
    assert balance(route["A1"], THU) == 1000_00 and promises.promises_for(route["A3"]) == []


def test_tail_cut_offer_within_the_limit(route: dict) -> None:
    stops = settle_stops(route["route"], THU)
    rows = [
        SettleRow(route["A1"], 995_00, PaymentMethod.CASH),  # 5.00 short: the limit
        SettleRow(route["A2"], 497_99, PaymentMethod.CASH),  # 5.01 short of the promise
        SettleRow(route["A3"], 800_00, PaymentMethod.CASH),  # in full
    ]
    assert tail_cut_offers(stops, rows) == {0: 5_00}
    settings.save_company(dataclasses.replace(settings.get_company(), tail_cut_limit=10_00))
    assert tail_cut_offers(stops, rows) == {0: 5_00, 1: 5_01}


def test_handover_matches_the_entries_posted(route: dict) -> None:
    settle(route["route"], THU, good_grid(route))
    other = make_customer("B1", "别的线路")
    posting.post_payment(other.id, THU, 50_00, PaymentMethod.CASH)
    voided = posting.post_payment(route["A4"], THU, 20_00, PaymentMethod.CASH)
    posting.void(voided.id, "typed twice")
    h = handover(THU, route["route"])
    assert h.total == 1800_00 and h.by_method(PaymentMethod.CASH) == 1000_00
    assert [(p.cheque_no, p.bank, p.amount) for p in h.payments if p.cheque_no] == [
        ("CK-77", "工行", 300_00)
    ]
    assert {(rep, m, n, a) for rep, m, n, a in h.per_rep_and_method()} == {
        ("张伟", PaymentMethod.CASH, 1, 1000_00),
        ("张伟", PaymentMethod.CHEQUE, 1, 300_00),
        ("张伟", PaymentMethod.WECHAT, 1, 500_00),
    }
    assert [c.amount for c in h.tail_cuts] == [3_00]
    assert handover(THU).total == 1850_00  # every route: B1's cash too


def test_handover_prints_and_exports(route: dict, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    from reports.documents.handover import export_handover, print_handover

    grid = good_grid(route)
    settle(route["route"], THU, grid)
    h = handover(THU, route["route"])
    pdf = print_handover(h, settings.get_company(), tmp_path / "h.pdf", lang="zh")
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "交款汇总" in text and "CK-77" in text

    # Each total beside its own label, summed here from the grid the rep handed in.
    def paid(*methods: PaymentMethod) -> str:
        return format_money(sum(r.amount for r in grid if r.method in methods))

    cheques = (PaymentMethod.CHEQUE, PaymentMethod.DRAFT)
    others = [m for m in PaymentMethod if m is not PaymentMethod.CASH and m not in cheques]
    assert f"实收合计{paid(*PaymentMethod)}" in text  # 1,800.00
    assert f"应点现金{paid(PaymentMethod.CASH)}" in text  # 1,000.00: no cheque in the cash
    assert f"支票和汇票{paid(*cheques)}" in text  # 300.00
    assert f"转账、微信、支付宝{paid(*others)}" in text  # 500.00
    assert f"抹零合计{format_money(sum(r.tail_cut for r in grid))}" in text  # 3.00
    out = export_handover(h, tmp_path / "h.csv").read_text(encoding="utf-8-sig")
    assert "CK-77 / 工行 / 2026-12-10" in out and "1,000.00" in out


def _rejected(route: dict, row: SettleRow) -> dict[str, str]:
    with pytest.raises(SettleRejected) as caught:
        settle(route["route"], THU, [row])
    [(_, cells)] = caught.value.errors.items()
    return cells


def test_a_promise_for_part_of_what_is_left(route: dict) -> None:
    """A3 owes 800.00 and pays 300.00: a promise is for 0.01 … 500.00."""
    at = dt.datetime(2026, 11, 30, 10, 0)
    row = SettleRow(route["A3"], 300_00, PaymentMethod.CASH, promise_at=at)
    over = _rejected(route, dataclasses.replace(row, promise_amount=500_01))
    assert over == {"promise_amount": "Only 500.00 is left owing after today: the promise cannot be for more."}  # fmt: skip
    zero = _rejected(route, dataclasses.replace(row, promise_amount=0))
    assert zero == {"promise_amount": "A promised amount must be more than zero."}
    no_date = _rejected(route, dataclasses.replace(row, promise_at=None, promise_amount=1))
    assert no_date == {"promise_at": "Give the new promised date and time."}
    assert not SettleRow(route["A4"], promise_amount=1).empty  # never skipped unread
    assert balance(route["A3"], THU) == 800_00  # nothing posted
    done = settle(route["route"], THU, [dataclasses.replace(row, promise_amount=500_00)])
    assert [p.amount for p in done.promises] == [500_00]
    done = settle(
        route["route"], THU, [SettleRow(route["A4"], promise_at=at, promise_amount=1, reason=LateReason.NOT_SELLING)]
    )  # fmt: skip
    assert [p.amount for p in done.promises] == [1]


def test_a_short_payment_over_the_tail_cut_limit_says_so(route: dict) -> None:
    """A1 owes 1,000.00, the limit is 5.00: 995.00 is offered a tail cut, 994.99 is
    not and its row says what stays owing; the boss may allow it."""
    [a1] = [s for s in settle_stops(route["route"], THU) if s.customer.id == route["A1"]]
    limit = settings.get_company().tail_cut_limit
    assert limit == 5_00
    within = SettleRow(route["A1"], 995_00, PaymentMethod.CASH)
    over = SettleRow(route["A1"], 994_99, PaymentMethod.CASH)
    assert tail_cut_offers([a1], [within, over]) == {0: 5_00}
    fits = shortfall(a1, within, limit)
    assert fits is not None and not fits.over_limit and fits.note() == "Still owes ¥5.00."
    short = shortfall(a1, over, limit)
    assert short is not None and short.over_limit and short.boss_may_allow == 5_01
    assert short.note() == "Still owes ¥5.01 (over the ¥5.00 tail-cut limit)."
    with i18n.using_language("zh"):
        assert short.note() == "还欠 ¥5.01（超出抹零上限 ¥5.00）。"
    assert shortfall(a1, SettleRow(route["A1"]), limit) is None  # no money: no note
    paid = shortfall(a1, SettleRow(route["A1"], 1000_00, PaymentMethod.CASH), limit)
    assert paid is not None and paid.note() == "Paid in full."
    more = shortfall(a1, SettleRow(route["A1"], 1000_01, PaymentMethod.CASH), limit)
    assert more is not None and more.note() == "Paid ¥0.01 more than is owed."
    # An odd tail at most: 100.01 short is a part payment, nothing for the boss to allow.
    part = shortfall(a1, SettleRow(route["A1"], 899_99, PaymentMethod.CASH), limit)
    assert part is not None and part.boss_may_allow == 0 and part.note() == "Still owes ¥100.01."
    odd = shortfall(a1, SettleRow(route["A1"], 900_00, PaymentMethod.CASH), limit)
    assert odd is not None and odd.boss_may_allow == 100_00


def test_the_boss_allows_a_tail_cut_over_the_limit(route: dict) -> None:
    cut = SettleRow(route["A1"], 994_99, PaymentMethod.CASH, tail_cut=5_01)
    assert _rejected(route, cut) == {"tail_cut": "A tail cut must be from 0 to 5.00 (Settings)."}
    too_much = dataclasses.replace(cut, amount=899_99, tail_cut=100_01, boss_allows_cut=True)
    assert set(_rejected(route, too_much)) == {"tail_cut"}  # a discount, not a tail
    more_than_owed = SettleRow(route["A4"], 250_00, PaymentMethod.CASH, tail_cut=50_01, boss_allows_cut=True)  # fmt: skip
    assert set(_rejected(route, more_than_owed)) == {"tail_cut"}
    done = settle(route["route"], THU, [dataclasses.replace(cut, boss_allows_cut=True)])
    [entry] = done.tail_cuts
    assert entry.amount == 5_01 and entry.memo == "Tail cut over the limit, allowed by the boss"
    assert balance(route["A1"], THU) == 0
    [a1] = [
        s for s in settle_stops(route["route"], D(2026, 11, 25)) if s.customer.id == route["A1"]
    ]
    note = shortfall(a1, dataclasses.replace(cut, boss_allows_cut=True), 5_00)
    assert note is not None
    assert note.note() == "Paid in full. Tail cut ¥5.01 allowed by the boss (over the ¥5.00 limit)."
