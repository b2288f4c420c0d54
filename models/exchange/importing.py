"""Importing customers, ledger entries and promises from a spreadsheet (CSV or XLSX).

A file is imported whole or not at all. Every row is parsed and then written through the
same model functions the GUI uses, inside ONE transaction; each row runs in its own
savepoint so that a row the model refuses is noted and the next row still gets checked.
At the end, if any row had a problem, the whole transaction is rolled back and
`ImportRejected` lists every problem as "row N, column C: what is wrong" — N being the
row number the clerk sees in Excel.

Importing the same file twice does not post anything twice:

- entries: each entry carries an ``import_key``: the SHA-256 of the row's normalised
  content (customer code, date, kind, amount in fen, document number, memo, method,
  cheque number, due date, bank) plus how many identical rows came before it in the
  file. Two identical rows without a document number in one file are two entries (keys
  …#1 and …#2); the same file imported again finds both keys and posts nothing ("0 new,
  2 already imported", each skipped row listed). An overlapping export behaves the same
  way. A voided imported entry keeps its key, so a re-import does not bring it back; a
  corrected row has new content, hence a new key. A delivery (or return) number may
  appear only once per customer in a file: a second row with it is an error.
- every row: filled cells right of the header's last column are an error (an unquoted
  thousands comma in a CSV amount shifts the cells after it), and so is a CSV row wider
  than the header whose cells read as a split amount (``1,234`` → ``1`` and ``234``).
- every cell: not longer than its column, and no control characters (`cell_problems`).
- a file with thousands of bad rows reports the first `PROBLEMS_SHOWN` and the total.
- customers: a code already in the ledger with the same name is "already there" and left
  unchanged (no second opening balance); with a different name it is an error, because
  the file means another shop. A code that differs from another only in case or width
  (c0001 beside C0001 or Ｃ０００１) is an error naming the other code.
- promises: a promise with the same customer, amount and clearance time that is not
  cancelled is "already recorded"; the same promise twice in one file is an error.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import heapq
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

import peewee as pw
from peewee import fn

from models.exchange.entry_cells import EntryFields, QuickEntries
from models.exchange.tabular import (
    Column,
    ColumnMap,
    Sheet,
    map_columns,
    read_sheet,
    split_amount_at,
)
from models.ledger import people, posting, promises
from models.ledger.customers import _fields as customer_fields
from models.ledger.customers import near_duplicate_message, parse_terms
from models.storage import chain, session
from models.storage.bulk_upkeep import SqliteUpkeep
from models.storage.db import is_postgres, transaction
from models.storage.tables import (
    ChequeRow,
    CustomerRow,
    EntryRow,
    PromiseRow,
    RepRow,
    RouteRow,
    database,
)
from models.vocabulary import clock
from models.vocabulary.customer_records import CustomerDraft
from models.vocabulary.entry_records import CREDIT_KINDS, ChequeStatus, EntryKind, PaymentMethod
from models.vocabulary.errors import InputError, LedgerError
from models.vocabulary.gc_pause import gc_paused
from models.vocabulary.i18n import _
from models.vocabulary.money import Fen, format_plain, parse_money
from models.vocabulary.parsing import parse_date, parse_datetime, parse_kind, parse_method
from models.vocabulary.text_rules import code_key, control_problem

T = TypeVar("T")


class ImportKind(StrEnum):
    CUSTOMERS = "customers"
    ENTRIES = "entries"
    PROMISES = "promises"


CUSTOMER_COLUMNS = (
    Column("code", "编号", ("customer_code", "客户编号", "代码"), required=True),
    Column("name", "名称", ("customer_name", "客户名称", "客户", "店名"), required=True),
    Column("contact", "联系人", ("老板",)),
    Column("phone", "电话", ("phones", "手机", "联系电话")),
    Column("address", "地址", ("送货地址",)),
    Column("route", "线路", ("路线",)),
    Column("rep", "业务员", ("salesman", "sales_rep")),
    Column("terms", "账期", ("credit_terms", "结算方式")),
    Column("credit_limit", "信用额度", ("limit", "额度")),
    Column("opening_balance", "期初余额", ("opening", "期初")),
    Column("opening_date", "期初日期"),
    Column("payer", "付款人", ("who_pays", "代付人")),
    Column("notes", "备注", ("note", "memo")),
)
ENTRY_COLUMNS = (
    Column("customer_code", "客户编号", ("code", "编号"), required=True),
    Column("date", "日期", ("日期",), required=True),
    Column("kind", "类型", ("type", "类别", "业务类型"), required=True),
    Column("amount", "金额", (), required=True),
    Column("doc_no", "单号", ("document", "doc", "送货单号", "单据号")),
    Column("memo", "备注", ("note", "摘要")),
    Column("method", "付款方式", ("payment_method", "收款方式", "方式")),
    Column("cheque_no", "支票号", ("cheque_number", "票号", "汇票号")),
    Column("cheque_due", "票期", ("due", "到期日", "cheque_due_date")),
    Column("bank", "银行", ("开户行", "付款行")),
)
PROMISE_COLUMNS = (
    Column("customer_code", "客户编号", ("code", "编号"), required=True),
    Column("amount", "金额", ("约定金额",), required=True),
    Column("due", "清款时间", ("due_at", "约定时间", "约定清款时间", "清款日期"), required=True),
    Column("method", "付款方式", ("payment_method", "方式")),
    Column("payer", "付款人", ("who_pays",)),
    Column("rep", "业务员", ()),
    Column("note", "备注", ("memo", "notes")),
)
COLUMNS = {
    ImportKind.CUSTOMERS: CUSTOMER_COLUMNS,
    ImportKind.ENTRIES: ENTRY_COLUMNS,
    ImportKind.PROMISES: PROMISE_COLUMNS,
}

# Column widths of the tables (PostgreSQL refuses longer text; SQLite would keep it).
_MAX_LEN = {
    "code": 40,
    "customer_code": 40,
    "name": 200,
    "contact": 100,
    "phone": 200,
    "address": 300,
    "payer": 100,
    "route": 60,
    "rep": 60,
    "doc_no": 60,
    "memo": 300,
    "note": 300,
    "cheque_no": 60,
    "bank": 100,
}
# Columns whose cells may hold tabs and line breaks (Alt+Enter in an Excel cell).
_MULTILINE = frozenset({"notes"})

# An unquoted thousands comma in a CSV row no wider than the header: "1,234" splits into
# the amount 1 and a next cell "234", silently, the row's last cell pushed out or empty.
# Checked where the next column cannot hold a bare three-digit number as a value of its
# own (dates, kinds, methods), holds money too (the wrong reading changes a balance), or
# is a document or cheque number (our entries layout puts the document number right of
# the amount). Not checked before codes, terms, names and free text, nor columns the
# import does not use: "101" is an ordinary route, code, quantity or note there, and none
# of our layouts puts them right of an amount.
_AMOUNT_KEYS = frozenset({"amount", "credit_limit", "opening_balance"})
# A head with a minus sign is a split only where a negative amount is taken (an opening
# balance, an entries file's openings): a negative credit limit is refused as it stands.
_NEGATIVE_OK = frozenset({"amount", "opening_balance"})
_SPLIT_SHOWS_IN = frozenset(
    {
        "date",
        "kind",
        "method",
        "cheque_due",
        "due",
        "opening_date",
        "amount",
        "credit_limit",
        "opening_balance",
        "doc_no",
        "cheque_no",
    }
)


def _split_checks(sheet: Sheet, columns: ColumnMap) -> tuple[tuple[int, str], ...]:
    """(cell index, column key) of the amount cells to check for a split thousands
    comma: none in an XLSX (a cell is a cell) or below a padded header (see
    `Sheet.padded`)."""
    if sheet.encoding == "xlsx" or sheet.padded:
        return ()
    keys = {i: key for key, i in columns.index.items()}
    return tuple(
        (i, key)
        for key, i in sorted(columns.index.items(), key=lambda item: item[1])
        if key in _AMOUNT_KEYS and keys.get(i + 1) in _SPLIT_SHOWS_IN
    )


def split_amount_problem(head: str, tail: str) -> str:
    """What to say about a row whose amount cell reads ‘1’ beside a next cell ‘234’."""
    return _(
        "‘{head}’ and the next cell ‘{tail}’ look like one amount, {head},{tail}, split at "
        'its thousands comma: put amounts with thousands separators in quotes ("{head},'
        '{tail}") or drop the comma. If the amount really is {head}, write it as {head}.00.'
    ).format(head=head, tail=tail)


# How many problems an `ImportRejected` lists; the rest are only counted.
PROBLEMS_SHOWN = 100


def cell_problems(key: str, value: str) -> list[str]:
    """What is wrong with one cell's text whatever its row means: longer than its
    column holds, or a control character. Every import path checks cells with this."""
    if not value:
        return []
    problems = []
    limit = _MAX_LEN.get(key)
    if limit is not None and len(value) > limit:
        problems.append(_("Too long: use at most {n} characters.").format(n=limit))
    control = control_problem(value, multiline=key in _MULTILINE)
    if control:
        problems.append(control)
    return problems


@dataclass(frozen=True)
class RowProblem:
    """One thing wrong with one row; `column` is the header as written in the file."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.column:
            return _("row {row}, column {column}: {problem}").format(
                row=self.row, column=self.column, problem=self.message
            )
        return _("row {row}: {problem}").format(row=self.row, problem=self.message)


