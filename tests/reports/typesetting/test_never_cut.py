"""Every document at A4, A5 and Letter, in Chinese and English, with the longest values a
ledger holds (60-character names, 30-character numbers, ¥999,999,999,999.99), read back
with the position of every character.

pdfplumber rather than pypdf: pypdf's visitor_text gives where a string starts, not how
wide each character is, so "does this text run off the page or into the next column"
would need our own font metrics — the very thing under test. pdfplumber reads each
character's box from the PDF's own widths.
"""

from __future__ import annotations

import dataclasses

import pdfplumber
import pytest

from reports.documents.iou import render_ious
from reports.documents.routesheet import render_route_sheet
from reports.documents.samples import sample_customer, sample_note, sample_promise
from reports.documents.statement import render_statement
from tests.reports.extremes import (
    HUGE,
    HUGE_TEXT,
    LONG_ADDRESS,
    LONG_CODE,
    LONG_DOC,
    LONG_NAME,
    LONG_SERIAL,
    long_company,
    long_customer,
    long_promise,
    long_route_sheet,
    long_statement,
)
from tests.reports.helpers import squash

PAPERS = ("A4", "A5", "Letter")
LANGS = ("zh", "en")


def _chars(path) -> list[tuple[int, dict, tuple[float, float]]]:
    out = []
    with pdfplumber.open(str(path)) as pdf:
        for n, page in enumerate(pdf.pages):
            for ch in page.chars:
                if ch["text"].strip():
                    out.append((n, ch, (float(page.width), float(page.height))))
    return out


def _text(path) -> str:
    """The page text, plus the text of each wrapped cell: the fragments that start at
    the same left edge, top to bottom (a wrapped number's lines are interleaved with the
    neighbouring columns in the plain page text)."""
    parts = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            parts.append(squash(page.extract_text() or ""))
            columns: dict[int, list[dict]] = {}
            for word in page.extract_words(x_tolerance=1.5):
                columns.setdefault(round(word["x0"]), []).append(word)
            for words in columns.values():
                words.sort(key=lambda w: w["top"])
                parts.append("".join(w["text"] for w in words))
    return "\n".join(parts)


def _check_positions(path) -> None:
    """No character outside the page, and no two characters drawn over each other
    (text running into the next column's text)."""
    chars = _chars(path)
    assert chars
    by_line: dict[tuple[int, int], list[dict]] = {}
    for n, ch, (w, h) in chars:
        assert ch["x0"] >= -0.5 and ch["x1"] <= w + 0.5, f"{ch['text']!r} off the page side"
        assert ch["top"] >= -0.5 and ch["bottom"] <= h + 0.5, f"{ch['text']!r} off the page"
        by_line.setdefault((n, round(ch["top"])), []).append(ch)
    for (_n, _top), line in by_line.items():
        line.sort(key=lambda c: c["x0"])
        for a, b in zip(line, line[1:], strict=False):
            overlap = a["x1"] - b["x0"]
            # Glyph boxes of neighbours touch; a real collision overlaps by a good part
            # of a character.
            assert overlap < min(a["x1"] - a["x0"], b["x1"] - b["x0"]) * 0.35, (
                f"{a['text']!r} and {b['text']!r} overlap at x={b['x0']:.1f}"
            )


def _check_vertical_rules(path) -> None:
    """Grid tables: no character crosses a column rule."""
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            rules = [ln for ln in page.lines if abs(ln["x0"] - ln["x1"]) < 0.1 and ln["height"] > 8]
            for ch in page.chars:
                if not ch["text"].strip():
                    continue
                for r in rules:
                    inside = r["top"] - 0.5 <= ch["top"] and ch["bottom"] <= r["bottom"] + 0.5
                    if inside:
                        assert not (ch["x0"] + 0.3 < r["x0"] < ch["x1"] - 0.3), (
                            f"{ch['text']!r} crosses a column rule at x={r['x0']:.1f}"
                        )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paper_name", PAPERS)
def test_statement_never_cuts(cjk_fonts, tmp_path, paper_name, lang):
    st = dataclasses.replace(long_statement(long_company(paper_name, lang)), number="DZ-000042")
    out = render_statement(st, tmp_path / "s.pdf", fonts=cjk_fonts)
    text = _text(out)
    for whole in (LONG_NAME, LONG_CODE, LONG_DOC, LONG_SERIAL, squash(LONG_ADDRESS), HUGE_TEXT):
        assert whole in text, f"{whole!r} is cut"
    assert text.count("DZ-000042") >= 2  # the statement and its slip
    _check_positions(out)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paper_name", PAPERS)
def test_iou_never_cuts(cjk_fonts, tmp_path, paper_name, lang):
    company = long_company(paper_name, lang)
    out = render_ious(
        [sample_note(long_promise(), HUGE)],
        long_customer(),
        company,
        tmp_path / "i.pdf",
        fonts=cjk_fonts,
    )
    text = _text(out)
    for whole in (LONG_NAME, LONG_CODE, LONG_SERIAL, squash(LONG_ADDRESS), HUGE_TEXT):
        assert text.count(whole) >= 2, f"{whole!r} is cut"
    assert "…" not in text
    _check_positions(out)


@pytest.mark.parametrize("wide", [True, False])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paper_name", PAPERS)
def test_route_sheet_never_cuts(cjk_fonts, tmp_path, paper_name, lang, wide):
    company = long_company(paper_name, lang)
    out = render_route_sheet(
        long_route_sheet(), company, tmp_path / "r.pdf", fonts=cjk_fonts, wide=wide
    )
    text = _text(out)
    for whole in (LONG_NAME, LONG_CODE, squash(LONG_ADDRESS), HUGE_TEXT):
        assert whole in text, f"{whole!r} is cut"
    assert "…" not in text
    _check_positions(out)
    _check_vertical_rules(out)


