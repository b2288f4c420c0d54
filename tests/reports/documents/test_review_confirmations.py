"""The printed review states the balances customers confirmed against the rest,
counted here by hand."""

from __future__ import annotations

from pathlib import Path

from models.ledger import posting
from models.papers import confirmations, statements
from reports.documents.review_report import print_review
from tests.models.helpers import D, make_customer
from tests.reports.helpers import all_text, squash


def test_the_printed_review_counts_confirmed_balances(
    ledger_target: None, cjk_fonts, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    signed, silent = make_customer("A1", "甲"), make_customer("B1", "乙")
    posting.post_delivery(signed.id, D(2026, 11, 1), 800_00)
    posting.post_delivery(silent.id, D(2026, 11, 1), 300_50)
    st = statements.statement(signed.id, D(2026, 9, 1), D(2026, 11, 20))
    confirmations.record_agreed(statements.issue_number(st).number)
    text = squash(all_text(print_review(tmp_path / "r.pdf", D(2026, 11, 26), lang="en")))
    assert "Confirmedbythecustomer1customers,800.00" in text
    assert "Notconfirmed1customers,300.50" in text and "Nostatement1customers,300.50" in text
