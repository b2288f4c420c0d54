"""``main.py confirm``, ``main.py export confirmations`` and ``main.py print statement
--image`` run as processes on a ledger of either kind: exit codes, one-line errors, the
file read back."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PIL import Image

from models.ledger import posting
from models.papers import confirmations, statements
from models.papers.confirmation_reads import reply_history
from models.storage.tables import StatementNoRow
from tests.cli.test_main import one_line_error, run
from tests.models.helpers import D, make_customer


@pytest.fixture
def printed(ledger: str) -> tuple[str, list[str]]:
    """A customer owing 1,000.00 with two printed statements; the ledger and numbers."""
    c = make_customer(rep="李娜")
    posting.post_delivery(c.id, D(2026, 11, 1), 1000_00)
    numbers = [
        statements.issue_number(statements.statement(c.id, D(2026, 9, 1), D(2026, 11, 20))).number
        for _ in range(2)
    ]
    return ledger, numbers


def test_confirm_agreed_then_a_second_reply_refused_unless_replace(
    printed: tuple[str, list[str]], tmp_path: Path
) -> None:
    db, (first, _second) = printed
    done = run(tmp_path, "--db", db, "confirm", "dz000001", "--agreed")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Statement {first} (C001 东城王记便利店): agreed, ¥1,000.00."
    again = one_line_error(run(tmp_path, "--db", db, "confirm", first, "--agreed"))
    assert again.startswith(f"Statement {first} already has a reply (agreed, recorded by")
    replaced = run(tmp_path, "--db", db, "confirm", first, "--disputed", "950.5", "--reason",
                   "少算运费", "--replace")  # fmt: skip
    assert replaced.returncode == 0, replaced.stderr
    assert "difference -¥49.50" in replaced.stdout and "handled by 李娜" in replaced.stdout
    assert [r.agreed for r in reply_history(first)] == [True, False]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["DZ-000009", "--agreed"], "There is no statement DZ-000009"),
        (["XX-1", "--agreed"], "‘XX-1’ is not a statement number"),
        (["DZ-000001", "--disputed", "900"], "Give the customer's reason with --reason TEXT."),
        (["DZ-000001", "--disputed", "abc", "--reason", "x"], "abc"),
        (["DZ-000001", "--disputed", "1000", "--reason", "x"], "record the reply as agreed"),
        (["DZ-000001", "--agreed", "--reason", "x"], "--reason and --handler go with"),
        (["DZ-000001", "--outcome", "accepted"], "no dispute to close"),
    ],
)
def test_confirm_refusals_are_one_line_and_write_nothing(
    printed: tuple[str, list[str]], tmp_path: Path, args: list[str], expected: str
) -> None:
    db, _numbers = printed
    line = one_line_error(run(tmp_path, "--db", db, "confirm", *args))
    assert expected in line
    assert reply_history("DZ-000001") == []


def test_confirm_wrong_arguments_exit_2(printed: tuple[str, list[str]], tmp_path: Path) -> None:
    db, _numbers = printed
    both = run(tmp_path, "--db", db, "confirm", "DZ-000001", "--agreed", "--disputed", "1")
    assert both.returncode == 2 and "Traceback" not in both.stderr


def test_a_dispute_closed_by_a_credit_note_named_by_its_document(
    printed: tuple[str, list[str]], tmp_path: Path
) -> None:
    db, (first, _second) = printed
    assert run(tmp_path, "--db", db, "confirm", first, "--disputed", "900",
               "--reason", "退货未扣").returncode == 0  # fmt: skip
    missing = one_line_error(
        run(tmp_path, "--db", db, "confirm", first, "--outcome", "credit_note", "--doc", "T1")
    )
    assert missing == "C001 has no standing Return / Discount / tail cut entry numbered ‘T1’."
    [c] = {r.statement.customer_id for r in reply_history(first)}
    posting.post_return(c, D(2026, 11, 25), 100_00, doc_no="T1")
    closed = run(tmp_path, "--db", db, "confirm", first, "--outcome", "credit_note", "--doc", "T1")
    assert closed.returncode == 0, closed.stderr
    assert "Closed: Credit note posted." in closed.stdout
    assert reply_history(first)[-1].outcome_doc_no == "T1"
    shown = run(tmp_path, "--db", db, "confirm", first)
    assert shown.returncode == 0 and "Closed: Credit note posted." in shown.stdout


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_confirmations_reads_back(
    printed: tuple[str, list[str]], tmp_path: Path, suffix: str
) -> None:
    db, (first, second) = printed
    assert run(tmp_path, "--db", db, "confirm", second, "--disputed", "900",
               "--reason", '=HYPERLINK("x")').returncode == 0  # fmt: skip
    out = tmp_path / f"c{suffix}"
    done = run(tmp_path, "--db", db, "export", "confirmations", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"2 statements written to {out}."
    if suffix == ".csv":
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
        values = [(r["statement_no"], r["state"], r["our_balance"], r["difference"]) for r in rows]
        # Printed with the pinned clock (26 Nov), reply by 3 Dec; the process's today is later.
        assert values[1] == (second, "disputed", "1000.00", "-100.00")
        assert values[0][0] == first and values[0][1] in ("awaiting", "unanswered")
        assert rows[1]["reason"].startswith("'=HYPERLINK")  # text, never a formula
    else:
        sheet = openpyxl.load_workbook(out).active
        header = [c.value for c in sheet[1]]
        row = dict(zip(header, [c.value for c in sheet[3]], strict=True))
        assert row["statement_no"] == second and row["state"] == "disputed"
        assert float(row["difference"]) == -100.0
        assert sheet[3][header.index("difference")].data_type == "n"
        assert all(c.data_type != "f" for line in sheet.iter_rows() for c in line)


def test_print_statement_as_phone_images(printed: tuple[str, list[str]], tmp_path: Path) -> None:
    db, _numbers = printed
    before = StatementNoRow.select().count()
    out = tmp_path / "wx.png"
    done = run(tmp_path, "--db", db, "print", "statement", "C001", "--image", str(out))
    assert done.returncode == 0, done.stderr
    written, *message_lines = done.stdout.splitlines()
    message = "\n".join(message_lines)
    number = f"DZ-{before + 1:06d}"
    assert StatementNoRow.select().count() == before + 1  # numbered like a printed one
    pages = sorted(tmp_path.glob("wx*.png"))
    assert pages == [out] or pages == [tmp_path / f"wx-{n}.png" for n in range(1, len(pages) + 1)]
    assert str(pages[0]) in written
    for page in pages:
        with Image.open(page) as image:
            assert image.width == 1080 and image.height >= 1080
    assert number in message and "相符" in message  # the document language: the customer's
    assert one_line_error(
        run(tmp_path, "--db", db, "print", "statement", "C001", "--image", str(tmp_path / "x.jpg"))
    ).endswith("Give a name such as statement.png.")
    assert run(tmp_path, "--db", db, "print", "statement", "C001").returncode == 2
    assert dt.date.today() >= D(2026, 11, 26)


def test_today_lists_open_disputes_and_unanswered_statements(
    printed: tuple[str, list[str]], tmp_path: Path
) -> None:
    db, (first, second) = printed  # printed 26 Nov: reply by 3 Dec
    confirmations.record_disputed(first, 990_00, "运费")  # on 26 Nov (the pinned clock)
    on_the_day = run(tmp_path, "--db", db, "today", "--date", "2026-12-03").stdout
    assert "== Open disputes about statements (1)" in on_the_day
    assert f"  {first}  C001 东城王记便利店  -10.00  运费  handled by 李娜" in on_the_day
    assert "== Statements unanswered past their reply-by date (0)" in on_the_day
    day_after = run(tmp_path, "--db", db, "today", "--date", "2026-12-04").stdout
    assert f"  {second}  C001 东城王记便利店  1,000.00  reply was due 2026-12-03" in day_after
