"""The command line says why a shared ledger cannot be used in the window's own
sentences, on one line, exit status 1, the password nowhere (issue 22, connecting)."""

from __future__ import annotations

import json
import secrets
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from models.storage import db, keychain
from tests.cli.test_main import one_line_error, run
from tests.conftest import PG_URL, RUN_PG_DB, postgres_or_skip
from tests.pg_roles import make_role, url_for

__all__ = ["make_role"]  # the fixture, used by name

pytestmark = pytest.mark.postgres


def test_each_failure_is_the_windows_sentence(
    tmp_path: Path, make_role: Callable[..., tuple[str, str]]
) -> None:
    url = postgres_or_skip()
    role, password = make_role("qk_cli_words")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    missing = f"qk_missing_{secrets.token_hex(3)}"
    cases = {
        url_for(role, password + "x", RUN_PG_DB): (
            f"The server at localhost did not accept the user ‘{role}’ with this password: "
            "the password is wrong (capitals count) or there is no such user. Check both, "
            "or ask the boss to check your account."
        ),
        PG_URL.replace(f"/{RUN_PG_DB}", f"/{missing}"): (
            f"There is no database ‘{missing}’ on the server at localhost: check its name "
            "with whoever set up the server, or create it there first (README: ‘Setting up "
            "a shared ledger for the office’)."
        ),
        f"postgresql://clerk:{password}@127.0.0.1:{port}/qingkuan": (
            f"Nothing answers at 127.0.0.1, port {port}: the database server is off or "
            "PostgreSQL is not running on it, or the server name or port is wrong. Check "
            "them, and that this computer is on the office network (a firewall may block "
            f"port {port})."
        ),
        url: (
            f"The database qingkuan@localhost/{RUN_PG_DB} is empty: no Qingkuan ledger has "
            "been set up in it. The administrator sets it up once with ‘main.py --db "
            f"postgresql://admin@server/{RUN_PG_DB} setup-server --boss NAME’ (README: "
            "‘Setting up a shared ledger for the office’)."
        ),
    }
    for target, sentence in cases.items():
        result = run(tmp_path, "--db", target, "today")
        assert result.returncode == 1, result.stderr
        assert one_line_error(result) == sentence
        assert password not in result.stdout + result.stderr


def test_a_command_uses_the_password_the_keychain_keeps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An address without a password: the keychain's entry for that user, server and
    database, else libpq's PGPASSWORD and ~/.pgpass (none here: it is asked for)."""
    url = postgres_or_skip()
    db.open_ledger(url)
    db.close_ledger()
    address = url.replace(":qingkuan@", "@")  # the test role's password is "qingkuan"
    kept = tmp_path / "keychain.json"
    kept.write_text("{}", encoding="utf-8")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.file_keyring.FileKeyring")
    monkeypatch.setenv("QK_TEST_KEYRING", str(kept))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    refused = run(tmp_path, "--db", address, "today")
    assert one_line_error(refused).startswith(
        f"The shared ledger qingkuan@localhost/{RUN_PG_DB} needs a password:"
    )
    kept.write_text(
        json.dumps({f"Qingkuan {keychain.account(address)}": "qingkuan"}), encoding="utf-8"
    )
    result = run(tmp_path, "--db", address, "today")
    assert result.returncode == 0, result.stderr
