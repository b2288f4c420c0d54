"""The packaged app keeps what `keyring` needs to reach the system keychain: its backend
modules (found through entry points, which PyInstaller's analysis cannot follow) and
its metadata (where those entry points are read). PyInstaller's own hook-keyring
collects both; keyring's backends are pure Python over the system's own libraries
(advapi32 on Windows, the Security framework on macOS), so deploy/check_bundle.py has no
binary of theirs to look for."""

from __future__ import annotations

from pathlib import Path

import PyInstaller
from PyInstaller.utils.hooks import collect_submodules

from deploy import bundle


def test_pyinstaller_collects_keyrings_backends_and_metadata() -> None:
    hook = Path(PyInstaller.__file__).parent / "hooks" / "hook-keyring.py"
    text = hook.read_text(encoding="utf-8")
    assert "collect_submodules('keyring.backends')" in text
    assert "copy_metadata('keyring')" in text
    backends = set(collect_submodules("keyring.backends"))
    assert {"keyring.backends.Windows", "keyring.backends.macOS"} <= backends
    assert not any(name.startswith(("keyring", "win32ctypes")) for name in bundle.EXCLUDED)
