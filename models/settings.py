"""Company settings: letterhead, currency, aging edges, document language, paper, font."""

from __future__ import annotations

import dataclasses
import json

from models.db import transaction
from models.errors import InputError
from models.i18n import _
from models.records import CompanySettings
from models.tables import Setting
from models.text_rules import check_text

_KEY = "company"


def get_company() -> CompanySettings:
    """The company settings stored in this ledger (defaults for a new ledger)."""
    row = Setting.get_or_none(Setting.key == _KEY)
    if row is None:
        return CompanySettings()
    data = json.loads(row.value)
    fields = {f.name for f in dataclasses.fields(CompanySettings)}
    data = {k: v for k, v in data.items() if k in fields}
    if "aging_edges" in data:
        data["aging_edges"] = tuple(data["aging_edges"])
    return CompanySettings(**data)


def validate_edges(edges: tuple[int, ...]) -> tuple[int, ...]:
    """Aging edges must be 1–6 whole days, strictly increasing, each at least 1."""
    if not edges or len(edges) > 6:
        raise InputError(_("Give between one and six aging edges, such as 30, 60, 90."))
    if any(e < 1 for e in edges) or any(b <= a for a, b in zip(edges, edges[1:], strict=False)):
        raise InputError(_("Aging edges must be whole days that increase, such as 30, 60, 90."))
    return tuple(edges)


def save_company(settings: CompanySettings) -> CompanySettings:
    """Validate and store the company settings."""
    validate_edges(settings.aging_edges)
    for value, what in (
        (settings.name, _("The company name")),
        (settings.address, _("The address")),
        (settings.phone, _("The phone number")),
        (settings.bank_account, _("The bank account")),
        (settings.currency_symbol, _("The currency symbol")),
        (settings.pdf_font_path, _("The font file")),
    ):
        check_text(value, what)
    if settings.doc_language not in ("zh", "en"):
        raise InputError(_("The document language must be Chinese or English."))
    if settings.paper_size not in ("A4", "A5", "Letter"):
        raise InputError(_("The paper size must be A4, A5 or Letter."))
    data = dataclasses.asdict(settings)
    data["aging_edges"] = list(settings.aging_edges)
    with transaction():
        _put(_KEY, json.dumps(data, ensure_ascii=False))
    return settings


def _put(key: str, value: str) -> None:
    """Insert or replace one setting (an upsert both SQLite and PostgreSQL understand)."""
    Setting.insert(key=key, value=value).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: value}
    ).execute()
