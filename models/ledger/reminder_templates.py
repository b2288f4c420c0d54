"""The placeholders a reminder template may use, and the check Settings runs before a
template is saved. Apart from `models.collecting.reminders` (which fills the templates in) so that
the settings can check a template without importing what reads the settings."""

from __future__ import annotations

import string

from models.vocabulary.company_records import CompanySettings
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _

PROMISE_FIELDS = (
    "customer", "company", "amount", "pay", "date", "time", "how_to_pay", "bank_account",
    "contact",
)  # fmt: skip
OVERDUE_FIELDS = (
    "customer", "company", "amount", "balance", "date", "how_to_pay", "bank_account",
    "contact",
)  # fmt: skip


def check_template(text: str, fields: tuple[str, ...]) -> str:
    """The template if every ``{placeholder}`` is one of `fields` and braces pair up;
    otherwise `InputError` saying which placeholder is wrong."""
    try:
        names = [name for _lit, name, _spec, _conv in string.Formatter().parse(text)]
    except ValueError:
        raise InputError(
            _("A reminder template has a brace without its pair: check the braces.")
        ) from None
    for name in names:
        if name is not None and name not in fields:
            raise InputError(
                _("A reminder template uses {{{name}}}, which is not known: use {fields}.").format(
                    name=name or "", fields=", ".join(f"{{{f}}}" for f in fields)
                )
            )
    return text


def check_templates(company: CompanySettings) -> None:
    """Both templates of the settings, checked before they are saved."""
    check_template(company.reminder_promise, PROMISE_FIELDS)
    check_template(company.reminder_overdue, OVERDUE_FIELDS)
