"""Shared fixtures. `ledger` runs each storage test on SQLite and on PostgreSQL.

PostgreSQL tests use the server named by QK_TEST_PG (default
postgresql://qingkuan:qingkuan@localhost/qingkuan_test) and skip with a reason when it
cannot be reached, unless QK_REQUIRE_PG=1 (set by .ci/run), when they fail instead.
That database is only the base: each run creates its own database beside it
(`<base>_run<pid>_<random>`, see `PG_URL`) and drops it when the run ends, so a plain
`uv run pytest` never wipes the CI database and two runs at once never clobber each other.
Under pytest-xdist every worker is such a run: its database name ends in its worker id
(`..._gw0`), and session fixtures are made once per worker.

Hypothesis profiles (HYPOTHESIS_PROFILE): `dev` (default, random), `ci` (derandomized:
the same examples on every run, used by .ci/run) and `long` (random, ten times as many
examples; see README).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import secrets
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import keyring
import peewee as pw
import psycopg2
import pytest
from hypothesis import settings as hypothesis_settings
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from models.storage import connections, db
from models.vocabulary import clock
from models.vocabulary.i18n import set_language

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Explicit: with CI=true Hypothesis starts from its own derandomized "ci" default.
hypothesis_settings.register_profile("dev", derandomize=False)
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
hypothesis_settings.register_profile("long", max_examples=1000, derandomize=False)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

# Programs the tests start (main.py, fault workers) keep their per-user files (chain
# anchors, the log, the last ledger) in this run's own data folder, never the user's.
if "QK_TESTS_DATA_HOME" not in os.environ:
    import tempfile

    os.environ["QK_TESTS_DATA_HOME"] = tempfile.mkdtemp(prefix="qk-tests-data-")
    os.environ["XDG_DATA_HOME"] = os.environ["QK_TESTS_DATA_HOME"]
# xdist workers inherit the controller's folder; each gets its own inside it, so two
# workers' programs never share a log or a "last ledger" file.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if WORKER:
    _worker_data = Path(os.environ["QK_TESTS_DATA_HOME"]) / WORKER
    _worker_data.mkdir(exist_ok=True)
    os.environ["XDG_DATA_HOME"] = str(_worker_data)

# No test, nor any program a test starts, reads or writes the real keychain of the
# computer it runs on: `keyring` finds none (tests that need one set `memory_keyring`).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

BASE_PG_URL = os.environ.get("QK_TEST_PG", "postgresql://qingkuan:qingkuan@localhost/qingkuan_test")
PINNED = dt.datetime(2026, 11, 26, 9, 0)


def _run_database_name(base: str) -> str:
    """`<base>_run<pid>_<random>` (plus `_<worker id>` under xdist), within
    PostgreSQL's 63-byte limit."""
    suffix = f"_run{os.getpid()}_{secrets.token_hex(3)}" + (f"_{WORKER}" if WORKER else "")
    return base[: 63 - len(suffix)] + suffix


def _with_database(url: str, name: str) -> str:
    return urlparse(url)._replace(path="/" + name).geturl()


BASE_PG_DB = unquote(urlparse(BASE_PG_URL).path.lstrip("/"))
RUN_PG_DB = _run_database_name(BASE_PG_DB)
PG_URL = _with_database(BASE_PG_URL, RUN_PG_DB)  # this run's own database
_RUN_DB_NAME = re.compile(re.escape(BASE_PG_DB) + r"_run(\d+)_[0-9a-f]{6}(_gw\d+)?")
_keeper: psycopg2.extensions.connection | None = None  # held open while the run lasts


def _shown(url: str) -> str:
    """user@host/db: the URL without its password, for messages."""
    parts = urlparse(url)
    return f"{parts.username or ''}@{parts.hostname or 'localhost'}{parts.path}"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _admin(sql: str, *params: object) -> list[tuple]:
    """Run one statement on the base database, outside a transaction (CREATE/DROP
    DATABASE refuse to run inside one)."""
    conn = psycopg2.connect(BASE_PG_URL, connect_timeout=5)
    try:
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(sql, params or None)
            return cur.fetchall() if cur.description else []
    finally:
        conn.close()


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def _drop_abandoned_run_databases() -> None:
    """Databases of runs that were killed before they could drop theirs. A live run
    keeps a connection to its database open, and DROP DATABASE (without FORCE) refuses
    a database anyone is connected to, so this never takes a running run's database.
    A run that has just created its database has not connected yet: xdist workers
    start together, so a database whose run's process still lives here is left alone."""
    names = _admin(
        "SELECT datname FROM pg_database d WHERE NOT EXISTS"
        " (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)"
    )
    for (name,) in names:
        found = _RUN_DB_NAME.fullmatch(name)
        if found and name != RUN_PG_DB and not _process_alive(int(found.group(1))):
            with contextlib.suppress(psycopg2.Error):  # someone connected after all
                _admin(f"DROP DATABASE IF EXISTS {_quoted(name)}")


