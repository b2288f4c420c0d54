"""Why a shared ledger (PostgreSQL) could not be connected to: one sentence for each
cause, saying what to do, the same in the window and on the command line.

libpq reports a failed connection as text only: psycopg2's `pgcode` is None then, the
server's SQLSTATE is not passed on. So what can be told without words is told so: whether
anything answers on the server's port (a TCP connection of our own: refused, unknown
name, no answer in time) and whether the server offers TLS at all (PostgreSQL's
SSLRequest, answered by one byte). What only the server's own words tell (a wrong
password, a database that does not exist, no right to connect, pg_hba.conf's refusal) is
matched against PostgreSQL's message templates in English and in Simplified Chinese: an
office server installed in Chinese speaks Chinese (lc_messages), and sign-in errors come
before any setting of ours applies. tests/models/storage/test_pg_failures.py checks the
Chinese templates against PostgreSQL's own catalogue where it is installed.
"""

from __future__ import annotations

import os
import re
import socket
import struct

from models.storage.current_ledger import no_permission_to_open
from models.storage.targets import PostgresAddress, display_target, parse_postgres_url, scrub
from models.vocabulary.errors import CannotConnect, PasswordNeeded
from models.vocabulary.i18n import _
from models.vocabulary.program import program_name

# What went wrong (CannotConnect.kind).
UNREACHABLE = "unreachable"  # nothing answers: server off, wrong name or port, firewall
TIMEOUT = "timeout"  # no answer in time
PASSWORD = "password"  # no password, a wrong one, or no such user (the server won't say)
NO_DATABASE = "no_database"
NOT_QINGKUAN = "not_qingkuan"  # connected, but no Qingkuan ledger in the database
NEWER_VERSION = "newer_version"  # upgraded by a newer Qingkuan
NO_PERMISSION = "no_permission"  # signed in, but no right to connect or to the tables
LOGIN_DISABLED = "login_disabled"  # the account may not sign in (NOLOGIN)
NOT_ALLOWED = "not_allowed"  # pg_hba.conf has no line for this computer
TLS_REQUIRED = "tls_required"  # the server takes only encrypted connections
TLS_UNAVAILABLE = "tls_unavailable"  # encryption asked for; the server has none
OTHER = "other"

DEFAULT_PORT = 5432
DEFAULT_CONNECT_TIMEOUT = 10  # seconds; libpq's own default waits for ever
_TLS_MODES = ("require", "verify-ca", "verify-full")
_SSL_REQUEST = struct.pack("!ii", 8, 80877103)  # PostgreSQL's "may we speak TLS?"

# PostgreSQL's templates (libpq's and the server's), English and zh_CN as its catalogues
# have them; "%s" stands for a name. "no_password" is the client's own: none was given.
SERVER_WORDS: dict[str, tuple[str, ...]] = {
    "no_password": ("fe_sendauth: no password supplied",),
    PASSWORD: (
        'password authentication failed for user "%s"',
        '用户 "%s" Password 认证失败',
        'role "%s" does not exist',
        '角色 "%s" 不存在',
    ),
    NO_DATABASE: ('database "%s" does not exist', '数据库 "%s" 不存在'),
    NO_PERMISSION: ('permission denied for database "%s"', '访问数据库"%s"的权限不够'),
    LOGIN_DISABLED: ('role "%s" is not permitted to log in', '不允许角色"%s" 进行登录'),
    NOT_ALLOWED: (
        'no pg_hba.conf entry for host "%s", user "%s", database "%s", %s',
        '没有用于主机 "%s", 用户 "%s", 数据库 "%s", %s 的 pg_hba.conf 记录',
        'pg_hba.conf rejects connection for host "%s", user "%s", database "%s", %s',
        'pg_hba.conf 记录拒绝来自主机"%s", 用户"%s", 数据库"%s", %s的复制连接',
    ),
    TLS_UNAVAILABLE: (
        "server does not support SSL, but SSL was required",
        "服务器不支持 SSL, 但是要求使用 SSL",
    ),
    TIMEOUT: ("timeout expired", "超时满"),
}
# pg_hba.conf's refusal ends with how the connection came: unencrypted ones say this
# (never translated; "SSL off" before PostgreSQL 14).
_UNENCRYPTED = ("no encryption", "SSL off")


def _pattern(template: str) -> re.Pattern[str]:
    return re.compile(re.escape(template).replace("%s", ".*?"))


_PATTERNS = {kind: [_pattern(t) for t in words] for kind, words in SERVER_WORDS.items()}


