from __future__ import annotations

import datetime as dt

from models.collecting import visits
from models.ledger import credit, ledger, posting, promises
from models.papers import statements
from models.vocabulary import clock
from models.vocabulary.aging_records import WarningKind
from models.vocabulary.collecting_records import LateReason, VisitOutcome
from models.vocabulary.customer_records import Terms, TermsKind
from models.vocabulary.entry_records import PaymentMethod
from tests.models.helpers import D, make_customer


def test_clean_customer_gets_no_warning(ledger_target: None) -> None:
    c = make_customer(credit_limit=5000_00)
    assert credit.check_delivery(c.id, 1000_00) == []


def test_over_limit_overdue_and_broken_promises_warn(ledger_target: None) -> None:
    c = make_customer(terms=Terms(TermsKind.DAYS, 7), credit_limit=1000_00)
    posting.post_delivery(c.id, D(2026, 10, 1), 800_00)
    p = promises.make_promise(c.id, 800_00, dt.datetime(2026, 11, 27, 10, 0))
    clock.pin(dt.datetime(2026, 11, 28, 9, 0))
    assert promises.get_promise(p.id).status.value == "broken"
    warnings = credit.check_delivery(c.id, 300_00)
    kinds = [w.kind for w in warnings]
    assert kinds == [WarningKind.OVER_LIMIT, WarningKind.OVERDUE, WarningKind.BROKEN_PROMISES]
    assert "1,100.00" in warnings[0].message and "1,000.00" in warnings[0].message
    # The excess is said, beside the limit: "over the limit ¥1,000.00" read as "over by".
    assert "100.00 over the credit limit of" in warnings[0].message


def test_statement_period_running_balance_and_aging_as_of(ledger_target: None) -> None:
    c = make_customer(terms=Terms(TermsKind.DAYS, 30))
    posting.post_delivery(c.id, D(2026, 9, 1), 300_00, doc_no="SH1")
    posting.post_delivery(c.id, D(2026, 10, 5), 500_00, doc_no="SH2")
    wrong = posting.post_payment(c.id, D(2026, 10, 10), 50_00, PaymentMethod.CASH)
    posting.void(wrong.id, "typed on the wrong customer")
    posting.post_payment(c.id, D(2026, 10, 20), 300_00, PaymentMethod.TRANSFER)
    posting.post_delivery(c.id, D(2026, 11, 5), 200_00, doc_no="SH3")
    promises.make_promise(c.id, 400_00, dt.datetime(2026, 11, 28, 10, 0))
    st = statements.statement(c.id, D(2026, 10, 1), D(2026, 11, 26), as_of=D(2026, 11, 27))
    assert st.opening_balance == 300_00
    assert st.closing_balance == 700_00 == ledger.balance(c.id)
    kinds = [
        (r.entry.kind.value, r.entry.is_voided, r.entry.is_reversal, r.balance) for r in st.rows
    ]
    assert kinds == [
        ("delivery", False, False, 800_00),
        ("payment", True, False, 800_00),  # voided: listed, does not move the balance
        ("payment", False, True, 800_00),
        ("payment", False, False, 500_00),
        ("delivery", False, False, 700_00),
    ]
    assert st.total_debit == 700_00 and st.total_credit == 300_00
    assert st.as_of == D(2026, 11, 27)
    assert sum(st.aging.buckets) == 700_00
    assert st.aging.overdue == 500_00  # the Oct 5 delivery is past 30 days on Nov 27
    assert [n.promise.amount for n in st.open_promises] == [400_00]


def test_statement_is_aged_at_its_as_of_date_not_the_period_end(ledger_target: None) -> None:
    """An October statement printed for a route day in late November shows what is open
    and overdue on the route day: what was paid and delivered since, and debts that
    crossed their due date and an aging edge after the period closed."""
    c = make_customer(terms=Terms(TermsKind.DAYS, 30))
    posting.post_delivery(c.id, D(2026, 9, 20), 300_00, doc_no="SH1")  # due Oct 20
    posting.post_delivery(c.id, D(2026, 10, 15), 500_00, doc_no="SH2")  # due Nov 14
    posting.post_payment(c.id, D(2026, 11, 5), 300_00, PaymentMethod.CASH)
    posting.post_delivery(c.id, D(2026, 11, 20), 40_00, doc_no="SH3")
    st = statements.statement(c.id, D(2026, 10, 1), D(2026, 10, 31), as_of=D(2026, 11, 25))
    assert st.closing_balance == 800_00  # the period's own figures stop at Oct 31
    # Nov 25: SH1 is paid; SH2 is 41 days old and overdue; SH3 is 5 days old.
    assert (st.aging.balance, st.aging.buckets, st.aging.overdue) == (
        540_00,
        (40_00, 500_00, 0, 0),
        500_00,
    )
    # On Oct 31 the same customer aged differently (so the test tells the dates apart).
    at_period_end = statements.statement(c.id, D(2026, 10, 1), D(2026, 10, 31)).aging
    assert (at_period_end.balance, at_period_end.buckets, at_period_end.overdue) == (
        800_00,
        (500_00, 300_00, 0, 0),
        300_00,
    )


def test_visits_need_a_reason_when_no_money_came(ledger_target: None) -> None:
    import pytest

    from models.vocabulary.errors import InputError

    c = make_customer()
    with pytest.raises(InputError):
        visits.log_visit(c.id, dt.datetime(2026, 11, 26, 8, 0), VisitOutcome.REFUSED)
    v = visits.log_visit(
        c.id,
        dt.datetime(2026, 11, 26, 8, 0),
        VisitOutcome.REFUSED,
        reason=LateReason.QUALITY,
        note="说上批货有破损",
    )
    assert visits.visits_for(c.id) == [v]
    assert visits.reason_counts(D(2026, 11, 1)) == {LateReason.QUALITY: 1}


def test_opening_balance_counts_the_day_before_the_period_not_its_first_day(
    ledger_target: None,
) -> None:
    """The opening balance is what was owed at the end of the day before the period:
    an entry on the period's first day is the period's, one the day before is not;
    entries after the period and a void inside it change nothing."""
    c = make_customer()
    posting.post_delivery(c.id, D(2026, 9, 30), 100_00)  # the day before: opening
    posting.post_delivery(c.id, D(2026, 10, 1), 20_00)  # the first day: the period's
    wrong = posting.post_delivery(c.id, D(2026, 10, 15), 7_00)
    posting.void(wrong.id, "wrong shop")
    posting.post_payment(c.id, D(2026, 10, 31), 1_00, PaymentMethod.CASH)  # the last day
    posting.post_delivery(c.id, D(2026, 11, 1), 999_00)  # after the period
    opening, rows = ledger.ledger_rows(c.id, D(2026, 10, 1), D(2026, 10, 31))
    assert opening == 100_00
    assert [r.balance for r in rows] == [120_00, 120_00, 120_00, 119_00]
    st = statements.statement(c.id, D(2026, 10, 1), D(2026, 10, 31))
    assert (st.opening_balance, st.closing_balance) == (100_00, 119_00)
    # Nothing after the period: the closing balance is the ledger's own.
    later = statements.statement(c.id, D(2026, 10, 1), D(2026, 11, 1))
    assert (later.opening_balance, later.closing_balance) == (100_00, 1118_00)
