"""The bulk entries import: batches, cheques, the balance cache, ids, all or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from models import importing, posting
from models.check import check_ledger
from models.importing import ImportRejected, import_file
from models.ledger import balance
from models.posting import cheques
from models.tables import EntryRow
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
    monkeypatch.setattr(importing, "ENTRY_BATCH", 4)  # many batches from a small file


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
