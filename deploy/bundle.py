"""What goes into the packaged app, and what is left out (used by deploy/qingkuan.spec).

PyInstaller's PySide6 hooks bring every plugin of the modules used, and each plugin's
system libraries: the virtual keyboard (which pulls in Qt Quick and QML), the GTK theme
(GTK, Pango, Cairo …), embedded-device platforms. Qingkuan uses none of them, so they are
dropped here, then every library no kept binary needs is dropped too.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path, PurePath

# Qt modules Qingkuan uses; everything else in the PySide6 wheels stays out of the app.
QT_MODULES = (
    "QtCore",
    "QtGui",
    "QtWidgets",
    "QtNetwork",  # the single-instance hand-over
    "QtSvg",  # the icon
    "QtPdf",
    "QtPdfWidgets",
    "QtPrintSupport",
    "QtCharts",  # the boss's review
)
# The app's own packages (all their modules go in, imported lazily or not).
APP_PACKAGES = ("cli", "models", "reports", "gui")
# Python modules the app never imports at run time (tests, dev tools, other GUI kits).
EXCLUDED = ("tkinter", "pytest", "hypothesis", "pypdf", "IPython", "numpy", "PyQt5", "PyQt6")
# Data files, at the same place relative to the code as in the source tree.
DATA = (
    ("pyproject.toml", "."),  # models.vocabulary.version reads the version from it
    ("models/translations/*.json", "models/translations"),
    ("gui/translations/*.qm", "gui/translations"),
    ("gui/assets/qingkuan.svg", "gui/assets"),
    # The Chinese font for computers without one, with its licence (reports/typesetting/fonts.py).
    ("reports/assets/fonts/*", "reports/assets/fonts"),
)
# Libraries the app loads with ctypes, not by linking (no binary names them, so the prune
# would drop them): pypdfium2's PDFium, which rasterises the WeChat statement images.
CTYPES_LIBRARIES = ("pypdfium2_raw/",)
# Plugins and Qt libraries Qingkuan does not use (matched against the path in the app).
DROPPED = (
    "platforminputcontexts/libqtvirtualkeyboardplugin",
    "platformthemes/libqgtk3",
    "egldeviceintegrations/",
    "platforms/libqeglfs",
    "platforms/libqlinuxfb",
    "platforms/libqminimalegl",
    "platforms/libqvkkhrdisplay",
    "platforms/libqvnc",
    "generic/",
    "networkinformation/",
    "libQt6Qml",
    "libQt6Quick",
    "libQt6VirtualKeyboard",
    "libQt6EglFS",
    "Qt6Qml",
    "Qt6Quick",
    "Qt6VirtualKeyboard",
    "qtvirtualkeyboard",
    # macOS: the same Qt libraries as frameworks (PySide6/Qt/lib/QtQml.framework/…)
    "lib/QtQml",
    "lib/QtQuick",
    "lib/QtVirtualKeyboard",
)
# Qt's own translations: only the languages Qingkuan ships.
TRANSLATION_LANGUAGES = ("zh_CN", "en")


def data_files(root: Path) -> list[tuple[str, str]]:
    """(source, folder in the app) for every data file in DATA."""
    return [(str(path), target) for pattern, target in DATA for path in sorted(root.glob(pattern))]


def unused_qt_modules() -> list[str]:
    """Every PySide6 binding module in the installed wheels that is not in QT_MODULES."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    names = {p.name.split(".")[0] for p in folder.glob("Qt*") if p.is_file()}
    return sorted(f"PySide6.{name}" for name in names - set(QT_MODULES))


def keep_data(dest: str) -> bool:
    """Qt's translation catalogues only for the shipped languages; all other data stays."""
    parts = PurePath(dest).parts
    if "translations" in parts and "Qt" in parts and dest.endswith(".qm"):
        return any(f"_{lang}." in dest for lang in TRANSLATION_LANGUAGES)
    return not is_dropped(dest)


def is_dropped(dest: str) -> bool:
    """A plugin or Qt library in DROPPED (dest: the path in the app)."""
    return any(marker in dest.replace("\\", "/") for marker in DROPPED)


