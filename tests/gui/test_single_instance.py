"""The single-instance socket is this user's alone (issue 17.14).

Another local user created the predictable socket in /tmp first, received
``postgresql://ra:<password>@…`` from the next start, and the window never opened. These
tests put a real listener of another user (`nobody`, when run as root as in CI) where it
could be, and real second starts in front of it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from gui import local_peer, single_instance
from gui.single_instance import InstanceServer, hand_over, instance_key
from tests.ordinary_user import NOBODY, folder_anyone_can_enter

ROOT = Path(__file__).resolve().parents[2]

# A listener that is not Qingkuan: it records what each connection sent (hex, one line
# per connection) and answers "ok" as a running Qingkuan would.
SQUATTER = r"""
import os, socket, sys
path, record = sys.argv[1], sys.argv[2]
server = socket.socket(socket.AF_UNIX)
server.bind(path)
os.chmod(path, 0o777)
server.listen()
open(record + ".ready", "w").close()
while True:
    conn, _ = server.accept()
    conn.settimeout(10)
    data = b""
    try:
        while not data.endswith(b"\n"):
            chunk = conn.recv(4096)
            if not chunk:
                break
            data += chunk
        if data:
            conn.sendall(b"ok\n")
    except OSError:
        pass
    with open(record, "a") as fh:
        fh.write(data.hex() + "\n")
    conn.close()
