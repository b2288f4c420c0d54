"""Named import layouts: the office's other program exports the same columns every day.

The invoicing (开单) program writes the day's deliveries with its own headers. The clerk
maps them once in the import wizard and saves the mapping under a name (e.g.
"开单软件导出"); from then on that export imports in two steps in the window and with
``import entries FILE --layout NAME`` on the command line.

A layout is stored in the ledger (table ``import_layout``), so every PC of the office
has it; the database keeps its name unique. It remembers the whole header row it was
made from: a file whose header row reads the same (any case, spacing, full-width forms
or bracketed units, see `models.exchange.importing.headers.normalise_header`) is
recognised. Each of our columns is found in a file by its position when the header there
still reads the same, else by its header wherever that stands; a column the file lacks
is an error naming it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from models.exchange.importing.columns import COLUMNS, ImportKind
from models.exchange.importing.headers import normalise_header
from models.exchange.importing.outcome import ImportResult
from models.exchange.importing.reading import read_sheet, sheet_names
from models.exchange.importing.rows import Progress
from models.exchange.importing.run import import_sheet
from models.exchange.importing.sheet import Sheet
from models.storage import session
from models.storage.db import transaction
from models.storage.tables import ImportLayoutRow
from models.vocabulary import clock
from models.vocabulary.errors import InputError, NotFound, refused_as
from models.vocabulary.i18n import _
from models.vocabulary.text_rules import check_text

MAX_NAME = 60  # the table's column width


@dataclass(frozen=True)
class LayoutColumn:
    """One of our columns in a layout: its key (e.g. "amount"), where the file had it
    (0 = column A) and the file's header there, as written."""

    key: str
    position: int
    header: str


@dataclass(frozen=True)
class ImportLayout:
    """A saved mapping from a file's header row to our columns of one import kind."""

    id: int
    name: str
    kind: ImportKind
    headers: tuple[str, ...]  # the header row it was made from, as written
    columns: tuple[LayoutColumn, ...]
    fixed: dict[str, str]  # our columns the file lacks: the value of every row
    sheet: str  # the XLSX worksheet it was made from ("" for CSV)

    def matches(self, headers: Sequence[str]) -> bool:
        """Does a file with this header row look like the one the layout was made from?"""
        return _row_key(headers) == _row_key(self.headers)

    def mapping_for(self, headers: Sequence[str], source: str) -> dict[int, str]:
        """Header position → our column key for a file with `headers`. Raises
        `InputError` naming every column of the layout the file (`source`) lacks."""
        keys = [normalise_header(h) for h in headers]
        mapping: dict[int, str] = {}
        missing: list[str] = []
        for column in self.columns:
            wanted = normalise_header(column.header)
            if column.position < len(keys) and keys[column.position] == wanted:
                mapping[column.position] = column.key
                continue
            found = [i for i, key in enumerate(keys) if key == wanted and i not in mapping]
            if len(found) == 1:
                mapping[found[0]] = column.key
            else:
                missing.append(column.header)
        if missing:
            names = " / ".join(missing)
            raise InputError(
                _(
                    "‘{file}’ is not laid out as the layout ‘{layout}’ expects: it has no "
                    "column {names}. Map its columns in the import wizard, or choose another "
                    "layout."
                ).format(file=source, layout=self.name, names=names)
            )
        return mapping


def _row_key(headers: Sequence[str]) -> tuple[str, ...]:
    keys = [normalise_header(h) for h in headers]
    while keys and not keys[-1]:
        keys.pop()
    return tuple(keys)


def _layout(row: ImportLayoutRow) -> ImportLayout:
    columns = tuple(
        LayoutColumn(str(key), int(position), str(header))
        for key, position, header in json.loads(row.columns)
    )
    return ImportLayout(
        id=row.id,
        name=row.name,
        kind=ImportKind(row.kind),
        headers=tuple(str(h) for h in json.loads(row.headers)),
        columns=columns,
        fixed={str(k): str(v) for k, v in json.loads(row.fixed).items()},
        sheet=row.sheet,
    )


def check_layout_name(name: str) -> str:
    """The name stripped; raises `InputError` when it cannot name a layout."""
    name = name.strip()
    if not name:
        raise InputError(_("The layout needs a name."))
    if len(name) > MAX_NAME:
        raise InputError(_("A layout's name has at most {n} characters.").format(n=MAX_NAME))
    check_text(name, _("The layout's name"))
    return name