class ProblemLog:
    """The problems of one import: all are counted, the first `keep` (by row) are kept,
    so a file of 100,000 bad rows neither fills memory nor floods the screen."""

    def __init__(self, problems: Iterable[RowProblem] = (), keep: int = PROBLEMS_SHOWN) -> None:
        self.keep = keep
        self.total = 0
        self.rows: set[int] = set()
        self._heap: list[tuple[int, int, RowProblem]] = []  # (-row, -order): max-heap
        for problem in problems:
            self.append(problem)

    def append(self, problem: RowProblem) -> None:
        self.total += 1
        self.rows.add(problem.row)
        heapq.heappush(self._heap, (-problem.row, -self.total, problem))
        if len(self._heap) > self.keep:
            heapq.heappop(self._heap)  # the last row's latest problem

    def first(self) -> tuple[RowProblem, ...]:
        """The kept problems by row, in the order they were found within a row."""
        return tuple(p for _r, _o, p in sorted(self._heap, key=lambda t: (-t[0], -t[1])))

    def __bool__(self) -> bool:
        return self.total > 0


class ImportRejected(InputError):
    """The file had bad rows; nothing was written. `problems` lists the first
    `PROBLEMS_SHOWN` by row, `total` counts them all and `rows` the rows they are in."""

    def __init__(self, source: str, problems: Iterable[RowProblem] | ProblemLog) -> None:
        log = problems if isinstance(problems, ProblemLog) else ProblemLog(problems)
        self.problems = log.first()
        self.total = log.total
        self.rows = rows = len(log.rows)
        if rows == 1:
            text = _("Nothing was imported from ‘{name}’: 1 row has problems.")
        else:
            text = _("Nothing was imported from ‘{name}’: {rows} rows have problems.")
        super().__init__(text.format(name=source, rows=rows))

    def lines(self) -> list[str]:
        """The summary sentence, then one line per problem shown, then how many more."""
        lines = [str(self), *(str(p) for p in self.problems)]
        if self.total > len(self.problems):
            lines.append(
                _(
                    "…and {n} more problems ({total} in all): fix these and import again "
                    "to see the rest."
                ).format(n=self.total - len(self.problems), total=self.total)
            )
        return lines


