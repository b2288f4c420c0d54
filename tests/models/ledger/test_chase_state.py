"""Where a debt stands on its chasing schedule: the rule of models/ledger/chase_state.py,
checked day by day against dates worked out by hand (due 31 Oct 2026; steps at −3, 0,
+7 days: note on 28 Oct, call on 31 Oct, visit on 7 Nov)."""

from __future__ import annotations

import datetime as dt

import pytest

from models.ledger.chase_state import PromiseSpan, position

D = dt.date
DUE = D(2026, 10, 31)
GUIDE = (-3, 0, 7)


def at(day: dt.date, promises: tuple[PromiseSpan, ...] = (), offsets=GUIDE):  # type: ignore[no-untyped-def]
    p = position(offsets, DUE, promises, day)
    return (p.index, p.day, p.paused_until)


@pytest.mark.parametrize(
    ("day", "index", "on"),
    [
        (D(2026, 10, 27), 0, None),  # the day before the note
        (D(2026, 10, 28), 1, D(2026, 10, 28)),  # the note, on its day
        (D(2026, 10, 30), 1, D(2026, 10, 28)),  # one day before the due date
        (D(2026, 10, 31), 2, D(2026, 10, 31)),  # due on the day: the call
        (D(2026, 11, 6), 2, D(2026, 10, 31)),  # 6 days late: still the call
        (D(2026, 11, 7), 3, D(2026, 11, 7)),  # 7 days late: the visit
        (D(2027, 1, 31), 3, D(2026, 11, 7)),  # past the last step: it stays
    ],
)
def test_without_promises_the_current_step_is_the_last_whose_day_has_come(day, index, on) -> None:  # type: ignore[no-untyped-def]
    assert at(day) == (index, on, None)


CALL_DAY_PROMISE = PromiseSpan(made_on=D(2026, 10, 31), due_on=D(2026, 11, 4), kept=False)


def test_a_live_promise_pauses_through_its_own_date() -> None:
    # Made on the call day: on its date it is still live; what was reached is the call.
    assert at(D(2026, 11, 1), (CALL_DAY_PROMISE,)) == (2, D(2026, 10, 31), D(2026, 11, 4))
    assert at(D(2026, 11, 4), (CALL_DAY_PROMISE,)) == (2, D(2026, 10, 31), D(2026, 11, 4))


def test_a_broken_promise_resumes_one_step_further_the_day_after_its_date() -> None:
    # The visit comes on 5 Nov, not on its own day 7 Nov.
    assert at(D(2026, 11, 5), (CALL_DAY_PROMISE,)) == (3, D(2026, 11, 5), None)


def test_a_kept_promise_only_paused_the_schedule() -> None:
    kept = PromiseSpan(D(2026, 10, 31), D(2026, 11, 4), kept=True)
    assert at(D(2026, 11, 5), (kept,)) == (2, D(2026, 10, 31), None)
    assert at(D(2026, 11, 7), (kept,)) == (3, D(2026, 11, 7), None)


def test_later_steps_keep_their_spacing_after_a_broken_promise() -> None:
    offsets = (-3, 0, 7, 14)
    broken = PromiseSpan(D(2026, 10, 31), D(2026, 11, 2), kept=False)
    assert at(D(2026, 11, 3), (broken,), offsets) == (3, D(2026, 11, 3), None)
    assert at(D(2026, 11, 9), (broken,), offsets) == (3, D(2026, 11, 3), None)
    assert at(D(2026, 11, 10), (broken,), offsets) == (4, D(2026, 11, 10), None)  # 3 Nov + 7


def test_past_the_last_step_a_broken_promise_brings_the_last_step_again() -> None:
    broken = PromiseSpan(D(2026, 11, 8), D(2026, 11, 10), kept=False)
    assert at(D(2026, 11, 11), (broken,)) == (3, D(2026, 11, 11), None)


def test_two_broken_promises_move_two_steps() -> None:
    first = PromiseSpan(D(2026, 10, 28), D(2026, 10, 29), kept=False)  # made on the note day
    second = PromiseSpan(D(2026, 10, 30), D(2026, 11, 1), kept=False)  # made after the call
    # First broken: the call on 30 Oct; the second made then, broken: the visit on 2 Nov.
    assert at(D(2026, 10, 30), (first,)) == (2, D(2026, 10, 30), None)
    assert at(D(2026, 11, 2), (first, second)) == (3, D(2026, 11, 2), None)


def test_a_promise_made_before_the_schedule_pauses_it_and_breaking_starts_it() -> None:
    early = PromiseSpan(D(2026, 10, 20), D(2026, 10, 29), kept=False)
    assert at(D(2026, 10, 28), (early,)) == (0, None, D(2026, 10, 29))
    # Nothing was reached when it was made: step 1 on 30 Oct, step 2 three days later.
    assert at(D(2026, 10, 30), (early,)) == (1, D(2026, 10, 30), None)
    assert at(D(2026, 11, 2), (early,)) == (2, D(2026, 11, 2), None)


def test_promises_of_an_older_debt_and_future_ones_do_not_count() -> None:
    older = PromiseSpan(D(2026, 10, 1), D(2026, 10, 27), kept=False)  # before 28 Oct
    not_yet = PromiseSpan(D(2026, 11, 1), D(2026, 11, 3), kept=False)  # made after the day
    assert at(D(2026, 10, 31), (older, not_yet)) == (2, D(2026, 10, 31), None)
