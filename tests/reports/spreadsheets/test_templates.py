""" "Save a template…": the right headers, an example row that imports, the column notes."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from models.exchange.importing.run import import_file
from models.ledger.customers import customer_by_code
from models.ledger.ledger import balance
from reports.spreadsheets.templates import save_template


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_templates_import_as_they_are(ledger: str, tmp_path: Path, lang: str) -> None:
    for kind in ("customers", "entries", "promises"):
        path = save_template(tmp_path / f"{kind}-{lang}", kind, lang)
        assert path.suffix == ".xlsx"
        import_file(kind, path)
    customer = customer_by_code("C0001")
    assert balance(customer.id) == 1200_50 - 800_00


def test_headers_example_and_notes(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(save_template(tmp_path / "t.xlsx", "entries", "zh"))
    first, notes = book.worksheets
    assert [c.value for c in first[1]][:4] == ["客户编号", "日期", "类型", "金额"]
    assert [c.value for c in first[2]][:3] == ["C0001", "2026-03-05", "payment"]
    assert notes.title == "Columns"
    assert [c.value for c in notes[2]][:2] == ["客户编号", "customer_code"]
    assert "required" in notes["C2"].value
