"""Whether a debtor is a company (单位) or a person, for the wording of an IOU note.

The ledger keeps no such field: a customer is taken for a company when its name says
so, as the business licence's name does ("有限公司", "集团", "Co., Ltd."). A shop run by
its owner (个体工商户: "…便利店", "…商行", "…批发部") is a person in law: its owner owes
the debt and signs "本人确认". A note that says "本单位/我司" makes the debt the company's
(a court has held so), so the word is used only where the name shows a company.
"""

from __future__ import annotations

import re

from models.vocabulary.customer_records import Customer

# Chinese company forms under the Company Law and the Partnership Enterprise Law, and the
# English abbreviations a licence's translated name uses.
_CHINESE = ("公司", "有限责任", "股份有限", "集团", "合伙企业", "合作社")
_ENGLISH = re.compile(
    r"\b(co\.?,?\s*ltd|ltd|limited|inc|corp(oration)?|company|llc|gmbh)\b\.?", re.I
)


def is_company_name(name: str) -> bool:
    """True when `name` is a company's (有限公司, 集团, Co., Ltd. …), not a person's."""
    return any(word in name for word in _CHINESE) or bool(_ENGLISH.search(name))


def is_company(customer: Customer) -> bool:
    """True when `customer` is a company: its IOU note reads "本单位确认" with a seal."""
    return is_company_name(customer.name)
