"""A shared ledger's password in the system keychain, and which password wins: the
address's, else the keychain's, else PGPASSWORD, else ~/.pgpass (issue 22, connecting)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from models.storage import db, keychain, paths
from models.vocabulary.errors import PasswordNeeded
from tests.conftest import RUN_PG_DB, MemoryKeyring, postgres_or_skip
from tests.pg_roles import make_role, superuser_sql, url_for

__all__ = ["make_role"]  # the fixture, used by name

URL = "postgresql://clerk1@office-server/qingkuan?sslmode=require"


def test_remembered_read_back_and_forgotten(memory_keyring: MemoryKeyring) -> None:
    assert keychain.available()
    assert keychain.saved_password(URL) is None
    assert keychain.remember_password(URL, "Tea-and-Rice-42")
    assert memory_keyring.entries == {
        ("Qingkuan", "clerk1@office-server:5432/qingkuan"): "Tea-and-Rice-42"
    }
    # The same user, server and database, however the address is written.
    assert keychain.saved_password("postgresql://clerk1@office-server:5432/qingkuan") == (
        "Tea-and-Rice-42"
    )
    # Another user, database or port is another entry.
    assert keychain.saved_password("postgresql://clerk2@office-server/qingkuan") is None
    assert keychain.saved_password("postgresql://clerk1@office-server/other") is None
    assert keychain.saved_password("postgresql://clerk1@office-server:5433/qingkuan") is None
    keychain.forget_password(URL)
    assert keychain.saved_password(URL) is None
    keychain.forget_password(URL)  # nothing left to forget: no error
    assert memory_keyring.entries == {}


def test_the_remembered_ledger_keeps_no_password(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    keychain.remember_password(URL, "Tea-and-Rice-42")
    paths.remember_ledger(URL.replace("clerk1@", "clerk1:Tea-and-Rice-42@"), tmp_path)
    kept = (tmp_path / paths.CURRENT_FILE_NAME).read_text(encoding="utf-8")
    assert kept == URL + "\n"
    assert "Tea-and-Rice-42" not in "".join(
        p.read_text(encoding="utf-8") for p in tmp_path.rglob("*") if p.is_file()
    )


def test_without_a_usable_keychain_nothing_is_kept_and_nothing_fails() -> None:
    # The tests' own setting: keyring's "null" backend, as on a Linux desktop without
    # a Secret Service (keyring then has only its "fail" backend, priority 0).
    assert not keychain.available()
    assert not keychain.remember_password(URL, "Tea-and-Rice-42")
    assert keychain.saved_password(URL) is None
    keychain.forget_password(URL)


def test_a_broken_keychain_is_no_keychain(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def locked(*args: object) -> None:
        raise RuntimeError("the keychain is locked")

    monkeypatch.setattr(memory_keyring, "get_password", locked)
    monkeypatch.setattr(memory_keyring, "set_password", locked)
    assert keychain.saved_password(URL) is None
    assert not keychain.remember_password(URL, "Tea-and-Rice-42")
    assert "Tea-and-Rice-42" not in caplog.text
    assert "cannot write to the keychain: RuntimeError" in caplog.text


# --- which password wins, against the real server ---------------------------------


@pytest.fixture
def clerk(
    make_role: Callable[..., tuple[str, str]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> tuple[str, str, str]:
    """(address without a password, the role, its password) on a Qingkuan ledger; no
    PGPASSWORD and an empty ~/.pgpass to start with."""
    url = postgres_or_skip()
    db.open_ledger(url)
    db.close_ledger()
    role, password = make_role("qk_keychain")
    superuser_sql(
        f"GRANT USAGE ON SCHEMA public TO {role}; "
        f"GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO {role}",
        RUN_PG_DB,
    )
    monkeypatch.delenv("PGPASSWORD", raising=False)
    pgpass = tmp_path / "pgpass"
    pgpass.write_text("", encoding="utf-8")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    address = url_for(role, password, RUN_PG_DB).replace(f":{password}@", "@")
    return address, role, password


def _opens(address: str) -> bool:
    try:
        db.open_ledger(address, create=False, upgrade=False)
    except PasswordNeeded:
        return False
    db.close_ledger()
    return True


def test_the_keychain_wins_over_pgpassword(
    clerk: tuple[str, str, str], memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    address, _role, password = clerk
    assert not _opens(address)  # no password anywhere
    keychain.remember_password(address, password)
    monkeypatch.setenv("PGPASSWORD", "not-the-password")
    assert _opens(address)
    # A stale keychain entry is said to be the keychain's, even with PGPASSWORD right.
    keychain.remember_password(address, "an-old-password")
    monkeypatch.setenv("PGPASSWORD", password)
    with pytest.raises(PasswordNeeded) as caught:
        db.open_ledger(address, create=False, upgrade=False)
    assert str(caught.value).startswith("The password kept in this computer's keychain for ")
    # The address's own password wins over both.
    assert _opens(url_for(clerk[1], password, RUN_PG_DB))


def test_without_a_keychain_entry_libpq_finds_it(
    clerk: tuple[str, str, str],
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    address, role, password = clerk
    monkeypatch.setenv("PGPASSWORD", password)
    assert _opens(address)
    monkeypatch.delenv("PGPASSWORD")
    (tmp_path / "pgpass").write_text(f"localhost:5432:{RUN_PG_DB}:{role}:{password}\n")
    assert _opens(address)
    # libpq's own order: PGPASSWORD before ~/.pgpass.
    monkeypatch.setenv("PGPASSWORD", "not-the-password")
    assert not _opens(address)


def test_no_password_reaches_a_message_or_the_log(
    clerk: tuple[str, str, str],
    memory_keyring: MemoryKeyring,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    address, role, password = clerk
    caplog.set_level(logging.DEBUG)
    keychain.remember_password(address, password[::-1])  # a wrong one, from the keychain
    with pytest.raises(PasswordNeeded) as from_keychain:
        db.open_ledger(address, create=False, upgrade=False)
    with pytest.raises(PasswordNeeded) as typed:
        db.open_ledger(url_for(role, password[::-1], RUN_PG_DB), create=False, upgrade=False)
    said = [str(from_keychain.value), str(typed.value), caplog.text, *capsys.readouterr()]
    assert all(password[::-1] not in text and password not in text for text in said)
