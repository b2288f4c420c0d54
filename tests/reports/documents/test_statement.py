"""The statement (对账单) read back from the PDF."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from models.vocabulary.capitals import rmb_capitals
from models.vocabulary.entry_records import (
    Cheque,
    ChequeStatus,
    Entry,
    EntryKind,
    LedgerRow,
    PaymentMethod,
)
from reports.documents.samples import sample_customer, sample_statement
from reports.documents.statement import build_statement, render_statement
from reports.typesetting.layout import paper
from reports.typesetting.pen import Pen
from tests.reports.helpers import all_text, fonts_of, page_texts, squash


def test_chinese_statement_has_names_amounts_capitals_and_dates(cjk_fonts, tmp_path):
    st = sample_statement(40)
    out = render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts, lang="zh")
    text = squash(all_text(out))
    assert "对账单" in text and st.company.name in text
    assert f"{st.customer.name}（C0001）" in text  # full-width brackets in Chinese
    assert "2026年9月15日至2026年12月13日" in text  # period, Chinese dates
    assert "期初余额" in text and "12,345.00" in text
    closing = st.closing_balance
    assert closing > 0
    assert rmb_capitals(closing, prefix=True) in text
    assert "余额确认回执" in text and "经核对无误，特此确认" not in text  # the customer chooses
    assert "账龄（截至2026年12月14日）" in text  # aged as of the statement's own date
    assert "QK-000001" in text  # open promise
    assert set(fonts_of(out).values()) == {True}  # some fonts, every one embedded


def test_english_statement(cjk_fonts, tmp_path):
    st = sample_statement(40)
    out = render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts, lang="en")
    text = all_text(out)
    assert "Statement of account" in text
    assert "15 Sep 2026 to 13 Dec 2026" in text
    assert "Balance brought forward" in text and "Balance confirmation" in text
    assert "Page 1 of" in text
    # Chinese names and capitals still print in the English version.
    assert st.customer.name in text
    assert rmb_capitals(st.closing_balance, prefix=True) in squash(text)


def test_columns_add_up_and_totals_match_the_model(cjk_fonts, tmp_path):
    st = sample_statement(40)
    out = render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts, lang="en")
    text = squash(all_text(out))
    from models.vocabulary.money import format_money

    assert (
        f"Totalsfortheperiod{format_money(st.total_debit)}{format_money(st.total_credit)}" in text
    )
    assert st.opening_balance + st.total_debit - st.total_credit == st.closing_balance


def test_voided_entry_is_struck_out_and_its_reversal_left_out(cjk_fonts, tmp_path):
    st = sample_statement(20)
    voided = [r for r in st.rows if r.entry.is_voided]
    assert len(voided) == 1 and any(r.entry.is_reversal for r in st.rows)
    out = render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts, lang="zh")
    text = all_text(out)
    assert text.count("SK-VOID") == 1  # the original once, the reversal not at all
    assert "已作废：支票 88012345 跳票" in text
    omitted = render_statement(st, tmp_path / "o.pdf", fonts=cjk_fonts, voided="omit")
    assert "SK-VOID" not in all_text(omitted)


def test_customer_in_credit_reads_correctly(cjk_fonts, tmp_path):
    st = sample_statement(12, in_credit=True)
    assert st.closing_balance == -50_000
    zh = squash(all_text(render_statement(st, tmp_path / "z.pdf", fonts=cjk_fonts, lang="zh")))
    assert "贵方预付款余额：¥500.00" in zh
    assert "贵方在广州市清源副食品批发有限公司尚有预付款¥500.00（人民币伍佰元整）" in zh
    assert "余额为负数表示贵方已预付" in zh
    assert "负伍佰" not in zh and "-¥" not in zh  # never a "negative" amount in words
    en = all_text(render_statement(st, tmp_path / "e.pdf", fonts=cjk_fonts, lang="en"))
    assert "You are in credit: you have paid ¥500.00 in advance" in en
    assert "have paid" in en and "¥500.00 (" in en and "in advance" in en


def test_settled_account(cjk_fonts, tmp_path):
    st = sample_statement(0, opening=0, with_void=False)
    assert st.closing_balance == 0 and not st.rows
    text = all_text(render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts, lang="en"))
    assert "Nothing is owed" in text and "is settled" in text


def test_300_entries_paginate_with_header_name_and_page_numbers(cjk_fonts, tmp_path):
    st = sample_statement(300)
    out = render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts, lang="zh")
    pages = page_texts(out)
    n = len(pages)
    assert n >= 4
    for i, page in enumerate(pages, start=1):
        flat = squash(page)
        # Every page has entries (the last one too: the slip never stands alone) and
        # repeats the table header.
        assert "2026-" in flat, f"no entries on page {i}"
        assert "日期单号摘要应收金额已收/冲减余额" in flat, f"table header missing on page {i}"
        assert st.customer.name in page, f"customer name missing on page {i}"
        assert f"第{i}页/共{n}页" in flat
    # The slip is on the last page only.
    assert "余额确认回执" in pages[-1] and all("余额确认回执" not in p for p in pages[:-1])
    # Every standing entry printed once.
    numbers = [r.entry.doc_no for r in st.rows if r.entry.doc_no.startswith("SH")]
    text = all_text(out)
    assert all(text.count(no) == 1 for no in numbers)


def _record_spans(monkeypatch) -> list[tuple[float, float, str]]:
    """Record the horizontal extent of every string the pen draws."""
    spans: list[tuple[float, float, str]] = []
    original = Pen.draw

    def spy(self, c, x, y, text, size, *, align="left", max_width=None, **kw):
        width = original(self, c, x, y, text, size, align=align, max_width=max_width, **kw)
        left = {"left": x, "right": x - width, "center": x - width / 2}[align]
        shown = self.fit(text, size, max_width) if max_width is not None and kw.get("cut") else text
        spans.append((left, left + width, shown))
        return width

    monkeypatch.setattr(Pen, "draw", spy)
    return spans


def test_sixty_character_customer_name_does_not_overflow(cjk_fonts, tmp_path, monkeypatch):
    name = "广州市白云区石井街道庆丰村第三经济合作社综合批发市场东区七十八号档口好又多便利连锁超市有限公司"
    name = (name * 2)[:60]
    assert len(name) == 60
    st = sample_statement(60, customer=sample_customer(name=name))
    spans = _record_spans(monkeypatch)
    out = render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts, lang="zh")
    width = paper("A4")[0]
    margin = 14 * 72 / 25.4
    assert spans
    for x0, x1, text in spans:
        assert x0 >= margin - 0.5 and x1 <= width - margin + 0.5, f"{text!r} overflows"
    assert name[:20] in all_text(out)  # the name is there, cut with an ellipsis where needed
    assert len(page_texts(out)) >= 2


def test_as_of_differs_from_period_end(cjk_fonts, tmp_path):
    st = dataclasses.replace(sample_statement(10), as_of=dt.date(2026, 12, 20))
    text = squash(all_text(render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts, lang="zh")))
    assert "账龄截至2026年12月20日" in text and "截至2026年12月13日" in text


def test_unknown_voided_mode_is_refused(cjk_fonts):
    with pytest.raises(ValueError):
        build_statement(sample_statement(3), fonts=cjk_fonts, voided="hide")


def _with_entry(st, entry: Entry):
    """`st` with `entry` added on the last day (balances and totals kept right)."""
    closing = st.closing_balance + entry.delta
    return dataclasses.replace(
        st,
        rows=(*st.rows, LedgerRow(entry, closing)),
        closing_balance=closing,
        total_debit=st.total_debit + entry.debit,
        total_credit=st.total_credit + entry.credit,
    )


def _long_cheque(st) -> Entry:
    day = st.period_to
    return Entry(
        9001,
        st.customer.id,
        day,
        EntryKind.PAYMENT,
        50_000,
        -50_000,
        doc_no="SK-LONG",
        method=PaymentMethod.CHEQUE,
        cheque=Cheque(
            9001,
            "23863616",
            "中国工商银行广州石井支行营业部",
            day,
            dt.date(2027, 1, 23),
            ChequeStatus.RECEIVED,
        ),
        memo="王姐代付，十二月份货款尾数，余款下次送货时一并结清",
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_long_description_wraps_instead_of_losing_the_due_date(cjk_fonts, tmp_path, lang):
    st = sample_statement(6)
    st = _with_entry(st, _long_cheque(st))
    out = render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts, lang=lang)
    text = squash(all_text(out))
    assert "2027-01-23" in text  # the cheque's due date, no longer cut off
    assert "余款下次送货时一并结清" in text  # and the memo after it
    assert "…" not in text
    assert len(page_texts(out)) == 1


def test_absurdly_long_description_is_cut_after_three_lines(cjk_fonts, tmp_path, monkeypatch):
    st = sample_statement(5)
    entry = dataclasses.replace(_long_cheque(st), memo="十二月份货款尾数" * 40)
    st = _with_entry(st, entry)
    spans = _record_spans(monkeypatch)
    out = render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts, lang="zh")
    lines = [t for _, _, t in spans if "十二月份" in t or "23863616" in t]
    # Only the memo (free text) is shortened; the cheque's number, bank and due date stay.
    assert lines[-1].endswith("…") and len(lines) <= 4
    assert "23863616" in lines[0]
    assert "2027-01-23" in squash(all_text(out))
    width = paper("A4")[0]
    margin = 14 * 72 / 25.4
    for x0, x1, text in spans:
        assert x0 >= margin - 0.5 and x1 <= width - margin + 0.5, f"{text!r} overflows"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_typical_statement_fits_one_page_with_aging_and_slip(cjk_fonts, tmp_path, lang):
    # 10 entries, a bounced cheque, a discount, one promise: with the full confirmation
    # slip (number, dates, contact, two answers with 40 mm seal boxes) and the 20 mm
    # binding margin. (24 entries fitted at 8 pt with a smaller slip; issue 18 asks for
    # 9 pt and seal boxes a real seal fits in.)
    st = sample_statement(10)
    out = render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts, lang=lang)
    pages = page_texts(out)
    assert len(pages) == 1
    flat = squash(pages[0])
    slip = "余额确认回执" if lang == "zh" else "Balanceconfirmation"
    assert slip in flat and "QK-000001" in flat
    assert ("第1页/共1页" if lang == "zh" else "Page1of1") in flat


@pytest.mark.parametrize("entries", [38, 42, 50, 60, 75])
def test_a_page_break_never_leaves_the_slip_or_aging_alone(cjk_fonts, tmp_path, entries):
    st = sample_statement(entries)
    out = render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts, lang="zh")
    pages = [squash(p) for p in page_texts(out)]
    assert len(pages) >= 2
    last = pages[-1]
    # The last page carries the last entries under the repeated header, the totals, the
    # aging boxes and the slip; no earlier page has any of these.
    assert "日期单号摘要应收金额已收/冲减余额" in last
    assert st.rows[-1].entry.doc_no in last
    for part in ("本期合计", "期末余额", "账龄（截至", "余额确认回执"):
        assert part in last
        assert all(part not in p for p in pages[:-1])
    # ... and the page before it is full: what moved could not have stayed there.
    doc = build_statement(st, fonts=cjk_fonts, lang="zh")
    frame_bottom = 40.0
    before = doc.pages[-2].placed
    block, top = before[-1]
    room_left = top - block.height - frame_bottom
    moved = sum(b.height for b, _ in doc.pages[-1].placed[1:])  # less the repeated header
    assert room_left < moved
    assert all(top - b.height >= frame_bottom - 0.01 for p in doc.pages for b, top in p.placed)


def test_rows_of_varying_height_paginate(cjk_fonts, tmp_path):
    st = sample_statement(90)
    rows = tuple(
        LedgerRow(dataclasses.replace(r.entry, memo="送货上门，" * (i % 7) * 3), r.balance)
        for i, r in enumerate(st.rows)
    )
    st = dataclasses.replace(st, rows=rows)
    out = render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts, lang="zh")
    pages = page_texts(out)
    n = len(pages)
    assert n >= 3
    for i, page in enumerate(pages, start=1):
        flat = squash(page)
        assert "日期单号摘要应收金额已收/冲减余额" in flat, f"table header missing on page {i}"
        assert f"第{i}页/共{n}页" in flat
    text = all_text(out)
    numbers = [r.entry.doc_no for r in st.rows if r.entry.doc_no.startswith("SH")]
    assert all(text.count(no) == 1 for no in numbers)
    doc = build_statement(st, fonts=cjk_fonts, lang="zh")
    assert all(top - b.height >= 40.0 - 0.01 for p in doc.pages for b, top in p.placed)


def test_a_heading_never_ends_a_page_without_what_it_heads():
    """The aging heading fitted at the foot of a page, but the aging boxes moved on with
    the promises and the slip (together they fit a fresh page): the heading stood alone.
    A sticky heading's block stays under it; what follows flows on."""
    from reports.typesetting.layout import Block, Frame, paginate

    frame = Frame(left=0, right=100, top=500, bottom=0, first_top=500)
    filler = Block(440, lambda c, top: None)
    heading = Block(14, lambda c, top: None, keep_with_next=True, sticky=True)
    boxes = Block(30, lambda c, top: None, keep_with_next=True)
    tail = Block(460, lambda c, top: None)  # boxes + tail fit a page; heading + both do not
    pages = paginate([filler, heading, boxes, tail], frame)
    placed = [[b for b, _top in p.placed] for p in pages]
    assert placed == [[filler, heading, boxes], [tail]]


def test_the_aging_heading_and_its_boxes_share_a_page_on_a5(cjk_fonts, tmp_path):
    """106 entries on A5 put the aging heading at the foot of page 7 and its boxes on
    page 8 before the fix."""
    company = dataclasses.replace(sample_statement(1).company, paper_size="A5")
    st = sample_statement(106, company=company)
    out = render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts, lang="zh")
    pages = [squash(p) for p in page_texts(out)]
    [with_heading] = [p for p in pages if "账龄（截至" in p]
    assert "逾期" in with_heading and "余额" in with_heading
