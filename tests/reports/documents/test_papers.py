"""What a customer, a rep or a judge reads on the papers: the statement's two dates,
open deliveries, carried-forward lines, the numbered slip, the receiving QR code, and
the route sheet's credit and totals."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re

import pdfplumber
from pypdf import PdfReader
from reportlab.lib.units import mm

from models.vocabulary import clock
from models.vocabulary.aging_records import OpenItem
from models.vocabulary.entry_records import VOID_BOUNCED, EntryKind
from reports.documents.routesheet import render_route_sheet
from reports.documents.samples import COMPANY, sample_route_sheet, sample_statement
from reports.documents.statement import render_statement
from tests.reports.helpers import all_text, page_texts, squash


def _png() -> bytes:
    """A small PNG made here (a stand-in for the company's uploaded QR code)."""
    from PIL import Image  # reportlab depends on Pillow

    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "black").save(buffer, "PNG")
    return buffer.getvalue()


def test_period_and_as_of_are_both_named(cjk_fonts, tmp_path):
    st = sample_statement(10)  # period ends 13 Dec, aged as of 14 Dec
    zh = squash(all_text(render_statement(st, tmp_path / "z.pdf", fonts=cjk_fonts, lang="zh")))
    assert "期末（2026年12月13日）" in zh and "截至2026年12月14日（含期后发生额）" in zh
    assert "下方账龄按该日计算" in zh
    same = dataclasses.replace(st, as_of=st.period_to)
    plain = squash(all_text(render_statement(same, tmp_path / "p.pdf", fonts=cjk_fonts, lang="en")))
    assert "Asof13Dec2026" in plain and "entriesaftertheperiod" not in plain


def test_open_deliveries_are_listed_with_due_dates_and_days_overdue(cjk_fonts, tmp_path):
    items = (
        OpenItem(1, sample_statement(1).period_from, EntryKind.OPENING, "", 100_00, 40_00, None, 0),
        OpenItem(
            2,
            sample_statement(1).period_to,
            EntryKind.DELIVERY,
            "SH-77",
            500_00,
            500_00,
            sample_statement(1).period_to,
            1,
        ),
    )
    st = dataclasses.replace(sample_statement(10), open_items=items)
    zh = squash(all_text(render_statement(st, tmp_path / "z.pdf", fonts=cjk_fonts, lang="zh")))
    assert "截至2026年12月14日未付清的送货单" in zh
    assert "SH-77500.00500.002026-12-131" in zh  # amount, still open, due on, days overdue
    assert "期初余额100.0040.00未到期" in zh
    # The oldest open item is the opening balance: said so, not "delivery".
    assert "最早一笔未付款：期初余额" in zh


def test_long_statements_carry_the_balance_over_each_page_break(cjk_fonts, tmp_path):
    st = sample_statement(300)
    pages = page_texts(render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts, lang="zh"))
    assert len(pages) >= 4
    for before, after in zip(pages, pages[1:], strict=False):
        forward = re.search(r"过次页\s*([\d,.-]+)", before)
        brought = re.search(r"承前页\s*([\d,.-]+)", after)
        assert forward and brought and forward.group(1) == brought.group(1)
    assert "过次页" not in pages[-1] and "承前页" not in pages[0]


