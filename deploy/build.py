"""Build Qingkuan for the platform this runs on: ``uv run python deploy/build.py``.

Produces a one-folder app under ``dist/`` and an archive of it named with the version and
platform (``dist/qingkuan-0.2.0-linux-x86_64.tar.gz``, ``…-windows-x64.zip``,
``…-macos-arm64.dmg``). On Windows, when Inno Setup's ``iscc`` is on PATH, also an
installer (``deploy/windows/qingkuan.iss``).

``--app-only`` stops before packing and ``--pack-only`` packs the app built before: the
release workflow signs the app in between. The built app's size and start time, as
measured, are in docs/packaging.md (PyInstaller was never measured against the Qt
project's ``pyside6-deploy``/Nuitka here, so no comparison is claimed).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deploy.icons import write_icons  # noqa: E402
from models.vocabulary.version import version  # noqa: E402

DIST = ROOT / "dist"
WORK = ROOT / "build"
NAME = "qingkuan"
SPEC = ROOT / "deploy" / "qingkuan.spec"


def platform_tag() -> str:
    system = {"Linux": "linux", "Darwin": "macos", "Windows": "windows"}.get(
        platform.system(), platform.system().lower()
    )
    machine = platform.machine().lower()
    machine = {"amd64": "x64", "x86_64": "x86_64" if system != "windows" else "x64"}.get(
        machine, machine
    )
    return f"{system}-{machine}"


def app_folder() -> Path:
    if sys.platform == "darwin":
        return DIST / "Qingkuan.app"
    return DIST / NAME


def archive(folder: Path) -> Path:
    """Pack the one-folder app: .tar.gz on Linux, .zip on Windows, .dmg on macOS."""
    base = DIST / f"{NAME}-{version()}-{platform_tag()}"
    if sys.platform == "darwin":
        dmg = base.with_suffix(".dmg")
        dmg.unlink(missing_ok=True)
        # The disk image shows Qingkuan.app beside a link to Applications: the user drags
        # one onto the other (README.md). ditto keeps the app's signature intact.
        staging = WORK / "dmg"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        subprocess.run(["ditto", str(folder), str(staging / folder.name)], check=True)
        (staging / "Applications").symlink_to("/Applications")
        subprocess.run(
            ["hdiutil", "create", "-volname", "Qingkuan", "-srcfolder", str(staging),
             "-ov", "-format", "UDZO", str(dmg)],
            check=True,
        )  # fmt: skip
        return dmg
    if sys.platform == "win32":
        return Path(shutil.make_archive(str(base), "zip", folder.parent, folder.name))
    target = base.with_name(base.name + ".tar.gz")
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=folder.name)
    return target


def add_linux_desktop_files(folder: Path, icon: Path) -> None:
    """The menu entry, the .qkledger MIME type and install.sh, inside the app folder."""
    share = folder / "share"
    share.mkdir(exist_ok=True)
    for name in ("qingkuan.desktop", "qingkuan-mime.xml"):
        shutil.copy2(ROOT / "deploy" / "linux" / name, share / name)
    shutil.copy2(icon, share / "qingkuan.png")
    shutil.copy2(ROOT / "deploy" / "linux" / "install.sh", folder / "install.sh")


_GLIBC_VERSION = re.compile(rb"GLIBC_(2\.\d+(?:\.\d+)?)\x00")


def needed_glibc(folder: Path) -> str | None:
    """The newest glibc symbol version any ELF file in `folder` names (``2.36``): the
    libraries PyInstaller copied from the build machine need at least that glibc. The
    names are read from the files' string tables, which hold every version a file needs."""
    newest: tuple[int, ...] = ()
    for path in folder.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
        for match in _GLIBC_VERSION.finditer(path.read_bytes()):
            newest = max(newest, tuple(int(n) for n in match.group(1).split(b".")))
    return ".".join(map(str, newest)) if newest else None


def record_build_info(folder: Path) -> dict[str, str]:
    """Write what the app checks at start-up (cli/packaged.py) into its library folder:
    on Linux the glibc its libraries need, so an older system gets a sentence instead of
    the loader's "version GLIBC_2.36 not found"."""
    info = {"version": version(), "platform": platform_tag()}
    if sys.platform == "linux":
        needed = needed_glibc(folder)
        if needed:
            info["glibc"] = needed
        built_on = os.confstr("CS_GNU_LIBC_VERSION") or ""
        info["built_on"] = built_on
    target = folder / "_internal" / "qingkuan-build.json"
    target.write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return info


def windows_installer(icon: Path) -> Path | None:
    """Inno Setup installer (Start-menu entry, .qkledger association), when iscc exists."""
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if sys.platform != "win32" or iscc is None:
        return None
    script = ROOT / "deploy" / "windows" / "qingkuan.iss"
    subprocess.run(
        [iscc, f"/DAppVersion={version()}", f"/DSourceDir={app_folder()}",
         f"/DOutputDir={DIST}", f"/DPlatformTag={platform_tag()}", f"/DIconFile={icon}",
         str(script)],
        check=True,
    )  # fmt: skip
    return next(DIST.glob(f"{NAME}-{version()}-*-setup.exe"), None)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build_app() -> Path:
    """PyInstaller's one-folder app (with the Linux desktop files and build record)."""
    from PyInstaller.__main__ import run as pyinstaller

    icons = write_icons(WORK / "icons")
    kind = {"win32": "ico", "darwin": "icns"}.get(sys.platform, "png")
    os.environ["QK_BUILD_ICON"] = str(icons[kind])
    started = time.perf_counter()
    pyinstaller(
        [str(SPEC), "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(WORK)]
    )  # fmt: skip
    folder = app_folder()
    if sys.platform == "linux":
        add_linux_desktop_files(folder, icons["png"])
        info = record_build_info(folder)
        print(f"needs glibc {info.get('glibc', '?')} (built on {info['built_on']})")
    seconds = time.perf_counter() - started
    print(f"built {folder} ({folder_size(folder) / 2**20:.0f} MB unpacked) in {seconds:.0f} s")
    return folder


def pack() -> Path:
    """The archive of the app folder built before, and on Windows the installer."""
    folder = app_folder()
    if not folder.exists():
        raise SystemExit(f"no app at {folder}: build it first (without --pack-only)")
    icons = write_icons(WORK / "icons")
    packed = archive(folder)
    print(f"archive {packed} ({packed.stat().st_size / 2**20:.0f} MB)")
    installer = windows_installer(icons["ico"])
    if installer:
        print(f"installer {installer}")
    return packed


def build() -> Path:
    build_app()
    return pack()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    stage = parser.add_mutually_exclusive_group()
    # The release workflow signs the app between the two (.github/workflows/build.yml).
    stage.add_argument("--app-only", action="store_true", help="build the app, do not pack it")
    stage.add_argument("--pack-only", action="store_true",
                       help="pack the app built before (after signing it)")  # fmt: skip
    args = parser.parse_args()
    if args.app_only:
        build_app()
    elif args.pack_only:
        pack()
    else:
        build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
