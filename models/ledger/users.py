"""People and roles: who is signed in, what their role may do, and the boss's changes
to people. The window and the command line ask here; neither holds a rule.

- `may(action)` is the one question of what the signed-in person may do (the window
  hides or disables what it answers False); `require(action)` refuses with a sentence.
- One function per change to people (`add_person`, `set_person_role`,
  `disable_person`, `turn_on_sign_in`), each one transaction, so each can be audited
  by one call.

On a shared PostgreSQL ledger a person is a login of the server and the database
enforces the same rules (models/storage/pg_role_guards.py): these checks only say it
first, in a sentence. On a ledger file sign-in is optional (`turn_on_sign_in`); it then
guards against mistakes, not against someone who copies the file.
"""

from __future__ import annotations

import datetime as dt

from models.ledger import audit
from models.storage import file_people, pg_people, session
from models.storage.db import is_postgres, transaction
from models.storage.tables import database
from models.vocabulary import clock
from models.vocabulary.errors import InputError, NotAllowed, NotFound
from models.vocabulary.i18n import _
from models.vocabulary.people_records import CLERK_VOID_DAYS, ROLE_MAY, Action, Person, Role

MIN_PASSWORD = 8
MAX_NAME = 60  # entered_by's width (and under PostgreSQL's 63 bytes for a login)
_NOT_IN_NAMES = set("@:/?#%'\"\\ ")


def role_label(role: Role | None) -> str:
    """The role as a user reads it."""
    if role is None:
        return _("no role")
    return {Role.BOSS: _("boss"), Role.CLERK: _("clerk"), Role.VIEWER: _("viewer")}[role]


def current_role() -> Role | None:
    """The signed-in person's role; BOSS where nobody signs in (a ledger file without
    sign-in: every right, as before); None for a login without a role here, or before
    anyone signed in to a ledger file that asks."""
    who = session.signed_in()
    return Role.BOSS if who is None else who.role


def signed_in_name() -> str:
    """Who is signed in ('' where nobody signs in, or nobody has yet)."""
    who = session.signed_in()
    return who.name if who is not None else ""


def may(action: Action) -> bool:
    """Whether the signed-in person's role may do `action`."""
    role = current_role()
    return role is not None and action in ROLE_MAY[role]


def _refusals() -> dict[Action, str]:
    return {
        Action.POST: _("post or void entries"),
        Action.PROMISE: _("record promises, visits or calls"),
        Action.SETTLE: _("settle cheques or route days"),
        Action.IMPORT: _("import"),
        Action.EDIT_CUSTOMERS: _("add or change customers"),
        Action.WRITEOFF: _("write off a debt"),
        Action.VOID_OLD: _("void an entry keyed more than {days} days ago").format(
            days=CLERK_VOID_DAYS
        ),
        Action.CREDIT_TERMS: _("change a customer's credit limit or terms"),
        Action.REPS_ROUTES: _("change reps or routes"),
        Action.SETTINGS: _("change the settings"),
        Action.PEOPLE: _("add or change people"),
        Action.PRINT: _("print"),
        Action.EXPORT: _("export"),
        Action.CREDIT_OVERRIDE: _("approve a delivery the credit stop refuses"),
    }


def refusal(action: Action) -> NotAllowed:
    """The sentence for a person whose role may not do `action`."""
    role = current_role()
    if role is None and not signed_in_name():
        return NotAllowed(
            _("Sign in first: this ledger asks who you are before anything is changed.")
        )
    return NotAllowed(
        _(
            "Signed in as ‘{name}’ ({role}), you may not {what}: ask the boss. Nothing was changed."
        ).format(name=signed_in_name(), role=role_label(role), what=_refusals()[action])
    )


def require(action: Action) -> None:
    """Refuse (`NotAllowed`) unless the signed-in person may do `action`."""
    if not may(action):
        raise refusal(action)


def require_void(created_at: dt.datetime) -> None:
    """A void: POST; of an entry keyed more than `CLERK_VOID_DAYS` days before today
    (by its created_at date), VOID_OLD as well."""
    require(Action.POST)
    if (clock.today() - created_at.date()).days > CLERK_VOID_DAYS:
        require(Action.VOID_OLD)


# --- people ---------------------------------------------------------------------------


