"""A ledger on a network drive or in a sync folder is never written there (issue 17.13).

SQLite's locks and WAL do not work across computers. The detector's inputs (Windows'
drive type, macOS's and Linux's file system type, the environment) are handed in, so
each platform's answer is tested here on Linux; the Linux mount table is parsed from a
sample, and a real sync folder is found by its name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from models.ledger import customers, posting
from models.storage import db, shared_folders
from models.storage.shared_folders import (
    DRIVE_REMOTE,
    SharedFolderError,
    SharedPlace,
    Surroundings,
    mounted_fs_type,
    shared_place,
)
from models.vocabulary.customer_records import CustomerDraft
from models.vocabulary.entry_records import PaymentMethod
from models.vocabulary.errors import LedgerNotWritable

DRIVE_FIXED = 3


def windows(drive_types: dict[str, int] | None = None, **env: str) -> Surroundings:
    types = drive_types or {}
    return Surroundings("win32", drive_type=lambda root: types.get(root, DRIVE_FIXED), env=env)


def macos(fs_type: str = "apfs") -> Surroundings:
    return Surroundings("darwin", fs_type=lambda _path: fs_type)


def linux(fs_type: str = "ext4") -> Surroundings:
    return Surroundings("linux", fs_type=lambda _path: fs_type)


@pytest.mark.parametrize(
    ("path", "place"),
    [
        (r"Z:\账本\shop.qkledger", SharedPlace("network", "Z:")),
        (r"\\fileserver\office\shop.qkledger", SharedPlace("network", r"\\fileserver\office")),
        ("//fileserver/office/shop.qkledger", SharedPlace("network", r"\\fileserver\office")),
        (
            r"\\?\UNC\fileserver\office\shop.qkledger",
            SharedPlace("network", r"\\fileserver\office"),
        ),
        (r"C:\Users\wang\账本\shop.qkledger", None),
        (r"\\?\C:\Users\wang\shop.qkledger", None),
        (r"C:\Users\wang\OneDrive - 清款商贸\shop.qkledger", SharedPlace("sync", "OneDrive")),
        (r"C:\Users\wang\OneDrive\文档\shop.qkledger", SharedPlace("sync", "OneDrive")),
        (r"D:\Nutstore\shop.qkledger", SharedPlace("sync", "坚果云 Nutstore")),
        (r"C:\Users\wang\我的坚果云\shop.qkledger", SharedPlace("sync", "坚果云 Nutstore")),
        (r"D:\BaiduSyncdisk\账本\shop.qkledger", SharedPlace("sync", "百度网盘")),
        (r"C:\Users\wang\Dropbox (清款)\shop.qkledger", SharedPlace("sync", "Dropbox")),
        (r"C:\Users\wang\iCloudDrive\shop.qkledger", SharedPlace("sync", "iCloud Drive")),
        (r"G:\My Drive\shop.qkledger", SharedPlace("sync", "Google Drive")),
        (r"E:\公司\OD\shop.qkledger", SharedPlace("sync", "OneDrive")),  # %OneDrive% moved
    ],
)
def test_windows_network_drives_shares_and_sync_folders(
    path: str, place: SharedPlace | None
) -> None:
    surroundings = windows({"Z:\\": DRIVE_REMOTE}, OneDriveCommercial=r"E:\公司\OD")
    assert shared_place(path, surroundings) == place


def test_a_local_drive_letter_is_not_a_network_drive() -> None:
    assert shared_place(r"Z:\shop.qkledger", windows({"Z:\\": DRIVE_FIXED})) is None


@pytest.mark.parametrize("fs_type", ["smbfs", "afpfs", "nfs", "webdav"])
def test_macos_network_file_systems(fs_type: str) -> None:
    place = shared_place("/Volumes/office/shop.qkledger", macos(fs_type))
    assert place == SharedPlace("network", fs_type)


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/Users/wang/Library/CloudStorage/OneDrive-清款商贸/shop.qkledger", "OneDrive"),
        ("/Users/wang/Library/CloudStorage/Dropbox/账本/shop.qkledger", "Dropbox"),
        (
            "/Users/wang/Library/CloudStorage/GoogleDrive-wang@example.com/My Drive/s.qkledger",
            "GoogleDrive",
        ),
        ("/Users/wang/Library/Mobile Documents/com~apple~CloudDocs/shop.qkledger", "iCloud Drive"),
        ("/Users/wang/Nutstore Files/我的坚果云/shop.qkledger", "坚果云 Nutstore"),
    ],
)
def test_macos_sync_folders(path: str, service: str) -> None:
    assert shared_place(path, macos("apfs")) == SharedPlace("sync", service)


def test_macos_local_disk_is_local() -> None:
    assert shared_place("/Users/wang/Documents/shop.qkledger", macos("apfs")) is None


@pytest.mark.parametrize(
    "fs_type",
    ["nfs", "nfs4", "cifs", "smb3", "9p", "fuse.sshfs", "fuse.rclone", "fuse.onedriver",
     "fuse.google-drive-ocamlfuse", "fuse.gvfsd-fuse"],
)  # fmt: skip
def test_linux_network_and_sync_file_systems(fs_type: str) -> None:
    assert shared_place("/mnt/office/shop.qkledger", linux(fs_type)) == SharedPlace(
        "network", fs_type
    )


@pytest.mark.parametrize("fs_type", ["ext4", "btrfs", "xfs", "tmpfs", "fuseblk", "fuse.portal"])
def test_linux_local_file_systems(fs_type: str) -> None:
    assert shared_place("/home/wang/账本/shop.qkledger", linux(fs_type)) is None


def test_linux_sync_folders_by_name() -> None:
    assert shared_place("/home/wang/Dropbox/shop.qkledger", linux()) == SharedPlace(
        "sync", "Dropbox"
    )
    assert shared_place("/home/wang/我的坚果云/s.qkledger", linux()) == SharedPlace(
        "sync", "坚果云 Nutstore"
    )
    assert shared_place("/home/wang/dropbox-notes.qkledger", linux()) is None  # a file's own name


MOUNTS = """\
sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
/dev/nvme0n1p3 /home ext4 rw,relatime 0 0
//fileserver/office /home/wang/office cifs rw,relatime,vers=3.1.1 0 0
fileserver:/export /mnt/nfs nfs4 rw,relatime,vers=4.2 0 0
wang@host:/srv /home/wang/Remote\\040Files fuse.sshfs rw,nosuid,nodev 0 0
gvfsd-fuse /run/user/1000/gvfs fuse.gvfsd-fuse rw,nosuid,nodev 0 0
"""


@pytest.mark.parametrize(
    ("path", "fs_type"),
    [
        ("/home/wang/账本/shop.qkledger", "ext4"),
        ("/home/wang/office/shop.qkledger", "cifs"),
        ("/home/wang/office", "cifs"),
        ("/home/wang/officer/shop.qkledger", "ext4"),  # a name that begins the same
        ("/mnt/nfs/a/b/shop.qkledger", "nfs4"),
        ("/home/wang/Remote Files/shop.qkledger", "fuse.sshfs"),
        ("/run/user/1000/gvfs/smb-share:server=fs,share=office/shop.qkledger", "fuse.gvfsd-fuse"),
        ("/srv/shop.qkledger", "ext4"),
    ],
)
def test_linux_mount_table_is_read_for_the_longest_mount_point(path: str, fs_type: str) -> None:
    assert mounted_fs_type(path, MOUNTS) == fs_type


def test_this_computer_finds_its_own_folders_local(tmp_path: Path) -> None:
    """Real: this computer's mount table (the test folder is on a local disk) and a real
    folder named like a sync folder."""
    assert shared_place(tmp_path / "shop.qkledger") is None
    (tmp_path / "Dropbox").mkdir()
    assert shared_place(tmp_path / "Dropbox" / "shop.qkledger") == SharedPlace("sync", "Dropbox")
    (tmp_path / "link").symlink_to(tmp_path / "Dropbox")  # a link into it is in it
    assert shared_place(tmp_path / "link" / "shop.qkledger") == SharedPlace("sync", "Dropbox")


# Opening: never for writing there; reading is allowed.


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def on_a_share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A ledger with one customer, in a folder this computer says is an SMB share."""
    path = tmp_path / "office" / "shop.qkledger"
    path.parent.mkdir()
    db.open_ledger(path)
    customers.add_customer(CustomerDraft(code="C1", name="王记"))
    db.close_ledger()
    share = str(path.parent)
    smb = Surroundings("linux", fs_type=lambda p: "cifs" if p.startswith(share) else "ext4")
    monkeypatch.setattr(Surroundings, "of_this_computer", classmethod(lambda cls: smb))
    return path


