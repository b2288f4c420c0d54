"""Random sequences of ledger work, checked against an independent shadow after every step.

The office posts deliveries, payments (cash and cheques), returns, tail cuts, write-offs
and opening balances; voids mistakes; cheques bounce; customers promise to clear their
account by a date, the clock moves on, promises come due and broken ones get a new
date. After every step the ledger must agree with a plain-Python recomputation that
shares no code with models/: balances, FIFO aging, promise statuses, and the ledger
history itself (no entry ever changes or disappears).

Runs on SQLite (a new file per example) and on PostgreSQL (schema reset per example).
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from models.ledger import (
    aging,
    cheque_status,
    credit,
    credit_stop,
    customers,
    entries,
    ledger,
    posting,
    promises,
)
from models.ledger import settings as company
from models.ledger.credit_stop import CreditStopped
from models.storage import db
from models.vocabulary import clock
from models.vocabulary.collecting_records import PromiseStatus
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.customer_records import CustomerDraft, Terms
from models.vocabulary.entry_records import (
    ChequeStatus,
    Entry,
    EntryKind,
    LedgerPage,
    PaymentMethod,
)
from models.vocabulary.errors import LedgerError
from tests.conftest import PINNED, postgres_or_skip
from tests.models.ledger.shadow import (
    CREDITS,
    FAR_FUTURE,
    Shadow,
    ShadowEntry,
    ShadowPromise,
    amounts,
    day_offsets,
    expected_aging,
    terms_strategy,
)

PAGE = 7  # rows per ledger page when paging through
POSTINGS = ("delivery", "cash", "cheque", "return", "discount", "writeoff", "opening")


class LedgerMachine(RuleBasedStateMachine):
    kind = "sqlite"

    def __init__(self) -> None:
        super().__init__()
        clock.pin(PINNED)
        self.tmp: Path | None = None
        if self.kind == "postgres":
            db.close_ledger()
            target = postgres_or_skip()
        else:
            self.tmp = Path(tempfile.mkdtemp(prefix="qk-stateful-"))
            target = str(self.tmp / "ledger.qkledger")
        db.open_ledger(target)
        self.shadow = Shadow()
        self.snapshot: dict[int, tuple] = {}
        self.serial = 0

    def teardown(self) -> None:
        db.close_ledger()
        clock.pin(PINNED)
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)

    # --- helpers ----------------------------------------------------------------

    def _doc(self, prefix: str) -> str:
        self.serial += 1
        return f"{prefix}{self.serial:05d}"

    def _customer(self, pick: int) -> int:
        ids = sorted(self.shadow.terms)
        return ids[pick % len(ids)]

    def _record(self, entry_id: int, cid: int, on: dt.date, kind: EntryKind, amount: int) -> None:
        """Note what was posted; the delta follows from the kind alone (an opening
        balance keeps its sign: negative when the customer was in credit)."""
        assert entry_id not in self.shadow.entries, "an entry id was handed out twice"
        delta = -amount if kind in CREDITS else amount
        self.shadow.entries[entry_id] = ShadowEntry(entry_id, cid, on, kind, amount, delta)

    def _standing_ids(self) -> list[int]:
        return sorted(i for i, e in self.shadow.entries.items() if e.standing)

    def _paid_toward(self, p: ShadowPromise) -> int:
        return sum(
            -e.delta
            for e in self.shadow.entries.values()
            if e.standing
            and e.customer_id == p.customer_id
            and e.kind in (EntryKind.PAYMENT, EntryKind.DISCOUNT)
            and p.created.date() <= e.date <= p.due_at.date()
            and (e.date > p.created.date() or e.id > p.after_entry)
        )

    def _expected_status(self, p: ShadowPromise) -> PromiseStatus:
        if p.cancelled:
            return PromiseStatus.CANCELLED
        if self._paid_toward(p) >= p.amount:
            return PromiseStatus.KEPT
        if clock.now() > p.due_at:
            return PromiseStatus.BROKEN
        return PromiseStatus.OPEN

    def _broken_since(self, cid: int, since: dt.date) -> int:
        """Promises the customer broke with a due date from `since` (replaced ones too)."""
        return sum(
            1
            for p in self.shadow.promises.values()
            if p.customer_id == cid
            and p.due_at.date() >= since
            and self._expected_status(p) is PromiseStatus.BROKEN
        )

    def _deliver(self, cid: int, on: dt.date, amount: int) -> Entry:
        """A delivery; to a customer with 2+ broken promises in the 90 days before its
        date it is stopped (no credit limits here), and goes through with the boss's
        approval, which it uses up."""
        since = on - dt.timedelta(days=credit.BROKEN_WINDOW_DAYS)
        if self._broken_since(cid, since) < credit_stop.STOP_BROKEN:
            return posting.post_delivery(cid, on, amount, doc_no=self._doc("D"))
        with pytest.raises(CreditStopped):
            posting.post_delivery(cid, on, amount, doc_no=self._doc("D"))
        approval = credit_stop.approve(cid, amount, on=on)
        e = posting.post_delivery(cid, on, amount, doc_no=self._doc("D"), approval=approval.id)
        assert credit_stop.get_approval(approval.id).entry_id == e.id
        return e

    def _promises_with(self, *statuses: PromiseStatus) -> list[int]:
        return sorted(
            pid
            for pid, p in self.shadow.promises.items()
            if p.replaced_by is None and self._expected_status(p) in statuses
        )

    # --- rules ------------------------------------------------------------------

    @initialize(edges=st.sampled_from([(30, 60, 90), (7, 30), (15, 45, 90, 180)]))
    def choose_edges(self, edges: tuple[int, ...]) -> None:
        if edges != CompanySettings().aging_edges:
            company.save_company(CompanySettings(aging_edges=edges))

    @initialize(terms=st.lists(terms_strategy, min_size=1, max_size=3))
    def add_customers(self, terms: list[Terms]) -> None:
        for n, t in enumerate(terms, start=1):
            c = customers.add_customer(CustomerDraft(code=f"C{n:03d}", name=f"客户{n}", terms=t))
            assert c.terms == t
            self.shadow.terms[c.id] = t

    @rule(
        pick=st.integers(0, 99),
        what=st.sampled_from(POSTINGS),
        days=day_offsets,
        amount=amounts,
        in_credit=st.booleans(),
    )
    def post(self, pick: int, what: str, days: int, amount: int, in_credit: bool) -> None:
        """The office keys in a document: a delivery note, money received (cash or a
        cheque), goods taken back, a tail cut, a bad debt, or an opening balance."""
        on, cid = clock.today() + dt.timedelta(days=days), self._customer(pick)
        if what == "delivery":
            e = self._deliver(cid, on, amount)
        elif what == "cash":
            e = posting.post_payment(cid, on, amount, PaymentMethod.CASH)
        elif what == "cheque":
            e = posting.post_payment(
                cid,
                on,
                amount,
                PaymentMethod.CHEQUE,
                cheque_no=self._doc("CHQ"),
                bank="农业银行",
                written_on=on,
                due_on=on + dt.timedelta(days=30),
            )
            assert e.cheque is not None and e.cheque.status is ChequeStatus.RECEIVED
            self.shadow.cheque_status[e.id] = ChequeStatus.RECEIVED
        elif what == "return":
            e = posting.post_return(cid, on, amount, doc_no=self._doc("R"))
        elif what == "discount":
            e = posting.post_discount(cid, on, amount, memo="抹零")
        elif what == "writeoff":
            e = posting.post_writeoff(cid, on, amount, memo="店已关门")
        else:  # an opening balance from the paper book, before the other entries
            on -= dt.timedelta(days=210)
            amount = -amount if in_credit else amount * 4
            e = posting.post_opening(cid, on, amount, memo="from the paper book")
        self._record(e.id, cid, on, e.kind, amount)

    @precondition(lambda self: any(e.standing for e in self.shadow.entries.values()))
    @rule(pick=st.integers(0, 10_000), reason=st.sampled_from(["typed twice", "wrong customer"]))
    def void(self, pick: int, reason: str) -> None:
        ids = self._standing_ids()
        original = self.shadow.entries[ids[pick % len(ids)]]
        reversal = posting.void(original.id, reason)
        assert reversal.reverses_id == original.id
        assert reversal.void_reason == reason
        assert entries.get_entry(original.id).voided_by_id == reversal.id
        self._add_reversal(original, reversal.id)

    def _add_reversal(self, original: ShadowEntry, reversal_id: int) -> None:
        self.shadow.entries[reversal_id] = ShadowEntry(
            reversal_id,
            original.customer_id,
            original.date,
            original.kind,
            original.amount,
            -original.delta,
            reverses_id=original.id,
        )
        original.voided_by = reversal_id

    @precondition(lambda self: any(not e.standing for e in self.shadow.entries.values()))
    @rule(pick=st.integers(0, 10_000), bounce=st.booleans())
    def second_void_is_refused(self, pick: int, bounce: bool) -> None:
        """A voided entry or a reversal cannot be voided, nor a voided cheque bounce:
        the ledger refuses and nothing is written (the invariants check that)."""
        ids = sorted(i for i, e in self.shadow.entries.items() if not e.standing)
        cheques = [i for i in ids if self.shadow.cheque_status.get(i) is ChequeStatus.RECEIVED]
        with pytest.raises(LedgerError):
            if bounce and cheques:
                cheque_status.bounce_cheque(cheques[pick % len(cheques)])
            else:
                posting.void(ids[pick % len(ids)], "again")

    @precondition(
        lambda self: any(
            s in (ChequeStatus.RECEIVED, ChequeStatus.DEPOSITED) and self.shadow.entries[i].standing
            for i, s in self.shadow.cheque_status.items()
        )
    )
    @rule(pick=st.integers(0, 10_000), deposit_first=st.booleans())
    def bounce(self, pick: int, deposit_first: bool) -> None:
        ids = sorted(
            i
            for i, s in self.shadow.cheque_status.items()
            if s in (ChequeStatus.RECEIVED, ChequeStatus.DEPOSITED)
            and self.shadow.entries[i].standing
        )
        entry_id = ids[pick % len(ids)]
        if deposit_first and self.shadow.cheque_status[entry_id] is ChequeStatus.RECEIVED:
            cheque_status.set_cheque_status(entry_id, ChequeStatus.DEPOSITED)
        reversal = cheque_status.bounce_cheque(entry_id, "余额不足")
        assert reversal.reverses_id == entry_id
        assert "余额不足" in reversal.void_reason
        self.shadow.cheque_status[entry_id] = ChequeStatus.BOUNCED
        self._add_reversal(self.shadow.entries[entry_id], reversal.id)

    @rule(pick=st.integers(0, 99), amount=amounts, minutes=st.integers(1, 60 * 24 * 20))
    def promise(self, pick: int, amount: int, minutes: int) -> None:
        cid = self._customer(pick)
        now = clock.now()
        due = now + dt.timedelta(minutes=minutes)
        p = promises.make_promise(cid, amount, due, method=PaymentMethod.CASH, payer="老板娘")
        assert p.serial == f"QK-{p.id:06d}"
        self.shadow.promises[p.id] = ShadowPromise(
            p.id, cid, amount, now, due, after_entry=max(self.shadow.entries, default=0)
        )
        assert p.status is self._expected_status(self.shadow.promises[p.id])

    @precondition(lambda self: self._promises_with(PromiseStatus.OPEN))
    @rule(
        pick=st.integers(0, 10_000),
        share=st.sampled_from([1, 2, 3]),
        kind=st.sampled_from([EntryKind.PAYMENT, EntryKind.DISCOUNT]),
    )
    def pay_toward_promise(self, pick: int, share: int, kind: EntryKind) -> None:
        """The customer pays (or is let off a tail of) all, half or a third of what is
        still promised, today."""
        ids = self._promises_with(PromiseStatus.OPEN)
        p = self.shadow.promises[ids[pick % len(ids)]]
        amount = max((p.amount - self._paid_toward(p)) // share, 1)
        on = clock.today()
        if kind is EntryKind.PAYMENT:
            e = posting.post_payment(p.customer_id, on, amount, PaymentMethod.WECHAT)
        else:
            e = posting.post_discount(p.customer_id, on, amount, memo="取个整")
        self._record(e.id, p.customer_id, on, kind, amount)

    @rule(minutes=st.integers(1, 60 * 24 * 12))
    def time_passes(self, minutes: int) -> None:
        clock.pin(clock.now() + dt.timedelta(minutes=minutes))

    @precondition(lambda self: self._promises_with(PromiseStatus.OPEN))
    @rule(pick=st.integers(0, 10_000), late=st.sampled_from([0, 1]))
    def deadline_arrives(self, pick: int, late: int) -> None:
        """The clock reaches an open promise's agreed time exactly, or a minute after."""
        ids = self._promises_with(PromiseStatus.OPEN)
        p = self.shadow.promises[ids[pick % len(ids)]]
        clock.pin(p.due_at + dt.timedelta(minutes=late))

    @precondition(lambda self: self._promises_with(PromiseStatus.BROKEN, PromiseStatus.OPEN))
    @rule(pick=st.integers(0, 10_000), minutes=st.integers(1, 60 * 24 * 10))
    def reschedule(self, pick: int, minutes: int) -> None:
        ids = self._promises_with(PromiseStatus.BROKEN, PromiseStatus.OPEN)
        old = self.shadow.promises[ids[pick % len(ids)]]
        was = self._expected_status(old)
        outstanding = max(old.amount - self._paid_toward(old), 1)
        now = clock.now()
        due = now + dt.timedelta(minutes=minutes)
        new = promises.reschedule(old.id, due)
        assert new.replaces_id == old.id
        assert new.amount == outstanding
        old.replaced_by = new.id
        old.cancelled = was is PromiseStatus.OPEN  # replacing an open promise cancels it
        self.shadow.promises[new.id] = ShadowPromise(
            new.id,
            old.customer_id,
            outstanding,
            now,
            due,
            replaces=old.id,
            after_entry=max(self.shadow.entries, default=0),
        )

    @precondition(lambda self: self._promises_with(PromiseStatus.OPEN))
    @rule(pick=st.integers(0, 10_000))
    def cancel(self, pick: int) -> None:
        ids = self._promises_with(PromiseStatus.OPEN)
        p = self.shadow.promises[ids[pick % len(ids)]]
        assert promises.cancel_promise(p.id).status is PromiseStatus.CANCELLED
        p.cancelled = True

    # --- invariants -------------------------------------------------------------

    @invariant()
    def ledger_agrees_with_the_shadow(self) -> None:
        # Each customer's whole ledger, oldest first, read once per step for every check.
        pages = {
            cid: ledger.ledger_page(cid, 0, 100_000, newest_first=False)
            for cid in self.shadow.terms
        }
        self._history_is_append_only(pages)
        self._entries_match_the_shadow(pages)
        self._pages_agree_with_the_whole(pages)
        self._voided_pairs_net_to_zero(pages)
        self._balances_and_aging_agree(pages)
        self._promise_statuses_follow_payments()

    def _history_is_append_only(self, pages: dict[int, LedgerPage]) -> None:
        seen: dict[int, tuple] = {}
        for page in pages.values():
            assert page.total == len(page.rows)
            for row in page.rows:
                e = row.entry
                seen[e.id] = (
                    e.customer_id,
                    e.date,
                    e.kind,
                    e.amount,
                    e.delta,
                    e.doc_no,
                    e.memo,
                    e.method,
                    e.reverses_id,
                    e.void_reason if e.is_reversal else None,
                    e.entered_by,
                    e.created_at,
                    e.lines,
                    (e.cheque.number, e.cheque.bank, e.cheque.written_on, e.cheque.due_on)
                    if e.cheque
                    else None,
                )
        # Nothing written behind our back, nothing lost, nothing changed.
        assert set(seen) == set(self.shadow.entries)
        for entry_id, fields in self.snapshot.items():
            assert seen[entry_id] == fields, f"entry {entry_id} changed"
        self.snapshot = seen

    def _entries_match_the_shadow(self, pages: dict[int, LedgerPage]) -> None:
        for page in pages.values():
            running = 0
            for row in page.rows:
                e, s = row.entry, self.shadow.entries[row.entry.id]
                assert (e.customer_id, e.date, e.kind, e.amount, e.delta) == (
                    s.customer_id,
                    s.date,
                    s.kind,
                    s.amount,
                    s.delta,
                ), e
                assert e.reverses_id == s.reverses_id
                assert e.voided_by_id == s.voided_by
                if s.id in self.shadow.cheque_status:
                    assert e.cheque is not None
                    assert e.cheque.status is self.shadow.cheque_status[s.id]
                if s.standing:
                    running += s.delta
                assert row.balance == running, "running balance on the ledger page is wrong"

    def _pages_agree_with_the_whole(self, pages: dict[int, LedgerPage]) -> None:
        """The screen loads the ledger newest first, a page at a time: each page's running
        balances must be those of the whole ledger."""
        for cid, whole in pages.items():
            rows, offset = [], 0
            while True:
                page = ledger.ledger_page(cid, offset, PAGE)
                assert page.total == whole.total and page.offset == offset
                if not page.rows:
                    break
                rows += page.rows
                offset += PAGE
            assert rows == list(reversed(whole.rows))

    def _voided_pairs_net_to_zero(self, pages: dict[int, LedgerPage]) -> None:
        for page in pages.values():
            by_id = {r.entry.id: r.entry for r in page.rows}
            for e in by_id.values():
                if e.is_reversal:
                    original = by_id[e.reverses_id]
                    assert original.voided_by_id == e.id
                    assert original.delta + e.delta == 0
                    assert (original.date, original.kind, original.amount) == (
                        e.date,
                        e.kind,
                        e.amount,
                    )

    def _balances_and_aging_agree(self, pages: dict[int, LedgerPage]) -> None:
        today = clock.today()
        month_ago = today - dt.timedelta(days=30)
        edges = company.get_company().aging_edges
        report = {r.customer_id: r for r in aging.age_all().rows}
        for cid, terms in self.shadow.terms.items():
            from_db = sum(r.entry.delta for r in pages[cid].rows if r.entry.date <= today)
            standing = [
                e for e in self.shadow.entries.values() if e.customer_id == cid and e.standing
            ]
            want, buckets, overdue, oldest = expected_aging(standing, terms, today, edges)

            assert ledger.balance(cid) == from_db == want
            assert ledger.balance(cid, FAR_FUTURE) == sum(e.delta for e in standing)
            assert ledger.balance(cid, month_ago) == sum(
                e.delta for e in standing if e.date <= month_ago
            )

            row = aging.age_customer(cid)
            assert row.balance == want
            assert list(row.buckets) == buckets, "FIFO aging differs"
            assert sum(row.buckets) == max(want, 0)
            if want <= 0:
                assert set(row.buckets) == {0} and row.overdue == 0
            assert 0 <= row.overdue <= max(want, 0)
            assert row.overdue == overdue, "overdue under the customer's terms differs"
            assert row.oldest_open_days == oldest
            assert report[cid] == row, "the all-customers report disagrees with one customer"

            # Aging as of other dates (a statement's own date) follows the same rules: a
            # month ago, and the last days of the two months before (月结 debits fall due).
            last_month_end = today.replace(day=1) - dt.timedelta(days=1)
            month_end_before = last_month_end.replace(day=1) - dt.timedelta(days=1)
            for as_of in (month_ago, last_month_end, month_end_before):
                past = aging.age_customer(cid, as_of)
                p_balance, p_buckets, p_overdue, _ = expected_aging(standing, terms, as_of, edges)
                assert (past.balance, list(past.buckets), past.overdue) == (
                    p_balance,
                    p_buckets,
                    p_overdue,
                ), as_of

    def _promise_statuses_follow_payments(self) -> None:
        got = {p.id: p for cid in self.shadow.terms for p in promises.promises_for(cid)}
        assert set(got) == set(self.shadow.promises)
        for p in self.shadow.promises.values():
            g = got[p.id]
            assert g.customer_id == p.customer_id
            assert g.status is self._expected_status(p), (g, p)
            assert g.paid == self._paid_toward(p)
            assert g.amount == p.amount and g.due_at == p.due_at.replace(second=0)
            assert g.replaces_id == p.replaces and g.replaced_by_id == p.replaced_by


@pytest.mark.parametrize(
    "kind",
    [
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
    ],
)
def test_random_ledger_work_keeps_every_invariant(kind: str) -> None:
    if kind == "postgres":
        postgres_or_skip()  # skip (or fail under .ci/run) before Hypothesis starts

    class Machine(LedgerMachine):
        pass

    Machine.kind = kind
    # The profile (tests/conftest.py) decides how many examples and whether they are
    # random: a quarter of its examples on SQLite, a tenth on the slower PostgreSQL.
    examples = settings.default.max_examples
    run_state_machine_as_test(
        Machine,
        settings=settings(
            max_examples=max(examples // 4 if kind == "sqlite" else examples // 10, 1),
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