def _create_run_database() -> None:
    global _keeper
    if _keeper is not None:
        return
    _admin(f"CREATE DATABASE {_quoted(RUN_PG_DB)}")
    _keeper = psycopg2.connect(PG_URL, connect_timeout=5)
    _drop_abandoned_run_databases()


def _drop_run_database() -> None:
    global _keeper
    if _keeper is None:
        return
    _keeper.close()
    _keeper = None
    db.close_ledger()
    # A connection of another role (a test's limited clerk, left in a worker thread) may
    # still be open, and only a superuser may end it. The next run drops this database
    # once nobody is connected (`_drop_abandoned_run_databases`): a clean-up that has to
    # wait is no reason to fail a run whose tests all passed.
    with contextlib.suppress(psycopg2.errors.InsufficientPrivilege):
        _admin(f"DROP DATABASE IF EXISTS {_quoted(RUN_PG_DB)} WITH (FORCE)")


def _reset_postgres() -> None:
    """Empty this run's database (drop and recreate its public schema)."""
    _create_run_database()
    target = connections.connect_postgres(PG_URL)
    try:
        target.execute_sql("DROP SCHEMA public CASCADE")
        target.execute_sql("CREATE SCHEMA public")
    finally:
        target.close()


def postgres_or_skip() -> str:
    """This run's PostgreSQL database, emptied; skips (fails under QK_REQUIRE_PG=1)
    when the server cannot be reached or the role may not create databases."""
    try:
        _reset_postgres()
    except (db.LedgerFileError, pw.OperationalError, psycopg2.Error) as err:
        reason = f"PostgreSQL not usable at {_shown(BASE_PG_URL)}: {str(err).strip()}"
        if os.environ.get("QK_REQUIRE_PG") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return PG_URL


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    """With `-p no:xdist`, accept the `-n`/`--dist` that pyproject's addopts give and
    ignore them, so one-process runs need no other command line."""
    if pluginmanager.has_plugin("xdist.plugin") or pluginmanager.has_plugin("xdist"):
        return
    group = parser.getgroup("xdist", "xdist (not loaded: these options are ignored)")
    # `_addoption`, as xdist itself registers `-n`: pytest keeps lowercase short
    # options for plugins, and this stands in for one.
    group._addoption("-n", "--numprocesses", dest="numprocesses", default=None)
    group.addoption("--dist", dest="dist", default="no")


@pytest.fixture(scope="session", autouse=True)
def _run_database_dropped_at_the_end() -> Iterator[None]:
    yield
    _drop_run_database()


# What must stop before a ledger fixture closes its ledger: tests/gui/conftest.py adds
# the windows' background readers. A test that takes `launcher` before `ledger` has its
# ledger torn down first, and a reader still running on a closing connection can crash
# the process (seen on CI).
BEFORE_LEDGER_CLOSES: list[Callable[[], None]] = []


def close_test_ledger() -> None:
    for stop in list(BEFORE_LEDGER_CLOSES):
        stop()
    db.close_ledger()


