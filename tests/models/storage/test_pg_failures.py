"""Each way a shared ledger fails to connect is one sentence that says what to do,
produced for real against the local server where it can be (issue 22, connecting)."""

from __future__ import annotations

import gettext
import re
import secrets
import socket
import threading
from collections.abc import Callable, Iterator

import psycopg2
import pytest

from models.storage import db, pg_failures, schema
from models.storage.connections import connect_postgres
from models.storage.shared_ledger import check_shared_ledger, shared_ledger_url
from models.vocabulary.errors import CannotConnect, InputError, PasswordNeeded
from tests.conftest import PG_URL, RUN_PG_DB, postgres_or_skip
from tests.pg_roles import TEST_DB, make_role, superuser_sql, url_for

__all__ = ["make_role"]  # the fixture, used by name

pytestmark = pytest.mark.postgres


def refusal(url: str) -> CannotConnect:
    """What "Test connection" says about `url` (it must refuse)."""
    with pytest.raises(CannotConnect) as caught:
        check_shared_ledger(url)
    return caught.value


@pytest.fixture
def qingkuan_ledger() -> str:
    """This run's database holding an empty Qingkuan ledger (made by the test role)."""
    url = postgres_or_skip()
    db.open_ledger(url)
    db.close_ledger()
    return url


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- it works ----------------------------------------------------------------------


def test_a_qingkuan_ledger_is_found_and_nothing_else_opens(qingkuan_ledger: str) -> None:
    found = check_shared_ledger(qingkuan_ledger)
    assert found.sentence().startswith(
        f"Connected to qingkuan@localhost/{RUN_PG_DB} as ‘qingkuan’: a Qingkuan ledger, on "
        "PostgreSQL "
    )
    assert found.schema_version == schema.SCHEMA_VERSION and not found.read_only
    assert db.database.obj is None  # its own connection: the window's ledger is untouched


def test_a_reader_is_told_it_may_only_read(
    qingkuan_ledger: str, make_role: Callable[..., tuple[str, str]]
) -> None:
    role, password = make_role("qk_viewer")
    superuser_sql(
        f"GRANT USAGE ON SCHEMA public TO {role}; "
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}",
        RUN_PG_DB,
    )
    found = check_shared_ledger(url_for(role, password, RUN_PG_DB))
    assert found.read_only
    assert "Your account may only read it (view, print, export), not change it." in (
        found.sentence()
    )


# --- each failure ------------------------------------------------------------------


def test_wrong_password_and_no_such_user_are_one_sentence(
    qingkuan_ledger: str, make_role: Callable[..., tuple[str, str]]
) -> None:
    role, password = make_role("qk_wrongpw")
    wrong = refusal(url_for(role, password + "x", RUN_PG_DB))
    assert isinstance(wrong, PasswordNeeded) and wrong.kind == pg_failures.PASSWORD
    assert str(wrong) == (
        f"The server at localhost did not accept the user ‘{role}’ with this password: the "
        "password is wrong (capitals count) or there is no such user. Check both, or ask the "
        "boss to check your account."
    )
    nobody = refusal(url_for("qk_nobody_" + secrets.token_hex(3), "whatever", RUN_PG_DB))
    assert nobody.kind == pg_failures.PASSWORD and "or there is no such user" in str(nobody)


