"""Chasing on a real ledger (both backends): a customer on 30-day terms owes ¥1,000.00
delivered on 1 Oct 2026, due 31 Oct; the default schedule sends a note on 28 Oct, calls
on 31 Oct and visits with the manager on 7 Nov. Expected steps and dates are worked out
by hand here, not by the code under test."""

from __future__ import annotations

import datetime as dt

import pytest

from models.collecting import chasing
from models.collecting.visits import log_visit
from models.ledger import chase_schedule, posting, promises
from models.storage.tables import ChaseDoneRow
from models.vocabulary import clock
from models.vocabulary.chase_records import ChaseAction, ChaseStep
from models.vocabulary.collecting_records import VisitOutcome
from models.vocabulary.customer_records import Terms, TermsKind
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.errors import InputError
from tests.models.helpers import D, make_customer


@pytest.fixture
def owing(ledger_target: None):  # type: ignore[no-untyped-def]
    clock.pin(dt.datetime(2026, 10, 1, 9, 0))
    c = make_customer("C1", "东城王记便利店")
    posting.post_delivery(c.id, D(2026, 10, 1), 1000_00)
    return c


def lines_on(day: dt.date):  # type: ignore[no-untyped-def]
    return [
        (ln.customer.code, ln.step_no, ln.step.action, ln.day) for ln in chasing.chase_lines(day)
    ]


def test_each_step_appears_on_its_day_with_the_reminder(owing) -> None:  # type: ignore[no-untyped-def]
    assert lines_on(D(2026, 10, 27)) == []
    assert lines_on(D(2026, 10, 28)) == [("C1", 1, ChaseAction.NOTE, D(2026, 10, 28))]
    [note] = chasing.chase_lines(D(2026, 10, 28))
    assert "¥1,000.00" in note.text and "10月31日（星期六）" in note.text
    assert note.amount == 1000_00 and note.due_on == D(2026, 10, 31) and not note.done
    assert lines_on(D(2026, 10, 31)) == [("C1", 2, ChaseAction.CALL, D(2026, 10, 31))]
    assert lines_on(D(2026, 11, 6)) == [("C1", 2, ChaseAction.CALL, D(2026, 10, 31))]
    [visit] = chasing.chase_lines(D(2026, 11, 7))
    assert visit.step.action is ChaseAction.VISIT and "经理" in visit.text
    english = chasing.chase_lines(D(2026, 11, 7), lang="en")[0].text
    assert "manager" in english and "¥1,000.00" in english


def _promise_on_the_call_day(customer_id: int):  # type: ignore[no-untyped-def]
    clock.pin(dt.datetime(2026, 10, 31, 10, 0))
    return promises.make_promise(customer_id, 500_00, dt.datetime(2026, 11, 4, 17, 0))


def test_a_live_promise_hides_the_steps_through_its_date(owing) -> None:  # type: ignore[no-untyped-def]
    _promise_on_the_call_day(owing.id)
    assert lines_on(D(2026, 11, 1)) == []
    assert lines_on(D(2026, 11, 4)) == []  # due on the day: still live


@pytest.mark.parametrize(
    ("paid", "expected"),
    [
        (499_99, [("C1", 3, ChaseAction.VISIT, D(2026, 11, 5))]),  # one fen short: broken
        (500_00, [("C1", 2, ChaseAction.CALL, D(2026, 10, 31))]),  # kept: only paused
    ],
)
def test_a_broken_promise_moves_one_step_further_a_kept_one_does_not(owing, paid, expected) -> None:  # type: ignore[no-untyped-def]
    _promise_on_the_call_day(owing.id)
    clock.pin(dt.datetime(2026, 11, 3, 10, 0))
    posting.post_payment(owing.id, D(2026, 11, 3), paid, PaymentMethod.CASH)
    assert lines_on(D(2026, 11, 5)) == expected


def test_a_cancelled_promise_does_not_pause(owing) -> None:  # type: ignore[no-untyped-def]
    p = _promise_on_the_call_day(owing.id)
    promises.cancel_promise(p.id)
    assert lines_on(D(2026, 11, 1)) == [("C1", 2, ChaseAction.CALL, D(2026, 10, 31))]


def test_paid_in_full_ends_the_chase_and_the_next_debt_starts_its_own(owing) -> None:  # type: ignore[no-untyped-def]
    clock.pin(dt.datetime(2026, 11, 2, 9, 0))
    posting.post_delivery(owing.id, D(2026, 11, 2), 300_00)  # due 2 Dec
    posting.post_payment(owing.id, D(2026, 11, 2), 1000_00, PaymentMethod.CASH)
    assert lines_on(D(2026, 11, 2)) == []
    assert lines_on(D(2026, 11, 29)) == [("C1", 1, ChaseAction.NOTE, D(2026, 11, 29))]
    assert chasing.chase_lines(D(2026, 11, 29))[0].amount == 300_00


def test_recording_a_step_done_once_per_day_and_a_visit_counts(owing) -> None:  # type: ignore[no-untyped-def]
    clock.pin(dt.datetime(2026, 10, 31, 15, 0))
    line = chasing.record_step_done(owing.id)
    assert line.step_no == 2 and line.done
    chasing.record_step_done(owing.id)  # twice on a day: one record
    assert ChaseDoneRow.select().count() == 1
    assert not chasing.chase_lines(D(2026, 11, 7))[0].done  # the visit is a new step
    clock.pin(dt.datetime(2026, 11, 8, 11, 0))
    log_visit(owing.id, dt.datetime(2026, 11, 8, 10, 0), VisitOutcome.NOT_THERE)
    assert chasing.chase_lines(D(2026, 11, 8))[0].done


