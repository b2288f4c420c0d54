"""deploy/check_bundle.py: the loaders' lookup it models, the wheels it picks from uv.lock,
and (when an earlier run left the wheels in the cache) the check itself.

.ci/run runs the check for real, downloading what is missing; these tests never touch
the network.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deploy.linkage import PYTHON, SYSTEM, Links, Loader
from deploy.wheels import binary_wheels, cache_root

ROOT = Path(__file__).resolve().parents[2]
PLATFORMS = ("win_amd64", "macosx_arm64", "macosx_x86_64")


def test_macos_rpath_is_looked_up_in_the_run_paths_of_the_loading_chain() -> None:
    loader = Loader(
        "darwin",
        {
            "PySide6/QtCore.abi3.so",
            "PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore",
            "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        },
    )
    ext = "PySide6/QtCore.abi3.so"
    rpaths = loader.rpaths(ext, Links(needs=(), rpaths=("@loader_path/Qt/lib",)), ())
    assert rpaths == ("PySide6/Qt/lib",)
    qt_core = "@rpath/QtCore.framework/Versions/A/QtCore"
    assert loader.find(ext, qt_core, rpaths) == "PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore"
    assert loader.find(ext, qt_core, ()) is None  # no run path: dyld would fail too
    plugin = "PySide6/Qt/plugins/platforms/libqcocoa.dylib"
    own = loader.rpaths(plugin, Links(needs=(), rpaths=("@loader_path/../../lib",)), ())
    assert loader.find(plugin, qt_core, own) is not None
    assert loader.find(ext, "/usr/lib/libc++.1.dylib") == SYSTEM
    assert loader.find(ext, "/System/Library/Frameworks/AppKit.framework/AppKit") == SYSTEM
    assert loader.find(ext, "/opt/homebrew/lib/libpq.5.dylib") is None


def test_macos_loader_path_is_the_importing_binarys_folder() -> None:
    loader = Loader("darwin", {"psycopg2/_psycopg.so", "psycopg2/.dylibs/libpq.5.dylib"})
    found = loader.find("psycopg2/_psycopg.so", "@loader_path/.dylibs/libpq.5.dylib")
    assert found == "psycopg2/.dylibs/libpq.5.dylib"
    assert loader.find("psycopg2/_psycopg.so", "@loader_path/libpq.5.dylib") is None


def test_windows_names_are_found_without_regard_to_case() -> None:
    loader = Loader(
        "win32", {"PySide6/Qt6Core.dll", "PySide6/msvcp140.dll", "shiboken6/msvcp140.dll"}
    )
    assert loader.find("PySide6/Qt6Core.dll", "MSVCP140.dll") == "PySide6/msvcp140.dll"
    assert loader.find("PySide6/Qt6Core.dll", "KERNEL32.dll") == SYSTEM
    assert loader.find("PySide6/Qt6Core.dll", "api-ms-win-crt-runtime-l1-1-0.dll") == SYSTEM
    assert loader.find("PySide6/Qt6Core.dll", "VCRUNTIME140.dll") == PYTHON
    assert loader.find("PySide6/Qt6Core.dll", "libpq.dll") is None


def test_only_the_run_time_dependencies_with_binaries_are_fetched() -> None:
    for platform in PLATFORMS:
        wheels = binary_wheels(ROOT / "uv.lock", platform)
        assert {w.package for w in wheels} == {
            "charset-normalizer",
            "pillow",
            "psycopg2-binary",
            "pypdfium2",  # PDFium, loaded with ctypes: the WeChat statement images
            "pyside6",
            "pyside6-addons",  # QtCharts, QtPdf, QtPdfWidgets
            "pyside6-essentials",
            "rl-accel",
            "shiboken6",
        }
        tag = "win_amd64" if platform == "win_amd64" else platform.split("_", 1)[1]
        for wheel in wheels:
            assert wheel.filename.endswith(f"{tag}.whl") or "universal2" in wheel.filename


def test_macos_architectures_share_the_universal2_qt_wheels() -> None:
    arm = {w.filename for w in binary_wheels(ROOT / "uv.lock", "macosx_arm64")}
    intel = {w.filename for w in binary_wheels(ROOT / "uv.lock", "macosx_x86_64")}
    assert any("pyside6_addons" in name and "universal2" in name for name in arm & intel)


@pytest.mark.parametrize("platform", PLATFORMS)
def test_the_real_wheels_keep_everything_the_app_loads(platform: str) -> None:
    wheels = binary_wheels(ROOT / "uv.lock", platform)
    absent = [w.filename for w in wheels if not (cache_root() / "wheels" / w.filename).is_file()]
    if absent:
        pytest.skip(f"no cached wheels ({absent[0]} …): run deploy/check_bundle.py once")
    from deploy.check_bundle import check

    report = check(platform)
    assert report.missing == []
    assert report.extensions >= len(("QtCore", "QtGui", "QtWidgets", "_psycopg"))
    assert report.kept > report.extensions


def test_dependencies_of_another_platform_are_left_out(tmp_path: Path) -> None:
    url = "https://files.example/{}"
    lock = tmp_path / "uv.lock"
    lock.write_text(
        f"""
