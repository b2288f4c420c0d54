"""Bad input still accepted (issue 17, point 17): an unquoted thousands comma in a row
no wider than the header, import "files" that never end, and an XLSX cell of hundreds
of megabytes."""

from __future__ import annotations

import io
import os
import tracemalloc
import zipfile
from pathlib import Path

import openpyxl
import pytest

from models.exchange.entry_cells import QuickEntries
from models.exchange.importing.columns import ENTRY_COLUMNS, MAX_LEN
from models.exchange.importing.headers import map_columns
from models.exchange.importing.outcome import ImportRejected
from models.exchange.importing.reading import file_problem, read_sheet, sheet_names
from models.exchange.importing.run import import_file
from models.exchange.xlsx_rows import MAX_CELL_CHARS, CellTooLong, sheet_values
from models.ledger import customers
from models.storage.tables import CustomerRow, EntryRow, PromiseRow
from models.vocabulary.customer_records import CustomerDraft
from models.vocabulary.errors import InputError

HEADER = "customer_code,date,kind,amount,doc_no,method\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def add(code: str = "C0001", name: str = "东城王记") -> int:
    return customers.add_customer(CustomerDraft(code=code, name=name)).id


def problems(err: pytest.ExceptionInfo[ImportRejected]) -> list[str]:
    return [str(p) for p in err.value.problems]


def split_message(head: str, tail: str) -> str:
    return (
        f"‘{head}’ and the next cell ‘{tail}’ look like one amount, {head},{tail}, split at "
        f'its thousands comma: put amounts with thousands separators in quotes ("{head},'
        f'{tail}") or drop the comma. If the amount really is {head}, write it as {head}.00.'
    )


# --- an unquoted thousands comma in a row no wider than the header --------------------


@pytest.mark.parametrize(
    ("row", "head", "tail"),
    [
        ("C0001,2026-11-20,delivery,1,234,", "1", "234"),  # exactly as wide as the header
        ("C0001,2026-11-20,delivery,1,234", "1", "234"),  # narrower: trailing cells left off
        ("C0001,2026-11-20,delivery,1,234.50,", "1", "234.50"),  # 1,234.50
        ("C0001,2026-11-20,delivery,¥12,000,", "¥12", "000"),
    ],
)
def test_split_amount_in_a_row_as_wide_as_the_header_is_refused(
    ledger: str, tmp_path: Path, row: str, head: str, tail: str
) -> None:
    """The issue's row imported as 1.00 with document 234. The bulk import's quick
    reading takes such a row as clean (checked here), so the refusal comes before it."""
    customer = add()
    path = write(tmp_path / "e.csv", HEADER + row + "\n")
    sheet = read_sheet(path)
    columns = map_columns(sheet, ENTRY_COLUMNS)
    quick = QuickEntries(columns, {"C0001": customer}, MAX_LEN)
    (_number, cells), *_rest = sheet.rows
    if head != "¥12":
        assert quick(cells) is not None  # the quick reading would post it
    with pytest.raises(ImportRejected) as err:
        import_file("entries", path)
    assert problems(err) == [f"row 2, column amount: {split_message(head, tail)}"]
    assert EntryRow.select().count() == 0


def test_split_amount_among_many_clean_rows_is_refused(ledger: str, tmp_path: Path) -> None:
    """The bulk path: thousands of clean rows read the quick way, one split among them."""
    add()
    rows = [f"C0001,2026-11-20,delivery,{n + 1}.50,D{n}" for n in range(3000)]
    rows[1700] = "C0001,2026-11-20,delivery,3,456,D-split"
    with pytest.raises(ImportRejected) as err:
        import_file("entries", write(tmp_path / "e.csv", HEADER + "\n".join(rows) + "\n"))
    assert problems(err) == [f"row 1702, column amount: {split_message('3', '456')}"]
    assert EntryRow.select().count() == 0


@pytest.mark.parametrize(
    ("kind", "text", "column"),
    [
        # the opening date would read "234": said as a split, not as a bad date
        (
            "customers",
            "code,name,opening_balance,opening_date\nC1,东城王记,1,234\n",
            "opening_balance",
        ),
        ("customers", "编号,名称,信用额度,期初余额\nC1,东城王记,5,000\n", "信用额度"),
        ("promises", "customer_code,amount,due\nC0001,1,234\n", "amount"),
    ],
    ids=["opening", "limit", "promise"],
)
def test_split_amounts_of_customers_and_promises_are_refused(
    ledger: str, tmp_path: Path, kind: str, text: str, column: str
) -> None:
    add()
    with pytest.raises(ImportRejected) as err:
        import_file(kind, write(tmp_path / "f.csv", text))
    assert len(problems(err)) == 1
    assert problems(err)[0].startswith(f"row 2, column {column}: ‘")
    assert "split at its thousands comma" in problems(err)[0]
    assert CustomerRow.select().count() == 1 and PromiseRow.select().count() == 0


@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        # the amount written with its decimals: 12 beside document 345, as the message says
        (HEADER, "C0001,2026-11-20,delivery,12.00,345,", (12_00, "345", "")),
        # the amount in quotes
        (HEADER, 'C0001,2026-11-20,delivery,"1,234",567,', (1234_00, "567", "")),
        # free text right of the amount: a 3-digit memo is ordinary
        (
            "customer_code,date,kind,amount,memo\n",
            "C0001,2026-11-20,delivery,12,345",
            (12_00, "", "345"),
        ),
        # a column the import does not use (the clerk's own quantity)
        (
            "customer_code,date,kind,amount,数量\n",
            "C0001,2026-11-20,delivery,12,120",
            (12_00, "", ""),
        ),
    ],
)
def test_small_amounts_beside_three_digits_that_cannot_be_a_split_are_accepted(
    ledger: str, tmp_path: Path, header: str, row: str, expected: tuple[int, str, str]
) -> None:
    add()
    import_file("entries", write(tmp_path / "e.csv", header + row + "\n"))
    assert [(e.amount, e.doc_no, e.memo) for e in EntryRow.select()] == [expected]


