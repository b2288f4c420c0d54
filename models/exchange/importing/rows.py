"""Checking an import's rows as they stream from the sheet.

`Run` holds one import's state (the problems found so far, the counts, the rows skipped
as already in the ledger) and offers only the rows whose cells are where the header says:
a row with a filled cell right of the header, or an amount split at an unquoted
thousands comma, is a problem instead. `Row` reads one row's cells by column key and
notes every problem of a cell, of a parsed value or of a customer code. Each kind's own
rules are in `customers`, `entries` and `promises`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

import peewee as pw

from models.exchange.importing.columns import cell_problems
from models.exchange.importing.headers import ColumnMap
from models.exchange.importing.outcome import ProblemLog, RowProblem, SkippedRow
from models.exchange.importing.sheet import Sheet, split_amount_at
from models.ledger import posting
from models.storage.db import transaction
from models.storage.tables import CustomerRow
from models.vocabulary.errors import InputError, LedgerError
from models.vocabulary.i18n import _
from models.vocabulary.parsing import parse_date
from models.vocabulary.text_rules import code_key

T = TypeVar("T")


# progress(rows done, rows in all); it may raise `ImportCancelled` to stop the import.
Progress = Callable[[int, int], None]
PROGRESS_EVERY = 500  # rows between two progress reports


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


@dataclass
class Run:
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

    def rows(self) -> Iterator[Row]:
        """The data rows; one with more filled cells than the header is a problem and is
        not offered (its cells are shifted: reading them would post wrong values)."""
        for number, cells in self.cells():
            yield Row(self, number, cells)

    def cells(self) -> Iterator[tuple[int, tuple[str, ...]]]:
        """(row number, cells) of the rows `rows` offers, without building a `Row`."""
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

    def skip(self, row: Row, message: str, *details: str) -> None:
        """Count `row` as already in the ledger and remember which it was."""
        self.existing += 1
        what = " ".join(d for d in details if d)
        self.skipped.append(SkippedRow(row.number, f"{message} ({what})"))

    def write(self, row: Row, column: str, action: Callable[[], object]) -> bool:
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


class Row:
    """One spreadsheet row: its cells by column key, and the problems found in it."""

    def __init__(self, run: Run, number: int, cells: tuple[str, ...]) -> None:
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


def customer_ids() -> dict[str, int]:
    """The ledger's customer ids by code, read once per import."""
    return dict(CustomerRow.select(CustomerRow.code, CustomerRow.id).tuples())
