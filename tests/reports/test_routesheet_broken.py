"""Broken promises with no new date show in the stop's promise cell, after the day's
promises, in red."""

from __future__ import annotations

import dataclasses
import datetime as dt

from reports.layout import ACCENT
from reports.routesheet import render_route_sheet
from reports.samples import COMPANY, sample_route_sheet
from tests.reports.helpers import all_text, squash
from tests.reports.test_routesheet import _record_draws, _with_stop


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
