"""Importing ledger entries: checking each row and posting the new ones in batches.

A clean row is read quickly (`models.exchange.entry_cells`), any other the careful way
(`parse_entry`), which words every problem. A delivery's or return's number may appear
once per customer in the file and must not be standing in the ledger already. Each
entry's import key (its row's content and how many identical rows came before it) makes
a file imported twice post nothing twice.
"""

from __future__ import annotations

from models.exchange.entry_cells import EntryFields, QuickEntries
from models.exchange.importing.columns import MAX_LEN
from models.exchange.importing.rows import Row, Run, customer_ids
from models.exchange.importing.writing import (
    DOCUMENT_KINDS,
    EntryWriter,
    document_hash,
    import_key,
    stable_hash,
)
from models.ledger import users
from models.storage.db import is_postgres
from models.storage.dialect import in_batches
from models.storage.tables import EntryRow, database
from models.vocabulary.entry_records import EntryKind
from models.vocabulary.i18n import _
from models.vocabulary.money import format_plain, parse_money
from models.vocabulary.parsing import parse_date, parse_kind, parse_method
from models.vocabulary.people_records import Action

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


def parse_entry(row: Row, ids: dict[str, int]) -> _EntryDraft | None:
    """One entries row read the careful way: its entry, or None with every problem noted."""
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
    for chunk in in_batches(keys):
        query = EntryRow.select(EntryRow.import_key).where(EntryRow.import_key.in_(chunk))
        found.update(k for (k,) in query.tuples())
    return found


# Entries are written this many at a time, with one statement per batch.
ENTRY_BATCH = 5000


def import_entries(run: Run) -> None:
    """Rows are checked as they stream from the file, against the customers and the
    ledger's documents read once, and written in batches of `ENTRY_BATCH` inside the
    import's one transaction (the balance cache and the other derived tables are kept
    by the database's triggers; on SQLite once per import: models/storage/bulk_upkeep.py).
    Once any row has a problem nothing more is written: the rest is only checked."""
    ids = customer_ids()
    if not is_postgres():
        # The import keys' index takes a million random inserts: a larger page cache
        # for this connection keeps them off the disk (default 2 MB; here 32 MB).
        database.execute_sql("PRAGMA cache_size = -32768")
    documents: dict[int, int] = {}  # document hash -> row number in the file
    occurrences: dict[int, int] = {}  # content hash -> rows with that content so far
    check_keys = EntryRow.select().where(EntryRow.import_key.is_null(False)).exists()
    writer = EntryWriter(keys_checked=check_keys)
    quick = QuickEntries(run.columns, ids, MAX_LEN)
    batch: list[tuple[int, _EntryDraft, str]] = []  # (row number, entry, import key)
    for number, cells in run.cells():
        # Most rows are clean: read quickly; any doubt, and the careful way words it.
        draft = quick(cells) or parse_entry(Row(run, number, cells), ids)
        if draft is None:
            continue
        if draft.kind is EntryKind.WRITEOFF and not users.may(Action.WRITEOFF):
            Row(run, number, cells).problem("kind", str(users.refusal(Action.WRITEOFF)))
            continue
        if draft.doc_no and draft.kind in DOCUMENT_KINDS:
            document = document_hash(draft.customer_id, draft.kind, draft.doc_no)
            other = documents.setdefault(document, number)
            if other != number:
                Row(run, number, cells).problem(
                    "doc_no",
                    _("{doc} also appears in row {other}.").format(doc=draft.doc_no, other=other),
                )
                continue
        content = _content(draft)
        digest = stable_hash(content)
        seen = occurrences[digest] = occurrences.get(digest, 0) + 1
        batch.append((number, draft, import_key(content, str(seen))))
        if len(batch) >= ENTRY_BATCH:
            _write_entries(run, batch, writer, check_keys)
            batch = []
    _write_entries(run, batch, writer, check_keys)
    del documents, occurrences  # a million rows' worth: let the index rebuild have it
    if not run.problems:  # a rejected import is rolled back, set-aside work and all
        writer.finish()


def _write_entries(
    run: Run, batch: list[tuple[int, _EntryDraft, str]], writer: EntryWriter, check_keys: bool
) -> None:
    known = _existing_keys([key for _n, _draft, key in batch]) if check_keys else set()
    new: list[tuple[_EntryDraft, str]] = []
    for number, draft, key in batch:
        if key in known:
            run.skip(
                Row(run, number, ()),
                _("already imported"),
                draft.code,
                draft.on.isoformat(),
                draft.kind.label,
                format_plain(draft.amount),
                draft.doc_no,
            )
        elif draft.doc_no and draft.kind in DOCUMENT_KINDS and writer.posted(draft):
            # The message the one-entry posting path gives, in the same column.
            Row(run, number, ()).problem(
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
