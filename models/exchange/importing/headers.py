"""Matching a sheet's header row to the columns an import reads.

A header is compared in any case and spacing, full-width forms as half-width, bracketed
units dropped (`normalise_header`), with the column's English and Chinese names and the
aliases clerks use. `guess_mapping` is the import wizard's first guess; `map_columns`
gives the `ColumnMap` an import reads its cells by, or refuses a header that lacks a
required column or names one twice.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from models.exchange.importing.columns import Column
from models.exchange.importing.sheet import Sheet
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _, language


@dataclass(frozen=True)
class ColumnMap:
    """Which cell of a row holds each known column."""

    index: dict[str, int]  # column key -> cell index
    labels: dict[str, str]  # column key -> header as written in the file
    ignored: tuple[str, ...]  # headers the import does not use
    chinese: dict[str, str] = field(default_factory=dict)  # column key -> Chinese header
    # column key -> the value of every row, for a column the file does not have (a saved
    # layout says "every row is a delivery" for an invoicing program's export).
    fixed: dict[str, str] = field(default_factory=dict)

    def cell(self, cells: tuple[str, ...], key: str) -> str:
        i = self.index.get(key)
        if i is None:
            return self.fixed.get(key, "")
        return cells[i].strip() if i < len(cells) else ""

    def label(self, key: str) -> str:
        """The column as the user knows it: its header in the file; a column the file
        lacks is named in the user's language, with what to do about it."""
        if key in self.labels:
            return self.labels[key]
        if key in self.fixed:
            name = self.chinese.get(key, key) if language() == "zh" else key
            return _("{name} (every row: {value})").format(name=name, value=self.fixed[key])
        name = self.chinese.get(key, key) if language() == "zh" else key
        return _("{name} (the file has no such column: add it)").format(name=name)


_BRACKETED = re.compile(r"\(.*?\)|\[.*?\]|【.*?】")
_SEPARATORS = re.compile(r"[\s\-_./]+")


def normalise_header(text: str) -> str:
    """``" Customer Code "`` → ``customer_code``; ``金额（元）`` → ``金额``; ``编号*`` → ``编号``."""
    value = unicodedata.normalize("NFKC", text).replace("\ufeff", "").strip().lower()
    value = _BRACKETED.sub("", value).strip(" *:：")
    return _SEPARATORS.sub("_", value).strip("_")


def guess_mapping(headers: tuple[str, ...], columns: tuple[Column, ...]) -> dict[int, str]:
    """Which of our column keys each header (by position) names, from its English or
    Chinese name or a usual alias; headers no column claims are left out."""
    by_alias = {normalise_header(a): c.key for c in columns for a in (c.key, c.zh, *c.aliases)}
    guessed: dict[int, str] = {}
    for i, header in enumerate(headers):
        key = by_alias.get(normalise_header(header))
        if key is not None and key not in guessed.values():
            guessed[i] = key
    return guessed


def map_columns(
    sheet: Sheet,
    columns: tuple[Column, ...],
    chosen: dict[int, str] | None = None,
    fixed: dict[str, str] | None = None,
) -> ColumnMap:
    """Match the sheet's headers to `columns` (or take `chosen`: header position → our
    column key, as the clerk mapped them in the import wizard). `fixed` gives columns
    the file does not have one value for every row (a column of the file wins).

    Raises `InputError` naming every required column that is missing and every column
    that appears twice. Headers no column claims are returned as `ignored`.
    """
    by_alias = {normalise_header(a): c.key for c in columns for a in (c.key, c.zh, *c.aliases)}
    index: dict[str, int] = {}
    labels: dict[str, str] = {}
    ignored: list[str] = []
    problems: list[str] = []
    for i, header in enumerate(sheet.headers):
        key = chosen.get(i) if chosen is not None else by_alias.get(normalise_header(header))
        if key is None:
            if header:
                ignored.append(header)
        elif key in index:
            problems.append(
                _("The column ‘{column}’ appears twice in the header row.").format(column=header)
            )
        else:
            index[key], labels[key] = i, header
    fixed = {k: v for k, v in (fixed or {}).items() if k not in index and v.strip()}
    missing = [c for c in columns if c.required and c.key not in index and c.key not in fixed]
    if missing:
        names = ", ".join(f"{c.key} ({c.zh})" for c in missing)
        if len(missing) == 1:
            text = _("Row {row}: the header lacks the column {names}.")
        else:
            text = _("Row {row}: the header lacks the columns {names}.")
        problems.insert(0, text.format(row=sheet.header_row, names=names))
    if problems:
        raise InputError(" ".join(problems))
    return ColumnMap(index, labels, tuple(ignored), {c.key: c.zh for c in columns}, fixed)
