"""Today on a pinned date: every section, and route/rep editing that keeps history."""

from __future__ import annotations

import datetime as dt

import pytest

from models.collecting import calls, today
from models.collecting.routesheets import route_sheet
from models.ledger import cheque_status, customers, people, posting, promises
from models.vocabulary import clock
from models.vocabulary.collecting_records import CallOutcome
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.errors import InputError
from tests.models.helpers import D, approved_delivery, make_customer

THU = D(2026, 11, 26)  # the pinned clock's day (tests/conftest.py)


@pytest.fixture
def office(ledger_target: None) -> dict:
    """Route 城东 runs Thursdays, 城西 Fridays; 老线 (Thursdays) is deactivated."""
    rep = people.add_rep("张伟")
    east = people.add_route("城东", (4,), rep.id)
    west = people.add_route("城西", (5,))
    old = people.add_route("老线", (4,))
    a = make_customer("A1", "东城王记", route="城东")
    b = make_customer("B1", "西关李记", route="城西", credit_limit=400_00)
    make_customer("Z1", "老线张记", route="老线")
    people.update_route(old.id, "老线", (4,), None, active=False)
    posting.post_delivery(a.id, D(2026, 10, 1), 1000_00)  # 30 days: overdue since 10-31
    approved_delivery(b.id, D(2026, 11, 20), 500_00)  # over the 400.00 limit: the boss said yes
    clock.pin(dt.datetime(2026, 11, 20, 9, 0))
    p_today = promises.make_promise(a.id, 300_00, dt.datetime(2026, 11, 26, 15, 0))
    p_tomorrow = promises.make_promise(b.id, 200_00, dt.datetime(2026, 11, 27, 10, 0))
    clock.pin(dt.datetime(2026, 11, 20, 10, 0))
    # B1 broke two promises; the later one has no new date.
    promises.make_promise(b.id, 100_00, dt.datetime(2026, 11, 22, 10, 0))
    clock.pin(dt.datetime(2026, 11, 21, 10, 0))
    broken = promises.make_promise(b.id, 100_00, dt.datetime(2026, 11, 24, 10, 0))
    clock.pin(dt.datetime(2026, 11, 25, 9, 0))
    bounced = posting.post_payment(
        b.id, D(2026, 11, 25), 50_00, PaymentMethod.CHEQUE, cheque_no="B-9"
    )
    cheque_status.bounce_cheque(bounced.id)
    posting.post_payment(b.id, D(2026, 11, 25), 49_99, PaymentMethod.CASH)  # one fen short
    clock.pin(dt.datetime(2026, 11, 26, 9, 0))
    posting.post_payment(a.id, THU, 300_00, PaymentMethod.CASH)  # covers today's promise
    posting.post_payment(
        a.id, THU, 100_00, PaymentMethod.CHEQUE, cheque_no="A-1", due_on=D(2026, 12, 3)
    )
    posting.post_payment(
        a.id, THU, 10_00, PaymentMethod.CHEQUE, cheque_no="A-2", due_on=D(2026, 12, 4)
    )  # a day too late for the week
    calls.record_call(p_tomorrow.id, CallOutcome.UNREACHABLE)
    calls.record_call(p_tomorrow.id, CallOutcome.CONFIRMED, "老板娘接的")
    return {
        "a": a, "b": b, "east": east, "west": west, "p_today": p_today,
        "p_tomorrow": p_tomorrow, "broken": broken, "bounced": bounced,
    }  # fmt: skip


def test_today_every_section(office: dict) -> None:
    r = today.today(THU)
    assert [(x.route.name, x.rep_name, len(x.stops)) for x in r.routes_today] == [
        ("城东", "张伟", 1)
    ]  # the deactivated 老线 is not there
    east = r.routes_today[0]
    assert east.owed == 590_00 and east.overdue == 590_00
    assert [x.route.name for x in r.routes_tomorrow] == ["城西"]
    assert r.routes_tomorrow[0].owed == 450_01  # the 50.00 cheque bounced, 49.99 cash
    [line] = r.promises_today
    assert line.customer.code == "A1" and line.covered
    [line] = r.promises_tomorrow
    assert not line.covered and line.outstanding == 150_01  # the 49.99 counts toward it
    assert line.answer is not None and line.answer.outcome is CallOutcome.CONFIRMED
    assert [p.promise.id for p in r.broken] == [office["broken"].id]
    assert [c.number for c in r.cheques_maturing] == ["A-1"]
    [bounce] = r.cheques_bounced
    assert bounce.number == "B-9" and bounce.repaid == 49_99
    assert [f.customer.code for f in r.over_limit] == ["B1"]
    assert [(f.customer.code, f.broken) for f in r.breaking_promises] == [("B1", 2)]
    assert r.owed == 590_00 + 450_01
    assert r.collected_today == 410_00
    assert r.collected_this_month == 410_00 + 49_99
    # Monday 23 to Sunday 29 November: the promise due Sunday 22nd is last week's.
    assert r.promised_this_week == 300_00 + 200_00 + 100_00