version = 1
[[package]]
name = "app"
version = "1.0"
source = {{ virtual = "." }}
dependencies = [{{ name = "winonly", marker = "sys_platform == 'win32'" }}, {{ name = "pure" }}]

[[package]]
name = "winonly"
version = "2.0"
wheels = [{{ url = "{url.format("winonly-2.0-cp311-cp311-win_amd64.whl")}", hash = "sha256:00" }}]

[[package]]
name = "pure"
version = "3.0"
wheels = [{{ url = "{url.format("pure-3.0-py3-none-any.whl")}", hash = "sha256:00" }}]
""",
        encoding="utf-8",
    )
    assert [w.package for w in binary_wheels(lock, "win_amd64")] == ["winonly"]
    assert binary_wheels(lock, "macosx_arm64") == []


def _prune_by_exact_name(binaries, imports_of, platform=None):  # type: ignore[no-untyped-def]
    """The prune before issue 19: raw import names against file names, no frameworks."""
    binaries = [(d.replace("\\", "/"), s, k) for d, s, k in binaries]
    by_name = {d.rsplit("/", 1)[-1]: (d, s) for d, s, _k in binaries}
    roots = [b for b in binaries if "/plugins/" in b[0] or b[0].endswith((".pyd", ".so"))]
    roots += [b for b in binaries if b[0].rsplit("/", 1)[-1].startswith(("Qt6", "pyside6"))]
    needed: set[str] = set()
    todo = [s for _d, s, _k in roots]
    while todo:
        for name, _resolved in imports_of(todo.pop()):
            if name in by_name and name not in needed:
                needed.add(name)
                todo.append(by_name[name][1])
    keep = {d for d, _s, _k in roots} | {by_name[n][0] for n in needed}
    return [b for b in binaries if b[0] in keep]


@pytest.mark.parametrize(
    ("platform", "lost"),
    [
        ("win_amd64", "MSVCP140.dll"),
        ("macosx_arm64", "@rpath/QtCore.framework/Versions/A/QtCore"),
        ("macosx_x86_64", "@loader_path/.dylibs/libpq.5.dylib"),
    ],
)
def test_the_check_names_what_the_old_prune_lost(platform: str, lost: str, monkeypatch) -> None:
    wheels = binary_wheels(ROOT / "uv.lock", platform)
    if any(not (cache_root() / "wheels" / w.filename).is_file() for w in wheels):
        pytest.skip("no cached wheels: run deploy/check_bundle.py once")
    from deploy import bundle
    from deploy.check_bundle import check

    monkeypatch.setattr(bundle, "prune_binaries", _prune_by_exact_name)
    report = check(platform)
    assert any(line.startswith(f"{lost} (pruned; needed by") for line in report.missing)
