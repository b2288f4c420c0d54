"""Ledger files in shared folders: network drives and file systems, sync folders.

SQLite keeps a ledger safe through file locks and, in WAL mode, through memory shared
between the programs that have it open. Neither works across computers: a ledger on a
mapped network drive (``Z:``), an SMB/NFS share, or in a folder a sync program copies
between computers (OneDrive, 坚果云, Dropbox, iCloud Drive, Google Drive, 百度网盘…) can
lose committed entries or be damaged when two computers write it. Such a ledger is
therefore never opened for writing (nor created there); it may be read (printed,
exported, checked, copied out), which never writes the file. The office that wants one
ledger for several computers uses a PostgreSQL server.

Detection asks the operating system where the file is (`Surroundings`): the drive type
on Windows, the file system type on macOS (statfs) and Linux (the mount table), and the
folder names sync programs use, on all three. Tests hand in their own `Surroundings`.
"""

from __future__ import annotations

import fnmatch
import os
import sqlite3
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

from models.vocabulary.errors import LedgerFileError
from models.vocabulary.i18n import _
from models.vocabulary.program import program_name

# File system types (Linux /proc/mounts, macOS f_fstypename) of network file systems.
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afpfs", "webdav", "davfs",
        "9p", "afs", "ceph", "glusterfs", "lustre", "gpfs", "beegfs", "ncpfs", "ftp",
        "fuse.sshfs", "fuse.rclone", "fuse.s3fs", "fuse.gvfsd-fuse", "fuse.davfs",
    }
)  # fmt: skip
# FUSE file systems of sync and cloud-drive clients: fuse.<name> with one of these in it.
_FUSE_REMOTE_WORDS = ("sync", "drive", "cloud", "dav", "ssh", "smb", "nfs", "onedrive", "nutstore")

# Folder names sync programs create (matched case-insensitively, anywhere in the path),
# and the service to name in the message.
SYNC_FOLDERS: tuple[tuple[str, str], ...] = (
    ("OneDrive", "OneDrive"),
    ("OneDrive - *", "OneDrive"),
    ("OneDrive-*", "OneDrive"),
    ("Dropbox", "Dropbox"),
    ("Dropbox (*)", "Dropbox"),
    ("iCloudDrive", "iCloud Drive"),
    ("iCloud Drive", "iCloud Drive"),
    ("Mobile Documents", "iCloud Drive"),
    ("com~apple~CloudDocs", "iCloud Drive"),
    ("Google Drive", "Google Drive"),
    ("GoogleDrive-*", "Google Drive"),
    ("My Drive", "Google Drive"),
    ("我的云端硬盘", "Google Drive"),
    ("Nutstore", "坚果云 Nutstore"),
    ("Nutstore Files", "坚果云 Nutstore"),
    ("我的坚果云", "坚果云 Nutstore"),
    ("坚果云", "坚果云 Nutstore"),
    ("BaiduSyncdisk", "百度网盘"),
    ("百度网盘同步空间", "百度网盘"),
    ("百度云同步盘", "百度网盘"),
    ("Box Sync", "Box"),
    ("pCloud Drive", "pCloud"),
    ("Yandex.Disk", "Yandex Disk"),
    ("Nextcloud", "Nextcloud"),
    ("ownCloud", "ownCloud"),
    ("SynologyDrive", "Synology Drive"),
    ("Seafile", "Seafile"),
)
# Windows: what OneDrive sets to its folders.
_ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a mapped network drive


@dataclass(frozen=True)
class Surroundings:
    """What the detector asks the operating system, so tests can answer for any one.

    `drive_type(root)`: Windows' GetDriveTypeW for a drive root like ``Z:\\``;
    `fs_type(path)`: the file system type of the folder holding `path` (macOS statfs
    f_fstypename, Linux the mount table); `env`: the environment (OneDrive's variables).
    Either function may answer None: unknown, which is never taken for shared."""

    platform: str
    drive_type: Callable[[str], int | None] = lambda _root: None
    fs_type: Callable[[str], str | None] = lambda _path: None
    env: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of_this_computer(cls) -> Surroundings:
        return cls(sys.platform, _windows_drive_type, _this_fs_type, os.environ)


