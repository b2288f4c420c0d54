"""Who is at the other end of a local socket (a named pipe on Windows): this user or not.

The single-instance socket hands a ledger's address to the Qingkuan already running.
Another user on the same computer must never be that other end: a socket someone else
created would receive the address (and the window would never open). No Qt here: only
the operating system can say who the peer is.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import socket
import struct
import sys

log = logging.getLogger(__name__)


def same_user(descriptor: int, *, peer_is_server: bool) -> bool:
    """True when the process at the other end of the connected local socket runs as
    this user. `descriptor`: the socket's file descriptor (Unix) or the pipe's handle
    (Windows); `peer_is_server`: we connected to it (else it connected to us). Any
    doubt (an error asking the system) counts as someone else."""
    try:
        if sys.platform == "win32":
            return _windows_peer_sid(descriptor, peer_is_server) == user_sid()
        return peer_uid(descriptor) == os.geteuid()
    except OSError as err:
        log.warning("cannot tell who is at the other end of the instance socket: %s", err)
        return False


def peer_uid(fd: int) -> int:
    """The user id of the process at the other end of the Unix socket `fd`."""
    if hasattr(socket, "SO_PEERCRED"):  # Linux: struct ucred {pid, uid, gid}
        with socket.socket(fileno=os.dup(fd)) as sock:  # a copy: Qt keeps its own
            creds = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
        return struct.unpack("3i", creds)[1]
    # macOS and the BSDs: getpeereid(2)
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    uid, gid = ctypes.c_uint32(), ctypes.c_uint32()
    if libc.getpeereid(fd, ctypes.byref(uid), ctypes.byref(gid)) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, os.strerror(errno))
    return uid.value


# Windows: the pipe's other process, and the user (SID) its token runs as.
_PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
_TOKEN_QUERY = 0x0008
_TOKEN_USER = 1


def user_sid() -> str:
    """This process's user as a SID string (``S-1-5-21-…``), Windows only."""
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.GetCurrentProcess.restype = ctypes.c_void_p
    return _token_sid(kernel32.GetCurrentProcess())


def _windows_peer_sid(handle: int, peer_is_server: bool) -> str:
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    ask = (
        kernel32.GetNamedPipeServerProcessId
        if peer_is_server
        else kernel32.GetNamedPipeClientProcessId
    )
    ask.argtypes = [wintypes.HANDLE, ctypes.POINTER(wintypes.ULONG)]
    pid = wintypes.ULONG()
    if not ask(wintypes.HANDLE(handle), ctypes.byref(pid)):
        raise ctypes.WinError(ctypes.get_last_error())  # type: ignore[attr-defined]
    kernel32.OpenProcess.restype = wintypes.HANDLE
    process = kernel32.OpenProcess(_PROCESS_QUERY_LIMITED_INFORMATION, False, pid.value)
    if not process:
        raise ctypes.WinError(ctypes.get_last_error())  # type: ignore[attr-defined]
    try:
        return _token_sid(process)
    finally:
        kernel32.CloseHandle(wintypes.HANDLE(process))


def _token_sid(process: int | None) -> str:
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)  # type: ignore[attr-defined]
    token = wintypes.HANDLE()
    if not advapi32.OpenProcessToken(wintypes.HANDLE(process), _TOKEN_QUERY, ctypes.byref(token)):
        raise ctypes.WinError(ctypes.get_last_error())  # type: ignore[attr-defined]
    try:
        size = wintypes.DWORD()
        advapi32.GetTokenInformation(token, _TOKEN_USER, None, 0, ctypes.byref(size))
        buffer = ctypes.create_string_buffer(size.value)
        if not advapi32.GetTokenInformation(token, _TOKEN_USER, buffer, size, ctypes.byref(size)):
            raise ctypes.WinError(ctypes.get_last_error())  # type: ignore[attr-defined]
        sid = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_void_p))[0]  # TOKEN_USER.User.Sid
        text = wintypes.LPWSTR()
        if not advapi32.ConvertSidToStringSidW(ctypes.c_void_p(sid), ctypes.byref(text)):
            raise ctypes.WinError(ctypes.get_last_error())  # type: ignore[attr-defined]
        try:
            return str(text.value)
        finally:
            kernel32.LocalFree(text)
    finally:
        kernel32.CloseHandle(token)
