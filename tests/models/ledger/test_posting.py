from __future__ import annotations

import datetime as dt

import pytest

from models.ledger import cheque_status, entries, ledger, posting
from models.vocabulary.entry_records import ChequeStatus, DeliveryLine, EntryKind, PaymentMethod
from models.vocabulary.errors import InputError, LedgerError, NotFound
from models.vocabulary.i18n import using_language
from tests.models.helpers import D, make_customer


def test_each_kind_moves_the_balance_its_way(ledger_target: None) -> None:
    c = make_customer()
    posting.post_opening(c.id, D(2026, 1, 1), 500_00)
    posting.post_delivery(c.id, D(2026, 11, 1), 1000_00, doc_no="SH001")
    posting.post_payment(c.id, D(2026, 11, 2), 300_00, PaymentMethod.WECHAT)
    posting.post_return(c.id, D(2026, 11, 3), 50_00)
    posting.post_discount(c.id, D(2026, 11, 3), 5_00, memo="抹零")
    posting.post_writeoff(c.id, D(2026, 11, 4), 100_00, memo="店已关门")
    assert ledger.balance(c.id) == 500_00 + 1000_00 - 300_00 - 50_00 - 5_00 - 100_00


def test_opening_balance_may_be_a_credit(ledger_target: None) -> None:
    c = make_customer()
    entry = posting.post_opening(c.id, D(2026, 1, 1), -200_00)
    assert entry.delta == -200_00
    assert ledger.balance(c.id) == -200_00


def test_entries_record_who_and_when(ledger_target: None) -> None:
    c = make_customer()
    e = posting.post_delivery(c.id, D(2026, 11, 1), 1_00)
    assert e.entered_by
    assert e.created_at == dt.datetime(2026, 11, 26, 9, 0)


@pytest.mark.parametrize("amount", [0, -5, 10**14 * 100])
def test_bad_amounts_write_nothing(ledger_target: None, amount: int) -> None:
    c = make_customer()
    with pytest.raises(InputError):
        posting.post_delivery(c.id, D(2026, 11, 1), amount)
    assert ledger.entry_count(c.id) == 0


def test_dates_far_off_are_typing_slips(ledger_target: None) -> None:
    c = make_customer()
    with pytest.raises(InputError, match="before 1990"):
        posting.post_delivery(c.id, D(1926, 11, 1), 1_00)
    with pytest.raises(InputError, match="a year ahead"):
        posting.post_delivery(c.id, D(2036, 11, 1), 1_00)


def test_unknown_customer(ledger_target: None) -> None:
    with pytest.raises(NotFound):
        posting.post_delivery(999, D(2026, 11, 1), 1_00)


def test_delivery_lines_must_add_up(ledger_target: None) -> None:
    c = make_customer()
    lines = [
        DeliveryLine("青岛啤酒 500ml×12", "10", 45_00, posting.line_amount("10", 45_00)),
        DeliveryLine("可口可乐 2L", "2.5", 7_99, posting.line_amount("2.5", 7_99)),
    ]
    assert lines[1].amount == 19_98  # 19.975 rounds half up
    e = posting.post_delivery(c.id, D(2026, 11, 1), 469_98, lines=lines)
    assert [ln.product for ln in e.lines] == ["青岛啤酒 500ml×12", "可口可乐 2L"]
    with pytest.raises(InputError, match="add up"):
        posting.post_delivery(c.id, D(2026, 11, 1), 470_00, lines=lines)
    with pytest.raises(InputError, match="quantity"):
        posting.line_amount("two", 1_00)


def test_duplicate_delivery_note_is_refused_until_voided(ledger_target: None) -> None:
    c = make_customer()
    first = posting.post_delivery(c.id, D(2026, 11, 1), 100_00, doc_no="SH-7")
    with pytest.raises(InputError, match="SH-7"):
        posting.post_delivery(c.id, D(2026, 11, 2), 100_00, doc_no="SH-7")
    posting.void(first.id, "wrong customer")
    posting.post_delivery(c.id, D(2026, 11, 2), 100_00, doc_no="SH-7")
    other = make_customer("C002", "西关李家")
    posting.post_delivery(other.id, D(2026, 11, 2), 100_00, doc_no="SH-7")