def said(text: str) -> str | None:
    """Which of SERVER_WORDS' kinds the driver's `text` is (None: none of them)."""
    for kind, patterns in _PATTERNS.items():
        if any(p.search(text) for p in patterns):
            return kind
    return None


def sslmode(address: PostgresAddress) -> str:
    """The sslmode libpq uses for `address` (the URL's, else PGSSLMODE, else prefer)."""
    return dict(address.options).get("sslmode") or os.environ.get("PGSSLMODE") or "prefer"


def connect_timeout(address: PostgresAddress) -> int:
    given = dict(address.options).get("connect_timeout", "")
    return int(given) if given.isdigit() and int(given) > 0 else DEFAULT_CONNECT_TIMEOUT


def port_answers(host: str | None, port: int, timeout: float) -> str:
    """Whether a PostgreSQL server could be listening there: "yes", "refused",
    "unknown" (no such host name) or "timeout". A Unix socket folder counts as well."""
    if not host or host.startswith("/"):
        folders = [host] if host else ["/var/run/postgresql", "/tmp"]
        if os.name == "nt" and not host:
            return port_answers("localhost", port, timeout)
        for folder in folders:
            if _unix_socket_answers(os.path.join(folder, f".s.PGSQL.{port}"), timeout):
                return "yes"
        return "refused"
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return "yes"
    except socket.gaierror:
        return "unknown"
    except TimeoutError:
        return "timeout"
    except OSError:
        return "refused"


def _unix_socket_answers(path: str, timeout: float) -> bool:
    if not hasattr(socket, "AF_UNIX"):
        return False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        try:
            sock.connect(path)
        except OSError:
            return False
    return True


def offers_tls(host: str | None, port: int, timeout: float) -> bool | None:
    """Whether the server at host:port offers TLS (None: it could not be asked)."""
    if not host or host.startswith("/"):
        return None  # a Unix socket never carries TLS
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            sock.sendall(_SSL_REQUEST)
            answer = sock.recv(1)
    except OSError:
        return None
    return answer == b"S" if answer in (b"S", b"N") else None


def _where(address: PostgresAddress) -> str:
    host = address.host or "localhost"
    return f"{host}:{address.port}" if address.port and address.port != DEFAULT_PORT else host


def connect_failure(err: BaseException, url: str, *, password_source: str = "") -> CannotConnect:
    """The refusal for a connection to `url` that failed with the driver's `err`.
    `password_source` is "keychain" when the password came from the keychain."""
    address = parse_postgres_url(url)
    text = str(err)
    kind = said(text)
    port = address.port or DEFAULT_PORT
    seconds = connect_timeout(address)
    if kind == "no_password":
        return needs_password(url)
    if kind == PASSWORD:
        return wrong_password(url, from_keychain=password_source == "keychain")
    if kind == NO_DATABASE:
        return no_database(address)
    if kind == NO_PERMISSION:
        refusal = no_permission_to_open(url, address.user or "")
        return CannotConnect(str(refusal), NO_PERMISSION)
    if kind == LOGIN_DISABLED:
        return login_disabled(address)
    if kind == NOT_ALLOWED:
        unencrypted = any(words in text for words in _UNENCRYPTED)
        plain = unencrypted and sslmode(address) not in _TLS_MODES
        if plain and offers_tls(address.host, port, seconds):
            return tls_required(address)
        return not_allowed(address)
    if sslmode(address) in _TLS_MODES and (
        kind == TLS_UNAVAILABLE or offers_tls(address.host, port, seconds) is False
    ):
        return tls_unavailable(address)
    answer = port_answers(address.host, port, seconds)
    if answer == "unknown":
        return unknown_host(address)
    if answer == "refused":
        return unreachable(address)
    if answer == "timeout" or kind == TIMEOUT:
        return timed_out(address, seconds)
    return other(address, text)


def needs_password(url: str) -> PasswordNeeded:
    return PasswordNeeded(
        _(
            "The shared ledger {target} needs a password: type it in, or keep it in this "
            "computer's keychain (‘Remember the password’), in PGPASSWORD or in ~/.pgpass."
        ).format(target=display_target(url))
    )


def wrong_password(url: str, *, from_keychain: bool = False) -> PasswordNeeded:
    address = parse_postgres_url(url)
    if from_keychain:
        text = _(
            "The password kept in this computer's keychain for {target} was not accepted "
            "(it may have been changed on the server): type the new one, with ‘Remember the "
            "password’ ticked to replace it."
        )
    else:
        text = _(
            "The server at {host} did not accept the user ‘{user}’ with this password: the "
            "password is wrong (capitals count) or there is no such user. Check both, or ask "
            "the boss to check your account."
        )
    return PasswordNeeded(
        text.format(target=display_target(url), host=_where(address), user=address.user or "")
    )


