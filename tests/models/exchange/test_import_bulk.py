"""The bulk entries import: batches, cheques, the balance cache, ids, all or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from models.exchange.importing import entries as importing_entries
from models.exchange.importing import rows as importing_rows
from models.exchange.importing.outcome import ImportCancelled, ImportRejected
from models.exchange.importing.run import import_file
from models.ledger import ledger as customer_balances
from models.ledger import posting
from models.ledger.check import check_ledger
from models.ledger.cheque_status import cheques
from models.ledger.ledger import balance
from models.storage import bulk_upkeep, chain, guards
from models.storage.db import is_postgres
from models.storage.tables import EntryRow, database
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.errors import InputError
from tests.models.helpers import make_customer


def _rows(n: int) -> str:
    lines = ["customer_code,date,kind,amount,doc_no,method,cheque_no,cheque_due"]
    for i in range(n):
        if i % 3 == 2:
            lines.append(f"C1,2026-11-{1 + i % 20:02d},payment,{i + 1},,cheque,X{i},2026-12-20")
        else:
            lines.append(f"C1,2026-11-{1 + i % 20:02d},delivery,{i + 1}.50,D{i},,,")
    return "\n".join(lines) + "\n"


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing_entries, "ENTRY_BATCH", 4)  # many batches from a small file


def test_batches_keep_cheques_and_the_balance_cache(
    ledger: str, tmp_path: Path, small_batches: None
) -> None:
    c1 = make_customer("C1").id
    path = tmp_path / "e.csv"
    path.write_text(_rows(11), encoding="utf-8")
    result = import_file("entries", path)
    assert result.added == 11
    expected = sum((i + 1) * 100 + 50 for i in range(11) if i % 3 != 2) - sum(
        (i + 1) * 100 for i in range(11) if i % 3 == 2
    )
    assert balance(c1) == expected
    assert sorted(e.cheque.number for e in cheques()) == ["X2", "X5", "X8"]
    assert check_ledger() == []
    # The one-entry path carries on after the reserved ids.
    later = posting.post_delivery(c1, dt.date(2026, 11, 25), 1_00, doc_no="LATER")
    assert later.id > max(
        r.id for r in EntryRow.select(EntryRow.id).where(EntryRow.doc_no != "LATER")
    )
    assert import_file("entries", path).existing == 11  # the same file again posts nothing


def test_a_bad_row_after_written_batches_undoes_everything(
    ledger: str, tmp_path: Path, small_batches: None
) -> None:
    make_customer("C1")
    path = tmp_path / "e.csv"
    path.write_text(_rows(10) + "C1,2026-11-02,delivery,abc,D99,,,\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        import_file("entries", path)
    assert [p.row for p in caught.value.problems] == [12]
    assert EntryRow.select().count() == 0


def test_a_document_already_posted_is_refused_like_before(ledger: str, tmp_path: Path) -> None:
    c1 = make_customer("C1").id
    posting.post_delivery(c1, dt.date(2026, 11, 1), 5_00, doc_no="D1")
    voided = posting.post_delivery(c1, dt.date(2026, 11, 1), 6_00, doc_no="D2")
    posting.void(voided.id, "wrong amount")
    path = tmp_path / "e.csv"
    path.write_text(
        "customer_code,date,kind,amount,doc_no\n"
        "C1,2026-11-03,delivery,7,D1\n"
        "C1,2026-11-03,delivery,8,D2\n",  # D2 was voided: it may be posted again
        encoding="utf-8",
    )
    with pytest.raises(ImportRejected) as caught:
        import_file("entries", path)
    assert [str(p) for p in caught.value.problems] == [
        "row 2, column doc_no: Document D1 is already posted for this customer: void that "
        "entry first if it was wrong."
    ]


# --- the triggers' and indexes' work done once per import (SQLite; PostgreSQL keeps
# its triggers, and these tests check that it still gives the same ledger) ---------


@pytest.fixture
def set_aside_early(monkeypatch: pytest.MonkeyPatch) -> None:
    """The indexes go aside after the first batch, as they would at 50,000 rows."""
    monkeypatch.setattr(importing_entries, "ENTRY_BATCH", 4)
    monkeypatch.setattr(bulk_upkeep, "REINDEX_AFTER", 1)


def _schema() -> list[tuple[str, str]]:
    if is_postgres():
        return []
    query = "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
    return [tuple(r) for r in database.execute_sql(query)]


def _live_documents() -> set[tuple]:
    return set(
        database.execute_sql("SELECT customer_id, kind, doc_no, entry_id FROM live_document")
    )


def _mixed(lines: int) -> str:
    """Deliveries and returns with numbers, payments (cheques too), discounts, openings."""
    rows = ["customer_code,date,kind,amount,doc_no,memo,method,cheque_no,cheque_due"]
    for i in range(lines):
        code, day = ("C1", "C2", "C3")[i % 3], f"2026-11-{1 + i % 25:02d}"
        rows.append(
            [
                f"{code},{day},delivery,{i + 10}.25,D{i},,,,",
                f"{code},{day},payment,{i + 1},,,cash,,",
                f"{code},{day},return,1.{i % 100:02d},R{i},,,,",
                f"{code},{day},payment,{i + 3}.10,,,cheque,Q{i},2026-12-31",
                f"{code},{day},discount,0.{1 + i % 98:02d},,,,,",
                f"{code},{day},opening,-{i + 2},,old books,,,",
            ][i % 6]
        )
    return "\n".join(rows) + "\n"


def test_an_import_leaves_balances_totals_and_documents_as_posting_would(
    ledger: str, tmp_path: Path, set_aside_early: None
) -> None:
    c1, c2 = make_customer("C1").id, make_customer("C2", name="西城李记").id
    make_customer("C3", name="南城张记")
    posting.post_delivery(c1, dt.date(2026, 11, 2), 50_00, doc_no="OLD1")
    posting.post_payment(c2, dt.date(2026, 11, 28), 7_00, PaymentMethod.CASH)
    voided = posting.post_delivery(c2, dt.date(2026, 11, 3), 9_00, doc_no="D1")
    posting.void(voided.id, "typed twice")
    schema, before = _schema(), {c1: balance(c1), c2: balance(c2)}
    path = tmp_path / "e.csv"
    path.write_text(_mixed(60), encoding="utf-8")
    assert import_file("entries", path).added == 60
    assert _schema() == schema  # every trigger and index is back, as it was
    assert guards.missing(database.obj) == []
    assert check_ledger() == []  # balances, last payments, daily totals, the chain
    standing = set(
        database.execute_sql(
            "SELECT customer_id, kind, doc_no, id FROM entry WHERE doc_no <> '' "
            "AND reverses_id IS NULL AND id NOT IN "
            "(SELECT reverses_id FROM entry WHERE reverses_id IS NOT NULL)"
        )
    )
    assert _live_documents() == standing
    assert balance(c1) != before[c1] and balance(c2) != before[c2]
    # The guards work again after the import: a number the file posted is live.
    with pytest.raises(InputError, match="D0 is already posted"):
        posting.post_delivery(c1, dt.date(2026, 11, 29), 1_00, doc_no="D0")
    assert customer_balances.last_payment_dates()[c2] == dt.date(2026, 11, 28)


def test_a_bad_last_row_after_the_indexes_went_aside_changes_nothing(
    ledger: str, tmp_path: Path, set_aside_early: None
) -> None:
    """The file's last row is bad (row 999,999 of a million): nothing of the rows written
    before it stays, and the triggers and indexes set aside are back."""
    c1 = make_customer("C1").id
    make_customer("C2", name="西城李记")
    make_customer("C3", name="南城张记")
    posting.post_delivery(c1, dt.date(2026, 11, 2), 50_00, doc_no="OLD1")
    schema, entries = _schema(), EntryRow.select().count()
    derived = [
        sorted(database.execute_sql(f"SELECT * FROM {t}"))
        for t in ("balance_cache", "daily_total", "live_document", "entry_chain")
    ]
    path = tmp_path / "e.csv"
    path.write_text(_mixed(40) + "C1,2026-11-30,payment,5,,,bitcoin,,\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        import_file("entries", path)
    assert [p.row for p in caught.value.problems] == [42]
    assert EntryRow.select().count() == entries
    assert _schema() == schema
    assert [
        sorted(database.execute_sql(f"SELECT * FROM {t}"))
        for t in ("balance_cache", "daily_total", "live_document", "entry_chain")
    ] == derived
    assert check_ledger() == []


def test_cancel_or_a_dry_run_after_the_indexes_went_aside_changes_nothing(
    ledger: str, tmp_path: Path, set_aside_early: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing_rows, "PROGRESS_EVERY", 5)
    for code, name in (("C1", "东城王记"), ("C2", "西城李记"), ("C3", "南城张记")):
        make_customer(code, name=name)
    schema = _schema()
    path = tmp_path / "e.csv"
    path.write_text(_mixed(60), encoding="utf-8")

    def cancel_late(done: int, total: int) -> None:
        if done >= 50:  # several batches written, the indexes set aside
            raise ImportCancelled("cancelled")

    with pytest.raises(ImportCancelled):
        import_file("entries", path, progress=cancel_late)
    assert EntryRow.select().count() == 0 and _schema() == schema
    assert import_file("entries", path, dry_run=True).added == 60
    assert EntryRow.select().count() == 0 and _schema() == schema
    assert import_file("entries", path).added == 60
    assert chain.problems(10) == [] and check_ledger() == []