def test_nothing_to_record_before_the_first_step(owing) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="no chasing step"):
        chasing.record_step_done(owing.id, D(2026, 10, 27))
    assert ChaseDoneRow.select().count() == 0


def test_a_group_with_its_own_schedule_uses_it(owing) -> None:  # type: ignore[no-untyped-def]
    monthly = make_customer("M1", "西城超市", terms=Terms(TermsKind.MONTHLY))
    posting.post_delivery(monthly.id, D(2026, 10, 1), 200_00)  # 月结: due 30 Nov
    chase_schedule.save_schedules(
        {
            "": chase_schedule.DEFAULT_STEPS,
            "monthly": (ChaseStep(1, ChaseAction.CALL, "{customer}：{amount}"),),
        }
    )
    assert lines_on(D(2026, 11, 30)) == [("C1", 3, ChaseAction.VISIT, D(2026, 11, 7))]
    found = lines_on(D(2026, 12, 1))
    assert ("M1", 1, ChaseAction.CALL, D(2026, 12, 1)) in found
    [m1] = [ln for ln in chasing.chase_lines(D(2026, 12, 1)) if ln.customer.code == "M1"]
    assert m1.text == "西城超市：¥200.00" and m1.steps == 1


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        ((), "at least one step"),
        (
            (ChaseStep(0, ChaseAction.CALL), ChaseStep(0, ChaseAction.VISIT)),
            "step 2 falls on day 0",
        ),
        ((ChaseStep(-31, ChaseAction.NOTE),), "from -30"),
        ((ChaseStep(181, ChaseAction.NOTE),), "to 180"),
        ((ChaseStep(0, ChaseAction.CALL, "{customer} {owed}"),), r"\{owed\}"),
        ((ChaseStep(0, ChaseAction.CALL, "x" * 501),), "at most 500"),
        (tuple(ChaseStep(i, ChaseAction.CALL) for i in range(9)), "at most 8 steps"),
    ],
)
def test_a_bad_schedule_is_refused_with_a_clear_message_and_nothing_stored(
    ledger_target, steps, message
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=message):
        chase_schedule.save_schedules({"": steps})
    assert chase_schedule.get_schedules() == {"": chase_schedule.DEFAULT_STEPS}


def test_schedules_are_stored_and_read_back(ledger_target) -> None:  # type: ignore[no-untyped-def]
    mine = (ChaseStep(-1, ChaseAction.NOTE, "请于{due_date}付款"), ChaseStep(3, ChaseAction.VISIT))
    saved = chase_schedule.save_schedules({"": mine, "cash": (), "days": mine[1:]})
    assert saved == {"": mine, "days": mine[1:]}  # a group without steps uses the default
    assert chase_schedule.get_schedules() == saved


def test_today_and_the_call_list_pdf_show_the_step_with_its_reminder(owing, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    from models.collecting import calls, today
    from models.ledger import settings
    from reports.documents.calllist import print_call_list

    clock.pin(dt.datetime(2026, 10, 31, 8, 0))
    report = today.today()
    assert [(c.customer.code, c.step_no) for c in report.chasing] == [("C1", 2)]
    day = D(2026, 10, 31)
    steps = chasing.chase_lines(day)
    pdf = print_call_list(
        day, calls.call_list(day), settings.get_company(), tmp_path / "c.pdf", "zh", steps=steps
    )
    # Wrapped cells read back with a space or a line break where they wrapped.
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "2026-10-31到期的催款步骤" in text
    assert "东城王记便利店" in text and "1,000.00" in text and "第2/3步：打电话" in text
    assert "请安排结清" in text
    chasing.record_step_done(owing.id)
    assert today.today().chasing == ()  # done: off Today


def test_processes_recording_the_same_steps_keep_one_record_each(ledger: str) -> None:
    """Three clerks tick the same customers' steps at once: the database's unique index,
    not a look before the write, keeps one record per step and day."""
    from tests.models import racers

    clock.pin(dt.datetime(2026, 10, 27, 9, 0))
    ids = []
    for n in range(20):
        c = make_customer(f"R{n:03d}", f"店{n}")
        posting.post_delivery(c.id, D(2026, 10, 27), 100_00)  # due 26 Nov: the call's day
        ids.append(c.id)
    clock.pin(racers.PINNED)
    outcomes = racers.run_racers(racers.record_chase_steps, 3, ledger, ids)
    assert outcomes == [["ok"] * 20] * 3
    rows = list(ChaseDoneRow.select().tuples())
    assert len(rows) == 20
    assert {(r.customer_id, r.step_no, r.done_on) for r in ChaseDoneRow.select()} == {
        (c, 2, racers.PINNED.date()) for c in ids
    }


def test_the_migration_is_safe_to_run_twice(ledger_target) -> None:  # type: ignore[no-untyped-def]
    from models.storage import schema
    from models.storage.tables import database

    schema.add_chase_done(database.obj)
    schema.add_chase_done(database.obj)
    assert "chase_done" in database.get_tables()
