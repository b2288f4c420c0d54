"""What differs when Qingkuan runs as the built app (PyInstaller) rather than from the
source tree: the program's name, where its command-line documentation is, and the
checks a start-up makes before a missing library or display turns into a cryptic abort.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from models.vocabulary import program
from models.vocabulary.i18n import _

# Written by deploy/build.py into the built app's folder of libraries (sys._MEIPASS):
# {"glibc": "2.35"}, the newest glibc symbol version any bundled library needs.
BUILD_INFO = "qingkuan-build.json"
# Qt platforms that need no desktop session (tests, benchmarks, a VNC server).
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb")


def frozen() -> bool:
    """True in the built app, False when run from the source tree."""
    return bool(getattr(sys, "frozen", False))


def program_name(argv0: str | None = None) -> str:
    """How the user started the program (`models.vocabulary.program.program_name`)."""
    return program.program_name(argv0)


def bundle_folder() -> Path:
    """The built app's folder of libraries and data (PyInstaller's ``_MEIPASS``)."""
    return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))


def command_docs() -> str:
    """Where the command line's formats and rules are written: the copy shipped inside
    the built app (a path the user can open), else the source tree's docs/."""
    if frozen():
        return str(bundle_folder() / "docs" / "command-line.md")
    return "docs/command-line.md"


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".") if part.isdigit())


def running_glibc() -> str | None:
    """The glibc version of this system (``2.36``), None where there is none (musl,
    macOS, Windows)."""
    try:
        found = os.confstr("CS_GNU_LIBC_VERSION")  # "glibc 2.36"
    except (AttributeError, ValueError, OSError):
        return None
    if not found or not found.startswith("glibc "):
        return None
    return found.split()[1]


def glibc_problem(build_info: Path | None = None, running: str | None = None) -> str | None:
    """A sentence when this Linux's glibc is older than the built app's libraries need
    (they were copied from the machine that built it), else None. Checked before any of
    those libraries is loaded, so the user reads this instead of a loader error."""
    if build_info is None:
        if not (frozen() and sys.platform.startswith("linux")):
            return None
        build_info = bundle_folder() / BUILD_INFO
    try:
        needed = str(json.loads(build_info.read_text(encoding="utf-8"))["glibc"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a build that recorded nothing: nothing to compare
    running = running if running is not None else running_glibc()
    if running is None or _version(running) >= _version(needed):
        return None
    return _(
        "This Qingkuan needs a newer Linux: its libraries need the GNU C library (glibc) "
        "{needed} or newer, and this system has {running}. Use it on Ubuntu 22.04, "
        "Debian 12 or a newer Linux."
    ).format(needed=needed, running=running)


def display_problem(
    environ: Mapping[str, str] | None = None, platform: str | None = None
) -> str | None:
    """A sentence when the window cannot open because there is no display (Linux with
    neither DISPLAY nor WAYLAND_DISPLAY and no headless Qt platform chosen), else None.
    Without this check Qt aborts with a misleading message about libxcb-cursor0."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None
    chosen = environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if chosen in HEADLESS_PLATFORMS:
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return _(
        "No display: the window needs a graphical desktop, and neither DISPLAY nor "
        "WAYLAND_DISPLAY is set (a remote shell or a service has none). Start Qingkuan "
        "from the desktop, or use the commands, which need no display (--help)."
    )
