"""Confirmations: a customer's reply to a printed statement, recorded by its number;
disputes and their outcomes; statements left unanswered past their reply-by date. On
SQLite and PostgreSQL; the database itself keeps one reply per statement."""

from __future__ import annotations

import dataclasses
import datetime as dt

import peewee as pw
import pytest

from models.ledger import posting, settings
from models.papers import confirmation_figures as figures
from models.papers import confirmations, statements
from models.papers.confirmation_reads import confirmation, parse_statement_number, reply_history
from models.storage.tables import DisputeOutcomeRow, StatementReplyRow
from models.vocabulary import clock
from models.vocabulary.confirmation_records import ConfirmationState, DisputeOutcome
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.errors import InputError, LedgerError, NotFound
from tests.models.helpers import D, act_as, make_customer
from tests.models.papers import reply_racers
from tests.models.racers import PINNED, run_racers


def printed(customer_id: int, on: dt.date) -> str:
    """Print (number) a statement of the customer as of `on`; its number."""
    clock.pin(on)
    st = statements.statement(customer_id, on - dt.timedelta(days=89), on)
    number = statements.issue_number(st).number
    clock.pin(PINNED)
    return number


@pytest.fixture
def owing(ledger_target: None):
    c = make_customer(rep="李业务")
    posting.post_delivery(c.id, D(2026, 11, 1), 1000_00)
    posting.post_payment(c.id, D(2026, 11, 10), 200_00, PaymentMethod.CASH)
    return c


def test_an_agreed_reply_is_recorded_by_whoever_is_signed_in(owing) -> None:
    number = printed(owing.id, D(2026, 11, 20))
    act_as("王会计")
    try:
        reply = confirmations.record_agreed(number)
    finally:
        act_as("")
    assert reply.agreed and reply.recorded_by == "王会计" and reply.difference == 0
    assert confirmation(number, PINNED.date()).state is ConfirmationState.AGREED
    last = figures.last_confirmed(owing.id, PINNED.date())
    assert last is not None and last.statement.balance == 800_00


def test_a_dispute_records_the_difference_the_reason_and_who_handles_it(owing) -> None:
    number = printed(owing.id, D(2026, 11, 20))
    reply = confirmations.record_disputed(number, 750_00, "  少算一张退货单  ")
    assert reply.customer_amount == 750_00 and reply.difference == 750_00 - 800_00
    assert reply.reason == "少算一张退货单" and reply.handler == "李业务"  # the customer's rep
    assert figures.open_disputes(PINNED.date(), owing.id) == [reply]
    named = confirmations.record_disputed(printed(owing.id, D(2026, 11, 21)), 0, "已付清", "张经理")
    assert named.handler == "张经理" and named.difference == -800_00


def test_a_dispute_one_fen_off_our_balance_is_a_dispute_the_same_amount_is_refused(owing) -> None:
    number = printed(owing.id, D(2026, 11, 20))
    with pytest.raises(InputError, match="record the reply as agreed"):
        confirmations.record_disputed(number, 800_00, "核对无误")
    with pytest.raises(InputError, match="Say why"):
        confirmations.record_disputed(number, 799_99, "   ")
    assert reply_history(number) == []  # nothing written
    assert confirmations.record_disputed(number, 799_99, "尾数").difference == -1


@pytest.mark.parametrize(
    "typed", ["DZ-000001", "dz-000001", "DZ000001", "  DZ-000001\r\n", "1", "000001",
              "ＤＺ－０００００１", "DZ 000001"],
)  # fmt: skip
def test_the_number_is_found_however_a_scanner_or_a_clerk_types_it(owing, typed: str) -> None:
    assert printed(owing.id, D(2026, 11, 20)) == "DZ-000001"
    assert confirmations.record_agreed(typed).statement.number == "DZ-000001"


@pytest.mark.parametrize("typed", ["", "DZ-", "abc", "DZ-0", "D-000001", "DZ-1.5"])
def test_what_is_not_a_statement_number_is_refused_with_an_example(typed: str) -> None:
    with pytest.raises(InputError, match="such as DZ-000123"):
        parse_statement_number(typed)


def test_a_number_the_ledger_never_issued_is_refused_and_nothing_written(owing) -> None:
    printed(owing.id, D(2026, 11, 20))
    with pytest.raises(NotFound, match="no statement DZ-000002"):
        confirmations.record_agreed("DZ-000002")
    assert StatementReplyRow.select().count() == 0


