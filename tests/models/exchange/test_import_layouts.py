"""Named import layouts: saved in the ledger, recognised by the header row, used to
import the invoicing program's export again and again without posting anything twice."""

from __future__ import annotations

from pathlib import Path

import peewee as pw
import pytest

from models.exchange import import_layouts
from models.exchange.importing.columns import ImportKind
from models.exchange.importing.outcome import ImportRejected
from models.exchange.importing.reading import read_sheet
from models.ledger.ledger import balance
from models.storage import db, schema
from models.storage.tables import EntryRow, ImportLayoutRow, Meta
from models.vocabulary.errors import InputError, LedgerNotWritable, NotFound
from tests.models.helpers import make_customer

# What the invoicing (开单) program exports: its own headers, no kind column.
EXPORT = """单据编号,开单日期,客户代码,客户名称,合计金额（元）,经手人,备注
XS-1201,2026-11-25,C001,东城王记便利店,"1,280.00",张伟,
XS-1202,2026-11-25,C002,西关李记超市,356.50,李娜,赠品2箱
"""
HEADERS = ("单据编号", "开单日期", "客户代码", "客户名称", "合计金额（元）", "经手人", "备注")
MAPPING = {0: "doc_no", 1: "date", 2: "customer_code", 4: "amount", 6: "memo"}
NAME = "开单软件导出"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def save(name: str = NAME, **kwargs: object) -> import_layouts.ImportLayout:
    return import_layouts.save_layout(
        name, ImportKind.ENTRIES, HEADERS, MAPPING, fixed={"kind": "delivery"}, **kwargs
    )


def two_customers() -> tuple[int, int]:
    return make_customer("C001").id, make_customer("C002", "西关李记超市").id


def test_a_saved_layout_imports_the_export_and_a_second_import_posts_nothing(
    ledger: str, tmp_path: Path
) -> None:
    first, second = two_customers()
    layout = save()
    assert layout.name == NAME and layout.kind is ImportKind.ENTRIES
    assert import_layouts.list_layouts(ImportKind.ENTRIES) == [layout]
    assert import_layouts.list_layouts(ImportKind.CUSTOMERS) == []
    path = write(tmp_path / "今日开单.csv", EXPORT)
    result = import_layouts.import_with_layout("entries", path, NAME)
    assert (result.added, result.existing) == (2, 0)
    assert result.summary().startswith("今日开单.csv: 2 new, 0 already imported.")
    assert (balance(first), balance(second)) == (1280_00, 356_50)
    assert {e.kind for e in EntryRow.select()} == {"delivery"}
    again = import_layouts.import_with_layout("entries", path, NAME)
    assert (again.added, again.existing) == (0, 2)
    assert EntryRow.select().count() == 2
    # The next day's export repeats one delivery and adds one: only that one is new.
    tomorrow = EXPORT + "XS-1203,2026-11-26,C001,东城王记便利店,99.00,张伟,\n"
    more = import_layouts.import_with_layout("entries", write(tmp_path / "b.csv", tomorrow), NAME)
    assert (more.added, more.existing) == (1, 2)
    assert balance(first) == 1379_00


def test_layout_names_are_unique_in_the_database(ledger: str) -> None:
    layout = save()
    with pytest.raises(InputError, match="already a layout called ‘开单软件导出’"):
        save()
    with pytest.raises(pw.IntegrityError), db.transaction():
        ImportLayoutRow.create(
            name=NAME, kind="entries", headers="[]", columns="[]", saved_at=layout_time()
        )
    # The layout the clerk started from is updated under its own name.
    changed = import_layouts.save_layout(
        NAME,
        "entries",
        HEADERS,
        {0: "doc_no", 1: "date", 2: "customer_code", 4: "amount"},
        fixed={"kind": "delivery"},
        replacing=layout.id,
    )
    assert changed.id == layout.id and "memo" not in {c.key for c in changed.columns}
    assert ImportLayoutRow.select().count() == 1


