"""Another platform's wheels of the locked dependencies, for deploy/check_bundle.py.

The versions and the files' hashes come from uv.lock, so the check looks at the binaries a
build from this lock would ship. Wheels are fetched with pip (``pip download
--platform …``, run by ``uvx``) once and kept under ``~/.cache/qingkuan/wheels`` (shared
between platforms: the macOS arm64 and x86_64 checks use the same universal2 PySide6
wheels); the binaries a check reads are unpacked once under ``~/.cache/qingkuan/unpacked``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

from packaging.markers import Marker
from packaging.tags import Tag, compatible_tags, cpython_tags, mac_platforms
from packaging.utils import canonicalize_name, parse_wheel_filename

PYTHON = (3, 11)  # the Python the app is built with (.github/workflows/build.yml)
MACOS = (13, 0)  # the oldest macOS PySide6 6.11's wheels support


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "qingkuan"


@dataclass(frozen=True)
class Wheel:
    """One locked wheel: its file name, where it comes from and its sha256."""

    package: str
    version: str
    filename: str
    url: str
    sha256: str


def marker_environment(platform: str) -> dict[str, str]:
    """PEP 508 marker values of the app's Python on ``platform`` (which deps it installs)."""
    system = "Windows" if platform == "win_amd64" else "Darwin"
    machine = "AMD64" if platform == "win_amd64" else platform.removeprefix("macosx_")
    return {
        "sys_platform": "win32" if system == "Windows" else "darwin",
        "platform_system": system,
        "os_name": "nt" if system == "Windows" else "posix",
        "platform_machine": machine,
        "python_version": f"{PYTHON[0]}.{PYTHON[1]}",
        "python_full_version": f"{PYTHON[0]}.{PYTHON[1]}.0",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "extra": "",
    }


def platform_tags(platform: str) -> list[Tag]:
    """The tags a CPython 3.11 on ``platform`` installs, best first (as pip orders them)."""
    if platform == "win_amd64":
        platforms = ["win_amd64"]
    elif platform.startswith("macosx_"):
        platforms = list(mac_platforms(MACOS, platform.removeprefix("macosx_")))
    else:
        raise ValueError(f"unknown platform {platform!r}")
    interpreter = f"cp{PYTHON[0]}{PYTHON[1]}"
    return [
        *cpython_tags(PYTHON, abis=[interpreter], platforms=platforms),
        *compatible_tags(PYTHON, interpreter, platforms),
    ]


def binary_wheels(lock_file: Path, platform: str) -> list[Wheel]:
    """The wheel for ``platform`` of every locked run-time dependency that ships binaries.

    Run-time means reachable from the project's own ``dependencies`` (not the dev group)
    on that platform (dependency markers evaluated for it); packages whose wheels are all
    pure Python (``none-any``) carry nothing to check.
    """
    environment = marker_environment(platform)

    def deps(package: dict) -> list[str]:
        return [
            canonicalize_name(d["name"])
            for d in package.get("dependencies", [])
            if "marker" not in d or Marker(d["marker"]).evaluate(environment)
        ]

    lock = tomllib.loads(lock_file.read_text(encoding="utf-8"))
    packages = {canonicalize_name(p["name"]): p for p in lock["package"]}
    project = next(p for p in lock["package"] if p.get("source", {}).get("virtual") == ".")
    todo = deps(project)
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += deps(packages[name])
    rank = {tag: i for i, tag in enumerate(platform_tags(platform))}
    chosen = []
    for name in sorted(seen):
        package = packages[name]
        files = package.get("wheels", [])
        if all(w["url"].endswith("-none-any.whl") for w in files):
            continue
        best = min(
            (w for w in files if _best_rank(_filename(w), rank) is not None),
            key=lambda w: _best_rank(_filename(w), rank) or 0,
            default=None,
        )
        if best is None:
            raise LookupError(f"uv.lock has no wheel of {name} {package['version']} for {platform}")
        chosen.append(
            Wheel(
                package=name,
                version=package["version"],
                filename=_filename(best),
                url=best["url"],
                sha256=best["hash"].removeprefix("sha256:"),
            )
        )
    return chosen


def _filename(entry: dict[str, str]) -> str:
    return entry["url"].rsplit("/", 1)[-1]


def _best_rank(filename: str, rank: dict[Tag, int]) -> int | None:
    found = [rank[t] for t in parse_wheel_filename(filename)[3] if t in rank]
    return min(found) if found else None


def fetch(wheels: list[Wheel], platform: str) -> list[Path]:
    """The cached wheel files, downloading the missing ones with one ``pip download``."""
    folder = cache_root() / "wheels"
    folder.mkdir(parents=True, exist_ok=True)
    missing = [w for w in wheels if not (folder / w.filename).is_file()]
    if missing:
        with tempfile.TemporaryDirectory(dir=folder) as tmp:
            _pip_download(missing, platform, Path(tmp))
            for wheel in missing:
                got = Path(tmp) / wheel.filename
                if not got.is_file():
                    raise RuntimeError(f"pip did not fetch {wheel.filename} (the locked wheel)")
                if _sha256(got) != wheel.sha256:
                    raise RuntimeError(f"{wheel.filename}: sha256 differs from uv.lock")
                got.replace(folder / wheel.filename)
    return [folder / w.filename for w in wheels]


def _pip_download(wheels: list[Wheel], platform: str, target: Path) -> None:
    pip_platform = "win_amd64" if platform == "win_amd64" else _mac_pip_platform(platform)
    uv = os.environ.get("UV") or shutil.which("uv") or "uv"
    command = [
        uv, "tool", "run", "pip", "download", "--quiet", "--no-deps",
        "--only-binary=:all:", "--platform", pip_platform,
        "--python-version", f"{PYTHON[0]}.{PYTHON[1]}", "--implementation", "cp",
        "--dest", str(target),
        *(f"{w.package}=={w.version}" for w in wheels),
    ]  # fmt: skip
    print(f"check_bundle: downloading {len(wheels)} wheels for {platform}", file=sys.stderr)
    subprocess.run(command, check=True)


def _mac_pip_platform(platform: str) -> str:
    return f"macosx_{MACOS[0]}_{MACOS[1]}_{platform.removeprefix('macosx_')}"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class WheelTree:
    """The files of some wheels as they lie in site-packages, unpacked only when read."""

    def __init__(self, wheel_files: list[Path]) -> None:
        self._where: dict[str, tuple[Path, str]] = {}
        for path in wheel_files:
            with zipfile.ZipFile(path) as z:
                for member in z.namelist():
                    if not member.endswith("/"):
                        self._where[member] = (path, member)

    def paths(self) -> list[str]:
        """Every file's path relative to site-packages ('/'-separated)."""
        return sorted(self._where)

    def __contains__(self, path: str) -> bool:
        return path in self._where

    def file(self, path: str) -> Path:
        """The file on disk (unpacked into the cache the first time it is asked for)."""
        wheel, member = self._where[path]
        target = cache_root() / "unpacked" / wheel.name / member
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".partial")
            with zipfile.ZipFile(wheel) as z, z.open(member) as src, partial.open("wb") as out:
                shutil.copyfileobj(src, out, 1 << 20)
            partial.replace(target)
        return target