@dataclass(frozen=True)
class SkippedRow:
    """A row left out because the ledger already has it; `what` identifies it for the
    clerk, e.g. "C00003 2026-11-25 delivery 88.80"."""

    row: int
    what: str

    def __str__(self) -> str:
        return _("row {row}: {problem}").format(row=self.row, problem=self.what)


# How many skipped rows `ImportResult.lines` names before "…and N more".
SKIPPED_SHOWN = 20


@dataclass(frozen=True)
class ImportResult:
    """What an import did. `existing` counts rows that were already in the ledger;
    `skipped` says which (by spreadsheet row number)."""

    kind: ImportKind
    source: str
    encoding: str
    added: int
    existing: int
    created_routes: tuple[str, ...] = ()
    created_reps: tuple[str, ...] = ()
    ignored_columns: tuple[str, ...] = ()
    skipped: tuple[SkippedRow, ...] = ()

    def lines(self, shown: int = SKIPPED_SHOWN) -> list[str]:
        """The summary, then one line per skipped row (the first `shown` of them, then
        "…and N more"), so the clerk can check what was taken as already there."""
        lines = [self.summary(), *(str(s) for s in self.skipped[:shown])]
        if len(self.skipped) > shown:
            lines.append(_("…and {n} more.").format(n=len(self.skipped) - shown))
        return lines

    def summary(self) -> str:
        """E.g. "entries.csv: 0 new, 120 already imported." plus what else happened."""
        if self.kind is ImportKind.CUSTOMERS:
            if self.added == 1:
                text = _("{name}: {new} new customer, {old} already there (left unchanged).")
            else:
                text = _("{name}: {new} new customers, {old} already there (left unchanged).")
        elif self.kind is ImportKind.PROMISES:
            if self.added == 1:
                text = _("{name}: {new} new promise, {old} already recorded.")
            else:
                text = _("{name}: {new} new promises, {old} already recorded.")
        else:
            text = _("{name}: {new} new, {old} already imported.")
        parts = [text.format(name=self.source, new=self.added, old=self.existing)]
        if self.created_routes:
            parts.append(_("New routes: {names}.").format(names=", ".join(self.created_routes)))
        if self.created_reps:
            parts.append(_("New reps: {names}.").format(names=", ".join(self.created_reps)))
        if self.ignored_columns:
            parts.append(
                _("Columns not used: {names}.").format(names=", ".join(self.ignored_columns))
            )
        return " ".join(parts)


