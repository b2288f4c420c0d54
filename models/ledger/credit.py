"""The credit check before a delivery is saved (先小人后君子).

Over the limit, overdue beyond terms, or broken promises in the last 90 days: each gives
a warning the GUI shows before saving. Saving stays possible: the office decides.
"""

from __future__ import annotations

import datetime as dt

from models.ledger.aging import age_customer
from models.ledger.customers import get_customer
from models.ledger.ledger import balance
from models.ledger.promises import broken_counts, open_promised
from models.ledger.settings import get_company
from models.vocabulary import clock
from models.vocabulary.aging_records import CreditWarning, WarningKind
from models.vocabulary.customer_records import CustomerId
from models.vocabulary.entry_records import Owed
from models.vocabulary.i18n import _
from models.vocabulary.money import Fen, format_money

BROKEN_WINDOW_DAYS = 90


def check_delivery(
    customer_id: CustomerId, amount: Fen, on: dt.date | None = None
) -> list[CreditWarning]:
    """Warnings for delivering `amount` more to the customer on `on` (default today)."""
    on = on or clock.today()
    customer = get_customer(customer_id)
    aging = age_customer(customer_id, on)
    symbol = get_company().currency_symbol
    warnings: list[CreditWarning] = []
    if customer.archived:
        warnings.append(CreditWarning(WarningKind.ARCHIVED, _("This customer is archived.")))
    limit = customer.credit_limit
    if limit is not None and aging.balance + amount > limit:
        warnings.append(over_limit(aging.balance + amount, limit, symbol))
    if aging.overdue > 0:
        warnings.append(
            CreditWarning(
                WarningKind.OVERDUE,
                _("{amount} is overdue under the customer's terms ({terms}).").format(
                    amount=format_money(aging.overdue, symbol), terms=customer.terms.label
                ),
            )
        )
    broken = broken_in_window(customer_id, on)
    if broken:
        warnings.append(broken_promises(broken))
    return warnings


def over_limit(after: Fen, limit: Fen, symbol: str) -> CreditWarning:
    """The balance `after` a delivery is above the credit `limit`."""
    return CreditWarning(
        WarningKind.OVER_LIMIT,
        # The excess and the limit, each named: "over the limit ¥10,000.00" read as
        # "over by ¥10,000.00".
        _(
            "This delivery takes the balance to {after}: {excess} over the credit limit of {limit}."
        ).format(
            after=format_money(after, symbol),
            excess=format_money(after - limit, symbol),
            limit=format_money(limit, symbol),
        ),
    )


def broken_in_window(customer_id: CustomerId, on: dt.date) -> int:
    """Promises the customer broke in the `BROKEN_WINDOW_DAYS` days before `on`."""
    since = on - dt.timedelta(days=BROKEN_WINDOW_DAYS)
    return broken_counts(since, customer_id).get(customer_id, 0)


def broken_promises(broken: int) -> CreditWarning:
    return CreditWarning(
        WarningKind.BROKEN_PROMISES,
        _("The customer broke {n} promise(s) to pay in the last 90 days.").format(n=broken),
    )


def owed(customer_id: CustomerId) -> Owed:
    """The balance today (with anything dated later) and what open promises cover."""
    return Owed(balance(customer_id, _latest(None)), open_promised(customer_id))


def _latest(on: dt.date | None) -> dt.date:
    """Money posted for a date counts against the balance with every entry up to then, and
    never less than today's: a payment backdated a week still meets today's deliveries."""
    today = clock.today()
    return max(on, today) if on else today


def check_credit_note(
    customer_id: CustomerId, amount: Fen, on: dt.date | None = None
) -> CreditWarning | None:
    """A payment, return, discount or write-off of `amount` that is more than the customer
    owes: says by how much, and that the rest becomes the customer's credit (预收)."""
    owing = balance(customer_id, _latest(on))
    excess = amount - max(owing, 0)
    if excess <= 0:
        return None
    symbol = get_company().currency_symbol
    if owing <= 0:
        text = _(
            "The customer owes nothing now: all {amount} becomes the customer's credit (in credit)."
        ).format(amount=format_money(amount, symbol))
    else:
        text = _(
            "This is {excess} more than the {owed} owed: the rest, {excess}, becomes the "
            "customer's credit (in credit)."
        ).format(excess=format_money(excess, symbol), owed=format_money(owing, symbol))
    return CreditWarning(WarningKind.OVERPAID, text)