@pytest.mark.parametrize("paper_name", PAPERS)
def test_route_sheet_body_is_ten_points_and_handwritten_columns_on_the_page(
    cjk_fonts, tmp_path, paper_name
):
    company = long_company(paper_name, "zh")
    out = render_route_sheet(long_route_sheet(), company, tmp_path / "r.pdf", fonts=cjk_fonts)
    text = _text(out)  # every character is on the page: see test_route_sheet_never_cuts
    for head in ("实收现金", "新约定日期", "客户签字", "备注"):
        assert head in text
    with pdfplumber.open(str(out)) as pdf:
        body = [ch for page in pdf.pages for ch in page.chars if ch["text"] in LONG_NAME]
        assert sum(1 for ch in body if ch["size"] >= 9.99) >= len(LONG_NAME)


@pytest.mark.parametrize("paper_name", PAPERS)
def test_binding_margin_is_at_least_20_mm_unless_turned_off(cjk_fonts, tmp_path, paper_name):
    mm = 72 / 25.4
    edge = 20 * mm - 0.05  # what the PDF's two decimals make of exactly 20 mm
    company = long_company(paper_name, "zh")
    for binding in (True, False):
        co = dataclasses.replace(company, binding_margin=binding)
        st = long_statement(co)
        out = render_statement(st, tmp_path / f"s{binding}.pdf", fonts=cjk_fonts)
        left = min(ch["x0"] for _n, ch, _size in _chars(out))
        assert left >= edge if binding else left < edge
        iou = render_ious(
            [sample_note(long_promise())],
            long_customer(),
            co,
            tmp_path / f"i{binding}.pdf",
            fonts=cjk_fonts,
        )
        if paper_name == "A5":  # each copy on a landscape A5 page: bound at the top
            left = min(ch["top"] for _n, ch, _size in _chars(iou))
        else:
            left = min(ch["x0"] for _n, ch, _size in _chars(iou))
        assert left >= edge if binding else left < edge
        route = render_route_sheet(
            long_route_sheet(), co, tmp_path / f"r{binding}.pdf", fonts=cjk_fonts
        )
        with pdfplumber.open(str(route)) as pdf:  # landscape: bound at the top
            top = min(ch["top"] for ch in pdf.pages[0].chars)
        assert top >= edge if binding else top < edge


def _collisions(path) -> list[str]:
    """Characters drawn over each other anywhere on a page, across lines too (a body
    paragraph running down into the signature rows)."""
    found = []
    with pdfplumber.open(str(path)) as pdf:
        for n, page in enumerate(pdf.pages):
            chars = sorted((c for c in page.chars if c["text"].strip()), key=lambda c: c["top"])
            for i, a in enumerate(chars):
                for b in chars[i + 1 :]:
                    if b["top"] >= a["bottom"]:
                        break
                    w = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
                    h = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
                    small_w = min(a["x1"] - a["x0"], b["x1"] - b["x0"])
                    small_h = min(a["bottom"] - a["top"], b["bottom"] - b["top"])
                    if w > 0.35 * small_w and h > 0.35 * small_h:
                        found.append(f"page {n + 1}: {a['text']!r} over {b['text']!r}")
    return found


COMPANY_DEBTOR = "广州市白云区石井镇清源副食品批发有限公司（华南区域第一结算中心）"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paper_name", PAPERS)
def test_iou_of_a_company_debtor_with_the_clause_never_runs_into_the_signatures(
    cjk_fonts, tmp_path, paper_name, lang
):
    """The 40 mm company seal, the late-payment clause, the creditor's credit code and
    account and the longest values: too much for half a sheet (or an A5 landscape page)
    even at 7.5 pt, so each copy gets a whole upright page; before, the body ran 18–39 pt
    down into the signature rows."""
    company = dataclasses.replace(
        long_company(paper_name, lang),
        iou_default_clause=True,
        credit_code="91440101MA5CXXXX1X",
        bank_account="6222 0000 1111 2222 333",
    )
    customer = dataclasses.replace(long_customer(), name=COMPANY_DEBTOR)
    out = render_ious(
        [sample_note(long_promise(), HUGE)], customer, company, tmp_path / "i.pdf",
        fonts=cjk_fonts,
    )  # fmt: skip
    assert _collisions(out) == []
    with pdfplumber.open(str(out)) as pdf:
        assert len(pdf.pages) == 2  # a copy a page, both upright
        assert all(p.height > p.width for p in pdf.pages)
    text = _text(out)
    assert text.count(squash(COMPANY_DEBTOR)) >= 2
    _check_positions(out)


@pytest.mark.parametrize("paper_name", ["A4", "Letter"])
def test_an_ordinary_company_debtor_note_still_shares_one_sheet(cjk_fonts, tmp_path, paper_name):
    """The roomier layout is for notes that need it: a company debtor with ordinary
    names and the clause keeps both copies on one sheet, cut in two."""
    company = dataclasses.replace(
        long_company(paper_name, "zh"), name="清源副食批发", iou_default_clause=True
    )
    customer = dataclasses.replace(sample_customer(1), name="广州市永旺百货有限公司")
    out = render_ious(
        [sample_note(sample_promise(1, customer))], customer, company, tmp_path / "i.pdf",
        fonts=cjk_fonts,
    )  # fmt: skip
    with pdfplumber.open(str(out)) as pdf:
        assert len(pdf.pages) == 1
    assert _collisions(out) == []
