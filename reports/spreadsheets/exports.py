"""Exports for the accountant and for moving a ledger: entries and customers in the
import's own format, the customer list as filtered, one customer's ledger.

Every file is built by `reports.spreadsheets.safe_export` (text never becomes a formula, money is a
number) and written whole or not at all by `reports.typesetting.output.write_atomic`. The entries
and customers files have the headers an import reads (English keys, or the Chinese
headers with ``lang="zh"``), so ``export customers`` + ``export entries`` imported into
a new ledger give the same balances and the same aging.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from models.exchange.exports import all_customers, check_period, standing_entries, terms_text
from models.exchange.importing.columns import CUSTOMER_COLUMNS, ENTRY_COLUMNS, Column
from models.ledger.ledger import ledger_rows
from models.vocabulary.aging_records import CustomerSummary
from models.vocabulary.customer_records import Customer, CustomerId
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _
from reports.spreadsheets.safe_export import Amount, Cell, csv_bytes, xlsx_bytes
from reports.typesetting.output import check_destination, write_atomic

FORMATS = (".csv", ".xlsx")
XLSX_MAX_ROWS = 1_048_576  # Excel's limit, the header row included


def export_path(out: str | Path, example: str) -> Path:
    """`out` checked for a ``.csv`` or ``.xlsx`` name in a folder that can be written."""
    path = Path(out).expanduser()
    if path.suffix.lower() not in FORMATS:
        raise InputError(
            _("Export to a file ending in .csv or .xlsx, such as {example} (not ‘{name}’).").format(
                example=example, name=path.name
            )
        )
    return check_destination(path, spreadsheet=True)


def write_table(
    out: str | Path,
    title: str,
    header: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    *,
    bom: bool = False,
) -> tuple[Path, int]:
    """Write a table to a ``.csv`` or ``.xlsx`` file; returns the path and the number of
    data rows. Refuses more rows than an XLSX sheet can hold (CSV has no limit)."""
    path = export_path(out, f"{title}.xlsx")
    counted = _Counted(rows)
    if path.suffix.lower() == ".xlsx":
        data = xlsx_bytes(title, header, counted.limited(XLSX_MAX_ROWS - 1))
    else:
        data = csv_bytes(header, counted, bom=bom)
    return write_atomic(path, data), counted.n


class _Counted:
    """Rows passed through, counted (they may be a generator of a million entries)."""

    def __init__(self, rows: Iterable[Sequence[Cell]]) -> None:
        self.rows, self.n = rows, 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        for row in self.rows:
            self.n += 1
            yield row

    def limited(self, most: int):  # type: ignore[no-untyped-def]
        for row in self:
            if self.n > most:
                raise InputError(
                    _(
                        "More than {n} rows do not fit in an Excel sheet: export to a .csv "
                        "file, or a shorter period."
                    ).format(n=f"{most:,}")
                )
            yield row


def headers(columns: tuple[Column, ...], lang: str = "en") -> list[str]:
    """An import's headers, in English (its keys) or in Chinese."""
    return [c.zh if lang == "zh" else c.key for c in columns]


def export_entries(
    out: str | Path,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    *,
    lang: str = "en",
    bom: bool = False,
) -> tuple[Path, int]:
    """Every standing entry dated in the period, in the entries import's format."""
    check_period(date_from, date_to)
    rows = (
        [
            e.customer_code,
            e.date.isoformat(),
            e.kind.value,
            Amount(e.amount),
            e.doc_no,
            e.memo,
            e.method.value if e.method else "",
            e.cheque_no,
            e.cheque_due.isoformat() if e.cheque_due else "",
            e.bank,
        ]
        for e in standing_entries(date_from, date_to)
    )
    return write_table(out, "entries", headers(ENTRY_COLUMNS, lang), rows, bom=bom)


def _customer_cells(c: Customer) -> list[Cell]:
    # No opening balance: the openings are entries, exported with the others.
    limit = Amount(c.credit_limit) if c.credit_limit is not None else None
    return [
        c.code,
        c.name,
        c.contact,
        c.phones,
        c.address,
        c.route_name,
        c.rep_name,
        terms_text(c.terms),
        limit,
        "",
        "",
        c.payer,
        c.notes,
    ]


def export_customers(
    out: str | Path,
    customers: Iterable[Customer] | None = None,
    *,
    lang: str = "en",
    bom: bool = False,
) -> tuple[Path, int]:
    """Customers (default: all, archived too) in the customers import's format."""
    chosen = all_customers() if customers is None else customers
    rows = (_customer_cells(c) for c in chosen)
    return write_table(out, "customers", headers(CUSTOMER_COLUMNS, lang), rows, bom=bom)


def export_customer_list(
    out: str | Path, summaries: Iterable[CustomerSummary], *, lang: str = "en"
) -> tuple[Path, int]:
    """The customer list as shown (filtered): the import's columns, then the balance,
    what is overdue and the last payment (an import of the file ignores those)."""
    header = [*headers(CUSTOMER_COLUMNS, lang), *_list_extra(lang)]
    rows = (
        [
            *_customer_cells(s.customer),
            # The window may still be reading balances: those cells stay empty.
            Amount(s.aging.balance) if s.aging is not None else None,
            Amount(s.aging.overdue) if s.aging is not None else None,
            s.last_payment_on.isoformat() if getattr(s, "last_payment_on", None) else "",
        ]
        for s in summaries
    )
    return write_table(out, "customers", header, rows)


def _list_extra(lang: str) -> list[str]:
    if lang == "zh":
        return ["余额", "逾期", "最近付款"]
    return ["balance", "overdue", "last_payment"]


LEDGER_HEADER = {
    "en": ["date", "kind", "doc_no", "memo", "debit", "credit", "balance", "voided"],
    "zh": ["日期", "类型", "单号", "摘要", "借方", "贷方", "余额", "作废"],
}


def export_customer_ledger(
    out: str | Path,
    customer_id: CustomerId,
    date_from: dt.date,
    date_to: dt.date,
    *,
    lang: str = "en",
) -> tuple[Path, int]:
    """One customer's ledger for a period: the balance brought forward, every entry with
    its running balance (voided ones marked, as on the screen), the closing balance."""
    check_period(date_from, date_to)
    opening, ledger = ledger_rows(customer_id, date_from, date_to)
    rows: list[list[Cell]] = [
        [
            date_from.isoformat(),
            _("Balance brought forward"),
            "",
            "",
            None,
            None,
            Amount(opening),
            "",
        ]
    ]
    for row in ledger:
        e = row.entry
        rows.append(
            [
                e.date.isoformat(),
                e.kind.label,
                e.doc_no,
                e.memo,
                Amount(e.debit) if e.debit else None,
                Amount(e.credit) if e.credit else None,
                Amount(row.balance),
                e.void_reason if (e.is_voided or e.is_reversal) else "",
            ]
        )
    path, _n = write_table(out, "ledger", LEDGER_HEADER.get(lang, LEDGER_HEADER["en"]), rows)
    return path, len(ledger)
