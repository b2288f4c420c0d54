"""The commission report (PDF, XLSX, CSV) and the forecast export, read back: the total
is the month's collections, summed here from the entries posted; nothing below 7 pt;
both languages; no formula in a spreadsheet."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pdfplumber
import pytest

from models.ledger import customers, people, posting
from models.ledger.commission_rules import save_commission_rules
from models.review.commission import commission
from models.storage.tables import EntryRow
from models.vocabulary.commission_records import CommissionRules
from models.vocabulary.customer_records import CustomerDraft
from models.vocabulary.entry_records import EntryKind, PaymentMethod
from models.vocabulary.money import format_money
from reports.documents.commission_report import print_commission
from reports.spreadsheets.commission_sheet import export_commission, export_forecast
from reports.typesetting.fonts import FontSet
from tests.models.helpers import D, make_customer
from tests.reports.helpers import all_text, squash

NOV = D(2026, 11, 1)
LONG_NAME = (
    "广州市天河区珠江新城华夏路一号非常非常长的名字超级便利店连锁有限公司第十八分店（体育西路旧址）"
)


def month_collections(start: dt.date, end: dt.date) -> int:
    """The month's standing payments, summed here from the entry rows themselves."""
    rows = list(EntryRow.select().where((EntryRow.date >= start) & (EntryRow.date <= end)))
    voided = {r.reverses_id for r in EntryRow.select() if r.reverses_id is not None}
    return sum(
        r.amount
        for r in rows
        if r.kind is EntryKind.PAYMENT and r.reverses_id is None and r.id not in voided
    )


@pytest.fixture
def month(ledger_target: None) -> int:
    """A small November: 张伟 collects across three bands, 李娜 one payment and a tail
    cut, a customer without a rep, a voided payment. Returns the collections."""
    rep = people.ensure_rep("张伟").id
    long = customers.add_customer(CustomerDraft(code="L1", name=LONG_NAME, rep_id=rep))
    a = make_customer("A1", rep="张伟")
    b = make_customer("B1", rep="李娜")
    c = make_customer("C1")
    posting.post_delivery(a.id, D(2026, 7, 1), 3000_00)
    posting.post_delivery(a.id, D(2026, 10, 15), 2000_00)
    posting.post_delivery(long.id, D(2026, 10, 20), 999_999_99)
    posting.post_delivery(b.id, D(2026, 9, 1), 800_00)
    posting.post_delivery(c.id, D(2026, 11, 3), 100_00)
    posting.post_payment(a.id, D(2026, 11, 5), 3500_00, PaymentMethod.CASH)
    posting.post_payment(long.id, D(2026, 11, 6), 999_999_99, PaymentMethod.TRANSFER)
    posting.post_payment(b.id, D(2026, 11, 30), 795_00, PaymentMethod.CASH)
    posting.post_discount(b.id, D(2026, 11, 30), 5_00)
    posting.post_payment(c.id, D(2026, 11, 10), 100_00, PaymentMethod.WECHAT)
    wrong = posting.post_payment(c.id, D(2026, 11, 11), 100_00, PaymentMethod.CASH)
    posting.void(wrong.id, "typed twice")
    posting.post_payment(a.id, D(2026, 12, 1), 1_00, PaymentMethod.CASH)  # December
    return 3500_00 + 999_999_99 + 795_00 + 100_00


def test_the_pdf_total_is_the_months_collections(
    month: int, cjk_fonts: FontSet, tmp_path: Path
) -> None:
    assert month_collections(NOV, D(2026, 11, 30)) == month
    out = print_commission(tmp_path / "c.pdf", D(2026, 11, 17), lang="en", fonts=cjk_fonts)
    text = squash(all_text(out))
    assert "Collectioncommission" in text and "1Nov2026–30Nov2026" in text
    assert f"Total:themonth'scollections{format_money(month)}" in text
    report = commission(NOV)
    for rep in report.reps:
        label = rep.name or "Norep"
        assert f"Subtotal{label}{format_money(rep.collected)}" in text
    assert squash(LONG_NAME) in text  # wrapped, never cut
    with pdfplumber.open(str(out)) as pdf:
        sizes = [float(ch["size"]) for page in pdf.pages for ch in page.chars if ch["text"].strip()]
    assert min(sizes) >= 7.0 - 0.01


def test_the_pdf_in_chinese(month: int, cjk_fonts: FontSet, tmp_path: Path) -> None:
    out = print_commission(tmp_path / "c.pdf", NOV, lang="zh", fonts=cjk_fonts)
    text = squash(all_text(out))
    assert "回款提成" in text and "2026年11月" in text and "合计：本月回款" in text
    assert "业务员" in text and "抹零" in text


def test_the_workbook_adds_up_and_holds_no_formula(month: int, tmp_path: Path) -> None:
    save_commission_rules(CommissionRules(deduct_tail_cuts=True))
    path, lines = export_commission(tmp_path / "c.xlsx", NOV)
    book = openpyxl.load_workbook(path)
    summary = list(book["summary"].iter_rows(values_only=True))
    header, rows = summary[0], summary[1:]
    assert header[:5] == ("rep", "collected", "age_0_30", "age_31_90", "age_91_plus")
    total = rows[-1]
    assert total[0] == "total"
    cents = lambda v: round(float(v) * 100)  # noqa: E731 - the cell holds yuan, 2 places
    assert cents(total[1]) == month == sum(cents(r[1]) for r in rows[:-1])
    assert cents(total[1]) == sum(cents(v) for v in total[2:5])  # the bands add up
    detail = list(book["lines"].iter_rows(values_only=True))
    assert len(detail) - 1 == lines
    kind = detail[0].index("kind")
    amount = detail[0].index("amount")
    assert sum(cents(r[amount]) for r in detail[1:] if r[kind] == "payment") == month
    assert all(c.data_type != "f" for sheet in book for row in sheet.iter_rows() for c in row)
    assert cents(total[-1]) == commission(NOV).commission


def test_the_csv_holds_the_lines(month: int, tmp_path: Path) -> None:
    path, lines = export_commission(tmp_path / "c.csv", NOV)
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == lines == 5  # four payments and a tail cut; the voided pair not
    paid = sum(round(float(r["amount"]) * 100) for r in rows if r["kind"] == "payment")
    assert paid == month


def test_the_commission_on_the_demo_ledger_adds_up(
    ledger: str, demo_ledger, tmp_path: Path
) -> None:
    demo_ledger(ledger, customers=30, days=120, seed=5)
    start, end = D(2026, 10, 1), D(2026, 10, 31)
    report = commission(start)
    assert report.collected == month_collections(start, end) > 0
    assert sum(sum(r.collected_by_band) for r in report.reps) == report.collected
    assert report.commission == report.earned - report.deducted


def test_the_forecast_export_adds_up(month: int, tmp_path: Path) -> None:
    posting.post_delivery(make_customer("F1").id, D(2026, 11, 20), 123_45)
    path, f = export_forecast(tmp_path / "f.csv", D(2026, 11, 26))
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["week"] for r in rows[:13]] == [str(k) for k in range(1, 14)]
    cents = {r["week"]: round(float(r["total"]) * 100) for r in rows}
    weeks = sum(cents[str(k)] for k in range(1, 14))
    assert weeks + cents["later"] + cents["doubtful"] == cents["receivable"] == f.receivable
    book_path, _f = export_forecast(tmp_path / "f.xlsx", D(2026, 11, 26), 4)
    sheet = openpyxl.load_workbook(book_path)["forecast"]
    assert sheet.max_row == 1 + 4 + 3