def save_layout(
    name: str,
    kind: ImportKind | str,
    headers: Sequence[str],
    mapping: dict[int, str],
    *,
    fixed: dict[str, str] | None = None,
    sheet: str = "",
    replacing: int | None = None,
) -> ImportLayout:
    """Save the mapping (header position → our column key) of a file with `headers` as
    the layout `name`; `fixed` gives our columns the file lacks one value for every row
    (e.g. {"kind": "delivery"}). A name already taken is refused, unless it is the
    layout `replacing` (the one the clerk started from), which is then updated.

    Raises `InputError` for a bad name or mapping; a read-only ledger refuses the write
    (`LedgerNotWritable`). Nothing is written then.
    """
    kind = ImportKind(kind)
    name = check_layout_name(name)
    known = {c.key: c for c in COLUMNS[kind]}
    headers = tuple(h.strip() for h in headers)
    columns: list[LayoutColumn] = []
    for position, key in sorted(mapping.items()):
        if key not in known or not 0 <= position < len(headers) or not headers[position]:
            raise InputError(
                _("The layout maps a column the file does not have: choose the columns again.")
            )
        columns.append(LayoutColumn(key, position, headers[position]))
    mapped = {c.key for c in columns}
    if len(mapped) != len(columns):
        raise InputError(_("The layout maps one of our columns twice."))
    fixed = {k: v.strip() for k, v in (fixed or {}).items() if v.strip() and k not in mapped}
    if any(key not in known for key in fixed):
        raise InputError(
            _("The layout maps a column the file does not have: choose the columns again.")
        )
    lacking = [
        f"{c.key} ({c.zh})"
        for c in COLUMNS[kind]
        if c.required and c.key not in mapped | set(fixed)
    ]
    if lacking:
        raise InputError(
            _("The layout lacks the required columns {names}.").format(names=" / ".join(lacking))
        )
    taken = InputError(
        _("There is already a layout called ‘{name}’: choose another name.").format(name=name)
    )
    values = {
        "name": name,
        "kind": kind.value,
        "headers": json.dumps(list(headers), ensure_ascii=False),
        "columns": json.dumps([[c.key, c.position, c.header] for c in columns], ensure_ascii=False),
        "fixed": json.dumps(fixed, ensure_ascii=False),
        "sheet": sheet[:100],
        "saved_by": session.current_user()[:60],
        "saved_at": clock.now(),
    }
    with transaction(), refused_as(taken):
        existing = ImportLayoutRow.get_or_none(ImportLayoutRow.name == name)
        if existing is not None and existing.id != replacing:
            raise taken
        if existing is not None:
            ImportLayoutRow.update(**values).where(ImportLayoutRow.id == existing.id).execute()
            row = ImportLayoutRow.get_by_id(existing.id)
        else:
            row = ImportLayoutRow.create(**values)
    return _layout(row)


def list_layouts(kind: ImportKind | str | None = None) -> list[ImportLayout]:
    """The ledger's layouts (of one kind, if given), by name."""
    query = ImportLayoutRow.select().order_by(ImportLayoutRow.name)
    if kind is not None:
        query = query.where(ImportLayoutRow.kind == ImportKind(kind).value)
    return [_layout(row) for row in query]


def layout_named(name: str, kind: ImportKind | str | None = None) -> ImportLayout:
    """The layout called exactly `name` (of `kind`, if given). Raises `NotFound` naming
    the layouts there are, or `InputError` when it is for another kind of import."""
    row = ImportLayoutRow.get_or_none(ImportLayoutRow.name == name.strip())
    if row is None:
        names = [layout.name for layout in list_layouts()]
        if not names:
            raise NotFound(
                _(
                    "There is no import layout called ‘{name}’: this ledger has none yet. Save "
                    "one in the window: File → Import deliveries, map the columns once and "
                    "save them as a layout."
                ).format(name=name)
            )
        raise NotFound(
            _("There is no import layout called ‘{name}’. This ledger has: {names}.").format(
                name=name, names=" / ".join(names)
            )
        )
    layout = _layout(row)
    if kind is not None and layout.kind is not ImportKind(kind):
        raise InputError(
            _("The layout ‘{name}’ is for importing {its}, not {wanted}.").format(
                name=layout.name, its=kind_name(layout.kind), wanted=kind_name(ImportKind(kind))
            )
        )
    return layout


def kind_name(kind: ImportKind) -> str:
    """The kind of import in words, for messages."""
    return {
        ImportKind.CUSTOMERS: _("customers"),
        ImportKind.ENTRIES: _("ledger entries"),
        ImportKind.PROMISES: _("promises"),
    }[kind]


def recognise(kind: ImportKind | str, headers: Sequence[str]) -> ImportLayout | None:
    """The layout of `kind` made from a file with the same header row, if one was saved
    (the latest saved when several were)."""
    found = [layout for layout in list_layouts(kind) if layout.matches(headers)]
    return max(found, key=lambda layout: layout.id) if found else None


def delete_layout(layout_id: int) -> bool:
    """Remove a layout (imports made with it are not touched); False when it was gone
    already (another PC deleted it)."""
    with transaction():
        return bool(ImportLayoutRow.delete().where(ImportLayoutRow.id == layout_id).execute())


def read_for_layout(path: str | Path, layout: ImportLayout) -> Sheet:
    """The sheet of `path` the layout reads: in a workbook its own worksheet when the
    workbook has it, else the first."""
    names = sheet_names(path)
    return read_sheet(path, layout.sheet if layout.sheet in names else None)


def import_with_layout(
    kind: ImportKind | str,
    path: str | Path,
    name: str,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import `path` as `kind` with the saved layout `name` (the command line's
    ``import entries FILE --layout NAME``). All or nothing, as `import_sheet`."""
    layout = layout_named(name, kind)
    sheet = read_for_layout(path, layout)
    mapping = layout.mapping_for(sheet.headers, sheet.source)
    return import_sheet(
        layout.kind,
        sheet,
        mapping=mapping,
        fixed=layout.fixed,
        dry_run=dry_run,
        progress=progress,
    )
