"""Several clerks writing at once: the database, not a check before the write, keeps
each rule. Real processes race on a real ledger (SQLite and PostgreSQL); the loser of
each race gets the same sentence the check gives when nobody races."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from models.ledger import cheque_status, customers, entries, posting, promises
from models.ledger.check import check_ledger
from models.storage.tables import ChequeRow, EntryRow, database
from models.vocabulary import clock
from models.vocabulary.customer_records import CustomerDraft
from models.vocabulary.entry_records import ChequeStatus, PaymentMethod
from models.vocabulary.errors import InputError, LedgerError
from tests.models import racers
from tests.models.helpers import D, make_customer

PROCESSES = 3
FIRST_DUE = dt.datetime(2026, 11, 21, 18, 0)  # broken by the pinned day; +10 days: open


def _live_count(customer_id: int) -> Counter[str]:
    voided = {r for (r,) in EntryRow.select(EntryRow.reverses).tuples() if r is not None}
    return Counter(
        e.doc_no
        for e in EntryRow.select().where(
            (EntryRow.customer == customer_id) & EntryRow.reverses.is_null()
        )
        if e.id not in voided
    )


@pytest.mark.parametrize("rounds", [300])
def test_processes_posting_the_same_notes_post_each_once(ledger: str, rounds: int) -> None:
    c = make_customer()
    outcomes = racers.run_racers(racers.post_documents, PROCESSES, ledger, c.id, rounds)
    live = _live_count(c.id)
    assert len(live) == rounds and set(live.values()) == {1}
    for n in range(rounds):
        won = [o[n] for o in outcomes if o[n] == "ok"]
        lost = [o[n] for o in outcomes if o[n] != "ok"]
        assert len(won) == 1
        assert lost == [
            f"Document D{n + 1:04d} is already posted for this customer: void that entry "
            "first if it was wrong."
        ] * (PROCESSES - 1)
    assert check_ledger() == []  # the hash chain held with three writers too


def test_processes_adding_the_same_codes_add_each_once(ledger: str) -> None:
    outcomes = racers.run_racers(racers.add_customers, PROCESSES, ledger, 60)
    assert len(customers.list_customers()) == 60
    for n in range(60):
        column = sorted(o[n] for o in outcomes)
        assert column[-1] == "ok" and column.count("ok") == 1
        assert column[:-1] == [f"The code K{n + 1:04d} is already used by another customer."] * 2


def test_processes_rescheduling_the_same_promises_reschedule_each_once(ledger: str) -> None:
    c = make_customer()
    clock.pin(dt.datetime(2026, 11, 20, 9, 0))  # made earlier: some are broken by now
    ids = [
        promises.make_promise(c.id, 100_00, FIRST_DUE + dt.timedelta(days=n % 2 * 10)).id
        for n in range(30)
    ]
    clock.pin(racers.PINNED)
    outcomes = racers.run_racers(racers.reschedule_promises, PROCESSES, ledger, ids)
    for n, pid in enumerate(ids):
        column = [o[n] for o in outcomes]
        assert column.count("ok") == 1, column
        assert sorted(column)[:-1] == ["This promise has already been given a new date."] * 2
        assert promises.get_promise(pid).replaced_by_id is not None
    successors = [p.replaces_id for p in promises.promises_for(c.id) if p.replaces_id]
    assert sorted(successors) == sorted(ids)


def test_processes_voiding_the_same_entries_void_each_once(ledger: str) -> None:
    c = make_customer()
    ids = [posting.post_delivery(c.id, D(2026, 11, 1), 100 + n).id for n in range(60)]
    outcomes = racers.run_racers(racers.void_entries, PROCESSES, ledger, ids)
    for n in range(60):
        column = sorted(o[n] for o in outcomes)
        assert column == ["This entry has already been voided."] * 2 + ["ok"]
    assert EntryRow.select().where(EntryRow.reverses.is_null(False)).count() == 60
    assert check_ledger() == []


def test_a_document_posted_meanwhile_is_refused_by_the_database(
    ledger: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check saw no copy (another clerk's was not committed yet): the insert itself
    is refused, with the check's sentence, and nothing is written."""
    c = make_customer()
    posting.post_delivery(c.id, D(2026, 11, 1), 100_00, doc_no="SH-7")
    posting.post_return(c.id, D(2026, 11, 1), 10_00, doc_no="TH-7")
    monkeypatch.setattr(posting, "_check_doc_no", lambda *args: None)
    before = EntryRow.select().count()
    with pytest.raises(InputError, match="Document SH-7 is already posted for this customer"):
        posting.post_delivery(c.id, D(2026, 11, 2), 100_00, doc_no="SH-7")
    with pytest.raises(InputError, match="Document TH-7 is already posted"):
        posting.post_return(c.id, D(2026, 11, 2), 10_00, doc_no=" TH-7 ")
    assert EntryRow.select().count() == before
    # A payment or another customer may carry the same number.
    posting.post_payment(c.id, D(2026, 11, 2), 1_00, PaymentMethod.CASH, doc_no="SH-7")
    other = make_customer("C002", "西关李家")
    posting.post_delivery(other.id, D(2026, 11, 2), 100_00, doc_no="SH-7")


