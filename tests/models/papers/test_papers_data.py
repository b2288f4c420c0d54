"""What the printed papers need from the ledger: void reasons stored by kind (printed
in each document's language), statement numbers the database issues, and the open
deliveries a statement lists."""

from __future__ import annotations

import threading

import pytest

from models.ledger import cheque_status, entries, ledger, posting
from models.papers import statements
from models.storage import db, schema
from models.vocabulary.entry_records import EntryKind, PaymentMethod
from models.vocabulary.i18n import using_language
from tests.models.helpers import D, make_customer


def _cheque(c, on, amount, number="10203040"):
    return posting.post_payment(
        c.id, on, amount, PaymentMethod.CHEQUE, cheque_no=number, bank="农业银行", due_on=on
    )


def test_a_bounce_prints_in_the_documents_language_and_keeps_what_was_typed(
    ledger_target: None,
) -> None:
    c = make_customer()
    posting.post_delivery(c.id, D(2026, 11, 1), 1000_00)
    typed = _cheque(c, D(2026, 11, 2), 300_00, "111")
    bare = _cheque(c, D(2026, 11, 3), 200_00, "222")
    cheque_status.bounce_cheque(typed.id, "  Insufficient funds 余额不足 ")
    cheque_status.bounce_cheque(bare.id)
    first, second = entries.get_entry(typed.id), entries.get_entry(bare.id)
    assert first.void_reason == "Insufficient funds 余额不足"  # as typed, trimmed
    with using_language("zh"):
        assert first.void_text == "支票 111 跳票：Insufficient funds 余额不足"
        assert second.void_text == "支票 222 跳票"
    with using_language("en"):
        assert first.void_text == "Cheque 111 bounced: Insufficient funds 余额不足"
        assert second.void_text == "Cheque 222 bounced"
    # A reason the user typed for a void is never rewritten.
    pay = posting.post_payment(c.id, D(2026, 11, 4), 1_00, PaymentMethod.CASH)
    posting.void(pay.id, "Cheque 9 bounced: my own words")
    with using_language("zh"):
        assert entries.get_entry(pay.id).void_text == "Cheque 9 bounced: my own words"


def test_old_bounce_sentences_are_migrated_to_their_kind(ledger_target: None) -> None:
    """Ledgers written before schema 5 stored the finished sentence in the screen's
    language; the migration keeps only what the user typed, in either language."""
    c = make_customer()
    posting.post_delivery(c.id, D(2026, 11, 1), 1000_00)
    old = {
        "支票 111 跳票：存款不足": ("111", "存款不足"),
        "Cheque 222 bounced: account closed": ("222", "account closed"),
        "支票 333 跳票": ("333", ""),
        "Cheque 444 bounced": ("444", ""),
        "typed by hand: wrong customer": (None, "typed by hand: wrong customer"),
    }
    ids = {}
    for i, sentence in enumerate(old, start=1):
        number = old[sentence][0] or str(900 + i)
        pay = _cheque(c, D(2026, 11, 1 + i), 10_00, number)
        posting.void(pay.id, sentence)  # as the old version wrote it
        ids[sentence] = pay.id
    database = db.database.obj
    schema.store_reason_kinds(database)
    schema.store_reason_kinds(database)  # idempotent: a second run changes nothing more
    for sentence, (number, typed) in old.items():
        entry = entries.get_entry(ids[sentence])
        assert entry.void_reason == typed
        assert entry.void_kind == ("bounced" if number else "")
    with using_language("en"):
        assert entries.get_entry(ids["支票 111 跳票：存款不足"]).void_text == (
            "Cheque 111 bounced: 存款不足"
        )
    # Entries are immutable again after the migration.
    with pytest.raises(Exception, match="never changed"):
        database.execute_sql("UPDATE entry SET memo = 'x'")


def test_statement_numbers_are_unique_even_when_printed_at_once(ledger: str, tmp_path) -> None:
    c = make_customer()
    posting.post_delivery(c.id, D(2026, 11, 1), 1000_00)
    st = statements.statement(c.id, D(2026, 10, 1), D(2026, 11, 30))
    assert st.number == ""  # a preview is not numbered
    numbers = [statements.issue_number(st).number for _ in range(3)]
    if db.is_postgres():  # several connections at once: the database decides
        found: list[str] = []
        errors: list[BaseException] = []

        def issue() -> None:
            try:  # each thread gets its own connection to the open ledger
                found.append(statements.issue_number(st).number)
            except BaseException as err:  # noqa: BLE001 - reported below
                errors.append(err)
            finally:
                db.close_thread_connection()

        threads = [threading.Thread(target=issue) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors and len(found) == 4
        numbers += found
    assert len(set(numbers)) == len(numbers)
    assert all(n.startswith("DZ-") for n in numbers)


def test_open_deliveries_with_due_dates_and_days_overdue(ledger_target: None) -> None:
    c = make_customer()  # 30-day terms
    posting.post_opening(c.id, D(2026, 9, 1), 100_00)
    posting.post_delivery(c.id, D(2026, 10, 1), 500_00, doc_no="SH-1")
    posting.post_delivery(c.id, D(2026, 11, 20), 300_00, doc_no="SH-2")
    posting.post_payment(c.id, D(2026, 11, 25), 250_00, PaymentMethod.CASH)
    st = statements.statement(c.id, D(2026, 11, 1), D(2026, 11, 30), D(2026, 12, 1))
    items = st.open_items
    # FIFO: the payment settled the opening balance and half of SH-1.
    assert [(i.doc_no, i.open) for i in items] == [("SH-1", 350_00), ("SH-2", 300_00)]
    assert items[0].due_on == D(2026, 10, 31) and items[0].days_overdue == 31
    assert items[1].due_on == D(2026, 12, 20) and items[1].days_overdue == 0
    assert sum(i.open for i in items) == ledger.balance(c.id, D(2026, 12, 1))


def test_the_opening_balance_can_be_the_oldest_open_item(ledger_target: None) -> None:
    c = make_customer()
    posting.post_opening(c.id, D(2026, 9, 1), 100_00)
    st = statements.statement(c.id, D(2026, 11, 1), D(2026, 11, 30))
    assert [i.kind for i in st.open_items] == [EntryKind.OPENING]
    assert st.open_items[0].days_overdue == (D(2026, 11, 30) - D(2026, 9, 1)).days