def test_void_posts_a_linked_reversal_once(ledger_target: None) -> None:
    c = make_customer()
    e = posting.post_delivery(c.id, D(2026, 11, 1), 100_00)
    reversal = posting.void(e.id, "typed twice")
    assert reversal.reverses_id == e.id
    assert reversal.delta == -e.delta
    assert reversal.date == e.date
    assert reversal.void_reason == "typed twice"
    assert entries.get_entry(e.id).voided_by_id == reversal.id
    assert ledger.balance(c.id) == 0
    with pytest.raises(LedgerError, match="already"):
        posting.void(e.id, "again")
    with pytest.raises(LedgerError, match="reversal"):
        posting.void(reversal.id, "undo the undo")
    with pytest.raises(InputError, match="why"):
        posting.void(posting.post_delivery(c.id, D(2026, 11, 2), 1_00).id, "  ")


def test_cheque_needs_number_and_bounces_reopening_the_debt(ledger_target: None) -> None:
    c = make_customer()
    posting.post_delivery(c.id, D(2026, 11, 1), 1000_00)
    with pytest.raises(InputError, match="number"):
        posting.post_payment(c.id, D(2026, 11, 2), 1000_00, PaymentMethod.CHEQUE)
    pay = posting.post_payment(
        c.id,
        D(2026, 11, 2),
        1000_00,
        PaymentMethod.CHEQUE,
        cheque_no="10203040",
        bank="农业银行",
        written_on=D(2026, 11, 2),
        due_on=D(2026, 11, 20),
    )
    assert pay.cheque is not None and pay.cheque.status is ChequeStatus.RECEIVED
    assert ledger.balance(c.id) == 0
    cheque_status.set_cheque_status(pay.id, ChequeStatus.DEPOSITED)
    reversal = cheque_status.bounce_cheque(pay.id, "余额不足")
    # The kind is stored, the typed reason kept as typed; the sentence is made in the
    # language it is shown in.
    assert reversal.void_reason == "余额不足" and reversal.void_kind == "bounced"
    voided = entries.get_entry(pay.id)
    with using_language("zh"):
        assert voided.void_text == "支票 10203040 跳票：余额不足"
    with using_language("en"):
        assert voided.void_text == "Cheque 10203040 bounced: 余额不足"
    assert ledger.balance(c.id) == 1000_00
    assert entries.get_entry(pay.id).cheque.status is ChequeStatus.BOUNCED
    with pytest.raises(LedgerError):
        cheque_status.set_cheque_status(pay.id, ChequeStatus.CLEARED)
    with pytest.raises(LedgerError):
        cheque_status.bounce_cheque(pay.id)
    assert [e.id for e in cheque_status.cheques(ChequeStatus.BOUNCED)] == [pay.id]


def test_cash_cannot_bounce(ledger_target: None) -> None:
    c = make_customer()
    pay = posting.post_payment(c.id, D(2026, 11, 2), 10_00, PaymentMethod.CASH)
    with pytest.raises(NotFound):
        cheque_status.bounce_cheque(pay.id)


def test_writeoff_needs_a_reason(ledger_target: None) -> None:
    c = make_customer()
    with pytest.raises(InputError):
        posting.post_writeoff(c.id, D(2026, 11, 2), 10_00, memo="")


def test_kinds_are_what_was_posted(ledger_target: None) -> None:
    c = make_customer()
    e = posting.post_return(c.id, D(2026, 11, 2), 10_00, doc_no="TH1")
    assert e.kind is EntryKind.RETURN and e.credit == 10_00 and e.debit == 0
