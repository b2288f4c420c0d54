"""The fast worksheet reader gives exactly the rows openpyxl's read-only mode gives."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from models.exchange.xlsx_rows import sheet_values

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _both(path: Path) -> tuple[list[tuple], list[tuple]]:
    """(openpyxl's rows, the fast reader's rows) of the first sheet."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        fast = [tuple(r) for r in sheet_values(book, sheet)]
        sheet.reset_dimensions()
        slow = [tuple(r) for r in sheet.iter_rows(min_row=1, values_only=True)]
    finally:
        book.close()
    return slow, fast


@pytest.mark.parametrize("epoch_1904", [False, True])
def test_every_kind_of_value_excel_writes(tmp_path: Path, epoch_1904: bool) -> None:
    book = openpyxl.Workbook()
    if epoch_1904:
        book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    sheet.append(["code", "日期", "amount", "ok", "when", "at"])
    sheet.append(
        ["C1", dt.date(2026, 11, 25), 12.5, True, dt.datetime(2026, 1, 2, 3, 4), dt.time(9)]
    )
    sheet.append(["C2", dt.date(1990, 1, 1), 1234, False, None, None])
    sheet["H5"] = "far right, two rows down"
    sheet["B7"] = "=1+1"  # a formula without a cached value
    sheet["C8"] = CellRichText(["plain ", TextBlock(InlineFont(b=True), "bold")])
    sheet["D9"] = 0.1 + 0.2
    sheet["A10"] = "  spaces kept  "
    sheet["E10"] = 45000
    sheet["E10"].number_format = "yyyy-mm-dd"
    sheet["F10"] = 1.5
    sheet["F10"].number_format = "[h]:mm:ss"
    sheet["A12"] = "#N/A"
    path = tmp_path / "kinds.xlsx"
    book.save(path)
    slow, fast = _both(path)
    assert fast == slow
    assert fast[1][1] == dt.datetime(2026, 11, 25)  # the dates really were dates


# Excel keeps text in a shared strings table (openpyxl writes inline strings instead).
SHARED_STRINGS = f"""<sst xmlns="{MAIN}" count="2" uniqueCount="2"><si><t>shared</t></si>
<si><r><t>ri</t></r><r><rPr><b/></rPr><t>ch</t></r></si></sst>"""
STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def _with_sheet_xml(tmp_path: Path, xml: str) -> Path:
    """A workbook whose first sheet is `xml` as written (other programs' habits), with
    a shared strings table."""
    source = io.BytesIO()
    openpyxl.Workbook().save(source)
    path = tmp_path / "hand.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = xml.encode("utf-8")
            elif item.filename == "[Content_Types].xml":
                override = (
                    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{STRINGS_TYPE}"/>'
                )
                data = data.replace(b"</Types>", override.encode() + b"</Types>")
            new.writestr(item, data)
        new.writestr("xl/sharedStrings.xml", SHARED_STRINGS)
    return path


HAND_WRITTEN = [
    # Prefixed namespace, cells without coordinates, a missing row, a row out of order.
    f"""<x:worksheet xmlns:x="{MAIN}"><x:sheetData>
    <x:row r="1"><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c><x:v>7</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>
    <x:row r="4"><x:c r="C4" t="str"><x:v>formula text</x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c></x:row>
    <x:row r="3"><x:c r="A3"><x:v>3</x:v></x:c></x:row>
    <x:row><x:c r="B5" t="d"><x:v>2026-11-25T10:30:00</x:v></x:c></x:row>
    </x:sheetData></x:worksheet>""",
    # Inline strings: plain, rich runs, phonetic runs left out, empty, entities, spaces.
    f"""<worksheet xmlns="{MAIN}"><sheetData>
    <row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> a &amp; b </t></is></c>
    <c r="B1" t="inlineStr"><is><r><t>東</t></r><r><rPr><b/></rPr><t>京</t></r><rPh sb="0" eb="1"><t>トウ</t></rPh></is></c>
    <c r="C1" t="inlineStr"><is/></c><c r="D1" t="inlineStr"/><c r="E1"><v></v></c>
    <c r="F1" s="0"><v>1.5E3</v></c><c r="AA1"><v>-0.25</v></c></row>
    <row r="2.0" spans="1:3"><c r="B2" t="inlineStr"><is><t>line
break</t></is></c></row>
    <row r="2"><c r="A2"><v>2</v></c></row>
    </sheetData></worksheet>""",
]


@pytest.mark.parametrize("xml", HAND_WRITTEN)
def test_sheets_other_programs_write(tmp_path: Path, xml: str) -> None:
    slow, fast = _both(_with_sheet_xml(tmp_path, xml))
    assert fast == slow
    assert any(row for row in fast)


def test_a_big_sheet_is_read_the_same(tmp_path: Path) -> None:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("entries")
    for i in range(3000):
        sheet.append([f"C{i % 7}", dt.date(2026, 1, 1 + i % 28), i / 4, None, "x" * (i % 3)])
    path = tmp_path / "big.xlsx"
    book.save(path)
    slow, fast = _both(path)
    assert fast == slow and len(fast) == 3000
