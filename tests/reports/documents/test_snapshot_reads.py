"""Documents read while another process posts are consistent with themselves (issue 7,
point 4): a real writer process posts in a loop during 50 prints, on both backends."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from models.collecting.routesheets import route_sheet
from models.ledger import customers, ledger, people, posting, promises
from models.ledger.aging import age_all
from models.papers.ious import open_ious
from models.storage import db
from models.vocabulary.customer_records import CustomerDraft
from reports.documents import cli

ROOT = Path(__file__).resolve().parents[3]
PRINTS = 50

# Posts a one-fen delivery dated before the statement's period, every couple of
# milliseconds until told to stop: each one moves the opening balance, the closing
# balance and the aging. (Unthrottled, a slow CI machine once saw 300,000 of them.)
WRITER = """
import datetime as dt, pathlib, sys, time
sys.path.insert(0, sys.argv[1])
from models.ledger import posting
from models.storage import db
db.open_ledger(sys.argv[2], create=False)
stop, ready = pathlib.Path(sys.argv[4]), pathlib.Path(sys.argv[5])
posted = 0
while not stop.exists():
    posting.post_delivery(int(sys.argv[3]), dt.date(2026, 10, 1), 1)
    posted += 1
    if posted == 3:
        ready.touch()
    time.sleep(0.002)  # a busy clerk, not a flood: each print reads every open fen
db.close_ledger()
print(posted)
"""


@pytest.fixture
def writer(ledger: str, tmp_path: Path) -> Iterator[tuple[int, subprocess.Popen[str]]]:
    """A customer with a route and a promise, and a process posting to them."""
    route = people.add_route("城东线")
    cid = customers.add_customer(CustomerDraft(code="C1", name="东城王记", route_id=route.id)).id
    posting.post_delivery(cid, dt.date(2026, 11, 5), 500_00, doc_no="D1")
    posting.post_payment(cid, dt.date(2026, 11, 20), 100_00, "cash")
    promises.make_promise(cid, 100_00, dt.datetime(2026, 11, 28, 10, 0))
    stop, ready = tmp_path / "stop", tmp_path / "ready"
    args = [ROOT, ledger, cid, stop, ready]
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, *map(str, args)], stdout=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert process.poll() is None, "the writer stopped"
            assert time.monotonic() < deadline, "the writer did not start"
            time.sleep(0.05)
        yield cid, process
    finally:
        stop.touch()
        process.wait(timeout=60)


def test_statements_print_while_another_process_posts(
    writer: tuple[int, subprocess.Popen[str]], cjk_fonts: object, tmp_path: Path
) -> None:
    _cid, process = writer
    before = posting_count()
    for n in range(PRINTS):
        out = cli.print_statement(
            "C1", dt.date(2026, 11, 1), dt.date(2026, 11, 26), out=tmp_path / f"s{n}.pdf"
        )
        assert "东城王记" in PdfReader(out).pages[0].extract_text()
    assert process.poll() is None, "the writer must still be posting"
    assert posting_count() > before + PRINTS  # it really posted during the prints


def test_aging_route_sheets_and_ious_while_another_process_posts(
    writer: tuple[int, subprocess.Popen[str]],
) -> None:
    cid, process = writer
    route_id = customers.get_customer(cid).route_id
    before = posting_count()
    for _ in range(PRINTS):
        row = next(r for r in age_all(dt.date(2026, 11, 26)).rows if r.customer_id == cid)
        assert sum(row.buckets) == row.balance  # every fen of the balance in a bucket
        (stop,) = route_sheet(route_id, dt.date(2026, 11, 26)).stops
        assert stop.overdue <= stop.balance and stop.balance > 400_00
        papers = open_ious(cid)
        assert [p.amount for p in papers.promises] == [100_00]
    assert process.poll() is None, "the writer must still be posting"
    assert posting_count() > before


def test_reads_inside_a_snapshot_do_not_see_new_posts(
    writer: tuple[int, subprocess.Popen[str]],
) -> None:
    cid, _process = writer
    with db.read_snapshot():
        first, count = ledger.balance(cid), posting_count()
        time.sleep(0.2)  # the writer posts several entries meanwhile
        assert ledger.balance(cid) == first
        assert posting_count() == count  # the count read at the start, not read twice now
    time.sleep(0.1)
    assert ledger.balance(cid) > first  # outside, the new entries are there
    assert posting_count() > count


def posting_count() -> int:
    from models.storage.tables import EntryRow

    return EntryRow.select().count()


def test_check_finds_nothing_while_another_process_posts(
    writer: tuple[int, subprocess.Popen[str]],
) -> None:
    """`check` compares sums read by several queries: one snapshot, no false alarms."""
    from models.ledger.check import check_ledger

    _cid, process = writer
    for _ in range(PRINTS):
        assert check_ledger() == []
    assert process.poll() is None, "the writer must still be posting"
