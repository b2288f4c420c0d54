"""Showing and remembering ledger targets without their password (issue 7.1)."""

from __future__ import annotations

import logging

import pytest

from models.storage import targets
from models.storage.targets import display_target, scrub, with_password, without_password


@pytest.mark.parametrize(
    ("target", "shown"),
    [
        ("postgresql://clerk:S3cr%40t!@db.office/ledger", "clerk@db.office/ledger"),
        ("postgres://clerk:S3cret@db.office:5433/ledger", "clerk@db.office:5433/ledger"),
        ("postgresql://clerk@10.0.0.5:5432/ledger", "clerk@10.0.0.5/ledger"),
        ("postgresql:///ledger", "localhost/ledger"),
        # Unescaped / ? # : in a password: still the password, not the port or database.
        ("postgresql://clerk:pa/ss?#:x@db.office:5433/ledger", "clerk@db.office:5433/ledger"),
        ("postgresql://clerk:pw@[::1]:6000/ledger?sslmode=disable", "clerk@::1:6000/ledger"),
        ("/home/wang/账本/shop.qkledger", "/home/wang/账本/shop.qkledger"),
    ],
)
def test_display_target_never_shows_the_password(target: str, shown: str) -> None:
    assert display_target(target) == shown


def test_short_display_of_a_file_is_its_name() -> None:
    assert display_target("/home/wang/shop.qkledger", short=True) == "shop.qkledger"


def test_password_is_taken_out_for_settings_and_put_back_for_opening() -> None:
    url = "postgresql://clerk:p%40ss@db.office:5433/ledger?sslmode=require"
    kept = without_password(url)
    assert kept == "postgresql://clerk@db.office:5433/ledger?sslmode=require"
    assert with_password(kept, "p@ss/w:rd") == (
        "postgresql://clerk:p%40ss%2Fw%3Ard@db.office:5433/ledger?sslmode=require"
    )
    assert targets.password_of(with_password(kept, "p@ss/w:rd")) == "p@ss/w:rd"
    assert without_password("/home/wang/shop.qkledger") == "/home/wang/shop.qkledger"
    assert targets.password_of("postgresql://clerk:pa/ss?#:x@db/ledger") == "pa/ss?#:x"
    assert without_password("postgresql://clerk:pa/ss@db/ledger") == "postgresql://clerk@db/ledger"


@pytest.mark.parametrize(
    "text",
    [
        "could not connect to postgresql://clerk:Hunter2pw@db/ledger",
        "invalid dsn: host=db password=Hunter2pw dbname=ledger",
        "invalid dsn: host=db password='Hunter2pw with space' dbname=ledger",
    ],
)
def test_scrub_takes_passwords_out_of_driver_messages(text: str) -> None:
    assert "Hunter2pw" not in scrub(text)
    assert "ledger" in scrub(text)


def test_a_password_seen_once_is_scrubbed_anywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(targets, "_secrets", set())
    targets.remember_secret("postgresql://clerk:Tr0ub4dor@db/ledger")
    assert scrub("Port could not be cast to integer value as 'Tr0ub4dor'") == (
        "Port could not be cast to integer value as '***'"
    )
    targets.remember_secret("postgresql://clerk:clerk@db/ledger")  # the user name itself
    assert display_target("postgresql://clerk:clerk@db/ledger") == "clerk@db/ledger"


def test_log_lines_and_tracebacks_are_scrubbed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(targets, "_secrets", set())
    targets.remember_secret("postgresql://clerk:Tr0ub4dor@db/ledger")
    try:
        raise RuntimeError("connection to postgresql://clerk:Tr0ub4dor@db/ledger failed")
    except RuntimeError:
        record = logging.getLogger("t").makeRecord(
            "t", logging.ERROR, __file__, 1, "opening %s", ("Tr0ub4dor",), exc_info=True
        )
        import sys

        record.exc_info = sys.exc_info()
    line = targets.ScrubbingFormatter("%(message)s").format(record)
    assert "Tr0ub4dor" not in line and "RuntimeError" in line


# Issue 17.15: libpq options in the URL are kept, and a password among them is a password.


def _with_option(url: str, option: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}{option}"


def test_url_options_are_kept_for_libpq() -> None:
    url = (
        "postgresql://clerk@db.office:5433/ledger?sslmode=verify-full&connect_timeout=7"
        "&application_name=qk%20front&sslrootcert=%2Fetc%2Fqk%2Froot.crt"
        "&options=-c%20statement_timeout%3D5000"
    )
    address = targets.parse_postgres_url(url)
    assert (address.host, address.port, address.dbname) == ("db.office", 5433, "ledger")
    assert dict(address.options) == {
        "sslmode": "verify-full",
        "connect_timeout": "7",
        "application_name": "qk front",
        "sslrootcert": "/etc/qk/root.crt",
        "options": "-c statement_timeout=5000",
    }
    assert without_password(url) == url  # remembered with its options


def test_a_password_in_the_query_string_is_a_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(targets, "_secrets", set())
    url = "postgresql://clerk@db.office/ledger?sslmode=require&password=Qu3ryS3cret&x=1"
    assert targets.password_of(url) == "Qu3ryS3cret"
    assert "Qu3ryS3cret" not in display_target(url)
    kept = without_password(url)
    assert kept == "postgresql://clerk@db.office/ledger?sslmode=require&x=1"
    assert "Qu3ryS3cret" not in with_password(url, "new-one")
    assert targets.password_of(with_password(url, "new-one")) == "new-one"
    targets.remember_secret(url)
    assert "Qu3ryS3cret" not in scrub(f"could not connect: {url}")


@pytest.mark.postgres
def test_sslmode_require_refuses_a_server_without_tls() -> None:
    from models.storage import db
    from tests.conftest import postgres_or_skip

    url = _with_option(postgres_or_skip(), "sslmode=require")  # the test server has no TLS
    with pytest.raises(db.LedgerFileError) as refused:
        db.open_ledger(url)
    assert db.current_target() == ""  # nothing opened, in plain text or otherwise
    message = str(refused.value)
    assert "TLS/SSL" in message and "does not offer one" in message


@pytest.mark.postgres
def test_application_name_shows_in_pg_stat_activity() -> None:
    from models.storage import db
    from tests.conftest import postgres_or_skip

    db.open_ledger(_with_option(postgres_or_skip(), "application_name=qk-front-desk"))
    try:
        (name,) = db.database.execute_sql(
            "SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()"
        ).fetchone()
    finally:
        db.close_ledger()
    assert name == "qk-front-desk"
