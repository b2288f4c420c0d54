"""The audit trail in words: each kind of change and each field by its name in the
user's language, money formatted from fen, codes as labels ("Credit limit 5,000.00 →
8,000.00"). The window, the export and the command line show the same sentences.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from models.vocabulary.audit_records import AuditRecord, Change
from models.vocabulary.customer_records import Terms, TermsKind
from models.vocabulary.entry_records import ChequeStatus, EntryKind, PaymentMethod
from models.vocabulary.i18n import _, language
from models.vocabulary.money import format_money

NOTHING = "—"
# Fields that hold integer fen.
MONEY_FIELDS = frozenset({"credit_limit", "amount", "balance", "tail_cut_limit"})


def kind_labels() -> dict[str, str]:
    """Each kind of audited change, by its stored name."""
    return {
        "customer.add": _("Customer added"),
        "customer.edit": _("Customer edited"),
        "customer.remove": _("Customer removed"),
        "setting.change": _("Settings changed"),
        "promise.made": _("Promise made"),
        "promise.replaced": _("Promise given a new date"),
        "promise.cancelled": _("Promise cancelled"),
        "promise.edit": _("Promise edited"),
        "entry.void": _("Entry voided"),
        "cheque.status": _("Cheque status changed"),
        "rep.add": _("Rep added"),
        "rep.edit": _("Rep edited"),
        "rep.remove": _("Rep removed"),
        "route.add": _("Route added"),
        "route.edit": _("Route edited"),
        "route.remove": _("Route removed"),
        "layout.add": _("Import layout saved"),
        "layout.edit": _("Import layout changed"),
        "layout.remove": _("Import layout deleted"),
        "ledger.restore": _("Ledger restored from a backup"),
        "person.add": _("Person added"),
        "person.role": _("Role changed"),
        "person.disable": _("Person disabled"),
        "credit.approve": _("Delivery approved over the credit stop"),
    }


def kind_label(kind: str) -> str:
    return kind_labels().get(kind, kind)


def family_labels() -> dict[str, str]:
    """The kinds grouped for the window's filter (a family matches all its kinds)."""
    return {
        "customer": _("Customers"),
        "setting": _("Settings"),
        "promise": _("Promises"),
        "entry": _("Voids"),
        "cheque": _("Cheques"),
        "rep": _("Reps"),
        "route": _("Routes"),
        "layout": _("Import layouts"),
        "ledger": _("Restores"),
        "person": _("People and roles"),
        "credit": _("Credit approvals"),
    }


def field_labels() -> dict[str, str]:
    """Each audited field, by its stored key."""
    return {
        "code": _("Code"),
        "name": _("Name"),
        "contact": _("Contact"),
        "phones": _("Phones"),
        "phone": _("Phone"),
        "address": _("Address"),
        "payer": _("Who pays"),
        "route": _("Route"),
        "route_position": _("Place on the route"),
        "rep": _("Rep"),
        "terms_kind": _("Terms"),
        "terms_days": _("Days of credit"),
        "credit_limit": _("Credit limit"),
        "approved_by": _("Approved by"),
        "notes": _("Notes"),
        "note": _("Note"),
        "archived": _("Archived"),
        "active": _("Active"),
        "weekdays": _("Weekdays"),
        "amount": _("Amount"),
        "due_at": _("Clear by"),
        "method": _("Payment method"),
        "cancelled_at": _("Cancelled at"),
        "kind": _("Kind"),
        "date": _("Date"),
        "doc_no": _("Document number"),
        "reason": _("Reason"),
        "void_kind": _("Void kind"),
        "status": _("Status"),
        "headers": _("Headers"),
        "columns": _("Columns"),
        "fixed": _("Fixed values"),
        "sheet": _("Worksheet"),
        "value": _("Value"),
        "size": _("Size (characters)"),
        "bank_account": _("Bank account"),
        "currency_symbol": _("Currency symbol"),
        "aging_edges": _("Aging edges"),
        "doc_language": _("Document language"),
        "paper_size": _("Paper size"),
        "pdf_font_path": _("Font file"),
        "tail_cut_limit": _("Tail-cut limit"),
        "reminder_promise": _("Promise reminder"),
        "reminder_overdue": _("Overdue reminder"),
        "binding_margin": _("Binding margin"),
        "account_holder": _("Account holder"),
        "reply_days": _("Days to reply"),
        "contact_name": _("Contact name"),
        "contact_phone": _("Contact phone"),
        "credit_code": _("Unified social credit code"),
        "silence_confirms": _("Silence confirms"),
        "iou_default_clause": _("IOU late-payment clause"),
        "iou_clause_text": _("IOU clause wording"),
        "kept": _("Ledger kept as"),
        "backup": _("Backup"),
        "customers": _("Customers"),
        "entries": _("Entries"),
        "balance": _("Balance"),
        "role": _("Role"),
    }


