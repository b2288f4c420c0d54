"""The review's chart axes read 500万 (Chinese) or 5,000,000 (English), never 5000000:
on paper (read back from the PDF) and the marks themselves (`axis_ticks`, `axis_label`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from models.ledger import customers
from reports.documents.review_report import print_review
from reports.typesetting.fonts import FontSet
from reports.typesetting.formatting import axis_label, axis_ticks
from tests.models.helpers import D, approved_delivery
from tests.reports.helpers import all_text
from tests.review_data import AS_OF, build_review_ledger


@pytest.mark.parametrize(
    ("top", "ticks"),
    [
        (0, [0, 1]),
        (1_049, [0, 250, 500, 750, 1_000, 1_250]),
        (1_400, [0, 500, 1_000, 1_500]),
        (4_801_400, [0, 1_000_000, 2_000_000, 3_000_000, 4_000_000, 5_000_000]),
        (5_000_000, [0, 1_000_000, 2_000_000, 3_000_000, 4_000_000, 5_000_000]),
        (5_000_001, [0, 2_000_000, 4_000_000, 6_000_000]),
    ],
)
def test_ticks_are_round_and_reach_the_top(top: int, ticks: list[int]) -> None:
    assert axis_ticks(top) == ticks


@pytest.mark.parametrize(
    ("value", "top", "zh", "en"),
    [
        (0, 5_000_000, "0", "0"),
        (5_000_000, 5_000_000, "500万", "5,000,000"),
        (250_000, 1_000_000, "25万", "250,000"),
        (25_000, 100_000, "2.5万", "25,000"),
        # Below 10万 the axis stays in yuan, with separators.
        (7_500, 12_500, "7,500", "7,500"),
        (99_999, 99_999, "99,999", "99,999"),
        (100_000, 100_000, "10万", "100,000"),
        (500_000_000, 1_000_000_000, "5亿", "500,000,000"),
    ],
)
def test_labels_in_wan_or_with_separators(value: int, top: int, zh: str, en: str) -> None:
    assert axis_label(value, top, "zh") == zh
    assert axis_label(value, top, "en") == en


@pytest.fixture
def big_month(ledger: str) -> None:
    """The review's business and one delivery of ¥4,800,000.00 this month."""
    build_review_ledger()
    shop = customers.customer_by_code("A001")
    approved_delivery(shop.id, D(2026, 11, 20), 4_800_000_00)  # far over A001's limit


@pytest.mark.parametrize(
    ("lang", "marks"),
    [
        ("zh", ["100万", "200万", "300万", "400万", "500万"]),
        ("en", ["1,000,000", "2,000,000", "3,000,000", "4,000,000", "5,000,000"]),
    ],
)
def test_review_pdf_axes(
    big_month: None, cjk_fonts: FontSet, tmp_path: Path, lang: str, marks: list[str]
) -> None:
    out = print_review(tmp_path / "r.pdf", AS_OF, lang=lang, fonts=cjk_fonts)
    words = all_text(out).split()
    # This month: 1,400.00 + 4,800,000.00 delivered, so the axis runs to 5,000,000 yuan.
    for mark in marks:
        assert mark in words
    assert not [w for w in words if re.fullmatch(r"\d{5,}", w)]  # no bare 5000000
