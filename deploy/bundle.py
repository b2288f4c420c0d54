"""What goes into the packaged app, and what is left out (used by deploy/qingkuan.spec).

PyInstaller's PySide6 hooks bring every plugin of the modules used, and each plugin's
system libraries: the virtual keyboard (which pulls in Qt Quick and QML), the GTK theme
(GTK, Pango, Cairo …), embedded-device platforms. Qingkuan uses none of them, so they are
dropped here, then every library no kept binary needs is dropped too.
"""

from __future__ import annotations

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
    ("pyproject.toml", "."),  # models.version reads the version from it
    ("models/translations/*.json", "models/translations"),
    ("gui/translations/*.qm", "gui/translations"),
    ("gui/assets/qingkuan.svg", "gui/assets"),
    # The Chinese font for computers without one, with its licence (reports/fonts.py).
    ("reports/assets/fonts/*", "reports/assets/fonts"),
)
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
    return not any(marker in dest.replace("\\", "/") for marker in DROPPED)


def prune_binaries(
    binaries: Iterable[tuple[str, str, str]],
    imports_of: Callable[[str], Iterable[tuple[str, str | None]]],
) -> list[tuple[str, str, str]]:
    """Drop DROPPED binaries, then every shared library that no kept binary needs.

    Python extension modules, Qt plugins and Qt's own libraries are roots; a plain
    shared library stays only if a root (or a library kept for one) links it.
    """
    kept = [b for b in binaries if not any(m in b[0].replace("\\", "/") for m in DROPPED)]
    by_name = {PurePath(dest).name: (dest, src, kind) for dest, src, kind in kept}
    roots = [b for b in kept if _is_root(b[0])]
    needed: set[str] = set()
    todo = [src for _dest, src, _kind in roots]
    while todo:
        path = todo.pop()
        for name, _resolved in imports_of(path):
            if name in by_name and name not in needed:
                needed.add(name)
                todo.append(by_name[name][1])
    return [b for b in kept if _is_root(b[0]) or PurePath(b[0]).name in needed]


def _is_root(dest: str) -> bool:
    dest = dest.replace("\\", "/")
    name = PurePath(dest).name
    return (
        "/plugins/" in dest
        or name.startswith(("libQt6", "Qt6", "libpython", "python3", "libpyside6", "libshiboken6"))
        or ".abi3." in name
        or ".cpython-" in name
        or name.endswith(".pyd")
        or "lib-dynload" in dest
    )


def macos_info_plist() -> dict[str, object]:
    """The .app's Info.plist additions: the .qkledger document type."""
    from models.version import version

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