def _enum_label(key: str, value: str) -> str | None:
    enums: dict[str, Any] = {
        "kind": EntryKind,
        "method": PaymentMethod,
        "status": ChequeStatus,
    }
    if key == "terms_kind" and value in TermsKind._value2member_map_:
        return Terms(TermsKind(value)).label if value != "days" else _("Days after delivery")
    enum = enums.get(key)
    if enum is not None and value in enum._value2member_map_:
        return str(enum(value).label)
    return None


def value_text(key: str, value: Any) -> str:
    """One stored value as a person reads it."""
    if value is None or value == "":
        return NOTHING
    if key in MONEY_FIELDS and isinstance(value, int) and not isinstance(value, bool):
        return format_money(value)
    if isinstance(value, bool) or (key in _FLAGS and value in (0, 1)):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if key == "void_kind" and value == "bounced":
        return _("Cheque bounced")
    if isinstance(value, str):
        label = _enum_label(key, value)
        if label is not None:
            return label
        return _moment_text(value)
    return str(value)


_FLAGS = frozenset({"archived", "active", "binding_margin", "silence_confirms"})


def _moment_text(text: str) -> str:
    """A stored time ("2026-11-28 10:00:00" or "2026-11-28T10:00:00") without seconds."""
    if len(text) == 19 and text[4] == "-" and text[10] in " T":
        try:
            return dt.datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return text
    return text


def changes(record: AuditRecord) -> list[Change]:
    """The fields of a change, each with its value before and after (NOTHING: none)."""
    labels = field_labels()
    keys = list(record.before) + [k for k in record.after if k not in record.before]
    if record.before and record.after:  # a promise given a new date holds every field
        keys = [k for k in keys if record.before.get(k) != record.after.get(k)]
    return [
        Change(
            labels.get(key, key),
            value_text(key, record.before.get(key)),
            value_text(key, record.after.get(key)),
        )
        for key in keys
        if key in record.before or record.after.get(key) not in (None, "")
    ]


def subject_text(record: AuditRecord) -> str:
    """What the change concerns, as a person reads it (a setting by its name)."""
    if record.kind == "setting.change":
        return {"company": _("Company settings"), "payment_qr": _("Receiving QR code")}.get(
            record.subject, record.subject
        )
    return record.subject


def summary(record: AuditRecord) -> str:
    """The change in one line: "Credit limit 5,000.00 → 8,000.00; Name A → B". A row
    added shows its values, a row removed what it held; a void, the entry it voided and
    why ("Kind Delivery; Amount 500.00 — Reason wrong customer")."""
    separator = "；" if language() == "zh" else "; "  # Chinese text takes a full-width one
    labels = field_labels()
    if record.kind == "entry.void":
        what = [f"{labels.get(k, k)} {value_text(k, v)}" for k, v in record.before.items() if v]
        why = [f"{labels.get(k, k)} {value_text(k, v)}" for k, v in record.after.items() if v]
        return separator.join(what) + " — " + separator.join(why)
    parts = []
    for change in changes(record):
        if record.before and record.after:
            parts.append(f"{change.field} {change.before} → {change.after}")
        elif record.after:
            parts.append(f"{change.field} {change.after}")
        else:
            parts.append(f"{change.field} {change.before}")
    return separator.join(parts)


def detail_lines(record: AuditRecord) -> list[str]:
    """Each changed field on a line of its own ("Credit limit: 5,000.00 → 8,000.00")."""
    if record.kind == "entry.void" or not (record.before and record.after):
        labels = field_labels()
        values = {**record.before, **record.after}
        return [f"{labels.get(k, k)}: {value_text(k, v)}" for k, v in values.items()]
    return [f"{c.field}: {c.before} → {c.after}" for c in changes(record)]
