"""Who signs in and what each role may do: the vocabulary of people and roles.

A person is a sign-in of the office (a PostgreSQL login on a shared ledger, a row of
the `person` table on a ledger file with sign-in turned on); each has one role. What a
role may do is `ROLE_MAY`: models/ledger/users.py asks it (the window and the command
line ask there), and on PostgreSQL the database itself enforces the same table
(models/storage/pg_role_guards.py, models/storage/pg_people.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# A clerk may void an entry keyed at most this many days ago (by its created_at date,
# counted to today); an older one is the boss's to void.
CLERK_VOID_DAYS = 7


class Role(StrEnum):
    CLERK = "clerk"  # 文员: posts, promises, visits, calls, settles, prints, imports
    BOSS = "boss"  # 老板: everything
    VIEWER = "viewer"  # 查看: reviews, prints, exports


class Action(StrEnum):
    """Something only some roles may do."""

    POST = "post"  # deliveries, payments, returns, discounts, openings; voids within 7 days
    PROMISE = "promise"  # promises, visits, calls
    SETTLE = "settle"  # cheque statuses, settling a route day
    IMPORT = "import"
    EDIT_CUSTOMERS = "edit_customers"  # add customers, change their contact details
    WRITEOFF = "writeoff"
    VOID_OLD = "void_old"  # void an entry keyed more than CLERK_VOID_DAYS ago
    CREDIT_TERMS = "credit_terms"  # a customer's credit limit and terms
    REPS_ROUTES = "reps_routes"
    SETTINGS = "settings"  # the company's settings, letterhead, reminder wording
    PEOPLE = "people"
    PRINT = "print"  # also issues statement numbers
    EXPORT = "export"
    # Approve a delivery the credit stop refuses (over the limit, broken promises):
    # models/ledger/credit_stop.py. The boss's alone.
    CREDIT_OVERRIDE = "credit_override"


_CLERK = frozenset(
    {
        Action.POST,
        Action.PROMISE,
        Action.SETTLE,
        Action.IMPORT,
        Action.EDIT_CUSTOMERS,
        Action.PRINT,
        Action.EXPORT,
    }
)
ROLE_MAY: dict[Role, frozenset[Action]] = {
    Role.BOSS: frozenset(Action),
    Role.CLERK: _CLERK,
    Role.VIEWER: frozenset({Action.PRINT, Action.EXPORT}),
}


@dataclass(frozen=True)
class Person:
    """One sign-in: its exact name, its role (None: a login of the server that belongs
    to none of this ledger's roles) and whether it is disabled (cannot sign in)."""

    name: str
    role: Role | None
    disabled: bool = False
