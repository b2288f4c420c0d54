"""The `print` entry points against a real ledger (SQLite, and PostgreSQL when reachable)."""

from __future__ import annotations

import datetime as dt

import pytest

from models.ledger.customers import list_customers
from models.ledger.people import list_routes
from models.ledger.promises import make_promise, promises_for
from models.vocabulary import clock
from models.vocabulary.collecting_records import PromiseStatus
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.errors import NotFound
from reports.documents import cli
from reports.typesetting.output import NothingToPrint, OutputError
from tests.reports.helpers import all_text, page_texts, squash


@pytest.fixture
def demo(ledger, demo_ledger):
    return demo_ledger(ledger, customers=12, days=60, seed=3)


def _with_open_promise():
    for c in list_customers():
        if any(p.status is PromiseStatus.OPEN for p in promises_for(c.id)):
            return c
    customer = list_customers()[0]
    due = clock.now().replace(hour=10, minute=0) + dt.timedelta(days=2)
    make_promise(customer.id, 1_000_507, due, method=PaymentMethod.CASH, payer="老板娘")
    return customer


def test_print_statement(demo, cjk_fonts, tmp_path):
    customer = list_customers()[0]
    out = cli.print_statement(customer.code, as_of=clock.today(), lang="zh", out=tmp_path / "s.pdf")
    text = squash(all_text(out))
    assert customer.name in text and "对账单" in text and "余额确认回执" in text
    assert "清款示范商贸有限公司" in text


def test_print_statement_english_with_period(demo, cjk_fonts, tmp_path):
    customer = list_customers()[1]
    day = clock.today()
    out = cli.print_statement(
        customer.code, day - dt.timedelta(days=30), day, lang="en", out=tmp_path / "s.pdf"
    )
    assert "Statement of account" in all_text(out)


def test_unknown_customer(demo, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(NotFound):
        cli.print_statement("NO-SUCH", out=folder / "s.pdf")
    assert not list(folder.iterdir())


def test_unwritable_destination_is_refused_before_reading(demo, tmp_path):
    with pytest.raises(OutputError):
        cli.print_statement("NO-SUCH", out=tmp_path / "missing" / "s.pdf")


def test_print_iou_counts_prints_and_marks_reprints(demo, cjk_fonts, tmp_path):
    customer = _with_open_promise()
    first = squash(all_text(cli.print_iou(customer.code, lang="zh", out=tmp_path / "a.pdf")))
    assert "欠条" in first and "人民币" in first and "约定于" in first
    second = squash(all_text(cli.print_iou(customer.code, lang="zh", out=tmp_path / "b.pdf")))
    assert "补打" in second
    prints = [p.prints for p in promises_for(customer.id) if p.status is PromiseStatus.OPEN]
    assert prints and min(prints) >= 2


def test_iou_with_nothing_to_print(demo, tmp_path):
    open_ids = {
        c.id
        for c in list_customers()
        if any(p.status is PromiseStatus.OPEN for p in promises_for(c.id))
    }
    customer = next((c for c in list_customers() if c.id not in open_ids), None)
    if customer is None:
        pytest.skip("every demo customer has an open promise")
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(NothingToPrint):
        cli.print_iou(customer.code, out=folder / "i.pdf")
    assert not list(folder.iterdir())


def test_print_route(demo, cjk_fonts, tmp_path):
    route = list_routes()[0]
    out = cli.print_route(route.name, clock.today(), lang="zh", out=tmp_path / "r.pdf")
    pages = page_texts(out)
    assert pages and "收款路线单" in pages[0] and route.name in pages[0]


def test_unknown_route(demo, tmp_path):
    with pytest.raises(NotFound):
        cli.print_route("no such route", out=tmp_path / "r.pdf")
