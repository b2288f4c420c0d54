"""Import of customers, entries and promises: formats, headers, all-or-nothing, dedupe."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from models.exchange.importing.outcome import ImportRejected
from models.exchange.importing.run import import_file
from models.ledger import aging, customers, people, promises
from models.ledger.ledger import balance
from models.storage.tables import ChequeRow, CustomerRow, EntryRow, PromiseRow, RouteRow
from models.vocabulary.customer_records import CustomerDraft, TermsKind
from models.vocabulary.entry_records import ChequeStatus, EntryKind, PaymentMethod
from models.vocabulary.errors import InputError

CUSTOMERS_EN = """code,name,contact,phone,address,route,rep,terms,credit_limit,opening_balance,opening_date
C001,东城王记便利店,王建国,13800000001,东城路1号,城东线,张伟,30,"5,000",1200.50,2026-01-31
C002,西关李记超市,,,,城西线,李娜,monthly,,-80,2026-01-31
C003,南街小卖部,,,,城东线,张伟,next,,,
C004,北苑饭店,,,,,,0,,,
"""
CUSTOMERS_ZH = """编号,名称,联系人,电话,地址,线路,业务员,账期,信用额度,期初余额,期初日期
K1,老街烟酒店,刘老板,0757-1234,老街8号,郊县线,王强,月结,10000,300,2026/02/01
K2,滨江酒家,,,,郊县线,王强,压批,,,
"""


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def add(code: str = "C1", name: str = "东城王记") -> int:
    return customers.add_customer(CustomerDraft(code=code, name=name)).id


def entry_count() -> int:
    return EntryRow.select().count()


# --- customers ------------------------------------------------------------------------


def test_customers_english_headers(ledger: str, tmp_path: Path) -> None:
    result = import_file("customers", write(tmp_path / "c.csv", CUSTOMERS_EN))
    assert (result.added, result.existing) == (4, 0)
    assert result.created_routes == ("城东线", "城西线")
    assert result.created_reps == ("张伟", "李娜")
    c1 = customers.customer_by_code("C001")
    assert c1.terms.kind is TermsKind.DAYS and c1.terms.days == 30
    assert c1.credit_limit == 5000_00
    assert (c1.route_name, c1.rep_name, c1.phones) == ("城东线", "张伟", "13800000001")
    assert balance(c1.id) == 1200_50
    c2 = customers.customer_by_code("C002")
    assert c2.terms.kind is TermsKind.MONTHLY
    assert balance(c2.id) == -80_00  # in credit: a negative opening balance
    assert customers.customer_by_code("C003").terms.kind is TermsKind.NEXT
    assert customers.customer_by_code("C004").terms.kind is TermsKind.CASH
    # C001 and C003 are on the same new route, in file order
    route = people.route_by_name("城东线")
    assert [c.code for c in customers.route_customers(route.id)] == ["C001", "C003"]
    opening = EntryRow.get(EntryRow.customer == c1.id)
    assert opening.kind is EntryKind.OPENING and opening.date == dt.date(2026, 1, 31)


def test_customers_chinese_headers_gb18030(ledger: str, tmp_path: Path) -> None:
    path = write(tmp_path / "客户.csv", CUSTOMERS_ZH, "gb18030")
    result = import_file("customers", path)
    assert result.encoding == "gb18030"
    assert result.added == 2
    k1 = customers.customer_by_code("K1")
    assert k1.name == "老街烟酒店" and k1.terms.kind is TermsKind.MONTHLY
    assert balance(k1.id) == 300_00
    assert people.rep_by_name("王强") is not None


def test_customers_reimport_leaves_them_unchanged(ledger: str, tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", CUSTOMERS_EN)
    import_file("customers", path)
    again = import_file("customers", path)
    assert (again.added, again.existing) == (0, 4)
    assert "0 new customers, 4 already there" in again.summary()
    assert again.lines()[1:] == [
        "row 2: already there (C001 东城王记便利店)",
        "row 3: already there (C002 西关李记超市)",
        "row 4: already there (C003 南街小卖部)",
        "row 5: already there (C004 北苑饭店)",
    ]
    assert entry_count() == 2  # no second opening balance


def test_customer_code_with_another_name_is_refused(ledger: str, tmp_path: Path) -> None:
    add("C001", "别的店")
    with pytest.raises(ImportRejected) as err:
        import_file("customers", write(tmp_path / "c.csv", CUSTOMERS_EN))
    assert [str(p) for p in err.value.problems] == [
        "row 2, column code: The code C001 already belongs to ‘别的店’: use another code, or "
        "the same name to leave that customer as it is."
    ]
    assert CustomerRow.select().count() == 1
    assert RouteRow.select().count() == 0  # routes of the good rows were rolled back too


def test_customers_every_bad_row_reported_nothing_written(ledger: str, tmp_path: Path) -> None:
    text = (
        "编号,名称,账期,信用额度,期初余额,期初日期,线路\n"
        "A1,好店,30,,,,新线路\n"  # good
        ",无编号,30,,,,\n"  # row 3: no code
        "A3,,abc,-5,100,,\n"  # row 4: no name, bad terms, negative limit, no opening date
        "A1,重复,30,,,,\n"  # row 5: code used on row 2
    )
    with pytest.raises(ImportRejected) as err:
        import_file("customers", write(tmp_path / "c.csv", text))
    found = [(p.row, p.column) for p in err.value.problems]
    assert found == [
        (3, "编号"),
        (4, "名称"),
        (4, "账期"),
        (4, "信用额度"),
        (4, "期初日期"),
        (5, "编号"),
    ]
    assert "3 rows have problems" in str(err.value)
    assert CustomerRow.select().count() == 0
    assert RouteRow.select().count() == 0


# --- entries --------------------------------------------------------------------------


def test_entries_bom_chinese_headers_and_words(ledger: str, tmp_path: Path) -> None:
    cid = add("C1")
    text = (
        "客户编号,日期,类型,金额,单号,备注,付款方式,支票号,票期\n"
        "C1,2026-10-01,送货,1500,D001,,,,\n"
        "C1,2026/10/05,收款,500.00,,,现金,,\n"
        "C1,2026年10月08日,收款,600,,,支票,CH-778,2026-11-30\n"
        "C1,2026-10-09,折让,0.50,,抹零,,,\n"
        "C1,2026-10-10,退货,100,R1,,,,\n"
    )
    result = import_file("entries", write(tmp_path / "e.csv", text, "utf-8-sig"))
    assert result.encoding == "utf-8-sig"
    assert (result.added, result.existing) == (5, 0)
    assert balance(cid) == 1500_00 - 500_00 - 600_00 - 50 - 100_00
    cheque = ChequeRow.get()
    assert (cheque.number, cheque.due_on, cheque.status) == (
        "CH-778",
        dt.date(2026, 11, 30),
        ChequeStatus.RECEIVED,
    )
    assert cheque.entry.method is PaymentMethod.CHEQUE


def test_entries_every_method_in_both_languages(ledger: str, tmp_path: Path) -> None:
    add("C1")
    words = ["cash", "现金", "transfer", "转账", "wechat", "微信", "alipay", "支付宝"]
    rows = "".join(f"C1,2026-10-01,payment,{i + 1},{w}\n" for i, w in enumerate(words))
    rows += "C1,2026-10-01,收款,20,汇票,,HP-1\nC1,2026-10-01,payment,21,Cheque,,Z9\n"
    import_file(
        "entries", write(tmp_path / "e.csv", "code,date,kind,amount,method,memo,cheque_no\n" + rows)
    )
    methods = [e.method for e in EntryRow.select().order_by(EntryRow.id)]
    assert methods == [
        PaymentMethod.CASH,
        PaymentMethod.CASH,
        PaymentMethod.TRANSFER,
        PaymentMethod.TRANSFER,
        PaymentMethod.WECHAT,
        PaymentMethod.WECHAT,
        PaymentMethod.ALIPAY,
        PaymentMethod.ALIPAY,
        PaymentMethod.DRAFT,
        PaymentMethod.CHEQUE,
    ]


def test_entries_xlsx_typed_cells(ledger: str, tmp_path: Path) -> None:
    cid = add("1001")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Amount", " Customer Code ", "DATE", "Kind", "序号"])  # any order, extra column
    sheet.append([1234.56, 1001, dt.datetime(2026, 10, 1), "delivery", 1])
    sheet.append([0.1 + 0.2, 1001, dt.date(2026, 10, 2), "期初", 2])  # float noise: 0.3
    sheet.append([None, None, None, None, None])  # a blank row is skipped (and counted)
    sheet.append([-12, 1001, "2026-10-03", "opening", 4])
    path = tmp_path / "e.xlsx"
    book.save(path)
    result = import_file("entries", path)
    assert result.encoding == "xlsx"
    assert result.ignored_columns == ("序号",)
    assert result.added == 3
    assert balance(cid) == 1234_56 + 30 - 12_00


def test_entries_xlsx_row_numbers_count_blank_rows(ledger: str, tmp_path: Path) -> None:
    add("C1")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A2"], sheet["B2"], sheet["C2"], sheet["D2"] = "code", "date", "kind", "amount"
    sheet.append(["C1", "2026-10-01", "delivery", 5])  # row 3
    sheet.append([])  # row 4 blank
    sheet.append(["C1", "2026-10-01", "delivery", "五元"])  # row 5
    path = tmp_path / "e.xlsx"
    book.save(path)
    with pytest.raises(ImportRejected) as err:
        import_file("entries", path)
    assert [(p.row, p.column) for p in err.value.problems] == [(5, "amount")]


def test_entries_all_or_nothing_every_bad_row(ledger: str, tmp_path: Path) -> None:
    add("C1")
    text = (
        "customer_code,date,kind,amount,doc_no,memo,method,cheque_no\n"
        "C1,2026-10-01,delivery,100,D1,,,\n"  # row 2 good
        "C9,2026-10-01,delivery,100,D2,,,\n"  # row 3 unknown customer
        "C1,2026-13-01,payment,1.234,,,cash,\n"  # row 4 bad date, 3 decimals
        "C1,2026-10-01,payment,50,,,,\n"  # row 5 no method
        "C1,2026-10-01,payment,50,,,cheque,\n"  # row 6 cheque without number
        "C1,2026-10-01,writeoff,50,,,,\n"  # row 7 write-off without reason
        "C1,2026-10-01,delivery,-5,D3,,cash,\n"  # row 8 negative, method on a delivery
        "C1,1989-12-31,bounce,5,,,,\n"  # row 9 before 1990, unknown kind
        "C1,2026-10-02,delivery,100,D1,,,\n"  # row 10: D1 is already posted (row 2)
    )
    with pytest.raises(ImportRejected) as err:
        import_file("entries", write(tmp_path / "e.csv", text))
    found = [(p.row, p.column) for p in err.value.problems]
    assert found == [
        (3, "customer_code"),
        (4, "date"),
        (4, "amount"),
        (5, "method"),
        (6, "cheque_no"),
        (7, "memo"),
        (8, "amount"),
        (8, "method"),
        (9, "date"),
        (9, "kind"),
        (10, "doc_no"),
    ]
    lines = err.value.lines()
    assert lines[0] == "Nothing was imported from ‘e.csv’: 8 rows have problems."
    assert lines[-1] == "row 10, column doc_no: D1 also appears in row 2."
    assert lines[1] == "row 3, column customer_code: There is no customer with code ‘C9’."
    assert entry_count() == 0  # row 2 was written and then rolled back


def test_entries_missing_columns_and_duplicates(ledger: str, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"lacks the columns kind \(类型\), amount \(金额\)"):
        import_file("entries", write(tmp_path / "e.csv", "code,date,memo\nC1,2026-10-01,x\n"))
    with pytest.raises(InputError, match="appears twice"):
        import_file(
            "entries",
            write(tmp_path / "e.csv", "code,date,kind,amount,金额\nC1,2026-10-01,delivery,1,1\n"),
        )


def test_entries_reimport_does_not_double_post(ledger: str, tmp_path: Path) -> None:
    cid = add("C1")
    text = (
        "code,date,kind,amount,method\n"
        "C1,2026-10-01,delivery,100,\n"
        "C1,2026-10-02,payment,20,cash\n"
        "C1,2026-10-02,payment,20,cash\n"  # the same again: two real payments
    )
    path = write(tmp_path / "e.csv", text)
    first = import_file("entries", path)
    assert (first.added, first.existing) == (3, 0)
    assert balance(cid) == 60_00
    again = import_file("entries", path)
    assert (again.added, again.existing) == (0, 3)
    assert again.summary() == "e.csv: 0 new, 3 already imported."
    assert again.lines()[1:] == [
        "row 2: already imported (C1 2026-10-01 Delivery 100.00)",
        "row 3: already imported (C1 2026-10-02 Payment 20.00)",
        "row 4: already imported (C1 2026-10-02 Payment 20.00)",
    ]
    assert balance(cid) == 60_00
    # An overlapping later export: the old rows are recognised, a third payment is new.
    more = write(tmp_path / "more.csv", text + "C1,2026-10-02,payment,20,cash\n")
    later = import_file("entries", more)
    assert (later.added, later.existing) == (1, 3)
    assert balance(cid) == 40_00


def test_voided_imported_entry_does_not_come_back(ledger: str, tmp_path: Path) -> None:
    from models.ledger.posting import void

    cid = add("C1")
    path = write(tmp_path / "e.csv", "code,date,kind,amount\nC1,2026-10-01,delivery,100\n")
    import_file("entries", path)
    void(EntryRow.get().id, "typed twice")
    assert import_file("entries", path).added == 0
    assert balance(cid) == 0


def test_entries_too_long_text(ledger: str, tmp_path: Path) -> None:
    add("C1")
    path = write(
        tmp_path / "e.csv", f"code,date,kind,amount,memo\nC1,2026-10-01,delivery,1,{'长' * 301}\n"
    )
    with pytest.raises(ImportRejected) as err:
        import_file("entries", path)
    assert [str(p) for p in err.value.problems] == [
        "row 2, column memo: Too long: use at most 300 characters."
    ]


def test_old_excel_and_empty_files(ledger: str, tmp_path: Path) -> None:
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(InputError, match="Excel 97-2003"):
        import_file("entries", old)
    with pytest.raises(InputError, match="is empty"):
        import_file("entries", write(tmp_path / "empty.csv", "\n\n"))


# --- promises -------------------------------------------------------------------------


def test_promises_import_and_reimport(ledger: str, tmp_path: Path) -> None:
    # the test clock is pinned at 2026-11-26 09:00
    rep = people.add_rep("张伟")
    cid = customers.add_customer(
        CustomerDraft(code="C1", name="东城王记", rep_id=rep.id, payer="老板娘")
    ).id
    text = (
        "客户编号,金额,清款时间,付款方式\nC1,500,2026-11-28 10:00,现金\nC1,300,2026/12/05 16:30,\n"
    )
    path = write(tmp_path / "p.csv", text)
    result = import_file("promises", path)
    assert (result.added, result.existing) == (2, 0)
    made = sorted(promises.promises_for(cid), key=lambda p: p.due_at)
    assert [(p.amount, p.due_at, p.method) for p in made] == [
        (500_00, dt.datetime(2026, 11, 28, 10, 0), PaymentMethod.CASH),
        (300_00, dt.datetime(2026, 12, 5, 16, 30), None),
    ]
    assert made[0].rep_id == rep.id and made[0].payer == "老板娘"  # the customer's own
    again = import_file("promises", path)
    assert (again.added, again.existing) == (0, 2)
    assert again.summary() == "p.csv: 0 new promises, 2 already recorded."
    assert again.lines()[1:] == [
        "row 2: already recorded (C1 500.00 2026-11-28 10:00)",
        "row 3: already recorded (C1 300.00 2026-12-05 16:30)",
    ]
    assert PromiseRow.select().count() == 2


def test_promises_bad_rows(ledger: str, tmp_path: Path) -> None:
    add("C1")
    text = (
        "customer_code,amount,due,method\n"
        "C1,500,2026-11-20 10:00,cash\n"  # row 2: already past (now is 2026-11-26 09:00)
        "C1,500,2026-11-28,cash\n"  # row 3: no time
        "C1,500,2026-11-28 10:00,bitcoin\n"  # row 4: unknown method
        "C1,200,2026-11-28 10:00,\n"  # row 5: good
        "C1,200,2026-11-28 10:00,\n"  # row 6: the same promise twice
    )
    with pytest.raises(ImportRejected) as err:
        import_file("promises", write(tmp_path / "p.csv", text))
    assert [(p.row, p.column) for p in err.value.problems] == [
        (2, "due"),
        (3, "due"),
        (4, "method"),
        (6, ""),
    ]
    assert PromiseRow.select().count() == 0


def test_aging_after_import(ledger: str, tmp_path: Path) -> None:
    import_file("customers", write(tmp_path / "c.csv", CUSTOMERS_EN))
    report = aging.age_all(dt.date(2026, 11, 26))
    row = next(r for r in report.rows if r.code == "C001")
    assert row.balance == 1200_50 and row.buckets[-1] == 1200_50


# --- rows the clerk must look at --------------------------------------------------------


def test_unquoted_thousands_comma_is_refused(ledger: str, tmp_path: Path) -> None:
    """1,000.00 without quotes splits into "1" and "000.00": never post ¥1.00."""
    add("C00004")
    text = (
        "客户编号,日期,类型,金额,单号\n"
        "C00004,2026/11/24,送货,5,SH-76\n"
        "C00004,2026/11/25,送货,1,000.00,SH-77\n"
        'C00004,2026/11/26,送货,"1,000.00",SH-78,,\n'  # quoted, trailing empties: fine
    )
    with pytest.raises(ImportRejected) as err:
        import_file("entries", write(tmp_path / "e.csv", text))
    assert err.value.lines() == [
        "Nothing was imported from ‘e.csv’: 1 row has problems.",
        "row 3: the row has 6 cells but the header has 5: an amount with a thousands comma "
        "(1,000.00) must be in quotes, or save the file from Excel.",
    ]
    assert entry_count() == 0


def test_xlsx_values_beyond_the_header_are_refused(ledger: str, tmp_path: Path) -> None:
    add("C1")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["code", "date", "kind", "amount"])
    sheet.append(["C1", "2026-10-01", "delivery", 5, None])
    sheet.append(["C1", "2026-10-01", "delivery", 1, "000.00"])
    path = tmp_path / "e.xlsx"
    book.save(path)
    with pytest.raises(ImportRejected) as err:
        import_file("entries", path)
    assert [(p.row, p.column) for p in err.value.problems] == [(3, "")]
    assert "values in 5 columns but the header names only 4" in err.value.problems[0].message
    assert entry_count() == 0


def test_document_number_twice_in_one_file(ledger: str, tmp_path: Path) -> None:
    add("C1")
    add("C2", "西关李记")
    text = (
        "客户编号,日期,类型,金额,单号\n"
        "C1,2026-10-01,送货,10,SH-1\n"
        "C2,2026-10-01,送货,10,SH-2\n"  # another customer's note SH-2: fine
        "C1,2026-10-01,退货,5,SH-2\n"  # a return numbered SH-2: fine
        "C1,2026-10-01,期初,5,SH-2\n"  # an opening balance is not a note
        "C1,2026-10-02,送货,20,SH-3\n"
        "C1,2026-10-02,送货,20,SH-2\n"  # row 7
        "C1,2026-10-02,送货,20,SH-2\n"  # row 8: the same note again
    )
    with pytest.raises(ImportRejected) as err:
        import_file("entries", write(tmp_path / "e.csv", text))
    problems = [str(p) for p in err.value.problems]
    assert problems == ["row 8, column 单号: SH-2 also appears in row 7."]
    assert not any("already posted" in p for p in problems)


def test_customer_code_in_another_case_is_suggested(ledger: str, tmp_path: Path) -> None:
    add("C00001")
    path = write(tmp_path / "e.csv", "code,date,kind,amount\nc00001,2026-10-01,delivery,5\n")
    with pytest.raises(ImportRejected) as err:
        import_file("entries", path)
    assert [str(p) for p in err.value.problems] == [
        "row 2, column code: There is no customer with code ‘c00001’: did you mean C00001?"
    ]


def test_many_skipped_rows_are_listed_up_to_twenty(ledger: str, tmp_path: Path) -> None:
    add("C1")
    rows = "".join(f"C1,2026-10-01,delivery,{i + 1},D{i}\n" for i in range(23))
    path = write(tmp_path / "e.csv", "code,date,kind,amount,doc_no\n" + rows)
    import_file("entries", path)
    again = import_file("entries", path)
    lines = again.lines()
    assert lines[0] == "e.csv: 0 new, 23 already imported."
    assert lines[1] == "row 2: already imported (C1 2026-10-01 Delivery 1.00 D0)"
    assert lines[20] == "row 21: already imported (C1 2026-10-01 Delivery 20.00 D19)"
    assert lines[21:] == ["…and 3 more."]
    assert len(import_file("entries", path).lines(shown=30)) == 24