def import_file(
    kind: ImportKind | str,
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: dict[int, str] | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import `path` (CSV or XLSX; from an XLSX the worksheet `sheet`, default the
    first) as customers, entries or promises. See `import_sheet` for the rest.

    Raises `ImportRejected` (nothing written) when any row is bad, `InputError` when the
    file itself cannot be used, `OSError` when it cannot be read.
    """
    return import_sheet(
        kind, read_sheet(path, sheet), mapping=mapping, dry_run=dry_run, progress=progress
    )


# progress(rows done, rows in all); it may raise `ImportCancelled` to stop the import.
Progress = Callable[[int, int], None]
PROGRESS_EVERY = 500  # rows between two progress reports


class ImportCancelled(LedgerError):
    """The clerk cancelled the import; nothing was written."""


def import_sheet(
    kind: ImportKind | str,
    sheet: Sheet,
    *,
    mapping: dict[int, str] | None = None,
    fixed: dict[str, str] | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import a sheet already read. `mapping` (header position → column key) replaces
    the headers' own names; `fixed` (column key → text) fills a column the file lacks
    in every row, e.g. {"kind": "delivery"}; with `dry_run` every row is checked and
    written exactly as in a real import, then everything is undone: the result says what
    would happen. `progress` hears every `PROGRESS_EVERY` rows and may cancel (all is
    undone)."""
    kind = ImportKind(kind)
    columns = map_columns(sheet, COLUMNS[kind], mapping, fixed)
    run = _Run(sheet, columns, progress=progress)
    importer = {
        ImportKind.CUSTOMERS: _import_customers,
        ImportKind.ENTRIES: _import_entries,
        ImportKind.PROMISES: _import_promises,
    }[kind]
    try:
        with transaction():
            # Take the writers' turn first (PostgreSQL): an import posts anyway, and two
            # imports adding the same customers would otherwise wait for each other.
            chain.tip(lock=True)
            with gc_paused():  # a million rows' small objects, none in a cycle
                importer(run)
                # The bulk writer inserts entries many rows at a time: link them into
                # the hash chain (models/storage/chain.py) in id order, in the same transaction.
                chain.chain_existing(database.obj)
            if run.problems or dry_run:
                raise _Rollback
    except _Rollback:
        if run.problems:
            raise ImportRejected(sheet.source, run.problems) from None
    if progress is not None:
        progress(len(sheet.rows), len(sheet.rows))
    return ImportResult(
        kind=kind,
        source=sheet.source,
        encoding=sheet.encoding,
        added=run.added,
        existing=run.existing,
        created_routes=tuple(run.created_routes),
        created_reps=tuple(run.created_reps),
        ignored_columns=columns.ignored,
        skipped=tuple(run.skipped),
    )


class _Rollback(Exception):
    """Raised inside the import's transaction to undo it when any row was bad."""


@dataclass
class _Run:
    """State of one import: the sheet, the problems found so far and the counts."""

    sheet: Sheet
    columns: ColumnMap
    problems: ProblemLog = field(default_factory=ProblemLog)
    added: int = 0
    existing: int = 0
    created_routes: list[str] = field(default_factory=list)
    created_reps: list[str] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    _codes_by_key: dict[str, list[str]] | None = None
    progress: Progress | None = None

    def codes_by_key(self, codes: Iterable[str]) -> dict[str, list[str]]:
        """The ledger's codes by `code_key`, built once: a file of many unknown codes
        must not compare each with every customer."""
        if self._codes_by_key is None:
            self._codes_by_key = {}
            for code in codes:
                self._codes_by_key.setdefault(code_key(code), []).append(code)
        return self._codes_by_key

    def rows(self) -> Iterator[_Row]:
        """The data rows; one with more filled cells than the header is a problem and is
        not offered (its cells are shifted: reading them would post wrong values)."""
        for number, cells in self.cells():
            yield _Row(self, number, cells)

    def cells(self) -> Iterator[tuple[int, tuple[str, ...]]]:
        """(row number, cells) of the rows `rows` offers, without building a `_Row`."""
        # Counting streamed rows is a pass over the file: only when someone listens.
        total = len(self.sheet.rows) if self.progress is not None else 0
        splits = _split_checks(self.sheet, self.columns)
        for done, (number, cells) in enumerate(self.sheet.rows):
            if self.progress is not None and done % PROGRESS_EVERY == 0:
                self.progress(done, total)
            overflow = self.sheet.overflow(cells)
            if overflow:
                self.problems.append(RowProblem(number, "", overflow))
                continue
            if splits and self._split(number, cells, splits):
                continue
            yield number, cells

    def _split(
        self, number: int, cells: tuple[str, ...], splits: tuple[tuple[int, str], ...]
    ) -> bool:
        """Note a problem when an amount cell of the row reads as split; was there one?"""
        for i, key in splits:
            split = split_amount_at(cells, i)
            if split is not None and (key in _NEGATIVE_OK or not split[0].startswith("-")):
                message = split_amount_problem(*split)
                self.problems.append(RowProblem(number, self.columns.label(key), message))
                return True
        return False

    def skip(self, row: _Row, message: str, *details: str) -> None:
        """Count `row` as already in the ledger and remember which it was."""
        self.existing += 1
        what = " ".join(d for d in details if d)
        self.skipped.append(SkippedRow(row.number, f"{message} ({what})"))

    def write(self, row: _Row, column: str, action: Callable[[], object]) -> bool:
        """Run one row's writes in a savepoint; a refusal becomes a problem of `column`."""
        try:
            with transaction():
                action()
        except LedgerError as err:
            row.problem(column, str(err))
            return False
        except (pw.IntegrityError, pw.DataError) as err:
            reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            row.problem(column, _("The ledger refused this row: {reason}").format(reason=reason))
            return False
        return True


class _Row:
    """One spreadsheet row: its cells by column key, and the problems found in it."""

    def __init__(self, run: _Run, number: int, cells: tuple[str, ...]) -> None:
        self.run, self.number, self.cells = run, number, cells
        self.bad = False
        self._texts: dict[str, str] = {}  # read and checked once: a million rows add up

    def text(self, key: str) -> str:
        value = self._texts.get(key)
        if value is None:
            value = self._texts[key] = self.run.columns.cell(self.cells, key)
            for message in cell_problems(key, value):  # each cell's problems noted once
                self.problem(key, message)
        return value

    def problem(self, key: str, message: str) -> None:
        label = self.run.columns.label(key) if key else ""
        self.run.problems.append(RowProblem(self.number, label, message))
        self.bad = True

    def parse(self, key: str, parser: Callable[[str], T]) -> T | None:
        """`parser(text)`, or None with a problem noted when it raises `InputError`."""
        try:
            return parser(self.text(key))
        except InputError as err:
            self.problem(key, str(err))
            return None

    def optional(self, key: str, parser: Callable[[str], T]) -> T | None:
        """Like `parse`, but an empty cell is simply None."""
        return self.parse(key, parser) if self.text(key) else None

    def date(self, key: str) -> dt.date | None:
        return self.parse(key, lambda t: posting.check_date(parse_date(t)))

    def customer_id(self, ids: dict[str, int]) -> int | None:
        code = self.text("customer_code")
        if not code:
            self.problem("customer_code", _("The customer code is empty."))
            return None
        if code not in ids:
            near = self.run.codes_by_key(ids).get(code_key(code), [])
            self.problem("customer_code", _no_customer(code, near))
            return None
        return ids[code]


def unknown_code_message(code: str, codes: Iterable[str]) -> str:
    """ "There is no customer with code …", suggesting a code that differs only in case
    or width (a clerk types c00001 for C00001)."""
    folded = code_key(code)
    return _no_customer(code, [c for c in codes if code_key(c) == folded])


def _no_customer(code: str, near: list[str]) -> str:
    near = sorted(near)
    if near:
        return _("There is no customer with code ‘{code}’: did you mean {suggestion}?").format(
            code=code, suggestion=" / ".join(near)
        )
    return _("There is no customer with code ‘{code}’.").format(code=code)


def _customer_ids() -> dict[str, int]:
    return dict(CustomerRow.select(CustomerRow.code, CustomerRow.id).tuples())


# --- customers ------------------------------------------------------------------------


def _import_customers(run: _Run) -> None:
    existing = dict(CustomerRow.select(CustomerRow.code, CustomerRow.name).tuples())
    existing_keys: dict[str, str] = {}  # code_key -> the code in the ledger
    for known in sorted(existing):
        existing_keys.setdefault(code_key(known), known)
    seen: dict[str, tuple[str, int]] = {}  # code_key -> (code, row) earlier in the file
    names = _NameCheck(existing)
    writer = _CustomerWriter(run)
    for row in run.rows():
        code, name = row.text("code"), row.text("name")
        if not code:
            row.problem("code", _("The customer needs a code, such as C0001."))
        if not name:
            row.problem("name", _("The customer needs a name."))
        terms = row.parse("terms", parse_terms)
        limit = row.optional("credit_limit", lambda t: parse_money(t, allow_zero=True))
        opening = row.optional(
            "opening_balance", lambda t: parse_money(t, allow_negative=True, allow_zero=True)
        )
        opening_on = None
        if opening:
            opening_on = row.date("opening_date")
        elif row.text("opening_date"):
            row.date("opening_date")  # still report a malformed date
        texts = {k: row.text(k) for k in ("contact", "phone", "address", "payer", "notes")}
        route_name, rep_name = row.text("route"), row.text("rep")
        key = code_key(code)
        if code and key in seen:
            other_code, other_row = seen[key]
            if other_code == code:
                text = _("The code {code} is also used on row {other}.")
            else:
                text = _(
                    "The code {code} differs from {other_code} on row {other} only in "
                    "upper/lower case or full-width characters: give them distinct codes."
                )
            row.problem("code", text.format(code=code, other=other_row, other_code=other_code))
            continue
        if code:
            seen[key] = (code, row.number)
        if code not in existing and key in existing_keys:
            row.problem("code", near_duplicate_message(code, existing_keys[key]))
            continue
        if code in existing:
            if existing[code] == name:
                run.skip(row, _("already there"), code, name)
            elif name:
                row.problem(
                    "code",
                    _(
                        "The code {code} already belongs to ‘{name}’: use another code, or "
                        "the same name to leave that customer as it is."
                    ).format(code=code, name=existing[code]),
                )
            continue
        names.check(row, code, name)
        if row.bad:
            continue
        draft = CustomerDraft(
            code=code,
            name=name,
            contact=texts["contact"],
            phones=texts["phone"],
            address=texts["address"],
            payer=texts["payer"],
            terms=terms,  # type: ignore[arg-type]  # not None: the row is not bad
            credit_limit=limit,
            notes=texts["notes"],
        )
        writer.add(draft, route_name, rep_name, opening, opening_on)
    writer.flush()


def name_key(name: str) -> str:
    """A customer name compared as a clerk reads it: full-width letters and digits as
    half-width, spaces (of any width) ignored, upper and lower case alike."""
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()


class _NameCheck:
    """Flags a new customer whose name is already a customer's (in the ledger, or an
    earlier row), once width and spaces are ignored: the same shop is never created
    twice under two codes without the clerk deciding so."""

    def __init__(self, existing: dict[str, str]) -> None:
        self.ledger = {name_key(n): (c, n) for c, n in sorted(existing.items())}
        self.file: dict[str, int] = {}

    def check(self, row: _Row, code: str, name: str) -> None:
        key = name_key(name)
        if not key:
            return
        if key in self.ledger:
            other_code, other_name = self.ledger[key]
            row.problem(
                "name",
                _(
                    "‘{name}’ is already the customer {code} (‘{other}’): use the code "
                    "{code} for it, or make the names different (e.g. add the street)."
                ).format(name=name, code=other_code, other=other_name),
            )
        elif key in self.file:
            row.problem(
                "name",
                _(
                    "‘{name}’ is also the name on row {other}: the same shop twice? Keep one "
                    "row, or make the names different (e.g. add the street)."
                ).format(name=name, other=self.file[key]),
            )
        else:
            self.file[key] = row.number


class _CustomerWriter:
    """Writes checked customers many per statement once every row has been read (a
    rejected file writes nothing), with their routes, reps and opening balances.

    The rows were checked by the import itself exactly as `add_customer` checks a
    customer typed in the window (lengths, characters, codes, terms, limit), so the
    rows go in without a query per customer."""

    def __init__(self, run: _Run) -> None:
        self.run = run
        self.pending: list[tuple[CustomerDraft, str, str, Fen | None, dt.date | None]] = []

    def add(
        self,
        draft: CustomerDraft,
        route_name: str,
        rep_name: str,
        opening: Fen | None,
        opening_on: dt.date | None,
    ) -> None:
        self.pending.append((draft, route_name, rep_name, opening, opening_on))
        self.run.added += 1

    def flush(self) -> None:
        if self.run.problems or not self.pending:
            return
        routes = {name: id_ for id_, name in RouteRow.select(RouteRow.id, RouteRow.name).tuples()}
        reps = {name: id_ for id_, name in RepRow.select(RepRow.id, RepRow.name).tuples()}
        positions: dict[int, int] = dict(
            CustomerRow.select(CustomerRow.route, fn.MAX(CustomerRow.route_position))
            .where(CustomerRow.route.is_null(False))
            .group_by(CustomerRow.route)
            .tuples()
        )
        now = clock.now()
        ids = _reserve_ids("customer", CustomerRow, len(self.pending))
        rows, openings = [], []
        for customer_id, (draft, route_name, rep_name, opening, opening_on) in zip(
            ids, self.pending, strict=True
        ):
            route_id = self._ensure(
                route_name, routes, people.ensure_route, self.run.created_routes
            )
            rep_id = self._ensure(rep_name, reps, people.ensure_rep, self.run.created_reps)
            position = 0
            if route_id is not None:
                position = positions[route_id] = positions.get(route_id, 0) + 1
            fields = customer_fields(dataclasses.replace(draft, route_id=route_id, rep_id=rep_id))
            fields.update(id=customer_id, route_position=position, archived=False, created_at=now)
            rows.append(fields)
            if opening and opening_on is not None:
                openings.append((customer_id, draft.code, opening, opening_on))
        columns = tuple(rows[0])
        meta = CustomerRow._meta.fields  # type: ignore[attr-defined]
        _insert_many(
            "customer",
            tuple(meta[c].column_name for c in columns),
            [tuple(meta[c].db_value(r[c]) for c in columns) for r in rows],
        )
        memo = _("Imported from {name}").format(name=self.run.sheet.source)
        openings_writer = _EntryWriter()
        openings_writer.write(
            [
                (
                    _EntryDraft(
                        cid, code, on, EntryKind.OPENING, fen, "", memo, None, "", None, ""
                    ),
                    _key("opening", code),
                )
                for cid, code, fen, on in openings
            ]
        )
        openings_writer.finish()

    @staticmethod
    def _ensure(name, known, make, created):  # type: ignore[no-untyped-def]
        """The id of the route or rep called `name` (made, and noted, when new)."""
        if not name:
            return None
        if name not in known:
            known[name] = make(name).id
            created.append(name)
        return known[name]


def _reserve_ids(table: str, model: type[pw.Model], n: int) -> list[int]:
    """`n` new ids for rows inserted with their id (so other rows can point at them).
    SQLite: after the highest (the import's BEGIN IMMEDIATE admits no other writer);
    PostgreSQL: from the table's sequence, which other writers share."""
    if is_postgres():
        query = (
            f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, %s)"
        )
        return [i for (i,) in database.execute_sql(query, (n,)).fetchall()]
    first = (model.select(fn.MAX(model.id)).scalar() or 0) + 1
    return list(range(first, first + n))


