"""deploy/bundle.py's prune on macOS and Windows layouts (issue 19, items 1 and 2).

Each library is found the way the platform's loader finds it: a macOS import is a path
("@rpath/QtCore.framework/Versions/A/QtCore", "@loader_path/.dylibs/libpq.5.dylib"), and
Windows compares DLL names without regard to case (wheels ship msvcp140.dll, Qt imports
MSVCP140.dll). The layouts are made up; deploy/check_bundle.py runs the prune on the real
wheels.
"""

from __future__ import annotations

import sys

import pytest

from deploy import bundle
from deploy.bundle import prune_binaries


def prune(binaries: dict[str, list[str]], **kwargs: str) -> list[str]:
    """Prune {dest: [names it imports]}; the source files are named after their dest."""
    entries = [(dest, f"/site-packages/{dest}", "BINARY") for dest in binaries]
    imports = {f"/site-packages/{dest}": names for dest, names in binaries.items()}
    kept = prune_binaries(entries, lambda src: [(n, None) for n in imports[src]], **kwargs)
    return [dest for dest, _src, _kind in kept]


MACOS = {
    "PySide6/QtCore.abi3.so": ["@rpath/QtCore.framework/Versions/A/QtCore"],
    "PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore": ["/usr/lib/libc++.1.dylib"],
    "PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui": [
        "@rpath/QtCore.framework/Versions/A/QtCore"
    ],
    "PySide6/Qt/plugins/platforms/libqcocoa.dylib": ["@rpath/QtGui.framework/Versions/A/QtGui"],
    # Qt Quick comes in only for the virtual keyboard, which the app leaves out.
    "PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick": [],
    "psycopg2/_psycopg.cpython-311-darwin.so": ["@loader_path/.dylibs/libpq.5.dylib"],
    "psycopg2/.dylibs/libpq.5.dylib": ["@loader_path/libssl.3.dylib", "/usr/lib/libSystem.B.dylib"],
    "psycopg2/.dylibs/libssl.3.dylib": ["@loader_path/libcrypto.3.dylib"],
    "psycopg2/.dylibs/libcrypto.3.dylib": [],
    "psycopg2/.dylibs/libnobodyneeds.1.dylib": [],
}


def test_macos_keeps_qt_frameworks_and_the_dylibs_psycopg2_loads() -> None:
    kept = prune(MACOS, platform="darwin")
    assert "PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore" in kept
    assert "PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui" in kept
    assert "PySide6/Qt/plugins/platforms/libqcocoa.dylib" in kept
    assert {"psycopg2/.dylibs/libpq.5.dylib", "psycopg2/.dylibs/libssl.3.dylib"} <= set(kept)
    assert "psycopg2/.dylibs/libcrypto.3.dylib" in kept
    assert "psycopg2/.dylibs/libnobodyneeds.1.dylib" not in kept
    assert "PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick" not in kept


def test_macos_paths_match_on_a_build_machine_of_any_kind() -> None:
    # The build passes no platform: the one it runs on. The @rpath/@loader_path imports
    # name their file in the last component, so even case-sensitive matching finds them.
    kept = prune(MACOS)
    assert "psycopg2/.dylibs/libpq.5.dylib" in kept
    assert "PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore" in kept


WINDOWS = {
    "PySide6/QtCore.pyd": ["Qt6Core.dll", "MSVCP140.dll", "python3.dll", "KERNEL32.dll"],
    "PySide6/Qt6Core.dll": ["MSVCP140.dll", "MSVCP140_1.dll", "VCRUNTIME140.dll"],
    "PySide6/msvcp140.dll": ["VCRUNTIME140.dll"],
    "PySide6/msvcp140_1.dll": [],
    "PySide6/concrt140.dll": [],
    "psycopg2/_psycopg.cp311-win_amd64.pyd": ["LIBPQ-F81E1880.dll"],
    "psycopg2_binary.libs/libpq-f81e1880.dll": ["libssl-3-x64.dll"],
    "psycopg2_binary.libs/libssl-3-x64.dll": [],
}


def test_windows_keeps_the_vc_runtime_imported_in_capitals(monkeypatch) -> None:
    # As the build calls it on Windows: no platform given, sys.platform is "win32".
    monkeypatch.setattr(sys, "platform", "win32")
    kept = prune(WINDOWS)
    assert "PySide6/msvcp140.dll" in kept
    assert "PySide6/msvcp140_1.dll" in kept
    assert "psycopg2_binary.libs/libpq-f81e1880.dll" in kept
    assert "psycopg2_binary.libs/libssl-3-x64.dll" in kept
    assert "PySide6/concrt140.dll" not in kept  # nothing imports it


def test_windows_dest_with_backslashes_on_a_linux_checker() -> None:
    # deploy/check_bundle.py prunes Windows binaries on Linux, with PyInstaller's
    # os.sep-separated dest ("PySide6\\msvcp140.dll").
    layout = {dest.replace("/", "\\"): names for dest, names in WINDOWS.items()}
    kept = prune(layout, platform="win32")
    assert "PySide6\\msvcp140.dll" in kept
    assert "psycopg2_binary.libs\\libpq-f81e1880.dll" in kept


def test_linux_names_stay_case_sensitive() -> None:
    kept = prune(
        {"PySide6/QtCore.abi3.so": ["libfoo.so.1"], "libFOO.so.1": [], "libfoo.so.1": []},
        platform="linux",
    )
    assert kept == ["PySide6/QtCore.abi3.so", "libfoo.so.1"]


@pytest.mark.parametrize(
    ("name", "platform", "key"),
    [
        ("@rpath/QtCore.framework/Versions/A/QtCore", "darwin", "qtcore"),
        ("@loader_path/.dylibs/libpq.5.dylib", "darwin", "libpq.5.dylib"),
        ("MSVCP140.dll", "win32", "msvcp140.dll"),
        ("PySide6\\msvcp140.dll", "win32", "msvcp140.dll"),
        ("libQt6Core.so.6", "linux", "libQt6Core.so.6"),
    ],
)
def test_library_key(name: str, platform: str, key: str) -> None:
    assert bundle.library_key(name, platform) == key


def test_the_resolved_path_is_used_when_the_name_does_not_match(tmp_path) -> None:
    real = tmp_path / "libpq-abc.so.5"
    real.write_bytes(b"")
    entries = [("psycopg2/_psycopg.cpython-311-x86_64-linux-gnu.so", "ext", "EXTENSION"),
               ("psycopg2_binary.libs/libpq-abc.so.5", str(real), "BINARY")]  # fmt: skip
    imports = {"ext": [("libpq.so.5", str(real))], str(real): []}
    kept = prune_binaries(entries, lambda src: imports[src], platform="linux")
    assert len(kept) == 2


@pytest.mark.parametrize(
    ("platform", "pdfium"),
    [("win32", "pypdfium2_raw/pdfium.dll"), ("darwin", "pypdfium2_raw/libpdfium.dylib")],
)
def test_a_library_loaded_with_ctypes_is_kept_though_nothing_links_it(
    platform: str, pdfium: str
) -> None:
    """PDFium (the WeChat images) is opened by pypdfium2 with ctypes: no binary imports
    it, yet the prune must keep it; a stray library beside it still goes."""
    kept = prune({pdfium: [], "other/libnobodyneeds.dll": []}, platform=platform)
    assert kept == [pdfium]