def check_name(name: str) -> str:
    """A person's name as the sign-in uses it: exact, so no spaces around it."""
    if not name or name != name.strip():
        raise InputError(_("Give the person's name without spaces before or after it."))
    if len(name) > MAX_NAME or len(name.encode()) > 63:
        raise InputError(_("The name is too long: use at most 60 characters."))
    if any(c in _NOT_IN_NAMES or not c.isprintable() for c in name) or name.startswith("pg_"):
        raise InputError(
            _(
                "‘{name}’ cannot be a sign-in name: use letters, digits, ‘_’, ‘-’ or ‘.’ "
                "(no spaces, and not starting with ‘pg_’)."
            ).format(name=name)
        )
    return name


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InputError(
            _("The password is too short: use at least {n} characters.").format(n=MIN_PASSWORD)
        )
    if not password.isprintable():
        raise InputError(_("The password holds a character that cannot be typed."))
    return password


def _role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError as err:
        raise InputError(
            _("There is no role ‘{role}’: choose clerk, boss or viewer.").format(role=role)
        ) from err


def people() -> list[Person]:
    """Everyone who may sign in to the open ledger (and who was disabled), by name."""
    if is_postgres():
        return pg_people.people(database.obj)
    return file_people.people()


def _find(name: str) -> Person:
    for person in people():
        if person.name == name:
            return person
    raise NotFound(_("There is no person named ‘{name}’ in this ledger.").format(name=name))


def add_person(name: str, role: Role | str, password: str) -> Person:
    """Add a person who signs in with `password` (boss only). On a ledger file that
    does not ask anyone to sign in yet, the first person must be a boss: adding them
    turns sign-in on (`turn_on_sign_in`)."""
    require(Action.PEOPLE)
    name, role = check_name(name), _role(role)
    first = not is_postgres() and not file_people.sign_in_required()
    if first and role is not Role.BOSS:
        raise InputError(
            _(
                "This ledger file does not ask anyone to sign in yet: add a boss first, "
                "which turns sign-in on."
            )
        )
    check_password(password)
    if first:
        return turn_on_sign_in(name, password)
    with transaction():
        if is_postgres():
            pg_people.add(database.obj, name, role, password)
        else:
            if file_people.find(name) is not None:
                raise InputError(_("There is already a person named ‘{name}’.").format(name=name))
            file_people.add(name, role, password)
        audit.record("person.add", name, after={"role": role.value})
    return _find(name)


def set_person_role(name: str, role: Role | str) -> Person:
    """Give a person another role (boss only); the ledger keeps at least one boss."""
    require(Action.PEOPLE)
    role = _role(role)
    person = _find(name)
    with transaction():
        if is_postgres():
            pg_people.set_role(database.obj, name, role)
        else:
            if person.role is Role.BOSS and role is not Role.BOSS:
                _keep_a_boss(name)
            file_people.set_role(name, role)
        audit.record(
            "person.role", name, before={"role": person.role.value}, after={"role": role.value}
        )
    return _find(name)


def disable_person(name: str) -> Person:
    """Disable a person (boss only): they can no longer sign in. Not oneself."""
    require(Action.PEOPLE)
    _find(name)
    if name == signed_in_name():
        raise InputError(_("You cannot disable yourself: ask another boss."))
    with transaction():
        if is_postgres():
            pg_people.disable(database.obj, name)
        else:
            _keep_a_boss(name)
            file_people.disable(name)
        audit.record("person.disable", name, before={"disabled": False}, after={"disabled": True})
    return _find(name)


def _keep_a_boss(leaving: str) -> None:
    if not any(
        p.role is Role.BOSS and not p.disabled and p.name != leaving for p in file_people.people()
    ):
        raise InputError(_("The ledger would have no boss left: make someone else boss first."))


# --- signing in to a ledger file ------------------------------------------------------


def sign_in_required() -> bool:
    """True when the open ledger file asks who is at the keyboard (never PostgreSQL:
    the server's login signed in already)."""
    return not is_postgres() and file_people.sign_in_required()


def sign_in(name: str, password: str) -> Person:
    """Sign in to the open ledger file; refused (the same sentence whatever was wrong)
    for an unknown name, a wrong password or a disabled person."""
    person = file_people.check_password(name, password)
    if person is None:
        raise NotAllowed(
            _("The name or the password is wrong, or the person was disabled: try again.")
        )
    session.set_signed_in(session.SignedIn(person.name, person.role))
    return person


def turn_on_sign_in(boss: str, password: str) -> Person:
    """Turn sign-in on for the open ledger file, with `boss` as its first person
    (the one signed in from now on). Guards against mistakes, not against someone who
    copies the file."""
    if is_postgres():
        raise InputError(
            _("A shared ledger signs people in with the server's logins: use ‘users add’.")
        )
    require(Action.PEOPLE)
    check_name(boss)
    check_password(password)
    with transaction():
        if file_people.find(boss) is None:
            file_people.add(boss, Role.BOSS, password)
            audit.record("person.add", boss, after={"role": Role.BOSS.value})
        file_people.set_sign_in(True)
    return sign_in(boss, password)
