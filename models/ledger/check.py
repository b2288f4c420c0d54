"""Integrity check of a ledger (``main.py check``): is the file sound, do the figures agree?

What is checked, and why each can go wrong only through damage or a bug (the model never
writes such rows):

1. SQLite's own ``PRAGMA integrity_check`` and ``foreign_key_check`` (skipped on
   PostgreSQL, which checks its pages itself).
2. Every entry's delta agrees with its kind and amount: debits add the amount, credits
   take it off, a reversal is the exact opposite of what it voids.
3. Every customer's balance is the same by the two roads the program reads it: the sum of
   all deltas (what aging, balances and statements use) and the sum of the standing
   entries only (what the ledger's running balance uses). They differ exactly when a
   voided pair does not net to zero. The aging buckets must add up to a positive balance.
4. Every reversal pairs with exactly one original of the same customer, kind, amount and
   date with the opposite delta; no reversal is itself reversed.
5. Cheque records belong to payments made by cheque or draft, never to a reversal; a
   bounced cheque's payment has been voided.
6. The daily totals per kind (the review's trend, kept by a trigger) match the entries.
7. A delivery's or return's document number is live once per customer (an older ledger
   may hold duplicates posted before the database enforced it).
8. The guards (triggers that refuse edits) are in place, and were at opening; the hash
   chain over the entries holds, so an edit, removal or insertion made with another tool
   is named at the entry where the chain breaks (models/storage/chain.py); and it has not gone
   back behind where this computer or a backup saw it (models/storage/chain_anchors.py).
   The audit trail's own chain holds too (models/storage/audit_trail.py).
9. The schema is the app's own: no trigger, view, table, column or index Qingkuan did not
   make; none missing (models/storage/schema_audit.py).

Each problem is one translated sentence; an empty list means the ledger is sound.
Everything runs in SQL or streams, so a million-entry ledger is checked in seconds.
"""

from __future__ import annotations

import datetime as dt

import peewee as pw
from peewee import JOIN, fn

from models.ledger.aging import age_all
from models.ledger.ledger import last_payment_dates, last_payment_dates_from_entries
from models.storage import audit_trail, chain, chain_anchors, db, guards, schema_audit
from models.storage.db import is_postgres, read_snapshot
from models.storage.tables import ChequeRow, CustomerRow, EntryRow, database
from models.vocabulary.entry_records import CREDIT_KINDS, ChequeStatus, EntryKind, PaymentMethod
from models.vocabulary.i18n import _
from models.vocabulary.money import format_money

MAX_REPORTED = 200  # per kind of problem; a damaged file could otherwise print millions
_FAR_FUTURE = dt.date(9999, 12, 31)


def check_ledger() -> list[str]:
    """Check the open ledger; returns every problem found as a sentence (empty: sound)."""
    problems: list[str] = []
    if not is_postgres():
        problems += _sqlite_pragmas()
        if problems:
            return problems  # a damaged file: the figures below cannot be trusted
    found = _schema_problems()
    problems += [p.sentence() for p in found]
    if any(schema_audit.is_damage(p) for p in found):
        return problems  # a table or column is missing: the figures cannot be read
    # The anchors before the snapshot: they only ever record states committed before
    # they were written, so the snapshot taken after sees at least as much. Read after
    # the snapshot began, an anchor noted meanwhile by a clerk looked like a chain that
    # "went backwards" (seen in the fault storm on both backends).
    anchors = chain_anchors.stored()
    with read_snapshot():  # sums from one moment: no false alarm while others post
        problems += _limited(_delta_mismatches())
        problems += _limited(_balance_mismatches())
        problems += _limited(_last_payment_mismatches())
        problems += _limited(_reversal_problems())
        problems += _limited(_cheque_problems())
        problems += _limited(_daily_total_mismatches())
        problems += _limited(_duplicate_documents())
        problems += _guard_problems()
        problems += chain.problems(MAX_REPORTED)
        problems += chain_anchors.problems(anchors)
        problems += audit_trail.problems(MAX_REPORTED)
    return problems


def _limited(found: list[str]) -> list[str]:
    if len(found) <= MAX_REPORTED:
        return found
    more = _("… and {n} more problems of the same kind.").format(n=len(found) - MAX_REPORTED)
    return [*found[:MAX_REPORTED], more]


def _sqlite_pragmas() -> list[str]:
    problems: list[str] = []
    rows = [r[0] for r in database.execute_sql("PRAGMA integrity_check").fetchall()]
    if rows != ["ok"]:
        problems += [
            _("The ledger file is damaged: {detail}").format(detail=detail) for detail in rows
        ]
    for table, rowid, parent, _fk in database.execute_sql("PRAGMA foreign_key_check").fetchall():
        problems.append(
            _("Row {rowid} of table {table} points to a missing row of table {parent}.").format(
                rowid=rowid, table=table, parent=parent
            )
        )
    return problems


def _codes() -> dict[int, str]:
    return dict(CustomerRow.select(CustomerRow.id, CustomerRow.code).tuples())


