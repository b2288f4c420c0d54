"""Settings' one Save: the company settings, the commission rules and the chasing
schedules are stored together, or, when any of them is refused, none of them."""

from __future__ import annotations

from models.ledger.chase_schedule import Schedules, save_schedules
from models.ledger.commission_rules import check_commission_rules, save_commission_rules
from models.ledger.settings import save_company
from models.storage.db import transaction
from models.vocabulary.commission_records import CommissionRules
from models.vocabulary.company_records import CompanySettings


def save_settings(
    company: CompanySettings,
    rules: CommissionRules,
    schedules: Schedules,
    *,
    version: int | None = None,
) -> CompanySettings:
    """Store all three in one transaction. `version` is the company settings' version
    when the form opened (`settings.company_version`): a save made since by someone else
    refuses the whole form (`ChangedMeanwhile`), nothing written."""
    check_commission_rules(rules)
    with transaction():
        saved = save_company(company, version=version)
        save_commission_rules(rules)
        save_schedules(schedules)
    return saved
