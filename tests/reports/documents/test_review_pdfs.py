"""The aging report and the weekly review PDFs, read back: totals, as-of date, pages,
names never cut, both languages; and `print aging|review` on the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from cli.commands import run
from cli.parser import build_parser
from models.ledger import customers, people, posting
from models.vocabulary.customer_records import CustomerDraft
from reports.documents.aging_report import print_aging
from reports.documents.review_report import print_review
from reports.typesetting.fonts import FontSet
from tests.reports.helpers import all_text, page_texts, squash
from tests.review_data import AS_OF, build_review_ledger

LONG_NAME = (
    "广州市天河区珠江新城华夏路一号非常非常长的名字超级便利店连锁有限公司第十八分店（体育西路旧址）"
)


@pytest.fixture
def business(ledger: str) -> str:
    build_review_ledger()
    return ledger


def test_aging_by_rep_totals_and_as_of(business: str, cjk_fonts: FontSet, tmp_path: Path) -> None:
    out = print_aging(tmp_path / "a.pdf", AS_OF, "rep", lang="en", fonts=cjk_fonts)
    text = squash(all_text(out))
    assert "Agingreport" in text and "Asof26Nov2026" in text
    assert "GrandTotal" in text.replace("Grandtotal", "GrandTotal")
    # Grand total: 1,969.50 owed = buckets 1,049.50 / 420.00 / 50.00 / 480.00 and −30.00 in
    # credit (one customer paid in advance), 1,479.50 overdue.
    assert "1,969.501,049.50420.0050.00480.00-30.001,479.50" in text
    # 张伟's subtotal (A001 and D004, in credit), and the customers without a rep.
    assert "SubtotalRep:张伟2customers720.00400.00300.0050.000.00-30.00350.00" in text
    assert "NorepC003" in text
    assert "Page1of1" in text


def test_aging_by_route_in_chinese(business: str, cjk_fonts: FontSet, tmp_path: Path) -> None:
    out = print_aging(tmp_path / "a.pdf", AS_OF, "route", lang="zh", fonts=cjk_fonts)
    text = squash(all_text(out))
    assert "账龄分析表" in text and "截至2026年11月26日" in text and "按线路" in text
    assert "小计线路：城西线" in text and "未指定线路" in text
    assert "第1页/共1页" in text


def test_aging_of_many_customers_wraps_names_and_numbers_pages(
    ledger: str, cjk_fonts: FontSet, tmp_path: Path
) -> None:
    rep = people.add_rep("张伟")
    for i in range(120):
        c = customers.add_customer(
            CustomerDraft(code=f"C{i:04d}", name=LONG_NAME if i == 7 else f"客户{i}", rep_id=rep.id)
        )
        posting.post_delivery(c.id, dt.date(2026, 10, 1), 1000_00 + i)
    out = print_aging(tmp_path / "a.pdf", AS_OF, "rep", lang="zh", fonts=cjk_fonts)
    pages = page_texts(out)
    assert len(pages) > 2
    assert all(f"第{n}页/共{len(pages)}页" in squash(t) for n, t in enumerate(pages, 1))
    assert squash(LONG_NAME) in squash("".join(pages))  # wrapped, never cut
    assert "…" not in "".join(pages)
    assert all("截至2026年11月26日" in squash(t) for t in pages)  # the as-of date on every page
    page = PdfReader(str(out)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_review_figures_and_tables(business: str, cjk_fonts: FontSet, tmp_path: Path) -> None:
    out = print_review(tmp_path / "r.pdf", AS_OF, lang="en", fonts=cjk_fonts)
    text = squash(all_text(out))
    assert "Weeklyreview" in text and "Asof26Nov2026" in text
    assert "Totalowed¥1,969.50" in text and "Overdue¥1,479.50" in text
    assert "72.7days" in text and "24.1days" in text and "48.6days" in text and "30.5%" in text
    assert "collected580.00,delivered1,400.00" in text  # this month
    assert "张伟2720.00350.006.7%280.00201" in text  # the rep's row
    assert "Topdebtors" in text and "A001东城王记便利店张伟750.00350.00" in text
    assert "Qualityproblems22" in text  # the reasons: 2 visits, 2 customers
    assert "Page1of" in text


def test_review_in_chinese_has_no_english_labels(
    business: str, cjk_fonts: FontSet, tmp_path: Path
) -> None:
    out = print_review(tmp_path / "r.pdf", AS_OF, lang="zh", fonts=cjk_fonts)
    text = squash(all_text(out))
    assert "经营回顾" in text and "应收合计¥1,969.50" in text and "截至2026年11月26日" in text
    for english in ("Total owed", "Per rep", "Top debtors", "Collections", "days"):
        assert squash(english) not in text


def _cli(target: str, *args: str) -> int:
    return run(build_parser().parse_args(["--db", target, "print", *args]))


def test_print_aging_and_review_commands(
    business: str, cjk_fonts: FontSet, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    aging = tmp_path / "aging.pdf"
    args = ("--as-of", "2026-11-26", "--by", "route", "--lang", "en", "--out", str(aging))
    assert _cli(business, "aging", *args) == 0
    assert "Route:城东线" in squash(all_text(aging))
    review = tmp_path / "review.pdf"
    assert _cli(business, "review", "--as-of", "2026-11-26", "--out", str(review)) == 0
    assert "经营回顾" in squash(all_text(review))  # the company's document language
    said = capsys.readouterr().out.splitlines()
    assert said == [f"Aging report written to {aging}.", f"Review written to {review}."]


def test_print_review_to_a_missing_folder_is_one_line(
    business: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(business, "review", "--out", str(tmp_path / "no" / "r.pdf")) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err