def test_a_second_reply_is_refused_unless_it_replaces_the_first_kept_as_history(owing) -> None:
    number = printed(owing.id, D(2026, 11, 20))
    first = confirmations.record_disputed(number, 700_00, "少算退货")
    with pytest.raises(LedgerError, match="already has a reply \\(disputed"):
        confirmations.record_agreed(number)
    second = confirmations.record_agreed(number, replace=True)
    third = confirmations.record_disputed(number, 790_00, "运费", replace=True)
    assert [r.id for r in reply_history(number)] == [first.id, second.id, third.id]
    assert (second.replaces, third.replaces) == (first.id, second.id)
    now = confirmation(number, PINNED.date())
    assert now.reply == third and now.replaced == 2 and now.state is ConfirmationState.DISPUTED
    assert figures.open_disputes(PINNED.date()) == [third]  # the replaced one is history


def test_the_database_refuses_a_second_first_reply_an_edit_and_an_unknown_number(owing) -> None:
    number = printed(owing.id, D(2026, 11, 20))
    reply = confirmations.record_agreed(number)
    row = {"statement": 1, "agreed": True, "recorded_at": clock.now()}
    with pytest.raises(pw.IntegrityError):
        StatementReplyRow.create(**row)  # a second reply that replaces nothing
    with pytest.raises(pw.IntegrityError):
        StatementReplyRow.create(**{**row, "statement": 99})  # a number never issued
    second = StatementReplyRow.create(**{**row, "replaces": reply.id})
    with pytest.raises(pw.IntegrityError):
        StatementReplyRow.create(**{**row, "replaces": reply.id})  # replaced twice
    with pytest.raises(pw.IntegrityError):  # disputed without the customer's amount
        StatementReplyRow.create(**{**row, "agreed": False, "replaces": second.id})
    for change in (
        StatementReplyRow.update(agreed=False).where(StatementReplyRow.id == reply.id),
        StatementReplyRow.delete().where(StatementReplyRow.id == reply.id),
    ):
        with pytest.raises(pw.DatabaseError, match="never changed"):
            change.execute()


def test_two_processes_recording_the_same_slips_record_each_once(ledger: str) -> None:
    c = make_customer()
    posting.post_delivery(c.id, D(2026, 11, 1), 500_00)
    numbers = [printed(c.id, D(2026, 11, 20)) for _ in range(15)]
    outcomes = run_racers(reply_racers.reply_to_statements, 2, ledger, numbers)
    for n, number in enumerate(numbers):
        column = sorted(o[n] for o in outcomes)
        assert column[-1] == "ok" and column.count("ok") == 1, column
        assert column[0].startswith(f"Statement {number} already has a reply (agreed")
        assert len(reply_history(number)) == 1
    # Both replacing the same reply: one replaces it, the other is told to look again.
    outcomes = run_racers(reply_racers.reply_to_statements, 2, ledger, numbers, True)
    for n, number in enumerate(numbers):
        history = reply_history(number)
        won = [o[n] for o in outcomes].count("ok")
        # On SQLite the writers take turns (the second replaces the first's): both win.
        assert len(history) == 1 + won and [r.replaces for r in history][1:] == [
            r.id for r in history[:-1]
        ]
        lost = [o[n] for o in outcomes if o[n] != "ok"]
        assert all("at the same moment" in text for text in lost), lost


def test_a_dispute_is_open_until_it_has_an_outcome_once(owing) -> None:
    number = printed(owing.id, D(2026, 11, 20))
    confirmations.record_disputed(number, 700_00, "退货未扣")
    with pytest.raises(InputError, match="Name the return or discount"):
        confirmations.record_outcome(number, DisputeOutcome.CREDIT_NOTE)
    payment = posting.post_payment(owing.id, D(2026, 11, 25), 1_00, PaymentMethod.CASH)
    with pytest.raises(InputError, match="kind Return / Discount / tail cut"):
        confirmations.record_outcome(number, DisputeOutcome.CREDIT_NOTE, entry_id=payment.id)
    other = make_customer("C002", "别家")
    theirs = posting.post_return(other.id, D(2026, 11, 25), 100_00, doc_no="T9")
    with pytest.raises(InputError, match="another customer's"):
        confirmations.record_outcome(number, DisputeOutcome.CREDIT_NOTE, entry_id=theirs.id)
    assert figures.open_disputes(PINNED.date()) != []
    credit = posting.post_return(owing.id, D(2026, 11, 25), 100_00, doc_no="T1")
    closed = confirmations.record_outcome(
        number, DisputeOutcome.CREDIT_NOTE, entry_id=credit.id, note="退货单补录"
    )
    assert closed.outcome is DisputeOutcome.CREDIT_NOTE and closed.outcome_doc_no == "T1"
    assert figures.open_disputes(PINNED.date()) == []
    with pytest.raises(LedgerError, match="already closed: Credit note posted"):
        confirmations.record_outcome(number, DisputeOutcome.ACCEPTED)
    with pytest.raises(pw.DatabaseError, match="never changed"):
        DisputeOutcomeRow.update(outcome="accepted").execute()


