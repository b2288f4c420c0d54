"""The route sheet (收款路线单)."""

from __future__ import annotations

import dataclasses

import pytest

from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.money import format_money
from reports.documents.routesheet import render_route_sheet
from reports.documents.samples import COMPANY, sample_route_sheet
from reports.typesetting.layout import ACCENT
from reports.typesetting.output import NothingToPrint
from reports.typesetting.pen import Pen
from tests.reports.helpers import all_text, page_texts, squash


def test_route_sheet_in_visit_order_with_promises_and_totals(cjk_fonts, tmp_path):
    sheet = sample_route_sheet(8)
    out = render_route_sheet(sheet, COMPANY, tmp_path / "r.pdf", fonts=cjk_fonts, lang="zh")
    text = squash(all_text(out))
    assert "收款路线单" in text and "石井线" in text and "2026年12月14日星期一" in text
    positions = [text.index(f"（{s.customer.code}）") for s in sheet.stops]
    assert positions == sorted(positions)
    for head in (
        "实收现金",
        "支票/转账",
        "新约定日期",
        "客户签字",
        "备注",
        "电话/付款人",
        "今日约定",
    ):
        assert head in text
    # Promised for that day, with time, method and the promise's payer; no "@".
    assert "2,000.0010:30现金老板娘（王姐）" in text and "@" not in text
    assert "联系人：李老板" in text
    # The totals summed here, stop by stop, not read from the sheet's own properties.
    owed = sum(s.balance for s in sheet.stops)
    overdue = sum(s.overdue for s in sheet.stops)
    promised = sum(p.amount - p.paid for s in sheet.stops for p in s.promises_due)
    assert owed == sum(150_000 * i + 3_456 for i in range(1, 9))  # as the sample builds them
    assert f"合计{format_money(owed)}逾期{format_money(overdue)}{format_money(promised)}" in text
    assert "付款人：老板娘（王姐）" in text and "13800138000" in text


def test_long_route_repeats_header_on_every_page(cjk_fonts, tmp_path):
    sheet = sample_route_sheet(40)
    out = render_route_sheet(sheet, COMPANY, tmp_path / "r.pdf", fonts=cjk_fonts, lang="en")
    pages = page_texts(out)
    assert len(pages) >= 3
    for i, page in enumerate(pages, start=1):
        assert f"Page {i} of {len(pages)}" in page
        if "(C00" in page:
            assert "Promised for today" in page and "Cash collected" in page


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


def _customer_column() -> tuple[float, float]:
    """Left and right edge of the customer column on the company's paper."""
    from reports.documents.routesheet import _columns
    from reports.typesetting.layout import frame_for, paper

    frame = frame_for(
        paper(COMPANY.paper_size, wide=True), margin=12 * 72 / 25.4, binding=COMPANY.binding_margin
    )
    cols = _columns(frame)
    return frame.left + cols[0].width, frame.left + cols[0].width + cols[1].width


def _with_stop(sheet, index, **changes):
    stops = list(sheet.stops)
    stops[index] = dataclasses.replace(stops[index], **changes)
    return dataclasses.replace(sheet, stops=tuple(stops))


def _record_draws(monkeypatch) -> list[tuple[float, float, str, object]]:
    """Record every string the pen draws: its horizontal extent, text and colour."""
    drawn = []
    original = Pen.draw

    def spy(self, c, x, y, text, size, *, align="left", max_width=None, color=None, **kw):
        width = original(
            self, c, x, y, text, size, align=align, max_width=max_width, color=color, **kw
        )
        left = {"left": x, "right": x - width, "center": x - width / 2}[align]
        shown = self.fit(text, size, max_width) if max_width is not None and kw.get("cut") else text
        drawn.append((left, left + width, shown, color))
        return width

    monkeypatch.setattr(Pen, "draw", spy)
    return drawn


def test_promise_wraps_instead_of_being_cut(cjk_fonts, tmp_path):
    sheet = sample_route_sheet(3)
    promise = dataclasses.replace(
        sheet.stops[0].promises_due[0], amount=52_600, method=PaymentMethod.TRANSFER
    )
    sheet = _with_stop(sheet, 0, promises_due=(promise, promise))
    out = render_route_sheet(sheet, COMPANY, tmp_path / "r.pdf", fonts=cjk_fonts, lang="en")
    text = squash(all_text(out))
    assert text.count("526.00 10:30 Bank transfer".replace(" ", "")) == 2
    assert "…" not in text


def test_sixty_character_customer_name_wraps_inside_its_column(cjk_fonts, tmp_path, monkeypatch):
    name = (
        "广州市白云区石井街道庆丰村第三经济合作社综合批发市场东区七十八号档口好又多便利连锁超市有限公司"
        * 2
    )[:60]
    sheet = sample_route_sheet(4)
    sheet = _with_stop(sheet, 1, customer=dataclasses.replace(sheet.stops[1].customer, name=name))
    drawn = _record_draws(monkeypatch)
    out = render_route_sheet(sheet, COMPANY, tmp_path / "r.pdf", fonts=cjk_fonts, lang="zh")
    text = squash(all_text(out))
    assert f"{name}（C0002）" in text  # the whole name and the code: never cut
    assert "…" not in text
    left, right = _customer_column()
    lines = [
        (x0, x1, t)
        for x0, x1, t, _ in drawn
        if t.endswith("（C0002）") or (len(t) > 8 and t in name)
    ]
    assert len(lines) >= 3 and lines[-1][2].endswith("（C0002）")
    for x0, x1, t in lines:
        assert left <= x0 and x1 <= right, f"{t!r} overflows its column"


def test_total_overdue_is_red_only_when_something_is_overdue(cjk_fonts, tmp_path, monkeypatch):
    sheet = sample_route_sheet(3)
    settled = dataclasses.replace(
        sheet, stops=tuple(dataclasses.replace(s, overdue=0) for s in sheet.stops)
    )
    assert settled.total_overdue == 0 and sheet.total_overdue > 0
    drawn = _record_draws(monkeypatch)
    out = render_route_sheet(settled, COMPANY, tmp_path / "r.pdf", fonts=cjk_fonts, lang="en")
    assert f"Totals{format_money(settled.total_balance)}Overdue0.00" in squash(all_text(out))
    assert not [t for *_, t, color in drawn if color == ACCENT]
    drawn.clear()
    render_route_sheet(sheet, COMPANY, tmp_path / "o.pdf", fonts=cjk_fonts, lang="en")
    red = [t for *_, t, color in drawn if color == ACCENT]
    assert format_money(sheet.total_overdue) in red  # on its own line under "Overdue"


@pytest.mark.parametrize("stops", range(5, 16))
def test_hand_over_strip_never_stands_alone(cjk_fonts, tmp_path, stops):
    sheet = sample_route_sheet(stops)
    out = render_route_sheet(sheet, COMPANY, tmp_path / "r.pdf", fonts=cjk_fonts, lang="en")
    pages = page_texts(out)
    last = pages[-1]
    assert "Hand-over to the office" in last and "Totals" in last
    assert f"({sheet.stops[-1].customer.code})" in last and "Promised for today" in last
    assert all("Hand-over to the office" not in p for p in pages[:-1])
