"""Bad input that used to get in (issue 7, point 5): split amounts, control characters,
near-duplicate customer codes, XLSX bombs, and files with thousands of bad rows."""

from __future__ import annotations

import datetime as dt
import io
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import peewee as pw
import pytest

from models.collecting import visits
from models.exchange.importing import reading, workbooks
from models.exchange.importing.outcome import PROBLEMS_SHOWN, ImportRejected
from models.exchange.importing.run import import_file
from models.ledger import customers, people, posting, promises, settings
from models.storage import db
from models.storage.tables import CustomerRow, EntryRow
from models.vocabulary.collecting_records import VisitOutcome
from models.vocabulary.company_records import CompanySettings
from models.vocabulary.customer_records import CustomerDraft
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.errors import InputError
from models.vocabulary.text_rules import code_key

HEADER = "customer_code,date,kind,amount,doc_no,method\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def add(code: str = "C0001", name: str = "东城王记") -> int:
    return customers.add_customer(CustomerDraft(code=code, name=name)).id


def problems(err: pytest.ExceptionInfo[ImportRejected]) -> list[str]:
    return [str(p) for p in err.value.problems]


# --- (a) an unquoted thousands comma --------------------------------------------------


def test_split_amount_widening_only_by_empty_cells_is_refused(ledger: str, tmp_path: Path) -> None:
    """The issue's row: 1,234 unquoted made ¥1.00 with document 234."""
    add()
    path = write(tmp_path / "e.csv", HEADER + "C0001,2026-11-20,delivery,1,234,,\n")
    with pytest.raises(ImportRejected) as err:
        import_file("entries", path)
    assert problems(err) == [
        "row 2: the row has 7 cells but the header has 6: ‘1,234’ looks like an amount "
        'with a thousands comma; put it in quotes ("1,234") or drop the comma.'
    ]
    assert EntryRow.select().count() == 0


@pytest.mark.parametrize(
    "row",
    [
        "C0001,2026-11-20,delivery,1,234.50,D9,",  # as wide as the header once filled
        "C0001,2026-11-20,delivery,-12,000,,",  # an opening-like negative, split
        "C0001,2026-11-20,delivery,1,234,567,,",  # two commas: still split
    ],
)
def test_other_split_amounts_are_refused(ledger: str, tmp_path: Path, row: str) -> None:
    add()
    with pytest.raises(ImportRejected, match="1 row has problems"):
        import_file("entries", write(tmp_path / "e.csv", HEADER + row + "\n"))
    assert EntryRow.select().count() == 0


@pytest.mark.parametrize(
    ("rows", "amounts"),
    [
        # exactly as wide as the header: the usual row
        ("C0001,2026-11-20,delivery,1234,,\n", [1234_00]),
        # one empty cell more than the header, nothing split: Excel's trailing comma
        ("C0001,2026-11-20,delivery,1234,,,\n", [1234_00]),
        # the amount in quotes, then empty cells
        ('C0001,2026-11-20,delivery,"1,234",,,\n', [1234_00]),
        # fewer cells than the header
        ("C0001,2026-11-20,delivery,5\n", [5_00]),
    ],
)
def test_harmless_trailing_commas_are_accepted(
    ledger: str, tmp_path: Path, rows: str, amounts: list[int]
) -> None:
    add()
    import_file("entries", write(tmp_path / "e.csv", HEADER + rows))
    assert [e.amount for e in EntryRow.select()] == amounts


def test_excel_padded_rows_with_a_three_digit_document_are_accepted(
    ledger: str, tmp_path: Path
) -> None:
    """Excel pads the header too: a row as wide as it is not checked for splits, so an
    amount of 120 beside document 305 is not mistaken for 120,305."""
    add()
    text = HEADER.strip() + ",,\n" + "C0001,2026-11-20,delivery,120,305,,,\n"
    import_file("entries", write(tmp_path / "e.csv", text))
    assert [(e.amount, e.doc_no) for e in EntryRow.select()] == [(120_00, "305")]


# --- (b) control characters ----------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "named"),
    [
        ("\x00", "an invisible control character (U+0000)"),
        ("\x1b", "an invisible control character (U+001B)"),
        ("\x07", "an invisible control character (U+0007)"),
        ("\x7f", "an invisible control character (U+007F)"),
        ("\x85", "an invisible control character (U+0085)"),
        ("\t", "a tab"),
        ("\n", "a line break"),
    ],
)
def test_control_characters_are_refused_at_import(
    ledger: str, tmp_path: Path, char: str, named: str
) -> None:
    text = f'code,name,address,notes\nC1,"王{char}记",东城路,\nC2,西关,"东城{char}路",\n'
    with pytest.raises(ImportRejected) as err:
        import_file("customers", write(tmp_path / "c.csv", text))
    sentence = f"It contains {named}: retype the text without it."
    assert problems(err) == [
        f"row 2, column name: {sentence}",
        f"row 3, column address: {sentence}",
    ]
    assert CustomerRow.select().count() == 0


