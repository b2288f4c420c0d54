"""Exports of entries and customers (the import's own format), the customer list and one
customer's ledger: round trip into a new ledger, periods, voids, formula-safe text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from models.exchange.importing.run import import_file
from models.ledger import posting
from models.ledger.customers import customer_by_code
from models.ledger.summaries import customer_summaries
from models.storage import db
from models.vocabulary.customer_records import Terms, TermsKind
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.errors import InputError
from reports.spreadsheets.aging_sheet import export_aging
from reports.spreadsheets.exports import (
    export_customer_ledger,
    export_customer_list,
    export_customers,
    export_entries,
)
from tests.models.helpers import make_customer

D = dt.date


def _business() -> None:
    a = make_customer("C1", "东城王记", credit_limit=5000_00, route="城东线", rep="张伟").id
    b = make_customer("C2", "西关, 李记", terms=Terms(TermsKind.MONTHLY)).id
    c = make_customer("C3", '=HYPERLINK("x")', terms=Terms(TermsKind.NEXT)).id
    posting.post_opening(a, D(2026, 6, 30), 800_00, memo="期初")
    posting.post_opening(c, D(2026, 6, 30), -20_00, memo="预付")
    posting.post_delivery(a, D(2026, 7, 1), 1234_56, doc_no="D1")
    posting.post_delivery(b, D(2026, 9, 1), 99_99, doc_no="D2", memo="-5 箱")
    posting.post_payment(
        a,
        D(2026, 9, 2),
        500_00,
        PaymentMethod.CHEQUE,
        cheque_no="X123",
        bank="工行",
        due_on=D(2026, 12, 1),
    )
    posting.post_payment(b, D(2026, 10, 1), 50_00, PaymentMethod.WECHAT)
    posting.post_return(a, D(2026, 10, 2), 10_00, doc_no="R1")
    posting.post_discount(a, D(2026, 10, 3), 56)
    posting.post_writeoff(b, D(2026, 11, 1), 1_00, memo="尾数")
    wrong = posting.post_delivery(b, D(2026, 11, 2), 777_00, doc_no="D9")
    posting.void(wrong.id, "typed twice")


def test_round_trip_into_a_new_ledger(ledger: str, tmp_path: Path) -> None:
    _business()
    before = tmp_path / "before.csv"
    export_aging(before, D(2026, 11, 26))
    _path, customers = export_customers(tmp_path / "customers.xlsx", lang="zh")
    _path, entries = export_entries(tmp_path / "entries.csv")
    assert (customers, entries) == (3, 9)  # the voided delivery and its reversal left out
    db.close_ledger()
    db.open_ledger(tmp_path / "new.qkledger")
    import_file("customers", tmp_path / "customers.xlsx")
    import_file("entries", tmp_path / "entries.csv")
    after = tmp_path / "after.csv"
    export_aging(after, D(2026, 11, 26))
    assert after.read_bytes() == before.read_bytes()
    c1 = customer_by_code("C1")
    assert (c1.credit_limit, c1.route_name, c1.rep_name) == (5000_00, "城东线", "张伟")
    assert customer_by_code("C2").terms == Terms(TermsKind.MONTHLY)


def test_entries_of_a_period_include_both_ends(ledger: str, tmp_path: Path) -> None:
    _business()
    out = tmp_path / "e.csv"
    _path, n = export_entries(out, D(2026, 9, 2), D(2026, 10, 2))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert n == 3 and lines[0].startswith("customer_code,date,kind,amount,doc_no")
    assert [line.split(",")[1] for line in lines[1:]] == ["2026-09-02", "2026-10-01", "2026-10-02"]
    assert lines[1] == "C1,2026-09-02,payment,500.00,,,cheque,X123,2026-12-01,工行"
    with pytest.raises(InputError, match="swap the dates"):
        export_entries(out, D(2026, 10, 2), D(2026, 10, 1))


def test_text_never_becomes_a_formula(ledger: str, tmp_path: Path) -> None:
    _business()
    export_entries(tmp_path / "e.csv")
    assert ",'-5 箱," in (tmp_path / "e.csv").read_text(encoding="utf-8")
    export_customers(tmp_path / "c.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "c.xlsx").active
    names = {row[0].value: row[1] for row in sheet.iter_rows(min_row=2)}
    assert names["C3"].data_type == "s" and names["C3"].value == '=HYPERLINK("x")'


def test_xlsx_amounts_are_numbers(ledger: str, tmp_path: Path) -> None:
    _business()
    export_entries(tmp_path / "e.xlsx", D(2026, 7, 1), D(2026, 7, 1))
    sheet = openpyxl.load_workbook(tmp_path / "e.xlsx").active
    amount = sheet["D2"]
    assert Decimal(str(amount.value)) == Decimal("1234.56") and amount.number_format == "0.00"


def test_customer_list_as_filtered(ledger: str, tmp_path: Path) -> None:
    _business()
    shown = [s for s in customer_summaries(D(2026, 11, 26)) if s.customer.code != "C2"]
    _path, n = export_customer_list(tmp_path / "list.csv", shown)
    lines = (tmp_path / "list.csv").read_text(encoding="utf-8").splitlines()
    assert n == 2 and lines[0].endswith(",balance,overdue,last_payment")
    assert lines[1].startswith("C1,东城王记,") and lines[1].endswith(",1524.00,1524.00,2026-09-02")


def test_one_customers_ledger(ledger: str, tmp_path: Path) -> None:
    _business()
    b = customer_by_code("C2").id
    out = tmp_path / "ledger.csv"
    _path, n = export_customer_ledger(out, b, D(2026, 10, 1), D(2026, 11, 30))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert n == 4  # payment, write-off, the voided delivery and its reversal
    assert lines[1] == "2026-10-01,Balance brought forward,,,,,99.99,"
    assert lines[2] == "2026-10-01,Payment,,,,50.00,49.99,"
    assert lines[-1].endswith(",48.99,typed twice")


def test_refuses_other_file_types(ledger: str, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"\.csv or \.xlsx"):
        export_entries(tmp_path / "e.txt")
    assert not (tmp_path / "e.txt").exists()