def test_a_ledger_on_a_share_is_not_opened_for_writing(on_a_share: Path) -> None:
    before = _digest(on_a_share)
    with pytest.raises(SharedFolderError) as refused:
        db.open_ledger(on_a_share, create=False)
    message = str(refused.value)
    assert "network drive or share (cifs)" in message and "PostgreSQL" in message
    assert f'main.py backup --db "{on_a_share}" --out' in message
    assert db.current_target() == ""
    assert _digest(on_a_share) == before
    assert sorted(p.name for p in on_a_share.parent.iterdir()) == ["shop.qkledger"]


def test_no_new_ledger_is_made_on_a_share(on_a_share: Path) -> None:
    new = on_a_share.parent / "new.qkledger"
    with pytest.raises(SharedFolderError) as refused:
        db.open_ledger(new)
    assert "A new ledger cannot be made in a network drive" in str(refused.value)
    assert "PostgreSQL" in str(refused.value)
    assert not new.exists()


def test_a_ledger_on_a_share_may_be_read(on_a_share: Path) -> None:
    """Decided: reading is allowed there (print, export, check, copy out): SQLite opens
    it read-only and never writes the file, so it cannot damage it."""
    before = _digest(on_a_share)
    db.open_ledger(on_a_share, create=False, upgrade=False)
    try:
        assert db.is_read_only()
        assert [c.code for c in customers.list_customers()] == ["C1"]
        cid = customers.customer_by_code("C1").id
        with pytest.raises(LedgerNotWritable):
            posting.post_payment(cid, dt.date(2026, 11, 5), 10_00, PaymentMethod.CASH)
    finally:
        db.close_ledger()
    assert _digest(on_a_share) == before


def test_the_local_copy_is_made_through_the_backup_api_and_opens(
    on_a_share: Path, tmp_path: Path
) -> None:
    local = tmp_path / "data"
    copy = shared_folders.copy_to_local(on_a_share, local)
    assert copy == local / "shop.qkledger"
    assert shared_folders.copy_to_local(on_a_share, local) == local / "shop (2).qkledger"
    db.open_ledger(copy, create=False)
    try:
        assert not db.is_read_only()
        assert [c.code for c in customers.list_customers()] == ["C1"]
    finally:
        db.close_ledger()
