"""End-to-end: ``setup-server`` and ``users`` run as processes on a shared ledger, each
signed in with that person's own login; what a role may not do is refused with one
line and exit status 1, and no password ever shows in the output or the log."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest

from models.ledger import customers
from models.vocabulary.customer_records import CustomerDraft
from tests.conftest import postgres_or_skip
from tests.office import Office, drop_people, office_fixture, person_url  # noqa: F401

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]


def run(
    tmp_path: Path, url: str, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QK_LANG": "en",
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "home" / "data"),
        "PYTHONIOENCODING": "utf-8",
    }
    for name in ("QK_DEBUG", "PGPASSWORD", "QK_USER", "QK_PASSWORD"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", url, *args],
        cwd=tmp_path,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    _said.append(done.stdout + done.stderr)
    return done


_said: list[str] = []


def _no_password_anywhere(tmp_path: Path, *passwords: str) -> None:
    logs = [p.read_text(encoding="utf-8", errors="replace") for p in tmp_path.rglob("*.log")]
    for text in [*_said, *logs]:
        for password in passwords:
            assert password not in text


def _entries_csv(tmp_path: Path, kind: str) -> str:
    path = tmp_path / f"{kind}.csv"
    path.write_text(
        f"customer_code,date,kind,amount,doc_no,memo\nC1,2026-11-20,{kind},10,,dead debt\n",
        encoding="utf-8",
    )
    return str(path)


def test_people_are_added_listed_re_roled_and_disabled(tmp_path: Path, office: Office) -> None:
    boss = office.url("boss")
    name, password = f"xiaoli_{secrets.token_hex(4)}", f"Pw-{secrets.token_hex(10)}"
    office.made.append(name)
    added = run(tmp_path, boss, "users", "add", name, "--role", "clerk", "--password-stdin",
                stdin=password + "\n")  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == f"Added ‘{name}’ as clerk."
    listed = run(tmp_path, boss, "users", "list")
    assert listed.returncode == 0, listed.stderr
    rows = {line.split()[0]: line.split()[1:] for line in listed.stdout.splitlines()}
    assert rows[name] == ["clerk"] and rows[office.names["viewer"]] == ["viewer"]
    assert rows[office.names["boss"]] == ["boss"]
    mine = person_url(office.admin, name, password)
    assert run(tmp_path, mine, "users", "list").returncode == 0  # the new login signs in
    role = run(tmp_path, boss, "users", "role", name, "viewer")
    assert role.returncode == 0 and role.stdout.strip() == f"‘{name}’ is now viewer."
    off = run(tmp_path, boss, "users", "disable", name)
    assert off.returncode == 0, off.stderr
    assert "disabled" in run(tmp_path, boss, "users", "list").stdout.split(name)[1].splitlines()[0]
    refused = run(tmp_path, mine, "users", "list")
    assert refused.returncode == 1
    assert "account is switched off" in refused.stderr and "Traceback" not in refused.stderr
    _no_password_anywhere(tmp_path, password, *office.passwords.values())


def test_exact_names_and_clear_errors(tmp_path: Path, office: Office) -> None:
    boss = office.url("boss")
    for args, said in (
        (("users", "role", "nobody_here", "clerk"), "There is no person named ‘nobody_here’"),
        (("users", "disable", office.names["boss"]), "cannot disable yourself"),
        (("users", "add", "has space", "--role", "clerk", "--password-stdin"), "cannot be"),
        (("users", "add", office.names["clerk"], "--role", "clerk", "--password-stdin"),
         "already has a login"),
    ):  # fmt: skip
        done = run(tmp_path, boss, *args, stdin="Long-enough-pw\n")
        assert done.returncode == 1 and said in done.stderr, (args, done.stderr)
        assert len(done.stderr.splitlines()) == 1
    no_terminal = run(tmp_path, boss, "users", "add", "x_y", "--role", "clerk", stdin="")
    assert no_terminal.returncode == 1 and "--password-stdin" in no_terminal.stderr
    short = run(tmp_path, boss, "users", "add", "x_y", "--role", "clerk", "--password-stdin",
                stdin="short\n")  # fmt: skip
    assert short.returncode == 1 and "too short" in short.stderr
    wrong_role = run(tmp_path, boss, "users", "add", "x_y", "--role", "admin")
    assert wrong_role.returncode == 2


def test_what_a_role_may_not_do_is_refused_on_the_command_line(
    tmp_path: Path, office: Office
) -> None:
    customers.add_customer(CustomerDraft(code="C1", name="东城王记"))
    clerk, viewer = office.url("clerk"), office.url("viewer")
    for url in (clerk, viewer):
        done = run(tmp_path, url, "users", "add", "evil_z", "--role", "boss", "--password-stdin",
                   stdin="Long-enough-pw\n")  # fmt: skip
        assert done.returncode == 1 and "may not add or change people" in done.stderr
        assert run(tmp_path, url, "users", "role", office.names["clerk"], "boss").returncode == 1
        assert run(tmp_path, url, "users", "disable", office.names["viewer"]).returncode == 1
    writeoff = run(tmp_path, clerk, "import", "entries", _entries_csv(tmp_path, "writeoff"))
    assert writeoff.returncode == 1 and "may not write off a debt" in writeoff.stderr
    delivery = _entries_csv(tmp_path, "delivery")
    assert run(tmp_path, viewer, "import", "entries", delivery).returncode == 1
    done = run(tmp_path, clerk, "import", "entries", delivery)
    assert done.returncode == 0, done.stderr
    conn = psycopg2.connect(office.admin)
    with conn, conn.cursor() as cur:
        cur.execute("SELECT kind, entered_by FROM entry")
        assert cur.fetchall() == [("delivery", office.names["clerk"])]
        cur.execute("SELECT count(*) FROM pg_roles WHERE rolname = 'evil_z'")
        assert cur.fetchone() == (0,)
    conn.close()
    _no_password_anywhere(tmp_path, *office.passwords.values())


def test_setup_server_on_an_empty_database_then_again(tmp_path: Path) -> None:
    admin = postgres_or_skip()
    boss, password = f"boss_{secrets.token_hex(4)}", f"Pw-{secrets.token_hex(10)}"
    try:
        done = run(tmp_path, admin, "setup-server", "--boss", boss, "--password-stdin",
                   stdin=password + "\n")  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "is set up" in done.stdout and f"‘{boss}’ is its boss" in done.stdout
        url = person_url(admin, boss, password)
        listed = run(tmp_path, url, "users", "list")
        assert listed.stdout.split() == [boss, "boss"]
        again = run(tmp_path, admin, "setup-server", "--boss", boss)  # no password asked
        assert again.returncode == 0, again.stderr
        assert "applied again" in again.stdout and "unchanged" in again.stdout
        assert run(tmp_path, url, "users", "list").returncode == 0
        _no_password_anywhere(tmp_path, password)
    finally:
        drop_people(admin, [boss])


def test_setup_server_refuses_another_programs_database(tmp_path: Path) -> None:
    admin = postgres_or_skip()
    conn = psycopg2.connect(admin)
    with conn, conn.cursor() as cur:
        cur.execute("CREATE TABLE invoices (id int)")
        cur.execute("INSERT INTO invoices VALUES (1)")
    done = run(tmp_path, admin, "setup-server", "--boss", "someone", "--password-stdin",
               stdin="Long-enough-pw\n")  # fmt: skip
    assert done.returncode == 1
    assert "is not empty and is not a Qingkuan ledger" in done.stderr and "invoices" in done.stderr
    with conn, conn.cursor() as cur:
        cur.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        )
        assert cur.fetchall() == [("invoices",)]
        cur.execute("SELECT count(*) FROM pg_roles WHERE rolname = 'someone'")
        assert cur.fetchone() == (0,)
    conn.close()