@pytest.mark.parametrize("outcome", [DisputeOutcome.ACCEPTED, DisputeOutcome.WRITTEN_OFF])
def test_accepted_and_written_off_close_a_dispute(owing, outcome: DisputeOutcome) -> None:
    number = printed(owing.id, D(2026, 11, 20))
    confirmations.record_disputed(number, 700_00, "价格不同")
    if outcome is DisputeOutcome.WRITTEN_OFF:
        entry = posting.post_writeoff(owing.id, D(2026, 11, 25), 100_00, memo="差价核销")
        closed = confirmations.record_outcome(number, outcome, entry_id=entry.id)
    else:
        closed = confirmations.record_outcome(number, outcome, note="客户认可")
    assert closed.outcome is outcome and not closed.is_open_dispute
    assert figures.open_disputes(PINNED.date(), owing.id) == []


def test_an_agreed_statement_has_no_dispute_to_close(owing) -> None:
    number = printed(owing.id, D(2026, 11, 20))
    confirmations.record_agreed(number)
    with pytest.raises(InputError, match="no dispute to close"):
        confirmations.record_outcome(number, DisputeOutcome.ACCEPTED)


def test_unanswered_only_the_day_after_the_reply_by_date(owing) -> None:
    number = printed(owing.id, D(2026, 11, 20))  # reply within 7 days: by 27 Nov
    ref = confirmation(number, D(2026, 11, 20)).statement
    assert ref.reply_by == D(2026, 11, 27)
    on_the_day = confirmation(number, D(2026, 11, 27))
    assert on_the_day.state is ConfirmationState.AWAITING
    assert figures.unanswered(D(2026, 11, 27)) == []
    day_after = figures.unanswered(D(2026, 11, 28))
    assert [c.statement.number for c in day_after] == [number]
    assert day_after[0].state is ConfirmationState.UNANSWERED
    # A later statement supersedes it: Today chases the one the customer holds now.
    printed(owing.id, D(2026, 11, 25))
    assert figures.unanswered(D(2026, 11, 28)) == []
    assert len(figures.unanswered(D(2026, 12, 3))) == 1


def test_the_reply_by_date_is_the_one_printed_whatever_settings_say_later(owing) -> None:
    number = printed(owing.id, D(2026, 11, 20))
    settings.save_company(dataclasses.replace(settings.get_company(), reply_days=30))
    assert confirmation(number, D(2026, 11, 20)).statement.reply_by == D(2026, 11, 27)
    later = printed(owing.id, D(2026, 11, 21))
    assert confirmation(later, D(2026, 11, 21)).statement.reply_by == D(2026, 12, 21)


def test_the_review_counts_confirmed_balances_against_unconfirmed(ledger_target: None) -> None:
    """Each customer's standing statement (the latest whose fate is known), counted
    here by hand from what each was sent and answered."""
    owed = {}

    def customer(code: str, fen: int):
        c = make_customer(code, f"店{code}")
        if fen:
            posting.post_delivery(c.id, D(2026, 11, 1), fen)
        owed[code] = fen
        return c

    agreed = customer("A", 100_00)
    confirmations.record_agreed(printed(agreed.id, D(2026, 11, 10)))
    disputed = customer("B", 200_00)
    confirmations.record_disputed(printed(disputed.id, D(2026, 11, 10)), 150_00, "少")
    silent = customer("C", 300_00)
    printed(silent.id, D(2026, 11, 10))  # reply by 17 Nov: unanswered on 26 Nov
    fresh = customer("D", 400_00)
    printed(fresh.id, D(2026, 11, 25))  # reply by 2 Dec: awaiting
    customer("E", 500_00)  # never sent a statement
    settled = customer("F", 0)
    confirmations.record_agreed(printed(settled.id, D(2026, 11, 10)))  # owes nothing now
    signed_then_more = customer("G", 600_00)
    confirmations.record_agreed(printed(signed_then_more.id, D(2026, 11, 10)))
    posting.post_delivery(signed_then_more.id, D(2026, 11, 20), 50_00)
    printed(signed_then_more.id, D(2026, 11, 24))  # awaiting: the signed one stands
    summary = figures.confirmation_summary(PINNED.date())
    assert (summary.confirmed, summary.confirmed_amount) == (2, 100_00 + 600_00)
    assert (summary.disputed, summary.disputed_amount) == (1, 200_00)
    assert (summary.unanswered, summary.unanswered_amount) == (1, 300_00)
    assert (summary.awaiting, summary.awaiting_amount) == (1, 400_00)
    assert (summary.never_sent, summary.never_sent_amount) == (1, 500_00)
    assert summary.unconfirmed == 4 and summary.unconfirmed_amount == 1400_00
    total = sum(owed.values()) + 50_00
    assert summary.confirmed_amount + summary.unconfirmed_amount == total - 50_00
