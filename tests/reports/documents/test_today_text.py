"""`main.py today`'s route lines: counts read as a person would write them."""

from __future__ import annotations

import datetime as dt

import pytest

from models.collecting.today import RouteDay, StopLine
from models.vocabulary.customer_records import Customer, Route
from models.vocabulary.i18n import using_language
from reports.documents.today import _route


def _route_day(stops: int) -> RouteDay:
    lines = tuple(
        StopLine(Customer(id=n, code=f"C{n}", name="东城王记"), 100_00 if n == 1 else 0, 0)
        for n in range(1, stops + 1)
    )
    return RouteDay(Route(id=1, name="城东线"), dt.date(2026, 11, 26), "张伟", lines)


@pytest.mark.parametrize(
    ("stops", "english", "chinese"),
    [
        (1, "城东线 (张伟): 1 stop, 1 owing", "城东线 (张伟)：1 家，1 家欠款"),
        (2, "城东线 (张伟): 2 stops, 1 owing", "城东线 (张伟)：2 家，1 家欠款"),
    ],
)
def test_route_line_counts_its_stops(stops: int, english: str, chinese: str) -> None:
    with using_language("en"):
        assert _route(_route_day(stops)).strip().startswith(english)
    with using_language("zh"):
        assert _route(_route_day(stops)).strip().startswith(chinese)
