"""``main.py import entries FILE --layout NAME``: the invoicing program's daily export,
read as the layout saved in the ledger; a second import posts nothing twice and says
so; unknown names, wrong kinds and files of another layout fail with one line, exit 1,
nothing written. Real processes, both backends."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.exchange import import_layouts
from models.storage import db
from tests.cli.test_main import one_line_error, run
from tests.conftest import postgres_or_skip
from tests.models.exchange.test_import_layouts import EXPORT, HEADERS, MAPPING, NAME
from tests.models.helpers import make_customer


def _ledger_with_a_layout(target: str) -> None:
    db.open_ledger(target)
    try:
        make_customer("C001")
        make_customer("C002", "西关李记超市")
        import_layouts.save_layout(NAME, "entries", HEADERS, MAPPING, fixed={"kind": "delivery"})
    finally:
        db.close_ledger()


def _entries(target: str) -> int:
    from models.storage.tables import EntryRow

    db.open_ledger(target)
    try:
        return EntryRow.select().count()
    finally:
        db.close_ledger()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    found = postgres_or_skip() if request.param == "postgres" else str(tmp_path / "shop.qkledger")
    _ledger_with_a_layout(found)
    return found


def test_the_daily_export_imports_with_its_layout(tmp_path: Path, target: str) -> None:
    export = tmp_path / "开单导出.csv"
    export.write_text(EXPORT, encoding="gb18030")
    result = run(tmp_path, "--db", target, "import", "entries", str(export), "--layout", NAME)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "开单导出.csv: 2 new, 0 already imported. Columns not used: 客户名称, 经手人."
    ]
    again = run(tmp_path, "--db", target, "import", "entries", str(export), "--layout", NAME)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[0].startswith("开单导出.csv: 0 new, 2 already imported.")
    assert "row 2: already imported (C001 2026-11-25 Delivery 1280.00 XS-1201)" in again.stdout
    zh = run(
        tmp_path, "--db", target, "import", "entries", str(export), "--layout", NAME, lang="zh"
    )
    assert zh.stdout.splitlines()[0].startswith("开单导出.csv：新增 0 笔，2 笔已导入过。")
    assert _entries(target) == 2


def test_an_unknown_layout_names_the_ones_there_are(tmp_path: Path, target: str) -> None:
    export = tmp_path / "a.csv"
    export.write_text(EXPORT, encoding="utf-8")
    result = run(tmp_path, "--db", target, "import", "entries", str(export), "--layout", "开单")
    assert one_line_error(result) == (
        "There is no import layout called ‘开单’. This ledger has: 开单软件导出."
    )
    assert result.returncode == 1
    zh = run(
        tmp_path, "--db", target, "import", "entries", str(export), "--layout", "开单", lang="zh"
    )
    assert one_line_error(zh) == "没有名为“开单”的导入格式。本账本现有：开单软件导出。"
    wrong = run(tmp_path, "--db", target, "import", "customers", str(export), "--layout", NAME)
    assert one_line_error(wrong) == (
        "The layout ‘开单软件导出’ is for importing ledger entries, not customers."
    )
    assert _entries(target) == 0


def test_a_file_of_another_layout_is_refused(tmp_path: Path, target: str) -> None:
    other = tmp_path / "other.csv"
    other.write_text("客户代码,金额\nC001,5\n", encoding="utf-8")
    result = run(tmp_path, "--db", target, "import", "entries", str(other), "--layout", NAME)
    assert one_line_error(result).startswith(
        "‘other.csv’ is not laid out as the layout ‘开单软件导出’ expects: it has no column "
        "单据编号 / 开单日期 / 合计金额（元） / 备注."
    )
    assert _entries(target) == 0


def test_a_bad_row_lists_its_problem_and_writes_nothing(tmp_path: Path, target: str) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(EXPORT + "XS-1203,2026-11-26,C999,无此客户,9.00,张伟,\n", encoding="utf-8")
    result = run(tmp_path, "--db", target, "import", "entries", str(bad), "--layout", NAME)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "Nothing was imported from ‘bad.csv’: 1 row has problems.",
        "row 4, column 客户代码: There is no customer with code ‘C999’.",
    ]
    assert _entries(target) == 0


def test_no_ledger_no_layout(tmp_path: Path) -> None:
    export = tmp_path / "a.csv"
    export.write_text(EXPORT, encoding="utf-8")
    missing = tmp_path / "nowhere.qkledger"
    result = run(tmp_path, "--db", str(missing), "import", "entries", str(export), "--layout", NAME)
    assert one_line_error(result) == (
        f"There is no ledger at {missing}, so there is no layout ‘开单软件导出’ either: give "
        "the ledger that holds it with --db."
    )
    assert not missing.exists()
