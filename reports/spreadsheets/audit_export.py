"""The audit trail as a spreadsheet: one row per audited change, readable (what changed
from what to what, money formatted, fields named in the user's language) and as stored
(the JSON the database wrote), for an accountant or an auditor. Like every export it
never carries a formula (reports/spreadsheets/safe_export.py)."""

from __future__ import annotations

import json
from pathlib import Path

from models.ledger.audit import audit_log
from models.ledger.audit_text import kind_label, subject_text, summary
from models.vocabulary.audit_records import AuditFilter, AuditRecord
from models.vocabulary.i18n import _
from reports.spreadsheets.exports import write_table
from reports.spreadsheets.safe_export import Cell


def audit_header() -> list[str]:
    return [
        _("When"),
        _("Who"),
        _("What"),
        _("Customer"),
        _("Subject"),
        _("Change"),
        _("Before (as stored)"),
        _("After (as stored)"),
    ]


def audit_cells(record: AuditRecord) -> list[Cell]:
    """One audited change as a row of the export (and of the window's table)."""
    return [
        record.at.strftime("%Y-%m-%d %H:%M:%S"),
        record.who,
        kind_label(record.kind),
        record.customer_code,
        subject_text(record),
        summary(record),
        json.dumps(record.before, ensure_ascii=False),
        json.dumps(record.after, ensure_ascii=False),
    ]


def export_audit(
    out: str | Path, chosen: AuditFilter | None = None, *, bom: bool = False
) -> tuple[Path, int]:
    """Write the audited changes matching `chosen` (newest first) to a ``.csv`` or
    ``.xlsx`` file; returns the path and the number of rows."""
    rows = (audit_cells(r) for r in audit_log(chosen))
    return write_table(out, "audit", audit_header(), rows, bom=bom)
