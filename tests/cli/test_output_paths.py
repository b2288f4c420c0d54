"""No print or export writes over a ledger (issue 17, item 3): ``--out`` naming the
ledger itself, another ledger, a copy or a link of it, or any ``.qkledger`` name is
refused before anything is written, and a print's ``--out`` must end in ``.pdf``, an
export's in ``.csv`` or ``.xlsx``. Each runs ``main.py`` as a process; the ledger is
compared byte for byte and as SQLite reads it."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from models.ledger import customers, people, posting
from models.storage import db
from models.vocabulary.customer_records import CustomerDraft
from tests.cli.test_main import one_line_error, run

TODAY = dt.date.today()

PRINTS = [
    ["print", "statement", "C1"],
    ["print", "aging"],
    ["print", "review"],
    ["print", "route", "城东线"],
    ["print", "packet", "城东线"],
    ["print", "iou", "C1"],
]
EXPORTS = [["export", what] for what in ("aging", "reps", "routes", "entries", "customers")]


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """A ledger with one owing customer on a route that runs every day."""
    path = tmp_path / "shop.qkledger"
    db.open_ledger(str(path))
    route = people.add_route("城东线", tuple(range(1, 8)))
    customer = customers.add_customer(CustomerDraft(code="C1", name="东城王记", route_id=route.id))
    posting.post_delivery(customer.id, TODAY - dt.timedelta(days=40), 250_00, doc_no="D1")
    db.close_ledger()
    return path


def _as_sqlite_reads_it(path: Path) -> tuple[str, list[str]]:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return digest, list(conn.iterdump())
    finally:
        conn.close()


def _refused(tmp_path: Path, ledger: Path, command: list[str], out: Path) -> str:
    before = _as_sqlite_reads_it(ledger)
    result = run(tmp_path, "--db", str(ledger), *command, "--out", str(out))
    message = one_line_error(result)
    assert _as_sqlite_reads_it(ledger) == before
    return message


@pytest.mark.parametrize("command", PRINTS + EXPORTS, ids=lambda c: " ".join(c[:2]))
def test_out_the_ledger_itself_is_refused(tmp_path: Path, shop: Path, command: list[str]) -> None:
    message = _refused(tmp_path, shop, command, shop)
    assert "is a ledger file" in message and "Choose another file name" in message


@pytest.mark.parametrize("command", [PRINTS[0], EXPORTS[0]], ids=["print", "export"])
def test_out_any_ledger_or_ledger_name_is_refused(
    tmp_path: Path, shop: Path, command: list[str]
) -> None:
    suffix = ".pdf" if command[0] == "print" else ".xlsx"
    copy = tmp_path / f"copy{suffix}"  # another ledger, under a document's name
    shutil.copyfile(shop, copy)
    link = tmp_path / f"link{suffix}"
    os.link(shop, link)  # the ledger itself under another name
    fresh = tmp_path / "new.qkledger"
    for out in (copy, link, fresh):
        assert "is a ledger file" in _refused(tmp_path, shop, command, out)
    assert not fresh.exists()
    assert copy.read_bytes() == shop.read_bytes()


def test_print_must_end_in_pdf_and_export_in_csv_or_xlsx(tmp_path: Path, shop: Path) -> None:
    message = _refused(tmp_path, shop, PRINTS[0], tmp_path / "statement.txt")
    assert "does not end in .pdf" in message
    message = _refused(tmp_path, shop, EXPORTS[0], tmp_path / "aging.pdf")
    assert "does not end in .csv or .xlsx" in message
    assert not (tmp_path / "statement.txt").exists() and not (tmp_path / "aging.pdf").exists()


def test_the_refusal_is_in_chinese(tmp_path: Path, shop: Path) -> None:
    result = run(tmp_path, "--db", str(shop), *PRINTS[0], "--out", str(shop), lang="zh")
    assert "是账本文件" in one_line_error(result)


def test_ordinary_outputs_still_written(tmp_path: Path, shop: Path) -> None:
    for command, name in ((PRINTS[0], "s.PDF"), (EXPORTS[0], "aging.csv")):
        result = run(tmp_path, "--db", str(shop), *command, "--out", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
        assert (tmp_path / name).stat().st_size > 0
