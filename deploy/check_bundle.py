"""Check, here on Linux, that a Windows or macOS build keeps every library the app loads.

``uv run python deploy/check_bundle.py --platform win_amd64 macosx_arm64 macosx_x86_64``

For each platform: fetch that platform's wheels of the locked dependencies that ship
binaries (deploy/wheels.py), lay them out as PyInstaller collects them (the extension
modules the app imports, the Qt plugins of the Qt modules they link, and every library
those need, found as the platform's loader finds them), prune the list with the build's
own ``deploy.bundle.prune_binaries``, then follow each kept extension module's and
plugin's imports (pefile / macholib) and name every library that is no longer there.
Exit status 0 when nothing is missing, 1 otherwise.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from deploy import bundle  # noqa: E402
from deploy.linkage import PYTHON, SYSTEM, Links, Loader, read_macho, read_pe  # noqa: E402
from deploy.wheels import WheelTree, binary_wheels, fetch  # noqa: E402

# --platform → (the app's sys.platform there, the macOS architecture)
TARGETS = {
    "win_amd64": ("win32", ""),
    "macosx_arm64": ("darwin", "arm64"),
    "macosx_x86_64": ("darwin", "x86_64"),
}
# The "library" a binary misses when it has no code for the target's architecture.
NO_CODE = "code for this architecture"
_FRAMEWORK_BINARY = re.compile(r"/([^/]+)\.framework/Versions/[^/]+/\1$")


@dataclass
class Report:
    """What one platform's check found."""

    platform: str
    wheels: int = 0
    collected: int = 0
    extensions: int = 0
    plugins: int = 0
    kept: int = 0
    pruned: int = 0
    plugin_kinds: list[str] = field(default_factory=list)  # Qt plugin folders kept
    missing: list[str] = field(default_factory=list)  # "library (needed by …)" sentences
    seconds: float = 0.0


class Layout:
    """One platform's wheels as the build sees them, and its loader's view of them."""

    def __init__(self, platform: str, tree: WheelTree) -> None:
        self.target, self.arch = TARGETS[platform]
        self.tree = tree
        self.binaries = {p for p in tree.paths() if self.is_binary(p)}
        self._links: dict[str, Links] = {}

    def is_binary(self, path: str) -> bool:
        if self.target == "win32":
            return path.lower().endswith((".dll", ".pyd"))
        return path.endswith((".so", ".dylib")) or bool(_FRAMEWORK_BINARY.search(path))

    def ctypes_libraries(self) -> list[str]:
        """The libraries the app loads with ctypes (`bundle.CTYPES_LIBRARIES`)."""
        return sorted(
            p for p in self.binaries if any(p.startswith(f) for f in bundle.CTYPES_LIBRARIES)
        )

    def is_extension(self, path: str) -> bool:
        return path.endswith(".pyd" if self.target == "win32" else ".so")

    def qt_folder(self) -> str:
        """Where PySide6's wheels keep Qt's plugins and (on macOS) frameworks."""
        return "PySide6/plugins" if self.target == "win32" else "PySide6/Qt/plugins"

    def links(self, path: str) -> Links:
        if path not in self._links:
            file = self.tree.file(path)
            self._links[path] = (
                read_pe(file) if self.target == "win32" else read_macho(file, self.arch)
            )
        return self._links[path]

    def app_extensions(self) -> list[str]:
        """The extension modules the app imports: the Qt modules it uses, all of the rest.

        (PyInstaller collects the extension modules of a package the app imports that its
        hooks name; taking them all errs on the side of checking more.)
        """
        wanted = set()
        for path in self.binaries:
            if not self.is_extension(path) or "/plugins/" in path or "/qml/" in path:
                continue
            top, _, rest = path.partition("/")
            if top == "PySide6" and rest.split(".")[0] not in bundle.QT_MODULES:
                continue
            wanted.add(path)
        for module in bundle.QT_MODULES:
            if not any(p.startswith(f"PySide6/{module}.") for p in wanted):
                raise LookupError(f"no extension module PySide6.{module} in the wheels")
        return sorted(wanted)

    def qt_plugins(self, libraries: Iterable[str]) -> list[str]:
        """The plugins PyInstaller's Qt hooks collect for the Qt libraries the app links."""
        from PyInstaller.utils.hooks.qt._modules_info import (
            QT_MODULES_INFO,
            process_namespace_strings,
        )

        linked = {self.qt_library_name(p) for p in libraries} - {None}
        kinds = set()
        for info in QT_MODULES_INFO:
            bindings = process_namespace_strings(info.bindings) if info.bindings else {"PySide6"}
            if info.shared_lib in linked and "PySide6" in bindings:
                kinds.update(info.plugins)
        folder = self.qt_folder()
        return sorted(
            p
            for p in self.binaries
            if p.startswith(folder + "/") and p[len(folder) + 1 :].rsplit("/", 1)[0] in kinds
        )

    def qt_library_name(self, path: str) -> str | None:
        """ "Core" for PySide6/Qt6Core.dll or PySide6/Qt/lib/QtCore.framework/…/QtCore."""
        name = path.rsplit("/", 1)[-1]
        if self.target == "win32":
            found = re.fullmatch(r"Qt6(\w+)\.dll", name)
        else:
            found = re.fullmatch(r"Qt(\w+)", name) if _FRAMEWORK_BINARY.search(path) else None
        return found.group(1) if found else None

    def closure(
        self, roots: Iterable[str], files: set[str]
    ) -> tuple[set[str], dict[str, set[str]]]:
        """Every file of ``files`` that loading ``roots`` loads, and what is not found:
        {missing library: {binary that imports it}}."""
        loader = Loader(self.target, files)
        reached: set[str] = set()
        missing: dict[str, set[str]] = {}
        seen: set[tuple[str, tuple[str, ...]]] = set()
        todo = [(root, ()) for root in roots if root in files]
        while todo:
            path, inherited = todo.pop()
            if (path, inherited) in seen:
                continue
            seen.add((path, inherited))
            reached.add(path)
            links = self.links(path)
            if links.arch_missing:
                missing.setdefault(NO_CODE, set()).add(path)
                continue
            rpaths = loader.rpaths(path, links, inherited) if self.target == "darwin" else ()
            for name in links.needs:
                found = loader.find(path, name, rpaths)
                if found is None:
                    if name not in links.weak:
                        missing.setdefault(name, set()).add(path)
                elif found not in (SYSTEM, PYTHON):
                    todo.append((found, rpaths))
        return reached, missing