# --- entries --------------------------------------------------------------------------


_EntryDraft = EntryFields  # one entry as its row gives it


def _content(d: _EntryDraft) -> str:
    """The normalised row: equal for rows that mean the same entry."""
    parts = (  # kinds and methods are `StrEnum`s: their text is their value
        d.code,
        d.on.isoformat(),
        d.kind,
        str(d.amount),
        d.doc_no,
        d.memo,
        d.method or "",
        d.cheque_no,
        d.cheque_due.isoformat() if d.cheque_due else "",
        d.bank,
    )
    return "\x1f".join(parts)


def _key(*parts: str) -> str:
    """A 64-character import key (fits `EntryRow.import_key`)."""
    return hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()


def _parse_entry(row: _Row, ids: dict[str, int]) -> _EntryDraft | None:
    customer_id = row.customer_id(ids)
    on = row.date("date")
    kind = row.parse("kind", parse_kind)
    amount = row.parse("amount", lambda t: parse_money(t, allow_negative=kind is EntryKind.OPENING))
    doc_no, memo = row.text("doc_no"), row.text("memo")
    method = row.optional("method", parse_method)
    cheque_no, bank = row.text("cheque_no"), row.text("bank")
    cheque_due = row.optional("cheque_due", parse_date)
    if kind is EntryKind.PAYMENT and method is None and not row.text("method"):
        row.problem(
            "method",
            _("Say how the payment was made: cash, cheque, draft, transfer, wechat or alipay."),
        )
    if kind is not None and kind is not EntryKind.PAYMENT and row.text("method"):
        row.problem(
            "method",
            _(
                "Only payments have a payment method: leave this cell empty (the row is a {kind})."
            ).format(kind=kind.label),
        )
    instrument = method is not None and method.is_instrument
    if instrument and not cheque_no:
        row.problem("cheque_no", _("A cheque or draft needs its number."))
    # Only say "not for this kind" once the kind (and a payment's method) is known.
    known = kind is not None and (kind is not EntryKind.PAYMENT or method is not None)
    if known and not instrument:
        for key in ("cheque_no", "cheque_due", "bank"):
            if row.text(key):
                row.problem(key, _("Only a cheque or draft has a number, a due date and a bank."))
    if kind is EntryKind.WRITEOFF and not memo:
        row.problem("memo", _("Say why the debt is written off."))
    if row.bad:
        return None
    return _EntryDraft(
        customer_id=customer_id,  # type: ignore[arg-type]  # not None: the row is not bad
        code=row.text("customer_code"),
        on=on,  # type: ignore[arg-type]
        kind=kind,  # type: ignore[arg-type]
        amount=amount,  # type: ignore[arg-type]
        doc_no=doc_no,
        memo=memo,
        method=method,
        cheque_no=cheque_no,
        cheque_due=cheque_due,
        bank=bank,
    )


