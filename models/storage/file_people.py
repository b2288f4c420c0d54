"""A ledger file's people: sign-in with a name and a password, when it is turned on.

The people live in the ledger's `person` table with scrypt hashes of their passwords
(never the password); the setting ``sign_in`` turns sign-in on. It guards against
mistakes (a clerk writing off a debt by accident, a viewer posting), not against
someone who copies the file: whoever has the file can read it and change it with any
SQLite tool. On a shared PostgreSQL ledger the server's logins do this instead
(models/storage/pg_people.py).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from models.storage.tables import PersonRow, Setting
from models.vocabulary import clock
from models.vocabulary.people_records import Person, Role

SIGN_IN_KEY = "sign_in"
# scrypt's cost: about 50 ms here, far too slow to guess many passwords per second.
_N, _R, _P = 2**14, 8, 1


def hash_password(password: str) -> str:
    """``scrypt$N$r$p$salt$hash`` (base64), salted afresh each time."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    parts = [base64.b64encode(x).decode("ascii") for x in (salt, digest)]
    return f"scrypt${_N}${_R}${_P}${parts[0]}${parts[1]}"


def password_matches(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        found = hashlib.scrypt(
            password.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=32,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(found, base64.b64decode(digest))


def sign_in_required() -> bool:
    """True when the open ledger file asks who is at the keyboard."""
    row = Setting.get_or_none(Setting.key == SIGN_IN_KEY)
    return row is not None and row.value == "1"


def set_sign_in(on: bool) -> None:
    """Turn sign-in on or off; the caller holds the transaction."""
    value = "1" if on else "0"
    Setting.insert(key=SIGN_IN_KEY, value=value).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: value}
    ).execute()


def _person(row: PersonRow) -> Person:
    return Person(row.name, Role(row.role), bool(row.disabled))


def people() -> list[Person]:
    return [_person(row) for row in PersonRow.select().order_by(PersonRow.name)]


def find(name: str) -> Person | None:
    row = PersonRow.get_or_none(PersonRow.name == name)
    return _person(row) if row else None


def add(name: str, role: Role, password: str) -> None:
    """Add a person; the caller holds the transaction and checked the name is free."""
    PersonRow.create(
        name=name, role=role.value, password_hash=hash_password(password), created_at=clock.now()
    )


def set_role(name: str, role: Role) -> None:
    PersonRow.update(role=role.value).where(PersonRow.name == name).execute()


def disable(name: str) -> None:
    PersonRow.update(disabled=True).where(PersonRow.name == name).execute()


def check_password(name: str, password: str) -> Person | None:
    """The person, when `name` is one, is not disabled and `password` is theirs."""
    row = PersonRow.get_or_none(PersonRow.name == name)
    if row is None:
        hash_password(password)  # as slow as a wrong password: names are not revealed
        return None
    if row.disabled or not password_matches(password, row.password_hash):
        return None
    return _person(row)
