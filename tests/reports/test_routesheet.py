"""The route sheet (收款路线单)."""

from __future__ import annotations

import dataclasses

import pytest

from models.money import format_money
from reports.output import NothingToPrint
from reports.routesheet import render_route_sheet
from reports.samples import COMPANY, sample_route_sheet
from tests.reports.helpers import all_text, page_texts, squash


def test_route_sheet_in_visit_order_with_promises_and_totals(cjk_fonts, tmp_path):
    sheet = sample_route_sheet(8)
    out = render_route_sheet(sheet, COMPANY, tmp_path / "r.pdf", fonts=cjk_fonts, lang="zh")
    text = squash(all_text(out))
    assert "收款路线单" in text and "石井线" in text and "2026年12月14日星期一" in text
    positions = [text.index(f"({s.customer.code})") for s in sheet.stops]
    assert positions == sorted(positions)
    for head in ("实收", "新约定", "备注", "电话/付款人", "今日约定"):
        assert head in text
    assert "2,000.00@10:30现金" in text  # promised for that day, with time and method
    assert f"合计{format_money(sheet.total_balance)}{format_money(sheet.total_overdue)}" in text
    assert format_money(sheet.total_promised) in text
    assert "付款人：老板娘（王姐）" in text and "13800138000" in text


def test_long_route_repeats_header_on_every_page(cjk_fonts, tmp_path):
    sheet = sample_route_sheet(40)
    out = render_route_sheet(sheet, COMPANY, tmp_path / "r.pdf", fonts=cjk_fonts, lang="en")
    pages = page_texts(out)
    assert len(pages) >= 3
    for i, page in enumerate(pages, start=1):
        assert f"Page {i} of {len(pages)}" in page
        if "(C00" in page:
            assert "Promised for today" in page and "Collected" in page


def test_english_route_sheet(cjk_fonts, tmp_path):
    out = render_route_sheet(
        sample_route_sheet(3), COMPANY, tmp_path / "r.pdf", fonts=cjk_fonts, lang="en"
    )
    text = all_text(out)
    assert "Collection route sheet" in text and "14 Dec 2026 Mon" in text


def test_empty_route_is_nothing_to_print(cjk_fonts, tmp_path):
    sheet = dataclasses.replace(sample_route_sheet(1), stops=())
    with pytest.raises(NothingToPrint):
        render_route_sheet(sheet, COMPANY, tmp_path / "r.pdf", fonts=cjk_fonts)
    assert not (tmp_path / "r.pdf").exists()
