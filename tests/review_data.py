"""A small fixed business for the review's tests (models, reports, CLI, GUI).

As of 2026-11-26 (the pinned clock) it holds, with 30/60/90 edges:

| code | rep  | route | terms   | balance  | buckets 0-30/31-60/61-90/>90 | overdue  |
| A001 | 张伟 | 城东线 | 30 days | 750.00   | 400 / 300 / 50 / 0            | 350.00   |
| B002 | 李娜 | 城西线 | cash    | 649.50   | 649.50 / 0 / 0 / 0            | 649.50   |
| C003 | —    | —     | monthly | 600.00   | 0 / 120 / 0 / 480             | 480.00   |
| D004 | 张伟 | 城西线 | 30 days | −30.00   | in credit                     | 0        |

The expected figures are worked out by hand in the tests, not by the code under test.
"""

from __future__ import annotations

import datetime as dt

from models.collecting import visits
from models.ledger import posting, promises
from models.vocabulary import clock
from models.vocabulary.collecting_records import LateReason, VisitOutcome
from models.vocabulary.customer_records import Terms, TermsKind
from models.vocabulary.entry_records import PaymentMethod
from tests.models.helpers import D, approved_delivery, make_customer

AS_OF = D(2026, 11, 26)


def build_review_ledger() -> dict[str, int]:
    """Post the fixed business; returns customer ids by code. Leaves the clock at
    2026-11-26 09:00."""
    clock.pin(dt.datetime(2026, 7, 1, 9, 0))
    a = make_customer("A001", "东城王记便利店", credit_limit=500_00, route="城东线", rep="张伟")
    b = make_customer(
        "B002",
        "西门李家超市",
        Terms(TermsKind.CASH),
        credit_limit=1000_00,
        route="城西线",
        rep="李娜",
    )
    c = make_customer("C003", "无人管的老张烟酒", Terms(TermsKind.MONTHLY))
    d = make_customer("D004", "多付了的小店", route="城西线", rep="张伟")
    cash = PaymentMethod.CASH
    posting.post_delivery(a.id, D(2026, 7, 1), 100_00)
    posting.post_opening(c.id, D(2026, 7, 1), 500_00)
    # The same month last year, for the year-on-year comparison.
    clock.pin(dt.datetime(2026, 8, 1, 9, 0))
    posting.post_delivery(c.id, D(2025, 11, 10), 80_00)
    posting.post_payment(c.id, D(2025, 11, 20), 80_00, cash)
    visits.log_visit(
        c.id, dt.datetime(2026, 8, 1, 10, 0), VisitOutcome.REFUSED,
        reason=LateReason.COMPETITOR_TERMS,
    )  # fmt: skip
    clock.pin(dt.datetime(2026, 10, 1, 9, 0))
    posting.post_delivery(a.id, D(2026, 9, 15), 200_00)
    visits.log_visit(
        c.id, dt.datetime(2026, 10, 1, 10, 0), VisitOutcome.PROMISED, reason=LateReason.QUALITY
    )
    promises.make_promise(c.id, 100_00, dt.datetime(2026, 10, 20, 10, 0))
    posting.post_delivery(c.id, D(2026, 10, 5), 120_00)
    approved_delivery(a.id, D(2026, 10, 20), 300_00)  # over the 500.00 limit: approved
    clock.pin(dt.datetime(2026, 11, 1, 9, 0))
    promises.make_promise(a.id, 100_00, dt.datetime(2026, 11, 5, 10, 0))  # broken
    posting.post_payment(d.id, D(2026, 11, 1), 30_00, cash)
    clock.pin(dt.datetime(2026, 11, 2, 9, 0))
    posting.post_delivery(b.id, D(2026, 11, 2), 1000_00)
    promises.make_promise(b.id, 300_00, dt.datetime(2026, 11, 10, 17, 0))  # kept
    clock.pin(dt.datetime(2026, 11, 25, 18, 0))
    bounced = posting.post_payment(c.id, D(2026, 11, 3), 100_00, cash)
    posting.void(bounced.id, "counted twice")
    visits.log_visit(
        a.id, dt.datetime(2026, 11, 5, 11, 0), VisitOutcome.REFUSED, reason=LateReason.QUALITY
    )
    posting.post_payment(b.id, D(2026, 11, 10), 300_00, cash)
    posting.post_discount(b.id, D(2026, 11, 10), 50, memo="抹零")
    visits.log_visit(b.id, dt.datetime(2026, 11, 10, 15, 0), VisitOutcome.PAID)
    posting.post_return(b.id, D(2026, 11, 12), 50_00)
    posting.post_writeoff(c.id, D(2026, 11, 15), 20_00, memo="破损")
    approved_delivery(a.id, D(2026, 11, 20), 400_00)  # over the limit: approved
    visits.log_visit(a.id, dt.datetime(2026, 11, 20, 16, 0), VisitOutcome.NOT_THERE)
    posting.post_payment(a.id, D(2026, 11, 25), 250_00, cash)
    # Made after that payment: it does not count toward it, so it is open at 09:00.
    promises.make_promise(a.id, 200_00, dt.datetime(2026, 11, 26, 17, 0))
    clock.pin(dt.datetime(2026, 11, 26, 9, 0))
    return {"A001": a.id, "B002": b.id, "C003": c.id, "D004": d.id}