def _delta_mismatches() -> list[str]:
    credit = [k.value for k in CREDIT_KINDS]
    expected = pw.Case(None, [(EntryRow.kind.in_(credit), EntryRow.amount * -1)], EntryRow.amount)
    query = (
        EntryRow.select(EntryRow.id, EntryRow.customer, EntryRow.amount, EntryRow.delta)
        .where(EntryRow.reverses.is_null() & (EntryRow.delta != expected))
        .order_by(EntryRow.id)
        .tuples()
    )
    codes = _codes()
    return [
        _(
            "Entry {id} of customer {code}: its effect on the balance ({delta}) does not match "
            "its kind and amount ({amount})."
        ).format(
            id=eid, code=codes.get(cid, cid), delta=format_money(delta), amount=format_money(amount)
        )
        for eid, cid, amount, delta in query
    ]


def _balance_mismatches() -> list[str]:
    """Sum of all deltas vs sum of standing deltas vs the aging report, per customer."""
    voided = EntryRow.select(EntryRow.reverses).where(EntryRow.reverses.is_null(False))
    standing = EntryRow.reverses.is_null() & EntryRow.id.not_in(voided)
    all_sums = dict(
        EntryRow.select(EntryRow.customer, fn.SUM(EntryRow.delta))
        .group_by(EntryRow.customer)
        .tuples()
    )
    standing_sums = dict(
        EntryRow.select(EntryRow.customer, fn.SUM(EntryRow.delta))
        .where(standing)
        .group_by(EntryRow.customer)
        .tuples()
    )
    codes = _codes()
    problems = []
    for cid in sorted(set(all_sums) | set(standing_sums)):
        total, kept = int(all_sums.get(cid) or 0), int(standing_sums.get(cid) or 0)
        if total != kept:
            problems.append(
                _(
                    "Customer {code}: the balance is {total}, but its standing entries add up "
                    "to {kept} (a voided entry and its reversal do not cancel out)."
                ).format(
                    code=codes.get(cid, cid), total=format_money(total), kept=format_money(kept)
                )
            )
    report = age_all(_FAR_FUTURE, include_archived=True)
    for row in report.rows:
        total = int(all_sums.get(row.customer_id) or 0)
        if row.balance != total:
            problems.append(
                _(
                    "Customer {code}: the aging report shows {shown}, but the entries add up to {total}."
                ).format(code=row.code, shown=format_money(row.balance), total=format_money(total))
            )
        elif row.balance > 0 and sum(row.buckets) != row.balance:
            problems.append(
                _(
                    "Customer {code}: the aging buckets add up to {buckets}, not to the balance {total}."
                ).format(
                    code=row.code,
                    buckets=format_money(sum(row.buckets)),
                    total=format_money(row.balance),
                )
            )
    return problems


def _last_payment_mismatches() -> list[str]:
    """The latest payment the list shows (kept by a trigger) vs the entries."""
    kept, actual = last_payment_dates(), last_payment_dates_from_entries()
    codes = _codes()
    return [
        _(
            "Customer {code}: the last payment is shown as {shown}, but the entries say {actual}."
        ).format(code=codes.get(cid, cid), shown=kept.get(cid, "—"), actual=actual.get(cid, "—"))
        for cid in sorted(set(kept) | set(actual))
        if kept.get(cid) != actual.get(cid)
    ]


def _reversal_problems() -> list[str]:
    original = EntryRow.alias("original")
    query = (
        EntryRow.select(
            EntryRow.id,
            EntryRow.customer,
            EntryRow.reverses,
            original.id,
            original.customer,
            original.kind,
            original.amount,
            original.date,
            original.delta,
            original.reverses,
            EntryRow.kind,
            EntryRow.amount,
            EntryRow.date,
            EntryRow.delta,
        )
        .join(original, JOIN.LEFT_OUTER, on=(original.id == EntryRow.reverses))
        .where(EntryRow.reverses.is_null(False))
        .order_by(EntryRow.id)
        .tuples()
    )
    codes = _codes()
    problems = []
    for (rid, rcust, target, oid, ocust, okind, oamount, odate, odelta, orev, rkind, ramount,
         rdate, rdelta) in query:  # fmt: skip
        code = codes.get(rcust, rcust)
        if oid is None:
            problems.append(
                _(
                    "Reversal {id} of customer {code} voids entry {target}, which does not exist."
                ).format(id=rid, code=code, target=target)
            )
        elif orev is not None:
            problems.append(
                _(
                    "Reversal {id} of customer {code} voids entry {target}, which is itself a reversal."
                ).format(id=rid, code=code, target=oid)
            )
        elif (ocust, okind, oamount, str(odate), odelta) != (
            rcust,
            rkind,
            ramount,
            str(rdate),
            -rdelta,
        ):
            problems.append(
                _(
                    "Reversal {id} of customer {code} does not mirror entry {target}: customer, "
                    "kind, amount and date must be the same and the effect opposite."
                ).format(id=rid, code=code, target=oid)
            )
    twice = (
        EntryRow.select(EntryRow.reverses, fn.COUNT(EntryRow.id))
        .where(EntryRow.reverses.is_null(False))
        .group_by(EntryRow.reverses)
        .having(fn.COUNT(EntryRow.id) > 1)
        .tuples()
    )
    problems += [
        _("Entry {id} is voided {n} times; an entry can be voided only once.").format(id=eid, n=n)
        for eid, n in twice
    ]
    return problems