def prune_binaries(
    binaries: Iterable[tuple[str, str, str]],
    imports_of: Callable[[str], Iterable[tuple[str, str | None]]],
    platform: str | None = None,
) -> list[tuple[str, str, str]]:
    """Drop DROPPED binaries, then every shared library that no kept binary needs.

    Python extension modules, Qt plugins and Qt's own libraries (macOS frameworks
    included) are roots; a plain shared library stays only if a root (or a library kept
    for one) links it. ``imports_of(src)`` gives (name as written in the binary, resolved
    path or None), as PyInstaller's ``bindepend.get_imports`` does; ``platform`` is the
    ``sys.platform`` of the app being built (deploy/check_bundle.py prunes other
    platforms' binaries here, on Linux); by default the one this runs on.
    """
    platform = platform or sys.platform
    kept = [b for b in binaries if not is_dropped(b[0])]
    # An import names a library the way its loader looks for it, which is not always the
    # file name in the app: "@rpath/QtCore.framework/Versions/A/QtCore" on macOS,
    # "MSVCP140.dll" for the file msvcp140.dll on Windows. Match on the loader's key of
    # the last path component, and on the resolved path when the caller found one.
    by_key: dict[str, list[int]] = {}
    by_src: dict[str, int] = {}
    for i, (dest, src, _kind) in enumerate(kept):
        by_key.setdefault(library_key(dest, platform), []).append(i)
        by_src[_real(src)] = i
    needed = {i for i, b in enumerate(kept) if _is_root(b[0])}
    todo = sorted(needed)
    while todo:
        for name, resolved in imports_of(kept[todo.pop()][1]):
            matches = by_key.get(library_key(name, platform), [])
            if resolved and _real(resolved) in by_src:
                matches = [*matches, by_src[_real(resolved)]]
            for i in matches:
                if i not in needed:
                    needed.add(i)
                    todo.append(i)
    return [b for i, b in enumerate(kept) if i in needed]


def library_key(name: str, platform: str | None = None) -> str:
    """What the platform's loader compares when it looks for the library ``name``.

    The last path component (a macOS import is a path: "@rpath/QtCore.framework/
    Versions/A/QtCore", "@loader_path/.dylibs/libpq.5.dylib"), without regard to case on
    Windows and macOS, whose file systems (NTFS, APFS by default) ignore it: wheels ship
    msvcp140.dll and their DLLs import MSVCP140.dll.
    """
    base = name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return base.casefold() if (platform or sys.platform) in ("win32", "cygwin", "darwin") else base


def _real(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def _is_root(dest: str) -> bool:
    dest = dest.replace("\\", "/")
    name = PurePath(dest).name
    return (
        "/plugins/" in dest
        or name.startswith(("libQt6", "Qt6", "libpython", "python3", "libpyside6", "libshiboken6"))
        # macOS: Qt's libraries are frameworks, e.g. PySide6/Qt/lib/QtCore.framework/
        # Versions/A/QtCore, whose binary has no "Qt6" or "lib" in its name.
        or (name.startswith("Qt") and f"/{name}.framework/" in dest)
        or ".abi3." in name
        or ".cpython-" in name
        or name.endswith(".pyd")
        or "lib-dynload" in dest
        or any(folder in dest for folder in CTYPES_LIBRARIES)
    )


def macos_info_plist() -> dict[str, object]:
    """The .app's Info.plist additions: the .qkledger document type."""
    from models.vocabulary.version import version

    return {
        "CFBundleShortVersionString": version(),
        "CFBundleVersion": version(),
        "NSHighResolutionCapable": True,
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "Qingkuan ledger",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": ["cn.qingkuan.ledger"],
            }
        ],
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": "cn.qingkuan.ledger",
                "UTTypeDescription": "Qingkuan ledger",
                "UTTypeConformsTo": ["public.database", "public.data"],
                "UTTypeTagSpecification": {"public.filename-extension": ["qkledger"]},
            }
        ],
    }
