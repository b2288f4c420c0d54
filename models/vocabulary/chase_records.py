"""The chasing records: a schedule of steps relative to a debt's due date (3 days before:
a friendly note; the due day: a call; 7 days late: a visit with the manager, as the field
guide advises §二7, §二9), and where a customer stands on it.

A schedule belongs to a customer group; the group is the customer's terms (现款, 压批,
N days, 月结): the steps count from the due date, and the terms are what set it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from models.vocabulary.customer_records import Customer, Terms, TermsKind
from models.vocabulary.i18n import _
from models.vocabulary.money import Fen


class ChaseAction(StrEnum):
    NOTE = "note"  # a message (WeChat, SMS): the reminder text is sent as it is
    CALL = "call"  # a phone call: the reminder text is what the clerk says
    VISIT = "visit"  # a visit, with the manager for a hard case (§二7)

    @property
    def label(self) -> str:
        return _(_ACTION_LABELS[self])


_ACTION_LABELS = {
    ChaseAction.NOTE: "Send a note",
    ChaseAction.CALL: "Phone call",
    ChaseAction.VISIT: "Visit",
}


@dataclass(frozen=True)
class ChaseStep:
    """One step: `offset` days from the due date (negative: before it), what to do, and
    the reminder wording (blank: the built-in wording of the action)."""

    offset: int
    action: ChaseAction
    text: str = ""


# Where a group has no schedule of its own, the default one applies (key "").
GROUP_KEYS: tuple[str, ...] = ("",) + tuple(k.value for k in TermsKind)


def group_label(key: str) -> str:
    """The name of a customer group (a terms kind), or of the default schedule."""
    if not key:
        return _("All customers (default)")
    kind = TermsKind(key)
    return _("N days") if kind is TermsKind.DAYS else Terms(kind).label


@dataclass(frozen=True)
class ChasePosition:
    """Where a debt stands on its schedule on a day. `index` is the current step's number
    (1 = the first; 0: no step has come yet) and `day` the day it fell on; a live promise
    pauses the schedule (`paused_until` its date: nothing is shown until then)."""

    index: int
    day: dt.date | None
    paused_until: dt.date | None = None


@dataclass(frozen=True)
class ChaseLine:
    """A customer's current step, for Today and the call list."""

    customer: Customer
    step_no: int  # 1-based
    steps: int  # how many steps the schedule has
    step: ChaseStep
    day: dt.date  # the day the step fell on
    due_on: dt.date  # the due date the schedule counts from (the oldest open debt's)
    amount: Fen  # what is due by then (or overdue by now)
    balance: Fen
    done: bool  # recorded as done, or a visit since its day
    text: str  # the reminder, in the document language