def test_control_character_in_an_entry_memo_is_refused(ledger: str, tmp_path: Path) -> None:
    add()
    text = "customer_code,date,kind,amount,memo\nC0001,2026-11-20,delivery,5,\x1b[31m红\n"
    with pytest.raises(ImportRejected) as err:
        import_file("entries", write(tmp_path / "e.csv", text))
    assert problems(err) == [
        "row 2, column memo: It contains an invisible control character (U+001B): "
        "retype the text without it."
    ]


def test_line_breaks_are_fine_in_notes(ledger: str, tmp_path: Path) -> None:
    text = 'code,name,notes\nC1,王记,"周一送货\n\t后门"\n'
    import_file("customers", write(tmp_path / "c.csv", text))
    assert customers.customer_by_code("C1").notes == "周一送货\n\t后门"


def _post_with_memo(text: str) -> None:
    posting.post_delivery(add(), dt.date(2026, 11, 20), 100, memo=text)


def _lines(text: str) -> None:
    from models.vocabulary.entry_records import DeliveryLine

    posting.post_delivery(
        add(), dt.date(2026, 11, 20), 100, lines=[DeliveryLine(f"可乐{text}", "1", 100, 100)]
    )


def _cheque(text: str) -> None:
    posting.post_payment(
        add(), dt.date(2026, 11, 20), 100, PaymentMethod.CHEQUE, cheque_no="1", bank=text
    )


def _void(text: str) -> None:
    entry = posting.post_delivery(add(), dt.date(2026, 11, 20), 100)
    posting.void(entry.id, f"错{text}")


def _promise(text: str) -> None:
    promises.make_promise(add(), 100, dt.datetime(2026, 12, 1, 10, 0), note=text)


def _visit(text: str) -> None:
    visits.log_visit(add(), dt.datetime(2026, 11, 26, 8, 0), VisitOutcome.PAID, note=text)


@pytest.mark.parametrize(
    "action",
    [
        lambda t: customers.add_customer(CustomerDraft(code="C1", name=f"王{t}记")),
        lambda t: customers.add_customer(CustomerDraft(code=f"C{t}1", name="王记")),
        lambda t: customers.add_customer(CustomerDraft(code="C1", name="王", address=t)),
        lambda t: customers.update_customer(add(), CustomerDraft(code="C0001", name=f"王{t}")),
        _post_with_memo,
        _lines,
        _cheque,
        _void,
        _promise,
        _visit,
        lambda t: people.add_rep(f"张{t}"),
        lambda t: people.add_route(f"东{t}线"),
        lambda t: settings.save_company(CompanySettings(name=f"清{t}款")),
    ],
)
def test_every_model_entry_point_refuses_control_characters(ledger: str, action) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=r"contains an invisible control character \(U\+001B\)"):
        action("\x1b")
    stored = [(c.code, c.name, c.address) for c in CustomerRow.select()]
    stored += [(e.memo, e.void_reason) for e in EntryRow.select()]
    assert not any("\x1b" in text for row in stored for text in row)


def test_customer_notes_keep_their_line_breaks(ledger: str) -> None:
    draft = CustomerDraft(code="C1", name="王记", notes="周一\n周四")
    assert customers.add_customer(draft).notes == "周一\n周四"
    with pytest.raises(InputError, match=r"The note contains .*U\+0000"):
        customers.add_customer(CustomerDraft(code="C2", name="李记", notes="a\x00b"))


# --- (c) near-duplicate customer codes -------------------------------------------------


@pytest.mark.parametrize("code", ["c0001", "Ｃ０００１", "ｃ0001"])
def test_a_code_differing_only_in_case_or_width_is_refused(ledger: str, code: str) -> None:
    add("C0001")
    with pytest.raises(InputError) as err:
        add(code, "另一家")
    assert str(err.value) == (
        f"The code {code} differs from the existing code C0001 only in upper/lower case or "
        "full-width characters: use C0001 for that customer, or choose another code."
    )
    assert CustomerRow.select().count() == 1
    add("C0002")  # a really different code is fine


