"""A ledger in a sync folder, from the command line (issue 17.13): commands that only
read work, every write is refused with what to do (a local copy through ``backup``, or
PostgreSQL for a shared office), and that local copy works. Real processes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from models.storage import db
from tests.cli.test_main import files, run  # noqa: F401  (the `files` fixture)
from tests.models.helpers import make_customer


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_ledger_in_a_sync_folder_is_read_not_written(
    tmp_path: Path,
    files: dict[str, Path],  # noqa: F811
) -> None:
    made = tmp_path / "shop.qkledger"
    db.open_ledger(made)
    make_customer()
    db.close_ledger()
    synced = tmp_path / "Dropbox" / "shop.qkledger"
    synced.parent.mkdir()
    made.rename(synced)  # what a clerk did: put the ledger in the Dropbox folder
    before = _digest(synced)

    assert run(tmp_path, "--db", str(synced), "today").returncode == 0
    assert run(tmp_path, "--db", str(synced), "check").returncode == 0

    refused = run(tmp_path, "--db", str(synced), "import", "customers", str(files["customers"]))
    assert refused.returncode == 1
    assert "the Dropbox sync folder" in refused.stderr and "PostgreSQL" in refused.stderr
    assert f'main.py backup --db "{synced}" --out' in refused.stderr
    assert "Traceback" not in refused.stderr
    assert _digest(synced) == before
    assert sorted(p.name for p in synced.parent.iterdir()) == ["shop.qkledger"]

    local = tmp_path / "local.qkledger"  # the copy the message tells how to make
    assert run(tmp_path, "--db", str(synced), "backup", "--out", str(local)).returncode == 0
    assert sorted(p.name for p in synced.parent.iterdir()) == ["shop.qkledger"]
    done = run(tmp_path, "--db", str(local), "import", "customers", str(files["customers"]))
    assert done.returncode == 0, done.stderr
    assert _digest(synced) == before
