"""How an import ends, as the clerk reads it: `ImportResult` (how many rows were new,
how many already there and which), `ImportRejected` (nothing written: every problem by
row and column, the first `PROBLEMS_SHOWN` of them listed) or `ImportCancelled`.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass

from models.exchange.importing.columns import ImportKind
from models.vocabulary.errors import InputError, LedgerError
from models.vocabulary.i18n import _

# How many problems an `ImportRejected` lists; the rest are only counted.
PROBLEMS_SHOWN = 100


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


class ImportCancelled(LedgerError):
    """The clerk cancelled the import; nothing was written."""
