"""The standard collection measures: DSO by the countback method, CEI and ADD.

Pure functions of amounts in fen; no database. Results are `Decimal` rounded half up to
one place (days) or one place of a percent, never float: they are shown and printed,
and the screen and the paper must agree to the last digit.

- DSO (days sales outstanding), countback: walk back day by day from the as-of date,
  taking each day's credit sales (deliveries) off the receivables until they are used
  up; DSO is the number of days walked (the last one in part). When the window's sales
  do not cover the receivables, the rest counts at the window's average daily sales.
- Best possible DSO: the same countback over what is not yet due.
- ADD (average days delinquent) = DSO − best possible DSO: how many days, on average,
  customers pay later than their terms allow.
- CEI (collection effectiveness index) for a period, in percent:
  (opening receivables + credit sales − closing receivables)
  / (opening receivables + credit sales − closing current receivables) × 100.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from models.vocabulary.i18n import _
from models.vocabulary.money import Fen

ONE_PLACE = Decimal("0.1")


def _decimal(value: Fraction) -> Decimal:
    """An exact fraction as a decimal with one place, rounded half up."""
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        ONE_PLACE, rounding=ROUND_HALF_UP
    )


def countback_days(receivables: Fen, sales_newest_first: Sequence[Fen]) -> Decimal | None:
    """Days of sales, counted back from the newest day, that the receivables equal.

    `sales_newest_first[0]` is the as-of day's credit sales, `[1]` the day before, and
    so on over the window. Nothing owed: 0 days. Something owed but no sales in the
    window: None (the measure says nothing then).
    """
    if receivables <= 0:
        return Decimal("0.0")
    remaining = receivables
    for days, sales in enumerate(sales_newest_first):
        if sales > 0 and remaining <= sales:
            return _decimal(days + Fraction(remaining, sales))
        remaining -= max(sales, 0)
    window, total = len(sales_newest_first), sum(max(s, 0) for s in sales_newest_first)
    if total <= 0:
        return None
    # Beyond the window: the rest at the window's average daily sales (total / window).
    return _decimal(window + Fraction(remaining * window, total))


def average_days_delinquent(dso: Decimal | None, best_dso: Decimal | None) -> Decimal | None:
    """ADD = DSO − best possible DSO (None when either is unknown)."""
    if dso is None or best_dso is None:
        return None
    return max(dso - best_dso, Decimal("0.0"))


def collection_effectiveness(
    opening: Fen, sales: Fen, closing: Fen, closing_current: Fen
) -> Decimal | None:
    """CEI in percent for a period (None when there was nothing to collect)."""
    collectible = opening + sales - closing_current
    if collectible <= 0:
        return None
    return _decimal(Fraction(100 * (opening + sales - closing), collectible))


def percent(part: int, whole: int) -> Decimal | None:
    """`part` of `whole` in percent with one place (None when `whole` is not positive):
    the keep rate of promises, the share of receivables over 60 days."""
    if whole <= 0:
        return None
    return _decimal(Fraction(100 * part, whole))


def measure_name(key: str) -> str:
    """The short name of a measure: "dso", "best_dso", "add" or "cei"."""
    names = {
        "dso": _("DSO"),
        "best_dso": _("Best possible DSO"),
        "add": _("ADD"),
        "cei": _("CEI"),
    }
    return names[key]


def measure_help(key: str) -> str:
    """A one-line explanation of a measure, for a tooltip or under the figure on paper."""
    texts = {
        "dso": _(
            "Days sales outstanding: how many days of the latest deliveries (counted back "
            "over 90 days) the receivables equal."
        ),
        "best_dso": _(
            "The same countback over what is not yet due: the DSO if every customer paid on time."
        ),
        "add": _(
            "Average days delinquent: DSO less the best possible DSO, how many days customers "
            "pay later than their terms."
        ),
        "cei": _(
            "Collection effectiveness index: of what could be collected this month, the share "
            "that was (100 % is perfect)."
        ),
    }
    return texts[key]
