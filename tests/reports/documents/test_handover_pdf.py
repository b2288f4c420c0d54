"""The hand-over printout, read back: the day's payments, then the promises made that
day and the visits recorded for it on that route, and two signature lines with a date
line each (the rep hands over, the clerk receives). Each figure is worked out here."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from models.collecting import visits
from models.collecting.handover import handover
from models.ledger import people, posting, promises, settings
from models.vocabulary import clock
from models.vocabulary.collecting_records import LateReason, VisitOutcome
from models.vocabulary.entry_records import PaymentMethod
from reports.documents.handover import print_handover
from reports.typesetting.fonts import FontSet
from tests.models.helpers import D, make_customer
from tests.reports.helpers import all_text, squash

THU = D(2026, 11, 26)


@pytest.fixture
def day(ledger: str) -> dict[str, int]:
    """城东线 (张伟) on Thursday 26 Nov: A1 pays cash, A2 promises, both are visited; on
    the day before and on another route there is more that must stay off the sheet."""
    settings.save_company(dataclasses.replace(settings.get_company(), name="顺发商贸"))
    a1 = make_customer("A1", "东城王记", route="城东线", rep="张伟")
    a2 = make_customer("A2", "东城李记", route="城东线", rep="张伟")
    b1 = make_customer("B1", "西关陈记", route="城西线", rep="李娜")
    route = people.route_by_name("城东线")
    assert route is not None
    for c in (a1, a2, b1):
        posting.post_delivery(c.id, D(2026, 10, 1), 5_000_00)
    clock.pin(dt.datetime(2026, 11, 25, 17, 0))  # Wednesday: not on Thursday's sheet
    promises.make_promise(a1.id, 100_00, dt.datetime(2026, 11, 28, 10, 0))
    visits.log_visit(a1.id, dt.datetime(2026, 11, 25, 16, 0), VisitOutcome.NOT_THERE)
    clock.pin(dt.datetime(2026, 11, 26, 18, 0))
    posting.post_payment(a1.id, THU, 1_234_50, PaymentMethod.CASH)
    promises.make_promise(
        a2.id, 2_851_28, dt.datetime(2026, 11, 30, 10, 0), method=PaymentMethod.CASH,
        payer="老板娘",
    )  # fmt: skip
    cancelled = promises.make_promise(a2.id, 99_00, dt.datetime(2026, 12, 1, 10, 0))
    promises.cancel_promise(cancelled.id)
    promises.make_promise(b1.id, 700_00, dt.datetime(2026, 11, 30, 10, 0))  # other route
    visits.log_visit(a1.id, dt.datetime(2026, 11, 26, 15, 0), VisitOutcome.PAID)
    visits.log_visit(
        a2.id, dt.datetime(2026, 11, 26, 16, 30), VisitOutcome.PROMISED,
        reason=LateReason.QUALITY, note="说货有破损",
    )  # fmt: skip
    visits.log_visit(b1.id, dt.datetime(2026, 11, 26, 11, 0), VisitOutcome.NOT_THERE)
    return {"route": route.id, "a1": a1.id, "a2": a2.id}


def test_the_days_promises_and_visits_of_the_route(day: dict[str, int]) -> None:
    h = handover(THU, day["route"])
    assert [(p.customer, p.amount, p.payer, p.rep_name) for p in h.promises] == [
        ("A2 东城李记", 2_851_28, "老板娘", "张伟")
    ]
    assert [(v.customer, f"{v.at:%H:%M}", v.outcome) for v in h.visits] == [
        ("A1 东城王记", "15:00", VisitOutcome.PAID),
        ("A2 东城李记", "16:30", VisitOutcome.PROMISED),
    ]
    every = handover(THU)  # all routes: 西关陈记's promise and visit too
    assert len(every.promises) == 2 and len(every.visits) == 3


def test_the_printout_has_promises_visits_and_two_signatures(
    day: dict[str, int], cjk_fonts: FontSet, tmp_path: Path
) -> None:
    h = handover(THU, day["route"])
    out = print_handover(h, settings.get_company(), tmp_path / "h.pdf", lang="zh")
    text = squash(all_text(out))
    collected = 1_234_50  # A1's cash, the day's only payment on the route
    assert f"实收合计{collected // 100:,}.{collected % 100:02d}" in text
    assert "当日约定（1笔）" in text
    assert squash("A2 东城李记 2,851.28 2026-11-30 10:00 现金 老板娘") in text
    assert "当日拜访记录（2次）" in text
    assert squash("A1 东城王记 15:00") in text and "说货有破损" in text
    assert "质量问题" in text  # the reason given
    assert "700.00" not in text and "西关陈记" not in text and "99.00" not in text
    assert "交款人（业务员）签字" in text and "收款人（文员）签字" in text
    assert text.count("日期") >= 2


def test_an_empty_day_says_none(ledger: str, cjk_fonts: FontSet, tmp_path: Path) -> None:
    h = handover(THU)
    out = print_handover(h, settings.get_company(), tmp_path / "h.pdf", lang="en")
    text = squash(all_text(out))
    assert "Promisesmadethatday(0)None." in text and "Visitsrecorded(0)None." in text
    assert "Handedoverby(salesrep)" in text and "Receivedby(clerk)" in text
