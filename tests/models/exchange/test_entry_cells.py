"""The bulk import's quick reading of clean entry rows: it accepts a row only when the
careful reading (which words every problem) accepts it, with the same values."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from models.exchange.entry_cells import KEYS, QuickEntries
from models.exchange.importing.columns import ENTRY_COLUMNS, MAX_LEN
from models.exchange.importing.entries import parse_entry
from models.exchange.importing.headers import map_columns
from models.exchange.importing.rows import Row, Run
from models.exchange.importing.sheet import Sheet
from models.vocabulary.entry_records import EntryKind, PaymentMethod

IDS = {"C1": 1, "C02": 2}
# For each column: clean values, values a clerk gets wrong, and edge cases.
CELLS = {
    "customer_code": ["C1", "C02", "c1", "", "C9", " C1 ", "C1\x07"],
    "date": [
        "2026-11-25",
        "2026/11/5",
        "2026年11月5日",
        "",
        "2026-02-30",
        "1989-12-31",
        "2027-12-30",
        "25/11/2026",
        " 2026-11-25",
    ],
    "kind": [
        "delivery",
        "payment",
        "return",
        "discount",
        "writeoff",
        "opening",
        "送货",
        "收款",
        " Payment ",
        "sale",
        "",
    ],
    "amount": [
        "12",
        "12.5",
        "12.50",
        "0",
        "0.00",
        "12.505",
        "-12",
        "1,234.50",
        "¥12",
        "abc",
        "",
        "999999999999.99",
        "1000000000000",
        "00012.3",
        "12.",
        ".5",
        "１２",
    ],
    "doc_no": ["", "D1", "x" * 60, "x" * 61, "D\x00"],
    "memo": ["", "old books", "m" * 300, "m" * 301, "a\tb"],
    "method": ["", "cash", "cheque", "draft", "微信", "bitcoin", " Cash "],
    "cheque_no": ["", "Q1", "q" * 61],
    "cheque_due": ["", "2026-12-31", "2026-13-01", "soon"],
    "bank": ["", "工商银行", "b" * 101],
}
COLUMNS = map_columns(Sheet("e.csv", "utf-8", 1, KEYS, ()), ENTRY_COLUMNS)


def _careful(cells: tuple[str, ...]) -> tuple | None:
    sheet = Sheet("e.csv", "utf-8", 1, KEYS, ((2, cells),))
    run = Run(sheet, COLUMNS)
    draft = parse_entry(Row(run, 2, cells), IDS)
    assert (draft is None) == bool(run.problems)
    return None if draft is None else tuple(draft)


# Clean rows of each kind; the test changes up to three cells of one.
CLEAN = [
    ("C1", "2026-11-25", "delivery", "12.50", "D1", "", "", "", "", ""),
    ("C02", "2026/11/5", "收款", "1,234.50", "", "", "cheque", "Q1", "2026-12-31", "工行"),
    ("C1", "2026-11-25", "payment", "3", "", "", "cash", "", "", ""),
    ("C1", "2026-11-25", "writeoff", "3", "", "bad debt", "", "", "", ""),
    ("C1", "2026-11-25", "opening", "-12", "", "old books", "", "", "", ""),
    ("C02", "2026-11-25", "return", "0.01", "R1", "", "", "", "", ""),
]
CHANGES = [(KEYS.index(k), v) for k in KEYS for v in CELLS[k]]


@settings(max_examples=1500)  # cheap examples; enough to pair each change with each kind
@given(st.sampled_from(CLEAN), st.lists(st.sampled_from(CHANGES), max_size=3))
def test_quick_reading_agrees_with_the_careful_one(
    clean: tuple[str, ...], changes: list[tuple[int, str]]
) -> None:
    cells = list(clean)
    for i, value in changes:
        cells[i] = value
    quick = QuickEntries(COLUMNS, IDS, MAX_LEN)(tuple(cells))
    careful = _careful(tuple(cells))
    if quick is not None:
        assert tuple(quick) == careful


def test_clean_rows_are_read_quickly_with_their_values() -> None:
    quick = QuickEntries(COLUMNS, IDS, MAX_LEN)
    cheque = ("C02", "2026/11/5", "收款", "1,234.50", "", "", "支票", "Q1", "2026-12-31", "工行")
    assert quick(cheque) == (
        2, "C02", dt.date(2026, 11, 5), EntryKind.PAYMENT, 123450, "", "", PaymentMethod.CHEQUE,
        "Q1", dt.date(2026, 12, 31), "工行",
    )  # fmt: skip
    opening = ("C1", "2026-11-25", "opening", "-12", "", "old books", "", "", "", "")
    assert quick(opening) is not None and quick(opening).amount == -12_00
    assert quick(("C1", "2026-11-25", "delivery", "0.5")) is not None  # a short row
    assert quick(("C1", "2026-11-25", "delivery", "0")) is None  # the careful way says why


def test_a_file_without_some_columns_is_read_quickly_too() -> None:
    headers = ("customer_code", "date", "kind", "amount")
    columns = map_columns(Sheet("e.csv", "utf-8", 1, headers, ()), ENTRY_COLUMNS)
    quick = QuickEntries(columns, IDS, MAX_LEN)
    assert quick(("C1", "2026-11-25", "delivery", "7")) is not None
    assert quick(("C1", "2026-11-25", "payment", "7")) is None  # no method: a problem
