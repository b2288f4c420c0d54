"""qtmodeltester on every item model of the GUI."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from gui.customers.filters import CustomerFilter
from gui.customers.table_model import BALANCE_COLUMN, SORT_ROLE, CustomerListModel
from gui.ledger.table_model import PAGE_SIZE, LedgerModel
from gui.promises.table_model import PromiseModel
from gui.visits.table_model import VisitModel
from models.collecting import visits
from models.ledger import posting, promises, summaries
from models.vocabulary.collecting_records import LateReason, VisitOutcome
from models.vocabulary.entry_records import PaymentMethod
from tests.gui.conftest import add_customer


def test_customer_list_model(qtmodeltester: ModelTester, ledger: str, shop: int) -> None:
    add_customer("C0002", "西关李记")
    posting.post_delivery(shop, dt.date(2026, 9, 1), 500_00)
    model = CustomerListModel()
    model.set_summaries(summaries.customer_summaries())
    qtmodeltester.check(model)
    model.set_filter(CustomerFilter(query="xglj"))
    assert model.rowCount() == 1
    qtmodeltester.check(model)
    model.set_filter(CustomerFilter())
    model.sort(BALANCE_COLUMN, Qt.SortOrder.DescendingOrder)
    assert model.summary_at(0).customer.id == shop
    assert model.data(model.index(0, BALANCE_COLUMN), SORT_ROLE) == 500_00  # raw fen
    qtmodeltester.check(model)


def test_ledger_model_fetches_lazily(qtmodeltester: ModelTester, sqlite_ledger: str) -> None:
    cid = add_customer("C1", "大户")
    for i in range(PAGE_SIZE + 30):
        posting.post_delivery(cid, dt.date(2026, 1, 1) + dt.timedelta(days=i % 300), 100 + i)
    posting.post_payment(cid, dt.date(2026, 11, 1), 5_00, PaymentMethod.CHEQUE, cheque_no="123")
    model = LedgerModel()
    model.load(cid)
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    qtmodeltester.check(model)
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE + 31
    assert not model.canFetchMore()
    qtmodeltester.check(model)


def test_promise_and_visit_models(qtmodeltester: ModelTester, ledger: str, shop: int) -> None:
    posting.post_delivery(shop, dt.date(2026, 11, 1), 300_00)
    promises.make_promise(shop, 300_00, dt.datetime(2026, 11, 28, 10, 0))
    visits.log_visit(
        shop, dt.datetime(2026, 11, 26, 8, 0), VisitOutcome.PROMISED, reason=LateReason.QUALITY
    )
    pm, vm = PromiseModel(), VisitModel()
    pm.set_rows(promises.promises_for(shop))
    vm.set_rows(visits.visits_for(shop))
    qtmodeltester.check(pm)
    qtmodeltester.check(vm)
    assert pm.rowCount() == 1 and vm.rowCount() == 1
