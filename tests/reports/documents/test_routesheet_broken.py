"""Broken promises with no new date show in the stop's promise cell, after the day's
promises, in red."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from reports.documents.routesheet import render_route_sheet
from reports.documents.samples import COMPANY, sample_route_sheet
from reports.typesetting.layout import ACCENT
from tests.reports.documents.test_routesheet import _record_draws, _with_stop
from tests.reports.helpers import all_text, squash


def _broken(promise, day: int, amount: int, paid: int = 0):
    return dataclasses.replace(
        promise, due_at=dt.datetime(2026, 11, day, 10, 0), amount=amount, paid=paid
    )


def _sheet():
    sheet = sample_route_sheet(3)
    due = sheet.stops[0].promises_due[0]
    # Stop 1 has a promise for the day and a broken one; stop 2 only broken ones.
    sheet = _with_stop(sheet, 0, broken_promises=(_broken(due, 28, 800_00, paid=300_00),))
    many = tuple(_broken(due, d, 100_00 * d) for d in (20, 24, 27))
    return _with_stop(sheet, 1, broken_promises=many)


def test_broken_promises_after_the_days_promises_in_red(cjk_fonts, tmp_path, monkeypatch):
    drawn = _record_draws(monkeypatch)
    out = render_route_sheet(_sheet(), COMPANY, tmp_path / "r.pdf", fonts=cjk_fonts, lang="zh")
    text = squash(all_text(out))
    assert "2,000.0010:30现金老板娘（王姐）已失约11-28¥500.00" in text  # the day's promise first
    assert "已失约11-20¥2,000.00另有2笔" in text  # a third and later are counted
    red = [t for *_, t, color in drawn if color == ACCENT]
    assert "已失约 11-28 ¥500.00" in red and "已失约 11-20 ¥2,000.00" in red
    assert "另有 2 笔" in red
    assert not [t for *_, t, color in drawn if "失约" in t and color != ACCENT]


def test_broken_promises_in_english(cjk_fonts, tmp_path):
    out = render_route_sheet(_sheet(), COMPANY, tmp_path / "r.pdf", fonts=cjk_fonts, lang="en")
    text = all_text(out)
    assert "Broken 11-28 ¥500.00" in text and "Broken 11-20 ¥2,000.00" in text


def test_no_broken_promises_no_red_in_the_promise_cell(cjk_fonts, tmp_path, monkeypatch):
    drawn = _record_draws(monkeypatch)
    render_route_sheet(
        sample_route_sheet(3), COMPANY, tmp_path / "r.pdf", fonts=cjk_fonts, lang="en"
    )
    assert not [t for *_, t, _c in drawn if t.startswith("Broken")]


# --- on a ledger: a sheet printed on D calls broken only what was broken by then -------

PRINTED = dt.datetime(2026, 12, 3, 9, 0)  # the sheet is printed on D = 12-03, 09:00
DUE = {  # one customer per promise: a later promise of the same customer hides a broken one
    "Y": dt.datetime(2026, 12, 2, 10, 0),  # due yesterday: broken
    "L": dt.datetime(2026, 12, 3, 17, 0),  # due today, later than the printing: not yet
    "T": dt.datetime(2026, 12, 4, 10, 0),  # due tomorrow: not yet
}


@pytest.fixture
def promised_route(ledger_target: None) -> int:
    from models.ledger import people, posting, promises
    from models.vocabulary import clock
    from tests.models.helpers import make_customer

    route = people.add_route("城东", ())  # runs every day
    clock.pin(dt.datetime(2026, 12, 1, 9, 0))
    for code, due in DUE.items():
        c = make_customer(code, f"店{code}", route="城东")
        posting.post_delivery(c.id, dt.date(2026, 11, 1), 300_00, doc_no=f"SD-{code}")
        promises.make_promise(c.id, 200_00, due)
    clock.pin(PRINTED)
    return route.id


def _broken_and_due(route_id: int, day: dt.date) -> tuple[set[str], set[str]]:
    from models.collecting.routesheets import route_sheet

    sheet = route_sheet(route_id, day)
    broken = {s.customer.code for s in sheet.stops if s.broken_promises}
    due = {s.customer.code for s in sheet.stops if s.promises_due}
    return broken, due


@pytest.mark.parametrize(
    ("day", "due"),
    [
        pytest.param(dt.date(2026, 12, 3), {"L"}, id="route-day-today"),
        pytest.param(dt.date(2026, 12, 4), {"T"}, id="route-day-tomorrow"),
        pytest.param(dt.date(2026, 12, 5), set(), id="route-day-after-tomorrow"),
    ],
)
def test_sheet_printed_on_d_calls_broken_only_what_is_broken_by_then(
    promised_route: int, day: dt.date, due: set[str]
) -> None:
    assert _broken_and_due(promised_route, day) == ({"Y"}, due)


def test_sheet_for_tomorrow_printed_today_reads_no_broken_tomorrow(
    promised_route: int, cjk_fonts, tmp_path
) -> None:
    from models.collecting.routesheets import route_sheet
    from models.ledger import settings

    sheet = route_sheet(promised_route, dt.date(2026, 12, 5))
    out = render_route_sheet(
        sheet, settings.get_company(), tmp_path / "r.pdf", fonts=cjk_fonts, lang="zh"
    )
    text = squash(all_text(out))
    assert "已失约12-02¥200.00" in text
    assert "已失约12-03" not in text and "已失约12-04" not in text
