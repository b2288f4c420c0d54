"""Issue 18: the type on paper, read back from the PDFs with pdfplumber (each character's
size and box as the PDF draws it): nothing below 7 pt on any document, at A4, A5 and
Letter, in both languages, with a 60-character customer name and the largest amounts;
the body of statements, the aging report and the review at 9 pt; document numbers whole
on one line; six stops on an A5 route-sheet page; page breaks that never leave one row
before the totals nor part the totals from the closing balance without 过次页 / 承前页."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pdfplumber
import pytest

from models.vocabulary.customer_records import CustomerDraft
from models.vocabulary.entry_records import LedgerRow
from reports.documents.aging_report import print_aging
from reports.documents.iou import render_ious
from reports.documents.review_report import print_review
from reports.documents.routesheet import render_route_sheet
from reports.documents.samples import COMPANY, sample_note, sample_route_sheet, sample_statement
from reports.documents.statement import render_statement
from tests.reports.extremes import (
    HUGE,
    LONG_NAME,
    long_company,
    long_customer,
    long_promise,
    long_route_sheet,
    long_statement,
)
from tests.reports.helpers import page_texts, squash
from tests.reports.typesetting.test_never_cut import _check_positions
from tests.review_data import AS_OF, build_review_ledger

PAPERS = ("A4", "A5", "Letter")
LANGS = ("zh", "en")
SMALLEST = 7.0


def _sizes(path: Path) -> list[tuple[str, float]]:
    with pdfplumber.open(str(path)) as pdf:
        return [
            (ch["text"], float(ch["size"]))
            for page in pdf.pages
            for ch in page.chars
            if ch["text"].strip()
        ]


def _assert_nothing_small(path: Path) -> None:
    small = [(t, round(s, 2)) for t, s in _sizes(path) if s < SMALLEST - 0.01]
    assert not small, f"{len(small)} characters below {SMALLEST} pt, e.g. {small[:8]}"


def _documents(tmp_path: Path, paper: str, lang: str, fonts) -> list[Path]:
    """Every document that takes the company's paper, with the longest values."""
    company = long_company(paper, lang)
    st = dataclasses.replace(long_statement(company), number="DZ-000042")
    out = [render_statement(st, tmp_path / "s.pdf", fonts=fonts)]
    note = sample_note(long_promise(), HUGE, long_promise().due_at.date())
    out.append(render_ious([note], long_customer(), company, tmp_path / "i.pdf", fonts=fonts))
    for wide in (True, False):
        out.append(
            render_route_sheet(
                long_route_sheet(), company, tmp_path / f"r{wide}.pdf", fonts=fonts, wide=wide
            )
        )
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paper_name", PAPERS)
def test_nothing_below_seven_points_on_any_paper(cjk_fonts, tmp_path, paper_name, lang):
    # Before: a 60-character name on A5 set the running header in 1.6 pt and amounts
    # in 4.7 pt. Now a long name wraps (header, footer, letterhead, cells) instead.
    for path in _documents(tmp_path, paper_name, lang, cjk_fonts):
        _assert_nothing_small(path)
        _check_positions(path)  # and what wraps instead runs into nothing


@pytest.fixture
def business(ledger: str) -> str:
    build_review_ledger()
    return ledger


def _long_names_in_ledger() -> None:
    from models.ledger import customers, people, posting

    rep = people.add_rep("张伟" * 10)
    c = customers.add_customer(
        CustomerDraft(code="C" + "1234567890" * 2, name=LONG_NAME, rep_id=rep.id)
    )
    posting.post_delivery(c.id, AS_OF - dt.timedelta(days=40), 99_999_999_99, doc_no="SH-LONG")


@pytest.mark.parametrize("lang", LANGS)
def test_aging_and_review_body_nine_points_nothing_below_seven(business, cjk_fonts, tmp_path, lang):
    _long_names_in_ledger()
    aging = print_aging(tmp_path / "a.pdf", AS_OF, "rep", lang=lang, fonts=cjk_fonts)
    review = print_review(tmp_path / "r.pdf", AS_OF, lang=lang, fonts=cjk_fonts)
    for path in (aging, review):
        _assert_nothing_small(path)
        # The body: every character of the customers' names (table rows) at 9 pt.
        name = [w["size"] for w in _words(path) if "好又多连锁" in w["text"]]
        assert name and min(name) >= 8.99, f"{path.name}: names at {min(name):.2f} pt"
    text = squash("".join(page_texts(review)))
    # The measure's name once, not again at the head of its explanation.
    assert "应收账款周转天数：应收账款周转天数" not in text
    assert text.count("DSO应收账款周转天数：") == 1 if lang == "zh" else "DSO:Days" in text