def check(platform: str, lock_file: Path = ROOT / "uv.lock") -> Report:
    started = time.perf_counter()
    wheels = binary_wheels(lock_file, platform)
    layout = Layout(platform, WheelTree(fetch(wheels, platform)))
    # The libraries loaded with ctypes count as extension modules: the app loads them.
    extensions = [*layout.app_extensions(), *layout.ctypes_libraries()]
    linked, _ = layout.closure(extensions, layout.binaries)
    plugins = layout.qt_plugins(linked)
    collected, not_in_wheels = layout.closure([*extensions, *plugins], layout.binaries)
    kept = prune(layout, collected)

    report = Report(platform, wheels=len(wheels), collected=len(collected))
    report.extensions, report.plugins = len(extensions), len(plugins)
    report.kept, report.pruned = len(kept), len(collected) - len(kept)
    # What the app loads: its extension modules, and the plugins the build means to keep.
    wanted = [*extensions, *(p for p in plugins if not bundle.is_dropped(p))]
    report.plugin_kinds = sorted(
        {p.split("/plugins/")[1].split("/")[0] for p in wanted if "/plugins/" in p}
    )
    for path in wanted:
        if path not in kept:
            report.missing.append(f"{path} (pruned, but the app loads it)")
    _, missing = layout.closure(wanted, kept)
    for name, importers in sorted(missing.items()):
        why = "not in any wheel" if name in not_in_wheels else "pruned"
        why = "the wheel's binary is for another architecture" if name == NO_CODE else why
        users = sorted(importers)
        more = f" and {len(users) - 3} more" if len(users) > 3 else ""
        report.missing.append(f"{name} ({why}; needed by {', '.join(users[:3])}{more})")
    report.seconds = time.perf_counter() - started
    return report


def prune(layout: Layout, collected: set[str]) -> set[str]:
    """The build's prune, given what PyInstaller would hand it for this platform."""
    sep = "\\" if layout.target == "win32" else "/"  # PyInstaller's dest uses os.sep
    dest_of = {str(layout.tree.file(p)): p for p in collected}
    binaries = [
        (p.replace("/", sep), src, "EXTENSION" if layout.is_extension(p) else "BINARY")
        for src, p in sorted(dest_of.items())
    ]

    def imports_of(src: str) -> list[tuple[str, str | None]]:
        # Names only, no resolved path: the prune must find each library by the name the
        # binary asks for (PyInstaller also passes the path it resolved, when it can).
        return [(name, None) for name in layout.links(dest_of[src]).needs]

    kept = bundle.prune_binaries(binaries, imports_of, platform=layout.target)
    return {dest.replace(sep, "/") for dest, _src, _kind in kept}


def print_table(reports: list[Report]) -> None:
    header = (
        "platform",
        "wheels",
        "binaries",
        "ext.mod.",
        "plugins",
        "kept",
        "pruned",
        "missing",
        "s",
    )
    rows = [
        (r.platform, r.wheels, r.collected, r.extensions, r.plugins, r.kept, r.pruned,
         len(r.missing), f"{r.seconds:.1f}")
        for r in reports
    ]  # fmt: skip
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                        for i, (c, w) in enumerate(zip(row, widths, strict=True))))  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--platform", nargs="+", choices=sorted(TARGETS), required=True)
    args = parser.parse_args(argv)
    reports = [check(p) for p in args.platform]
    for report in reports:
        for line in report.missing:
            print(f"{report.platform}: missing {line}")
    print_table(reports)
    for report in reports:
        print(f"{report.platform} Qt plugins: {', '.join(report.plugin_kinds)}")
    return 1 if any(r.missing for r in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
