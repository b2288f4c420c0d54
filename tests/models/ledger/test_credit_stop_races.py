"""The credit stop with several processes on one ledger: the database, not a check made
before the write, decides. Two deliveries that each fit under the limit but not
together: one is stopped. Two deliveries with one approval: one uses it."""

from __future__ import annotations

from models.ledger import credit_stop, posting
from models.ledger.ledger import balance
from models.storage import db
from models.vocabulary import clock
from tests.models import credit_stop_racers, together_racers
from tests.models.helpers import make_customer


def _reopen(target: str) -> None:
    db.close_ledger()
    db.open_ledger(target, create=False)


def test_two_deliveries_that_fit_only_one_at_a_time_one_is_stopped(ledger: str) -> None:
    c = make_customer(credit_limit=1000_00)
    posting.post_opening(c.id, clock.today(), 600_00)
    outcomes = together_racers.run_each(
        credit_stop_racers.deliver,
        [(ledger, c.id, 300_00, "A", None), (ledger, c.id, 300_00, "B", None)],
    )
    assert sorted(o == "ok" for o in outcomes) == [False, True], outcomes
    assert "stopped" in next(o for o in outcomes if o != "ok")
    _reopen(ledger)
    assert balance(c.id) == 900_00


def test_one_approval_lets_one_of_two_racing_deliveries_through(ledger: str) -> None:
    c = make_customer(credit_limit=1000_00)
    posting.post_opening(c.id, clock.today(), 1000_00)
    approval = credit_stop.approve(c.id, 300_00)
    outcomes = together_racers.run_each(
        credit_stop_racers.deliver,
        [(ledger, c.id, 300_00, "A", approval.id), (ledger, c.id, 300_00, "B", approval.id)],
    )
    assert sorted(o == "ok" for o in outcomes) == [False, True], outcomes
    assert "used already" in next(o for o in outcomes if o != "ok")
    _reopen(ledger)
    assert balance(c.id) == 1300_00
    assert credit_stop.get_approval(approval.id).entry_id is not None
