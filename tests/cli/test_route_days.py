"""``main.py today`` and ``main.py print packet`` run as processes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_main import one_line_error, run


@pytest.fixture(scope="module")
def demo_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    ledger = folder / "demo.qkledger"
    result = run(folder, "--db", str(ledger), "demo", "--customers", "30", "--days", "120")
    assert result.returncode == 0, result.stderr
    return ledger


def test_today_prints_every_section(demo_ledger: Path, tmp_path: Path) -> None:
    result = run(tmp_path, "--db", str(demo_ledger), "today")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for title in (
        "Today's routes",
        "Tomorrow's routes",
        "Promises due today",
        "Promises due tomorrow",
        "Broken promises without a new date",
        "Cheques and drafts maturing within 7 days",
        "Bounced cheques not yet re-paid",
        "Over the credit limit",
        "Two or more broken promises in 90 days",
    ):
        assert f"== {title} (" in out
    assert out.startswith("Today ") and "Owed " in out and "Collected today " in out
    zh = run(tmp_path, "--db", str(demo_ledger), "today", "--date", "2026-11-26", lang="zh")
    assert zh.returncode == 0 and zh.stdout.startswith("今日 2026-11-26 星期四")


def test_today_errors_are_one_line(demo_ledger: Path, tmp_path: Path) -> None:
    bad = run(tmp_path, "--db", str(demo_ledger), "today", "--date", "2026-13-01")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert "There is no ledger" in one_line_error(
        run(tmp_path, "--db", str(tmp_path / "missing.qkledger"), "today")
    )


def test_print_packet_piped_prints_one_line(demo_ledger: Path, tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    result = run(tmp_path, "--db", str(demo_ledger), "print", "packet", "城东线", "--all",
                 "--days", "30", "--lang", "zh", "--out", str(out))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no progress when not on a terminal; a route day
    [line] = result.stdout.splitlines()
    assert line.startswith("Packet of 城东线 for ") and str(out) in line
    assert out.exists()


def test_print_packet_errors(demo_ledger: Path, tmp_path: Path) -> None:
    message = one_line_error(
        run(
            tmp_path,
            "--db",
            str(demo_ledger),
            "print",
            "packet",
            "无此线",
            "--out",
            str(tmp_path / "p.pdf"),
        )  # fmt: skip
    )
    assert "无此线" in message and "The routes are:" in message
    assert not (tmp_path / "p.pdf").exists()


def test_print_iou_for_a_customer_in_credit_fails_with_one_line(
    sqlite_ledger: str, tmp_path: Path
) -> None:
    """A promise, then a return larger than the debt: `print iou` refuses, exit 1, one
    line saying why; no file."""
    import datetime as dt

    from models.ledger import posting, promises
    from models.storage import db
    from tests.models.helpers import make_customer

    c = make_customer("P1", "预收店")
    posting.post_delivery(c.id, dt.date(2026, 11, 1), 1_000_00)
    promises.make_promise(c.id, 1_000_00, dt.datetime(2027, 1, 10, 10, 0))
    posting.post_return(c.id, dt.date(2026, 11, 20), 1_500_00)
    db.close_ledger()
    out = tmp_path / "iou.pdf"
    result = run(tmp_path, "--db", sqlite_ledger, "print", "iou", "P1", "--out", str(out))
    line = one_line_error(result)
    assert "owes nothing" in line and "no IOU note" in line
    assert not out.exists()
    zh = run(tmp_path, "--db", sqlite_ledger, "print", "iou", "P1", "--out", str(out), lang="zh")
    assert "没有欠款，不能打印欠条" in one_line_error(zh)