def test_the_slip_is_a_confirmation_with_two_answers_and_dates(cjk_fonts, tmp_path):
    """Issue 18 item 6: as an audit confirmation (询证函): the balance stated, nothing
    confirmed before the choice, "correct" and "not correct: how much and why" as two
    blocks each with signature, seal box and date; the issue and reply-by dates; no
    "silence is consent" unless Settings say the customers agreed to it."""
    company = dataclasses.replace(
        COMPANY, reply_days=10, contact_name="王会计", contact_phone="020-8666 1235"
    )
    st = dataclasses.replace(sample_statement(8, company=company), number="DZ-000321")
    clock.pin(dt.datetime(2026, 12, 14, 9, 0))
    try:
        out = render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts, lang="zh")
        agreed = dataclasses.replace(
            st, company=dataclasses.replace(company, silence_confirms=True)
        )
        silent = render_statement(agreed, tmp_path / "a.pdf", fonts=cjk_fonts, lang="zh")
        en = squash(all_text(render_statement(st, tmp_path / "e.pdf", fonts=cjk_fonts, lang="en")))
    finally:
        clock.pin(None)
    text = squash(all_text(out))
    assert text.count("对账单编号：DZ-000321") == 2  # the statement and the slip
    slip = text[text.index("余额确认回执") :]
    assert "本对账单开具日期：2026年12月14日" in slip and "于2026年12月24日前交回" in slip
    assert "特此确认" not in slip and "经核对无误" not in slip
    assert "视为确认" not in text and "逾期未回复视为确认。" in squash(all_text(silent))
    assert "如有疑问请联系：王会计020-86661235。" in slip
    correct, wrong = slip.index("数据证明无误"), slip.index("数据不符，请列明不符金额及原因")
    assert correct < wrong
    for block in (slip[correct:wrong], slip[wrong:]):
        assert "经办人签字" in block and "日期" in block and "客户单位盖章" in block
    assert "不符金额¥" in slip[wrong:] and "原因" in slip[wrong:]
    assert f"客户：{st.customer.name}（C0001）" in slip
    assert "by24Dec2026" in en and "Thefiguresarenotcorrect" in en
    with pdfplumber.open(str(out)) as pdf:  # the boxes drawn: ticks ≥ 4 mm, seals 40 mm
        squares = [
            r["width"] / mm
            for page in pdf.pages
            for r in page.rects
            if abs(r["width"] - r["height"]) < 0.5
        ]
    assert sum(1 for w in squares if 4 <= w < 5) == 2
    assert sum(1 for w in squares if 38 <= w <= 42) == 2


def test_qr_code_and_account_holder_are_printed_as_uploaded(cjk_fonts, tmp_path):
    company = dataclasses.replace(COMPANY, payment_qr=_png(), account_holder="清源副食品")
    st = sample_statement(8, company=company)
    out = render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts, lang="zh")
    assert "户名：清源副食品" in squash(all_text(out))
    assert len(PdfReader(str(out)).pages[0].images) == 1
    plain = render_statement(sample_statement(8), tmp_path / "p.pdf", fonts=cjk_fonts)
    assert len(PdfReader(str(plain)).pages[0].images) == 0


def test_a_bounce_reads_in_the_documents_language(cjk_fonts, tmp_path):
    st = sample_statement(20)
    rows = []
    for r in st.rows:
        if r.entry.is_voided or r.entry.is_reversal:
            r = dataclasses.replace(
                r,
                entry=dataclasses.replace(r.entry, void_kind=VOID_BOUNCED, void_reason="存款不足"),
            )
        rows.append(r)
    st = dataclasses.replace(st, rows=tuple(rows))
    zh = squash(all_text(render_statement(st, tmp_path / "z.pdf", fonts=cjk_fonts, lang="zh")))
    en = squash(all_text(render_statement(st, tmp_path / "e.pdf", fonts=cjk_fonts, lang="en")))
    assert "已作废：支票88012345跳票：存款不足" in zh
    assert "Voided:Cheque88012345bounced:存款不足" in en


def test_route_sheet_credit_reads_prepaid_and_totals_align(cjk_fonts, tmp_path):
    sheet = sample_route_sheet(3)
    stops = list(sheet.stops)
    stops[1] = dataclasses.replace(stops[1], balance=-12_000, overdue=0)
    sheet = dataclasses.replace(sheet, stops=tuple(stops))
    out = render_route_sheet(sheet, COMPANY, tmp_path / "r.pdf", fonts=cjk_fonts, lang="zh")
    text = squash(all_text(out))
    assert "预付¥120.00" in text and "-120.00" not in text and "@" not in text
    with pdfplumber.open(str(out)) as pdf:
        words = pdf.pages[0].extract_words()
    balances = [w for w in words if re.fullmatch(r"[\d,]+\.\d\d", w["text"])]
    # The balance column: every stop's balance and the total end at one right edge.
    total = f"{sheet.total_balance // 100:,}.{sheet.total_balance % 100:02d}"
    edge = [w["x1"] for w in balances if w["text"] == total]
    assert edge
    first = f"{stops[0].balance // 100:,}.{stops[0].balance % 100:02d}"
    assert abs([w["x1"] for w in balances if w["text"] == first][0] - edge[0]) < 0.5