def test_a_voided_document_can_be_posted_again_and_again(
    ledger: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = make_customer()
    monkeypatch.setattr(posting, "_check_doc_no", lambda *args: None)  # the database decides
    for _round in range(3):
        entry = posting.post_delivery(c.id, D(2026, 11, 1), 100_00, doc_no="SH-7")
        with pytest.raises(InputError, match="SH-7"):
            posting.post_delivery(c.id, D(2026, 11, 1), 100_00, doc_no="SH-7")
        posting.void(entry.id, "wrong amount")
    assert _live_count(c.id) == Counter()
    assert check_ledger() == []


def test_check_reports_a_document_posted_twice(
    ledger: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = make_customer()
    first = posting.post_delivery(c.id, D(2026, 11, 1), 100_00, doc_no="SH-7")
    # As an older ledger could hold it: the number's key is gone, a second copy got in.
    database.execute_sql(f"DELETE FROM live_document WHERE entry_id = {first.id}")
    monkeypatch.setattr(posting, "_check_doc_no", lambda *args: None)
    second = posting.post_delivery(c.id, D(2026, 11, 2), 100_00, doc_no="SH-7")
    assert (
        f"Document SH-7 is posted 2 times for customer C001 (entries {first.id}, "
        f"{second.id}): void the extra ones." in check_ledger()
    )
    posting.void(second.id, "typed twice")
    assert check_ledger() == []


def test_a_cheque_bounced_meanwhile_keeps_its_status(
    ledger: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A clerk marks a cheque deposited from a stale screen after another bounced it."""
    c = make_customer()
    e = posting.post_payment(c.id, D(2026, 11, 1), 100_00, PaymentMethod.CHEQUE, cheque_no="1")
    stale = ChequeRow.get(ChequeRow.entry == e.id)
    cheque_status.bounce_cheque(e.id)
    monkeypatch.setattr(cheque_status.ChequeRow, "get_or_none", lambda *args: stale)
    with pytest.raises(LedgerError, match="has bounced"):
        cheque_status.set_cheque_status(e.id, ChequeStatus.DEPOSITED)
    monkeypatch.undo()
    assert entries.get_entry(e.id).cheque.status is ChequeStatus.BOUNCED  # type: ignore[union-attr]


def test_a_promise_rescheduled_meanwhile_cannot_be_cancelled(
    ledger: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = make_customer()
    p = promises.make_promise(c.id, 100_00, dt.datetime(2026, 11, 28, 18, 0))
    stale = promises.get_promise(p.id)
    promises.reschedule(p.id, dt.datetime(2026, 11, 30, 18, 0))
    real = promises.get_promise
    for action in (
        lambda: promises.cancel_promise(p.id),
        lambda: promises.reschedule(p.id, dt.datetime(2026, 12, 1, 18, 0)),
    ):
        first_read = iter([stale])  # the screen's stale copy, then what is committed
        monkeypatch.setattr(
            promises, "get_promise", lambda pid, reads=first_read: next(reads, None) or real(pid)
        )
        with pytest.raises(LedgerError, match="already been given a new date"):
            action()
    monkeypatch.undo()
    assert len(promises.promises_for(c.id)) == 2


def test_a_code_taken_meanwhile_is_refused_with_the_checks_sentence(
    ledger: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    customers.add_customer(CustomerDraft(code="C1", name="东城王记"))
    other = customers.add_customer(CustomerDraft(code="C2", name="西关李记"))
    real = customers.validate_draft
    monkeypatch.setattr(customers, "validate_draft", lambda *args, **kw: None)
    with pytest.raises(InputError, match="The code C1 is already used by another customer"):
        customers.add_customer(CustomerDraft(code="C1", name="又一家"))
    with pytest.raises(InputError, match="The code C1 is already used by another customer"):
        customers.update_customer(other.id, CustomerDraft(code="C1", name="西关李记"))
    monkeypatch.setattr(customers, "validate_draft", real)
    assert [x.code for x in customers.list_customers()] == ["C1", "C2"]