def test_xlsx_small_amount_beside_a_three_digit_document_is_accepted(
    ledger: str, tmp_path: Path
) -> None:
    """In a workbook a cell is a cell: nothing can split."""
    add()
    book = openpyxl.Workbook()
    book.active.append(["customer_code", "date", "kind", "amount", "doc_no"])
    book.active.append(["C0001", "2026-11-20", "delivery", 12, "345"])
    book.save(tmp_path / "e.xlsx")
    import_file("entries", tmp_path / "e.xlsx")
    assert [(e.amount, e.doc_no) for e in EntryRow.select()] == [(12_00, "345")]


# --- what is not a regular file -------------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_pipe_or_device_is_refused_before_it_is_read(
    ledger: str, tmp_path: Path, kind: str
) -> None:
    """/dev/zero never ends; opening a named pipe waits for a writer forever. Both are
    refused from their file type alone (the checks below would hang otherwise)."""
    if kind == "fifo":
        path = tmp_path / "entries.csv"
        os.mkfifo(path)
    else:
        path = Path("/dev/zero")
    expected = f"‘{path}’ is not an ordinary file (it is a device, a pipe or a socket)"
    assert file_problem(path).startswith(expected)
    for read in (read_sheet, sheet_names, lambda p: import_file("entries", p)):
        with pytest.raises(InputError, match="is not an ordinary file"):
            read(path)
    assert file_problem(tmp_path) == f"‘{tmp_path}’ is a folder, not a file to import."
    assert file_problem(write(tmp_path / "ok.csv", HEADER)) == ""


# --- an XLSX cell of hundreds of megabytes ---------------------------------------------


def _book_with_memo(path: Path, memo_bytes: int, *, shared: bool) -> Path:
    """An entries workbook whose row 2 has a memo (cell E2) of `memo_bytes` letters,
    written as an inline string (openpyxl) or as a shared string (Excel)."""
    book = openpyxl.Workbook()
    book.active.append(["customer_code", "date", "kind", "amount", "memo"])
    book.active.append(["C0001", "2026-11-20", "delivery", 12, "PLACEHOLDER"])
    small = io.BytesIO()
    book.save(small)
    with zipfile.ZipFile(small) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                if shared:
                    data = data.replace(
                        b't="inlineStr"><is><t>PLACEHOLDER</t></is>', b't="s"><v>0</v>'
                    )
                head, _sep, tail = data.partition(b"PLACEHOLDER")
                if not _sep:
                    dst.writestr(info, data)
                    continue
            elif info.filename == "[Content_Types].xml" and shared:
                part = (
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                )
                dst.writestr(info, data.replace(b"</Types>", part + b"</Types>"))
                continue
            elif info.filename == "xl/_rels/workbook.xml.rels" and shared:
                rel = (
                    b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/sharedStrings" '
                    b'Target="sharedStrings.xml"/>'
                )
                dst.writestr(info, data.replace(b"</Relationships>", rel + b"</Relationships>"))
                continue
            else:
                dst.writestr(info, data)
                continue
            with dst.open(info.filename, "w") as fh:
                fh.write(head)
                fh.write(b"x" * memo_bytes)
                fh.write(tail)
        if shared:
            main = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
            with dst.open("xl/sharedStrings.xml", "w") as fh:
                fh.write(b'<sst xmlns="' + main + b'" count="1" uniqueCount="1"><si><t>')
                fh.write(b"x" * memo_bytes)
                fh.write(b"</t></si></sst>")
    return path


@pytest.mark.parametrize("shared", [False, True], ids=["inline", "shared"])
def test_an_xlsx_cell_longer_than_excel_allows_is_refused_early(
    ledger: str, tmp_path: Path, shared: bool
) -> None:
    """A cell of 20 MB (the issue's had 350 MB: 54 s and 773 MB before the refusal) is
    refused as soon as the reader passes Excel's own limit of 32,767 characters: memory
    stays far below the cell's size, and nothing is written."""
    add()
    path = _book_with_memo(tmp_path / "big.xlsx", 20 * 1024 * 1024, shared=shared)
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as err:
            import_file("entries", path)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    if shared:  # refused before openpyxl reads the strings: which cell is not known yet
        assert str(err.value) == (
            "‘big.xlsx’ holds a cell of more than 32,767 characters, more than Excel "
            "itself allows in a cell: open it in Excel, empty that cell and save it again."
        )
    else:
        assert str(err.value) == (
            "‘big.xlsx’: cell E2 holds more than 32,767 characters, more than Excel itself "
            "allows in a cell: empty that cell or import another sheet."
        )
    assert peak < 10 * 1024 * 1024, f"{peak:,} bytes at the peak"
    assert EntryRow.select().count() == 0


@pytest.mark.parametrize("shared", [False, True], ids=["inline", "shared"])
def test_cells_up_to_the_limit_are_read(tmp_path: Path, shared: bool) -> None:
    """The limit itself is a cell's text; one character more is refused, naming it."""
    path = _book_with_memo(tmp_path / "b.xlsx", 40, shared=shared)
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        rows = list(sheet_values(book, book.active, max_chars=40))
        assert rows[1][4] == "x" * 40
        with pytest.raises(CellTooLong) as err:
            list(sheet_values(book, book.active, max_chars=39))
        assert err.value.coordinate == "E2"
    finally:
        book.close()
    assert MAX_CELL_CHARS == 32_767  # what Excel holds in one cell
