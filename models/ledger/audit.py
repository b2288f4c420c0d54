"""Reading the audit trail (models/storage/audit_trail.py writes it), and recording what
no trigger sees.

`audit_log(filter)` returns the audited changes newest first as `AuditRecord`s; the
window, the export and the command line read the same rows. `record` adds an event of
the program's own (people and roles) in the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from models.storage import audit_trail
from models.storage.db import read_snapshot, transaction
from models.storage.dialect import placeholders
from models.storage.tables import CustomerRow, database
from models.vocabulary.audit_records import AuditFilter, AuditRecord
from models.vocabulary.errors import InputError, NotFound
from models.vocabulary.i18n import _
from models.vocabulary.text_rules import code_key

MAX_ROWS = 100_000  # the window shows at most this many; an export takes them all


def record(
    kind: str,
    subject: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    customer_id: int | None = None,
) -> None:
    """Add an event no trigger sees to the audit trail (a person added, a role changed):
    `kind` such as ``person.role``, `subject` what it concerns, `before` and `after` the
    fields that changed. In the caller's transaction, or a transaction of its own."""
    with transaction():
        audit_trail.note(
            kind,
            subject,
            json.dumps(before or {}, ensure_ascii=False),
            json.dumps(after or {}, ensure_ascii=False),
            customer_id,
        )


def check_filter(chosen: AuditFilter) -> AuditFilter:
    """Refuse a filter that cannot match: dates the wrong way round, a customer code the
    ledger does not know."""
    if chosen.date_from and chosen.date_to and chosen.date_from > chosen.date_to:
        raise InputError(
            _("The first day {first} is after the last day {last}: swap them.").format(
                first=chosen.date_from.isoformat(), last=chosen.date_to.isoformat()
            )
        )
    if chosen.customer_code.strip() and _customer_id(chosen.customer_code) is None:
        raise NotFound(
            _("There is no customer with code ‘{code}’.").format(code=chosen.customer_code.strip())
        )
    return chosen


def _customer_id(code: str) -> int | None:
    """As typed, else case and width folded (c0001 finds C0001). The demo and older
    imports leave `code_key` empty, so the code itself is asked first."""
    code = code.strip()
    found = CustomerRow.select(CustomerRow.id).where(CustomerRow.code == code).scalar()
    if found is None:
        key = CustomerRow.code_key == code_key(code)
        found = CustomerRow.select(CustomerRow.id).where(key).scalar()
    return found


def _where(chosen: AuditFilter) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if chosen.date_from:
        clauses.append("a.at >= ?")
        params.append(dt.datetime.combine(chosen.date_from, dt.time()))
    if chosen.date_to:
        clauses.append("a.at < ?")
        params.append(dt.datetime.combine(chosen.date_to + dt.timedelta(days=1), dt.time()))
    if chosen.user.strip():
        clauses.append("a.who = ?")
        params.append(chosen.user.strip())
    if chosen.customer_code.strip():
        clauses.append("a.customer_id = ?")
        params.append(_customer_id(chosen.customer_code) or -1)
    if chosen.kind:
        # A family ("customer") or one kind ("customer.edit").
        clauses.append("(a.kind = ? OR a.kind LIKE ?)")
        params += [chosen.kind, chosen.kind + ".%"]
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _params(values: list[Any]) -> list[Any]:
    """SQLite compares the stored text: times go in as that text."""
    return [v.strftime("%Y-%m-%d %H:%M:%S") if isinstance(v, dt.datetime) else v for v in values]


def audit_log(chosen: AuditFilter | None = None, limit: int | None = None) -> list[AuditRecord]:
    """The audited changes that match `chosen`, newest first (at most `limit`)."""
    chosen = check_filter(chosen or AuditFilter())
    where, params = _where(chosen)
    tail = f" LIMIT {int(limit)}" if limit else ""
    query = placeholders(
        "SELECT a.id, a.at, a.who, a.kind, a.subject, a.customer_id, c.code, a.old_values, "
        "a.new_values FROM audit_log a LEFT JOIN customer c ON c.id = a.customer_id"
        f"{where} ORDER BY a.id DESC{tail}"
    )
    with read_snapshot():
        rows = database.execute_sql(query, _params(params)).fetchall()
    return [_record(row) for row in rows]


def _moment(value: object) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _object(text: str | None) -> dict[str, Any]:
    """A stored JSON object; anything else (edited by hand) shown as it is."""
    try:
        found = json.loads(text or "{}")
    except ValueError:
        return {"value": text}
    return found if isinstance(found, dict) else {"value": found}


def _record(row: tuple) -> AuditRecord:
    row_id, at, who, kind, subject, customer_id, code, old, new = row
    return AuditRecord(
        id=int(row_id),
        at=_moment(at),
        who=who or "",
        kind=kind,
        subject=subject or "",
        customer_id=customer_id,
        customer_code=code or "",
        before=_object(old),
        after=_object(new),
    )


def audit_people() -> list[str]:
    """Everyone who appears in the audit trail, by name (for the window's filter)."""
    rows = database.execute_sql("SELECT DISTINCT who FROM audit_log ORDER BY who")
    return [who for (who,) in rows if who]