def open_fresh(kind: str, tmp_path: Path) -> str:
    target = postgres_or_skip() if kind == "postgres" else str(tmp_path / "test.qkledger")
    db.open_ledger(target)
    return target


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """`@pytest.mark.only_on("postgres")`: a test of what one backend alone has (logins,
    stored functions, several writers) runs on that backend's `ledger` only. The other
    backend's case is left out, not skipped: there is nothing to run there."""
    kept, dropped = [], []
    for item in items:
        mark = item.get_closest_marker("only_on")
        params = getattr(item, "callspec", None)
        backend = params.params.get("ledger") if params is not None else None
        if mark is not None and backend is not None and backend != mark.args[0]:
            dropped.append(item)
        else:
            kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def ledger(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty, open ledger on SQLite or PostgreSQL; yields its path or URL."""
    target = open_fresh(request.param, tmp_path)
    try:
        yield target
    finally:
        close_test_ledger()


@pytest.fixture
def sqlite_ledger(tmp_path: Path) -> Iterator[str]:
    """An empty SQLite ledger, for tests about the file itself."""
    target = open_fresh("sqlite", tmp_path)
    try:
        yield target
    finally:
        close_test_ledger()


@pytest.fixture(autouse=True)
def _chain_anchors_kept_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """This computer's chain anchors (models/storage/chain_anchors.py) go to the test's folder,
    never the user's data folder."""
    from models.storage import chain_anchors

    monkeypatch.setattr(chain_anchors, "folder", tmp_path / "anchors")


@pytest.fixture(autouse=True)
def _pinned_clock_and_language() -> Iterator[None]:
    clock.pin(PINNED)
    set_language("en")
    yield
    clock.pin(None)
    set_language("en")


@pytest.fixture(autouse=True)
def _files_sqlite_opened_forgotten_after_each_test() -> Iterator[None]:
    """models.storage.live_files remembers every file SQLite opened, by device and inode, for
    the life of the process. A pytest process (an xdist worker most of all) lives
    through hundreds of ledgers that tests delete, and a later test's CSV can get a
    deleted ledger's inode: it was then refused as "a ledger" (seen under xdist in
    test_tabular.py::test_encodings_detected). Every test has closed its ledgers by
    the time this (set up first) is torn down, so the next test starts knowing none."""
    yield
    from models.storage import live_files

    with live_files._lock:
        live_files._remembered.clear()


@pytest.fixture
def ledger_target(ledger: str) -> None:
    """Same as `ledger`, for tests that only need it open."""
    return None


# (customers, days, seed) -> a closed SQLite demo ledger, built once per session (per
# xdist worker). Making a demo business is one of the slowest things the suite does;
# tests that read or change one get a copy of it instead of a new one.
_demo_masters: dict[tuple[int, int, int], Path] = {}


@pytest.fixture(scope="session")
def _demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("demo-masters")


def _demo_master(folder: Path, customers: int, days: int, seed: int) -> Path:
    key = (customers, days, seed)
    if key not in _demo_masters:
        from models.exchange import demo

        path = folder / f"demo-{customers}-{days}-{seed}.qkledger"
        clock.pin(PINNED)  # the copy must hold what a demo made in the test would
        # build_demo_file closes the ledger when done: the master is never open while
        # it is copied, so a copy can never catch a half-written page.
        demo.build_demo_file(path, customers=customers, days=days, seed=seed)
        _demo_masters[key] = path
    return _demo_masters[key]


def _copy_ledger(source: Path, target: Path) -> None:
    """Copy a closed SQLite ledger with SQLite's backup API (a consistent copy, with
    no -wal or -shm file of the source's left behind)."""
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


@pytest.fixture
def demo_ledger(tmp_path: Path, _demo_folder: Path) -> Callable[..., str]:
    """demo_ledger(target, customers=, days=, seed=): the open, empty ledger `target`
    (from the `ledger` fixture) replaced by one holding the demo business
    `models.exchange.demo.make_demo` makes with those arguments; returns its path or URL. On
    SQLite that is a copy of a demo built once per session; PostgreSQL builds it."""

    def make(target: str, *, customers: int, days: int, seed: int) -> str:
        if target.startswith("postgresql:"):
            from models.exchange import demo

            demo.make_demo(customers=customers, days=days, seed=seed)
            return target
        master = _demo_master(_demo_folder, customers, days, seed)
        db.close_ledger()  # the empty one; the `ledger` fixture closes the copy
        copy = tmp_path / f"demo-{customers}-{days}-{seed}.qkledger"
        _copy_ledger(master, copy)
        db.open_ledger(str(copy))
        return str(copy)

    return make


# --- the fault storm's counts at the end of pytest's report (CI's log keeps them) -------
# Here, not in tests/faults/conftest.py: under pytest-xdist the process that prints the
# report never collects, so only this conftest's hooks run in it. Each storm records
# its lines as a property of its test report, which travels from the worker.
_STORM_LINES: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call":
        for name, value in report.user_properties:
            if name == "fault storm":
                _STORM_LINES.extend(value)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _STORM_LINES:
        terminalreporter.section("fault storm")
        for line in _STORM_LINES:
            terminalreporter.write_line(line)


class MemoryKeyring(KeyringBackend):
    """A keychain in memory: what Windows Credential Manager, the macOS Keychain or
    the Secret Service would keep, as (service, account) -> password."""

    priority = 1  # type: ignore[assignment]  # usable, as a real keychain is

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """This computer's keychain, in memory for the test (keyring.set_keyring)."""
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)