"""


def _another_user() -> dict[str, object]:
    """Popen arguments that run a process as another user (root becomes nobody)."""
    if os.geteuid() != 0:
        pytest.skip("only root can run a process as another user here")
    return {"user": NOBODY, "group": NOBODY}


def _python_for(other_user: bool) -> str:
    """A Python another user may run (ours may live in root's private home)."""
    if not other_user:
        return sys.executable
    for candidate in ("/usr/bin/python3", "/usr/local/bin/python3"):
        if os.access(candidate, os.X_OK):
            return candidate
    pytest.skip("no system Python that another user could run")


class Squatter:
    """A foreign listener on `path`, and what it received."""

    def __init__(self, path: Path, folder: Path, *, other_user: bool) -> None:
        self.path, self.record = path, folder / f"record-{uuid.uuid4().hex[:8]}"
        extra = _another_user() if other_user else {}
        self.process = subprocess.Popen(  # noqa: S603
            [_python_for(other_user), "-c", SQUATTER, str(path), str(self.record)], **extra
        )
        self._wait_for(Path(f"{self.record}.ready"))

    def _wait_for(self, path: Path, seconds: float = 20) -> None:
        deadline = time.monotonic() + seconds
        while not path.exists():
            assert self.process.poll() is None, "the squatter could not listen"
            assert time.monotonic() < deadline, f"{path} never appeared"
            time.sleep(0.05)

    def connections(self, at_least: int = 0) -> list[bytes]:
        """What each connection sent, once at least `at_least` were recorded."""
        if at_least:
            deadline = time.monotonic() + 20
            while len(self._lines()) < at_least and time.monotonic() < deadline:
                time.sleep(0.05)
        return [bytes.fromhex(line) for line in self._lines()]

    def _lines(self) -> list[str]:
        try:
            return self.record.read_text().splitlines()
        except FileNotFoundError:
            return []

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()
        self.path.unlink(missing_ok=True)


@pytest.fixture
def public_folder() -> Iterator[Path]:
    with folder_anyone_can_enter() as path:
        path.chmod(0o777)
        yield path


@pytest.fixture
def runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private $XDG_RUNTIME_DIR with a short path (a socket path has ~100 bytes)."""
    path = Path(tempfile.mkdtemp(prefix="qkrt-"))
    path.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(path))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_the_instance_socket_lives_where_only_this_user_can_enter(runtime_dir: Path) -> None:
    key = instance_key()
    assert key is not None and Path(key).parent == runtime_dir
    assert not key.startswith(tempfile.gettempdir() + "/qingkuan-")


def test_without_a_private_runtime_folder_one_is_made_private(
    monkeypatch: pytest.MonkeyPatch, public_folder: Path
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(public_folder))  # anyone may enter: not used
    temp = Path(tempfile.mkdtemp(prefix="qkt-"))
    monkeypatch.setattr(single_instance.tempfile, "gettempdir", lambda: str(temp))
    try:
        key = instance_key()
        assert key is not None
        folder = Path(key).parent
        assert folder == temp / f"qingkuan-{os.geteuid()}"
        info = folder.lstat()
        assert info.st_uid == os.geteuid() and stat.S_IMODE(info.st_mode) == 0o700
    finally:
        shutil.rmtree(temp, ignore_errors=True)


@pytest.mark.parametrize("made_by", ["another user", "a link"])
def test_a_private_folder_someone_else_made_first_is_never_used(
    monkeypatch: pytest.MonkeyPatch, public_folder: Path, made_by: str
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(single_instance.tempfile, "gettempdir", lambda: str(public_folder))
    planted = public_folder / f"qingkuan-{os.geteuid()}"
    if made_by == "a link":
        (public_folder / "elsewhere").mkdir(mode=0o700)
        planted.symlink_to(public_folder / "elsewhere")
    else:
        _another_user()
        planted.mkdir(mode=0o700)
        os.chown(planted, NOBODY, NOBODY)
    assert instance_key() is None
    assert hand_over(None, "/home/wang/shop.qkledger") is False  # this start opens its window
    assert InstanceServer(None).listen() is False


def test_a_listener_of_another_user_never_receives_the_target(
    qapp: object, public_folder: Path
) -> None:
    squatter = Squatter(public_folder / "qk.sock", public_folder, other_user=True)
    try:
        handed = hand_over(str(squatter.path), "postgresql://ra:S3cretPw@db.office/ledger")
        assert handed is False  # so this start opens its own window
        assert squatter.connections(at_least=1) == [b""]  # it knocked, and sent nothing
    finally:
        squatter.stop()


def test_local_peer_tells_this_user_from_another(public_folder: Path) -> None:
    import socket

    path = public_folder / "peer.sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        path.chmod(0o777)
        server.listen()
        knock = f"import socket; s = socket.socket(socket.AF_UNIX); s.connect({str(path)!r})"
        seen = []
        for other_user in (False, True):
            extra = _another_user() if other_user else {}
            child = subprocess.Popen([_python_for(other_user), "-c", knock], **extra)  # noqa: S603
            conn, _ = server.accept()
            with conn:
                seen.append(local_peer.same_user(conn.fileno(), peer_is_server=False))
            child.wait()
    assert seen == [True, False]


def test_the_sent_message_never_holds_a_password(
    runtime_dir: Path, qapp: object, qtbot: QtBot
) -> None:
    key = instance_key()
    holder = QObject()  # Qt deletes the server and its sockets with it, in order
    server = InstanceServer(key, holder)
    assert server.listen()
    target = "postgresql://ra:S3cretPw@db.office/ledger?sslmode=require&password=S3cretPw"
    code = (
        "import sys; from PySide6.QtCore import QCoreApplication;"
        "from gui.single_instance import hand_over;"
        "app = QCoreApplication([]);"
        "sys.exit(0 if hand_over(sys.argv[1], sys.argv[2]) else 1)"
    )
    try:
        with qtbot.waitSignal(server.ledger_requested, timeout=10_000) as signal:
            child = subprocess.Popen([sys.executable, "-c", code, str(key), target], cwd=ROOT)  # noqa: S603
        assert child.wait(timeout=30) == 0
    finally:
        server.close()
        holder.deleteLater()
    assert signal.args == ["postgresql://ra@db.office/ledger?sslmode=require"]


def _old_instance_name(user: str, data_dir: Path) -> str:
    """The name the socket had in /tmp before (Qt put a bare name in the temp folder)."""
    return "qingkuan-" + hashlib.sha1(f"{user}|{data_dir}".encode()).hexdigest()[:12]


def test_a_squatter_at_the_old_tmp_name_does_not_stop_the_window(
    tmp_path: Path, runtime_dir: Path, public_folder: Path
) -> None:
    from models.storage import db
    from tests.models.helpers import make_customer

    ledger = tmp_path / "shop.qkledger"
    db.open_ledger(ledger)
    make_customer()  # the window reports "ready" once customers are listed
    db.close_ledger()
    home = tmp_path / "home"
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_RUNTIME_DIR": str(runtime_dir),
        "LOGNAME": "qk-clerk",
        "USER": "qk-clerk",
        "QT_QPA_PLATFORM": "offscreen",
        "QK_READY_REPORT": "1",
    }
    old = Path(tempfile.gettempdir()) / _old_instance_name("qk-clerk", home / "data" / "Qingkuan")
    squatter = Squatter(old, public_folder, other_user=os.geteuid() == 0)
    try:
        started = subprocess.run(  # noqa: S603
            [sys.executable, str(ROOT / "main.py"), "--db", str(ledger)],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert started.returncode == 0, started.stderr
        assert "ready" in started.stdout and "shop.qkledger" in started.stdout  # it opened
        assert squatter.connections() == []  # nothing ever reached the squatter
    finally:
        squatter.stop()


def test_a_stale_socket_left_by_a_crash_is_replaced(runtime_dir: Path, qapp: object) -> None:
    import socket

    key = instance_key()
    assert key is not None
    with socket.socket(socket.AF_UNIX) as crashed:  # bound, then gone: the file stays
        crashed.bind(key)
    assert Path(key).exists()
    holder = QObject()
    server = InstanceServer(key, holder)
    try:
        assert server.listen()
    finally:
        server.close()
        holder.deleteLater()
