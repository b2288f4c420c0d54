"""One Qingkuan window per user: a second start hands its ledger to the first and exits.

Double-clicking a .qkledger file while Qingkuan runs must open that ledger in the
running window, not start a second copy on the same file (two windows on one SQLite file
would each hold their own idea of what is on screen). The first start listens on a local
socket (a named pipe on Windows) only this user can open; a later start sends it the
ledger's path, waits for "ok" and exits. macOS delivers a double-click to a running app
as a FileOpen event instead, which `FileOpenFilter` turns into the same request.

The socket was once named in /tmp, where another local user could create it first,
receive ``postgresql://ra:<password>@…`` from the next start and keep the window from
ever opening. Now: the socket lives in a folder only this user can enter
(`instance_address`), each end checks that the other runs as this user
(`gui.local_peer`), and a password never travels: the running window asks for it or
finds it where it would on any open (PGPASSWORD, ~/.pgpass).
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import stat
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from gui import local_peer
from models.storage import paths
from models.storage.targets import without_password

log = logging.getLogger(__name__)

ACK = b"ok\n"
TIMEOUT_MS = 1500
# A Unix socket's path must fit in sockaddr_un (104 bytes on macOS, 108 on Linux).
_MAX_SOCKET_PATH = 100


def instance_key() -> str | None:
    """Where this user's Qingkuan listens: the same for every start by the same user with
    the same data folder, out of every other user's reach. A socket in a folder only
    this user can enter on Unix (`private_folder`), a pipe named with the user's SID on
    Windows (Qt's UserAccessOption limits it to that user). None when no such folder
    can be trusted: every start then opens its own window."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "user"
    name = "qingkuan-" + hashlib.sha1(f"{user}|{paths.data_dir()}".encode()).hexdigest()[:12]
    if sys.platform == "win32":
        try:
            return f"{name}-{local_peer.user_sid()}"
        except OSError as err:
            log.warning("no single-instance pipe: the user's SID is unknown: %s", err)
            return None
    folder = private_folder(len(name) + 1)
    return str(folder / name) if folder is not None else None


def private_folder(room: int = 0) -> Path | None:
    """A folder only this user can enter, with `room` bytes left for a socket's name:
    $XDG_RUNTIME_DIR (Linux), the per-user temporary folder (macOS's $TMPDIR), else
    ``qingkuan-<uid>`` made private in the temporary folder. A folder someone else
    owns or may enter is never used (another user may have made it first)."""
    candidates = [os.environ.get("XDG_RUNTIME_DIR", "")]
    if sys.platform == "darwin":
        candidates.append(os.environ.get("TMPDIR", ""))
    fallback = Path(tempfile.gettempdir()) / f"qingkuan-{os.geteuid()}"
    for folder in [Path(c) for c in candidates if c.startswith("/")] + [fallback]:
        if len(os.fsencode(str(folder))) + room > _MAX_SOCKET_PATH:
            continue
        if folder == fallback:
            try:
                folder.mkdir(mode=0o700)
            except FileExistsError:
                pass  # ours from an earlier start, or someone else's: checked below
            except OSError as err:
                log.warning("cannot make %s: %s", folder, err)
                continue
        if _is_private(folder):
            return folder
        log.warning("not using %s for the instance socket: it is not private", folder)
    return None


def _is_private(folder: Path) -> bool:
    """A real folder (not a link), owned by this user, that nobody else may enter."""
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.geteuid()
        and not info.st_mode & (stat.S_IRWXG | stat.S_IRWXO)
    )


def _peer_is_us(socket: QLocalSocket, *, peer_is_server: bool) -> bool:
    return local_peer.same_user(int(socket.socketDescriptor()), peer_is_server=peer_is_server)


def hand_over(key: str | None, target: str, timeout_ms: int = TIMEOUT_MS) -> bool:
    """Ask a running Qingkuan to open `target` ("" = just come to the front). A
    shared ledger's password is taken out first: it never goes through the socket.

    True when it answered; False when none runs (then this start becomes the first), and
    when the listener is not this user's (nothing is sent to it)."""
    if key is None:
        return False
    socket = QLocalSocket()
    socket.connectToServer(key)
    if not socket.waitForConnected(timeout_ms):
        return False
    if not _peer_is_us(socket, peer_is_server=True):
        log.warning("the instance socket %s belongs to another user: not used", key)
        socket.abort()
        return False
    socket.write(QByteArray(without_password(target).encode("utf-8") + b"\n"))
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)  # False when flush() already sent it all
    received = b""
    while not received.endswith(ACK) and socket.waitForReadyRead(timeout_ms):
        received += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    answered = received.endswith(ACK)
    return answered


class InstanceServer(QObject):
    """Listens for later starts; `ledger_requested` carries the path each one sent."""

    ledger_requested = Signal(str)

    def __init__(self, key: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening; a socket file left by a crashed run is removed first.
        False without a private place to listen (this window then stays on its own)."""
        if self.key is None:
            return False
        if self.server.listen(self.key):
            return True
        if hand_over(self.key, "", timeout_ms=300):
            return False  # a live Qingkuan holds the name
        QLocalServer.removeServer(self.key)
        return self.server.listen(self.key)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if not _peer_is_us(socket, peer_is_server=False):
                log.warning("a start by another user knocked on the instance socket")
                socket.abort()
                socket.deleteLater()
                continue
            buffer = bytearray()

            def read(socket: QLocalSocket = socket, buffer: bytearray = buffer) -> None:
                buffer.extend(bytes(socket.readAll().data()))
                if b"\n" in buffer:
                    line = bytes(buffer).split(b"\n", 1)[0]
                    socket.write(QByteArray(ACK))
                    socket.flush()
                    self.ledger_requested.emit(line.decode("utf-8", errors="replace"))

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)


class FileOpenFilter(QObject):
    """macOS: a document double-clicked while Qingkuan runs arrives as a FileOpen event."""

    file_opened = Signal(str)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            self.file_opened.emit(event.file())
            return True
        return super().eventFilter(watched, event)