@dataclass(frozen=True)
class SharedPlace:
    """Where a ledger is that several computers may reach: `network` (a drive, share or
    file system; `name` says which) or `sync` (`name`: the sync service)."""

    kind: str
    name: str

    def describe(self) -> str:
        if self.kind == "sync":
            return _("the {service} sync folder").format(service=self.name)
        return _("a network drive or share ({name})").format(name=self.name)


class SharedFolderError(LedgerFileError):
    """A ledger in a shared folder was to be opened for writing (or created there)."""

    def __init__(self, message: str, path: Path, place: SharedPlace) -> None:
        super().__init__(message)
        self.path, self.place = path, place


def shared_place(path: str | Path, surroundings: Surroundings | None = None) -> SharedPlace | None:
    """Where `path` is, when several computers may write there; None for a local folder."""
    if surroundings is None:
        surroundings = Surroundings.of_this_computer()
        path = os.path.realpath(path)  # a link into a shared folder is in it
    windows = surroundings.platform == "win32"
    pure: PurePath = PureWindowsPath(str(path)) if windows else PurePosixPath(str(path))
    place = _network_place(pure, surroundings) if windows else None
    if place is None and not windows:
        kind = (surroundings.fs_type(str(path)) or "").lower()
        if _is_network_fs(kind):
            place = SharedPlace("network", kind)
    return place or _sync_place(pure, surroundings)


def _network_place(path: PurePath, surroundings: Surroundings) -> SharedPlace | None:
    text = str(path)
    if text.startswith("\\\\?\\"):  # an extended-length path: \\?\C:\… or \\?\UNC\server\…
        text = text[4:]
        if text.upper().startswith("UNC\\"):
            return SharedPlace("network", "\\\\" + "\\".join(text[4:].split("\\")[:2]))
        path = PureWindowsPath(text)
    if text.startswith(("\\\\", "//")):
        return SharedPlace("network", path.anchor.rstrip("\\/") or text)
    if path.drive and surroundings.drive_type(path.drive + "\\") == DRIVE_REMOTE:
        return SharedPlace("network", path.drive)
    return None


def _is_network_fs(kind: str) -> bool:
    if kind in NETWORK_FILESYSTEMS:
        return True
    return kind.startswith("fuse.") and any(word in kind[5:] for word in _FUSE_REMOTE_WORDS)


def _sync_place(path: PurePath, surroundings: Surroundings) -> SharedPlace | None:
    parts = [part.lower() for part in path.parts]
    for i, part in enumerate(parts[:-1]):  # folders only, not the ledger's own name
        if (
            part == "cloudstorage"
            and i > 0
            and parts[i - 1] == "library"
            and i + 1 < len(parts) - 1
        ):
            # macOS File Provider: ~/Library/CloudStorage/<Service>-<account>/…
            return SharedPlace("sync", path.parts[i + 1].split("-")[0])
        for pattern, service in SYNC_FOLDERS:
            if fnmatch.fnmatchcase(part, pattern.lower()):
                return SharedPlace("sync", service)
    windows = surroundings.platform == "win32"
    for variable in _ONEDRIVE_VARIABLES:
        folder = surroundings.env.get(variable, "")
        if folder and _is_inside(
            path, PureWindowsPath(folder) if windows else PurePosixPath(folder)
        ):
            return SharedPlace("sync", "OneDrive")
    return None


def _is_inside(path: PurePath, folder: PurePath) -> bool:
    inner = [p.lower() for p in path.parts]
    outer = [p.lower() for p in folder.parts]
    return len(inner) > len(outer) and inner[: len(outer)] == outer


def refusal(
    path: str | Path, place: SharedPlace, local_copy: Path | None = None
) -> SharedFolderError:
    """The sentence that refuses writing a ledger in a shared place, and says what to do."""
    path = Path(path)
    if not path.exists():
        return SharedFolderError(
            _(
                "A new ledger cannot be made in {place} (‘{path}’): a ledger file there can "
                "lose entries or be damaged when two computers write it. Choose a folder on "
                "this computer. To share one ledger between the computers of an office, use "
                "a PostgreSQL server (a postgresql:// address)."
            ).format(place=place.describe(), path=path),
            path,
            place,
        )
    copy = local_copy or local_copy_path(path)
    message = _(
        "‘{path}’ is in {place}. A ledger file there can lose entries or be damaged when "
        "two computers write it (SQLite cannot lock it across computers), so Qingkuan "
        "only reads it there: printing, exporting and checking work. To work on it, copy "
        'it to this computer: {program} backup --db "{path}" --out "{copy}", then use '
        '--db "{copy}" (the window offers the same copy). To share one ledger between '
        "the computers of an office, use a PostgreSQL server (a postgresql:// address)."
    ).format(path=path, place=place.describe(), copy=copy, program=program_name())
    return SharedFolderError(message, path, place)