def _cheque_problems() -> list[str]:
    instruments = [PaymentMethod.CHEQUE.value, PaymentMethod.DRAFT.value]
    reversal = EntryRow.alias("reversal")
    query = (
        ChequeRow.select(
            ChequeRow.entry,
            ChequeRow.number,
            ChequeRow.status,
            EntryRow.id,
            EntryRow.kind,
            EntryRow.method,
            EntryRow.reverses,
            reversal.id,
        )
        .join(EntryRow, JOIN.LEFT_OUTER, on=(EntryRow.id == ChequeRow.entry))
        .join(reversal, JOIN.LEFT_OUTER, on=(reversal.reverses == EntryRow.id))
        .order_by(ChequeRow.entry)
        .tuples()
    )
    problems = []
    for entry_id, number, status, eid, kind, method, reverses, reversal_id in query:
        if eid is None:
            msg = _("Cheque {number} belongs to entry {id}, which does not exist.")
        elif kind != EntryKind.PAYMENT.value or reverses is not None:
            msg = _("Cheque {number} belongs to entry {id}, which is not a payment.")
        elif method not in instruments:
            msg = _("Cheque {number} belongs to entry {id}, a payment not made by cheque or draft.")
        elif status == ChequeStatus.BOUNCED.value and reversal_id is None:
            msg = _("Cheque {number} bounced, but its payment (entry {id}) was not voided.")
        else:
            continue
        problems.append(msg.format(number=number, id=entry_id))
    return problems


def _daily_total_mismatches() -> list[str]:
    """The daily totals the review reads (kept by a trigger) against the entries."""
    labels = {k.value: k.label for k in EntryKind}
    kept = {
        (str(on)[:10], kind): int(total)
        for on, kind, total in database.execute_sql("SELECT date, kind, total FROM daily_total")
    }
    summed = {
        (str(on)[:10], kind): int(total)
        for on, kind, total in database.execute_sql(
            "SELECT date, kind, SUM(delta) FROM entry GROUP BY date, kind"
        )
    }
    return [
        _(
            "The review's total of {kind} entries on {date} is {kept}, but the entries add up "
            "to {summed}."
        ).format(
            kind=labels.get(kind, kind),
            date=day,
            kept=format_money(kept.get((day, kind), 0)),
            summed=format_money(summed.get((day, kind), 0)),
        )
        for day, kind in sorted(set(kept) | set(summed))
        if kept.get((day, kind), 0) != summed.get((day, kind), 0)
    ]


def _duplicate_documents() -> list[str]:
    """Standing deliveries or returns sharing a customer and document number."""
    voided = EntryRow.select(EntryRow.reverses).where(EntryRow.reverses.is_null(False))
    standing = (
        (EntryRow.doc_no != "")
        & EntryRow.kind.in_([EntryKind.DELIVERY.value, EntryKind.RETURN.value])
        & EntryRow.reverses.is_null()
        & EntryRow.id.not_in(voided)
    )
    twice = (
        EntryRow.select(EntryRow.customer, EntryRow.kind, EntryRow.doc_no)
        .where(standing)
        .group_by(EntryRow.customer, EntryRow.kind, EntryRow.doc_no)
        .having(fn.COUNT(EntryRow.id) > 1)
        .order_by(EntryRow.customer, EntryRow.doc_no)
        .limit(MAX_REPORTED + 1)
        .tuples()
    )
    codes = _codes()
    problems = []
    for cid, kind, doc_no in twice:
        same = EntryRow.select(EntryRow.id).where(
            standing
            & (EntryRow.customer == cid)
            & (EntryRow.kind == kind)
            & (EntryRow.doc_no == doc_no)
        )
        ids = [str(eid) for (eid,) in same.order_by(EntryRow.id).tuples()]
        problems.append(
            _(
                "Document {doc} is posted {n} times for customer {code} (entries {ids}): "
                "void the extra ones."
            ).format(doc=doc_no, n=len(ids), code=codes.get(cid, cid), ids=", ".join(ids))
        )
    return problems


def _schema_problems() -> list[schema_audit.Problem]:
    """What the schema holds that Qingkuan did not make, and what is missing from it
    (triggers of Qingkuan's names: the guards' report, below)."""
    if is_postgres():
        return schema_audit.postgres_problems(database.obj)
    return [
        p
        for p in schema_audit.schema_problems(database.obj.connection())
        if not (p.what == "trigger" and p.kind != schema_audit.FOREIGN)
    ]


def _guard_problems() -> list[str]:
    """Guards put back when the ledger was opened, and any missing now."""
    problems = [db.guards_warning()] if db.guards_warning() else []
    problems += [
        _(
            "The ledger's safeguard ‘{name}’ is missing or altered, so entries can be changed "
            "outside Qingkuan: open the ledger as the database's owner to put it back."
        ).format(name=name)
        for name in guards.missing(database.obj)
    ]
    return problems
