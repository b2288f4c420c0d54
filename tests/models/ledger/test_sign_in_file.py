"""Sign-in on a ledger file: the same roles as a shared ledger, checked by the model
(a guard against mistakes: whoever copies the file can change it with any tool)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from models.ledger import customers, posting, users
from models.storage import db, session
from models.vocabulary import clock
from models.vocabulary.customer_records import CustomerDraft
from models.vocabulary.errors import InputError, NotAllowed
from models.vocabulary.people_records import Action, Role

ROOT = Path(__file__).resolve().parents[3]
BOSS_PW, CLERK_PW, VIEWER_PW = "Boss-secret-1", "Clerk-secret-2", "Viewer-secret-3"


@pytest.fixture
def office_file(sqlite_ledger: str) -> str:
    """A ledger file with sign-in on: 老王 (boss), xiaoli (clerk), kan (viewer); reopened,
    nobody signed in."""
    customers.add_customer(CustomerDraft(code="C1", name="东城王记"))
    users.turn_on_sign_in("老王", BOSS_PW)
    users.add_person("xiaoli", Role.CLERK, CLERK_PW)
    users.add_person("kan", Role.VIEWER, VIEWER_PW)
    db.close_ledger()
    db.open_ledger(sqlite_ledger, create=False)
    return sqlite_ledger


def test_nothing_is_changed_before_someone_signs_in(office_file: str) -> None:
    assert users.sign_in_required()
    assert users.current_role() is None and not users.may(Action.POST)
    with pytest.raises(NotAllowed, match="Sign in first"):
        posting.post_delivery(1, clock.today(), 10_00)


def test_a_wrong_password_an_unknown_name_and_a_disabled_person_are_refused(
    office_file: str,
) -> None:
    for name, password in (("xiaoli", BOSS_PW), ("nobody", CLERK_PW), ("XIAOLI", CLERK_PW)):
        with pytest.raises(NotAllowed, match="name or the password is wrong"):
            users.sign_in(name, password)
    users.sign_in("老王", BOSS_PW)
    users.disable_person("xiaoli")
    with pytest.raises(NotAllowed):
        users.sign_in("xiaoli", CLERK_PW)


def test_a_clerk_posts_but_may_not_write_off_change_credit_or_people(office_file: str) -> None:
    users.sign_in("xiaoli", CLERK_PW)
    entry = posting.post_delivery(1, clock.today(), 10_00)
    assert entry.entered_by == "xiaoli" == session.current_user()
    for refused in (
        lambda: posting.post_writeoff(1, clock.today(), 1_00, memo="dead"),
        lambda: customers.update_customer(
            1, CustomerDraft(code="C1", name="东城王记", credit_limit=100_00)
        ),
        lambda: users.add_person("evil", Role.BOSS, "Password-123"),
        lambda: users.set_person_role("xiaoli", Role.BOSS),
    ):
        with pytest.raises(NotAllowed, match="‘xiaoli’ \\(clerk\\), you may not"):
            refused()
    assert [p.role for p in users.people()] == [Role.VIEWER, Role.CLERK, Role.BOSS]


def test_a_viewer_may_not_post(office_file: str) -> None:
    users.sign_in("kan", VIEWER_PW)
    with pytest.raises(NotAllowed):
        posting.post_delivery(1, clock.today(), 10_00)


def test_the_ledger_keeps_a_boss(office_file: str) -> None:
    users.sign_in("老王", BOSS_PW)
    with pytest.raises(InputError, match="no boss left"):
        users.set_person_role("老王", Role.CLERK)
    with pytest.raises(InputError, match="cannot disable yourself"):
        users.disable_person("老王")
    assert users.set_person_role("xiaoli", Role.BOSS).role is Role.BOSS


def test_passwords_are_kept_as_scrypt_hashes_only(office_file: str) -> None:
    db.close_ledger()
    conn = sqlite3.connect(office_file)
    stored = dict(conn.execute("SELECT name, password_hash FROM person"))
    conn.close()
    raw = Path(office_file).read_bytes()
    for name, password in (("老王", BOSS_PW), ("xiaoli", CLERK_PW), ("kan", VIEWER_PW)):
        assert stored[name].startswith("scrypt$") and password not in stored[name]
        assert password.encode() not in raw


def test_without_sign_in_everyone_may_do_everything(sqlite_ledger: str) -> None:
    assert not users.sign_in_required() and users.current_role() is Role.BOSS
    assert all(users.may(action) for action in Action)


def _run(tmp_path: Path, ledger: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("QK_USER", "QK_PASSWORD")}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", ledger, *args],
        cwd=tmp_path,
        env={**base, "QK_LANG": "en", "PYTHONIOENCODING": "utf-8", **env},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_the_command_line_signs_in_with_qk_user(office_file: str, tmp_path: Path) -> None:
    db.close_ledger()
    nobody = _run(tmp_path, office_file, "users", "list")
    assert nobody.returncode == 1 and "QK_USER" in nobody.stderr
    wrong = _run(tmp_path, office_file, "users", "list", QK_USER="xiaoli", QK_PASSWORD="nope")
    assert wrong.returncode == 1 and "wrong" in wrong.stderr
    clerk = {"QK_USER": "xiaoli", "QK_PASSWORD": CLERK_PW}
    listed = _run(tmp_path, office_file, "users", "list", **clerk)
    assert listed.returncode == 0 and "xiaoli  clerk" in listed.stdout
    refused = _run(tmp_path, office_file, "users", "disable", "kan", **clerk)
    assert refused.returncode == 1 and "may not add or change people" in refused.stderr
    for done in (nobody, wrong, listed, refused):
        assert CLERK_PW not in done.stdout + done.stderr


def test_adding_the_first_boss_turns_sign_in_on(sqlite_ledger: str, tmp_path: Path) -> None:
    db.close_ledger()
    clerk_first = _run(tmp_path, sqlite_ledger, "users", "add", "xiaoli", "--role", "clerk",
                       "--password-stdin")  # fmt: skip
    assert clerk_first.returncode == 1 and "add a boss first" in clerk_first.stderr, (
        clerk_first.stderr
    )
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", sqlite_ledger, "users", "add", "老王",
         "--role", "boss", "--password-stdin"],
        cwd=tmp_path, input=BOSS_PW + "\n", capture_output=True, text=True, encoding="utf-8",
        env={**os.environ, "QK_LANG": "en", "PYTHONIOENCODING": "utf-8"}, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "turned sign-in on" in done.stdout and "copies the file" in done.stdout
    assert BOSS_PW not in done.stdout + done.stderr
    db.open_ledger(sqlite_ledger, create=False)
    assert users.sign_in_required()
    assert users.sign_in("老王", BOSS_PW).role is Role.BOSS
