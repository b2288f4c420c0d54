"""The statement for WeChat read back: the PDF the images are drawn from states the
ledger's figures of the day (checked against sums made here), no text under 10 pt
(30 px at 1080 px), the number on every page and in the QR code; the PNGs are 1080
pixels wide. And the paper slip's barcode scans as the statement number."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import pdfplumber
import pytest
import zxingcpp
from PIL import Image

from models.ledger import posting, promises, settings
from models.papers import statements
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.i18n import using_language
from reports.documents.phone_images import phone_statement, write_phone_statement
from reports.documents.statement import render_statement
from reports.typesetting.formatting import capitals
from reports.typesetting.raster import page_paths, png_pages
from tests.models.helpers import D, make_customer


def _numbered(customer_id: int):  # type: ignore[no-untyped-def]
    st = statements.statement(customer_id, D(2026, 9, 1), D(2026, 11, 26))
    return statements.issue_number(st)


@pytest.fixture
def shop(ledger_target: None, cjk_fonts):  # type: ignore[no-untyped-def]
    company = settings.get_company()
    settings.save_company(dataclasses.replace(company, name="佛山鑫达食品批发部"))
    c = make_customer()
    deliveries = [(D(2026, 9, 10), 1_200_00, "S1"), (D(2026, 10, 5), 845_50, "S2"),
                  (D(2026, 11, 20), 312_25, "S3")]  # fmt: skip
    for on, fen, doc in deliveries:
        posting.post_delivery(c.id, on, fen, doc_no=doc)
    posting.post_payment(c.id, D(2026, 10, 12), 1_000_00, PaymentMethod.CASH)
    wrong = posting.post_delivery(c.id, D(2026, 11, 1), 99_00, doc_no="S9")
    posting.void(wrong.id, "keyed twice")
    promises.make_promise(c.id, 500_00, dt.datetime(2026, 11, 28, 10, 0))
    return c, sum(f for _d, f, _n in deliveries) - 1_000_00


def _text_and_sizes(pdf: bytes) -> tuple[list[str], float]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        texts = [page.extract_text() or "" for page in doc.pages]
        smallest = min(ch["size"] for page in doc.pages for ch in page.chars)
    return texts, smallest


def test_the_images_state_the_days_figures_readably_with_the_number(shop) -> None:  # type: ignore[no-untyped-def]
    customer, owed = shop
    st = _numbered(customer.id)
    result = phone_statement(st, "zh")
    texts, smallest = _text_and_sizes(result.pdf)
    whole = "".join("".join(t.split()) for t in texts)
    assert owed == 1_357_75 == st.closing_balance  # 1,200 + 845.50 + 312.25 − 1,000
    assert "¥1,357.75" in whole and "".join(capitals(owed).split()) in whole
    for fen in ("+1,200.00", "+845.50", "+312.25", "−1,000.00"):
        assert fen in whole
    assert "余额1,357.75" in whole  # the running balance after the last entry
    assert "99.00" not in whole  # a voided pair is left out: it changes nothing
    assert "QK-000001" in whole and "¥500.00" in whole  # the promise as its IOU states it
    assert all(st.number in "".join(t.split()) for t in texts)  # on every page
    assert smallest >= 10  # 30 px at 1080 px wide: readable without zooming
    assert len(result.pngs) == len(texts)
    for png in result.pngs:
        with Image.open(io.BytesIO(png)) as image:
            assert image.width == 1080 and image.format == "PNG"
    with Image.open(io.BytesIO(result.pngs[0])) as first:
        codes = {(b.text, b.format.name) for b in zxingcpp.read_barcodes(first)}
    assert (st.number, "QRCode") in codes
    assert st.number in result.message and "¥1,357.75" in result.message


def test_a_long_statement_runs_to_several_phone_pages_each_numbered(shop, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    customer, _owed = shop
    for n in range(40):
        posting.post_delivery(customer.id, D(2026, 11, 21), 10_00 + n, doc_no=f"L{n:02d}")
    st = _numbered(customer.id)
    result = phone_statement(st, "en")
    texts, _smallest = _text_and_sizes(result.pdf)
    assert len(texts) >= 3
    assert all(f"{st.number}" in t for t in texts)
    assert "Balance owed" in texts[0]
    paths = write_phone_statement(result, tmp_path / "wx.png")
    assert paths == [tmp_path / f"wx-{n}.png" for n in range(1, len(texts) + 1)]
    assert not (tmp_path / "wx.png").exists()


def test_one_page_is_out_png_several_are_numbered() -> None:
    assert page_paths("a/s.png", 1) == [Path("a/s.png")]
    assert page_paths("a/s.png", 2) == [Path("a/s-1.png"), Path("a/s-2.png")]
    assert page_paths("s", 1) == [Path("s.png")]


def test_the_paper_slip_carries_the_number_as_a_barcode(shop, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    customer, _owed = shop
    st = _numbered(customer.id)
    with using_language("zh"):
        path = render_statement(st, tmp_path / "s.pdf")
    last = png_pages(path.read_bytes(), width=2480)[-1]  # A4 at 300 dpi, as a scanner sees it
    with Image.open(io.BytesIO(last)) as page:
        codes = [(b.text, b.format.name) for b in zxingcpp.read_barcodes(page)]
    assert codes == [(st.number, "Code128")]
    preview = statements.statement(customer.id, D(2026, 9, 1), D(2026, 11, 26))  # no number
    path = render_statement(preview, tmp_path / "p.pdf")
    with Image.open(io.BytesIO(png_pages(path.read_bytes(), width=2480)[-1])) as page:
        assert zxingcpp.read_barcodes(page) == []