def no_database(address: PostgresAddress) -> CannotConnect:
    return CannotConnect(
        _(
            "There is no database ‘{dbname}’ on the server at {host}: check its name with "
            "whoever set up the server, or create it there first (README: ‘Setting up a "
            "shared ledger for the office’)."
        ).format(dbname=address.dbname, host=_where(address)),
        NO_DATABASE,
    )


def login_disabled(address: PostgresAddress) -> CannotConnect:
    return CannotConnect(
        _(
            "The user ‘{user}’ may not sign in to the server at {host}: the account is "
            "switched off. Ask the boss to turn it back on."
        ).format(user=address.user or "", host=_where(address)),
        LOGIN_DISABLED,
    )


def not_allowed(address: PostgresAddress) -> CannotConnect:
    return CannotConnect(
        _(
            "The server at {host} does not let this computer in as ‘{user}’ to the database "
            "‘{dbname}’: its pg_hba.conf has no line for this computer's address. Ask the "
            "administrator to allow the office network there (README: ‘Setting up a shared "
            "ledger for the office’, step 3)."
        ).format(host=_where(address), user=address.user or "", dbname=address.dbname),
        NOT_ALLOWED,
    )


def tls_required(address: PostgresAddress) -> CannotConnect:
    return CannotConnect(
        _(
            "The server at {host} accepts only encrypted (TLS/SSL) connections, and this one "
            "was not encrypted: tick ‘Encrypted connection (TLS)’, or put ?sslmode=require in "
            "the address instead of sslmode=disable."
        ).format(host=_where(address)),
        TLS_REQUIRED,
    )


def tls_unavailable(address: PostgresAddress) -> CannotConnect:
    return CannotConnect(
        _(
            "The shared ledger at {host} cannot be reached over an encrypted (TLS/SSL) "
            "connection, which its address requires (sslmode): the server does not offer "
            "one. Nothing was sent in plain text. Ask the administrator to turn on SSL on the "
            "server."
        ).format(host=address.host or "localhost"),
        TLS_UNAVAILABLE,
    )


def unknown_host(address: PostgresAddress) -> CannotConnect:
    return CannotConnect(
        _(
            "The server name ‘{host}’ is not known on this network: check its spelling, or "
            "type the server's address instead (such as 192.168.1.10)."
        ).format(host=address.host or "localhost"),
        UNREACHABLE,
    )


def unreachable(address: PostgresAddress) -> CannotConnect:
    return CannotConnect(
        _(
            "Nothing answers at {host}, port {port}: the database server is off or "
            "PostgreSQL is not running on it, or the server name or port is wrong. Check "
            "them, and that this computer is on the office network (a firewall may block "
            "port {port})."
        ).format(host=address.host or "localhost", port=address.port or DEFAULT_PORT),
        UNREACHABLE,
    )


def timed_out(address: PostgresAddress, seconds: int) -> CannotConnect:
    return CannotConnect(
        _(
            "The database server at {host} did not answer within {seconds} seconds: it may "
            "be off or overloaded, or a firewall swallows the connection. Check that it is "
            "on and that this computer is on the office network, then try again."
        ).format(host=_where(address), seconds=seconds),
        TIMEOUT,
    )


def other(address: PostgresAddress, text: str) -> CannotConnect:
    reason = text.strip().splitlines()[0] if text.strip() else ""
    return CannotConnect(
        _("Cannot reach the shared ledger at {host}: {reason}").format(
            host=address.host or "localhost", reason=scrub(reason)
        ),
        OTHER,
    )


def _setup_command(dbname: str) -> str:
    return (
        f"{program_name()} --db postgresql://admin@server/{dbname or 'qingkuan'} "
        "setup-server --boss NAME"
    )


def not_qingkuan(url: str, *, empty: bool) -> CannotConnect:
    """The refusal of a database that holds no Qingkuan ledger (`empty`: nothing at all)."""
    address = parse_postgres_url(url)
    if empty:
        text = _(
            "The database {target} is empty: no Qingkuan ledger has been set up in it. The "
            "administrator sets it up once with ‘{command}’ (README: ‘Setting up a shared "
            "ledger for the office’)."
        )
    else:
        text = _(
            "{target} is a database, but not a Qingkuan ledger: check the database name. A "
            "new shared ledger is set up in an empty database with ‘{command}’."
        )
    return CannotConnect(
        text.format(target=display_target(url), command=_setup_command(address.dbname)),
        NOT_QINGKUAN,
    )
