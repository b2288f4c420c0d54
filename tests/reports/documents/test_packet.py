"""The route-day packet read back from the PDF: route sheet first, then per stop in
visit order its statement and the IOU notes of its promises due that day."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from models.ledger import people, posting, promises, settings
from models.papers.statement_prints import last_printed
from models.vocabulary import clock
from models.vocabulary.entry_records import PaymentMethod
from reports.documents.packet import PacketOptions, render_packet
from reports.typesetting.output import NothingToPrint
from tests.models.helpers import D, make_customer

DAY = D(2026, 11, 27)  # a Friday


@pytest.fixture
def route(ledger_target: None) -> int:
    # IOU notes name the company as the creditor: none is printed without its name.
    settings.save_company(dataclasses.replace(settings.get_company(), name="城东批发部"))
    east = people.add_route("城东", (5,))
    first = make_customer("A1", "东城王记", route="城东")
    second = make_customer("A2", "东城李记", route="城东")
    make_customer("A3", "东城已结清", route="城东")  # owes nothing
    people.move_to_route([second.id, first.id], east.id)  # visit A2 first
    posting.post_delivery(first.id, D(2026, 10, 1), 1000_00, doc_no="SD-1")
    posting.post_delivery(second.id, D(2026, 11, 2), 500_00, doc_no="SD-2")
    promises.make_promise(first.id, 400_00, dt.datetime(2026, 11, 27, 10, 0))
    promises.make_promise(first.id, 100_00, dt.datetime(2026, 11, 27, 15, 0))
    return east.id


def _kinds(path: Path) -> list[str]:
    """What each page is: route sheet, statement of a code, IOU of a code, or blank."""
    kinds = []
    for page in PdfReader(path).pages:
        text = page.extract_text() or ""
        code = "A1" if "(A1)" in text else "A2" if "(A2)" in text else "A3"
        if "Collection route sheet" in text:
            kinds.append("route")
        elif "IOU note" in text:
            kinds.append(f"iou {code}")
        elif "Statement of account" in text:
            kinds.append(f"statement {code}")
        elif not text.strip():
            kinds.append("blank")
        else:
            kinds.append(text[:40])
    return kinds


def test_pages_in_visit_order(route: int, tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    result = render_packet(route, DAY, out, PacketOptions(lang="en"))
    assert result.documents == 5
    assert _kinds(out) == ["route", "statement A2", "statement A1", "iou A1", "iou A1"]


def test_every_stop_and_duplex(route: int, tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    render_packet(route, DAY, out, PacketOptions(lang="en", every_stop=True, duplex=True))
    kinds = _kinds(out)
    # Each customer's first page is odd (1-based): blanks fill the backs.
    starts = [i + 1 for i, k in enumerate(kinds) if k.startswith("statement")]
    assert len(starts) == 3 and all(n % 2 == 1 for n in starts)
    assert "blank" in kinds


def test_cancel_leaves_no_file_and_remembers_nothing(route: int, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "packet.pdf"
    seen: list[int] = []
    result = render_packet(
        route,
        DAY,
        out,
        PacketOptions(lang="en"),
        progress=lambda done, total, _t: seen.append(done),
        cancel=lambda: len(seen) >= 2,
    )
    assert result.cancelled and seen == [1, 2]
    assert list(folder.iterdir()) == []  # no file, no temporary left behind
    assert last_printed([1, 2]) == {}


def test_next_statement_starts_after_the_last_printed(route: int, tmp_path: Path) -> None:
    render_packet(route, DAY, tmp_path / "p.pdf", PacketOptions(lang="en", days=30))
    printed = last_printed([1, 2])
    assert printed == {1: DAY, 2: DAY}
    clock.pin(dt.datetime(2026, 12, 3, 9, 0))
    posting.post_payment(1, D(2026, 12, 3), 10_00, PaymentMethod.CASH)
    out = tmp_path / "next.pdf"
    render_packet(route, D(2026, 12, 4), out, PacketOptions(lang="en"))
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "28 Nov 2026" in text and "4 Dec 2026" in text  # the period 28 Nov – 4 Dec


def test_nothing_owed_nothing_to_print(ledger_target: None, tmp_path: Path) -> None:
    route = people.add_route("空线", (5,))
    make_customer("Z1", "无欠款", route="空线")
    with pytest.raises(NothingToPrint, match="owes anything"):
        render_packet(route.id, DAY, tmp_path / "p.pdf")
    assert not (tmp_path / "p.pdf").exists()


def _pages(path: Path) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages]


@pytest.mark.parametrize("run", [1, 2], ids=["first-packet", "second-packet"])
def test_packet_notes_refer_to_the_statement_printed_with_them(
    route: int, tmp_path: Path, run: int
) -> None:
    """The notes behind a stop's statement name that statement's number (the one the
    rep shows with them), not the customer's previous statement nor none at all."""
    import re

    for n in range(run):
        out = tmp_path / f"packet{n}.pdf"
        render_packet(route, DAY, out, PacketOptions(lang="en"))
    pages = _pages(out)
    [statement] = [p for p in pages if "Statement of account" in p and "(A1)" in p]
    numbers = set(re.findall(r"DZ-\d{6}", statement))
    assert len(numbers) == 1, numbers  # the statement and its slip carry one number
    [number] = numbers
    notes = [p for p in pages if "IOU note" in p]
    assert len(notes) == 2
    for note in notes:  # both copies, the customer's and ours
        assert re.findall(r"statement no\. (DZ-\d{6})", note) == [number, number]
