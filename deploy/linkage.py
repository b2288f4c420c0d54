"""Which libraries a Windows or macOS binary loads, and where its loader finds them.

Read with pefile (PE import table, and forwarded exports, as PyInstaller reads them) and
macholib (Mach-O load commands and LC_RPATH), so deploy/check_bundle.py can follow the
dependencies of another platform's binaries on Linux.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from deploy.bundle import library_key


@dataclass(frozen=True)
class Links:
    """What one binary asks its loader for."""

    needs: tuple[str, ...]  # library names as written in the binary
    weak: frozenset[str] = frozenset()  # macOS LC_LOAD_WEAK_DYLIB: absent is allowed
    rpaths: tuple[str, ...] = ()  # macOS LC_RPATH entries, unexpanded
    arch_missing: bool = False  # a macOS binary without the target architecture's slice


def read_pe(path: Path) -> Links:
    import pefile

    pe = pefile.PE(str(path), fast_load=True)
    try:
        pe.parse_data_directories(
            directories=[
                pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_IMPORT"],
                pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_EXPORT"],
            ],
            forwarded_exports_only=True,
            import_dllnames_only=True,
        )
        names = [e.dll.decode("utf-8") for e in getattr(pe, "DIRECTORY_ENTRY_IMPORT", [])]
        # An export forwarded to another DLL ("KERNEL32.EnterCriticalSection") loads it too.
        exports = getattr(pe, "DIRECTORY_ENTRY_EXPORT", None)
        for symbol in exports.symbols if exports else []:
            if symbol.forwarder is not None:
                names.append(symbol.forwarder.decode("utf-8").split(".")[0] + ".dll")
    finally:
        pe.close()
    return Links(needs=tuple(dict.fromkeys(names)))


CPU_TYPES = {"arm64": 0x0100000C, "x86_64": 0x01000007}


def read_macho(path: Path, arch: str) -> Links:
    """The load commands of the ``arch`` slice (a universal2 binary holds two)."""
    from macholib import mach_o
    from macholib.MachO import MachO

    loads = {
        mach_o.LC_LOAD_DYLIB,
        mach_o.LC_REEXPORT_DYLIB,
        mach_o.LC_LOAD_UPWARD_DYLIB,
        mach_o.LC_LAZY_LOAD_DYLIB,
    }
    headers = [h for h in MachO(str(path)).headers if h.header.cputype == CPU_TYPES[arch]]
    if not headers:
        return Links(needs=(), arch_missing=True)
    needs: list[str] = []
    weak: set[str] = set()
    rpaths: list[str] = []
    for command, _body, data in headers[0].commands:
        if command.cmd in loads or command.cmd == mach_o.LC_LOAD_WEAK_DYLIB:
            name = _c_string(data)
            needs.append(name)
            if command.cmd == mach_o.LC_LOAD_WEAK_DYLIB:
                weak.add(name)
        elif command.cmd == mach_o.LC_RPATH:
            rpaths.append(_c_string(data))
    return Links(needs=tuple(needs), weak=frozenset(weak), rpaths=tuple(rpaths))


def _c_string(data: bytes) -> str:
    return data.split(b"\0", 1)[0].decode("utf-8")


# Windows: DLLs every supported Windows (10 and 11) has in System32, which an app must
# not ship. Anything else a binary imports must be in the bundle. (icuuc/icuin/icu:
# Qt6Core uses the ICU that Windows carries since Windows 10 1703.)
_SYSTEM_DLLS = """
advapi32 authz bcrypt bcryptprimitives cfgmgr32 comctl32 comdlg32 crypt32 d2d1 d3d9
d3d11 d3d12 dbghelp dcomp dnsapi dwmapi dwrite dxgi gdi32 gdiplus hid imm32 iphlpapi
kernel32 kernelbase mpr msimg32 mswsock ncrypt netapi32 normaliz ntdll ole32 oleacc
oleaut32 opengl32 powrprof propsys rpcrt4 secur32 setupapi shcore shell32 shlwapi
user32 userenv usp10 uxtheme version winhttp wininet winmm winspool.drv wldap32
ws2_32 wtsapi32 credui cryptnet davclnt dhcpcsvc mfplat mf mfreadwrite mfuuid evr
ksuser avrt wlanapi ntdsapi netutils srvcli sspicli wintrust urlmon synchronization
psapi uiautomationcore icuuc icuin icu
"""
WINDOWS_SYSTEM = frozenset(_SYSTEM_DLLS.split())
# Provided by the Python PyInstaller runs on (it copies them from the interpreter's
# folder), not by any wheel: the interpreter's own DLLs and the VC++ runtime it ships.
WINDOWS_PYTHON = frozenset(["python3", "python311", "vcruntime140", "vcruntime140_1"])
# Windows API sets (api-ms-win-crt-runtime-l1-1-0.dll …) are resolved by the loader
# itself, to the Universal CRT that Windows 10 and later carry.
_API_SET = re.compile(r"^(api|ext)-ms-", re.IGNORECASE)


SYSTEM = "system"
PYTHON = "python"


class Loader:
    """Finds, for an import in a binary of the bundle, the file the platform's loader loads.

    ``files`` is the bundle: paths relative to the app's site-packages-like folder. A
    result is a path in ``files``, SYSTEM (the operating system has it), PYTHON (the
    interpreter PyInstaller bundles brings it) or None (missing).
    """

    def __init__(self, platform: str, files: set[str]) -> None:
        self.platform = platform
        self.files = files
        self._by_key: dict[str, list[str]] = {}
        for path in sorted(files):
            self._by_key.setdefault(library_key(path, platform), []).append(path)

    def find(self, importer: str, name: str, rpaths: tuple[str, ...] = ()) -> str | None:
        if self.platform == "win32":
            return self._find_windows(importer, name)
        return self._find_macos(importer, name, rpaths)

    def rpaths(self, binary: str, links: Links, inherited: tuple[str, ...]) -> tuple[str, ...]:
        """The run paths dyld tries for @rpath in ``binary``: its own, then its loaders'."""
        return tuple(dict.fromkeys([*(expand_macos(r, binary) for r in links.rpaths), *inherited]))

    def _find_windows(self, importer: str, name: str) -> str | None:
        stem = name.lower().removesuffix(".dll")
        if stem in WINDOWS_SYSTEM or _API_SET.match(name):
            return SYSTEM
        if stem in WINDOWS_PYTHON:
            return PYTHON
        # The loader looks in the importing DLL's own folder first (Python loads
        # extension modules with LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR), then in the folders
        # PyInstaller's bootloader and the packages' own code add (os.add_dll_directory).
        found = self._by_key.get(library_key(name, "win32"), [])
        here = [p for p in found if posixpath.dirname(p) == posixpath.dirname(importer)]
        return (here or found or [None])[0]

    def _find_macos(self, importer: str, name: str, rpaths: tuple[str, ...]) -> str | None:
        if name.startswith(("/usr/lib/", "/System/")):
            return SYSTEM
        if name.startswith("@rpath/"):
            tail = name.removeprefix("@rpath/")
            for rpath in rpaths:
                found = self._existing(posixpath.join(rpath, tail))
                if found:
                    return found
            return None
        if name.startswith("@loader_path/"):
            return self._existing(
                posixpath.join(posixpath.dirname(importer), name.removeprefix("@loader_path/"))
            )
        if name.startswith("@executable_path/"):
            return self._existing(expand_macos(name, importer))
        return None  # an absolute path outside the system: not on the user's Mac

    def _existing(self, path: str) -> str | None:
        path = posixpath.normpath(path)
        if path in self.files:
            return path
        # APFS (the default) ignores case, and so does dyld's lookup on it.
        same = [
            p
            for p in self._by_key.get(library_key(path, "darwin"), [])
            if p.casefold() == path.casefold()
        ]
        return same[0] if same else None


def expand_macos(path: str, binary: str) -> str:
    """An rpath or library path with @loader_path/@executable_path spelled out.

    In a PyInstaller .app the executable is Contents/MacOS/qingkuan and the bundle's
    site-packages-like folder is Contents/Frameworks, so @executable_path/../Frameworks
    is the bundle's top.
    """
    if path.startswith("@loader_path"):
        return posixpath.normpath(
            posixpath.join(posixpath.dirname(binary), path.removeprefix("@loader_path").lstrip("/"))
        )
    if path.startswith("@executable_path"):
        rest = path.removeprefix("@executable_path").lstrip("/")
        return posixpath.normpath(posixpath.join("../MacOS", rest)).removeprefix("../Frameworks/")
    return path