def test_near_duplicate_code_refused_at_import(ledger: str, tmp_path: Path) -> None:
    add("C0001")
    text = "code,name\nc0001,另一家\nK1,甲\nｋ1,乙\n"
    with pytest.raises(ImportRejected) as err:
        import_file("customers", write(tmp_path / "c.csv", text))
    assert problems(err) == [
        "row 2, column code: The code c0001 differs from the existing code C0001 only in "
        "upper/lower case or full-width characters: use C0001 for that customer, or choose "
        "another code.",
        "row 4, column code: The code ｋ1 differs from K1 on row 3 only in upper/lower case "
        "or full-width characters: give them distinct codes.",
    ]


def test_the_database_refuses_a_near_duplicate_code_when_the_check_is_raced(
    ledger: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two clerks both pass the check before either writes: the unique key decides, and
    the loser gets the same sentence."""
    add("C0001")
    real_check = customers.check_code_free
    calls = iter([None])  # the first check (in validate_draft) sees no clash yet

    def raced(code: str, customer_id: int | None = None) -> None:
        if next(calls, "again") is None:
            return
        real_check(code, customer_id)

    monkeypatch.setattr(customers, "check_code_free", raced)
    with pytest.raises(InputError, match="differs from the existing code C0001"):
        add("c0001", "另一家")
    assert CustomerRow.select().count() == 1
    with pytest.raises(pw.IntegrityError):  # and behind the app's back too
        CustomerRow.insert(
            code="ｃ0001", code_key="c0001", name="x", created_at=dt.datetime(2026, 1, 1)
        ).execute()


def test_old_near_duplicates_survive_the_upgrade(tmp_path: Path) -> None:
    """A ledger from before the rule may hold C0001 and c0001: it still opens, both stay
    editable, and no third one can be added."""
    path = tmp_path / "old.qkledger"
    db.open_ledger(path)
    try:
        first = add("C0001")
        db.database.execute_sql("DROP INDEX customer_code_key")
        db.database.execute_sql("UPDATE customer SET code_key = NULL")
        db.database.execute_sql(
            "INSERT INTO customer (code, name, contact, phones, address, payer, route_position,"
            " terms_kind, terms_days, notes, archived, search_key, created_at) VALUES "
            "('c0001', '另一家', '', '', '', '', 0, 'cash', 0, '', 0, '', '2026-01-01 00:00:00')"
        )
        db.database.execute_sql("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    finally:
        db.close_ledger()
    db.open_ledger(path)
    try:
        second = customers.customer_by_code("c0001").id
        customers.update_customer(second, CustomerDraft(code="c0001", name="另一家(旧)"))
        customers.update_customer(first, CustomerDraft(code="C0001", name="东城王记(改)"))
        with pytest.raises(InputError, match="differs from the existing code"):
            add("Ｃ0001")
    finally:
        db.close_ledger()


# --- (d) XLSX decompression bombs -----------------------------------------------------


def _workbook(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _declare_size(data: bytes, member: str, size: int) -> bytes:
    """The same zip with `member`'s declared uncompressed size changed in its central
    directory entry: a bomb as openpyxl would see it, without inflating anything."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
        start = archive.start_dir
    buf = bytearray(data)
    at = buf.find(b"PK\x01\x02", start)
    while at != -1:
        name_len = struct.unpack_from("<H", buf, at + 28)[0]
        if buf[at + 46 : at + 46 + name_len].decode() == info.filename:
            struct.pack_into("<I", buf, at + 24, size)
            return bytes(buf)
        at = buf.find(b"PK\x01\x02", at + 46)
    raise AssertionError(member)


def test_a_workbook_declaring_gigabytes_is_refused_before_reading(tmp_path: Path) -> None:
    data = _workbook([["code", "name"], ["C1", "王记"]])
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(_declare_size(data, "xl/worksheets/sheet1.xml", 0xFFFF_0000))
    assert path.stat().st_size < 20_000
    with pytest.raises(InputError, match=r"‘bomb.xlsx’ is too large to import: .* MB"):
        reading.read_sheet(path)


def test_a_workbook_that_really_inflates_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 2 MB sheet of one repeated cell packs into a few KB; with the limit at 1 MB it
    is refused (the same check that keeps 1 GB out at the real limit)."""
    monkeypatch.setattr(workbooks, "MAX_XLSX_UNCOMPRESSED", 1024 * 1024)
    data = _workbook([["code", "name"], *[["C1", "王记" * 20]] * 12_000])
    path = tmp_path / "big.xlsx"
    path.write_bytes(data)
    assert len(data) < 200_000
    with pytest.raises(InputError, match="too large to import"):
        reading.read_sheet(path)


def test_a_workbook_of_too_many_parts_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workbooks, "MAX_XLSX_MEMBERS", 5)
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        for n in range(6):
            archive.writestr(f"xl/media/{n}.bin", b"")
    path = tmp_path / "parts.xlsx"
    path.write_bytes(data.getvalue())
    with pytest.raises(InputError, match="too large to import"):
        reading.read_sheet(path)


def test_too_many_rows_or_columns_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workbooks, "MAX_ROWS", 50)
    rows = tmp_path / "rows.xlsx"
    rows.write_bytes(_workbook([["code", "name"], *[["C1", "x"]] * 50]))
    with pytest.raises(InputError, match="at most 50 rows"):
        len(reading.read_sheet(rows).rows)  # rows stream: found as they are read
    fine = tmp_path / "fine.xlsx"
    fine.write_bytes(_workbook([["code", "name"], *[["C1", "x"]] * 49]))
    assert len(reading.read_sheet(fine).rows) == 49  # 50 rows with the header
    wide = tmp_path / "wide.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["code", "name"])
    book.active.cell(row=2, column=workbooks.MAX_COLUMNS + 1, value="stray")
    book.save(wide)
    with pytest.raises(InputError, match=f"{workbooks.MAX_COLUMNS} columns"):
        len(reading.read_sheet(wide).rows)


# --- (e) a file of 100,000 bad rows --------------------------------------------------


def test_100000_bad_rows_report_the_first_100_and_the_total(
    sqlite_ledger: str, tmp_path: Path
) -> None:
    rows = "".join(f"C{n},2026-11-20,bogus,5\n" for n in range(100_000))
    path = write(tmp_path / "bad.csv", "customer_code,date,kind,amount\n" + rows)
    with pytest.raises(ImportRejected) as err:
        import_file("entries", path)
    rejected = err.value
    assert (rejected.total, rejected.rows) == (200_000, 100_000)
    assert len(rejected.problems) == PROBLEMS_SHOWN == 100
    assert [p.row for p in rejected.problems] == [n for n in range(2, 52) for _ in (1, 2)]
    lines = rejected.lines()
    assert len(lines) == 102
    assert lines[0] == "Nothing was imported from ‘bad.csv’: 100000 rows have problems."
    assert lines[1] == "row 2, column customer_code: There is no customer with code ‘C0’."
    assert lines[-1] == (
        "…and 199900 more problems (200000 in all): fix these and import again to see the rest."
    )


RACER = """
import pathlib, sys, time
sys.path.insert(0, sys.argv[1])
from models.ledger import customers
from models.storage import db
from models.vocabulary.errors import InputError
from models.vocabulary.customer_records import CustomerDraft
db.open_ledger(sys.argv[2], create=False)
go = pathlib.Path(sys.argv[3])
while not go.exists():
    time.sleep(0.001)
won = 0
for n in range(int(sys.argv[4])):
    code = sys.argv[5].format(n=n)
    try:
        customers.add_customer(CustomerDraft(code=code, name=code))
        won += 1
    except InputError:
        pass
db.close_ledger()
print(won)
"""


def test_two_processes_cannot_both_add_near_duplicate_codes(ledger: str, tmp_path: Path) -> None:
    """One adds K0, K1, …, the other k0, k1, … at the same moment: one of each pair
    wins, the other gets the sentence (no traceback), never both."""
    root = Path(__file__).resolve().parents[3]
    go, rounds = tmp_path / "go", 60
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(root), ledger, str(go), str(rounds), pattern],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for pattern in ("K{n}", "ｋ{n}")
    ]
    go.touch()
    results = [r.communicate(timeout=120) for r in racers]
    assert [err for _out, err in results] == ["", ""]
    assert sum(int(out) for out, _err in results) == rounds
    codes = [c.code for c in customers.list_customers()]
    assert sorted(code_key(c) for c in codes) == sorted(f"k{n}" for n in range(rounds))


def test_a_missing_column_is_named_in_the_users_language(ledger_target: None, tmp_path) -> None:
    """Issue 12: `第 3 行，"method"列` named the column in English inside Chinese."""
    from models.exchange.importing.outcome import ImportRejected
    from models.exchange.importing.run import import_file
    from models.ledger.customers import add_customer
    from models.vocabulary.customer_records import CustomerDraft
    from models.vocabulary.i18n import using_language

    add_customer(CustomerDraft(code="C0001", name="东城王记"))
    path = tmp_path / "entries.csv"
    path.write_text(
        "customer_code,date,kind,amount\nC0001,2026-11-20,payment,100\n", encoding="utf-8"
    )
    for lang, wanted in (("zh", "付款方式（文件中没有这一列：请添加）"),
                         ("en", "method (the file has no such column: add it)")):  # fmt: skip
        with using_language(lang), pytest.raises(ImportRejected) as caught:
            import_file("entries", path)
        text = "\n".join(caught.value.lines())
        assert wanted in text, text