def test_a_bounced_cheque_repaid_in_full_leaves_the_list(office: dict) -> None:
    posting.post_payment(office["b"].id, THU, 1, PaymentMethod.CASH)
    assert today.today(THU).cheques_bounced == ()


def test_route_sheet_judges_broken_promises_by_the_time_of_printing(office: dict) -> None:
    """Printed on Thursday for the following Tuesday: Friday's promise is not broken
    yet when the sheet is printed, so the sheet does not call it broken (issue 18: a
    paper never states what the ledger does not show that day). Printed again on
    Monday, it is. On Friday's own sheet it is due, with the office's call answer."""
    c = make_customer("B2", "西关新客", route="城西")
    posting.post_delivery(c.id, D(2026, 11, 20), 800_00)
    friday = promises.make_promise(c.id, 300_00, dt.datetime(2026, 11, 27, 10, 0))
    calls.record_call(friday.id, CallOutcome.CONFIRMED)
    tuesday = D(2026, 12, 1)
    stop = {s.customer.code: s for s in route_sheet(office["west"].id, tuesday).stops}
    assert stop["B2"].broken_promises == ()
    on_friday = {s.customer.code: s for s in route_sheet(office["west"].id, D(2026, 11, 27)).stops}
    assert [p.id for p in on_friday["B2"].promises_due] == [friday.id]
    assert on_friday["B2"].broken_promises == ()
    assert [a.outcome for a in on_friday["B2"].answers] == [CallOutcome.CONFIRMED]
    clock.pin(dt.datetime(2026, 11, 30, 17, 0))  # Monday evening: Friday's promise broken
    stop = {s.customer.code: s for s in route_sheet(office["west"].id, tuesday).stops}
    assert [p.id for p in stop["B2"].broken_promises] == [friday.id]


def test_route_sheet_leaves_out_stops_owing_nothing_unless_every_stop(office: dict) -> None:
    make_customer("A2", "东城空账", route="城东")
    assert [s.customer.code for s in route_sheet(office["east"].id, THU).stops] == ["A1"]
    every = route_sheet(office["east"].id, THU, every_stop=True)
    assert [s.customer.code for s in every.stops] == ["A1", "A2"]


def test_renaming_and_deactivating_keeps_history(office: dict) -> None:
    east, a = office["east"], office["a"]
    people.update_route(east.id, "城东一线", (1, 4), east.rep_id, active=False)
    assert customers.get_customer(a.id).route_name == "城东一线"
    assert "城东一线" not in [r.name for r in people.list_routes()]
    assert "城东一线" in [r.name for r in people.list_routes(include_inactive=True)]
    assert len(promises.promises_for(a.id)) == 1
    rep = people.rep_by_name("张伟")
    assert rep is not None
    people.update_rep(rep.id, "张伟", "139", active=False)
    assert people.list_reps() == []
    assert people.get_route(east.id).rep_id == rep.id
    with pytest.raises(InputError, match="already a route"):
        people.update_route(east.id, "城西", (4,))
    with pytest.raises(InputError):
        people.update_route(east.id, "城东", (8,))


def test_move_several_customers_to_another_route(office: dict) -> None:
    c2 = make_customer("A2", "东城二号", route="城东")
    c3 = make_customer("A3", "东城三号", route="城东")
    assert people.move_to_route([c3.id, c2.id], office["west"].id) == 2
    west = customers.route_customers(office["west"].id)
    assert [c.code for c in west] == ["B1", "A3", "A2"]
    assert [c.code for c in customers.route_customers(office["east"].id)] == ["A1"]