def layout_time():  # type: ignore[no-untyped-def]
    from models.vocabulary import clock

    return clock.now()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "needs a name"),
        ("   ", "needs a name"),
        ("x" * 61, "at most 60 characters"),
        ("开单\x07导出", "control character"),
    ],
)
def test_bad_names_are_refused(ledger: str, name: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        save(name)
    assert ImportLayoutRow.select().count() == 0


def test_a_mapping_without_the_required_columns_is_refused(ledger: str) -> None:
    with pytest.raises(InputError, match=r"lacks the required columns kind \(类型\)"):
        import_layouts.save_layout(NAME, "entries", HEADERS, MAPPING)  # no kind, none fixed
    with pytest.raises(InputError, match="does not have"):
        import_layouts.save_layout(
            NAME, "entries", HEADERS, {**MAPPING, 9: "bank"}, fixed={"kind": "送货"}
        )
    assert ImportLayoutRow.select().count() == 0


def test_unknown_layout_names_the_ones_there_are(ledger: str) -> None:
    with pytest.raises(NotFound, match="this ledger has none yet"):
        import_layouts.layout_named("开单")
    save()
    save("月底对账")
    with pytest.raises(NotFound) as caught:
        import_layouts.layout_named("开单")
    assert str(caught.value) == (
        "There is no import layout called ‘开单’. This ledger has: 开单软件导出 / 月底对账."
    )
    with pytest.raises(InputError, match="is for importing ledger entries, not customers"):
        import_layouts.layout_named(NAME, ImportKind.CUSTOMERS)


def test_the_header_row_recognises_the_layout(ledger: str, tmp_path: Path) -> None:
    layout = save()
    sheet = read_sheet(write(tmp_path / "a.csv", EXPORT))
    assert import_layouts.recognise("entries", sheet.headers) == layout
    # Spacing, case, full-width forms and a trailing empty column do not matter.
    assert import_layouts.recognise("entries", (*(f" {h} " for h in HEADERS), "")) == layout
    assert import_layouts.recognise("customers", sheet.headers) is None
    assert import_layouts.recognise("entries", HEADERS[:-1]) is None


def test_a_reordered_file_is_read_by_its_headers(ledger: str, tmp_path: Path) -> None:
    first, _second = two_customers()
    save()
    moved = "备注,客户代码,单据编号,开单日期,合计金额（元）\n,C001,XS-9,2026-11-25,10.00\n"
    result = import_layouts.import_with_layout("entries", write(tmp_path / "m.csv", moved), NAME)
    assert result.added == 1 and balance(first) == 10_00


def test_a_file_without_a_column_of_the_layout_is_refused(ledger: str, tmp_path: Path) -> None:
    two_customers()
    save()
    lacking = "单据编号,开单日期,客户代码\nXS-9,2026-11-25,C001\n"
    with pytest.raises(InputError) as caught:
        import_layouts.import_with_layout("entries", write(tmp_path / "x.csv", lacking), NAME)
    assert str(caught.value) == (
        "‘x.csv’ is not laid out as the layout ‘开单软件导出’ expects: it has no column "
        "合计金额（元） / 备注. Map its columns in the import wizard, or choose another layout."
    )
    assert EntryRow.select().count() == 0


def test_a_bad_row_rejects_the_whole_file(ledger: str, tmp_path: Path) -> None:
    two_customers()
    save()
    bad = EXPORT + "XS-1203,2026-11-26,C999,无此客户,99.00,张伟,\n"
    with pytest.raises(ImportRejected) as caught:
        import_layouts.import_with_layout("entries", write(tmp_path / "b.csv", bad), NAME)
    assert "row 4, column 客户代码" in "\n".join(caught.value.lines())
    assert EntryRow.select().count() == 0


def test_a_read_only_ledger_cannot_save_layouts(tmp_path: Path) -> None:
    path = tmp_path / "shop.qkledger"
    db.open_ledger(path)
    save()
    db.close_ledger()
    db.open_ledger(path, backup_view=True)
    try:
        assert [x.name for x in import_layouts.list_layouts()] == [NAME]  # still read
        with pytest.raises(LedgerNotWritable):
            save("月底对账")
        with pytest.raises(LedgerNotWritable):
            import_layouts.delete_layout(1)
    finally:
        db.close_ledger()
    db.open_ledger(path)
    try:
        assert [x.name for x in import_layouts.list_layouts()] == [NAME]
    finally:
        db.close_ledger()


def test_a_deleted_layout_is_gone(ledger: str) -> None:
    layout = save()
    assert import_layouts.delete_layout(layout.id) is True
    assert import_layouts.list_layouts() == []
    assert import_layouts.delete_layout(layout.id) is False  # another PC was first


def test_version_10_ledgers_get_the_layouts_table(ledger: str) -> None:
    """A ledger of the previous version opens, is upgraded, and can keep layouts."""
    db.database.execute_sql("DROP TABLE import_layout")
    Meta.update(value="10").where(Meta.key == "schema_version").execute()
    db.close_ledger()
    db.open_ledger(ledger)
    assert Meta.get(Meta.key == "schema_version").value == str(schema.SCHEMA_VERSION)
    assert "import_layout" in db.database.get_tables()
    save()
    with pytest.raises(InputError, match="already a layout"):
        save()
    from models.ledger.check import check_ledger

    assert check_ledger() == []