def _words(path: Path) -> list[dict]:
    with pdfplumber.open(str(path)) as pdf:
        return [
            w
            for page in pdf.pages
            for w in page.extract_words(keep_blank_chars=False, extra_attrs=["size"])
        ]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paper_name", PAPERS)
def test_statement_body_nine_points_and_numbers_whole(cjk_fonts, tmp_path, paper_name, lang):
    company = dataclasses.replace(COMPANY, paper_size=paper_name)
    st = sample_statement(20, company=company)
    # Document numbers as long as real ones get: a prefix, the year, a serial, a suffix.
    rows = tuple(
        LedgerRow(dataclasses.replace(r.entry, doc_no=f"XS2026-{r.entry.id:06d}-01"), r.balance)
        if r.entry.doc_no
        else r
        for r in st.rows
    )
    st = dataclasses.replace(st, rows=rows)
    out = render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts, lang=lang)
    words = _words(out)
    numbers = {r.entry.doc_no for r in rows if r.entry.doc_no and not r.entry.is_reversal}
    printed = {w["text"] for w in words}
    # Each number is one word on one line (never "XS2026-0000" / "12-01").
    assert numbers <= printed, sorted(numbers - printed)[:5]
    body = [w for w in words if w["text"] in numbers or re.fullmatch(r"[\d,]+\.\d\d", w["text"])]
    assert body and min(w["size"] for w in body) >= 8.99


def _entries_before_totals(page: str) -> int:
    """Entry rows (a line starting with a date) above 本期合计 on `page`."""
    head = page[: page.index("本期合计")]
    return len(re.findall(r"^20\d\d-\d\d-\d\d\s", head, re.M))


@pytest.mark.parametrize("paper_name", ["A4", "A5"])
def test_no_page_holds_a_single_entry_before_the_totals(cjk_fonts, tmp_path, paper_name):
    company = dataclasses.replace(COMPANY, paper_size=paper_name)
    for n in range(6, 46, 3):
        st = sample_statement(n, company=company)
        pages = page_texts(render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts, lang="zh"))
        if len(pages) == 1:
            continue
        last = next(p for p in pages if "本期合计" in p)
        assert _entries_before_totals(last) != 1, f"{n} entries: one row alone before the totals"


@pytest.mark.parametrize("paper_name", ["A4", "A5", "Letter"])
def test_totals_and_closing_balance_part_only_with_carried_forward(cjk_fonts, tmp_path, paper_name):
    company = dataclasses.replace(COMPANY, paper_size=paper_name)
    for n in range(1, 40):
        st = sample_statement(n, company=company)
        # A dozen open promises: a tail taller than a page, which flows block by block.
        st = dataclasses.replace(st, open_promises=st.open_promises * 12)
        pages = page_texts(render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts, lang="zh"))
        at = next(i for i, p in enumerate(pages) if "本期合计" in p)
        if "期末余额" not in pages[at]:
            forward = re.search(r"过次页\s*([\d,.-]+)", pages[at])
            brought = re.search(r"承前页\s*([\d,.-]+)", pages[at + 1])
            assert forward and brought and forward.group(1) == brought.group(1), n
            assert "期末余额" in pages[at + 1]


def test_opening_balance_is_dated_the_day_before_the_period(cjk_fonts, tmp_path):
    st = sample_statement(3)
    assert st.period_from == dt.date(2026, 9, 15)
    text = squash(page_texts(render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts))[0])
    assert "2026-09-14期初余额" in text and "2026-09-15期初余额" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_six_stops_on_every_a5_route_sheet_page(cjk_fonts, tmp_path, lang):
    # Before: 3 stops a page, 13 pages for a route of 40.
    company = dataclasses.replace(COMPANY, paper_size="A5")
    sheet = sample_route_sheet(40)
    out = render_route_sheet(sheet, company, tmp_path / "r.pdf", fonts=cjk_fonts, lang=lang)
    pages = [squash(p) for p in page_texts(out)]
    codes = [len(re.findall(r"[（(]C\d{4}[）)]", p)) for p in pages]
    assert sum(codes) == 40
    # Every page after the first holds six or more, but the last (the totals and the
    # hand-over strip) and the one before it (the last three stops go with the totals).
    assert all(n >= 6 for n in codes[1:-2]), str(codes)
    assert codes[0] >= 4 and len(pages) <= 8, codes
    with pdfplumber.open(str(out)) as pdf:  # landscape, and the handwritten columns
        page = pdf.pages[1]  # are wide enough to write in and hold their titles whole
        assert page.width > page.height
    heads = ("实收现金", "支票/转账", "新约定日期", "客户签字") if lang == "zh" else ()
    for head in heads:
        assert head in pages[1]
