"""The collection commission's rules as the office set them in Settings, kept in the
settings table under their own key (so the company settings' record stays as it is)."""

from __future__ import annotations

import json
import re

from models.ledger import users
from models.ledger.settings import put_setting
from models.storage.tables import Setting
from models.vocabulary.commission_records import MAX_RATE_BP, CommissionRules
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _
from models.vocabulary.people_records import Action

_KEY = "commission"


def get_commission_rules() -> CommissionRules:
    """The rules stored in this ledger (the defaults until Settings saves some)."""
    row = Setting.get_or_none(Setting.key == _KEY)
    if row is None:
        return CommissionRules()
    data = json.loads(row.value)
    default = CommissionRules()
    try:
        return check_commission_rules(
            CommissionRules(
                edges=tuple(int(e) for e in data.get("edges", default.edges)),
                rates_bp=tuple(int(r) for r in data.get("rates_bp", default.rates_bp)),
                deduct_tail_cuts=bool(data.get("deduct_tail_cuts", default.deduct_tail_cuts)),
                deduct_writeoffs=bool(data.get("deduct_writeoffs", default.deduct_writeoffs)),
            )
        )
    except (InputError, TypeError, ValueError):
        return default  # damaged by hand: the defaults, until Settings saves again


def check_commission_rules(rules: CommissionRules) -> CommissionRules:
    """Edges: one to five whole days, increasing, each at least 1; one rate more than
    edges, each from 0 to 10,000 basis points (100 %)."""
    edges, rates = rules.edges, rules.rates_bp
    if not 1 <= len(edges) <= 5:
        raise InputError(_("Give between one and five commission age edges, such as 30, 90."))
    if any(e < 1 for e in edges) or any(b <= a for a, b in zip(edges, edges[1:], strict=False)):
        raise InputError(
            _("Commission age edges must be whole days that increase, such as 30, 90.")
        )
    if len(rates) != len(edges) + 1:
        raise InputError(
            _("Give one commission rate for each age band: {n} rates for {e} edges.").format(
                n=len(edges) + 1, e=len(edges)
            )
        )
    if any(isinstance(r, bool) or not 0 <= r <= MAX_RATE_BP for r in rates):
        raise InputError(_("A commission rate must be from 0 to 100 %."))
    return rules


def save_commission_rules(rules: CommissionRules) -> CommissionRules:
    """Check and store the commission rules (the boss's, as all settings)."""
    users.require(Action.SETTINGS)
    check_commission_rules(rules)
    data = {
        "edges": list(rules.edges),
        "rates_bp": list(rules.rates_bp),
        "deduct_tail_cuts": rules.deduct_tail_cuts,
        "deduct_writeoffs": rules.deduct_writeoffs,
    }
    put_setting(_KEY, json.dumps(data))
    return rules


_PERCENT = re.compile(r"^(\d{1,3})(?:\.(\d{1,2}))?%?$")


def parse_rates(text: str) -> tuple[int, ...]:
    """Rates typed as percents with up to two decimals, separated by commas
    (``1.0, 0.5, 0.2``), as basis points (100, 50, 20)."""
    parts = [p for p in re.split(r"[,，\s]+", text.strip()) if p]
    rates = []
    for part in parts:
        found = _PERCENT.match(part)
        if not found:
            raise InputError(
                _(
                    "Type the commission rates as percents separated by commas, such as "
                    "1.0, 0.5, 0.2 (‘{text}’ is not one)."
                ).format(text=part)
            )
        rates.append(int(found[1]) * 100 + int((found[2] or "0").ljust(2, "0")))
    if not rates:
        raise InputError(_("Type the commission rates, such as 1.0, 0.5, 0.2."))
    return tuple(rates)


def parse_edges(text: str) -> tuple[int, ...]:
    """Age edges typed as whole days separated by commas (``30, 90``)."""
    parts = [p for p in re.split(r"[,，\s]+", text.strip()) if p]
    if not parts or not all(p.isdigit() and len(p) <= 5 for p in parts):
        raise InputError(
            _("Type the commission age edges as whole days separated by commas, such as 30, 90.")
        )
    return tuple(int(p) for p in parts)


def rates_text(rates_bp: tuple[int, ...]) -> str:
    """Basis points as the percents Settings shows: (100, 50, 20) → ``1.0, 0.5, 0.2``."""
    shown = []
    for bp in rates_bp:
        whole, rest = divmod(bp, 100)
        shown.append(f"{whole}.{rest:02d}".rstrip("0").rstrip(".") if rest else f"{whole}.0")
    return ", ".join(shown)
