"""One Qingkuan window per user: a second start hands its ledger to the first and exits.

Double-clicking a .qkledger file while Qingkuan runs must open that ledger in the
running window, not start a second copy on the same file (two windows on one SQLite file
would each hold their own idea of what is on screen). The first start listens on a local
socket (a named pipe on Windows) only this user can open; a later start sends it the
ledger's path, waits for "ok" and exits. macOS delivers a double-click to a running app
as a FileOpen event instead, which `FileOpenFilter` turns into the same request.
"""

from __future__ import annotations

import getpass
import hashlib

from PySide6.QtCore import QByteArray, QEvent, QObject, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from models import paths

ACK = b"ok\n"
TIMEOUT_MS = 1500


def instance_key() -> str:
    """A name for this user's Qingkuan: the same for every start by the same user with the
    same data folder, different for another user on the same computer."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "user"
    digest = hashlib.sha1(f"{user}|{paths.data_dir()}".encode()).hexdigest()[:12]
    return f"qingkuan-{digest}"


def hand_over(key: str, target: str, timeout_ms: int = TIMEOUT_MS) -> bool:
    """Ask a running Qingkuan to open `target` ("" = just come to the front).

    True when it answered; False when none runs (then this start becomes the first)."""
    socket = QLocalSocket()
    socket.connectToServer(key)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(QByteArray(target.encode("utf-8") + b"\n"))
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

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening; a socket file left by a crashed run is removed first."""
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
