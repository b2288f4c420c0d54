"""Extra PostgreSQL roles for tests that need another login than the test role: one
with a password nobody else uses (to prove it never leaks), one without rights.

The test role cannot create roles, so these are made by the server's superuser through
``runuser -u postgres -- psql`` (how .ci/run sets up the server, as root). Where that is
not possible the tests skip with the reason. Each role is dropped afterwards.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.conftest import PG_URL

TEST_DB = urlsplit(PG_URL).path.lstrip("/")


def superuser_sql(sql: str, database: str = TEST_DB) -> None:
    """Run `sql` as the PostgreSQL superuser; skips the test when that is impossible."""
    if shutil.which("runuser") is None or os.geteuid() != 0:
        pytest.skip("creating a PostgreSQL role needs root and runuser (as in .ci/run)")
    done = subprocess.run(
        [
            "runuser",
            "-u",
            "postgres",
            "--",
            "psql",
            "-qAtX",
            "-v",
            "ON_ERROR_STOP=1",
            "-d",
            database,
            "-c",
            sql,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd="/",
    )
    if done.returncode != 0:
        pytest.skip(f"cannot run SQL as the PostgreSQL superuser: {done.stderr.strip()}")


def url_for(role: str, password: str, database: str = TEST_DB) -> str:
    parts = urlsplit(PG_URL)
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit(parts._replace(netloc=f"{role}:{password}@{host}", path=f"/{database}"))


@pytest.fixture
def make_role() -> Iterator[Callable[..., tuple[str, str]]]:
    """make_role(prefix, rights) -> (role, password): a LOGIN role on the test database
    (as it is: reset it first when needed); `rights` is SQL run as superuser with
    {role} filled in."""
    made: list[str] = []

    def make(prefix: str, rights: str = "") -> tuple[str, str]:
        role = f"{prefix}_{secrets.token_hex(4)}"
        password = f"Pw{secrets.token_hex(12)}"
        superuser_sql(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
        made.append(role)
        if rights:
            superuser_sql(rights.format(role=role))
        return role, password

    yield make
    for role in made:
        superuser_sql(f"DROP OWNED BY {role} CASCADE")
        superuser_sql(f"DROP ROLE IF EXISTS {role}")
