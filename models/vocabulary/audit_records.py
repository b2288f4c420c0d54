"""What the audit trail holds, as the rest of the app reads it (models/ledger/audit.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class AuditRecord:
    """One audited change: who made it, when, what kind (``customer.edit``, ``entry.void``
    …), about what (`subject`: a customer's code, a setting's key, a promise's serial, a
    voided document's number), and the fields that changed, before and after, as
    stored (money in fen, enums as their stored value)."""

    id: int
    at: dt.datetime
    who: str
    kind: str
    subject: str
    customer_id: int | None
    customer_code: str  # "" when the change concerns no customer
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Change:
    """One field of an audited change, readable: its label and both values as text."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditFilter:
    """Which audit rows to read: each criterion left empty matches every row. Dates are
    inclusive; `user` is the person's name as signed in; `customer_code` is exact."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    user: str = ""
    customer_code: str = ""
    kind: str = ""
