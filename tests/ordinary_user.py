"""Running a check as a user whom file permissions bind.

Root ignores permission bits, and CI runs as root: there a check switches its effective
user to `nobody` for the duration (and back); anyone else is an ordinary user already.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

NOBODY = 65534


@contextlib.contextmanager
def as_ordinary_user() -> Iterator[None]:
    if os.name != "posix" or os.geteuid() != 0:
        yield
        return
    try:
        os.setegid(NOBODY)
        os.seteuid(NOBODY)
    except OSError as err:  # a root without CAP_SETUID, or no uid 65534 in a namespace
        os.setegid(0)
        pytest.skip(f"running as root and cannot become nobody to test permissions: {err}")
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@contextlib.contextmanager
def folder_anyone_can_enter() -> Iterator[Path]:
    """A fresh folder `nobody` can reach (pytest's tmp_path is private to its user)."""
    path = Path(tempfile.mkdtemp(prefix="qk-perm-"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        for folder in (path, *path.rglob("*")):
            if folder.is_dir():
                folder.chmod(0o755)
        shutil.rmtree(path, ignore_errors=True)
