"""What the import wizard needs from the model: worksheets, a chosen column mapping,
a dry run that writes nothing, progress with Cancel, duplicate customer names."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from models.exchange.importing.columns import CUSTOMER_COLUMNS
from models.exchange.importing.customers import name_key
from models.exchange.importing.headers import guess_mapping
from models.exchange.importing.outcome import ImportCancelled, ImportRejected
from models.exchange.importing.reading import read_sheet, sheet_names
from models.exchange.importing.run import import_file
from models.ledger.customers import list_customers
from tests.models.helpers import make_customer


def _workbook(path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["这张表不是客户"])
    sheet = book.create_sheet("客户")
    sheet.append(["店号", "店名", "电话"])
    sheet.append(["C1", "东城王记", "13800000000"])
    sheet.append(["C2", "西关李记", ""])
    book.save(path)


def test_second_sheet_with_a_chosen_mapping(ledger: str, tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    _workbook(path)
    assert sheet_names(path) == ["说明", "客户"]
    sheet = read_sheet(path, "客户")
    assert sheet.headers == ("店号", "店名", "电话")
    guessed = guess_mapping(sheet.headers, CUSTOMER_COLUMNS)
    assert guessed == {1: "name", 2: "phone"}  # 店名 is a known alias; 店号 is not
    result = import_file("customers", path, sheet="客户", mapping={**guessed, 0: "code"})
    assert result.added == 2
    assert [c.name for c in list_customers()] == ["东城王记", "西关李记"]


def test_a_csv_has_no_sheets(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("code,name\nC1,x\n", encoding="utf-8")
    assert sheet_names(path) == []


def test_dry_run_writes_nothing(ledger: str, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("code,name,opening_balance,opening_date\nC1,东城王记,100,2026-11-01\n")
    result = import_file("customers", path, dry_run=True)
    assert result.added == 1
    assert list_customers() == []
    assert import_file("customers", path).added == 1  # the real one still works


def test_progress_and_cancel(ledger: str, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("code,name\n" + "".join(f"C{i},店{i}\n" for i in range(1200)))
    seen: list[tuple[int, int]] = []
    import_file("customers", path, dry_run=True, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(0, 1200), (500, 1200), (1000, 1200), (1200, 1200)]

    def cancel(done: int, total: int) -> None:
        if done >= 500:
            raise ImportCancelled("cancelled")

    with pytest.raises(ImportCancelled):
        import_file("customers", path, progress=cancel)
    assert list_customers() == []


def test_duplicate_names_are_flagged(ledger: str, tmp_path: Path) -> None:
    make_customer("C1", "东城 王记")
    path = tmp_path / "c.csv"
    path.write_text(
        "code,name\nC2,东城王记\nC3,西关ＬＩ记\nC4,西关li 记\nC5,别家\n", encoding="utf-8"
    )
    with pytest.raises(ImportRejected) as caught:
        import_file("customers", path)
    problems = [str(p) for p in caught.value.problems]
    assert problems == [
        "row 2, column name: ‘东城王记’ is already the customer C1 (‘东城 王记’): use the code "
        "C1 for it, or make the names different (e.g. add the street).",
        "row 4, column name: ‘西关li 记’ is also the name on row 3: the same shop twice? Keep "
        "one row, or make the names different (e.g. add the street).",
    ]
    assert name_key("Ａ Ｂ\u3000c") == "abc"
