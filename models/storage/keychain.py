"""Shared-ledger passwords in the system keychain: Windows Credential Manager, the macOS
Keychain, the Secret Service on Linux (GNOME Keyring, KWallet), through `keyring`.

Nothing else in Qingkuan keeps a password: settings and the remembered ledger hold the
address without it (models/storage/targets.py). A computer with no keychain Qingkuan can
use (a Linux desktop without a Secret Service) gets `available() == False`: the window
says so and asks for the password each time; libpq's PGPASSWORD and ~/.pgpass still work.

One entry per user, server, port and database, under the service "Qingkuan", named
``user@host:port/dbname`` (what the keychain's own window shows). `keyring` is imported
only when a shared ledger needs it: a ledger file never pays for it.
"""

from __future__ import annotations

import logging

from models.storage.targets import (
    is_postgres_url,
    parse_postgres_url,
    remember_secret,
    with_password,
)

log = logging.getLogger(__name__)

SERVICE = "Qingkuan"
_DEFAULT_PORT = 5432


def account(url: str) -> str:
    """The keychain entry's name for a shared ledger: ``user@host:port/dbname``."""
    address = parse_postgres_url(url)
    host = address.host or "localhost"
    return f"{address.user or ''}@{host}:{address.port or _DEFAULT_PORT}/{address.dbname}"


def _keyring():  # noqa: ANN202 - the keyring module, imported when first needed
    import keyring

    return keyring


def available() -> bool:
    """Whether this computer has a keychain to keep passwords in."""
    try:
        backend = _keyring().get_keyring()
        return float(type(backend).priority) > 0  # fail/null backends: 0 and below
    except Exception as err:  # noqa: BLE001 - a broken keychain is no keychain
        log.warning("no usable keychain: %s", type(err).__name__)
        return False


def saved_password(url: str) -> str | None:
    """The password kept for `url`'s user, server and database, or None (no entry, or
    no keychain)."""
    if not is_postgres_url(url) or not available():
        return None
    try:
        password = _keyring().get_password(SERVICE, account(url))
    except Exception as err:  # noqa: BLE001 - e.g. a locked keychain the user did not open
        log.warning("cannot read the keychain: %s", type(err).__name__)
        return None
    if password:
        remember_secret(with_password(url, password))  # scrubbed wherever it might show
    return password or None


def remember_password(url: str, password: str) -> bool:
    """Keep `password` for `url` in the keychain; False when there is no usable one."""
    if not available():
        return False
    remember_secret(with_password(url, password))
    try:
        _keyring().set_password(SERVICE, account(url), password)
    except Exception as err:  # noqa: BLE001 - reported to the user as "not remembered"
        log.warning("cannot write to the keychain: %s", type(err).__name__)
        return False
    return True


def forget_password(url: str) -> None:
    """Take `url`'s entry out of the keychain (nothing happens when there is none)."""
    if not available():
        return
    keyring = _keyring()
    try:
        keyring.delete_password(SERVICE, account(url))
    except keyring.errors.PasswordDeleteError:
        return  # there was none
    except Exception as err:  # noqa: BLE001 - the entry stays; the log says why
        log.warning("cannot delete from the keychain: %s", type(err).__name__)