def _existing_keys(keys: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        query = EntryRow.select(EntryRow.import_key).where(EntryRow.import_key.in_(chunk))
        found.update(k for (k,) in query.tuples())
    return found


# Entries are written this many at a time, with one statement per batch.
ENTRY_BATCH = 5000
_DOCUMENT_KINDS = (EntryKind.DELIVERY, EntryKind.RETURN)


def _stable_hash(text: str) -> int:
    """64 bits of BLAKE2b: equal in every run (Python's own str hash is not), so a
    million rows are remembered as small ints instead of their text."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def _document_hash(customer_id: int, kind: EntryKind, doc_no: str) -> int:
    return _stable_hash(f"{customer_id}\x1f{kind.value}\x1f{doc_no}")


def _live_documents() -> set[int]:
    """The standing deliveries' and returns' document numbers in the ledger, read once
    (a voided document may be posted again)."""
    voided = EntryRow.select(EntryRow.reverses).where(EntryRow.reverses.is_null(False))
    query = EntryRow.select(EntryRow.customer, EntryRow.kind, EntryRow.doc_no).where(
        EntryRow.kind.in_(_DOCUMENT_KINDS)
        & (EntryRow.doc_no != "")
        & EntryRow.reverses.is_null()
        & EntryRow.id.not_in(voided)
    )
    return {_document_hash(c, k, d) for c, k, d in query.tuples().iterator()}


def _import_entries(run: _Run) -> None:
    """Rows are checked as they stream from the file, against the customers and the
    ledger's documents read once, and written in batches of `ENTRY_BATCH` inside the
    import's one transaction (the balance cache and the other derived tables are kept
    by the database's triggers; on SQLite once per import: models/storage/bulk_upkeep.py).
    Once any row has a problem nothing more is written: the rest is only checked."""
    ids = _customer_ids()
    if not is_postgres():
        # The import keys' index takes a million random inserts: a larger page cache
        # for this connection keeps them off the disk (default 2 MB; here 32 MB).
        database.execute_sql("PRAGMA cache_size = -32768")
    documents: dict[int, int] = {}  # document hash -> row number in the file
    occurrences: dict[int, int] = {}  # content hash -> rows with that content so far
    check_keys = EntryRow.select().where(EntryRow.import_key.is_null(False)).exists()
    writer = _EntryWriter(keys_checked=check_keys)
    quick = QuickEntries(run.columns, ids, _MAX_LEN)
    batch: list[tuple[int, _EntryDraft, str]] = []  # (row number, entry, import key)
    for number, cells in run.cells():
        # Most rows are clean: read quickly; any doubt, and the careful way words it.
        draft = quick(cells) or _parse_entry(_Row(run, number, cells), ids)
        if draft is None:
            continue
        if draft.doc_no and draft.kind in _DOCUMENT_KINDS:
            document = _document_hash(draft.customer_id, draft.kind, draft.doc_no)
            other = documents.setdefault(document, number)
            if other != number:
                _Row(run, number, cells).problem(
                    "doc_no",
                    _("{doc} also appears in row {other}.").format(doc=draft.doc_no, other=other),
                )
                continue
        content = _content(draft)
        digest = _stable_hash(content)
        seen = occurrences[digest] = occurrences.get(digest, 0) + 1
        batch.append((number, draft, _key(content, str(seen))))
        if len(batch) >= ENTRY_BATCH:
            _write_entries(run, batch, writer, check_keys)
            batch = []
    _write_entries(run, batch, writer, check_keys)
    del documents, occurrences  # a million rows' worth: let the index rebuild have it
    if not run.problems:  # a rejected import is rolled back, set-aside work and all
        writer.finish()


def _write_entries(
    run: _Run, batch: list[tuple[int, _EntryDraft, str]], writer: _EntryWriter, check_keys: bool
) -> None:
    known = _existing_keys([key for _n, _draft, key in batch]) if check_keys else set()
    new: list[tuple[_EntryDraft, str]] = []
    for number, draft, key in batch:
        if key in known:
            run.skip(
                _Row(run, number, ()),
                _("already imported"),
                draft.code,
                draft.on.isoformat(),
                draft.kind.label,
                format_plain(draft.amount),
                draft.doc_no,
            )
        elif draft.doc_no and draft.kind in _DOCUMENT_KINDS and writer.posted(draft):
            # The message the one-entry posting path gives, in the same column.
            _Row(run, number, ()).problem(
                "doc_no",
                _(
                    "Document {doc} is already posted for this customer: void that entry "
                    "first if it was wrong."
                ).format(doc=draft.doc_no),
            )
        else:
            new.append((draft, key))
    run.added += len(new)
    if not run.problems:  # a rejected import is rolled back: no need to write more
        writer.write(new)


class _EntryWriter:
    """Inserts checked entries (and their cheques) many rows per statement, with ids it
    reserves itself so each cheque can name its entry."""

    # The chained columns (models/storage/chain.py) in their order; an import never reverses.
    ENTRY_COLUMNS = tuple(c for c in chain.COLUMNS if c != "reverses_id")
    CHEQUE_COLUMNS = ("entry_id", "number", "bank", "due_on", "status", "status_at")

    def __init__(self, *, keys_checked: bool = False) -> None:
        self.by = session.current_user()
        self.now = EntryRow.created_at.db_value(clock.now())
        self.next_id = 0
        self.written = 0
        self.live: set[int] | None = None  # read at the first document number
        # The import keys' index stays while each batch's keys are looked up in it.
        self.keep_indexes = ("entry_import_key_once",) if keys_checked else ()
        self.upkeep: SqliteUpkeep | None = None

    def posted(self, draft: _EntryDraft) -> bool:
        """Is this delivery's or return's number already standing in the ledger?"""
        if self.live is None:
            self.live = _live_documents()
        return _document_hash(draft.customer_id, draft.kind, draft.doc_no) in self.live

    def _ids(self, n: int) -> list[int]:
        if is_postgres():
            return _reserve_ids("entry", EntryRow, n)
        if not self.next_id:  # BEGIN IMMEDIATE: no other writer until we commit
            self.next_id = _reserve_ids("entry", EntryRow, 1)[0]
            self.upkeep = SqliteUpkeep(self.next_id, keep_indexes=self.keep_indexes)
        first, self.next_id = self.next_id, self.next_id + n
        return list(range(first, first + n))

    def write(self, new: list[tuple[_EntryDraft, str]]) -> None:
        if not new:
            return
        entries, cheques = [], []
        for entry_id, (d, key) in zip(self._ids(len(new)), new, strict=True):
            delta = -d.amount if d.kind in CREDIT_KINDS else d.amount
            entries.append(
                (
                    entry_id,
                    d.customer_id,
                    EntryRow.date.db_value(d.on),
                    EntryRow.kind.db_value(d.kind),
                    d.amount,
                    delta,
                    d.doc_no,
                    d.memo,
                    EntryRow.method.db_value(d.method),
                    "",
                    self.by,
                    self.now,
                    key,
                )
            )
            if d.method is not None and d.method.is_instrument:
                cheques.append(
                    (
                        entry_id,
                        d.cheque_no,
                        d.bank,
                        ChequeRow.due_on.db_value(d.cheque_due),
                        ChequeRow.status.db_value(ChequeStatus.RECEIVED),
                        self.now,
                    )
                )
        _insert_many("entry", self.ENTRY_COLUMNS, entries)
        _insert_many("cheque", self.CHEQUE_COLUMNS, cheques)
        self.written += len(entries)
        if self.upkeep is not None:
            self.upkeep.written(self.written)

    def finish(self) -> None:
        """Bring the derived tables and indexes up to date (before the chain and commit)."""
        if self.upkeep is not None:
            self.upkeep.finish()
            self.upkeep = None


def _insert_many(table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """One prepared INSERT for many rows (psycopg2 folds them into few statements)."""
    if not rows:
        return
    names = ", ".join(columns)
    cursor = database.cursor()
    if is_postgres():
        from psycopg2.extras import execute_values

        execute_values(cursor, f"INSERT INTO {table} ({names}) VALUES %s", rows, page_size=1000)
    else:
        marks = ", ".join("?" for _c in columns)
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


# --- promises -------------------------------------------------------------------------


def _import_promises(run: _Run) -> None:
    ids = _customer_ids()
    seen: dict[tuple[int, Fen, dt.datetime], int] = {}
    for row in run.rows():
        customer_id = row.customer_id(ids)
        amount = row.parse("amount", parse_money)
        due_at = row.parse("due", parse_datetime)
        method = row.optional("method", parse_method)
        payer, rep_name, note = row.text("payer"), row.text("rep"), row.text("note")
        if row.bad:
            continue
        same = (customer_id, amount, due_at)
        if same in seen:
            row.problem("", _("This is the same promise as row {other}.").format(other=seen[same]))
            continue
        seen[same] = row.number  # type: ignore[index]
        if _promise_exists(customer_id, amount, due_at):  # type: ignore[arg-type]
            run.skip(
                row,
                _("already recorded"),
                row.text("customer_code"),
                format_plain(amount),  # type: ignore[arg-type]  # not None: the row is not bad
                due_at.strftime("%Y-%m-%d %H:%M"),  # type: ignore[union-attr]
            )
            continue
        new_rep = bool(rep_name) and people.rep_by_name(rep_name) is None
        promise = _PromiseDraft(customer_id, amount, due_at, method, payer, rep_name, note)  # type: ignore[arg-type]
        if run.write(row, "due", promise.make):
            run.added += 1
            if new_rep:
                run.created_reps.append(rep_name)


@dataclass(frozen=True)
class _PromiseDraft:
    customer_id: int
    amount: Fen
    due_at: dt.datetime
    method: PaymentMethod | None
    payer: str
    rep_name: str
    note: str

    def make(self) -> None:
        """Record it; who pays and the rep default to the customer's own."""
        customer = CustomerRow.get_by_id(self.customer_id)
        rep_id = people.ensure_rep(self.rep_name).id if self.rep_name else customer.rep_id
        promises.make_promise(
            self.customer_id,
            self.amount,
            self.due_at,
            method=self.method,
            payer=self.payer or customer.payer,
            rep_id=rep_id,
            note=self.note,
        )


def _promise_exists(customer_id: int, amount: Fen, due_at: dt.datetime) -> bool:
    return (
        PromiseRow.select()
        .where(
            (PromiseRow.customer == customer_id)
            & (PromiseRow.amount == amount)
            & (PromiseRow.due_at == due_at)
            & PromiseRow.cancelled_at.is_null()
        )
        .exists()
    )