def test_no_password_at_all_asks_for_one(
    qingkuan_ledger: str, monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent/pgpass")
    said = refusal(f"postgresql://qingkuan@localhost/{RUN_PG_DB}")
    assert isinstance(said, PasswordNeeded)
    assert str(said) == (
        f"The shared ledger qingkuan@localhost/{RUN_PG_DB} needs a password: type it in, or "
        "keep it in this computer's keychain (‘Remember the password’), in PGPASSWORD or in "
        "~/.pgpass."
    )


def test_a_database_that_does_not_exist() -> None:
    postgres_or_skip()
    name = f"qk_missing_{secrets.token_hex(3)}"
    said = refusal(PG_URL.replace(f"/{RUN_PG_DB}", f"/{name}"))
    assert said.kind == pg_failures.NO_DATABASE
    assert str(said) == (
        f"There is no database ‘{name}’ on the server at localhost: check its name with "
        "whoever set up the server, or create it there first (README: ‘Setting up a shared "
        "ledger for the office’)."
    )


def test_an_empty_database_is_not_set_up_yet() -> None:
    url = postgres_or_skip()
    said = refusal(url)
    assert said.kind == pg_failures.NOT_QINGKUAN
    assert str(said) == (
        f"The database qingkuan@localhost/{RUN_PG_DB} is empty: no Qingkuan ledger has been "
        f"set up in it. The administrator sets it up once with ‘main.py --db "
        f"postgresql://admin@server/{RUN_PG_DB} setup-server --boss NAME’ (README: ‘Setting "
        "up a shared ledger for the office’)."
    )


def test_another_programs_database_is_not_a_qingkuan_ledger() -> None:
    url = postgres_or_skip()
    other = connect_postgres(url)
    other.execute_sql("CREATE TABLE invoices (id integer)")
    other.close()
    said = refusal(url)
    assert said.kind == pg_failures.NOT_QINGKUAN
    expected = (
        f"qingkuan@localhost/{RUN_PG_DB} is a database, but not a Qingkuan ledger: check the "
        "database name. A new shared ledger is set up in an empty database with ‘main.py --db "
        f"postgresql://admin@server/{RUN_PG_DB} setup-server --boss NAME’."
    )
    assert str(said) == expected
    with pytest.raises(CannotConnect) as opening:  # the window's and the commands' way
        db.open_ledger(url)
    assert str(opening.value) == expected


def test_a_ledger_upgraded_by_a_newer_qingkuan(qingkuan_ledger: str) -> None:
    newer = connect_postgres(qingkuan_ledger)
    newer.execute_sql(
        "UPDATE meta SET value = %s WHERE key = 'schema_version'", (str(schema.SCHEMA_VERSION + 1),)
    )
    newer.close()
    said = refusal(qingkuan_ledger)
    expected = (
        f"This ledger was written by a newer version of Qingkuan (schema "
        f"{schema.SCHEMA_VERSION + 1}; this program knows {schema.SCHEMA_VERSION}). Install "
        "the newer version to open it."
    )
    assert said.kind == pg_failures.NEWER_VERSION and str(said) == expected
    with pytest.raises(CannotConnect) as opening:
        db.open_ledger(qingkuan_ledger)
    assert str(opening.value) == expected


def test_signed_in_without_rights_on_the_tables(
    qingkuan_ledger: str, make_role: Callable[..., tuple[str, str]]
) -> None:
    role, password = make_role("qk_nogrants")
    superuser_sql(f"GRANT USAGE ON SCHEMA public TO {role}", RUN_PG_DB)  # and no more
    said = refusal(url_for(role, password, RUN_PG_DB))
    assert said.kind == pg_failures.NO_PERMISSION
    assert str(said) == (
        f"You have no permission to open the ledger {role}@localhost/{RUN_PG_DB}: ask the "
        f"database administrator to give the role ‘{role}’ access to its tables."
    )


def test_no_right_to_connect_to_the_database(
    qingkuan_ledger: str, make_role: Callable[..., tuple[str, str]]
) -> None:
    role, password = make_role("qk_noconnect")
    superuser_sql(f'REVOKE CONNECT ON DATABASE "{RUN_PG_DB}" FROM PUBLIC', TEST_DB)
    try:
        said = refusal(url_for(role, password, RUN_PG_DB))
    finally:
        superuser_sql(f'GRANT CONNECT ON DATABASE "{RUN_PG_DB}" TO PUBLIC', TEST_DB)
    assert said.kind == pg_failures.NO_PERMISSION
    assert str(said).startswith("You have no permission to open the ledger")


def test_an_account_switched_off(
    qingkuan_ledger: str, make_role: Callable[..., tuple[str, str]]
) -> None:
    role, password = make_role("qk_disabled", "ALTER ROLE {role} NOLOGIN")
    superuser_sql(f"GRANT USAGE ON SCHEMA public TO {role}", RUN_PG_DB)
    said = refusal(url_for(role, password, RUN_PG_DB))
    assert said.kind == pg_failures.LOGIN_DISABLED
    assert str(said) == (
        f"The user ‘{role}’ may not sign in to the server at localhost: the account is "
        "switched off. Ask the boss to turn it back on."
    )


def test_encryption_asked_for_from_a_server_without_tls(qingkuan_ledger: str) -> None:
    with connect_postgres(qingkuan_ledger) as conn:
        if conn.execute_sql("SHOW ssl").fetchone()[0] == "on":
            pytest.skip("this server offers TLS")
    said = refusal(qingkuan_ledger + "?sslmode=require")
    assert said.kind == pg_failures.TLS_UNAVAILABLE
    assert str(said) == (
        "The shared ledger at localhost cannot be reached over an encrypted (TLS/SSL) "
        "connection, which its address requires (sslmode): the server does not offer one. "
        "Nothing was sent in plain text. Ask the administrator to turn on SSL on the server."
    )


def test_nothing_listening_on_the_port() -> None:
    port = free_port()
    said = refusal(f"postgresql://clerk:pw@127.0.0.1:{port}/qingkuan")
    assert said.kind == pg_failures.UNREACHABLE
    assert str(said) == (
        f"Nothing answers at 127.0.0.1, port {port}: the database server is off or PostgreSQL "
        "is not running on it, or the server name or port is wrong. Check them, and that this "
        f"computer is on the office network (a firewall may block port {port})."
    )


def test_a_server_name_nobody_knows() -> None:
    said = refusal("postgresql://clerk:pw@no-such-server.invalid/qingkuan")
    assert said.kind == pg_failures.UNREACHABLE
    assert str(said) == (
        "The server name ‘no-such-server.invalid’ is not known on this network: check its "
        "spelling, or type the server's address instead (such as 192.168.1.10)."
    )


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that takes connections and never says a word (a hung server)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield sock.getsockname()[1]


def test_a_server_that_does_not_answer_in_time(silent_server: int) -> None:
    said = refusal(f"postgresql://clerk:pw@127.0.0.1:{silent_server}/qingkuan?connect_timeout=2")
    assert said.kind == pg_failures.TIMEOUT
    assert str(said) == (
        f"The database server at 127.0.0.1:{silent_server} did not answer within 2 seconds: "
        "it may be off or overloaded, or a firewall swallows the connection. Check that it is "
        "on and that this computer is on the office network, then try again."
    )


# --- what only the server's words tell, in English and in Chinese ------------------


@pytest.fixture
def tls_answer() -> Iterator[Callable[[bytes], int]]:
    """tls_answer(b"S" or b"N") -> a port whose "server" answers PostgreSQL's SSLRequest
    so (whether it offers TLS)."""
    servers: list[socket.socket] = []

    def serve(answer: bytes) -> int:
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        sock.listen(4)
        servers.append(sock)

        def run() -> None:
            while True:
                try:
                    conn, _ = sock.accept()
                except OSError:
                    return
                with conn:
                    if conn.recv(8):
                        conn.sendall(answer)

        threading.Thread(target=run, daemon=True).start()
        return sock.getsockname()[1]

    yield serve
    for sock in servers:
        sock.close()


HBA = (
    'connection to server at "{host}" (10.0.0.2), port {port} failed: FATAL:  no pg_hba.conf '
    'entry for host "10.0.0.5", user "clerk1", database "qingkuan", no encryption\n'
)


def test_a_server_that_takes_only_encrypted_connections(
    tls_answer: Callable[[bytes], int],
) -> None:
    port = tls_answer(b"S")
    url = f"postgresql://clerk1@127.0.0.1:{port}/qingkuan?sslmode=disable"
    err = psycopg2.OperationalError(HBA.format(host="127.0.0.1", port=port))
    said = pg_failures.connect_failure(err, url)
    assert said.kind == pg_failures.TLS_REQUIRED
    assert str(said) == (
        f"The server at 127.0.0.1:{port} accepts only encrypted (TLS/SSL) connections, and "
        "this one was not encrypted: tick ‘Encrypted connection (TLS)’, or put "
        "?sslmode=require in the address instead of sslmode=disable."
    )


def test_a_server_that_does_not_let_this_computer_in(tls_answer: Callable[[bytes], int]) -> None:
    port = tls_answer(b"N")  # no TLS either: it is this computer that is not let in
    url = f"postgresql://clerk1@127.0.0.1:{port}/qingkuan"
    err = psycopg2.OperationalError(HBA.format(host="127.0.0.1", port=port))
    said = pg_failures.connect_failure(err, url)
    assert said.kind == pg_failures.NOT_ALLOWED
    assert str(said) == (
        f"The server at 127.0.0.1:{port} does not let this computer in as ‘clerk1’ to the "
        "database ‘qingkuan’: its pg_hba.conf has no line for this computer's address. Ask the "
        "administrator to allow the office network there (README: ‘Setting up a shared ledger "
        "for the office’, step 3)."
    )


CHINESE_SERVER = {
    pg_failures.PASSWORD: '致命错误:  用户 "clerk1" Password 认证失败',
    pg_failures.NO_DATABASE: '致命错误:  数据库 "qingkuan" 不存在',
    pg_failures.NO_PERMISSION: '致命错误:  访问数据库"qingkuan"的权限不够',
    pg_failures.LOGIN_DISABLED: '致命错误:  不允许角色"clerk1" 进行登录',
    pg_failures.NOT_ALLOWED: (
        '致命错误:  没有用于主机 "10.0.0.5", 用户 "clerk1", 数据库 "qingkuan", no encryption '
        "的 pg_hba.conf 记录"
    ),
}


@pytest.mark.parametrize(("kind", "text"), CHINESE_SERVER.items())
def test_a_server_speaking_chinese_is_understood(kind: str, text: str) -> None:
    prefix = '连接到"office" (10.0.0.2)上的服务器，端口5432失败：'
    assert pg_failures.said(prefix + text + "\n") == kind


@pytest.mark.parametrize("domain", ["postgres-15", "libpq5-15"])
def test_the_chinese_templates_are_postgresqls_own(domain: str) -> None:
    """Where PostgreSQL's Chinese catalogue is installed, each English template we match
    has there exactly the Chinese template we match too."""
    try:
        catalog = gettext.translation(domain, "/usr/share/locale", ["zh_CN"])._catalog  # type: ignore[attr-defined]
    except OSError:
        pytest.skip(f"PostgreSQL's Chinese catalogue {domain} is not installed")
    for words in pg_failures.SERVER_WORDS.values():
        english = [w for w in words if w.isascii()]
        chinese = [w for w in words if not w.isascii()]
        for text in english:
            translated = catalog.get(text) or catalog.get(text + "\n")
            if translated:
                assert translated.rstrip("\n") in chinese, text


def test_the_english_templates_match_this_servers_words(
    qingkuan_ledger: str, make_role: Callable[..., tuple[str, str]]
) -> None:
    role, password = make_role("qk_words")
    for url, kind in (
        (url_for(role, "wrong", RUN_PG_DB), pg_failures.PASSWORD),
        (url_for(role, password, "qk_missing_" + secrets.token_hex(3)), pg_failures.NO_DATABASE),
    ):
        with pytest.raises(psycopg2.OperationalError) as raw:
            psycopg2.connect(url).close()
        assert pg_failures.said(str(raw.value)) == kind


# --- the address from the dialog's fields ------------------------------------------


def test_the_address_from_the_fields() -> None:
    assert shared_ledger_url("192.168.1.10", 5432, "qingkuan", "clerk1", encrypted=False) == (
        "postgresql://clerk1@192.168.1.10/qingkuan"
    )
    assert shared_ledger_url(" srv ", 5433, "账本", "王 会计", encrypted=True) == (
        "postgresql://%E7%8E%8B%20%E4%BC%9A%E8%AE%A1@srv:5433/%E8%B4%A6%E6%9C%AC?sslmode=require"
    )
    assert shared_ledger_url("fe80::1", 5432, "q", "u", encrypted=False) == (
        "postgresql://u@[fe80::1]/q"
    )
    for fields, said in (
        (("", 5432, "q", "u"), "Type the server's name or address"),
        (("s", 5432, " ", "u"), "Type the name of the database"),
        (("s", 5432, "q", ""), "Type your user name"),
        (("s", 0, "q", "u"), "The port is a number from 1 to 65535"),
    ):
        with pytest.raises(InputError, match=re.escape(said)):
            shared_ledger_url(*fields, encrypted=False)  # type: ignore[arg-type]


def test_no_right_to_the_ledgers_schema_is_no_permission_not_an_empty_database(
    qingkuan_ledger: str, make_role: Callable[..., tuple[str, str]]
) -> None:
    role, password = make_role("qk_noschema")
    said = refusal(url_for(role, password, RUN_PG_DB))
    assert said.kind == pg_failures.NO_PERMISSION
