"""Chasing schedules as the office sets them: one per customer group (the customer's
terms), the default for groups without their own. Stored in the settings table as JSON
under "chasing"; checked before they are saved, so a bad schedule is never stored.

The built-in default follows the field guide: three days before the due date a friendly
note (every visit reminds of the date, §二1, and §3(5) says to tell the customer ahead), on
the due date a call (§二9, §二4: collect on the agreed day), seven days late a visit with
the manager (§二7: hard debts, the leader comes along and gives the customer face).
"""

from __future__ import annotations

import json

from models.ledger import users
from models.ledger.reminder_templates import check_template
from models.ledger.settings import _put
from models.storage.db import transaction
from models.storage.tables import Setting
from models.vocabulary.chase_records import GROUP_KEYS, ChaseAction, ChaseStep, group_label
from models.vocabulary.errors import InputError
from models.vocabulary.i18n import _
from models.vocabulary.people_records import Action
from models.vocabulary.text_rules import check_text

_KEY = "chasing"
MAX_STEPS = 8
EARLIEST, LATEST = -30, 180  # days from the due date a step may fall on
MAX_TEXT = 500
CHASE_FIELDS = (
    "customer", "company", "amount", "balance", "due_date", "date", "how_to_pay",
    "bank_account", "contact",
)  # fmt: skip

DEFAULT_STEPS: tuple[ChaseStep, ...] = (
    ChaseStep(-3, ChaseAction.NOTE),
    ChaseStep(0, ChaseAction.CALL),
    ChaseStep(7, ChaseAction.VISIT),
)

Schedules = dict[str, tuple[ChaseStep, ...]]  # group key ("" = default) → its steps


def get_schedules() -> Schedules:
    """The stored schedules: always the default (key ""), and the groups that have
    their own."""
    row = Setting.get_or_none(Setting.key == _KEY)
    found: Schedules = {"": DEFAULT_STEPS}
    if row is None:
        return found
    for key, steps in json.loads(row.value).items():
        if key in GROUP_KEYS and steps:
            found[key] = tuple(ChaseStep(int(o), ChaseAction(a), str(t)) for o, a, t in steps)
    return found


def schedule_for(schedules: Schedules, terms_kind: str) -> tuple[ChaseStep, ...]:
    """The steps of a customer group: its own, or the default."""
    return schedules.get(terms_kind) or schedules[""]


def check_steps(steps: tuple[ChaseStep, ...], group: str = "") -> tuple[ChaseStep, ...]:
    """The steps if they make a schedule, else `InputError` naming the step and what to
    change: one to eight steps, each on a day from 30 before to 180 after the due date,
    each later than the one before it, the wording at most 500 characters with known
    placeholders."""
    where = group_label(group)
    if not steps:
        raise InputError(_("{group}: add at least one step.").format(group=where))
    if len(steps) > MAX_STEPS:
        raise InputError(
            _("{group}: a schedule has at most {n} steps; remove some.").format(
                group=where, n=MAX_STEPS
            )
        )
    for number, step in enumerate(steps, 1):
        if not EARLIEST <= step.offset <= LATEST:
            raise InputError(
                _(
                    "{group}, step {n}: the day must be from {first} (before the due date) "
                    "to {last} (after it)."
                ).format(group=where, n=number, first=EARLIEST, last=LATEST)
            )
        if number > 1 and step.offset <= steps[number - 2].offset:
            raise InputError(
                _(
                    "{group}, step {n} falls on day {day}, not after step {m} (day {before}): "
                    "each step must come later than the one above it."
                ).format(
                    group=where, n=number, day=step.offset, m=number - 1,
                    before=steps[number - 2].offset,
                )
            )  # fmt: skip
        ChaseAction(step.action)
        what = _("{group}, step {n}: the reminder").format(group=where, n=number)
        check_text(step.text, what, multiline=True)
        if len(step.text) > MAX_TEXT:
            raise InputError(
                _("{what} is too long: use at most {n} characters.").format(what=what, n=MAX_TEXT)
            )
        check_template(step.text, CHASE_FIELDS)
    return steps


def check_all(schedules: Schedules) -> Schedules:
    """The schedules worth storing, checked: the default one (required) and each group
    with steps of its own (a group without steps uses the default)."""
    if "" not in schedules:
        raise InputError(_("The default schedule is missing: add at least one step."))
    kept: Schedules = {}
    for key in GROUP_KEYS:
        steps = tuple(schedules.get(key, ()))
        if key and not steps:
            continue
        kept[key] = check_steps(steps, key)
    return kept


def save_schedules(schedules: Schedules) -> Schedules:
    """Check and store the schedules (`check_all`); the boss's, as all settings."""
    users.require(Action.SETTINGS)
    kept = check_all(schedules)
    data = {k: [[s.offset, s.action.value, s.text.strip()] for s in v] for k, v in kept.items()}
    with transaction():
        _put(_KEY, json.dumps(data, ensure_ascii=False))
    return get_schedules()
