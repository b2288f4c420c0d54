"""The IOU note (欠条): two copies, capitals, large clearance date, reprint mark."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from models.records import PaymentMethod
from reports.iou import build_iou, render_ious
from reports.output import NothingToPrint
from reports.samples import COMPANY, sample_customer, sample_note, sample_promise
from tests.reports.helpers import all_text, fonts_of, page_texts, squash


def test_chinese_iou_two_copies_with_capitals_and_clearance_date(cjk_fonts, tmp_path):
    customer = sample_customer()
    promise = sample_promise(123, customer)
    note = sample_note(promise, owed=2_500_000, on=dt.date(2026, 12, 13))
    out = render_ious([note], customer, COMPANY, tmp_path / "iou.pdf", fonts=cjk_fonts, lang="zh")
    pages = page_texts(out)
    assert len(pages) == 1
    text = squash(pages[0])
    assert text.count("欠条") == 2  # customer's copy and ours
    assert "第一联客户留存" in text and "第二联公司留存" in text and "沿此线剪开" in text
    assert text.count("人民币壹万零伍元零柒分") == 2  # in the operative sentence
    assert text.count("约定于2026年12月14日10:00前清款：¥10,005.07") == 2
    # Why, how much in all and how much this note: the whole first, then the part.
    assert (
        text.count(
            "因购货，截至2026年12月13日尚欠广州市清源副食品批发有限公司货款共计¥25,000.00"
            "（大写：人民币贰万伍仟元整），其中本笔约定于2026年12月14日10:00前清偿¥10,005.07"
            "（大写：人民币壹万零伍元零柒分）。"
        )
        == 2
    )
    # Nothing can be added after the body; the printed time is only a footnote.
    assert text.count("本人确认上述欠款属实，并保证按约定时间足额付清。") == 2
    assert text.count("业务员：张伟（以下空白）") == 2
    assert text.count("打印于") == 2
    assert "编号：QK-000123" in text
    assert (
        "债务人白云区好又多便利店(C0001)" in text and "债权人广州市清源副食品批发有限公司" in text
    )
    assert "付款方式：现金" in text and "付款人：老板娘（王姐）" in text and "业务员：张伟" in text
    assert "欠款人签字" in text and "按手印" in text and text.count("欠款单位盖章") == 2
    assert "签字人姓名" in text and "身份证号/统一社会信用代码" in text
    assert "签字人身份：□店主/负责人□授权付款人" in text
    assert "补打" not in text
    assert set(fonts_of(out).values()) == {True}  # some fonts, every one embedded


def test_reprint_is_marked(cjk_fonts, tmp_path):
    customer = sample_customer()
    promise = sample_promise(5, customer, prints=2)
    out = render_ious(
        [sample_note(promise)], customer, COMPANY, tmp_path / "iou.pdf", fonts=cjk_fonts, lang="zh"
    )
    text = squash(all_text(out))
    assert text.count("补打") == 2 and "第3次打印" in text


def test_part_paid_promise_shows_what_is_left(cjk_fonts, tmp_path):
    customer = sample_customer()
    promise = sample_promise(5, customer, paid=500_007)
    text = squash(
        all_text(
            render_ious(
                [sample_note(promise)],
                customer,
                COMPANY,
                tmp_path / "i.pdf",
                fonts=cjk_fonts,
                lang="zh",
            )
        )
    )
    assert "约定于2026年12月14日10:00前清偿¥5,005.00（大写：人民币伍仟零伍元整）" in text
    assert "该笔约定¥10,005.07，其中已付¥5,000.07。" in text


def test_english_iou(cjk_fonts, tmp_path):
    customer = sample_customer()
    promise = dataclasses.replace(sample_promise(9, customer), method=PaymentMethod.CHEQUE)
    text = all_text(
        render_ious(
            [sample_note(promise)],
            customer,
            COMPANY,
            tmp_path / "i.pdf",
            fonts=cjk_fonts,
            lang="en",
        )
    )
    assert text.count("IOU note") == 2
    assert "To be cleared by 14 Dec 2026 10:00" in text
    assert "Cheque" in text and "REPRINT" not in text
    assert "人民币壹万零伍元零柒分" in squash(text)


def test_one_page_per_promise(cjk_fonts, tmp_path):
    customer = sample_customer()
    promises = [sample_promise(i, customer) for i in (1, 2, 3)]
    out = render_ious(
        [sample_note(p) for p in promises], customer, COMPANY, tmp_path / "i.pdf", fonts=cjk_fonts
    )
    pages = page_texts(out)
    assert len(pages) == 3
    assert ["QK-00000" + str(i) in p for i, p in zip((1, 2, 3), pages, strict=True)]


def test_no_promises_is_nothing_to_print(cjk_fonts, tmp_path):
    with pytest.raises(NothingToPrint, match="no open promises"):
        render_ious([], sample_customer(), COMPANY, tmp_path / "i.pdf", fonts=cjk_fonts, lang="en")
    assert not list(tmp_path.iterdir())


def test_long_names_fit(cjk_fonts):
    customer = sample_customer(name="超" * 60)
    doc = build_iou(sample_note(sample_promise(1, customer)), customer, COMPANY, fonts=cjk_fonts)
    assert doc.page_count == 1