def local_copy_path(path: str | Path, folder: Path | None = None) -> Path:
    """Where a local copy of the shared ledger `path` goes: the data folder, under the
    same name (``name (2).qkledger``… when that is taken)."""
    from models.storage import paths

    folder = folder or paths.data_dir()
    name = Path(path)
    candidate = folder / name.name
    n = 2
    while candidate.exists():
        candidate = folder / f"{name.stem} ({n}){name.suffix}"
        n += 1
    return candidate


def copy_to_local(path: str | Path, folder: Path | None = None) -> Path:
    """Copy the shared ledger `path` to this computer's data folder (or `folder`) under
    a free name (`local_copy_path`) and return the copy (see `copy_out`)."""
    from models.storage import paths

    folder = folder or paths.data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return copy_out(path, local_copy_path(path, folder))


def copy_out(path: str | Path, out: str | Path) -> Path:
    """Copy the ledger `path` from a shared folder to `out` through SQLite's backup API
    (a raw copy could catch a half-written file), checked before it replaces `out`.
    Nothing is written in the shared folder: with no -wal file there, the ledger is
    read as immutable, which needs no -shm or -wal file beside it (a sync program would
    carry those to the computers that have the ledger open)."""
    from models.storage import backup

    source, out = Path(path), Path(out)
    part = out.with_name(f".{out.name}.part")
    wal = Path(f"{source}-wal")
    pending = wal.exists() and wal.stat().st_size > 0
    uri = source.resolve().as_uri() + ("?mode=ro" if pending else "?mode=ro&immutable=1")
    try:
        src = sqlite3.connect(uri, uri=True, timeout=30)
        try:
            dst = sqlite3.connect(part)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            finally:
                dst.close()
        finally:
            src.close()
        problem = backup.verify(part)
        if problem:
            raise LedgerFileError(
                _("The copy of ‘{path}’ did not check out: {reason}").format(
                    path=source, reason=problem
                )
            )
        os.replace(part, out)
    except sqlite3.Error as err:
        raise LedgerFileError(
            _("‘{path}’ could not be copied: {reason}").format(path=source, reason=err)
        ) from err
    finally:
        part.unlink(missing_ok=True)
    return out


# What this computer says.


def _windows_drive_type(root: str) -> int | None:
    if sys.platform != "win32":
        return None
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def _this_fs_type(path: str) -> str | None:
    if sys.platform == "darwin":
        return _macos_fs_type(path)
    if sys.platform.startswith("linux"):
        try:
            with open("/proc/self/mounts", encoding="utf-8", errors="replace") as mounts:
                return mounted_fs_type(path, mounts.read())
        except OSError:
            return None
    return None


def mounted_fs_type(path: str, mounts: str) -> str | None:
    """The type of the file system holding `path`, from a Linux mount table
    (``/proc/self/mounts``: device, mount point, type, options…; spaces in a mount point
    written ``\\040``): the mount with the longest mount point that contains `path`."""
    best, best_type = -1, None
    target = PurePosixPath(path)
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = PurePosixPath(_unescape_mount(fields[1]))
        if (target == point or point in target.parents) and len(point.parts) > best:
            best, best_type = len(point.parts), fields[2]
    return best_type


def _unescape_mount(text: str) -> str:
    """/proc/mounts writes space, tab, newline and backslash as octal escapes."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        text = text.replace(code, char)
    return text


def _macos_fs_type(path: str) -> str | None:
    """statfs(2)'s f_fstypename (smbfs, afpfs, nfs, webdav, apfs…)."""
    import ctypes
    import ctypes.util

    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    # struct statfs (64-bit inodes): f_fstypename[16] follows 72 bytes of counts and ids.
    statfs = getattr(libc, "statfs$INODE64", None) or libc.statfs
    buffer = ctypes.create_string_buffer(4096)
    folder = path if Path(path).is_dir() else str(Path(path).parent)
    if statfs(os.fsencode(folder), buffer) != 0:
        return None
    return buffer.raw[72:88].split(b"\0", 1)[0].decode("ascii", "replace") or None
